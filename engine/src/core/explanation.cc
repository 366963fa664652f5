#include <string>
#include <vector>

#include "uitdaag/deadline.h"

namespace uitdaag {
namespace {

// "Monday 2025-12-29".
std::string Day(Date d) { return std::string(WeekdayName(d.weekday())) + " " + d.ToIsoString(); }

// "Monday 2025-12-29", or "an unknown date" for a step that lacks it.
std::string Day(const std::optional<Date>& d) { return d ? Day(*d) : "an unknown date"; }

const char* MonthName(int month) {
  static const char* const kNames[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
  return (month >= 1 && month <= 12) ? kNames[month - 1] : "?";
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// " (reason: ...)" or nothing.
std::string Reason(const std::string& detail) {
  return detail.empty() ? std::string() : " (reason: " + detail + ")";
}

std::string Body(const ExplanationStep& s) {
  using Kind = ExplanationStep::Kind;
  switch (s.kind) {
    case Kind::kStart:
      return "start event; counting starts the next day, " + Day(s.date.AddDays(1));
    case Kind::kPeriodEnd:
      return "nominal end of the period of " + s.detail;
    case Kind::kAnnualEnd:
      return "the first " + std::to_string(s.date.day()) + " " + MonthName(s.date.month()) +
             " after the start event" + (s.detail.empty() ? "" : " (" + s.detail + ")");
    case Kind::kSuspension:
      return "suspended (Awb 4:15) from " + Day(s.from) + " until " + Day(s.until) +
             Reason(s.detail) + "; " + Plural(s.days, "day", "days") + " added";
    case Kind::kOpenSuspension:
      return "suspension (Awb 4:15) since " + Day(s.from) + " is still open" + Reason(s.detail) +
             "; " + Plural(s.days, "day", "days") +
             " added so far; this date is provisional and moves on each day until it is lifted";
    case Kind::kExtension:
      return "extended (Awb 4:14) by " + s.detail + ", announced on " + Day(s.from);
    case Kind::kAtwNotApplied:
      return "the Algemene termijnenwet is not applied" +
             (s.detail.empty() ? std::string() : " (" + s.detail + ")") + "; the date stays";
    case Kind::kAtwExcluded:
      return "the Algemene termijnenwet does not apply (Atw art. 4): " + s.detail +
             "; the date stays";
    case Kind::kRollOver:
      return Day(s.from) + " is not a working day (" + s.detail +
             "); under Atw art. 1 the period runs on to the next day";
    case Kind::kTwoWorkingDays:
      return "under Atw art. 2 a period of three days or more must contain at least two working "
             "days; extended from " + Day(s.from);
    case Kind::kFinal:
      return "the last day of the period";
  }
  return "unknown step";
}

}  // namespace

std::string ExplanationStep::ToEnglish() const { return Day(date) + ": " + Body(*this); }

std::vector<std::string> DeadlineComputation::ExplainLegal() const {
  std::vector<std::string> lines;
  lines.reserve(legal_steps.size());
  for (const ExplanationStep& step : legal_steps) lines.push_back(step.ToEnglish());
  return lines;
}

}  // namespace uitdaag
