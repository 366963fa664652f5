#include "uitdaag/instant.h"

#include <cstdio>
#include <string>

namespace uitdaag {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int kWinterOffset = 3600;  // CET, UTC+1
constexpr int kSummerOffset = 7200;  // CEST, UTC+2

// Floor division and modulo: instants before 1970 have negative seconds.
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// The last Sunday of `month` in `year`.
Date LastSunday(int year, int month) {
  const Date last = Date::FromYmd(year, month, Date::DaysInMonth(year, month));
  // ISO weekday: Monday 1 .. Sunday 7; a Sunday goes back 0 days, a Monday 1, a Saturday 6.
  const int back = static_cast<int>(last.weekday()) % 7;
  return last.AddDays(-back);
}

// 01:00 UTC on `date`, as Unix seconds: the moment summer time starts or ends in the EU.
int64_t OneAmUtc(Date date) { return int64_t{date.DaysSinceEpoch()} * kSecondsPerDay + 3600; }

// The UTC offset in the Netherlands at `unix_seconds` (EU rule, Directive 2000/84/EC).
int OffsetAt(int64_t unix_seconds) {
  const Date utc_date =
      Date::FromDaysSinceEpoch(static_cast<int32_t>(FloorDiv(unix_seconds, kSecondsPerDay)));
  const int year = utc_date.year();
  const int64_t summer_starts = OneAmUtc(LastSunday(year, 3));
  const int64_t summer_ends = OneAmUtc(LastSunday(year, 10));
  return (unix_seconds >= summer_starts && unix_seconds < summer_ends) ? kSummerOffset
                                                                       : kWinterOffset;
}

// Seconds since the epoch of the local (wall-clock) reading, as if the local time were UTC.
int64_t LocalSeconds(int64_t unix_seconds) { return unix_seconds + OffsetAt(unix_seconds); }

// Reads exactly `count` decimal digits at `pos`; false if any is not a digit.
bool ReadDigits(std::string_view text, size_t pos, size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

Status Invalid(std::string_view text, const std::string& what) {
  return Status::InvalidArgument("instant '" + std::string(text) + "': " + what);
}

}  // namespace

int Instant::UtcOffsetSeconds() const { return OffsetAt(seconds_); }

Date Instant::LocalDate() const {
  return Date::FromDaysSinceEpoch(
      static_cast<int32_t>(FloorDiv(LocalSeconds(seconds_), kSecondsPerDay)));
}

int Instant::LocalMinuteOfDay() const {
  return static_cast<int>(FloorMod(LocalSeconds(seconds_), kSecondsPerDay) / 60);
}

Instant Instant::FromLocal(Date date, int hour, int minute, int second) {
  const int64_t local = int64_t{date.DaysSinceEpoch()} * kSecondsPerDay + int64_t{hour} * 3600 +
                        int64_t{minute} * 60 + second;
  // Try summer time first: at the autumn change the hour 02:00-03:00 occurs twice and the earlier
  // (summer-time) reading wins.
  const int64_t as_summer = local - kSummerOffset;
  if (OffsetAt(as_summer) == kSummerOffset) return Instant(as_summer);
  // Otherwise winter time. A time in the spring gap (02:00-03:00 on the last Sunday of March)
  // lands here too; as winter time it reads one hour later (02:30 becomes 03:30 CEST).
  return Instant(local - kWinterOffset);
}

StatusOr<Instant> Instant::Parse(std::string_view text) {
  if (text.size() < 10) {
    return Invalid(text, "expected YYYY-MM-DD, optionally followed by THH:MM[:SS] and Z or +HH:MM");
  }
  StatusOr<Date> date = Date::Parse(text.substr(0, 10));
  if (!date.ok()) return Invalid(text, date.status().message());
  if (text.size() == 10) return StartOfLocalDay(*date);

  if (text[10] != 'T') {
    return Invalid(text, "expected 'T' between the date and the time, found '" +
                             std::string(1, text[10]) + "'");
  }
  int hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, 11, 2, &hour) || text.size() < 16 || text[13] != ':' ||
      !ReadDigits(text, 14, 2, &minute)) {
    return Invalid(text, "the time is not of the form HH:MM or HH:MM:SS");
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!ReadDigits(text, pos + 1, 2, &second)) {
      return Invalid(text, "the seconds are not two digits");
    }
    pos += 3;
  }
  if (hour > 23) return Invalid(text, "hour " + std::to_string(hour) + " out of range 0..23");
  if (minute > 59) return Invalid(text, "minute " + std::to_string(minute) + " out of range 0..59");
  if (second > 59) return Invalid(text, "second " + std::to_string(second) + " out of range 0..59");

  const int64_t wall = int64_t{date->DaysSinceEpoch()} * kSecondsPerDay + int64_t{hour} * 3600 +
                       int64_t{minute} * 60 + second;
  if (pos == text.size()) return FromLocal(*date, hour, minute, second);  // Dutch local time
  if (text[pos] == 'Z' && pos + 1 == text.size()) return Instant(wall);
  if (text[pos] == '+' || text[pos] == '-') {
    int offset_hours = 0, offset_minutes = 0;
    if (!ReadDigits(text, pos + 1, 2, &offset_hours) || pos + 3 >= text.size() ||
        text[pos + 3] != ':' || !ReadDigits(text, pos + 4, 2, &offset_minutes)) {
      return Invalid(text, "the UTC offset is not of the form +HH:MM or -HH:MM");
    }
    if (pos + 6 != text.size()) {
      return Invalid(text, "unexpected text '" + std::string(text.substr(pos + 6)) +
                               "' after the UTC offset");
    }
    if (offset_hours > 23 || offset_minutes > 59) {
      return Invalid(text, "UTC offset out of range (at most 23:59)");
    }
    const int64_t offset = int64_t{offset_hours} * 3600 + int64_t{offset_minutes} * 60;
    return Instant(text[pos] == '+' ? wall - offset : wall + offset);
  }
  return Invalid(text, "unexpected text '" + std::string(text.substr(pos)) +
                           "' after the time (expected nothing, 'Z' or +HH:MM)");
}

std::string Instant::ToLocalString() const {
  const int offset = UtcOffsetSeconds();
  const int64_t local = seconds_ + offset;
  const Date date = Date::FromDaysSinceEpoch(static_cast<int32_t>(FloorDiv(local, kSecondsPerDay)));
  const int64_t in_day = FloorMod(local, kSecondsPerDay);
  const int hour = static_cast<int>(in_day / 3600);
  const int minute = static_cast<int>(in_day % 3600 / 60);
  const int second = static_cast<int>(in_day % 60);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+%02d:00", date.ToIsoString().c_str(), hour,
                minute, second, offset / 3600);
  return buf;
}

}  // namespace uitdaag
