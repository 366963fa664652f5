#include "uitdaag/duration.h"

#include <cassert>
#include <optional>

namespace uitdaag {
namespace {

constexpr std::string_view kUnitList = "day(s), week(s), month(s), year(s) or working day(s)";

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off the next word (up to a space); `rest` keeps what follows, leading spaces removed.
std::string_view NextWord(std::string_view* rest) {
  size_t end = 0;
  while (end < rest->size() && !IsSpace((*rest)[end])) ++end;
  const std::string_view word = rest->substr(0, end);
  *rest = Trim(rest->substr(end));
  return word;
}

// The unit of a single-word unit name, singular or plural.
std::optional<DurationUnit> SimpleUnit(std::string_view word) {
  if (word == "day" || word == "days") return DurationUnit::kDays;
  if (word == "week" || word == "weeks") return DurationUnit::kWeeks;
  if (word == "month" || word == "months") return DurationUnit::kMonths;
  if (word == "year" || word == "years") return DurationUnit::kYears;
  return std::nullopt;
}

Status Invalid(std::string_view text, const std::string& what) {
  return Status::InvalidArgument("duration '" + std::string(text) + "': " + what);
}

// Adds whole weekdays (Monday to Friday), ignoring holidays: the fallback for a working-day
// duration used without a calendar. `step` is +1 or -1.
Date AddWeekdays(Date from, int n, int step) {
  Date d = from;
  for (int counted = 0; counted < n;) {
    d = d.AddDays(step);
    if (!d.IsWeekend()) ++counted;
  }
  return d;
}

}  // namespace

StatusOr<Duration> Duration::Parse(std::string_view text) {
  std::string_view rest = Trim(text);
  if (rest.empty()) return Status::InvalidArgument("duration is empty; expected e.g. '8 weeks'");
  if (rest.front() == '-') return Invalid(text, "the amount must not be negative");

  size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0) {
    return Invalid(text, "expected a whole number followed by a unit, e.g. '8 weeks'");
  }
  if (digits > 5) return Invalid(text, "the amount is too large (at most " +
                                           std::to_string(kMaxAmount) + ")");
  int amount = 0;
  for (size_t i = 0; i < digits; ++i) amount = amount * 10 + (rest[i] - '0');
  if (amount > kMaxAmount) {
    return Invalid(text, "the amount is too large (at most " + std::to_string(kMaxAmount) + ")");
  }
  rest.remove_prefix(digits);
  if (rest.empty()) return Invalid(text, "missing unit; expected " + std::string(kUnitList));
  if (rest.front() == '.' || rest.front() == ',') {
    return Invalid(text, "the amount must be a whole number");
  }
  if (!IsSpace(rest.front())) {
    return Invalid(text, "expected a space between the number and the unit");
  }
  rest = Trim(rest);

  const std::string_view word = NextWord(&rest);
  Duration result{amount, DurationUnit::kDays};
  if (std::optional<DurationUnit> unit = SimpleUnit(word)) {
    result.unit = *unit;
  } else if (word == "working") {
    const std::string_view second = NextWord(&rest);
    if (second != "day" && second != "days") {
      return Invalid(text, "'working' must be followed by 'day' or 'days'");
    }
    result.unit = DurationUnit::kWorkingDays;
  } else {
    return Invalid(text, "unknown unit '" + std::string(word) + "'; expected " +
                             std::string(kUnitList));
  }
  if (!rest.empty()) {
    return Invalid(text, "unexpected text '" + std::string(rest) + "' after the unit");
  }
  return result;
}

std::string Duration::ToString() const {
  const bool one = amount == 1;
  const char* unit_name = "";
  switch (unit) {
    case DurationUnit::kDays: unit_name = one ? "day" : "days"; break;
    case DurationUnit::kWeeks: unit_name = one ? "week" : "weeks"; break;
    case DurationUnit::kMonths: unit_name = one ? "month" : "months"; break;
    case DurationUnit::kYears: unit_name = one ? "year" : "years"; break;
    case DurationUnit::kWorkingDays: unit_name = one ? "working day" : "working days"; break;
  }
  return std::to_string(amount) + " " + unit_name;
}

bool Duration::LongerThanAtwLimit() const {
  // Atw art. 4 lid 1: the Atw does not apply to periods longer than twelve weeks, 90 days or
  // three months.
  switch (unit) {
    case DurationUnit::kDays: return amount > 90;
    case DurationUnit::kWeeks: return amount > 12;
    case DurationUnit::kMonths: return amount > 3;
    case DurationUnit::kYears: return amount > 0;  // one year is longer than three months
    case DurationUnit::kWorkingDays:
      // Not named by art. 4. Conservatively, five working days count as a calendar week: a period
      // whose calendar length (amount * 7 / 5 days) exceeds 90 days is treated as longer.
      return amount * 7 / 5 > 90;
  }
  return false;
}

Date Duration::AddTo(Date event) const {
  switch (unit) {
    case DurationUnit::kDays: return event.AddDays(amount);
    case DurationUnit::kWeeks: return event.AddDays(7 * amount);
    case DurationUnit::kMonths: return event.AddMonths(amount);
    case DurationUnit::kYears: return event.AddYears(amount);
    case DurationUnit::kWorkingDays:
      assert(false && "working days need a BusinessCalendar");
      return AddWeekdays(event, amount, +1);
  }
  return event;
}

Date Duration::SubtractFrom(Date anchor) const {
  switch (unit) {
    case DurationUnit::kDays: return anchor.AddDays(-amount);
    case DurationUnit::kWeeks: return anchor.AddDays(-7 * amount);
    case DurationUnit::kMonths: return anchor.AddMonths(-amount);
    case DurationUnit::kYears: return anchor.AddYears(-amount);
    case DurationUnit::kWorkingDays:
      assert(false && "working days need a BusinessCalendar");
      return AddWeekdays(anchor, amount, -1);
  }
  return anchor;
}

}  // namespace uitdaag
