// Instant: a moment in time (seconds since 1970-01-01T00:00:00Z), and its civil date and time in
// the Netherlands (Europe/Amsterdam: CET, UTC+1; CEST, UTC+2 from the last Sunday of March 01:00 UTC
// to the last Sunday of October 01:00 UTC).
//
// Events happen at instants; legal periods count civil days in the Netherlands. The conversion is
// computed from the EU summer-time rule, not from the process time zone, so results do not depend
// on the machine. Valid for instants in years 1980..9999 (the rule in force since 1996 is applied
// throughout; the engine never needs earlier dates).
//
// Thread safety: value type.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "uitdaag/date.h"
#include "uitdaag/status.h"

namespace uitdaag {

class Instant {
 public:
  constexpr Instant() = default;
  static constexpr Instant FromUnixSeconds(int64_t s) { return Instant(s); }
  constexpr int64_t unix_seconds() const { return seconds_; }

  // The civil date in the Netherlands at this instant.
  Date LocalDate() const;
  // Minutes since local midnight (0..1439) in the Netherlands at this instant.
  int LocalMinuteOfDay() const;
  // The UTC offset in force in the Netherlands at this instant, in seconds (3600 or 7200).
  int UtcOffsetSeconds() const;

  // The instant of a Dutch wall-clock time. At the autumn change the earlier (summer-time)
  // reading wins; a spring-gap time is taken as winter time (it then reads one hour later).
  static Instant FromLocal(Date date, int hour, int minute, int second = 0);
  // The start of the day (00:00) in the Netherlands.
  static Instant StartOfLocalDay(Date date) { return FromLocal(date, 0, 0); }

  // Parses "YYYY-MM-DD" (local midnight), "YYYY-MM-DDTHH:MM[:SS]" (Dutch local time) or the same
  // with a trailing "Z" or "+HH:MM"/"-HH:MM" offset. kInvalidArgument says what is wrong.
  static StatusOr<Instant> Parse(std::string_view text);

  // "2025-11-13T10:00:00+01:00": Dutch local time with its offset.
  std::string ToLocalString() const;

  Instant AddSeconds(int64_t s) const { return Instant(seconds_ + s); }

  constexpr auto operator<=>(const Instant&) const = default;

 private:
  constexpr explicit Instant(int64_t s) : seconds_(s) {}
  int64_t seconds_ = 0;
};

}  // namespace uitdaag
