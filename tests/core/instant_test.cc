// Instants and Dutch civil time (CET/CEST by the EU rule, never the process time zone).
#include <catch2/catch.hpp>

#include "uitdaag/clock.h"
#include "uitdaag/instant.h"

namespace uitdaag {
namespace {

// Fixed reference points (Unix seconds computed independently of the engine).
constexpr int64_t kSpring2026 = 1774746000;  // 2026-03-29T01:00:00Z: CEST starts
constexpr int64_t kAutumn2026 = 1792890000;  // 2026-10-25T01:00:00Z: CEST ends
constexpr int64_t kJan15Utc23 = 1768518000;  // 2026-01-15T23:00:00Z
constexpr int64_t kJul15Utc22 = 1784152800;  // 2026-07-15T22:00:00Z

Instant At(int64_t s) { return Instant::FromUnixSeconds(s); }

TEST_CASE("Instant: summer time starts on 2026-03-29 at 01:00 UTC", "[instant]") {
  const Instant before = At(kSpring2026 - 1);
  const Instant after = At(kSpring2026);
  CHECK(before.UtcOffsetSeconds() == 3600);
  CHECK(after.UtcOffsetSeconds() == 7200);
  CHECK(before.ToLocalString() == "2026-03-29T01:59:59+01:00");
  CHECK(after.ToLocalString() == "2026-03-29T03:00:00+02:00");
  CHECK(before.LocalMinuteOfDay() == 119);
  CHECK(after.LocalMinuteOfDay() == 180);
  // The day before is winter time all day, the day after summer time all day.
  CHECK(At(kSpring2026 - 86400).UtcOffsetSeconds() == 3600);
  CHECK(At(kSpring2026 + 86400).UtcOffsetSeconds() == 7200);
}

TEST_CASE("Instant: summer time ends on 2026-10-25 at 01:00 UTC", "[instant]") {
  const Instant before = At(kAutumn2026 - 1);
  const Instant after = At(kAutumn2026);
  CHECK(before.UtcOffsetSeconds() == 7200);
  CHECK(after.UtcOffsetSeconds() == 3600);
  CHECK(before.ToLocalString() == "2026-10-25T02:59:59+02:00");
  CHECK(after.ToLocalString() == "2026-10-25T02:00:00+01:00");
  CHECK(At(kAutumn2026 + 86400).UtcOffsetSeconds() == 3600);
  CHECK(At(kAutumn2026 - 86400).UtcOffsetSeconds() == 7200);
}

TEST_CASE("Instant: other years follow the last-Sunday rule", "[instant]") {
  // 2025: 30 March and 26 October. 2024: 31 March and 27 October.
  const auto utc = [](int y, int m, int d, int h) {
    return At(int64_t{Date::FromYmd(y, m, d).DaysSinceEpoch()} * 86400 + h * 3600);
  };
  CHECK(utc(2025, 3, 30, 0).UtcOffsetSeconds() == 3600);
  CHECK(utc(2025, 3, 30, 1).UtcOffsetSeconds() == 7200);
  CHECK(utc(2025, 10, 26, 0).UtcOffsetSeconds() == 7200);
  CHECK(utc(2025, 10, 26, 1).UtcOffsetSeconds() == 3600);
  CHECK(utc(2024, 3, 31, 1).UtcOffsetSeconds() == 7200);
  CHECK(utc(2024, 3, 30, 12).UtcOffsetSeconds() == 3600);
  CHECK(utc(2024, 10, 27, 1).UtcOffsetSeconds() == 3600);
  CHECK(utc(2024, 7, 1, 12).UtcOffsetSeconds() == 7200);
  CHECK(utc(2024, 12, 31, 23).UtcOffsetSeconds() == 3600);
}

TEST_CASE("Instant: the local date changes at local midnight", "[instant]") {
  // Winter: 23:00 UTC is midnight in Amsterdam.
  CHECK(At(kJan15Utc23 - 1).LocalDate() == Date::FromYmd(2026, 1, 15));
  CHECK(At(kJan15Utc23 - 1).LocalMinuteOfDay() == 1439);
  CHECK(At(kJan15Utc23).LocalDate() == Date::FromYmd(2026, 1, 16));
  CHECK(At(kJan15Utc23).LocalMinuteOfDay() == 0);
  // Summer: 22:00 UTC is midnight.
  CHECK(At(kJul15Utc22 - 1).LocalDate() == Date::FromYmd(2026, 7, 15));
  CHECK(At(kJul15Utc22).LocalDate() == Date::FromYmd(2026, 7, 16));
  CHECK(At(kJul15Utc22).ToLocalString() == "2026-07-16T00:00:00+02:00");
  // Before the epoch (negative seconds): 1969-12-31T23:30Z is 00:30 on 1 January 1970.
  CHECK(At(-1800).LocalDate() == Date::FromYmd(1970, 1, 1));
  CHECK(At(-1800).LocalMinuteOfDay() == 30);
  CHECK(At(-3601).LocalDate() == Date::FromYmd(1969, 12, 31));
}

TEST_CASE("Instant: from Dutch wall-clock time", "[instant]") {
  CHECK(Instant::FromLocal(Date::FromYmd(2026, 1, 16), 0, 0).unix_seconds() == kJan15Utc23);
  CHECK(Instant::StartOfLocalDay(Date::FromYmd(2026, 7, 16)).unix_seconds() == kJul15Utc22);
  CHECK(Instant::FromLocal(Date::FromYmd(2026, 3, 29), 3, 0).unix_seconds() == kSpring2026);
  CHECK(Instant::FromLocal(Date::FromYmd(2026, 3, 29), 1, 59, 59).unix_seconds() ==
        kSpring2026 - 1);
  // Spring gap: 02:30 does not exist; taken as winter time, it reads 03:30 summer time.
  const Instant gap = Instant::FromLocal(Date::FromYmd(2026, 3, 29), 2, 30);
  CHECK(gap.unix_seconds() == kSpring2026 + 1800);
  CHECK(gap.ToLocalString() == "2026-03-29T03:30:00+02:00");
  // Autumn: 02:30 occurs twice; the earlier (summer-time) reading wins.
  const Instant twice = Instant::FromLocal(Date::FromYmd(2026, 10, 25), 2, 30);
  CHECK(twice.unix_seconds() == kAutumn2026 - 1800);
  CHECK(twice.ToLocalString() == "2026-10-25T02:30:00+02:00");
  CHECK(Instant::FromLocal(Date::FromYmd(2026, 10, 25), 3, 0).unix_seconds() ==
        kAutumn2026 + 3600);
  // Round trip over a day in summer.
  const Instant noon = Instant::FromLocal(Date::FromYmd(2025, 11, 13), 10, 0);
  CHECK(noon.unix_seconds() == 1763024400);
  CHECK(noon.ToLocalString() == "2025-11-13T10:00:00+01:00");
}

TEST_CASE("Instant: parse the accepted forms", "[instant]") {
  auto parse = [](const char* text) {
    StatusOr<Instant> r = Instant::Parse(text);
    INFO(text << ": " << r.status().ToString());
    REQUIRE(r.ok());
    return r->unix_seconds();
  };
  CHECK(parse("2026-01-16") == kJan15Utc23);  // local midnight
  CHECK(parse("2026-07-16") == kJul15Utc22);
  CHECK(parse("2025-11-13T10:00") == 1763024400);
  CHECK(parse("2025-11-13T10:00:00") == 1763024400);
  CHECK(parse("2025-11-13T10:00:05") == 1763024405);
  CHECK(parse("2025-11-13T09:00:00Z") == 1763024400);
  CHECK(parse("2025-11-13T09:00Z") == 1763024400);
  CHECK(parse("2025-11-13T10:00:00+01:00") == 1763024400);
  CHECK(parse("2025-11-13T04:00:00-05:00") == 1763024400);
  CHECK(parse("2025-11-13T14:30+05:30") == 1763024400);
  CHECK(parse("2026-03-29T03:00") == kSpring2026);
  CHECK(parse("2026-10-25T02:00:00+01:00") == kAutumn2026);
  // The printed form parses back to the same instant.
  const Instant t = At(kAutumn2026 - 1);
  CHECK(parse(t.ToLocalString().c_str()) == t.unix_seconds());
}

TEST_CASE("Instant: parse errors say what is wrong", "[instant]") {
  auto error_of = [](const char* text) {
    StatusOr<Instant> r = Instant::Parse(text);
    INFO(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    return r.status().message();
  };
  CHECK_THAT(error_of(""), Catch::Contains("expected YYYY-MM-DD"));
  CHECK_THAT(error_of("2026-13-01"), Catch::Contains("month 13"));
  CHECK_THAT(error_of("2026-02-30T10:00"), Catch::Contains("day 30"));
  CHECK_THAT(error_of("2026-07-01 10:00"), Catch::Contains("expected 'T'"));
  CHECK_THAT(error_of("2026-07-01T"), Catch::Contains("HH:MM"));
  CHECK_THAT(error_of("2026-07-01T10"), Catch::Contains("HH:MM"));
  CHECK_THAT(error_of("2026-07-01T1:00"), Catch::Contains("HH:MM"));
  CHECK_THAT(error_of("2026-07-01T24:00"), Catch::Contains("hour 24"));
  CHECK_THAT(error_of("2026-07-01T10:60"), Catch::Contains("minute 60"));
  CHECK_THAT(error_of("2026-07-01T10:00:60"), Catch::Contains("second 60"));
  CHECK_THAT(error_of("2026-07-01T10:00:5"), Catch::Contains("seconds"));
  CHECK_THAT(error_of("2026-07-01T10:00+0200"), Catch::Contains("+HH:MM"));
  CHECK_THAT(error_of("2026-07-01T10:00+02:00x"), Catch::Contains("after the UTC offset"));
  CHECK_THAT(error_of("2026-07-01T10:00+24:00"), Catch::Contains("out of range"));
  CHECK_THAT(error_of("2026-07-01T10:00Zjunk"), Catch::Contains("'Zjunk'"));
  CHECK_THAT(error_of("2026-07-01T10:00 CET"), Catch::Contains("' CET'"));
}

TEST_CASE("FakeClock stands still until moved", "[instant]") {
  FakeClock clock(At(kJan15Utc23));
  CHECK(clock.Now().unix_seconds() == kJan15Utc23);
  clock.AdvanceDays(1);
  CHECK(clock.Now().LocalDate() == Date::FromYmd(2026, 1, 17));
  clock.AdvanceSeconds(-1);
  CHECK(clock.Now().LocalDate() == Date::FromYmd(2026, 1, 16));
  clock.Set(At(kSpring2026));
  CHECK(clock.Now().UtcOffsetSeconds() == 7200);
}

}  // namespace
}  // namespace uitdaag
