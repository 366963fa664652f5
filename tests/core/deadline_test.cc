// Deadline computation mechanics: targets, warnings, explanations in English.
#include <catch2/catch.hpp>

#include "support/deadline_builders.h"
#include "uitdaag/deadline.h"

namespace uitdaag {
namespace {

using namespace testing;  // NOLINT: the builders are the vocabulary of these tests

DeadlineRule EightWeeks() { return Period(8, DurationUnit::kWeeks); }

const BusinessCalendar kCalendar;

TEST_CASE("Deadline: no target and no warning unless the rule has them", "[deadline]") {
  const DeadlineComputation c =
      ComputeDeadline(EightWeeks(), D(2025, 6, 2), {}, {}, kCalendar, D(2025, 6, 2));
  CHECK(c.legal_end == D(2025, 7, 28));
  CHECK_FALSE(c.target_end.has_value());
  CHECK_FALSE(c.warn_on.has_value());
  CHECK(c.target_steps.empty());
  CHECK_FALSE(c.provisional);
}

TEST_CASE("Deadline: the target is counted like the period, without the Atw", "[deadline]") {
  DeadlineRule rule = EightWeeks();
  rule.target = Duration{6, DurationUnit::kWeeks};
  // Start Sunday 1 June 2025: target 6 weeks = Sunday 13 July, not moved; + a suspension of
  // 2 days and an extension of 1 week, the same as the legal period gets.
  const std::vector<Suspension> s = {{D(2025, 6, 10), D(2025, 6, 13), "documents"}};
  const std::vector<Extension> e = {{D(2025, 7, 1), {1, DurationUnit::kWeeks}, "busy"}};
  DeadlineComputation c = ComputeDeadline(rule, D(2025, 6, 1), {}, {}, kCalendar, D(2025, 6, 1));
  REQUIRE(c.target_end.has_value());
  CHECK(*c.target_end == D(2025, 7, 13));
  CHECK(KindsOf(c.target_steps) == std::vector<Kind>{Kind::kStart, Kind::kPeriodEnd,
                                                     Kind::kAtwNotApplied, Kind::kFinal});
  CHECK(c.target_steps[1].detail == "6 weeks");
  // Legal end: Sunday 27 July rolls to Monday 28 July.
  CHECK(c.legal_end == D(2025, 7, 28));

  c = ComputeDeadline(rule, D(2025, 6, 1), s, e, kCalendar, D(2025, 7, 1));
  CHECK(*c.target_end == D(2025, 7, 22));  // 13 July + 2 days + 7 days
  CHECK(c.legal_end == D(2025, 8, 5));     // 27 July + 2 + 7 = Tuesday 5 August
  CHECK(KindsOf(c.target_steps) ==
        std::vector<Kind>{Kind::kStart, Kind::kPeriodEnd, Kind::kSuspension, Kind::kExtension,
                          Kind::kAtwNotApplied, Kind::kFinal});
}

TEST_CASE("Deadline: a target in working days", "[deadline]") {
  DeadlineRule rule = EightWeeks();
  rule.target = Duration{10, DurationUnit::kWorkingDays};
  const DeadlineComputation c =
      ComputeDeadline(rule, D(2025, 4, 9), {}, {}, kCalendar, D(2025, 4, 9));
  CHECK(*c.target_end == D(2025, 4, 25));
}

TEST_CASE("Deadline: the warning lies before the legal end", "[deadline][atw-4]") {
  DeadlineRule rule = EightWeeks();
  rule.warn_before = Duration{2, DurationUnit::kWeeks};
  // 8 weeks from Thursday 3 April 2025: 29 May (Ascension Day), moved to Friday 30 May.
  DeadlineComputation c = ComputeDeadline(rule, D(2025, 4, 3), {}, {}, kCalendar, D(2025, 4, 3));
  CHECK(c.legal_end == D(2025, 5, 30));
  CHECK(*c.warn_on == D(2025, 5, 16));
  rule.warn_before = Duration{5, DurationUnit::kWorkingDays};
  c = ComputeDeadline(rule, D(2025, 4, 3), {}, {}, kCalendar, D(2025, 4, 3));
  CHECK(*c.warn_on == D(2025, 5, 22));  // 28, 27, 26, 23, 22 May (29 May is a holiday)
  rule.warn_before = Duration{1, DurationUnit::kMonths};
  c = ComputeDeadline(rule, D(2025, 4, 3), {}, {}, kCalendar, D(2025, 4, 3));
  CHECK(*c.warn_on == D(2025, 4, 30));
}

TEST_CASE("Explanation: every kind of step renders its facts in English", "[deadline]") {
  auto step = [](Kind kind, Date date) {
    ExplanationStep s{};
    s.kind = kind;
    s.date = date;
    return s;
  };
  ExplanationStep start = step(Kind::kStart, D(2025, 11, 13));
  CHECK(start.ToEnglish() ==
        "Thursday 2025-11-13: start event; counting starts the next day, Friday 2025-11-14");

  ExplanationStep end = step(Kind::kPeriodEnd, D(2025, 12, 25));
  end.detail = "6 weeks";
  CHECK(end.ToEnglish() == "Thursday 2025-12-25: nominal end of the period of 6 weeks");

  ExplanationStep roll = step(Kind::kRollOver, D(2025, 12, 27));
  roll.from = D(2025, 12, 26);
  roll.detail = "boxing_day";
  CHECK(roll.ToEnglish() ==
        "Saturday 2025-12-27: Friday 2025-12-26 is not a working day (boxing_day); under Atw "
        "art. 1 the period runs on to the next day");

  ExplanationStep suspension = step(Kind::kSuspension, D(2025, 8, 6));
  suspension.from = D(2025, 6, 10);
  suspension.until = D(2025, 6, 20);
  suspension.days = 9;
  suspension.detail = "missing plan";
  CHECK(suspension.ToEnglish() ==
        "Wednesday 2025-08-06: suspended (Awb 4:15) from Tuesday 2025-06-10 until Friday "
        "2025-06-20 (reason: missing plan); 9 days added");
  suspension.days = 1;
  suspension.detail.clear();
  CHECK_THAT(suspension.ToEnglish(), Catch::EndsWith("2025-06-20; 1 day added"));

  ExplanationStep open = step(Kind::kOpenSuspension, D(2025, 8, 12));
  open.from = D(2025, 7, 10);
  open.days = 5;
  CHECK_THAT(open.ToEnglish(), Catch::StartsWith("Tuesday 2025-08-12: ") &&
                                   Catch::Contains("Thursday 2025-07-10 is still open") &&
                                   Catch::Contains("5 days") && Catch::Contains("provisional"));

  ExplanationStep ext = step(Kind::kExtension, D(2025, 9, 3));
  ext.from = D(2025, 7, 1);
  ext.detail = "6 weeks";
  CHECK(ext.ToEnglish() ==
        "Wednesday 2025-09-03: extended (Awb 4:14) by 6 weeks, announced on Tuesday 2025-07-01");

  ExplanationStep excluded = step(Kind::kAtwExcluded, D(2025, 8, 31));
  excluded.detail = "13 weeks is longer than twelve weeks, 90 days or three months";
  CHECK_THAT(excluded.ToEnglish(), Catch::StartsWith("Sunday 2025-08-31: ") &&
                                       Catch::Contains("art. 4") &&
                                       Catch::Contains("13 weeks is longer"));

  CHECK_THAT(step(Kind::kAtwNotApplied, D(2025, 7, 13)).ToEnglish(),
             Catch::StartsWith("Sunday 2025-07-13: ") && Catch::Contains("not applied"));

  ExplanationStep two = step(Kind::kTwoWorkingDays, D(2025, 12, 30));
  two.from = D(2025, 12, 29);
  CHECK_THAT(two.ToEnglish(), Catch::StartsWith("Tuesday 2025-12-30: ") &&
                                  Catch::Contains("art. 2") &&
                                  Catch::Contains("extended from Monday 2025-12-29"));

  CHECK_THAT(step(Kind::kAnnualEnd, D(2026, 4, 30)).ToEnglish(),
             Catch::StartsWith("Thursday 2026-04-30: ") && Catch::Contains("first 30 April"));
  CHECK(step(Kind::kFinal, D(2025, 12, 29)).ToEnglish() ==
        "Monday 2025-12-29: the last day of the period");
}

TEST_CASE("Explanation: ExplainLegal has one line per legal step", "[deadline]") {
  const DeadlineComputation c =
      ComputeDeadline(EightWeeks(), D(2025, 4, 3), {}, {}, kCalendar, D(2025, 4, 3));
  const std::vector<std::string> lines = c.ExplainLegal();
  REQUIRE(lines.size() == c.legal_steps.size());
  for (size_t i = 0; i < lines.size(); ++i) CHECK(lines[i] == c.legal_steps[i].ToEnglish());
  CHECK_THAT(lines[2], Catch::Contains("Thursday 2025-05-29") && Catch::Contains("ascension_day"));
}

TEST_CASE("Deadline: the result does not depend on as_of without open suspensions",
          "[deadline]") {
  const std::vector<Suspension> s = {{D(2025, 6, 10), D(2025, 6, 20), "x"}};
  const DeadlineComputation a =
      ComputeDeadline(EightWeeks(), D(2025, 6, 2), s, {}, kCalendar, D(2025, 6, 2));
  const DeadlineComputation b =
      ComputeDeadline(EightWeeks(), D(2025, 6, 2), s, {}, kCalendar, D(2030, 1, 1));
  CHECK(a.legal_end == b.legal_end);
  CHECK(a.legal_steps == b.legal_steps);
}

}  // namespace
}  // namespace uitdaag
