#include "http/case_events.h"

#include <set>

#include "http/assignment.h"
#include "uitdaag/engine.h"

namespace uitdaag::http {

std::vector<const EventDef*> OfferedEvents(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                           const Caller& caller, Date today) {
  std::vector<const EventDef*> offered;
  const StateDef* state = def.FindState(snapshot.state);
  if (state == nullptr || state->final) return offered;
  std::set<std::string> seen;
  auto offer = [&](const TransitionDef& t) {
    const EventDef* e = def.FindEvent(t.event);
    if (e == nullptr || e->timer || !seen.insert(e->id).second) return;
    if (RoleFor(caller, def, *e).empty()) return;
    // Guards on the case alone are settled here (an objection to a decision that is no besluit
    // is not offered); guards on the event's own input are left to the request.
    if (!EventPossible(def, snapshot, e->id, today)) return;
    offered.push_back(e);
  };
  for (const TransitionDef& t : state->transitions) offer(t);
  for (const TransitionDef& t : def.any_state) offer(t);
  return offered;
}

StatusOr<FiredEvent> FireCaseEvent(const ServiceState& state, CaseStore& store, const Caller& caller,
                                   const CaseEventRequest& request) {
  UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, store.Load(request.case_id));
  const WorkflowDefinition* def =
      state.workflows->Find(stored.snapshot.workflow_id, stored.snapshot.workflow_version);
  if (def == nullptr) return Status::Internal("workflow version not loaded");
  const EventDef* event = def->FindEvent(request.event);
  if (event == nullptr || event->timer) {
    return Status::NotFound("workflow '" + def->id + "' has no event '" + request.event + "'",
                            "event");
  }
  const std::string role = RoleFor(caller, *def, *event);
  if (role.empty()) {
    return Status::PermissionDenied("your role may not '" + event->id + "' on this case", "event");
  }
  Event e;
  e.id = event->id;
  e.role = role;
  e.actor = caller.kind == Caller::Kind::kStaff ? caller.account.username : "challenger";
  e.at = state.clock->Now();
  e.payload = request.payload;
  Runner runner(store, *state.workflows, *state.clock);
  UITDAAG_ASSIGN_OR_RETURN(RunResult result, runner.Apply(request.case_id, e, request.expected_version));
  state.nudge_worker();
  FiredEvent fired;
  fired.def = def;
  fired.handler = HandlerAfterStep(store, caller, role, stored.snapshot, state.clock->Now());
  fired.result = std::move(result);
  return fired;
}

}  // namespace uitdaag::http
