// Acting on a case: the one application service behind `POST /api/cases/{id}/events/{event}` and
// the resident's action pages. What a caller may do on a case now (OfferedEvents) and doing it
// (FireCaseEvent): the event in the caller's role, on the version the change is based on,
// stored by the runner in one transaction; staff acting in the role the case is assigned to take
// it when nobody handles it yet.
//
// Errors of FireCaseEvent: kNotFound (subject "event") for an event the workflow does not have or
// a timer event; kPermissionDenied (subject "event") when the caller's role may not fire it;
// kConflict when the case is no longer at `expected_version`; the engine's refusals
// (kInvalidArgument naming the field, kFailedPrecondition for an event the state does not take or
// a guard that does not hold); the store's failures.
//
// Thread safety: uses only the given store (one per request thread) and immutable state.
#pragma once

#include <string>
#include <vector>

#include "http/caller.h"
#include "http/service_state.h"
#include "uitdaag/runner.h"

namespace uitdaag::http {

// The events `caller` may fire on the case now, in the order the state lists them and then the
// any_state ones: people's events whose role the caller has and whose guards on the case alone
// can hold on `today` (guards on the event's own input are left to the request).
std::vector<const EventDef*> OfferedEvents(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                           const Caller& caller, Date today);

struct CaseEventRequest {
  std::string case_id;
  std::string event;
  ValueRecord payload;  // the event's form, raw (the engine validates it)
  int64_t expected_version = 0;
};

struct FiredEvent {
  const WorkflowDefinition* def = nullptr;
  RunResult result;     // the committed snapshot
  std::string handler;  // the case's handler after the step (empty: nobody)
};

StatusOr<FiredEvent> FireCaseEvent(const ServiceState& state, CaseStore& store, const Caller& caller,
                                   const CaseEventRequest& request);

}  // namespace uitdaag::http
