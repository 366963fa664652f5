// Simulator: runs a Script against a workflow on a fake clock and records the timeline.
//
// Between steps, every timer that falls due is fired at its due moment (so a repair period that
// expires between two events does expire, on the right day). Each step's expectation is checked;
// failures are collected, not fatal, so one run reports every mismatch. The invariant check runs
// after every accepted step; a violation is recorded as a failure.
//
// Thread safety: reentrant; nothing shared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "uitdaag/case.h"
#include "uitdaag/engine.h"
#include "uitdaag/script.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

struct TimelineEntry {
  Instant at;
  std::string label;       // event id, "timer: <deadline> expired", "timer: <deadline> warning"
  std::string role;
  bool accepted = false;
  Status rejection;        // when !accepted
  std::string from_state;
  std::string to_state;
  std::vector<Effect> effects;
  // Active deadlines after the step: id -> computation (as seen on the step's date).
  std::vector<std::pair<std::string, DeadlineComputation>> deadlines;
  std::optional<PenaltyExposure> exposure;  // when a deadline with a penalty scheme is late
  std::string exposure_deadline;
  CaseSnapshot after;  // the case after an accepted step (letters are rendered from it)
};

struct SimulationResult {
  std::vector<TimelineEntry> timeline;
  std::vector<std::string> failures;  // "script.yaml:14:5: expected state 'x', got 'y'"
  CaseSnapshot final_snapshot;
  bool ok() const { return failures.empty(); }
};

SimulationResult Simulate(const WorkflowDefinition& def, const Script& script);

}  // namespace uitdaag
