// Date: a civil (calendar) date in the proleptic Gregorian calendar, without time or zone.
//
// Legal deadlines are civil dates: "the last day of the period is Monday 14 July 2025". A Date is
// a small value (days since 1970-01-01) with exact arithmetic; it never reads the clock and never
// depends on the process locale or time zone. Valid for years 1..9999.
//
// Thread safety: a value type; safe to copy and read from any thread.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag {

// ISO 8601 weekday numbering: Monday = 1 ... Sunday = 7.
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// The English name ("Monday").
const char* WeekdayName(Weekday day);

class Date {
 public:
  // 1970-01-01. Prefer FromYmd or Parse; the default exists so Date can live in containers.
  constexpr Date() = default;

  // REQUIRES: the triple is a real date (IsValidYmd). Checked by assert in debug builds.
  static Date FromYmd(int year, int month, int day);
  static bool IsValidYmd(int year, int month, int day);
  // The date `days` days after 1970-01-01 (negative: before).
  static constexpr Date FromDaysSinceEpoch(int32_t days) { return Date(days); }

  // Parses exactly "YYYY-MM-DD". kInvalidArgument names what is wrong ("month 13 out of range").
  static StatusOr<Date> Parse(std::string_view iso);

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  Weekday weekday() const;
  bool IsWeekend() const { return weekday() >= Weekday::kSaturday; }
  constexpr int32_t DaysSinceEpoch() const { return days_; }

  Date AddDays(int days) const { return Date(days_ + days); }
  // Same day-of-month `months` later; a day that does not exist in the target month becomes the
  // last day of that month (31 January + 1 month = 28 or 29 February).
  Date AddMonths(int months) const;
  Date AddYears(int years) const { return AddMonths(12 * years); }

  // Number of days in the given month.
  static int DaysInMonth(int year, int month);

  // "2025-11-13".
  std::string ToIsoString() const;

  constexpr auto operator<=>(const Date&) const = default;
  // Signed number of days from `other` to this date.
  constexpr int operator-(const Date& other) const { return days_ - other.days_; }

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

}  // namespace uitdaag
