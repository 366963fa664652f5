// Formatting values for letters (templates/README.md, "Formatting"): dates, money, numbers,
// durations, lists, deadline rules and the explanation of a deadline, in the words of a Language
// (language.h; Dutch from templates/taal.yaml).
//
// Every function here is pure and locale-independent: no setlocale, no std::locale, no iostream
// formatting; the same input gives the same bytes on every machine. Output is plain UTF-8 text
// (never HTML): the renderer escapes it.
//
// Conventions (the Dutch ones, chosen once):
//  - money: the euro sign, a space, the sign, dots between thousands, a comma and two decimals:
//    "€ 12.500,00", "€ 0,50", "€ -12,50" (the minus sits next to the digits, after "€ ", as Dutch
//    bank statements and the Belastingdienst write it; the space is a plain U+0020 so that letters
//    and tests agree byte for byte).
//  - numbers: whole numbers plain with dots between thousands ("3", "1.250", "-1.000.000");
//    others with a decimal comma, rounded to at most two decimals, trailing zeros dropped ("2,5",
//    "1.234,56"); -0 and values that round to 0 are "0".
//  - dates: day without leading zero, month name, year: "1 mei 2026"; with the weekday first:
//    "dinsdag 7 april 2026".
//  - durations: a number word when the language has one for the amount, else digits; singular
//    for 1: "een week", "zes weken", "25 dagen".
//  - lists: "a", "a en b", "a, b en c".
//
// Thread safety: functions on values; reentrant.
#pragma once

#include <string>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/deadline.h"
#include "uitdaag/duration.h"
#include "uitdaag/language.h"
#include "uitdaag/value.h"

namespace uitdaag {

// "22 november 2026".
std::string FormatDate(Date date, const Language& language);
// "dinsdag 7 april 2026".
std::string FormatDateWithWeekday(Date date, const Language& language);
// "30 april". A month outside 1..12 is written as its number ("30-13"), never out of bounds.
std::string FormatDayMonth(MonthDay day, const Language& language);

// "€ 12.500,00", "€ -12,50"; exact over the whole int64 range.
std::string FormatMoney(Money money);

// "3", "1.250", "2,5", "-1.000.000". NaN and infinities give an empty string (form validation
// never lets them in; an empty text renders as absent rather than as an English word).
std::string FormatNumber(double number);

// A whole number as words when the language has a word for it ("zes"), else digits with dots
// between thousands ("25", "1.000").
std::string FormatCount(long long count, const Language& language);

// "zes weken", "een week", "tien werkdagen", "25 dagen".
std::string FormatDuration(Duration duration, const Language& language);

// "a", "a en b", "a, b en c"; an empty list gives an empty string.
std::string FormatList(const std::vector<std::string>& items, const Language& language);

// "ja" / "nee".
std::string FormatYesNo(bool value, const Language& language);

// The `duur` of templates/README.md: "acht weken", or for an annual rule the `rules.annual`
// pattern: "elk jaar uiterlijk 30 april".
std::string DescribeRule(const DeadlineRule& rule, const Language& language);

// The `uitleg` of templates/README.md: how the legal end was computed, in short sentences, one
// or more per step of computation.legal_steps: the start and nominal end (or the annual date),
// each suspension (closed or still open), each extension, why the Atw did not act (not applied,
// or excluded by art. 4), the non-working days that moved the end (consecutive ones in one
// sentence, holidays by name), Atw art. 2, and the last day with its weekday (with the notice
// that it is provisional while a suspension is open). Each sentence starts with a capital (ASCII
// letters and "ij"); sentences are joined by one space.
// REQUIRES: `computation` was computed by ComputeDeadline from `rule`.
std::string ExplainDeadline(const DeadlineComputation& computation, const DeadlineRule& rule,
                            const Language& language);

}  // namespace uitdaag
