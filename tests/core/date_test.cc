// Civil dates: construction, parsing, weekdays, month arithmetic.
#include <catch2/catch.hpp>

#include "uitdaag/date.h"

namespace uitdaag {
namespace {

TEST_CASE("Date: the epoch and day arithmetic", "[date]") {
  CHECK(Date().ToIsoString() == "1970-01-01");
  CHECK(Date::FromYmd(1970, 1, 1).DaysSinceEpoch() == 0);
  CHECK(Date::FromYmd(1969, 12, 31).DaysSinceEpoch() == -1);
  CHECK(Date::FromYmd(2000, 3, 1).DaysSinceEpoch() == 11017);
  CHECK(Date::FromYmd(2025, 12, 31).AddDays(1) == Date::FromYmd(2026, 1, 1));
  CHECK(Date::FromYmd(2024, 2, 28).AddDays(1) == Date::FromYmd(2024, 2, 29));
  CHECK(Date::FromYmd(2026, 1, 1) - Date::FromYmd(2025, 1, 1) == 365);
  CHECK(Date::FromYmd(2025, 1, 1) - Date::FromYmd(2026, 1, 1) == -365);
  CHECK(Date::FromYmd(2025, 6, 2) < Date::FromYmd(2025, 6, 3));
}

TEST_CASE("Date: year, month and day round-trip over four centuries", "[date]") {
  Date d = Date::FromYmd(1900, 1, 1);
  int expected_day = 1, expected_month = 1, expected_year = 1900;
  for (int i = 0; i < 146097; ++i) {  // one full Gregorian cycle
    REQUIRE(d.year() == expected_year);
    REQUIRE(d.month() == expected_month);
    REQUIRE(d.day() == expected_day);
    d = d.AddDays(1);
    if (++expected_day > Date::DaysInMonth(expected_year, expected_month)) {
      expected_day = 1;
      if (++expected_month > 12) {
        expected_month = 1;
        ++expected_year;
      }
    }
  }
  CHECK(d == Date::FromYmd(2300, 1, 1));
}

TEST_CASE("Date: weekdays", "[date]") {
  CHECK(Date::FromYmd(1970, 1, 1).weekday() == Weekday::kThursday);
  CHECK(Date::FromYmd(2025, 11, 13).weekday() == Weekday::kThursday);
  CHECK(Date::FromYmd(2025, 12, 29).weekday() == Weekday::kMonday);
  CHECK(Date::FromYmd(2026, 4, 3).weekday() == Weekday::kFriday);
  CHECK(Date::FromYmd(1969, 12, 28).weekday() == Weekday::kSunday);
  CHECK(Date::FromYmd(2025, 12, 27).IsWeekend());
  CHECK(Date::FromYmd(2025, 12, 28).IsWeekend());
  CHECK_FALSE(Date::FromYmd(2025, 12, 26).IsWeekend());
  CHECK(std::string(WeekdayName(Weekday::kMonday)) == "Monday");
  CHECK(std::string(WeekdayName(Weekday::kSunday)) == "Sunday");
}

TEST_CASE("Date: leap years and days in month", "[date]") {
  CHECK(Date::DaysInMonth(2024, 2) == 29);
  CHECK(Date::DaysInMonth(2025, 2) == 28);
  CHECK(Date::DaysInMonth(2000, 2) == 29);
  CHECK(Date::DaysInMonth(2100, 2) == 28);
  CHECK(Date::DaysInMonth(2025, 4) == 30);
  CHECK(Date::DaysInMonth(2025, 12) == 31);
  CHECK(Date::IsValidYmd(2024, 2, 29));
  CHECK_FALSE(Date::IsValidYmd(2025, 2, 29));
  CHECK_FALSE(Date::IsValidYmd(2025, 13, 1));
  CHECK_FALSE(Date::IsValidYmd(2025, 0, 1));
  CHECK_FALSE(Date::IsValidYmd(2025, 4, 31));
  CHECK_FALSE(Date::IsValidYmd(0, 1, 1));
  CHECK_FALSE(Date::IsValidYmd(10000, 1, 1));
}

TEST_CASE("Date: month arithmetic clamps to the end of the month", "[date]") {
  CHECK(Date::FromYmd(2025, 1, 31).AddMonths(1) == Date::FromYmd(2025, 2, 28));
  CHECK(Date::FromYmd(2024, 1, 31).AddMonths(1) == Date::FromYmd(2024, 2, 29));
  CHECK(Date::FromYmd(2025, 3, 31).AddMonths(-1) == Date::FromYmd(2025, 2, 28));
  CHECK(Date::FromYmd(2025, 11, 30).AddMonths(3) == Date::FromYmd(2026, 2, 28));
  CHECK(Date::FromYmd(2025, 1, 15).AddMonths(-1) == Date::FromYmd(2024, 12, 15));
  CHECK(Date::FromYmd(2025, 5, 31).AddMonths(13) == Date::FromYmd(2026, 6, 30));
  CHECK(Date::FromYmd(2024, 2, 29).AddYears(1) == Date::FromYmd(2025, 2, 28));
  CHECK(Date::FromYmd(2024, 2, 29).AddYears(4) == Date::FromYmd(2028, 2, 29));
}

TEST_CASE("Date: parse and print ISO dates", "[date]") {
  StatusOr<Date> d = Date::Parse("2025-11-13");
  REQUIRE(d.ok());
  CHECK(*d == Date::FromYmd(2025, 11, 13));
  CHECK(d->ToIsoString() == "2025-11-13");
  CHECK(Date::FromYmd(987, 6, 5).ToIsoString() == "0987-06-05");

  auto error_of = [](const char* text) {
    StatusOr<Date> r = Date::Parse(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    return r.status().message();
  };
  CHECK_THAT(error_of("2025-13-01"), Catch::Contains("month 13"));
  CHECK_THAT(error_of("2025-02-29"), Catch::Contains("day 29"));
  CHECK_THAT(error_of("2025-1-13"), Catch::Contains("YYYY-MM-DD"));
  CHECK_THAT(error_of("13-11-2025"), Catch::Contains("YYYY-MM-DD"));
  CHECK_THAT(error_of(""), Catch::Contains("YYYY-MM-DD"));
  CHECK_THAT(error_of("2025-11-13 "), Catch::Contains("YYYY-MM-DD"));
  CHECK_THAT(error_of("0000-01-01"), Catch::Contains("does not exist"));
}

}  // namespace
}  // namespace uitdaag
