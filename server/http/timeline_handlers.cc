// A case's history and its deadlines, for the case's challenger and staff.
//
// Timeline (GET /api/cases/{id}/timeline): one item per log entry (CaseStore::Entries), oldest
// first, with the entry's hash and the hash before it, so that the chain can be followed. Staff
// see everything: the actor's user name and the payload as it was submitted. The challenger sees
// every step (what happened, when, from which state to which, by which role) but no staff names
// (the actor is the role's label) and the payload only of their own steps, those taken in the
// workflow's challenger role: staff steps carry internal working input (advice, proposals,
// scores, interview notes) that reaches the challenger through the letters, not through the log
// (engine/DESIGN.md, "Timeline").
//
// Deadlines (GET /api/cases/{id}/deadlines): every deadline the case has had, also stopped and
// expired ones, in full (deadline_json.h).
#include <Poco/JSON/Array.h>

#include "http/case_view.h"
#include "http/deadline_json.h"
#include "http/handlers.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Object;

std::string StateLabel(const WorkflowDefinition* def, const std::string& id) {
  const StateDef* state = def != nullptr ? def->FindState(id) : nullptr;
  return state != nullptr ? state->label : id;
}

std::string RoleLabel(const WorkflowDefinition* def, const std::string& id) {
  if (def == nullptr) return id;
  auto it = def->roles.find(id);
  return it != def->roles.end() ? it->second.label : id;
}

// The label of what happened: the event's, or for a warning (a timer without an event) the
// deadline's.
std::string EventLabel(const WorkflowDefinition* def, const LogEntry& e) {
  if (def == nullptr) return e.event;
  if (const EventDef* event = def->FindEvent(e.event); event != nullptr) return event->label;
  if (e.timer) {
    if (const DeadlineDef* d = def->FindDeadline(e.timer->deadline); d != nullptr) return d->label;
  }
  return e.event;
}

Object::Ptr EntryJson(const ServiceState& state, const LogEntry& e, bool staff) {
  const WorkflowDefinition* def = state.workflows->Find(e.workflow_id, e.workflow_version);
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("seq", e.seq);
  o->set("at", e.at.ToLocalString());
  o->set("recorded_at", e.recorded_at.ToLocalString());
  o->set("event", e.event);
  o->set("event_label", EventLabel(def, e));
  if (e.timer) {
    Object::Ptr timer = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    timer->set("deadline", e.timer->deadline);
    timer->set("kind", e.timer->kind == TimerRef::Kind::kExpiry ? "expiry" : "warning");
    timer->set("round", e.timer->round);
    o->set("timer", timer);
  }
  o->set("from_state", e.from_state);
  o->set("from_state_label", StateLabel(def, e.from_state));
  o->set("to_state", e.to_state);
  o->set("to_state_label", StateLabel(def, e.to_state));
  o->set("role", e.role);
  o->set("role_label", e.role.empty() ? std::string() : RoleLabel(def, e.role));
  // Timer entries have no role; their actor is the system ("timer"), never a person.
  o->set("actor", staff || e.role.empty() ? e.actor : RoleLabel(def, e.role));
  const bool own_step = def != nullptr && !e.role.empty() && e.role == ChallengerRole(*def);
  if (staff || own_step) o->set("payload", ValueToJsonVar(Value::Record(e.payload)));
  o->set("prev_hash", e.prev_hash);
  o->set("hash", e.hash);
  return o;
}

}  // namespace

void GetTimeline(Exchange& ex) {
  std::optional<CaseView> view = OpenCase(ex);
  if (!view) return;
  StatusOr<std::vector<LogEntry>> entries = view->store->Entries(view->stored.snapshot.id);
  if (!entries.ok()) return ex.Fail(entries.status());
  const bool staff = view->caller.kind == Caller::Kind::kStaff;
  Poco::JSON::Array list;
  for (const LogEntry& e : *entries) list.add(EntryJson(ex.state(), e, staff));
  ex.Json(200, list);
}

void GetDeadlines(Exchange& ex) {
  std::optional<CaseView> view = OpenCase(ex);
  if (!view) return;
  const CaseSnapshot& snapshot = view->stored.snapshot;
  const LetterAssets* assets = ex.state().renderer->AssetsFor(*view->def);
  const Date today = ex.state().clock->Now().LocalDate();
  Poco::JSON::Array list;
  for (const auto& track : snapshot.deadlines) {
    Object::Ptr d =
        DeadlineJson(*view->def, snapshot, track.first, today,
                     assets != nullptr ? assets->language.get() : nullptr, DeadlineDetail::kFull);
    if (!d.isNull()) list.add(d);
  }
  ex.Json(200, list);
}

}  // namespace uitdaag::http
