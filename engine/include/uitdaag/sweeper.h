// Sweeper: fires the deadlines that have fallen due, as ordinary timer events through the
// Runner, one commit each.
//
// It reads only due work: the store keeps every pending timer indexed by due time, so a sweep
// costs in proportion to the number of due timers, not the number of cases. Timers fire in due
// order (due time, case, expiry before warning). After downtime the first sweep simply finds
// more due timers and fires them all, oldest first: each with its own due time as event time, so
// the log says when the deadline actually passed. Exactly once: a timer's row is replaced in the
// same transaction that records its firing, and the engine refuses a timer that already fired.
//
// A timer whose firing fails (the workflow rejects it, the case is not loadable) is reported and
// skipped for the rest of this sweep; a conflict with a concurrent writer is retried.
//
// Thread safety: as Runner.
#pragma once

#include <string>
#include <vector>

#include "uitdaag/runner.h"

namespace uitdaag {

struct SweepReport {
  int fired = 0;
  int failed = 0;
  bool more = false;                // stopped at max_timers with due work left
  std::vector<std::string> errors;  // "case 2026-000001 beslistermijn expiry: ..."
};

class Sweeper {
 public:
  explicit Sweeper(Runner& runner) : runner_(runner) {}
  // Fires what is due at the runner's clock, at most `max_timers` timers.
  StatusOr<SweepReport> SweepOnce(int max_timers = 10000);

 private:
  Runner& runner_;
};

}  // namespace uitdaag
