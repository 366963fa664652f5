// Awb decision periods: 4:13 (the period), 4:14 (extension), 4:15 (suspension), 6:8 (objection
// period), and annual deadlines, checked through ComputeDeadline.
#include <catch2/catch.hpp>

#include "support/deadline_builders.h"
#include "uitdaag/deadline.h"

namespace uitdaag {
namespace {

using namespace testing;  // NOLINT: the builders are the vocabulary of these tests

const BusinessCalendar kCalendar;

// ---- Suspension (Awb 4:15) --------------------------------------------------------------------------

TEST_CASE("Awb 4:15: the suspended days run from the day after up to the resuming day",
          "[awb-4:15]") {
  // Suspended on 10 June, resumed on 20 June: 11..19 June = 9 days.
  CHECK(SuspendedDays(D(2025, 6, 10), D(2025, 6, 20)) == 9);
  CHECK(SuspendedDays(D(2025, 6, 10), D(2025, 6, 12)) == 1);
  // Zero and negative lengths add nothing.
  CHECK(SuspendedDays(D(2025, 6, 10), D(2025, 6, 11)) == 0);
  CHECK(SuspendedDays(D(2025, 6, 10), D(2025, 6, 10)) == 0);
  CHECK(SuspendedDays(D(2025, 6, 10), D(2025, 6, 1)) == 0);
  // Across a year end.
  CHECK(SuspendedDays(D(2025, 12, 20), D(2026, 1, 10)) == 20);
}

TEST_CASE("Awb 4:15: two closed suspensions and one open one", "[awb-4:15][awb-4:13]") {
  const DeadlineRule rule = Period(8, DurationUnit::kWeeks);
  const std::vector<Suspension> suspensions = {
      {D(2025, 6, 10), D(2025, 6, 20), "missing business plan"},
      {D(2025, 7, 1), D(2025, 7, 3), "site visit"},
      {D(2025, 7, 10), std::nullopt, "advice requested"},
  };
  // 8 weeks from Monday 2 June: Monday 28 July; + 9 + 1 + 5 (11..15 July) = Tuesday 12 August.
  const DeadlineComputation c =
      ComputeDeadline(rule, D(2025, 6, 2), suspensions, {}, kCalendar, D(2025, 7, 15));
  CHECK(c.legal_end == D(2025, 8, 12));
  CHECK(c.provisional);
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2025, 6, 2)),
      Step(Kind::kPeriodEnd, D(2025, 7, 28), "8 weeks"),
      Suspended(D(2025, 8, 6), D(2025, 6, 10), D(2025, 6, 20), 9, "missing business plan"),
      Suspended(D(2025, 8, 7), D(2025, 7, 1), D(2025, 7, 3), 1, "site visit"),
      Suspended(D(2025, 8, 12), D(2025, 7, 10), std::nullopt, 5, "advice requested"),
      Step(Kind::kFinal, D(2025, 8, 12)),
  };
  CHECK(c.legal_steps == expected);
  const std::vector<std::string> lines = c.ExplainLegal();
  CHECK_THAT(lines[2], Catch::Contains("Tuesday 2025-06-10") &&
                           Catch::Contains("Friday 2025-06-20") && Catch::Contains("9 days") &&
                           Catch::Contains("missing business plan"));
  CHECK_THAT(lines[4], Catch::Contains("Thursday 2025-07-10") && Catch::Contains("5 days") &&
                           Catch::Contains("provisional") && Catch::Contains("advice requested"));

  // The next day, the end moves on by one day; once lifted it stops being provisional.
  const DeadlineComputation next =
      ComputeDeadline(rule, D(2025, 6, 2), suspensions, {}, kCalendar, D(2025, 7, 16));
  CHECK(next.legal_end == D(2025, 8, 13));
  std::vector<Suspension> lifted = suspensions;
  lifted[2].until = D(2025, 7, 17);  // 11..16 July = 6 days
  const DeadlineComputation closed =
      ComputeDeadline(rule, D(2025, 6, 2), lifted, {}, kCalendar, D(2025, 9, 1));
  CHECK(closed.legal_end == D(2025, 8, 13));
  CHECK_FALSE(closed.provisional);
}

TEST_CASE("Awb 4:15: an open suspension on its first day adds nothing yet", "[awb-4:15]") {
  const std::vector<Suspension> open = {{D(2025, 7, 10), std::nullopt, "asked for documents"}};
  const DeadlineRule rule = Period(6, DurationUnit::kWeeks);
  const DeadlineComputation same_day =
      ComputeDeadline(rule, D(2025, 6, 2), open, {}, kCalendar, D(2025, 7, 10));
  CHECK(same_day.legal_end == D(2025, 7, 14));
  CHECK(same_day.provisional);
  CHECK(same_day.legal_steps[2].days == 0);
  // as_of before the suspension (a replay of the past): never negative.
  const DeadlineComputation earlier =
      ComputeDeadline(rule, D(2025, 6, 2), open, {}, kCalendar, D(2025, 7, 1));
  CHECK(earlier.legal_end == D(2025, 7, 14));
}

TEST_CASE("Awb 4:15: suspensions of zero or negative length", "[awb-4:15]") {
  const std::vector<Suspension> suspensions = {
      {D(2025, 6, 10), D(2025, 6, 10), "resumed the same day"},
      {D(2025, 6, 10), D(2025, 6, 11), "resumed the next day"},
      {D(2025, 6, 20), D(2025, 6, 12), "resumed before it started"},
  };
  const DeadlineComputation c = ComputeDeadline(Period(6, DurationUnit::kWeeks), D(2025, 6, 2),
                                                suspensions, {}, kCalendar, D(2025, 7, 1));
  CHECK(c.legal_end == D(2025, 7, 14));
  REQUIRE(c.legal_steps.size() == 6);
  for (size_t i = 2; i < 5; ++i) {
    CHECK(c.legal_steps[i].kind == Kind::kSuspension);
    CHECK(c.legal_steps[i].days == 0);
    CHECK(c.legal_steps[i].date == D(2025, 7, 14));
  }
  CHECK_THAT(c.ExplainLegal()[2], Catch::Contains("0 days"));
}

TEST_CASE("Awb 4:15 and Atw art. 1: suspension ending on a weekend rolls on", "[awb-4:15][atw-1]") {
  // 6 weeks from Monday 2 June: 14 July; suspended 1..7 July (5 days): Saturday 19 July: Monday 21.
  const std::vector<Suspension> s = {{D(2025, 7, 1), D(2025, 7, 7), "hearing"}};
  const DeadlineComputation c =
      ComputeDeadline(Period(6, DurationUnit::kWeeks), D(2025, 6, 2), s, {}, kCalendar,
                      D(2025, 7, 30));
  CHECK(c.legal_end == D(2025, 7, 21));
  CHECK(c.legal_steps[3] == Roll(D(2025, 7, 19), "saturday"));
  CHECK(c.legal_steps[4] == Roll(D(2025, 7, 20), "sunday"));
}

// ---- Extension (Awb 4:14) -----------------------------------------------------------------------

TEST_CASE("Awb 4:14: an extension is added after the suspensions", "[awb-4:14][awb-4:15]") {
  const std::vector<Suspension> s = {{D(2025, 6, 10), D(2025, 6, 20), "incomplete request"}};
  const std::vector<Extension> e = {{D(2025, 7, 1), {6, DurationUnit::kWeeks}, "complex case"}};
  // 14 July + 9 days = Wednesday 23 July; + 6 weeks = Wednesday 3 September.
  const DeadlineComputation c = ComputeDeadline(Period(6, DurationUnit::kWeeks), D(2025, 6, 2),
                                                s, e, kCalendar, D(2025, 7, 1));
  CHECK(c.legal_end == D(2025, 9, 3));
  const std::vector<ExplanationStep> expected = {
      Step(Kind::kStart, D(2025, 6, 2)),
      Step(Kind::kPeriodEnd, D(2025, 7, 14), "6 weeks"),
      Suspended(D(2025, 7, 23), D(2025, 6, 10), D(2025, 6, 20), 9, "incomplete request"),
      Extended(D(2025, 9, 3), D(2025, 7, 1), "6 weeks"),
      Step(Kind::kFinal, D(2025, 9, 3)),
  };
  CHECK(c.legal_steps == expected);
  CHECK_THAT(c.ExplainLegal()[3], Catch::Contains("6 weeks") &&
                                      Catch::Contains("Tuesday 2025-07-01") &&
                                      Catch::StartsWith("Wednesday 2025-09-03"));
}

TEST_CASE("Awb 4:14: extensions in months, in order, then the Atw", "[awb-4:14][atw-1]") {
  // 8 weeks from Thursday 13 November 2025: Thursday 8 January 2026; + 2 months = Sunday
  // 8 March 2026, which the Atw moves to Monday 9 March.
  const std::vector<Extension> e = {{D(2025, 12, 15), {2, DurationUnit::kMonths}, "advice"}};
  const DeadlineComputation c = ComputeDeadline(Period(8, DurationUnit::kWeeks), D(2025, 11, 13),
                                                {}, e, kCalendar, D(2025, 12, 15));
  CHECK(c.legal_end == D(2026, 3, 9));
  CHECK(c.legal_steps[2] == Extended(D(2026, 3, 8), D(2025, 12, 15), "2 months"));
  CHECK(c.legal_steps[3] == Roll(D(2026, 3, 8), "sunday"));
  // Two extensions: 1 month then 10 days: 8 February 2026 (Sunday), 18 February (Wednesday).
  const std::vector<Extension> two = {{D(2025, 12, 15), {1, DurationUnit::kMonths}, "first"},
                                      {D(2026, 1, 20), {10, DurationUnit::kDays}, "second"}};
  const DeadlineComputation d = ComputeDeadline(Period(8, DurationUnit::kWeeks), D(2025, 11, 13),
                                                {}, two, kCalendar, D(2026, 1, 20));
  CHECK(d.legal_end == D(2026, 2, 18));
  CHECK(d.legal_steps[2].date == D(2026, 2, 8));
  CHECK(d.legal_steps[3].date == D(2026, 2, 18));
}

// ---- Working-day periods ----------------------------------------------------------------------------

TEST_CASE("Working days across Easter", "[awb-4:13][atw-3]") {
  // 10 working days from Wednesday 9 April 2025 skip Good Friday and Easter Monday: Friday 25 April.
  const DeadlineComputation c =
      ComputeDeadline(Period(10, DurationUnit::kWorkingDays), D(2025, 4, 9), {}, {}, kCalendar,
                      D(2025, 4, 9));
  CHECK(c.legal_end == D(2025, 4, 25));
  CHECK(c.legal_steps[1] == Step(Kind::kPeriodEnd, D(2025, 4, 25), "10 working days"));
  // 5 working days from Maundy Thursday 2026: Tuesday 7 to Monday 13 April.
  CHECK(ComputeDeadline(Period(5, DurationUnit::kWorkingDays), D(2026, 4, 2), {}, {}, kCalendar,
                        D(2026, 4, 2))
            .legal_end == D(2026, 4, 13));
}

TEST_CASE("Working days: a suspension adds calendar days, then rolls to a working day",
          "[awb-4:15][atw-3]") {
  // 25 April 2025 + 1 suspended day = Saturday 26 April (King's Day), Sunday: Monday 28 April.
  const std::vector<Suspension> s = {{D(2025, 4, 14), D(2025, 4, 16), "question"}};
  for (bool atw : {true, false}) {
    INFO("atw " << atw);
    const DeadlineComputation c = ComputeDeadline(Period(10, DurationUnit::kWorkingDays, atw),
                                                  D(2025, 4, 9), s, {}, kCalendar, D(2025, 5, 1));
    CHECK(c.legal_end == D(2025, 4, 28));
    REQUIRE(c.legal_steps.size() >= 6);
    CHECK(c.legal_steps[2] == Suspended(D(2025, 4, 26), D(2025, 4, 14), D(2025, 4, 16), 1,
                                        "question"));
    CHECK(c.legal_steps[3] == Roll(D(2025, 4, 26), "kings_day"));
    CHECK(c.legal_steps[4] == Roll(D(2025, 4, 27), "sunday"));
    CHECK(c.legal_steps.back() == Step(Kind::kFinal, D(2025, 4, 28)));
  }
}

TEST_CASE("Working days: extension in working days", "[awb-4:14]") {
  const std::vector<Extension> e = {{D(2025, 12, 1), {3, DurationUnit::kWorkingDays}, "x"}};
  // 5 working days from Wednesday 17 Dec 2025: Wednesday 24 Dec; + 3 working days: 31 Dec.
  const DeadlineComputation c = ComputeDeadline(Period(5, DurationUnit::kWorkingDays),
                                                D(2025, 12, 17), {}, e, kCalendar, D(2025, 12, 1));
  CHECK(c.legal_end == D(2025, 12, 31));
}

// ---- Annual deadlines -----------------------------------------------------------------------------

TEST_CASE("Annual deadline: the first 30 April after the start", "[awb-4:13]") {
  struct Case {
    Date start;
    Date end;
  };
  const Case cases[] = {
      {D(2025, 11, 1), D(2026, 4, 30)},   // across a year end
      {D(2025, 12, 31), D(2026, 4, 30)},
      {D(2025, 4, 29), D(2025, 4, 30)},
      {D(2025, 4, 30), D(2026, 4, 30)},   // on the day itself: next year
      {D(2025, 5, 1), D(2026, 4, 30)},
      {D(2026, 1, 1), D(2026, 4, 30)},
  };
  for (const Case& c : cases) {
    INFO(c.start.ToIsoString());
    const DeadlineComputation r =
        ComputeDeadline(Annual(4, 30, false), c.start, {}, {}, kCalendar, c.start);
    CHECK(r.legal_end == c.end);
    CHECK(r.legal_steps ==
          std::vector<ExplanationStep>{Step(Kind::kStart, c.start), Step(Kind::kAnnualEnd, c.end),
                                       Step(Kind::kAtwNotApplied, c.end),
                                       Step(Kind::kFinal, c.end)});
  }
  CHECK_THAT(ComputeDeadline(Annual(4, 30, false), D(2025, 11, 1), {}, {}, kCalendar,
                             D(2025, 11, 1))
                 .ExplainLegal()[1],
             Catch::Contains("30 April") && Catch::Contains("Thursday 2026-04-30"));
}

TEST_CASE("Annual deadline: 31 December across the year end", "[awb-4:13]") {
  CHECK(ComputeDeadline(Annual(12, 31, false), D(2025, 12, 31), {}, {}, kCalendar, D(2025, 12, 31))
            .legal_end == D(2026, 12, 31));
  CHECK(ComputeDeadline(Annual(12, 31, false), D(2025, 12, 30), {}, {}, kCalendar, D(2025, 12, 30))
            .legal_end == D(2025, 12, 31));
}

TEST_CASE("Annual deadline: the Atw moves it only when the rule asks", "[atw-1][atw-4]") {
  // 30 April 2028 is a Sunday.
  const DeadlineComputation moved =
      ComputeDeadline(Annual(4, 30, true), D(2027, 5, 1), {}, {}, kCalendar, D(2027, 5, 1));
  CHECK(moved.legal_end == D(2028, 5, 1));
  CHECK(moved.legal_steps == std::vector<ExplanationStep>{
                                 Step(Kind::kStart, D(2027, 5, 1)),
                                 Step(Kind::kAnnualEnd, D(2028, 4, 30)),
                                 Roll(D(2028, 4, 30), "sunday"),
                                 Step(Kind::kFinal, D(2028, 5, 1)),
                             });
  const DeadlineComputation fixed =
      ComputeDeadline(Annual(4, 30, false), D(2027, 5, 1), {}, {}, kCalendar, D(2027, 5, 1));
  CHECK(fixed.legal_end == D(2028, 4, 30));
  // Art. 2 does not apply to a fixed date: 27 April 2025 start, 30 April end (Wednesday) with
  // only the 28th to 30th in between is not extended.
  CHECK(ComputeDeadline(Annual(4, 30, true), D(2025, 4, 27), {}, {}, kCalendar, D(2025, 4, 27))
            .legal_end == D(2025, 4, 30));
}

TEST_CASE("Annual deadline: 29 February", "[awb-4:13]") {
  auto end_from = [](Date start) {
    return ComputeDeadline(Annual(2, 29, false), start, {}, {}, kCalendar, start).legal_end;
  };
  CHECK(end_from(D(2025, 3, 1)) == D(2026, 2, 28));
  CHECK(end_from(D(2027, 3, 1)) == D(2028, 2, 29));
  CHECK(end_from(D(2028, 2, 28)) == D(2028, 2, 29));
  CHECK(end_from(D(2028, 2, 29)) == D(2029, 2, 28));
  CHECK(end_from(D(2026, 2, 27)) == D(2026, 2, 28));
  CHECK(end_from(D(2026, 2, 28)) == D(2027, 2, 28));
}

TEST_CASE("Annual deadline with a suspension", "[awb-4:15]") {
  const std::vector<Suspension> s = {{D(2026, 1, 5), D(2026, 1, 9), "audit"}};  // 3 days
  CHECK(ComputeDeadline(Annual(4, 30, false), D(2025, 11, 1), s, {}, kCalendar, D(2026, 2, 1))
            .legal_end == D(2026, 5, 3));
}

// ---- Objection period (Awb 6:7, 6:8) ----------------------------------------------------------------

TEST_CASE("Awb 6:8: the objection period starts the day after sending", "[awb-6:8][atw-1]") {
  const DeadlineRule rule = Period(6, DurationUnit::kWeeks);
  CHECK(ComputeDeadline(rule, D(2025, 6, 2), {}, {}, kCalendar, D(2025, 6, 2)).legal_end ==
        D(2025, 7, 14));
  // Sent on a Saturday: the period still counts from Sunday and ends on a Saturday: Monday.
  CHECK(ComputeDeadline(rule, D(2025, 6, 7), {}, {}, kCalendar, D(2025, 6, 7)).legal_end ==
        D(2025, 7, 21));
}

}  // namespace
}  // namespace uitdaag
