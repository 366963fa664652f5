// Duration: the length of a legal period as the law states it ("8 weeks", "3 months",
// "10 working days"). Kept in its own unit, because "3 months" is not a number of days.
//
// Text form (used in YAML and on the command line): "<n> <unit>" with n a whole number >= 0 and
// unit one of: day/days, week/weeks, month/months, year/years, working day/working days.
//
// Thread safety: value type.
#pragma once

#include <string>
#include <string_view>

#include "uitdaag/date.h"
#include "uitdaag/status.h"

namespace uitdaag {

enum class DurationUnit { kDays, kWeeks, kMonths, kYears, kWorkingDays };

struct Duration {
  int amount = 0;
  DurationUnit unit = DurationUnit::kDays;

  // kInvalidArgument for anything but the text form above, naming what is wrong.
  static StatusOr<Duration> Parse(std::string_view text);
  // "8 weeks", "1 month", "10 working days".
  std::string ToString() const;

  // Atw art. 4 lid 1: the Atw does not apply to periods longer than twelve weeks, 90 days or
  // three months (a year is longer than three months). Working days never need it.
  bool LongerThanAtwLimit() const;

  // The end of a period of calendar units that starts the day after `event`: the same weekday
  // N weeks later, the same day-number N months later (clamped to the month's end), N days later.
  // REQUIRES: unit != kWorkingDays (working days need a calendar: BusinessCalendar::AddWorkingDays).
  Date AddTo(Date event) const;
  // The same counted backwards (for warnings and "at least N weeks before" rules).
  // REQUIRES: unit != kWorkingDays.
  Date SubtractFrom(Date anchor) const;

  bool operator==(const Duration&) const = default;
};

}  // namespace uitdaag
