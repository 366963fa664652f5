// Locale-independent formatting of dates, money, numbers, durations and lists for letters. The
// words come from a Language; digits, separators and the euro sign are fixed here (see
// letter_format.h for the conventions). The deadline explanation is in deadline_explanation.cc.
#include "uitdaag/letter_format.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace uitdaag {
namespace {

// "1234567" -> "1.234.567". `digits` holds only digits.
std::string GroupThousands(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  const size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i >= lead && (i - lead) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

// A whole number in digits with dots between thousands, exact over the whole range.
std::string GroupedInteger(long long value) {
  const bool negative = value < 0;
  const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(value)
                                                : static_cast<unsigned long long>(value);
  return (negative ? "-" : "") + GroupThousands(std::to_string(magnitude));
}

}  // namespace

std::string FormatDate(Date date, const Language& language) {
  return std::to_string(date.day()) + " " + language.MonthName(date.month()) + " " +
         std::to_string(date.year());
}

std::string FormatDateWithWeekday(Date date, const Language& language) {
  return language.WeekdayName(date.weekday()) + " " + FormatDate(date, language);
}

std::string FormatDayMonth(MonthDay day, const Language& language) {
  if (day.month < 1 || day.month > 12) {
    return std::to_string(day.day) + "-" + std::to_string(day.month);
  }
  return std::to_string(day.day) + " " + language.MonthName(day.month);
}

std::string FormatMoney(Money money) {
  const bool negative = money.cents < 0;
  // The magnitude in unsigned arithmetic: -INT64_MIN does not fit an int64.
  const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(money.cents)
                                      : static_cast<uint64_t>(money.cents);
  const uint64_t whole = magnitude / 100;
  const uint64_t cents = magnitude % 100;
  std::string out = "\xE2\x82\xAC ";  // U+20AC EURO SIGN in UTF-8, then a space
  if (negative) out += '-';
  out += GroupThousands(std::to_string(whole));
  out += ',';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

std::string FormatNumber(double number) {
  if (!std::isfinite(number)) return {};
  // The largest double has 309 integer digits; with sign, point and two decimals 313 chars.
  char buffer[400];
  const std::to_chars_result r =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::fixed, 2);
  if (r.ec != std::errc()) return {};
  std::string_view text(buffer, static_cast<size_t>(r.ptr - buffer));
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  // -0, and negatives that round to zero, are plain "0".
  if (fraction.empty() && whole.find_first_not_of('0') == std::string_view::npos) {
    negative = false;
  }
  std::string out = negative ? "-" : "";
  out += GroupThousands(whole);
  if (!fraction.empty()) {
    out += ',';
    out += fraction;
  }
  return out;
}

std::string FormatCount(long long count, const Language& language) {
  if (count >= 0 && static_cast<unsigned long long>(count) < language.number_words.size()) {
    return language.number_words[static_cast<size_t>(count)];
  }
  return GroupedInteger(count);
}

std::string FormatDuration(Duration duration, const Language& language) {
  const UnitNames& unit = language.Unit(duration.unit);
  return FormatCount(duration.amount, language) + " " +
         (duration.amount == 1 ? unit.singular : unit.plural);
}

std::string FormatList(const std::vector<std::string>& items, const Language& language) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " " + language.list_and + " " : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string FormatYesNo(bool value, const Language& language) {
  return value ? language.yes : language.no;
}

std::string DescribeRule(const DeadlineRule& rule, const Language& language) {
  if (rule.kind == DeadlineRule::Kind::kPeriod) return FormatDuration(rule.period, language);
  return FillPattern(language.Pattern(PatternId::kAnnualRule),
                     {{"day_month", FormatDayMonth(rule.annual, language)}});
}

}  // namespace uitdaag
