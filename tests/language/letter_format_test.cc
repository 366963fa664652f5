// Dutch formatting for letters with the shipped templates/taal.yaml: dates, weekdays, money,
// numbers, durations, lists, deadline rules and the explanation of real deadline computations.
// Weekdays and holidays in the tables were checked against an independent calendar (Python's
// datetime; Easter 2026 is Sunday 5 April, Ascension Day Thursday 14 May).
#include "uitdaag/letter_format.h"

#include <catch2/catch.hpp>
#include <clocale>
#include <cstdint>
#include <fstream>
#include <limits>
#include <locale>
#include <sstream>
#include <string>
#include <vector>

#include "support/deadline_builders.h"
#include "uitdaag/language.h"

namespace uitdaag {
namespace {

using namespace testing;  // NOLINT: the deadline builders are the vocabulary of these tests
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

const Language& NL() {
  static const LanguageLoadResult result =
      LoadLanguageFile(std::string(UITDAAG_SOURCE_DIR) + "/templates/taal.yaml");
  REQUIRE(result.ok());
  return *result.language;
}

// ---- Dates -------------------------------------------------------------------------------------

TEST_CASE("FormatDate: every month, the year's ends and a leap day", "[format]") {
  struct Row {
    Date date;
    const char* text;
  };
  const std::vector<Row> rows = {
      {D(2026, 1, 1), "1 januari 2026"},     {D(2026, 2, 14), "14 februari 2026"},
      {D(2026, 3, 5), "5 maart 2026"},       {D(2026, 4, 30), "30 april 2026"},
      {D(2026, 5, 1), "1 mei 2026"},         {D(2026, 6, 21), "21 juni 2026"},
      {D(2026, 7, 4), "4 juli 2026"},        {D(2026, 8, 31), "31 augustus 2026"},
      {D(2026, 9, 9), "9 september 2026"},   {D(2026, 10, 10), "10 oktober 2026"},
      {D(2026, 11, 22), "22 november 2026"}, {D(2026, 12, 31), "31 december 2026"},
      {D(2024, 2, 29), "29 februari 2024"},  {D(1999, 12, 31), "31 december 1999"},
      {D(2000, 1, 1), "1 januari 2000"},
  };
  for (const Row& row : rows) {
    INFO(row.date.ToIsoString());
    CHECK(FormatDate(row.date, NL()) == row.text);
  }
}

TEST_CASE("FormatDateWithWeekday: each weekday on a date checked independently", "[format]") {
  struct Row {
    Date date;
    const char* text;
  };
  const std::vector<Row> rows = {
      {D(2025, 6, 2), "maandag 2 juni 2025"},        {D(2026, 4, 7), "dinsdag 7 april 2026"},
      {D(2026, 3, 18), "woensdag 18 maart 2026"},    {D(2024, 2, 29), "donderdag 29 februari 2024"},
      {D(2030, 11, 22), "vrijdag 22 november 2030"}, {D(2000, 1, 1), "zaterdag 1 januari 2000"},
      {D(2027, 10, 10), "zondag 10 oktober 2027"},
  };
  for (const Row& row : rows) {
    INFO(row.date.ToIsoString());
    CHECK(FormatDateWithWeekday(row.date, NL()) == row.text);
  }
}

TEST_CASE("FormatDayMonth: the annual day, and a bad month without reading out of bounds",
          "[format]") {
  CHECK(FormatDayMonth({4, 30}, NL()) == "30 april");
  CHECK(FormatDayMonth({1, 1}, NL()) == "1 januari");
  CHECK(FormatDayMonth({12, 31}, NL()) == "31 december");
  CHECK(FormatDayMonth({13, 1}, NL()) == "1-13");
  CHECK(FormatDayMonth({0, 5}, NL()) == "5-0");
}

// ---- Money and numbers -------------------------------------------------------------------------

TEST_CASE("FormatMoney: euro sign, dots between thousands, comma and two decimals", "[format]") {
  struct Row {
    int64_t cents;
    const char* text;
  };
  const std::vector<Row> rows = {
      {0, "€ 0,00"},
      {1, "€ 0,01"},
      {50, "€ 0,50"},
      {99900, "€ 999,00"},
      {99999, "€ 999,99"},
      {100000, "€ 1.000,00"},
      {1250000, "€ 12.500,00"},
      {100000000, "€ 1.000.000,00"},
      {123456789, "€ 1.234.567,89"},
      {-1, "€ -0,01"},
      {-1250, "€ -12,50"},
      {-100000000, "€ -1.000.000,00"},
      {std::numeric_limits<int64_t>::max(), "€ 92.233.720.368.547.758,07"},
      {std::numeric_limits<int64_t>::min(), "€ -92.233.720.368.547.758,08"},
  };
  for (const Row& row : rows) {
    INFO(row.cents);
    CHECK(FormatMoney(Money{row.cents}) == row.text);
  }
}

TEST_CASE("FormatNumber: whole numbers plain, others with a decimal comma", "[format]") {
  struct Row {
    double number;
    const char* text;
  };
  const std::vector<Row> rows = {
      {0, "0"},
      {3, "3"},
      {999, "999"},
      {1000, "1.000"},
      {1250, "1.250"},
      {-1000000, "-1.000.000"},
      {1e15, "1.000.000.000.000.000"},
      {2.5, "2,5"},
      {-2.5, "-2,5"},
      {0.25, "0,25"},
      {100.1, "100,1"},
      {1234.56, "1.234,56"},
      {0.1 + 0.2, "0,3"},  // binary noise is rounded away
      {1.999, "2"},        // at most two decimals; rounding can make a whole number
      {2.004, "2"},
      {-0.0, "0"},  // no "-0"
      {-0.001, "0"},
  };
  for (const Row& row : rows) {
    INFO(row.number);
    CHECK(FormatNumber(row.number) == row.text);
  }
  CHECK(FormatNumber(std::numeric_limits<double>::quiet_NaN()).empty());
  CHECK(FormatNumber(std::numeric_limits<double>::infinity()).empty());
  CHECK(FormatNumber(-std::numeric_limits<double>::infinity()).empty());
  // The largest double: 309 digits with 102 dots, no overflow or truncation.
  const std::string max = FormatNumber(std::numeric_limits<double>::max());
  CHECK(max.size() == 309 + 102);
  CHECK(max.rfind("179.769.313.486.231.570", 0) == 0);
}

TEST_CASE("Formatting ignores the process locale", "[format]") {
  // A global C++ locale whose numbers would read "1_2_5_0#5" if anything used iostreams, and the
  // C locale of the environment when one is installed.
  struct Odd : std::numpunct<char> {
    char do_decimal_point() const override { return '#'; }
    char do_thousands_sep() const override { return '_'; }
    std::string do_grouping() const override { return "\1"; }
  };
  const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new Odd));
  const char* set = std::setlocale(LC_ALL, "");
  const std::string c_locale =
      set != nullptr ? set : "no environment locale";  // copied: the
                                                       // next setlocale may free it
  const std::string number = FormatNumber(1250.5);
  const std::string money = FormatMoney(Money{1250050});
  const std::string date = FormatDate(D(2026, 11, 22), NL());
  std::setlocale(LC_ALL, "C");
  std::locale::global(previous);
  INFO(c_locale);
  CHECK(number == "1.250,5");
  CHECK(money == "€ 12.500,50");
  CHECK(date == "22 november 2026");
}

// ---- Words -------------------------------------------------------------------------------------

TEST_CASE("FormatDuration: number words up to twenty, digits above, singular for one", "[format]") {
  struct Row {
    Duration duration;
    const char* text;
  };
  const std::vector<Row> rows = {
      {{1, DurationUnit::kWeeks}, "een week"},
      {{6, DurationUnit::kWeeks}, "zes weken"},
      {{8, DurationUnit::kWeeks}, "acht weken"},
      {{20, DurationUnit::kWeeks}, "twintig weken"},
      {{1, DurationUnit::kDays}, "een dag"},
      {{0, DurationUnit::kDays}, "nul dagen"},
      {{13, DurationUnit::kDays}, "dertien dagen"},
      {{21, DurationUnit::kDays}, "21 dagen"},
      {{25, DurationUnit::kDays}, "25 dagen"},
      {{1000, DurationUnit::kDays}, "1.000 dagen"},
      {{1, DurationUnit::kMonths}, "een maand"},
      {{3, DurationUnit::kMonths}, "drie maanden"},
      {{1, DurationUnit::kYears}, "een jaar"},
      {{3, DurationUnit::kYears}, "drie jaar"},
      {{1, DurationUnit::kWorkingDays}, "een werkdag"},
      {{10, DurationUnit::kWorkingDays}, "tien werkdagen"},
      {{65, DurationUnit::kWorkingDays}, "65 werkdagen"},
  };
  for (const Row& row : rows) {
    INFO(row.duration.ToString());
    CHECK(FormatDuration(row.duration, NL()) == row.text);
  }
}

TEST_CASE("FormatCount: words from the file, digits beyond it and for negatives", "[format]") {
  CHECK(FormatCount(0, NL()) == "nul");
  CHECK(FormatCount(12, NL()) == "twaalf");
  CHECK(FormatCount(20, NL()) == "twintig");
  CHECK(FormatCount(21, NL()) == "21");
  CHECK(FormatCount(1250, NL()) == "1.250");
  CHECK(FormatCount(-1, NL()) == "-1");
  CHECK(FormatCount(std::numeric_limits<long long>::min(), NL()) == "-9.223.372.036.854.775.808");
}

TEST_CASE("FormatList: zero, one, two, three and four items", "[format]") {
  CHECK(FormatList({}, NL()).empty());
  CHECK(FormatList({"a"}, NL()) == "a");
  CHECK(FormatList({"a", "b"}, NL()) == "a en b");
  CHECK(FormatList({"a", "b", "c"}, NL()) == "a, b en c");
  CHECK(FormatList({"de begroting", "het plan", "de handtekeningen", "een kaart"}, NL()) ==
        "de begroting, het plan, de handtekeningen en een kaart");
}

TEST_CASE("FormatYesNo", "[format]") {
  CHECK(FormatYesNo(true, NL()) == "ja");
  CHECK(FormatYesNo(false, NL()) == "nee");
}

TEST_CASE("DescribeRule: the duur of a deadline", "[format]") {
  CHECK(DescribeRule(Period(8, DurationUnit::kWeeks), NL()) == "acht weken");
  CHECK(DescribeRule(Period(1, DurationUnit::kWeeks), NL()) == "een week");
  CHECK(DescribeRule(Period(5, DurationUnit::kWorkingDays), NL()) == "vijf werkdagen");
  CHECK(DescribeRule(Period(3, DurationUnit::kMonths, false), NL()) == "drie maanden");
  CHECK(DescribeRule(Annual(4, 30, false), NL()) == "elk jaar uiterlijk 30 april");
  CHECK(DescribeRule(Annual(1, 31, true), NL()) == "elk jaar uiterlijk 31 januari");
}

// ---- The vocabulary really comes from the file
// ---------------------------------------------------

// The shipped file's text with one replacement.
std::string ShippedWith(const std::string& from, const std::string& to) {
  std::ifstream in(std::string(UITDAAG_SOURCE_DIR) + "/templates/taal.yaml", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

TEST_CASE("A municipality's language file changes the words without touching C++", "[format]") {
  // Digits instead of number words.
  const std::string numbers_line =
      "numbers: [nul, een, twee, drie, vier, vijf, zes, zeven, acht, negen, tien, elf, twaalf, "
      "dertien,\n          veertien, vijftien, zestien, zeventien, achttien, negentien, twintig]";
  LanguageLoadResult digits = LoadLanguageText(ShippedWith(numbers_line, "numbers: []"), "t.yaml");
  REQUIRE(digits.ok());
  CHECK(FormatDuration({6, DurationUnit::kWeeks}, *digits.language) == "6 weken");
  CHECK(FormatDuration({1, DurationUnit::kWeeks}, *digits.language) == "1 week");
  CHECK(DescribeRule(Period(8, DurationUnit::kWeeks), *digits.language) == "8 weken");

  // A reworded sentence and annual rule.
  LanguageLoadResult reworded = LoadLanguageText(
      ShippedWith("final: \"De laatste dag is {end}.\"", "final: \"Uiterlijk op {end}.\""),
      "t.yaml");
  REQUIRE(reworded.ok());
  const DeadlineRule rule = Period(6, DurationUnit::kWeeks);
  const DeadlineComputation c =
      ComputeDeadline(rule, D(2025, 6, 2), {}, {}, BusinessCalendar(), D(2025, 6, 2));
  CHECK_THAT(ExplainDeadline(c, rule, *reworded.language),
             EndsWith("Uiterlijk op maandag 14 juli 2025."));
  CHECK_THAT(ExplainDeadline(c, rule, NL()), EndsWith("De laatste dag is maandag 14 juli 2025."));
}

// ---- The explanation of real computations
// --------------------------------------------------------

struct Explained {
  DeadlineComputation computation;
  std::string text;
};

Explained Explain(const DeadlineRule& rule, Date start, const std::vector<Suspension>& suspensions,
                  const std::vector<Extension>& extensions, Date as_of,
                  const BusinessCalendar& calendar = BusinessCalendar()) {
  Explained e{ComputeDeadline(rule, start, suspensions, extensions, calendar, as_of), {}};
  e.text = ExplainDeadline(e.computation, rule, NL());
  // Every placeholder was filled, and the text is plain (no HTML).
  CHECK(e.text.find('{') == std::string::npos);
  CHECK(e.text.find('<') == std::string::npos);
  return e;
}

TEST_CASE("Explanation: a period without events ends on its nominal day", "[format][atw-1]") {
  const Explained e =
      Explain(Period(6, DurationUnit::kWeeks), D(2025, 6, 2), {}, {}, D(2025, 6, 2));
  CHECK(e.computation.legal_end == D(2025, 7, 14));
  CHECK(e.text ==
        "De termijn van zes weken begint op de dag na 2 juni 2025 en loopt tot en met "
        "14 juli 2025. De laatste dag is maandag 14 juli 2025.");
}

TEST_CASE("Explanation: a closed suspension adds its days", "[format][awb-4:15]") {
  // Suspended from the day after Friday 16 January up to Thursday 29 January: 12 days.
  const Explained e =
      Explain(Period(8, DurationUnit::kWeeks), D(2026, 1, 8),
              {{D(2026, 1, 16), D(2026, 1, 29), "aanvraag onvolledig"}}, {}, D(2026, 2, 1));
  CHECK(e.computation.legal_end == D(2026, 3, 17));
  CHECK(e.text ==
        "De termijn van acht weken begint op de dag na 8 januari 2026 en loopt tot en met "
        "5 maart 2026. De termijn stond twaalf dagen stil: van de dag na 16 januari 2026 tot "
        "29 januari 2026 (aanvraag onvolledig). Daardoor schuift de laatste dag op naar "
        "17 maart 2026. De laatste dag is dinsdag 17 maart 2026.");
}

TEST_CASE("Explanation: a suspension without a reason and one that adds nothing",
          "[format][awb-4:15]") {
  const Explained none = Explain(Period(8, DurationUnit::kWeeks), D(2026, 1, 8),
                                 {{D(2026, 1, 16), D(2026, 1, 17), ""}}, {}, D(2026, 2, 1));
  CHECK(none.computation.legal_end == D(2026, 3, 5));
  CHECK(none.text ==
        "De termijn van acht weken begint op de dag na 8 januari 2026 en loopt tot en met "
        "5 maart 2026. De termijn stond stil van 16 januari 2026 tot 17 januari 2026. Dat telt "
        "niet mee, omdat de termijn de volgende dag alweer verder liep. De laatste dag is "
        "donderdag 5 maart 2026.");
  const Explained one = Explain(Period(8, DurationUnit::kWeeks), D(2026, 1, 8),
                                {{D(2026, 1, 16), D(2026, 1, 18), ""}}, {}, D(2026, 2, 1));
  CHECK_THAT(one.text, Contains("De termijn stond een dag stil: van de dag na 16 januari 2026 tot "
                                "18 januari 2026. Daardoor"));
}

TEST_CASE("Explanation: an open suspension makes the date provisional", "[format][awb-4:15]") {
  // 16 days added up to 1 February; 5 March + 16 = Saturday 21 March, rolled to Monday 23 March.
  const Explained e =
      Explain(Period(8, DurationUnit::kWeeks), D(2026, 1, 8),
              {{D(2026, 1, 16), std::nullopt, "aanvraag onvolledig"}}, {}, D(2026, 2, 1));
  CHECK(e.computation.provisional);
  CHECK(e.computation.legal_end == D(2026, 3, 23));
  CHECK(e.text ==
        "De termijn van acht weken begint op de dag na 8 januari 2026 en loopt tot en met "
        "5 maart 2026. De termijn staat stil sinds de dag na 16 januari 2026 (aanvraag "
        "onvolledig). Zolang hij stilstaat, schuift de laatste dag elke dag een dag op. "
        "Zaterdag 21 maart 2026 en zondag 22 maart 2026 zijn geen werkdagen. Daarom loopt de "
        "termijn door tot en met maandag 23 maart 2026. De laatste dag is nu maandag "
        "23 maart 2026. Deze datum is voorlopig: hij schuift op zolang de termijn stilstaat.");
}

TEST_CASE("Explanation: an extension names its duration and announcement", "[format][awb-4:14]") {
  const Explained e =
      Explain(Period(8, DurationUnit::kWeeks), D(2026, 1, 8), {},
              {{D(2026, 2, 20), {6, DurationUnit::kWeeks}, "verdaging"}}, D(2026, 2, 20));
  CHECK(e.computation.legal_end == D(2026, 4, 16));
  CHECK(e.text ==
        "De termijn van acht weken begint op de dag na 8 januari 2026 en loopt tot en met "
        "5 maart 2026. De termijn is op 20 februari 2026 verlengd met zes weken (artikel 4:14 "
        "Awb). Daardoor schuift de laatste dag op naar 16 april 2026. De laatste dag is "
        "donderdag 16 april 2026.");
}

TEST_CASE("Explanation: Good Friday, the weekend and Easter Monday in one sentence",
          "[format][atw-1]") {
  const Explained e =
      Explain(Period(6, DurationUnit::kWeeks), D(2026, 2, 20), {}, {}, D(2026, 2, 20));
  CHECK(e.computation.legal_end == D(2026, 4, 7));
  CHECK(e.text ==
        "De termijn van zes weken begint op de dag na 20 februari 2026 en loopt tot en met "
        "3 april 2026. Vrijdag 3 april 2026 (Goede Vrijdag), zaterdag 4 april 2026, zondag "
        "5 april 2026 en maandag 6 april 2026 (Tweede Paasdag) zijn geen werkdagen. Daarom loopt "
        "de termijn door tot en met dinsdag 7 april 2026. De laatste dag is dinsdag "
        "7 april 2026.");
}

TEST_CASE("Explanation: a weekend moves the end to Monday", "[format][atw-1]") {
  const Explained e =
      Explain(Period(2, DurationUnit::kWeeks), D(2026, 2, 28), {}, {}, D(2026, 2, 28));
  CHECK(e.computation.legal_end == D(2026, 3, 16));
  CHECK(e.text ==
        "De termijn van twee weken begint op de dag na 28 februari 2026 en loopt tot en met "
        "14 maart 2026. Zaterdag 14 maart 2026 en zondag 15 maart 2026 zijn geen werkdagen. "
        "Daarom loopt de termijn door tot en met maandag 16 maart 2026. De laatste dag is "
        "maandag 16 maart 2026.");
}

TEST_CASE("Explanation: one holiday in one short sentence, an extra day by its reason",
          "[format][atw-1][atw-3]") {
  // Three months from 14 February 2026 end on Ascension Day (not longer than three months: the
  // Atw applies).
  const Explained three =
      Explain(Period(3, DurationUnit::kMonths), D(2026, 2, 14), {}, {}, D(2026, 2, 14));
  CHECK(three.computation.legal_end == D(2026, 5, 15));
  CHECK_THAT(three.text, Contains(" Donderdag 14 mei 2026 (Hemelvaartsdag) is geen werkdag. Daarom "
                                  "loopt de termijn door tot en met vrijdag 15 mei 2026. "));

  BusinessCalendar calendar;
  calendar.AddExtraDay(D(2026, 5, 15), "dag na Hemelvaartsdag");
  const Explained extra =
      Explain(Period(6, DurationUnit::kWeeks), D(2026, 4, 3), {}, {}, D(2026, 4, 3), calendar);
  CHECK(extra.computation.legal_end == D(2026, 5, 18));
  CHECK_THAT(extra.text, Contains("Vrijdag 15 mei 2026 (dag na Hemelvaartsdag), zaterdag "
                                  "16 mei 2026 en zondag 17 mei 2026 zijn geen werkdagen."));
}

TEST_CASE("Explanation: Atw art. 4 excludes a period longer than three months", "[format][atw-4]") {
  // Four months from 14 January 2026 end on Ascension Day, and stay there.
  const Explained e =
      Explain(Period(4, DurationUnit::kMonths), D(2026, 1, 14), {}, {}, D(2026, 1, 14));
  CHECK(e.computation.legal_end == D(2026, 5, 14));
  CHECK(e.text ==
        "De termijn van vier maanden begint op de dag na 14 januari 2026 en loopt tot en met "
        "14 mei 2026. De Algemene termijnenwet geldt niet voor een termijn die langer is dan "
        "twaalf weken, negentig dagen of drie maanden (artikel 4). Deze termijn duurt vier "
        "maanden. Valt de laatste dag in een weekend of op een feestdag? Dan schuift die dag "
        "niet op. De laatste dag is donderdag 14 mei 2026.");
}

TEST_CASE("Explanation: a rule without the Atw says so", "[format]") {
  // Six weeks from Saturday 2026-01-31 end on a Saturday, which is kept.
  const Explained e =
      Explain(Period(6, DurationUnit::kWeeks, false), D(2026, 1, 31), {}, {}, D(2026, 1, 31));
  CHECK(e.computation.legal_end == D(2026, 3, 14));
  CHECK(e.text ==
        "De termijn van zes weken begint op de dag na 31 januari 2026 en loopt tot en met "
        "14 maart 2026. Voor deze termijn geldt de Algemene termijnenwet niet. Valt de laatste "
        "dag in een weekend of op een feestdag? Dan schuift die dag niet op. De laatste dag is "
        "zaterdag 14 maart 2026.");
}

TEST_CASE("Explanation: Atw art. 2 adds a second working day", "[format][atw-2]") {
  // Three days from Thursday 2 April 2026 end on Sunday 5 April; art. 1 moves it past Easter
  // Monday to Tuesday 7 April, which holds one working day; art. 2 adds Wednesday 8 April.
  const Explained e = Explain(Period(3, DurationUnit::kDays), D(2026, 4, 2), {}, {}, D(2026, 4, 2));
  CHECK(e.computation.legal_end == D(2026, 4, 8));
  CHECK(e.text ==
        "De termijn van drie dagen begint op de dag na 2 april 2026 en loopt tot en met "
        "5 april 2026. Zondag 5 april 2026 en maandag 6 april 2026 (Tweede Paasdag) zijn geen "
        "werkdagen. Daarom loopt de termijn door tot en met dinsdag 7 april 2026. Een termijn "
        "van drie dagen of langer moet minstens twee werkdagen hebben (artikel 2 Algemene "
        "termijnenwet). Daarom loopt de termijn door tot en met woensdag 8 april 2026. De "
        "laatste dag is woensdag 8 april 2026.");
}

TEST_CASE("Explanation: an annual date on a holiday", "[format][atw-1]") {
  const Explained e = Explain(Annual(5, 5, true), D(2026, 1, 8), {}, {}, D(2026, 1, 8));
  CHECK(e.computation.legal_end == D(2026, 5, 6));
  CHECK(e.text ==
        "De termijn eindigt elk jaar op 5 mei. De eerste keer na 8 januari 2026 is dat "
        "5 mei 2026. Dinsdag 5 mei 2026 (Bevrijdingsdag) is geen werkdag. Daarom loopt de "
        "termijn door tot en met woensdag 6 mei 2026. De laatste dag is woensdag 6 mei 2026.");
  const Explained kept = Explain(Annual(4, 30, false), D(2026, 5, 1), {}, {}, D(2026, 5, 1));
  CHECK(kept.computation.legal_end == D(2027, 4, 30));
  CHECK_THAT(kept.text, Contains("De termijn eindigt elk jaar op 30 april. De eerste keer na "
                                 "1 mei 2026 is dat 30 april 2027. Voor deze termijn geldt"));
}

TEST_CASE("Explanation: a period in working days rolls back onto a working day", "[format]") {
  // Ten working days from Wednesday 1 April 2026 (Easter Monday skipped): Friday 17 April;
  // a suspension of two days moves it to Sunday 19 April, so it ends on Monday 20 April.
  const Explained e =
      Explain(Period(10, DurationUnit::kWorkingDays), D(2026, 4, 1),
              {{D(2026, 4, 7), D(2026, 4, 10), "ontbrekende stukken"}}, {}, D(2026, 4, 10));
  CHECK(e.computation.legal_end == D(2026, 4, 20));
  CHECK(e.text ==
        "De termijn van tien werkdagen begint op de dag na 1 april 2026 en loopt tot en met "
        "17 april 2026. De termijn stond twee dagen stil: van de dag na 7 april 2026 tot "
        "10 april 2026 (ontbrekende stukken). Daardoor schuift de laatste dag op naar "
        "19 april 2026. Zondag 19 april 2026 is geen werkdag. Daarom loopt de termijn door tot "
        "en met maandag 20 april 2026. De laatste dag is maandag 20 april 2026.");
}

TEST_CASE("Explanation: suspension, extension and roll-over in order", "[format][awb-4:15]") {
  // 8 weeks from Thursday 8 January 2026: 5 March; + 12 days: 17 March; + 4 weeks: Tuesday
  // 14 April.
  const Explained e =
      Explain(Period(8, DurationUnit::kWeeks), D(2026, 1, 8),
              {{D(2026, 1, 16), D(2026, 1, 29), "aanvraag onvolledig"}},
              {{D(2026, 3, 2), {4, DurationUnit::kWeeks}, "verdaging"}}, D(2026, 3, 2));
  CHECK(e.computation.legal_end == D(2026, 4, 14));
  const size_t suspension = e.text.find("stond twaalf dagen stil");
  const size_t extension = e.text.find("verlengd met vier weken");
  const size_t last = e.text.find("De laatste dag is dinsdag 14 april 2026.");
  REQUIRE(suspension != std::string::npos);
  REQUIRE(extension != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK(suspension < extension);
  CHECK(extension < last);
}

}  // namespace
}  // namespace uitdaag
