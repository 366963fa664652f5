// Who handles a case: one staff account at most (CaseStore::SetHandler). An administrator assigns
// anybody; a staff member assigns themselves (PUT /api/cases/{id}/handler, assignment_handlers.cc).
// A staff member also takes a case nobody handles yet by acting on it in the role it is assigned
// to (HandlerAfterStep, called by FireEvent after the runner committed).
//
// Thread safety: functions on the request's own store.
#pragma once

#include <set>
#include <string>

#include "http/caller.h"
#include "uitdaag/case.h"
#include "uitdaag/store.h"
#include "uitdaag/workflow.h"

namespace uitdaag::http {

// The roles of a workflow that staff hold: every role but the challengers'.
std::set<std::string> WorkflowStaffRoles(const WorkflowDefinition& def);

// After `caller` fired a step in `role` on a case that was `before` it: when the caller is staff,
// acted in the role the case was assigned to and nobody handles it yet, they become its handler.
// Returns the case's handler afterwards ("" when nobody). The step is committed already, so a
// failure here is logged and answered as no change (the handler is read again on the next GET).
std::string HandlerAfterStep(CaseStore& store, const Caller& caller, const std::string& role,
                             const CaseSnapshot& before, Instant now);

}  // namespace uitdaag::http
