// Clock: where "now" comes from.
//
// Nothing in the engine reads the wall clock. Code that needs the time is handed a Clock (the
// runtime and the server) or an Instant (the pure core). SystemClock() is defined in
// engine/src/runtime/system_clock.cc, the one file allowed to read the wall clock (a hygiene test
// enforces this). FakeClock is for tests and simulations: it stands still until told to move.
//
// Thread safety: SystemClock is safe from any thread. FakeClock is not synchronised; use it from
// one thread, or guard it.
#pragma once

#include "uitdaag/instant.h"

namespace uitdaag {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// The process-wide wall clock. Never null; not owned by the caller.
const Clock* SystemClock();

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start) {}
  Instant Now() const override { return now_; }
  void Set(Instant t) { now_ = t; }
  void AdvanceSeconds(int64_t s) { now_ = now_.AddSeconds(s); }
  void AdvanceDays(int days) { now_ = now_.AddSeconds(int64_t{days} * 86400); }

 private:
  Instant now_;
};

}  // namespace uitdaag
