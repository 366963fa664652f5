// Pieces of the pure engine shared between engine.cc (person events) and timers.cc (timer
// events). Internal: not part of the public contract.
#pragma once

#include <vector>

#include "uitdaag/case.h"
#include "uitdaag/deadline.h"
#include "uitdaag/effect.h"
#include "uitdaag/engine.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// The dates of one tracked deadline as seen on `as_of`.
// REQUIRES: track.id is a deadline of `def`.
DeadlineComputation ComputeTrack(const WorkflowDefinition& def, const DeadlineTrack& track,
                                 Date as_of);

// What a transition works on: the case before, the case being built, and the event's facts.
struct TransitionContext {
  const WorkflowDefinition& def;
  const CaseSnapshot& before;   // guards and assignments read this (plus event values)
  const ValueRecord& values;    // the validated event payload
  std::string event_id;
  std::string actor;
  Date today;                   // the event's Dutch civil date
};

// Picks the first candidate whose guard holds. kFailedPrecondition quoting every false guard
// when none does; evaluation errors are reported the same way.
StatusOr<const TransitionDef*> ChooseTransition(
    const TransitionContext& ctx, const std::vector<const TransitionDef*>& candidates);

// Applies `transition` to `next` (a copy of ctx.before): payload, scores, assignments, deadline
// actions, effects, state change and the final-state rule. On failure `next` and `effects` are
// in an unspecified state and must be discarded.
Status ApplyTransition(const TransitionContext& ctx, const TransitionDef& transition,
                       CaseSnapshot* next, std::vector<Effect>* effects);

// Ends a deadline: running, suspended (the open suspension closes today) or expired. An
// expired deadline is stopped too, so that `stopped_on` records when the late decision came
// (Awb 4:17 exposure ends there) and `deadline.<id>.expired` no longer holds. Stopping a
// stopped deadline does nothing.
void StopTrack(DeadlineTrack* track, Date today, std::vector<Effect>* effects);

// Step() for an event with `timer` set, after Step() checked its time and the workflow version
// (timers.cc).
StatusOr<StepResult> StepTimer(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                               const Event& event);

// Stops every deadline that has not been stopped (entering a final state), with effects.
void StopAllDeadlines(CaseSnapshot* next, Date today, std::vector<Effect>* effects);

}  // namespace uitdaag
