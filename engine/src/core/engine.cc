// Step() for events fired by people, and the transition machinery shared with timers.
// The order of checks is the contract in uitdaag/engine.h.
#include "uitdaag/engine.h"

#include <algorithm>

#include "engine_internal.h"
#include "engine_scope.h"
#include "uitdaag/form.h"
#include "uitdaag/join.h"

namespace uitdaag {

CaseSnapshot NewCase(const WorkflowDefinition& def, std::string case_id, Instant now) {
  CaseSnapshot snapshot;
  snapshot.id = std::move(case_id);
  snapshot.workflow_id = def.id;
  snapshot.workflow_version = def.version;
  snapshot.state = def.InitialState().id;
  snapshot.created_at = now;
  snapshot.updated_at = now;
  for (const auto& [id, variable] : def.variables) {
    if (!variable.initial.is_null()) snapshot.data[id] = variable.initial;
  }
  return snapshot;
}

DeadlineComputation ComputeTrack(const WorkflowDefinition& def, const DeadlineTrack& track,
                                 Date as_of) {
  const DeadlineDef* deadline = def.FindDeadline(track.id);
  return ComputeDeadline(deadline->rule, track.start, track.suspensions, track.extensions,
                         def.calendar, as_of);
}

StatusOr<const TransitionDef*> ChooseTransition(
    const TransitionContext& ctx, const std::vector<const TransitionDef*>& candidates) {
  const CaseScope scope(ctx.def, ctx.before, &ctx.values, ctx.today);
  std::string refused;
  for (const TransitionDef* transition : candidates) {
    if (!transition->guard) return transition;
    StatusOr<Value> result = transition->guard->Evaluate(scope);
    if (result.ok() && result->type() == ValueType::kBool && result->as_bool()) return transition;
    if (!refused.empty()) refused += "; ";
    refused += "`" + transition->guard->text() + "` is ";
    refused += result.ok() ? "false" : "not computable (" + result.status().message() + ")";
  }
  return Status::FailedPrecondition("event '" + ctx.event_id + "' is not possible in state '" +
                                        ctx.before.state + "' for this case: " + refused,
                                    ctx.event_id);
}

namespace {

// "a, b" or "none", for messages that list what is allowed.
std::string NamesOrNone(const std::vector<std::string>& names) {
  return names.empty() ? "none" : JoinNames(names);
}

Status CheckTimeAndVersion(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                           const Event& event, Instant now) {
  if (snapshot.workflow_id != def.id || snapshot.workflow_version != def.version) {
    return Status::FailedPrecondition(
        "case " + snapshot.id + " runs on workflow " + snapshot.workflow_id + " version " +
        std::to_string(snapshot.workflow_version) + ", not on " + def.id + " version " +
        std::to_string(def.version));
  }
  if (event.at > now) {
    return Status::InvalidArgument("event time " + event.at.ToLocalString() +
                                   " lies after the current time " + now.ToLocalString());
  }
  return Status::Ok();
}

Status CheckRole(const EventDef& def, const Event& event) {
  if (def.timer) {
    return Status::PermissionDenied(
        "event '" + def.id + "' is fired by a deadline timer, never by a person", def.id);
  }
  if (std::find(def.roles.begin(), def.roles.end(), event.role) == def.roles.end()) {
    return Status::PermissionDenied("role '" + event.role + "' may not fire event '" + def.id +
                                        "' (allowed: " + NamesOrNone(def.roles) + ")",
                                    event.role);
  }
  return Status::Ok();
}

// The events possible in `state`, for the message of a wrong-state rejection.
std::vector<std::string> PossibleEvents(const WorkflowDefinition& def, const std::string& state) {
  std::vector<std::string> events;
  for (const auto& [id, event] : def.events) {
    if (!def.CandidateTransitions(state, id).empty()) events.push_back(id);
  }
  return events;
}

StatusOr<ValueRecord> ValidatePayload(const WorkflowDefinition& def, const EventDef& event,
                                      const ValueRecord& payload) {
  if (event.form.empty()) {
    if (!payload.empty()) {
      return Status::InvalidArgument(
          "event '" + event.id + "' takes no data, got field '" + payload.begin()->first + "'",
          payload.begin()->first);
    }
    return ValueRecord{};
  }
  return ValidateForm(*def.FindForm(event.form), def.criteria, payload);
}

}  // namespace

bool EventPossible(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                   std::string_view event, Date today) {
  const EventDef* event_def = def.FindEvent(event);
  if (event_def == nullptr || event_def->timer) return false;
  const CaseScope scope(def, snapshot, nullptr, today);
  for (const TransitionDef* transition : def.CandidateTransitions(snapshot.state, event_def->id)) {
    if (!transition->guard) return true;
    for (const std::string& path : transition->guard->Paths()) {
      if (path == "event" || path.rfind("event.", 0) == 0) return true;
    }
    StatusOr<Value> holds = transition->guard->Evaluate(scope);
    if (holds.ok() && holds->type() == ValueType::kBool && holds->as_bool()) return true;
  }
  return false;
}

StatusOr<StepResult> Step(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                          const Event& event, Instant now) {
  if (event.timer) {
    UITDAAG_RETURN_IF_ERROR(CheckTimeAndVersion(def, snapshot, event, now));
    return StepTimer(def, snapshot, event);
  }
  const EventDef* event_def = def.FindEvent(event.id);
  if (event_def == nullptr) {
    return Status::NotFound("unknown event '" + event.id + "'", event.id);
  }
  UITDAAG_RETURN_IF_ERROR(CheckTimeAndVersion(def, snapshot, event, now));
  UITDAAG_RETURN_IF_ERROR(CheckRole(*event_def, event));

  const std::vector<const TransitionDef*> candidates =
      def.CandidateTransitions(snapshot.state, event.id);
  if (candidates.empty()) {
    return Status::FailedPrecondition("event '" + event.id + "' is not possible in state '" +
                                          snapshot.state + "' (possible there: " +
                                          NamesOrNone(PossibleEvents(def, snapshot.state)) + ")",
                                      event.id);
  }
  StatusOr<ValueRecord> values = ValidatePayload(def, *event_def, event.payload);
  if (!values.ok()) return values.status();

  const TransitionContext ctx{def, snapshot, *values, event.id, event.actor, event.at.LocalDate()};
  StatusOr<const TransitionDef*> chosen = ChooseTransition(ctx, candidates);
  if (!chosen.ok()) return chosen.status();

  StepResult result;
  result.snapshot = snapshot;
  result.from_state = snapshot.state;
  result.transition = *chosen;
  UITDAAG_RETURN_IF_ERROR(ApplyTransition(ctx, **chosen, &result.snapshot, &result.effects));
  result.snapshot.version = snapshot.version + 1;
  result.snapshot.updated_at = event.at;
  return result;
}

}  // namespace uitdaag
