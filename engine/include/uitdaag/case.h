// CaseSnapshot: everything the engine knows about one case at one moment.
//
// A snapshot is a value. The engine never changes one in place: Step() returns a new snapshot with
// `version` one higher, so a store can detect a stale write (optimistic concurrency). The event
// log lives in the store, not here; the snapshot holds only what the next step needs, plus the
// deadline history that explanations need.
//
// Thread safety: value type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/deadline.h"
#include "uitdaag/instant.h"
#include "uitdaag/value.h"

namespace uitdaag {

enum class DeadlineStatus {
  kRunning,    // counting
  kSuspended,  // an open suspension (Awb 4:15): its end moves on each day
  kStopped,    // met or no longer relevant (a decision was taken, the case moved on)
  kExpired,    // passed: its timer fired
};
const char* DeadlineStatusName(DeadlineStatus status);  // "running", ...

// One deadline of one case, with its history. `round` counts (re)starts: a progress-report period
// restarted after each report is round 1, 2, 3...
struct DeadlineTrack {
  std::string id;
  DeadlineStatus status = DeadlineStatus::kRunning;
  int round = 1;
  std::string started_by;  // event id
  Date start;              // date of the starting event; counting starts the day after
  std::vector<Suspension> suspensions;
  std::vector<Extension> extensions;
  std::optional<Date> stopped_on;
  std::optional<Date> notice_of_default;  // ingebrekestelling (Awb 4:17)
  bool warning_fired = false;
  bool expiry_fired = false;

  bool active() const {
    return status == DeadlineStatus::kRunning || status == DeadlineStatus::kSuspended;
  }
  bool operator==(const DeadlineTrack&) const = default;
};

// A criterion's score with its written reason (Awb 3:46).
struct CriterionScore {
  int score = 0;
  std::string reason;
  std::string scored_by;  // actor
  Date on;
  bool operator==(const CriterionScore&) const = default;
};

struct CaseSnapshot {
  std::string id;
  std::string workflow_id;
  int workflow_version = 0;
  std::string state;
  int64_t version = 0;  // 0 for a new case; +1 per accepted step
  ValueRecord data;     // form fields and variables, by name
  std::map<std::string, CriterionScore> scores;   // by criterion id
  std::map<std::string, DeadlineTrack> deadlines;  // by deadline id; kept after they stop
  std::string assigned_role;  // whose work queue the case is in
  Instant created_at;
  Instant updated_at;

  bool operator==(const CaseSnapshot&) const = default;
};

}  // namespace uitdaag
