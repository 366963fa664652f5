// Deadline computation: from a rule, a start event, suspensions and extensions to the last day of
// a legal period, with an explanation of every step.
//
// The rules (engine/DESIGN.md, "Deadline rules", has the worked reasoning):
//  1. Counting starts the day after the start event. A period of N weeks ends on the same weekday
//     N weeks after the event; N months on the same day-number (clamped to the month's end);
//     N days N days after; N working days on the N-th working day after the event.
//     An annual deadline ends on the first given day-and-month after the event.
//  2. Suspension (Awb 4:15) runs from the day after the suspending event up to, not including, the
//     day of the resuming event ("tot", not "tot en met"): it adds (resume - suspend - 1) days,
//     never fewer than 0. A suspension that is still open adds the days up to `as_of`; the result
//     is then provisional and moves on each day until the suspension is lifted.
//  3. Extensions (Awb 4:14) are added after the suspensions, each by its own duration, in order.
//  4. Only then the Algemene termijnenwet, when the rule says it applies and art. 4 does not
//     exclude it (periods longer than 12 weeks / 90 days / 3 months; annual dates are fixed dates,
//     not periods, and are moved only when the rule asks for it explicitly):
//     art. 1: an end on a Saturday, Sunday or holiday runs on to the next working day;
//     art. 2: a period of three days or more is extended so that it contains at least two working
//     days.
//  5. The target (service-level) date is computed in the same way from the target duration, with
//     the same suspensions and extensions, without the Atw. A warning date lies the warning
//     duration before the legal end (counted backwards, so without the Atw, art. 4).
//
// Details of the implementation (deadline.cc):
//  - An open suspension adds the days after `from` up to and including as_of (as if lifted the
//    day after as_of); never fewer than 0.
//  - A period in working days: suspension days and calendar-unit extensions are added as calendar
//    days; then the date is rolled forward to a working day (kRollOver steps), with or without
//    the Atw. Extensions in working days are added with the calendar.
//  - Art. 2 acts when end - start >= 3, measured on the end before art. 1 moves it (a 2-day period
//    that art. 1 stretches over a weekend is not extended). It is not applied to annual dates.
//  - kRollOver steps: one per non-working day skipped, `from` = that day, `date` = the day after,
//    `detail` = the holiday id (a holiday on a weekend is named by the holiday), else "saturday"
//    or "sunday".
//  - Steps: kStart, kPeriodEnd/kAnnualEnd, suspensions and extensions in order, roll-overs of a
//    working-day period, then kAtwNotApplied, kAtwExcluded or the Atw's kRollOver/kTwoWorkingDays,
//    and kFinal. target_steps end with kAtwNotApplied (detail "service-level target") and kFinal.
//
// Everything here is pure: no clock, no I/O. Thread safety: functions on values; reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "uitdaag/calendar.h"
#include "uitdaag/date.h"
#include "uitdaag/duration.h"

namespace uitdaag {

// A day and month that recurs every year (e.g. 30 April for "the yearly report before 1 May").
struct MonthDay {
  int month = 1;
  int day = 1;
  bool operator==(const MonthDay&) const = default;
};

// How a deadline is measured; resolved from the workflow definition.
struct DeadlineRule {
  enum class Kind { kPeriod, kAnnual };
  Kind kind = Kind::kPeriod;
  Duration period;   // kPeriod
  MonthDay annual;   // kAnnual: the first such date after the start event
  bool atw = false;  // whether the Algemene termijnenwet applies (subject to art. 4)
  std::optional<Duration> target;       // service-level target, counted like the period
  std::optional<Duration> warn_before;  // warning this long before the legal end
};

// One suspension (opschorting). `from` is the date of the suspending event, `until` the date of
// the resuming event (absent while the suspension is open).
struct Suspension {
  Date from;
  std::optional<Date> until;
  std::string reason;  // free text from the workflow or the event
  bool operator==(const Suspension&) const = default;
};

// One extension (verdaging), announced on `on`.
struct Extension {
  Date on;
  Duration by;
  std::string reason;
  bool operator==(const Extension&) const = default;
};

// One line of an explanation. `kind` says which rule acted; the dates and numbers are the facts;
// ToEnglish() renders it for logs and the CLI (letters render their own Dutch text from the same
// facts through templates).
struct ExplanationStep {
  enum class Kind {
    kStart,             // counting starts the day after the start event (date: the event date)
    kPeriodEnd,         // nominal end of the period (detail: the duration; date: the end)
    kAnnualEnd,         // first occurrence of the annual day after the start (date: the end)
    kSuspension,        // a closed suspension added `days` (from, until, reason)
    kOpenSuspension,    // an open suspension added `days` up to as_of (provisional)
    kExtension,         // an extension added `detail` (the duration) announced on `from`
    kAtwNotApplied,     // the rule does not apply the Atw
    kAtwExcluded,       // Atw art. 4 excludes this period (detail: why)
    kRollOver,          // Atw art. 1: `from` is not a working day (detail: weekend or holiday id)
    kTwoWorkingDays,    // Atw art. 2: extended from `from` to `date` to contain two working days
    kFinal,             // the resulting last day (date)
  };
  Kind kind;
  Date date;                  // the date the step results in (or is about)
  std::optional<Date> from;   // the date before the step, where it moved a date
  std::optional<Date> until;  // suspensions: the resuming date
  int days = 0;               // suspensions: days added
  std::string detail;         // duration text, holiday id, "Saturday", reason...
  std::string ToEnglish() const;
  bool operator==(const ExplanationStep&) const = default;
};

struct DeadlineComputation {
  Date legal_end;                    // the last day on which acting is in time
  std::optional<Date> target_end;    // service-level date, when the rule has a target
  std::optional<Date> warn_on;       // the day the warning is due, when the rule has one
  bool provisional = false;          // an open suspension: the end moves until it is lifted
  std::vector<ExplanationStep> legal_steps;
  std::vector<ExplanationStep> target_steps;

  // The legal steps as English lines, one per step.
  std::vector<std::string> ExplainLegal() const;
};

// Computes the deadline. `start` is the date of the starting event; `as_of` is today (it only
// matters for open suspensions). Suspensions and extensions are applied in the given order.
// REQUIRES: rule.period is valid for kPeriod; annual month/day form a real date in a leap year.
DeadlineComputation ComputeDeadline(const DeadlineRule& rule, Date start,
                                    const std::vector<Suspension>& suspensions,
                                    const std::vector<Extension>& extensions,
                                    const BusinessCalendar& calendar, Date as_of);

// The days a closed suspension adds under rule 2 above (never negative).
int SuspendedDays(Date from, Date until);

// Applies Atw art. 1 and art. 2 to the end of a period that started counting the day after
// `start`, appending the steps. Exposed for the law tests.
Date ApplyAtw(Date start, Date end, const BusinessCalendar& calendar,
              std::vector<ExplanationStep>* steps);

// ---- Late decisions (Awb 4:17) -----------------------------------------------------------------

// The penalty per day in tiers ("23 euro for the first 14 days, 35 for the next 14, 45 after").
struct PenaltyTier {
  int days = 0;
  long long cents_per_day = 0;
  bool operator==(const PenaltyTier&) const = default;
};

struct PenaltyScheme {
  Duration grace{2, DurationUnit::kWeeks};  // penalty days start after this from the notice
  std::vector<PenaltyTier> tiers;           // in order; their days add up to the maximum
  bool operator==(const PenaltyScheme&) const = default;
};

struct PenaltyExposure {
  bool late = false;                 // as_of is after the legal end and no decision was given
                                     // on or before the legal end
  int days_late = 0;                 // days after the legal end up to and including as_of, or
                                     // up to the day before the decision once given
  std::optional<Date> notice;        // the notice of default (ingebrekestelling), if it counts:
                                     // a notice on or before the legal end is ignored (absent)
  std::optional<Date> accrues_from;  // first penalty day: the day after notice + grace
  int penalty_days = 0;              // days accrued up to as_of (capped by the tiers)
  long long accrued_cents = 0;       // penalty accrued up to as_of
  long long maximum_cents = 0;       // the most the tiers can add up to
};

// Penalty exposure for a decision period that ended on `legal_end`, decided on `decided_on` (or
// still open), with an optional notice of default, seen on `as_of`. Pure arithmetic.
// Penalty days run from accrues_from (notice + grace + 1 day) up to as_of, or up to the day before
// decided_on, capped at the tiers' total days; each day is paid at the rate of its tier, in order.
// A grace period in working days counts Monday to Friday (there is no calendar here).
PenaltyExposure ComputePenalty(const PenaltyScheme& scheme, Date legal_end,
                               std::optional<Date> notice, std::optional<Date> decided_on,
                               Date as_of);

}  // namespace uitdaag
