// The Atw calendar: Easter, the holidays of art. 3, working-day arithmetic.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "uitdaag/calendar.h"

namespace uitdaag {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

// Gauss's Easter algorithm with its two corrections: a different method from the anonymous
// Gregorian algorithm the engine uses, so the two check each other.
Date GaussEaster(int year) {
  const int a = year % 19;
  const int b = year % 4;
  const int c = year % 7;
  const int k = year / 100;
  const int p = (13 + 8 * k) / 25;
  const int q = k / 4;
  const int m = (15 - p + k - q) % 30;
  const int n = (4 + k - q) % 7;
  const int d = (19 * a + m) % 30;
  const int e = (2 * b + 4 * c + 6 * d + n) % 7;
  if (d == 29 && e == 6) return D(year, 4, 19);
  if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) return D(year, 4, 18);
  const int march_day = 22 + d + e;
  return march_day <= 31 ? D(year, 3, march_day) : D(year, 4, march_day - 31);
}

// The holidays of Atw art. 3 lid 1 written out from the rules, independently of the engine.
// Where two coincide, ascension_day names the date (as documented in calendar.h).
std::map<Date, std::string> ExpectedHolidays(int year) {
  const Date easter = GaussEaster(year);
  Date kings = year >= 2014 ? D(year, 4, 27) : D(year, 4, 30);
  if (kings.weekday() == Weekday::kSunday) kings = kings.AddDays(-1);
  std::map<Date, std::string> h;
  h[D(year, 1, 1)] = "new_years_day";
  h[kings] = "kings_day";
  h[D(year, 5, 5)] = "liberation_day";
  h[D(year, 12, 25)] = "christmas_day";
  h[D(year, 12, 26)] = "boxing_day";
  h[easter.AddDays(-2)] = "good_friday";
  h[easter.AddDays(1)] = "easter_monday";
  h[easter.AddDays(39)] = "ascension_day";  // overwrites 5 May or 30 April if they coincide
  h[easter.AddDays(50)] = "whit_monday";
  return h;
}

TEST_CASE("Easter: well-known dates", "[calendar][atw-3]") {
  const Date known[] = {
      D(1818, 3, 22), D(1954, 4, 18), D(1981, 4, 19), D(2000, 4, 23), D(2002, 3, 31),
      D(2005, 3, 27), D(2008, 3, 23), D(2011, 4, 24), D(2013, 3, 31), D(2016, 3, 27),
      D(2018, 4, 1),  D(2019, 4, 21), D(2021, 4, 4),  D(2022, 4, 17), D(2024, 3, 31),
      D(2025, 4, 20), D(2026, 4, 5),  D(2027, 3, 28), D(2038, 4, 25), D(2049, 4, 18),
      D(2076, 4, 19), D(2285, 3, 22),
  };
  for (const Date& easter : known) {
    INFO(easter.ToIsoString());
    CHECK(BusinessCalendar::EasterSunday(easter.year()) == easter);
    CHECK(GaussEaster(easter.year()) == easter);  // the test's own algorithm is right too
  }
}

TEST_CASE("Easter: the engine agrees with Gauss's algorithm for 1583-9999", "[calendar][atw-3]") {
  for (int year = 1583; year <= 9999; ++year) {
    const Date easter = BusinessCalendar::EasterSunday(year);
    INFO(year);
    REQUIRE(easter == GaussEaster(year));
    REQUIRE(easter.weekday() == Weekday::kSunday);
    REQUIRE(easter >= D(year, 3, 22));
    REQUIRE(easter <= D(year, 4, 25));
  }
}

TEST_CASE("Holidays: every statutory holiday 2000-2100 follows the rules", "[calendar][atw-3]") {
  const BusinessCalendar calendar;
  std::set<int> coincidence_years;
  for (int year = 2000; year <= 2100; ++year) {
    INFO(year);
    const std::map<Date, std::string> expected = ExpectedHolidays(year);
    const std::vector<Holiday> actual = calendar.HolidaysInYear(year);
    REQUIRE(actual.size() == expected.size());
    if (actual.size() != 9) coincidence_years.insert(year);
    auto it = expected.begin();
    for (size_t i = 0; i < actual.size(); ++i, ++it) {
      CHECK(actual[i].date == it->first);  // date order, each date once
      CHECK(actual[i].id == it->second);
    }
    // Every day of the year: a holiday exactly when expected, with the same id.
    for (Date d = D(year, 1, 1); d <= D(year, 12, 31); d = d.AddDays(1)) {
      const auto found = expected.find(d);
      const std::optional<Holiday> on = calendar.HolidayOn(d);
      REQUIRE(on.has_value() == (found != expected.end()));
      if (on) {
        CHECK(on->id == found->second);
        CHECK(on->date == d);
        CHECK_FALSE(calendar.IsWorkingDay(d));
      } else {
        CHECK(calendar.IsWorkingDay(d) == !d.IsWeekend());
      }
    }
  }
  // Ascension Day falls on 5 May when Easter is on 27 March; only then are there 8 dates.
  CHECK(coincidence_years == std::set<int>{2005, 2016});
}

TEST_CASE("Holidays: Ascension Day on 5 May is listed once", "[calendar][atw-3]") {
  const BusinessCalendar calendar;
  const std::vector<Holiday> h2016 = calendar.HolidaysInYear(2016);
  CHECK(h2016.size() == 8);
  CHECK(calendar.HolidayOn(D(2016, 5, 5))->id == "ascension_day");
  CHECK(calendar.HolidayOn(D(2005, 5, 5))->id == "ascension_day");
  CHECK(calendar.HolidayOn(D(2025, 5, 5))->id == "liberation_day");
  // Pre-2014 rule: Queen's Day on 30 April 1818 coincides with Ascension Day.
  CHECK(calendar.HolidayOn(D(1818, 4, 30))->id == "ascension_day");
  CHECK(calendar.HolidaysInYear(1818).size() == 8);
}

TEST_CASE("Holidays: King's Day and Queen's Day", "[calendar][atw-3]") {
  const BusinessCalendar calendar;
  auto kings_day = [&](int year) {
    for (const Holiday& h : calendar.HolidaysInYear(year)) {
      if (h.id == "kings_day") return h.date;
    }
    FAIL("no kings_day in " << year);
    return Date();
  };
  CHECK(kings_day(2014) == D(2014, 4, 26));  // 27 April 2014 was a Sunday
  CHECK(kings_day(2015) == D(2015, 4, 27));
  CHECK(kings_day(2025) == D(2025, 4, 26));  // 27 April 2025 is a Sunday
  CHECK(kings_day(2026) == D(2026, 4, 27));
  CHECK(kings_day(2031) == D(2031, 4, 26));
  CHECK(kings_day(2013) == D(2013, 4, 30));  // the last Queen's Day
  CHECK(kings_day(2006) == D(2006, 4, 29));  // 30 April 2006 was a Sunday
  CHECK(kings_day(2000) == D(2000, 4, 29));
  CHECK(kings_day(2001) == D(2001, 4, 30));
  CHECK_FALSE(calendar.IsHoliday(D(2025, 4, 27)));
  CHECK_FALSE(calendar.IsHoliday(D(2006, 4, 30)));
}

TEST_CASE("Holidays: the fixed days and Easter-based days in 2025 and 2026", "[calendar][atw-3]") {
  const BusinessCalendar calendar;
  const std::vector<Holiday> expected2026 = {
      {D(2026, 1, 1), "new_years_day"}, {D(2026, 4, 3), "good_friday"},
      {D(2026, 4, 6), "easter_monday"}, {D(2026, 4, 27), "kings_day"},
      {D(2026, 5, 5), "liberation_day"}, {D(2026, 5, 14), "ascension_day"},
      {D(2026, 5, 25), "whit_monday"},  {D(2026, 12, 25), "christmas_day"},
      {D(2026, 12, 26), "boxing_day"},
  };
  CHECK(calendar.HolidaysInYear(2026) == expected2026);
  CHECK(calendar.HolidayOn(D(2025, 5, 29))->id == "ascension_day");
  CHECK(calendar.HolidayOn(D(2025, 6, 9))->id == "whit_monday");
  CHECK(calendar.HolidayOn(D(2025, 4, 18))->id == "good_friday");
  CHECK(calendar.HolidayOn(D(2025, 4, 21))->id == "easter_monday");
  // Easter Sunday and Whit Sunday are Sundays, not listed holidays.
  CHECK_FALSE(calendar.IsHoliday(D(2025, 4, 20)));
  CHECK_FALSE(calendar.IsHoliday(D(2025, 6, 8)));
  CHECK_FALSE(calendar.IsWorkingDay(D(2025, 4, 20)));
  // A holiday on a weekend is still reported as the holiday.
  CHECK(calendar.HolidayOn(D(2021, 12, 25))->id == "christmas_day");
}

TEST_CASE("Holidays: extra days by decree (art. 3 lid 2)", "[calendar][atw-3]") {
  BusinessCalendar calendar;
  calendar.AddExtraDay(D(2026, 12, 24), "christmas_eve_2026");
  calendar.AddExtraDay(D(2026, 12, 24), "second_reason_is_ignored");
  calendar.AddExtraDay(D(2026, 12, 25), "on_christmas");
  calendar.AddExtraDay(D(2027, 1, 2), "next_year");
  CHECK(calendar.extra_days().size() == 3);
  CHECK(calendar.extra_days().at(D(2026, 12, 24)) == "christmas_eve_2026");
  CHECK(calendar.HolidayOn(D(2026, 12, 24))->id == "extra:christmas_eve_2026");
  CHECK_FALSE(calendar.IsWorkingDay(D(2026, 12, 24)));
  CHECK(calendar.HolidayOn(D(2026, 12, 25))->id == "christmas_day");  // statutory wins
  const std::vector<Holiday> h = calendar.HolidaysInYear(2026);
  REQUIRE(h.size() == 10);
  CHECK(h[7] == Holiday{D(2026, 12, 24), "extra:christmas_eve_2026"});
  CHECK(h[8] == Holiday{D(2026, 12, 25), "christmas_day"});
  CHECK(calendar.HolidaysInYear(2027).size() == 10);
  CHECK(calendar.HolidaysInYear(2025).size() == 9);
  // The default calendar has no extra days.
  CHECK(BusinessCalendar().IsWorkingDay(D(2026, 12, 24)));
}

TEST_CASE("Working days: next, add, subtract, count", "[calendar]") {
  const BusinessCalendar calendar;
  CHECK(calendar.NextWorkingDayOnOrAfter(D(2025, 12, 24)) == D(2025, 12, 24));
  CHECK(calendar.NextWorkingDayOnOrAfter(D(2025, 12, 25)) == D(2025, 12, 29));
  CHECK(calendar.NextWorkingDayOnOrAfter(D(2026, 4, 3)) == D(2026, 4, 7));
  CHECK(calendar.AddWorkingDays(D(2025, 12, 24), 0) == D(2025, 12, 24));
  CHECK(calendar.AddWorkingDays(D(2025, 12, 24), 1) == D(2025, 12, 29));
  CHECK(calendar.AddWorkingDays(D(2025, 12, 24), 3) == D(2025, 12, 31));
  CHECK(calendar.AddWorkingDays(D(2025, 12, 24), 4) == D(2026, 1, 2));
  CHECK(calendar.AddWorkingDays(D(2025, 12, 27), 0) == D(2025, 12, 27));  // n == 0: `from`
  CHECK(calendar.SubtractWorkingDays(D(2025, 12, 29), 1) == D(2025, 12, 24));
  CHECK(calendar.SubtractWorkingDays(D(2026, 1, 2), 4) == D(2025, 12, 24));
  CHECK(calendar.SubtractWorkingDays(D(2026, 4, 7), 1) == D(2026, 4, 2));
  CHECK(calendar.CountWorkingDays(D(2025, 12, 22), D(2025, 12, 31)) == 6);
  CHECK(calendar.CountWorkingDays(D(2025, 12, 25), D(2025, 12, 28)) == 0);
  CHECK(calendar.CountWorkingDays(D(2025, 12, 29), D(2025, 12, 29)) == 1);
  CHECK(calendar.CountWorkingDays(D(2025, 12, 31), D(2025, 12, 29)) == 0);
  // Adding and subtracting undo each other from a working day.
  for (int n = 0; n < 40; ++n) {
    const Date there = calendar.AddWorkingDays(D(2026, 3, 30), n);
    CHECK(calendar.SubtractWorkingDays(there, n) == D(2026, 3, 30));
    CHECK(calendar.CountWorkingDays(D(2026, 3, 31), there) == n);
  }
}

}  // namespace
}  // namespace uitdaag
