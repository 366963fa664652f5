#include "uitdaag/deadline.h"

#include <algorithm>
#include <cassert>

namespace uitdaag {
namespace {

using Kind = ExplanationStep::Kind;

void AddStep(std::vector<ExplanationStep>* steps, ExplanationStep step) {
  if (steps != nullptr) steps->push_back(std::move(step));
}

ExplanationStep MakeStep(Kind kind, Date date) {
  ExplanationStep step{};
  step.kind = kind;
  step.date = date;
  return step;
}

// Why `day` is not a working day: the holiday id, else "saturday" or "sunday". A holiday on a
// weekend is named by the holiday.
std::string NonWorkingReason(Date day, const BusinessCalendar& calendar) {
  if (std::optional<Holiday> holiday = calendar.HolidayOn(day)) return holiday->id;
  return day.weekday() == Weekday::kSaturday ? "saturday" : "sunday";
}

// Moves `end` forward past non-working days, one kRollOver step per day skipped. Used by Atw
// art. 1 and to bring a working-day period back onto a working day after calendar-day shifts.
Date RollToWorkingDay(Date end, const BusinessCalendar& calendar,
                      std::vector<ExplanationStep>* steps) {
  Date d = end;
  while (!calendar.IsWorkingDay(d)) {
    ExplanationStep step = MakeStep(Kind::kRollOver, d.AddDays(1));
    step.from = d;
    step.detail = NonWorkingReason(d, calendar);
    AddStep(steps, std::move(step));
    d = d.AddDays(1);
  }
  return d;
}

// Atw art. 2: a period of at least three days (counted from the day after `start` to `end`) is
// extended, where needed, so that it contains at least two days that are not a Saturday, Sunday
// or holiday. The extension ends on the next working day(s).
Date ApplyArt2(Date start, Date end, const BusinessCalendar& calendar,
               std::vector<ExplanationStep>* steps, Date measured_end) {
  if (measured_end - start < 3) return end;
  int working = calendar.CountWorkingDays(start.AddDays(1), end);
  Date extended = end;
  while (working < 2) {
    extended = calendar.NextWorkingDayOnOrAfter(extended.AddDays(1));
    ++working;
  }
  if (extended != end) {
    ExplanationStep step = MakeStep(Kind::kTwoWorkingDays, extended);
    step.from = end;
    AddStep(steps, std::move(step));
  }
  return extended;
}

// Adds a duration to a date: calendar units by Duration::AddTo, working days by the calendar.
Date AddDuration(Date from, const Duration& d, const BusinessCalendar& calendar) {
  if (d.unit == DurationUnit::kWorkingDays) return calendar.AddWorkingDays(from, d.amount);
  return d.AddTo(from);
}

// The first date with the given month and day strictly after `start`; 29 February becomes
// 28 February in a year without it.
Date NextAnnual(MonthDay md, Date start) {
  auto in_year = [md](int year) {
    const int day = std::min(md.day, Date::DaysInMonth(year, md.month));
    return Date::FromYmd(year, md.month, day);
  };
  const Date this_year = in_year(start.year());
  return this_year > start ? this_year : in_year(start.year() + 1);
}

// Rules 1 to 3 for a duration (the period or the target): nominal end, suspensions, extensions.
// A working-day period is brought back onto a working day after calendar-day shifts.
struct Counted {
  Date end;
  bool provisional = false;
};

Counted CountPeriod(const DeadlineRule& rule, const Duration* duration, Date start,
                    const std::vector<Suspension>& suspensions,
                    const std::vector<Extension>& extensions, const BusinessCalendar& calendar,
                    Date as_of, std::vector<ExplanationStep>* steps) {
  Counted result;
  AddStep(steps, MakeStep(Kind::kStart, start));

  // Rule 1: the nominal end.
  if (duration != nullptr) {
    result.end = AddDuration(start, *duration, calendar);
    ExplanationStep step = MakeStep(Kind::kPeriodEnd, result.end);
    step.detail = duration->ToString();
    AddStep(steps, std::move(step));
  } else {
    assert(rule.kind == DeadlineRule::Kind::kAnnual);
    result.end = NextAnnual(rule.annual, start);
    AddStep(steps, MakeStep(Kind::kAnnualEnd, result.end));
  }

  // Rule 2: suspensions (Awb 4:15), in order.
  for (const Suspension& s : suspensions) {
    const bool open = !s.until.has_value();
    // An open suspension counts the days after `from` up to and including as_of, as if it were
    // lifted the next day.
    const int days = open ? std::max(0, as_of - s.from) : SuspendedDays(s.from, *s.until);
    result.end = result.end.AddDays(days);
    ExplanationStep step = MakeStep(open ? Kind::kOpenSuspension : Kind::kSuspension, result.end);
    step.from = s.from;
    step.until = s.until;
    step.days = days;
    step.detail = s.reason;
    AddStep(steps, std::move(step));
    if (open) result.provisional = true;
  }

  // Rule 3: extensions (Awb 4:14), each by its own duration, in order.
  for (const Extension& e : extensions) {
    result.end = AddDuration(result.end, e.by, calendar);
    ExplanationStep step = MakeStep(Kind::kExtension, result.end);
    step.from = e.on;
    step.detail = e.by.ToString();
    AddStep(steps, std::move(step));
  }

  // A period of working days ends on a working day, also after calendar-day suspensions.
  if (duration != nullptr && duration->unit == DurationUnit::kWorkingDays) {
    result.end = RollToWorkingDay(result.end, calendar, steps);
  }
  return result;
}

}  // namespace

int SuspendedDays(Date from, Date until) {
  // Awb 4:15: suspended from the day after `from` up to, not including, `until`.
  return std::max(0, until - from - 1);
}

Date ApplyAtw(Date start, Date end, const BusinessCalendar& calendar,
              std::vector<ExplanationStep>* steps) {
  // Art. 1: an end on a Saturday, Sunday or holiday runs on to the next working day.
  const Date rolled = RollToWorkingDay(end, calendar, steps);
  // Art. 2: the length that decides "three days or more" is the period as counted, before art. 1.
  return ApplyArt2(start, rolled, calendar, steps, end);
}

DeadlineComputation ComputeDeadline(const DeadlineRule& rule, Date start,
                                    const std::vector<Suspension>& suspensions,
                                    const std::vector<Extension>& extensions,
                                    const BusinessCalendar& calendar, Date as_of) {
  DeadlineComputation out;
  const bool is_period = rule.kind == DeadlineRule::Kind::kPeriod;

  // Rules 1-3 for the legal period.
  const Counted legal = CountPeriod(rule, is_period ? &rule.period : nullptr, start, suspensions,
                                    extensions, calendar, as_of, &out.legal_steps);
  out.provisional = legal.provisional;
  Date end = legal.end;

  // Rule 4: the Algemene termijnenwet.
  if (!rule.atw) {
    out.legal_steps.push_back(MakeStep(Kind::kAtwNotApplied, end));
  } else if (is_period && rule.period.LongerThanAtwLimit()) {
    // Atw art. 4 lid 1: not for periods longer than twelve weeks, 90 days or three months.
    ExplanationStep step = MakeStep(Kind::kAtwExcluded, end);
    step.detail = rule.period.ToString() + " is longer than twelve weeks, 90 days or three months";
    out.legal_steps.push_back(std::move(step));
  } else if (is_period) {
    end = ApplyAtw(start, end, calendar, &out.legal_steps);
  } else {
    // An annual date is a fixed date, not a period: only art. 1 moves it, and only because the
    // rule asks for it; art. 2 (periods of three days or more) does not apply.
    end = RollToWorkingDay(end, calendar, &out.legal_steps);
  }
  out.legal_end = end;
  out.legal_steps.push_back(MakeStep(Kind::kFinal, end));

  // Rule 5: the service-level target, counted the same way without the Atw.
  if (rule.target.has_value()) {
    const Counted target = CountPeriod(rule, &*rule.target, start, suspensions, extensions,
                                       calendar, as_of, &out.target_steps);
    ExplanationStep not_applied = MakeStep(Kind::kAtwNotApplied, target.end);
    not_applied.detail = "service-level target";
    out.target_steps.push_back(std::move(not_applied));
    out.target_steps.push_back(MakeStep(Kind::kFinal, target.end));
    out.target_end = target.end;
  }

  // Rule 5: the warning, counted backwards from the legal end (Atw art. 4: never rolled).
  if (rule.warn_before.has_value()) {
    const Duration& w = *rule.warn_before;
    out.warn_on = w.unit == DurationUnit::kWorkingDays
                      ? calendar.SubtractWorkingDays(out.legal_end, w.amount)
                      : w.SubtractFrom(out.legal_end);
  }
  return out;
}

}  // namespace uitdaag
