#include "uitdaag/replay.h"

#include <algorithm>
#include <string>

#include "uitdaag/engine.h"

namespace uitdaag {

Event EventOf(const LogEntry& e) {
  Event event;
  event.id = e.event;
  event.role = e.role;
  event.actor = e.actor;
  event.at = e.at;
  event.payload = e.payload;
  event.timer = e.timer;
  return event;
}

StatusOr<CaseSnapshot> ReplayCase(const WorkflowDefinition& def,
                                  const std::vector<LogEntry>& entries, int64_t upto_seq) {
  if (upto_seq < 1 || upto_seq > static_cast<int64_t>(entries.size())) {
    return Status::InvalidArgument("entry " + std::to_string(upto_seq) + " is not in the log (" +
                                   std::to_string(entries.size()) + " entries)");
  }
  const std::string& case_id = entries.front().case_id;
  CaseSnapshot snapshot = NewCase(def, case_id, entries.front().at);
  for (int64_t i = 0; i < upto_seq; ++i) {
    const LogEntry& e = entries[static_cast<size_t>(i)];
    auto fail = [&](const std::string& why) {
      return Status::Internal("case " + case_id + " entry " + std::to_string(e.seq) +
                              " does not replay on workflow " + def.id + " version " +
                              std::to_string(def.version) + ": " + why);
    };
    if (e.seq != i + 1) return fail("the log is not numbered 1, 2, 3...");
    const Event event = EventOf(e);
    // The step ran at its commit time, which is never before the event.
    const Instant now = std::max(e.at, e.recorded_at);
    StatusOr<StepResult> step = Step(def, snapshot, event, now);
    if (!step.ok()) return fail(step.status().message());
    if (step->snapshot.state != e.to_state) {
      return fail("it ends in state '" + step->snapshot.state + "', the log says '" + e.to_state +
                  "'");
    }
    snapshot = std::move(step->snapshot);
    snapshot.id = case_id;
  }
  return snapshot;
}

}  // namespace uitdaag
