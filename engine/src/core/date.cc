#include "uitdaag/date.h"

#include <cassert>
#include <chrono>
#include <cstdio>

namespace uitdaag {
namespace {

namespace chr = std::chrono;

chr::year_month_day ToYmd(int32_t days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }

int32_t FromChronoYmd(const chr::year_month_day& ymd) {
  return static_cast<int32_t>(chr::sys_days{ymd}.time_since_epoch().count());
}

bool ParseDigits(std::string_view s, int* out) {
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return !s.empty();
}

}  // namespace

const char* WeekdayName(Weekday day) {
  switch (day) {
    case Weekday::kMonday: return "Monday";
    case Weekday::kTuesday: return "Tuesday";
    case Weekday::kWednesday: return "Wednesday";
    case Weekday::kThursday: return "Thursday";
    case Weekday::kFriday: return "Friday";
    case Weekday::kSaturday: return "Saturday";
    case Weekday::kSunday: return "Sunday";
  }
  return "?";
}

bool Date::IsValidYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(year, month);
}

Date Date::FromYmd(int year, int month, int day) {
  assert(IsValidYmd(year, month, day));
  return Date(FromChronoYmd(chr::year{year} / chr::month{static_cast<unsigned>(month)} /
                            chr::day{static_cast<unsigned>(day)}));
}

int Date::DaysInMonth(int year, int month) {
  const chr::year_month_day_last last{chr::year{year} / chr::month{static_cast<unsigned>(month)} /
                                      chr::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

StatusOr<Date> Date::Parse(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !ParseDigits(iso.substr(0, 4), &y) ||
      !ParseDigits(iso.substr(5, 2), &m) || !ParseDigits(iso.substr(8, 2), &d)) {
    return Status::InvalidArgument("date '" + std::string(iso) + "' is not of the form YYYY-MM-DD");
  }
  if (m < 1 || m > 12) {
    return Status::InvalidArgument("date '" + std::string(iso) + "': month " + std::to_string(m) +
                                   " out of range 1..12");
  }
  if (y < 1 || !IsValidYmd(y, m, d)) {
    return Status::InvalidArgument("date '" + std::string(iso) + "': day " + std::to_string(d) +
                                   " does not exist in that month");
  }
  return FromYmd(y, m, d);
}

int Date::year() const { return static_cast<int>(ToYmd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).day())); }

Weekday Date::weekday() const {
  return static_cast<Weekday>(chr::weekday{chr::sys_days{chr::days{days_}}}.iso_encoding());
}

Date Date::AddMonths(int months) const {
  const chr::year_month_day ymd = ToYmd(days_);
  const int total = static_cast<int>(ymd.year()) * 12 +
                    static_cast<int>(static_cast<unsigned>(ymd.month())) - 1 + months;
  const int year = total / 12;
  const int month = total % 12 + 1;
  int day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  const int last = DaysInMonth(year, month);
  if (day > last) day = last;
  return FromYmd(year, month, day);
}

std::string Date::ToIsoString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

}  // namespace uitdaag
