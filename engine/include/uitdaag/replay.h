// Replaying a case's log: the snapshot as it was after any entry, rebuilt by feeding the logged
// events through the pure engine (uitdaag/engine.h). The engine is deterministic, so this is
// exact; a letter rendered long after its step uses it to show the case as it was then.
//
// Errors: kInvalidArgument when `upto_seq` is not in the log; kInternal when an entry does not
// replay (the engine refuses it, or it lands in another state than the log says): the log and
// the definition disagree, which the audit must know about.
//
// Thread safety: pure function of its inputs.
#pragma once

#include <cstdint>
#include <vector>

#include "uitdaag/audit.h"
#include "uitdaag/case.h"
#include "uitdaag/status.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// The event a log entry records, as Step() takes it.
Event EventOf(const LogEntry& entry);

// `entries` in seq order from 1, as CaseStore::Entries returns them.
StatusOr<CaseSnapshot> ReplayCase(const WorkflowDefinition& def,
                                  const std::vector<LogEntry>& entries, int64_t upto_seq);

}  // namespace uitdaag
