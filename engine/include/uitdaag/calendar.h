// BusinessCalendar: which days count as working days under the Algemene termijnenwet (Atw).
//
// Atw art. 3 lid 1 lists the generally recognised public holidays: New Year's Day, Good Friday,
// Easter Monday, Ascension Day, Whit Monday, King's Day, 5 May (every year), Christmas Day and
// Boxing Day. Easter is computed with the Gregorian computus; Good Friday = Easter - 2, Easter
// Monday = Easter + 1, Ascension = Easter + 39, Whit Monday = Easter + 50. King's Day is 27 April,
// or 26 April when the 27th is a Sunday (from 2014; before 2014 the Queen's birthday was kept on
// 30 April, or 29 April when the 30th was a Sunday). Art. 3 lid 2 lets the Crown add days by
// decree: AddExtraDay() takes those from configuration.
//
// A working day is a day that is not a Saturday, Sunday or holiday.
//
// Thread safety: const methods may be called concurrently; AddExtraDay() must not race with them.
// Cost: holiday look-ups compute the year's holidays on the fly (a few dozen integer operations);
// no cache, no allocation on the query path.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/date.h"

namespace uitdaag {

// Why a day is a holiday. The id is an English identifier ("christmas_day"); texts for people
// come from templates and the glossary, not from here.
struct Holiday {
  Date date;
  std::string id;  // new_years_day, good_friday, easter_monday, kings_day, liberation_day,
                   // ascension_day, whit_monday, christmas_day, boxing_day, or "extra:<reason>"
  bool operator==(const Holiday&) const = default;
};

class BusinessCalendar {
 public:
  // The Atw calendar with the statutory holidays of art. 3 and no extra days.
  BusinessCalendar() = default;

  // Adds a day designated by decree (Atw art. 3 lid 2). `reason` is kept for explanations.
  // Adding the same date twice keeps the first reason.
  void AddExtraDay(Date date, std::string reason);
  const std::map<Date, std::string>& extra_days() const { return extra_days_; }

  // Gregorian Easter Sunday. REQUIRES: 1583 <= year <= 9999.
  static Date EasterSunday(int year);

  // The statutory holidays of art. 3 in `year`, in date order, plus any extra days in that year.
  // A date is listed once. When two holidays coincide the one art. 3 lid 1 puts first names it:
  // Ascension Day wins over 5 May (2005, 2016) and over Queen's Day on 30 April (pre-2014 rule,
  // e.g. 1818); a statutory holiday wins over an extra day on the same date. HolidayOn() agrees.
  std::vector<Holiday> HolidaysInYear(int year) const;

  // The holiday on `date`, if any (statutory or extra).
  std::optional<Holiday> HolidayOn(Date date) const;
  bool IsHoliday(Date date) const { return HolidayOn(date).has_value(); }
  // Not a Saturday, Sunday or holiday.
  bool IsWorkingDay(Date date) const;

  // The first working day on or after `date`.
  Date NextWorkingDayOnOrAfter(Date date) const;
  // The n-th working day after `from` (not counting `from`). REQUIRES: n >= 0; n == 0 gives `from`.
  Date AddWorkingDays(Date from, int n) const;
  // The n-th working day before `from` (not counting `from`). REQUIRES: n >= 0.
  Date SubtractWorkingDays(Date from, int n) const;
  // Working days in [first, last], both included; 0 when last < first.
  int CountWorkingDays(Date first, Date last) const;

 private:
  std::map<Date, std::string> extra_days_;  // constant after configuration
};

}  // namespace uitdaag
