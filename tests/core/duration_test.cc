// Durations as the law states them: parsing, printing, the Atw art. 4 limit, date arithmetic.
#include <catch2/catch.hpp>

#include "uitdaag/duration.h"

namespace uitdaag {
namespace {

Duration Parsed(const char* text) {
  StatusOr<Duration> r = Duration::Parse(text);
  INFO(text << ": " << r.status().ToString());
  REQUIRE(r.ok());
  return *r;
}

std::string ErrorOf(const char* text) {
  StatusOr<Duration> r = Duration::Parse(text);
  INFO(text);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kInvalidArgument);
  return r.status().message();
}

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

TEST_CASE("Duration: parse every unit", "[duration]") {
  CHECK(Parsed("8 weeks") == Duration{8, DurationUnit::kWeeks});
  CHECK(Parsed("1 week") == Duration{1, DurationUnit::kWeeks});
  CHECK(Parsed("3 months") == Duration{3, DurationUnit::kMonths});
  CHECK(Parsed("1 month") == Duration{1, DurationUnit::kMonths});
  CHECK(Parsed("10 working days") == Duration{10, DurationUnit::kWorkingDays});
  CHECK(Parsed("1 working day") == Duration{1, DurationUnit::kWorkingDays});
  CHECK(Parsed("14 days") == Duration{14, DurationUnit::kDays});
  CHECK(Parsed("1 day") == Duration{1, DurationUnit::kDays});
  CHECK(Parsed("1 year") == Duration{1, DurationUnit::kYears});
  CHECK(Parsed("2 years") == Duration{2, DurationUnit::kYears});
  CHECK(Parsed("0 days") == Duration{0, DurationUnit::kDays});
  // Lenient about spacing around and between the words, and about singular/plural.
  CHECK(Parsed("  6 weeks ") == Duration{6, DurationUnit::kWeeks});
  CHECK(Parsed("5  working   days") == Duration{5, DurationUnit::kWorkingDays});
  CHECK(Parsed("1 weeks") == Duration{1, DurationUnit::kWeeks});
  CHECK(Parsed("1000 days") == Duration{1000, DurationUnit::kDays});
}

TEST_CASE("Duration: parse errors name the problem", "[duration]") {
  CHECK_THAT(ErrorOf("-3 weeks"), Catch::Contains("must not be negative"));
  CHECK_THAT(ErrorOf(" -1 day"), Catch::Contains("must not be negative"));
  CHECK_THAT(ErrorOf("8"), Catch::Contains("missing unit"));
  CHECK_THAT(ErrorOf("8 "), Catch::Contains("missing unit"));
  CHECK_THAT(ErrorOf("8 fortnights"), Catch::Contains("unknown unit 'fortnights'"));
  CHECK_THAT(ErrorOf("8 Weeks"), Catch::Contains("unknown unit 'Weeks'"));
  CHECK_THAT(ErrorOf("8 hours"), Catch::Contains("unknown unit 'hours'"));
  CHECK_THAT(ErrorOf("8 weeks later"), Catch::Contains("unexpected text 'later'"));
  CHECK_THAT(ErrorOf("10 working days x"), Catch::Contains("unexpected text 'x'"));
  CHECK_THAT(ErrorOf("10 working"), Catch::Contains("'working' must be followed by"));
  CHECK_THAT(ErrorOf("10 working weeks"), Catch::Contains("'working' must be followed by"));
  CHECK_THAT(ErrorOf("8weeks"), Catch::Contains("space between"));
  CHECK_THAT(ErrorOf("weeks"), Catch::Contains("whole number"));
  CHECK_THAT(ErrorOf("+8 weeks"), Catch::Contains("whole number"));
  CHECK_THAT(ErrorOf("8.5 weeks"), Catch::Contains("whole number"));
  CHECK_THAT(ErrorOf("2,5 months"), Catch::Contains("whole number"));
  CHECK_THAT(ErrorOf("1001 days"), Catch::Contains("too large"));
  CHECK_THAT(ErrorOf("99999999999 days"), Catch::Contains("too large"));
  CHECK_THAT(ErrorOf(""), Catch::Contains("empty"));
  CHECK_THAT(ErrorOf("   "), Catch::Contains("empty"));
  // The message quotes the input.
  CHECK_THAT(ErrorOf("8 fortnights"), Catch::StartsWith("duration '8 fortnights'"));
}

TEST_CASE("Duration: ToString uses singular and plural and parses back", "[duration]") {
  const Duration samples[] = {
      {1, DurationUnit::kDays},  {14, DurationUnit::kDays},       {1, DurationUnit::kWeeks},
      {8, DurationUnit::kWeeks}, {1, DurationUnit::kMonths},      {3, DurationUnit::kMonths},
      {1, DurationUnit::kYears}, {0, DurationUnit::kYears},       {1, DurationUnit::kWorkingDays},
      {10, DurationUnit::kWorkingDays},
  };
  const char* texts[] = {"1 day",   "14 days", "1 week", "8 weeks",       "1 month",
                         "3 months", "1 year", "0 years", "1 working day", "10 working days"};
  for (size_t i = 0; i < std::size(samples); ++i) {
    CHECK(samples[i].ToString() == texts[i]);
    CHECK(Parsed(texts[i]) == samples[i]);
  }
}

TEST_CASE("Duration: the Atw art. 4 limit", "[duration][atw-4]") {
  CHECK_FALSE(Duration{12, DurationUnit::kWeeks}.LongerThanAtwLimit());
  CHECK(Duration{13, DurationUnit::kWeeks}.LongerThanAtwLimit());
  CHECK_FALSE(Duration{90, DurationUnit::kDays}.LongerThanAtwLimit());
  CHECK(Duration{91, DurationUnit::kDays}.LongerThanAtwLimit());
  CHECK_FALSE(Duration{3, DurationUnit::kMonths}.LongerThanAtwLimit());
  CHECK(Duration{4, DurationUnit::kMonths}.LongerThanAtwLimit());
  CHECK(Duration{1, DurationUnit::kYears}.LongerThanAtwLimit());
  CHECK_FALSE(Duration{0, DurationUnit::kYears}.LongerThanAtwLimit());
  // Working days: 5 count as a week; 64 * 7 / 5 = 89 days, 65 * 7 / 5 = 91 days.
  CHECK_FALSE(Duration{10, DurationUnit::kWorkingDays}.LongerThanAtwLimit());
  CHECK_FALSE(Duration{64, DurationUnit::kWorkingDays}.LongerThanAtwLimit());
  CHECK(Duration{65, DurationUnit::kWorkingDays}.LongerThanAtwLimit());
}

TEST_CASE("Duration: adding calendar units to the event date", "[duration]") {
  // Weeks: the same weekday.
  CHECK(Duration{6, DurationUnit::kWeeks}.AddTo(D(2025, 6, 2)) == D(2025, 7, 14));
  CHECK(Duration{6, DurationUnit::kWeeks}.AddTo(D(2025, 11, 13)) == D(2025, 12, 25));
  // Days.
  CHECK(Duration{14, DurationUnit::kDays}.AddTo(D(2025, 12, 25)) == D(2026, 1, 8));
  CHECK(Duration{0, DurationUnit::kDays}.AddTo(D(2025, 12, 25)) == D(2025, 12, 25));
  // Months: the same day-number, clamped.
  CHECK(Duration{3, DurationUnit::kMonths}.AddTo(D(2025, 11, 30)) == D(2026, 2, 28));
  CHECK(Duration{1, DurationUnit::kMonths}.AddTo(D(2024, 1, 31)) == D(2024, 2, 29));
  CHECK(Duration{2, DurationUnit::kMonths}.AddTo(D(2025, 11, 13)) == D(2026, 1, 13));
  // Years.
  CHECK(Duration{1, DurationUnit::kYears}.AddTo(D(2024, 2, 29)) == D(2025, 2, 28));
  CHECK(Duration{1, DurationUnit::kYears}.AddTo(D(2025, 4, 30)) == D(2026, 4, 30));
}

TEST_CASE("Duration: counting backwards", "[duration]") {
  CHECK(Duration{6, DurationUnit::kWeeks}.SubtractFrom(D(2025, 7, 14)) == D(2025, 6, 2));
  CHECK(Duration{4, DurationUnit::kDays}.SubtractFrom(D(2025, 12, 29)) == D(2025, 12, 25));
  CHECK(Duration{1, DurationUnit::kMonths}.SubtractFrom(D(2025, 3, 31)) == D(2025, 2, 28));
  CHECK(Duration{1, DurationUnit::kYears}.SubtractFrom(D(2028, 2, 29)) == D(2027, 2, 28));
  CHECK(Duration{2, DurationUnit::kMonths}.SubtractFrom(D(2026, 1, 13)) == D(2025, 11, 13));
}

}  // namespace
}  // namespace uitdaag
