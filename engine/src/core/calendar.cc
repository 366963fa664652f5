#include "uitdaag/calendar.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace uitdaag {
namespace {

// Gregorian Easter Sunday, proleptic for years before 1583 (so look-ups never fail).
Date ComputeEaster(int year) {
  // The anonymous Gregorian algorithm (Nature, 1876; Meeus, Astronomical Algorithms, ch. 8).
  const int a = year % 19;             // position in the 19-year Metonic cycle
  const int b = year / 100;            // century
  const int c = year % 100;            // year in the century
  const int d = b / 4;                 // leap centuries
  const int e = b % 4;
  const int f = (b + 8) / 25;          // lunar correction
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;  // epact-like: days to the paschal full moon
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;  // days from the full moon to Sunday
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::FromYmd(year, month, day);
}

// King's Day (from 2014) or the Queen's birthday (before 2014), Atw art. 3 lid 1: "de dag waarop
// de verjaardag van de Koning wordt gevierd". Kept on 27 (30) April, or the day before when that
// is a Sunday.
Date KingsDay(int year) {
  const int day = year >= 2014 ? 27 : 30;
  const Date nominal = Date::FromYmd(year, 4, day);
  return nominal.weekday() == Weekday::kSunday ? nominal.AddDays(-1) : nominal;
}

// The statutory holidays of Atw art. 3 lid 1 in `year`, in priority order: when two fall on the
// same date, the first one here names it. The only coincidences possible are Ascension Day with
// 5 May (Easter on 27 March, e.g. 2005, 2016) and, before 2014, Ascension Day with Queen's Day on
// 30 April (Easter on 22 March, e.g. 1818); Ascension Day wins both. Calls `emit(date, id)`.
template <typename Emit>
void ForEachStatutoryHoliday(int year, Emit emit) {
  const Date easter = ComputeEaster(year);
  emit(Date::FromYmd(year, 1, 1), "new_years_day");
  emit(easter.AddDays(-2), "good_friday");
  emit(easter.AddDays(1), "easter_monday");
  emit(easter.AddDays(39), "ascension_day");
  emit(easter.AddDays(50), "whit_monday");
  emit(KingsDay(year), "kings_day");
  emit(Date::FromYmd(year, 5, 5), "liberation_day");
  emit(Date::FromYmd(year, 12, 25), "christmas_day");
  emit(Date::FromYmd(year, 12, 26), "boxing_day");
}

// The id of the statutory holiday on `date`, or nullptr. No allocation.
const char* StatutoryHolidayId(Date date) {
  const char* found = nullptr;
  ForEachStatutoryHoliday(date.year(), [&](Date d, const char* id) {
    if (found == nullptr && d == date) found = id;
  });
  return found;
}

std::string ExtraId(const std::string& reason) { return "extra:" + reason; }

}  // namespace

void BusinessCalendar::AddExtraDay(Date date, std::string reason) {
  extra_days_.emplace(date, std::move(reason));  // emplace keeps an existing entry
}

Date BusinessCalendar::EasterSunday(int year) {
  assert(year >= 1583 && year <= 9999);
  return ComputeEaster(year);
}

std::vector<Holiday> BusinessCalendar::HolidaysInYear(int year) const {
  std::vector<Holiday> result;
  auto add_once = [&result](Date date, std::string id) {
    const bool taken = std::any_of(result.begin(), result.end(),
                                   [date](const Holiday& h) { return h.date == date; });
    if (!taken) result.push_back(Holiday{date, std::move(id)});
  };
  ForEachStatutoryHoliday(year, [&](Date d, const char* id) { add_once(d, id); });
  const auto first = extra_days_.lower_bound(Date::FromYmd(year, 1, 1));
  const auto last = extra_days_.upper_bound(Date::FromYmd(year, 12, 31));
  for (auto it = first; it != last; ++it) add_once(it->first, ExtraId(it->second));
  std::sort(result.begin(), result.end(),
            [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
  return result;
}

std::optional<Holiday> BusinessCalendar::HolidayOn(Date date) const {
  if (const char* id = StatutoryHolidayId(date)) return Holiday{date, id};
  const auto it = extra_days_.find(date);
  if (it != extra_days_.end()) return Holiday{date, ExtraId(it->second)};
  return std::nullopt;
}

bool BusinessCalendar::IsWorkingDay(Date date) const {
  if (date.IsWeekend()) return false;
  if (StatutoryHolidayId(date) != nullptr) return false;
  return extra_days_.find(date) == extra_days_.end();
}

Date BusinessCalendar::NextWorkingDayOnOrAfter(Date date) const {
  Date d = date;
  while (!IsWorkingDay(d)) d = d.AddDays(1);
  return d;
}

Date BusinessCalendar::AddWorkingDays(Date from, int n) const {
  assert(n >= 0);
  Date d = from;
  for (int counted = 0; counted < n;) {
    d = d.AddDays(1);
    if (IsWorkingDay(d)) ++counted;
  }
  return d;
}

Date BusinessCalendar::SubtractWorkingDays(Date from, int n) const {
  assert(n >= 0);
  Date d = from;
  for (int counted = 0; counted < n;) {
    d = d.AddDays(-1);
    if (IsWorkingDay(d)) ++counted;
  }
  return d;
}

int BusinessCalendar::CountWorkingDays(Date first, Date last) const {
  int count = 0;
  for (Date d = first; d <= last; d = d.AddDays(1)) {
    if (IsWorkingDay(d)) ++count;
  }
  return count;
}

}  // namespace uitdaag
