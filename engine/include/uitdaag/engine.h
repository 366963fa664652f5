// The pure engine: (definition, snapshot, event, now) -> next snapshot + effects.
//
// No I/O, no clock, no exceptions, no global state. The same inputs always give the same output,
// which is what makes simulations, replays and the tests exact.
//
// Step() accepts an event when, in this order:
//   1. the event exists in the definition                          else kNotFound
//   2. the snapshot is on this definition's id and version          else kFailedPrecondition
//   3. the event's time is not after `now`                          else kInvalidArgument
//   4. a person's event: the role is one of the event's roles        else kPermissionDenied
//      a timer event: it comes from the timer (Event::timer set)     else kPermissionDenied
//   5. the current state has a transition for the event              else kFailedPrecondition
//      (message names the state and the events it does accept)
//   6. the payload satisfies the event's form                        else kInvalidArgument
//      (subject() names the field)
//   7. the first transition whose guard holds is taken               else kFailedPrecondition
//      (message quotes each guard that was false)
//   8. its deadline actions are valid for the case (e.g. no resume   else kFailedPrecondition
//      without a suspension, an extension only before the end, Awb 4:14)
// A rejected event changes nothing. On acceptance, the payload is merged into the case data,
// scores are recorded, assignments run, deadline actions apply (stop, suspend, resume, extend,
// start, notice_of_default), letters/notifications/assignment become effects, the state changes,
// and `version` goes up by one. Entering a final state stops every deadline still active.
//
// Timer events: DueTimers() lists what has fallen due at `now`, in due order; the caller feeds
// each back into Step() as an Event with `timer` set. A deadline's expiry always marks it expired
// (kExpired) even when the current state has no transition for its event; a warning only emits an
// effect. A timer for a deadline that is no longer active, or already fired, is rejected
// (kFailedPrecondition), so a sweeper that fires twice changes nothing.
//
// Thread safety: all functions are reentrant; the definition is only read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "uitdaag/case.h"
#include "uitdaag/deadline.h"
#include "uitdaag/effect.h"
#include "uitdaag/instant.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

struct TimerRef {
  enum class Kind { kExpiry, kWarning };
  Kind kind = Kind::kExpiry;
  std::string deadline;
  int round = 1;  // the DeadlineTrack round it belongs to
  bool operator==(const TimerRef&) const = default;
};

struct Event {
  std::string id;             // the event id of the definition (for a warning: empty)
  std::string role;           // who fires it; empty for timers
  std::string actor;          // a person or system name, for the record
  Instant at;                 // when it happened
  ValueRecord payload;        // raw form input; validated by Step
  std::optional<TimerRef> timer;  // set only by the timer path
};

struct StepResult {
  CaseSnapshot snapshot;
  std::vector<Effect> effects;
  std::string from_state;
  const TransitionDef* transition = nullptr;  // nullptr for a warning or a transition-less expiry
};

// A new case in the initial state, version 0, with variables at their initial values.
CaseSnapshot NewCase(const WorkflowDefinition& def, std::string case_id, Instant now);

StatusOr<StepResult> Step(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                          const Event& event, Instant now);

// Whether a person's `event` can be accepted in the case's current state as far as the case
// alone decides, on `today`: the state (or any_state) has a transition for it, and one of those
// has no guard, a guard that holds, or a guard that reads the event's own input (`event.*`),
// which only the request can settle. Roles, forms and deadline actions are not checked: this is
// what a user interface offers, and Step() still decides. False for unknown and timer events.
bool EventPossible(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                   std::string_view event, Date today);

struct DueTimer {
  TimerRef ref;
  Instant due;    // local start of the due day: the day after the legal end, or the warning day
  Date due_date;  // that day
  std::string event;  // the event to fire (expiry), empty for a warning
  // The Event to feed into Step().
  Event ToEvent() const;
};

// Timers due at `now` (due <= now), ordered by due time, then expiry before warning, then id.
// Suspended deadlines have no due timer (their end is not yet known).
std::vector<DueTimer> DueTimers(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                Instant now);

// Every timer of the case that has not fired yet, whenever it falls due, in the same order as
// DueTimers(). This is what a store indexes by due time, so that a sweep only reads due work.
std::vector<DueTimer> PendingTimers(const WorkflowDefinition& def, const CaseSnapshot& snapshot);

// The next timer that will fall due after `now`, if any (for simulation and sweep scheduling).
std::optional<DueTimer> NextTimer(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                  Instant now);

// The computed dates of one deadline of a case as seen on `as_of`, with explanation.
// kNotFound when the case has no such deadline.
StatusOr<DeadlineComputation> ComputeCaseDeadline(const WorkflowDefinition& def,
                                                  const CaseSnapshot& snapshot,
                                                  std::string_view deadline, Date as_of);

// Late-decision exposure for a deadline with a late_penalty, seen on `as_of`; nullopt when the
// deadline has no penalty scheme or the case has no such deadline.
std::optional<PenaltyExposure> ComputeCaseExposure(const WorkflowDefinition& def,
                                                   const CaseSnapshot& snapshot,
                                                   std::string_view deadline, Date as_of);

// Checks the invariants of a snapshot against its definition (engine/DESIGN.md, "Invariants"):
// known state; final states have no active deadline; every deadline is declared; at most one
// open suspension per deadline, and only when suspended; suspensions ordered and closed ones
// end on or after they start; scores within scale with a reason; data fields declared and of
// their declared type. Returns kInternal naming the first violation. Tests run it after every step.
Status CheckInvariants(const WorkflowDefinition& def, const CaseSnapshot& snapshot);

}  // namespace uitdaag
