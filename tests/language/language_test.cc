// The language file: the shipped templates/taal.yaml loads cleanly and holds the Dutch vocabulary;
// broken files are refused with file:line:column diagnostics; the {name} pattern mechanics.
#include "uitdaag/language.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "uitdaag/calendar.h"

namespace uitdaag {
namespace {

using Catch::Matchers::Contains;

std::string ShippedPath() {
  return std::string(UITDAAG_SOURCE_DIR) + "/templates/taal.yaml";
}

std::string Dump(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

// A small but complete language file; each broken case below changes one thing in it.
const std::string kValid =
    R"yaml(months: [januari, februari, maart, april, mei, juni, juli, augustus,
         september, oktober, november, december]
weekdays: [maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag]
numbers: [nul, een, twee, drie]
units:
  days: { singular: dag, plural: dagen }
  weeks: { singular: week, plural: weken }
  months: { singular: maand, plural: maanden }
  years: { singular: jaar, plural: jaar }
  working_days: { singular: werkdag, plural: werkdagen }
"yes": ja
"no": nee
list_and: en
day_names:
  new_years_day: Nieuwjaarsdag
  good_friday: Goede Vrijdag
  easter_monday: Tweede Paasdag
  ascension_day: Hemelvaartsdag
  whit_monday: Tweede Pinksterdag
  kings_day: Koningsdag
  liberation_day: Bevrijdingsdag
  christmas_day: Eerste Kerstdag
  boxing_day: Tweede Kerstdag
  saturday: zaterdag
  sunday: zondag
rules:
  annual: "elk jaar uiterlijk {day_month}"
explanation:
  named_day: "{date} ({name})"
  reason: " ({reason})"
  period: "Van {duration}, na {start}, tot en met {end}."
  annual: "Elk jaar {day_month}; na {start}: {end}."
  suspension: "Stil: {days}, {from} tot {until}{reason}, nu {end}."
  suspension_no_days: "Stil van {from} tot {until}{reason}."
  open_suspension: "Stil sinds {from}{reason}."
  extension: "Verlengd op {on} met {duration} tot {end}."
  atw_not_applied: "Geen Atw."
  atw_excluded: "Atw art. 4: {duration}."
  roll_over_one: "{day} is vrij; tot {end}."
  roll_over_many: "{days} zijn vrij; tot {end}."
  two_working_days: "Art. 2: van {from} tot {end}."
  final: "Laatste dag: {end}."
  final_provisional: "Laatste dag nu: {end} (voorlopig)."
document:
  page_label: "blad {page}/{pages}"
)yaml";

// kValid with the first occurrence of `from` replaced by `to`.
std::string Broken(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// "line:column" (1-based) of the first occurrence of `needle` in `text`, plus `extra` columns.
std::string PlaceOf(const std::string& text, const std::string& needle, int extra = 0) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(static_cast<int>(at - line_start) + 1 + extra);
}

// Requires that loading `text` fails with exactly `errors` errors, one of which is at `place`
// ("line:column") and contains every fragment.
void RequireError(const std::string& text, const std::string& place,
                  const std::vector<std::string>& fragments, size_t errors = 1) {
  const LanguageLoadResult result = LoadLanguageText(text, "taal.yaml");
  INFO(Dump(result.diagnostics));
  CHECK_FALSE(result.ok());
  size_t error_count = 0;
  bool found = false;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    ++error_count;
    const std::string line = d.ToString();
    if (line.rfind("taal.yaml:" + place + ": error: ", 0) != 0) continue;
    bool all = true;
    for (const std::string& fragment : fragments)
      all = all && line.find(fragment) != std::string::npos;
    found = found || all;
  }
  CHECK(error_count == errors);
  CHECK(found);
}

// ---- The shipped file --------------------------------------------------------------------------

TEST_CASE("Language: the shipped templates/taal.yaml loads without any diagnostic", "[language]") {
  const LanguageLoadResult result = LoadLanguageFile(ShippedPath());
  INFO(Dump(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  const Language& nl = *result.language;
  CHECK(nl.source_file == ShippedPath());
  CHECK(nl.months == std::array<std::string, 12>{"januari", "februari", "maart", "april", "mei",
                                                 "juni", "juli", "augustus", "september", "oktober",
                                                 "november", "december"});
  CHECK(nl.weekdays == std::array<std::string, 7>{"maandag", "dinsdag", "woensdag", "donderdag",
                                                  "vrijdag", "zaterdag", "zondag"});
  // Monday is weekday 1 in date.h.
  CHECK(nl.WeekdayName(Weekday::kMonday) == "maandag");
  CHECK(nl.WeekdayName(Weekday::kSunday) == "zondag");
  REQUIRE(nl.number_words.size() == 21);
  CHECK(nl.number_words[0] == "nul");
  CHECK(nl.number_words[1] == "een");
  CHECK(nl.number_words[6] == "zes");
  CHECK(nl.number_words[13] == "dertien");
  CHECK(nl.number_words[20] == "twintig");
  CHECK(nl.Unit(DurationUnit::kDays).singular == "dag");
  CHECK(nl.Unit(DurationUnit::kDays).plural == "dagen");
  CHECK(nl.Unit(DurationUnit::kWeeks).plural == "weken");
  CHECK(nl.Unit(DurationUnit::kMonths).plural == "maanden");
  CHECK(nl.Unit(DurationUnit::kYears).singular == "jaar");
  CHECK(nl.Unit(DurationUnit::kYears).plural == "jaar");
  CHECK(nl.Unit(DurationUnit::kWorkingDays).plural == "werkdagen");
  CHECK(nl.yes == "ja");
  CHECK(nl.no == "nee");
  CHECK(nl.list_and == "en");
  const std::map<std::string, std::string, std::less<>> days = {
      {"new_years_day", "Nieuwjaarsdag"},
      {"good_friday", "Goede Vrijdag"},
      {"easter_monday", "Tweede Paasdag"},
      {"ascension_day", "Hemelvaartsdag"},
      {"whit_monday", "Tweede Pinksterdag"},
      {"kings_day", "Koningsdag"},
      {"liberation_day", "Bevrijdingsdag"},
      {"christmas_day", "Eerste Kerstdag"},
      {"boxing_day", "Tweede Kerstdag"},
      {"saturday", "zaterdag"},
      {"sunday", "zondag"}};
  CHECK(nl.day_names == days);
  CHECK(nl.Pattern(PatternId::kAnnualRule) == "elk jaar uiterlijk {day_month}");
  for (const PatternSpec& spec : PatternSpecs()) {
    INFO(spec.key);
    CHECK_FALSE(nl.Pattern(spec.id).empty());
  }
}

TEST_CASE("Language: the small test file is valid, so the broken cases test one thing each",
          "[language]") {
  const LanguageLoadResult result = LoadLanguageText(kValid, "taal.yaml");
  INFO(Dump(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  CHECK(result.language->number_words.size() == 4);
  CHECK(result.language->Pattern(PatternId::kFinal) == "Laatste dag: {end}.");
}

TEST_CASE("Language: the day names cover every holiday id the calendar gives", "[language]") {
  // calendar.h lists these ids; weekend days are named by "saturday" and "sunday".
  const std::set<std::string_view> expected = {"new_years_day",  "good_friday",   "easter_monday",
                                               "ascension_day",  "whit_monday",   "kings_day",
                                               "liberation_day", "christmas_day", "boxing_day",
                                               "saturday",       "sunday"};
  const std::set<std::string_view> ids(NamedDayIds().begin(), NamedDayIds().end());
  CHECK(ids == expected);
  // And every id the calendar really produces has a name (before and after 2014's King's Day).
  const BusinessCalendar calendar;
  for (int year = 1990; year <= 2040; ++year) {
    for (const Holiday& holiday : calendar.HolidaysInYear(year)) {
      INFO(holiday.date.ToIsoString() << " " << holiday.id);
      CHECK(ids.count(holiday.id) == 1);
    }
  }
}

TEST_CASE("Language: the pattern table is in PatternId order with unique keys", "[language]") {
  REQUIRE(PatternSpecs().size() == kPatternCount);
  std::set<std::string> keys;
  for (size_t i = 0; i < PatternSpecs().size(); ++i) {
    const PatternSpec& spec = PatternSpecs()[i];
    CHECK(static_cast<size_t>(spec.id) == i);
    CHECK(&SpecOf(spec.id) == &spec);
    CHECK(keys.insert(std::string(spec.section) + "." + std::string(spec.key)).second);
  }
}

// ---- Broken files ------------------------------------------------------------------------------

TEST_CASE("Language: eleven month names are refused at the list", "[language]") {
  const std::string text = Broken("augustus,\n", "\n");
  RequireError(text, PlaceOf(text, "[januari"), {"'months' must list 12 month names", "got 11"});
}

TEST_CASE("Language: six weekday names are refused", "[language]") {
  const std::string text = Broken(", zondag]", "]");
  RequireError(text, PlaceOf(text, "[maandag"),
               {"'weekdays' must list 7", "Monday first", "got 6"});
}

TEST_CASE("Language: a missing key is reported at the mapping that lacks it", "[language]") {
  RequireError(Broken("list_and: en\n", ""), "1:1", {"missing required key 'list_and'"});
  const std::string no_month_names = Broken(
      "months: [januari, februari, maart, april, mei, juni, "
      "juli, augustus,\n         september, oktober, "
      "november, december]\n",
      "");
  RequireError(no_month_names, "1:1", {"missing required key 'months'"});
  const std::string no_plural = Broken("plural: weken", "meervoud: weken");
  RequireError(no_plural, PlaceOf(no_plural, "weeks:"),
               {"missing required key 'plural' in unit 'weeks'"}, 2);
  RequireError(no_plural, PlaceOf(no_plural, "meervoud"),
               {"unknown key 'meervoud'", "allowed keys: singular, plural"}, 2);
  const std::string no_final = Broken("  final: \"Laatste dag: {end}.\"\n", "");
  RequireError(no_final, PlaceOf(no_final, "explanation:"), {"missing required key 'final'"});
}

TEST_CASE("Language: an unknown key names the allowed keys and the likely one", "[language]") {
  const std::string top = kValid + "colour: red\n";
  RequireError(top, PlaceOf(top, "colour"),
               {"unknown key 'colour' in the language file", "allowed keys: months, weekdays"});
  // A misspelt holiday id: unknown, with a suggestion, and the real id is then missing.
  const std::string holiday = Broken("kings_day:", "kings_dag:");
  RequireError(holiday, PlaceOf(holiday, "kings_dag"),
               {"unknown key 'kings_dag'", "did you mean 'kings_day'?"}, 2);
  RequireError(holiday, PlaceOf(holiday, "day_names:"), {"missing required key 'kings_day'"}, 2);
  const std::string unit = Broken("  years:", "  hours: { singular: uur, plural: uur }\n  years:");
  RequireError(unit, PlaceOf(unit, "hours"), {"unknown key 'hours' in 'units'", "working_days"});
}

TEST_CASE("Language: an unknown placeholder is reported at its column", "[language]") {
  const std::string text = Broken("Laatste dag: {end}.", "Laatste dag: {eind}.");
  RequireError(text, PlaceOf(text, "{eind}"),
               {"unknown placeholder '{eind}' in pattern 'explanation.final'",
                "did you mean '{end}'?", "allowed here: {end}"});
  // A name that another pattern has is still unknown here.
  const std::string other = Broken("Geen Atw.", "Geen Atw na {start}.");
  RequireError(other, PlaceOf(other, "Geen Atw na {start}", 12),
               {"unknown placeholder '{start}' in pattern 'explanation.atw_not_applied'"});
  // Two unknown placeholders in one pattern: two errors, each at its own column.
  const std::string two = Broken("{day} is vrij; tot {end}.", "{dag} is vrij; tot {eind}.");
  RequireError(two, PlaceOf(two, "{dag}"), {"'{dag}'", "allowed here: {day}, {end}"}, 2);
  RequireError(two, PlaceOf(two, "{eind}"), {"'{eind}'"}, 2);
}

TEST_CASE("Language: broken braces in a pattern are reported at the brace", "[language]") {
  const std::string open = Broken("Laatste dag: {end}.", "Laatste dag: {end.");
  RequireError(open, PlaceOf(open, "{end."), {"pattern 'explanation.final'", "without a closing"});
  const std::string stray = Broken("Geen Atw.", "Geen Atw}.");
  RequireError(stray, PlaceOf(stray, "Geen Atw}", 8), {"'}' without a matching '{'"});
  const std::string empty = Broken("Geen Atw.", "Geen {} Atw.");
  RequireError(empty, PlaceOf(empty, "{}"), {"empty placeholder"});
}

TEST_CASE("Language: wrong kinds of values are refused", "[language]") {
  const std::string list_pattern = Broken("final: \"Laatste dag: {end}.\"", "final: [a, b]");
  RequireError(list_pattern, PlaceOf(list_pattern, "[a, b]"),
               {"'final' must be a single value, got a list"});
  const std::string empty_word = Broken("list_and: en", "list_and: \"\"");
  RequireError(empty_word, PlaceOf(empty_word, "\"\""), {"'list_and' must not be empty"});
  const std::string empty_month = Broken("maart,", "\"\",");
  RequireError(empty_month, PlaceOf(empty_month, "\"\""), {"items of 'months' must not be empty"});
  const std::string numbers_text = Broken("numbers: [nul, een, twee, drie]", "numbers: twintig");
  RequireError(numbers_text, PlaceOf(numbers_text, "twintig"), {"'numbers' must be a list"});
  const std::string units_list =
      Broken("  days: { singular: dag, plural: dagen }", "  days: [dag, dagen]");
  RequireError(units_list, PlaceOf(units_list, "[dag"), {"unit 'days' must be a mapping"});
}

TEST_CASE("Language: every problem in a file is reported, not just the first", "[language]") {
  std::string text = Broken("augustus,\n", "\n");
  const size_t at = text.find("{end}.\"\n  final_provisional");
  REQUIRE(at != std::string::npos);
  text.replace(at, 5, "{eind}");
  text += "colour: red\n";
  const LanguageLoadResult result = LoadLanguageText(text, "taal.yaml");
  INFO(Dump(result.diagnostics));
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.size() == 3);
  // In file order.
  CHECK_THAT(result.diagnostics[0].message, Contains("'months' must list 12"));
  CHECK_THAT(result.diagnostics[1].message, Contains("'{eind}'"));
  CHECK_THAT(result.diagnostics[2].message, Contains("'colour'"));
}

TEST_CASE("Language: syntax errors, empty files and unreadable files", "[language]") {
  RequireError("months: [januari\n", "2:1", {"YAML syntax error"});
  RequireError("", "1:1", {"the language file is empty", "months, weekdays"});
  RequireError("- januari\n", "1:1", {"the language file must be a mapping"});
  const LanguageLoadResult missing = LoadLanguageFile("/nonexistent/taal.yaml");
  CHECK_FALSE(missing.ok());
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].ToString() ==
        "/nonexistent/taal.yaml: error: cannot read the language file");
}

TEST_CASE("Language: numbers may be empty: every amount in digits", "[language]") {
  const LanguageLoadResult result =
      LoadLanguageText(Broken("numbers: [nul, een, twee, drie]", "numbers: []"), "taal.yaml");
  INFO(Dump(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.language->number_words.empty());
}

// ---- Patterns ----------------------------------------------------------------------------------

TEST_CASE("Patterns: ScanPattern finds placeholders and their offsets", "[language]") {
  const PatternScan scan = ScanPattern("De termijn van {duration} loopt tot {end}.");
  REQUIRE_FALSE(scan.error.has_value());
  REQUIRE(scan.placeholders.size() == 2);
  CHECK(scan.placeholders[0].name == "duration");
  CHECK(scan.placeholders[0].offset == 15);
  CHECK(scan.placeholders[1].name == "end");
  CHECK(scan.placeholders[1].offset == 36);
  CHECK(ScanPattern("no placeholders").placeholders.empty());
  CHECK(ScanPattern("{a}{b}").placeholders.size() == 2);

  struct Bad {
    const char* pattern;
    size_t offset;
    const char* message;
  };
  for (const Bad& bad :
       {Bad{"x {end", 2, "without a closing"}, Bad{"x end}", 5, "without a matching"},
        Bad{"{}", 0, "empty placeholder"}, Bad{"{a{b}", 0, "without a closing"}}) {
    INFO(bad.pattern);
    const PatternScan s = ScanPattern(bad.pattern);
    REQUIRE(s.error.has_value());
    CHECK(s.error->offset == bad.offset);
    CHECK_THAT(s.error->message, Contains(bad.message));
  }
}

TEST_CASE("Patterns: FillPattern replaces placeholders and keeps unknown ones visible",
          "[language]") {
  const std::map<std::string, std::string, std::less<>> values = {
      {"end", "5 maart 2026"}, {"duration", "acht weken"}, {"empty", ""}};
  CHECK(FillPattern("De termijn van {duration} loopt tot en met {end}.", values) ==
        "De termijn van acht weken loopt tot en met 5 maart 2026.");
  CHECK(FillPattern("{end}{end}", values) == "5 maart 20265 maart 2026");
  CHECK(FillPattern("a{empty}b", values) == "ab");
  CHECK(FillPattern("zonder", values) == "zonder");
  CHECK(FillPattern("", values).empty());
  CHECK(FillPattern("tot {onbekend}.", values) == "tot {onbekend}.");
  // A value that looks like a placeholder is not expanded again.
  CHECK(FillPattern("{x}", {{"x", "{end}"}}) == "{end}");
}

}  // namespace
}  // namespace uitdaag
