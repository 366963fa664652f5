// Sweeper (uitdaag/sweeper.h).
#include "uitdaag/sweeper.h"

#include <algorithm>

namespace uitdaag {
namespace {

constexpr int kConflictRetries = 3;

bool SameTimer(const TimerRecord& a, const TimerRecord& b) {
  return a.case_id == b.case_id && a.ref == b.ref;
}

std::string Describe(const TimerRecord& t) {
  return "case " + t.case_id + " " + t.ref.deadline +
         (t.ref.kind == TimerRef::Kind::kExpiry ? " expiry" : " warning");
}

}  // namespace

StatusOr<SweepReport> Sweeper::SweepOnce(int max_timers) {
  SweepReport report;
  std::vector<TimerRecord> skipped;  // failed in this sweep; not tried again until the next
  const Instant now = runner_.clock().Now();
  int conflicts = 0;
  while (report.fired + report.failed < max_timers) {
    // The first due timer that did not fail in this sweep. Re-reading after every firing keeps
    // the due order exact even when a firing schedules a new, already due timer.
    UITDAAG_ASSIGN_OR_RETURN(std::vector<TimerRecord> due,
                             runner_.store().DueTimers(now, static_cast<int>(skipped.size()) + 1));
    auto next = std::find_if(due.begin(), due.end(), [&](const TimerRecord& t) {
      return std::none_of(skipped.begin(), skipped.end(),
                          [&](const TimerRecord& s) { return SameTimer(s, t); });
    });
    if (next == due.end()) return report;
    StatusOr<RunResult> fired = runner_.FireTimer(next->case_id, next->ref);
    if (fired.ok()) {
      ++report.fired;
      conflicts = 0;
      continue;
    }
    if (fired.status().code() == StatusCode::kConflict && ++conflicts <= kConflictRetries) continue;
    // A database that is locked, full or read-only stops the sweep: the next one resumes.
    const StatusCode code = fired.status().code();
    if (code == StatusCode::kUnavailable || code == StatusCode::kResourceExhausted ||
        code == StatusCode::kIoError) {
      return fired.status();
    }
    conflicts = 0;
    ++report.failed;
    report.errors.push_back(Describe(*next) + ": " + fired.status().ToString());
    skipped.push_back(*next);
  }
  UITDAAG_ASSIGN_OR_RETURN(std::vector<TimerRecord> left,
                           runner_.store().DueTimers(now, static_cast<int>(skipped.size()) + 1));
  report.more = left.size() > skipped.size();
  return report;
}

}  // namespace uitdaag
