// Test support: short builders for deadline rules and the explanation steps the law suites
// expect, so each test reads as the rule it checks.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "uitdaag/deadline.h"

namespace uitdaag::testing {

using Kind = ExplanationStep::Kind;

inline Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

inline ExplanationStep Step(Kind kind, Date date, std::string detail = {}) {
  ExplanationStep s{};
  s.kind = kind;
  s.date = date;
  s.detail = std::move(detail);
  return s;
}

// Atw art. 1: `from` is not a working day, so the period runs on to the next day.
inline ExplanationStep Roll(Date from, std::string why) {
  ExplanationStep s = Step(Kind::kRollOver, from.AddDays(1), std::move(why));
  s.from = from;
  return s;
}

inline ExplanationStep Suspended(Date result, Date from, std::optional<Date> until, int days,
                                 std::string reason) {
  ExplanationStep s =
      Step(until ? Kind::kSuspension : Kind::kOpenSuspension, result, std::move(reason));
  s.from = from;
  s.until = until;
  s.days = days;
  return s;
}

inline ExplanationStep Extended(Date result, Date on, std::string by) {
  ExplanationStep s = Step(Kind::kExtension, result, std::move(by));
  s.from = on;
  return s;
}

inline DeadlineRule Period(int amount, DurationUnit unit, bool atw = true) {
  DeadlineRule rule;
  rule.kind = DeadlineRule::Kind::kPeriod;
  rule.period = Duration{amount, unit};
  rule.atw = atw;
  return rule;
}

inline DeadlineRule Annual(int month, int day, bool atw) {
  DeadlineRule rule;
  rule.kind = DeadlineRule::Kind::kAnnual;
  rule.annual = MonthDay{month, day};
  rule.atw = atw;
  return rule;
}

inline std::vector<Kind> KindsOf(const std::vector<ExplanationStep>& steps) {
  std::vector<Kind> kinds;
  for (const ExplanationStep& s : steps) kinds.push_back(s.kind);
  return kinds;
}

}  // namespace uitdaag::testing
