// Algemene termijnenwet: art. 1 (roll over), art. 2 (two working days), art. 3 (holidays, in
// calendar_test.cc), art. 4 (exclusions), checked through ComputeDeadline and ApplyAtw.
#include <catch2/catch.hpp>

#include "support/deadline_builders.h"
#include "uitdaag/deadline.h"

namespace uitdaag {
namespace {

using namespace testing;  // NOLINT: the builders are the vocabulary of these tests

DeadlineComputation Compute(const DeadlineRule& rule, Date start) {
  return ComputeDeadline(rule, start, {}, {}, BusinessCalendar(), start);
}

// ---- The worked examples of the domain brief ----------------------------------------------------

TEST_CASE("Worked example: 6 weeks from Thursday 2025-11-13 runs past Christmas",
          "[atw-1][awb-6:8]") {
  const DeadlineComputation c = Compute(Period(6, DurationUnit::kWeeks), D(2025, 11, 13));
  CHECK(c.legal_end == D(2025, 12, 29));
  CHECK(c.legal_end.weekday() == Weekday::kMonday);
  CHECK_FALSE(c.provisional);
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2025, 11, 13)),
      Step(Kind::kPeriodEnd, D(2025, 12, 25), "6 weeks"),
      Roll(D(2025, 12, 25), "christmas_day"),
      Roll(D(2025, 12, 26), "boxing_day"),
      Roll(D(2025, 12, 27), "saturday"),
      Roll(D(2025, 12, 28), "sunday"),
      Step(Kind::kFinal, D(2025, 12, 29)),
  };
  CHECK(c.legal_steps == expected);
  const std::vector<std::string> lines = c.ExplainLegal();
  REQUIRE(lines.size() == expected.size());
  CHECK_THAT(lines[1], Catch::Contains("Thursday 2025-12-25") && Catch::Contains("6 weeks"));
  CHECK_THAT(lines[3], Catch::Contains("Friday 2025-12-26") && Catch::Contains("boxing_day") &&
                           Catch::Contains("Saturday 2025-12-27") && Catch::Contains("art. 1"));
  CHECK_THAT(lines[6], Catch::StartsWith("Monday 2025-12-29"));
}

TEST_CASE("Worked example: 6 weeks from Friday 2026-02-20 runs past Easter", "[atw-1][awb-6:8]") {
  const DeadlineComputation c = Compute(Period(6, DurationUnit::kWeeks), D(2026, 2, 20));
  CHECK(c.legal_end == D(2026, 4, 7));
  CHECK(c.legal_end.weekday() == Weekday::kTuesday);
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2026, 2, 20)),
      Step(Kind::kPeriodEnd, D(2026, 4, 3), "6 weeks"),
      Roll(D(2026, 4, 3), "good_friday"),
      Roll(D(2026, 4, 4), "saturday"),
      Roll(D(2026, 4, 5), "sunday"),  // Easter Sunday is a Sunday, not a listed holiday
      Roll(D(2026, 4, 6), "easter_monday"),
      Step(Kind::kFinal, D(2026, 4, 7)),
  };
  CHECK(c.legal_steps == expected);
}

TEST_CASE("Worked example: 8 weeks from Thursday 2025-04-03 ends after Ascension Day",
          "[atw-1][awb-4:13]") {
  const DeadlineComputation c = Compute(Period(8, DurationUnit::kWeeks), D(2025, 4, 3));
  CHECK(c.legal_end == D(2025, 5, 30));
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2025, 4, 3)),
      Step(Kind::kPeriodEnd, D(2025, 5, 29), "8 weeks"),
      Roll(D(2025, 5, 29), "ascension_day"),
      Step(Kind::kFinal, D(2025, 5, 30)),
  };
  CHECK(c.legal_steps == expected);
}

TEST_CASE("Worked example: 6 weeks from Monday 2025-06-02 ends Monday 2025-07-14",
          "[atw-1][awb-6:8]") {
  const DeadlineComputation c = Compute(Period(6, DurationUnit::kWeeks), D(2025, 6, 2));
  CHECK(c.legal_end == D(2025, 7, 14));
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2025, 6, 2)),
      Step(Kind::kPeriodEnd, D(2025, 7, 14), "6 weeks"),
      Step(Kind::kFinal, D(2025, 7, 14)),
  };
  CHECK(c.legal_steps == expected);
}

// ---- Art. 1 ---------------------------------------------------------------------------------------

TEST_CASE("Atw art. 1: ends on weekends, holidays and year ends", "[atw-1]") {
  struct Case {
    const char* name;
    Date start;
    int weeks;
    Date nominal;
    Date expected;
    std::vector<std::string> rolled_over;  // details of the kRollOver steps, in order
  };
  const Case cases[] = {
      {"31 December on a Saturday, then New Year's Day on a Sunday", D(2022, 12, 3), 4,
       D(2022, 12, 31), D(2023, 1, 2), {"saturday", "new_years_day"}},
      {"Christmas Day on a Wednesday", D(2024, 11, 27), 4, D(2024, 12, 25), D(2024, 12, 27),
       {"christmas_day", "boxing_day"}},
      {"Christmas Day on a Saturday: the holiday names the weekend days", D(2021, 11, 27), 4,
       D(2021, 12, 25), D(2021, 12, 27), {"christmas_day", "boxing_day"}},
      {"New Year's Day on a Wednesday", D(2024, 12, 4), 4, D(2025, 1, 1), D(2025, 1, 2),
       {"new_years_day"}},
      {"31 December on a Wednesday is a working day", D(2025, 12, 3), 4, D(2025, 12, 31),
       D(2025, 12, 31), {}},
      {"King's Day on Monday 27 April 2026", D(2026, 3, 30), 4, D(2026, 4, 27), D(2026, 4, 28),
       {"kings_day"}},
      {"King's Day on Saturday 26 April 2025", D(2025, 3, 29), 4, D(2025, 4, 26), D(2025, 4, 28),
       {"kings_day", "sunday"}},
      {"5 May on a Tuesday (2026)", D(2026, 4, 7), 4, D(2026, 5, 5), D(2026, 5, 6),
       {"liberation_day"}},
      {"5 May on a Monday (2025)", D(2025, 4, 7), 4, D(2025, 5, 5), D(2025, 5, 6),
       {"liberation_day"}},
      {"Whit Monday 2026", D(2026, 4, 27), 4, D(2026, 5, 25), D(2026, 5, 26), {"whit_monday"}},
      {"a Saturday", D(2025, 5, 31), 2, D(2025, 6, 14), D(2025, 6, 16), {"saturday", "sunday"}},
      {"a Sunday", D(2025, 6, 1), 2, D(2025, 6, 15), D(2025, 6, 16), {"sunday"}},
      {"a plain Friday", D(2025, 6, 6), 2, D(2025, 6, 20), D(2025, 6, 20), {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const DeadlineComputation r = Compute(Period(c.weeks, DurationUnit::kWeeks), c.start);
    CHECK(r.legal_end == c.expected);
    REQUIRE(r.legal_steps.size() >= 3);
    CHECK(r.legal_steps[1].date == c.nominal);
    std::vector<std::string> rolled;
    Date at = c.nominal;
    for (const ExplanationStep& s : r.legal_steps) {
      if (s.kind != Kind::kRollOver) continue;
      rolled.push_back(s.detail);
      CHECK(s.from == at);  // one step per consecutive non-working day
      at = at.AddDays(1);
      CHECK(s.date == at);
    }
    CHECK(rolled == c.rolled_over);
    CHECK(r.legal_steps.back() == Step(Kind::kFinal, c.expected));
  }
}

TEST_CASE("Atw art. 1: days and months periods roll too", "[atw-1]") {
  // 14 days from Saturday 2025-12-13: Saturday 27 December, then Sunday, to Monday 29 December.
  CHECK(Compute(Period(14, DurationUnit::kDays), D(2025, 12, 13)).legal_end == D(2025, 12, 29));
  // 1 month from 2025-11-25 ends on Christmas Day 2025: to Monday 29 December.
  CHECK(Compute(Period(1, DurationUnit::kMonths), D(2025, 11, 25)).legal_end == D(2025, 12, 29));
  // 3 months from 30 November 2025: 28 February 2026 (clamped) is a Saturday: 2 March.
  CHECK(Compute(Period(3, DurationUnit::kMonths), D(2025, 11, 30)).legal_end == D(2026, 3, 2));
}

TEST_CASE("Atw art. 1: extra days by decree also move the end", "[atw-1][atw-3]") {
  BusinessCalendar calendar;
  calendar.AddExtraDay(D(2026, 6, 15), "decree_2026_1");
  const DeadlineComputation c =
      ComputeDeadline(Period(2, DurationUnit::kWeeks), D(2026, 6, 1), {}, {}, calendar,
                      D(2026, 6, 1));
  CHECK(c.legal_end == D(2026, 6, 16));
  CHECK(c.legal_steps[2] == Roll(D(2026, 6, 15), "extra:decree_2026_1"));
}

TEST_CASE("Atw art. 1 and 2: ApplyAtw directly", "[atw-1][atw-2]") {
  const BusinessCalendar calendar;
  std::vector<ExplanationStep> steps;
  CHECK(ApplyAtw(D(2025, 11, 13), D(2025, 12, 25), calendar, &steps) == D(2025, 12, 29));
  CHECK(steps.size() == 4);
  steps.clear();
  CHECK(ApplyAtw(D(2025, 6, 2), D(2025, 7, 14), calendar, &steps) == D(2025, 7, 14));
  CHECK(steps.empty());
  // A null step list is allowed.
  CHECK(ApplyAtw(D(2025, 12, 24), D(2025, 12, 27), calendar, nullptr) == D(2025, 12, 30));
}

// ---- Art. 2 ---------------------------------------------------------------------------------------

TEST_CASE("Atw art. 2: a 3-day period over Christmas gets two working days", "[atw-2]") {
  // Wednesday 24 December 2025 + 3 days = Saturday 27 December. Art. 1 moves it to Monday 29,
  // but 25-29 December then holds one working day (the 29th): art. 2 extends to Tuesday 30.
  const DeadlineComputation c = Compute(Period(3, DurationUnit::kDays), D(2025, 12, 24));
  CHECK(c.legal_end == D(2025, 12, 30));
  ExplanationStep two = Step(Kind::kTwoWorkingDays, D(2025, 12, 30));
  two.from = D(2025, 12, 29);
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2025, 12, 24)),
      Step(Kind::kPeriodEnd, D(2025, 12, 27), "3 days"),
      Roll(D(2025, 12, 27), "saturday"),
      Roll(D(2025, 12, 28), "sunday"),
      two,
      Step(Kind::kFinal, D(2025, 12, 30)),
  };
  CHECK(c.legal_steps == expected);
  CHECK_THAT(c.ExplainLegal()[4], Catch::Contains("art. 2") &&
                                      Catch::Contains("Monday 2025-12-29") &&
                                      Catch::StartsWith("Tuesday 2025-12-30"));
}

TEST_CASE("Atw art. 2: a 3-day period starting on Christmas Day", "[atw-2]") {
  // 26, 27, 28 December: Sunday 28 rolls to Monday 29; only one working day: Tuesday 30.
  const DeadlineComputation c = Compute(Period(3, DurationUnit::kDays), D(2025, 12, 25));
  CHECK(c.legal_end == D(2025, 12, 30));
  CHECK(KindsOf(c.legal_steps) == std::vector<Kind>{Kind::kStart, Kind::kPeriodEnd,
                                                    Kind::kRollOver, Kind::kTwoWorkingDays,
                                                    Kind::kFinal});
}

TEST_CASE("Atw art. 2: a 2-day period is not extended", "[atw-2]") {
  // Wednesday 24 December 2025 + 2 days = Boxing Day; art. 1 alone gives Monday 29 December,
  // one working day in the period, and art. 2 does not act (the period is under three days).
  const DeadlineComputation c = Compute(Period(2, DurationUnit::kDays), D(2025, 12, 24));
  CHECK(c.legal_end == D(2025, 12, 29));
  for (const ExplanationStep& s : c.legal_steps) CHECK(s.kind != Kind::kTwoWorkingDays);
}

TEST_CASE("Atw art. 2: does not act when two working days are already in", "[atw-2]") {
  // Monday + 3 days = Thursday: Tuesday to Thursday are working days.
  const DeadlineComputation c = Compute(Period(3, DurationUnit::kDays), D(2025, 6, 2));
  CHECK(c.legal_end == D(2025, 6, 5));
  CHECK(c.legal_steps.size() == 3);
  // Friday 2025-12-19 + 3 days = Monday 22: only one working day (Monday), the weekend is
  // in the period: extended to Tuesday 23.
  const DeadlineComputation d = Compute(Period(3, DurationUnit::kDays), D(2025, 12, 19));
  CHECK(d.legal_end == D(2025, 12, 23));
}

// ---- Art. 4 ---------------------------------------------------------------------------------------

TEST_CASE("Atw art. 4: longer periods are not moved, even off a Sunday", "[atw-4]") {
  struct Case {
    Duration period;
    Date start;
    Date end;  // left alone: a Sunday for the calendar units
  };
  const Case cases[] = {
      {{13, DurationUnit::kWeeks}, D(2025, 6, 1), D(2025, 8, 31)},
      {{91, DurationUnit::kDays}, D(2025, 6, 1), D(2025, 8, 31)},
      {{4, DurationUnit::kMonths}, D(2025, 6, 5), D(2025, 10, 5)},
      {{1, DurationUnit::kYears}, D(2024, 8, 31), D(2025, 8, 31)},
      // Working days: 65 * 7 / 5 = 91 days counts as longer (duration.h); a Monday anyway.
      {{65, DurationUnit::kWorkingDays}, D(2025, 6, 1), D(2025, 9, 1)},
  };
  for (const Case& c : cases) {
    INFO(c.period.ToString());
    DeadlineRule rule = Period(c.period.amount, c.period.unit);
    const DeadlineComputation r = Compute(rule, c.start);
    CHECK(r.legal_end == c.end);
    REQUIRE(r.legal_steps.size() == 4);
    CHECK(r.legal_steps[2].kind == Kind::kAtwExcluded);
    CHECK_THAT(r.legal_steps[2].detail, Catch::Contains(c.period.ToString()));
    CHECK_THAT(r.legal_steps[2].ToEnglish(), Catch::Contains("art. 4"));
    CHECK(r.legal_steps[3] == Step(Kind::kFinal, c.end));
  }
  CHECK(D(2025, 8, 31).weekday() == Weekday::kSunday);
  CHECK(D(2025, 10, 5).weekday() == Weekday::kSunday);
}

TEST_CASE("Atw art. 4: 12 weeks, 90 days and 3 months are still covered", "[atw-4][atw-1]") {
  // Each ends nominally on Sunday 31 August 2025 and runs on to Monday 1 September.
  CHECK(Compute(Period(12, DurationUnit::kWeeks), D(2025, 6, 8)).legal_end == D(2025, 9, 1));
  CHECK(Compute(Period(90, DurationUnit::kDays), D(2025, 6, 2)).legal_end == D(2025, 9, 1));
  CHECK(Compute(Period(3, DurationUnit::kMonths), D(2025, 5, 31)).legal_end == D(2025, 9, 1));
  const DeadlineComputation c = Compute(Period(12, DurationUnit::kWeeks), D(2025, 6, 8));
  CHECK(c.legal_steps[1].date == D(2025, 8, 31));
  CHECK(c.legal_steps[2] == Roll(D(2025, 8, 31), "sunday"));
}

TEST_CASE("Atw art. 4: counting backwards is not rolled", "[atw-4]") {
  DeadlineRule rule = Period(6, DurationUnit::kWeeks);
  rule.warn_before = Duration{4, DurationUnit::kDays};
  // Legal end Monday 29 December 2025; 4 days before is Christmas Day, and it stays there.
  DeadlineComputation c = Compute(rule, D(2025, 11, 13));
  CHECK(c.legal_end == D(2025, 12, 29));
  REQUIRE(c.warn_on.has_value());
  CHECK(*c.warn_on == D(2025, 12, 25));
  // A week before: Monday 22 December.
  rule.warn_before = Duration{1, DurationUnit::kWeeks};
  CHECK(*Compute(rule, D(2025, 11, 13)).warn_on == D(2025, 12, 22));
  // 2 weeks before Monday 2026-01-05 (6 weeks after Monday 2025-11-24) is 22 December, and
  // 10 days before is Friday 26 December (Boxing Day): not moved.
  rule.warn_before = Duration{10, DurationUnit::kDays};
  CHECK(*Compute(rule, D(2025, 11, 24)).warn_on == D(2025, 12, 26));
  // Working days backwards skip non-working days by definition: 1 working day before 29 Dec.
  rule.warn_before = Duration{1, DurationUnit::kWorkingDays};
  CHECK(*Compute(rule, D(2025, 11, 13)).warn_on == D(2025, 12, 24));
}

TEST_CASE("Atw not applied: a Sunday end stays when the rule says atw: false", "[atw-1]") {
  const DeadlineComputation c =
      Compute(Period(6, DurationUnit::kWeeks, /*atw=*/false), D(2025, 6, 1));
  CHECK(c.legal_end == D(2025, 7, 13));
  CHECK(c.legal_end.weekday() == Weekday::kSunday);
  CHECK(KindsOf(c.legal_steps) ==
        std::vector<Kind>{Kind::kStart, Kind::kPeriodEnd, Kind::kAtwNotApplied, Kind::kFinal});
  // The worked example without the Atw: Christmas Day.
  CHECK(Compute(Period(6, DurationUnit::kWeeks, false), D(2025, 11, 13)).legal_end ==
        D(2025, 12, 25));
}

}  // namespace
}  // namespace uitdaag
