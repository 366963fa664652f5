// Duration: the length of a legal period as the law states it ("8 weeks", "3 months",
// "10 working days"). Kept in its own unit, because "3 months" is not a number of days.
//
// Text form (used in YAML and on the command line): "<n> <unit>" with n a whole number >= 0 and
// unit one of: day/days, week/weeks, month/months, year/years, working day/working days.
// Either number form of the unit is accepted ("1 weeks" parses); ToString() writes the right one.
// Spaces and tabs around the text are ignored; the amount is at most kMaxAmount.
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

  // The largest amount Parse accepts (keeps every computed date inside the Date range).
  static constexpr int kMaxAmount = 1000;

  // kInvalidArgument for anything but the text form above, naming what is wrong.
  static StatusOr<Duration> Parse(std::string_view text);
  // "8 weeks", "1 month", "10 working days".
  std::string ToString() const;

  // Atw art. 4 lid 1: the Atw does not apply to periods longer than twelve weeks, 90 days or
  // three months (a year is longer than three months; "0 years" is not). Art. 4 does not name
  // working days; conservatively, five working days count as one calendar week, so a period of
  // working days is longer when amount * 7 / 5 > 90 (65 working days and more).
  bool LongerThanAtwLimit() const;

  // The end of a period of calendar units that starts the day after `event`: the same weekday
  // N weeks later, the same day-number N months later (clamped to the month's end), N days later.
  // REQUIRES: unit != kWorkingDays (working days need a calendar: BusinessCalendar::AddWorkingDays).
  // (Release builds fall back to skipping Saturdays and Sundays only; debug builds assert.)
  Date AddTo(Date event) const;
  // The same counted backwards (for warnings and "at least N weeks before" rules).
  // REQUIRES: unit != kWorkingDays.
  Date SubtractFrom(Date anchor) const;

  bool operator==(const Duration&) const = default;
};

}  // namespace uitdaag
