// Language: the words and sentence patterns letters are written with, loaded from a language file
// (templates/taal.yaml for Dutch).
//
// The engine's C++ holds no word of the letters' language (engine/DESIGN.md; a hygiene test
// checks it). Month and weekday names, number words, unit names, the names of holidays and the
// sentences of the deadline explanation all come from this file, so a municipality can reword a
// sentence without touching C++. The formatters that use a Language are in letter_format.h.
//
// Sentence patterns are text with `{name}` placeholders ("elk jaar uiterlijk {day_month}"). Which
// names each pattern may use is fixed here (PatternSpecs()); the loader rejects a pattern with an
// unknown placeholder, so formatting never meets one. A pattern need not use all of its names.
// Braces are only used for placeholders: a `{` without a matching `}`, a stray `}` or an empty
// `{}` is a load error too.
//
// Loading reports every problem as file:line:column (unknown keys with the keys allowed there,
// missing keys, eleven month names instead of twelve, an unknown placeholder at its column...),
// collecting all of them, never throwing.
//
// Ownership and thread safety: Language is a value; a loaded one is immutable in practice and may
// be shared between threads for reading. Loading is reentrant.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/duration.h"
#include "uitdaag/loader.h"

namespace uitdaag {

// Every sentence pattern of a language file.
enum class PatternId {
  kAnnualRule,        // rules.annual: an annual deadline as a rule ("elk jaar uiterlijk ...")
  kNamedDay,          // explanation.named_day: a non-working day with its holiday name
  kReason,            // explanation.reason: the reason of a suspension, placed in a sentence
  kPeriod,            // explanation.period: start and nominal end of a period
  kAnnual,            // explanation.annual: the first annual date after the start
  kSuspension,        // explanation.suspension: a closed suspension that added days
  kSuspensionNoDays,  // explanation.suspension_no_days: a closed suspension that added none
  kOpenSuspension,    // explanation.open_suspension: a suspension still running
  kExtension,         // explanation.extension: an extension (Awb 4:14)
  kAtwNotApplied,     // explanation.atw_not_applied: the rule does not use the Atw
  kAtwExcluded,       // explanation.atw_excluded: Atw art. 4 excludes a long period
  kRollOverOne,       // explanation.roll_over_one: one non-working day moved the end
  kRollOverMany,      // explanation.roll_over_many: several in a row moved the end
  kTwoWorkingDays,    // explanation.two_working_days: Atw art. 2
  kFinal,             // explanation.final: the last day
  kFinalProvisional,  // explanation.final_provisional: the last day, while it still moves
  kPageLabel,         // document.page_label: the page number in a PDF letter's footer
};
inline constexpr size_t kPatternCount = static_cast<size_t>(PatternId::kPageLabel) + 1;

// What a pattern is called in the language file and which placeholders it may use.
struct PatternSpec {
  PatternId id;
  std::string_view section;  // "rules", "explanation" or "document"
  std::string_view key;      // "annual", "period", ...
  std::vector<std::string_view> placeholders;
};

// Every pattern, in PatternId order (PatternSpecs()[i].id == PatternId(i)).
const std::vector<PatternSpec>& PatternSpecs();
const PatternSpec& SpecOf(PatternId id);

// A placeholder found in a pattern: its name and the offset of its `{` in the pattern text.
struct PlaceholderUse {
  std::string name;
  size_t offset = 0;
};

// A problem with the braces of a pattern, at an offset in the pattern text.
struct PatternError {
  std::string message;
  size_t offset = 0;
};

// The placeholders of `pattern` in order, or the first brace problem.
struct PatternScan {
  std::vector<PlaceholderUse> placeholders;
  std::optional<PatternError> error;
};
PatternScan ScanPattern(std::string_view pattern);

// Replaces each `{name}` by values[name]. A name without a value is left as written ("{name}"),
// visible rather than silently empty; the loader makes sure that cannot happen for the patterns of
// a loaded Language. Text outside placeholders is copied unchanged.
std::string FillPattern(std::string_view pattern,
                        const std::map<std::string, std::string, std::less<>>& values);

// The singular and plural of a duration unit ("week", "weken").
struct UnitNames {
  std::string singular;
  std::string plural;
};

struct Language {
  std::array<std::string, 12> months;   // months[0] is January
  std::array<std::string, 7> weekdays;  // weekdays[0] is Monday (ISO numbering, date.h)
  // number_words[n] is the word for n; amounts from number_words.size() on are written in
  // digits. May be empty (digits everywhere).
  std::vector<std::string> number_words;
  std::array<UnitNames, 5> units;  // indexed by DurationUnit
  std::string yes;                 // booleans in text
  std::string no;
  std::string list_and;  // the word before the last item of a list
  // The name of a non-working day by the calendar's id: every statutory holiday id of calendar.h
  // plus "saturday" and "sunday".
  std::map<std::string, std::string, std::less<>> day_names;
  std::array<std::string, kPatternCount> patterns;  // indexed by PatternId
  std::string source_file;                          // where it was loaded from

  // REQUIRES: 1 <= month <= 12.
  const std::string& MonthName(int month) const { return months[static_cast<size_t>(month - 1)]; }
  const std::string& WeekdayName(Weekday day) const {
    return weekdays[static_cast<size_t>(static_cast<int>(day) - 1)];
  }
  const UnitNames& Unit(DurationUnit unit) const { return units[static_cast<size_t>(unit)]; }
  const std::string& Pattern(PatternId id) const { return patterns[static_cast<size_t>(id)]; }
  // The name of a non-working day, or nullptr for an id the file does not name.
  const std::string* DayName(std::string_view id) const {
    auto it = day_names.find(id);
    return it == day_names.end() ? nullptr : &it->second;
  }
};

// The day ids a language file must name: the statutory holiday ids of calendar.h, "saturday"
// and "sunday".
const std::vector<std::string_view>& NamedDayIds();

struct LanguageLoadResult {
  std::optional<Language> language;     // absent when there is any error
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
  bool ok() const { return language.has_value(); }
};

// Reads and checks the language file at `path`. An unreadable file is one error diagnostic.
LanguageLoadResult LoadLanguageFile(const std::string& path);

// Checks language YAML text; `file_name` is used in diagnostics and as source_file.
LanguageLoadResult LoadLanguageText(std::string_view yaml, const std::string& file_name);

}  // namespace uitdaag
