// Cases: a challenger submits (no account: the answer carries the token of their own case), and
// challengers and staff read a case and fire events on it, each in the role the workflow allows.
#include <Poco/JSON/Array.h>

#include "http/assignment.h"
#include "http/caller.h"
#include "http/case_view.h"
#include "http/deadline_json.h"
#include "http/handlers.h"
#include "http/json_fields.h"
#include "uitdaag/engine.h"
#include "uitdaag/letter_format.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr size_t kMaxIdempotencyKey = 200;

std::string ETag(int64_t version) { return "\"" + std::to_string(version) + "\""; }

// "12", "\"12\"" or "W/\"12\"" -> 12; nullopt for anything else.
std::optional<int64_t> VersionFromIfMatch(std::string text) {
  if (text.rfind("W/", 0) == 0) text = text.substr(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  if (text.empty() || text.size() > 18) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoll(text);
}

// The store's refusal of an Idempotency-Key already used for a different request
// (CaseStore::FindIdempotencyKey and Commit: kInvalidArgument with the key as its subject).
bool IsIdempotencyConflict(const Status& status, const std::string& key) {
  return !key.empty() && status.code() == StatusCode::kInvalidArgument &&
         status.subject() == key && status.message().rfind("idempotency key", 0) == 0;
}

// The body's applicant, strictly: an object whose fields are all text, none unknown
// ("applicant.fax" is refused, as an unknown data field is), each checked by ValidateParty.
StatusOr<Party> PartyFromJson(const Object& body) {
  if (!body.has("applicant") || body.isNull("applicant")) {
    return Status::InvalidArgument("applicant: required", "applicant");
  }
  const Object::Ptr json = body.getObject("applicant");
  if (json.isNull()) {
    return Status::InvalidArgument("applicant: must be an object (name, address, city, ...)",
                                   "applicant");
  }
  JsonFields fields(*json, "applicant.");
  Party party;
  for (const PartyField& f : kPartyFields) party.*f.member = fields.String(f.key).value_or("");
  UITDAAG_RETURN_IF_ERROR(fields.Finish());
  Status valid = ValidateParty(party);
  if (!valid.ok()) {
    return Status::InvalidArgument("applicant." + valid.message(), "applicant." + valid.subject());
  }
  return party;
}

// The case as a caller sees it: data, deadlines with their explanation, the events they may fire.
Object CaseJson(const ServiceState& state, const WorkflowDefinition& def, const CaseSnapshot& s,
                const Caller& caller, const std::string& handler) {
  Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("id", s.id);
  o.set("workflow", s.workflow_id);
  o.set("workflow_version", s.workflow_version);
  o.set("version", s.version);
  o.set("state", s.state);
  const StateDef* st = def.FindState(s.state);
  o.set("state_label", st != nullptr ? st->label : s.state);
  o.set("final", st != nullptr && st->final);
  o.set("assigned_role", s.assigned_role);
  o.set("handler", handler.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(handler));
  o.set("data", ValueToJsonVar(Value::Record(s.data)));
  const Date today = state.clock->Now().LocalDate();
  const LetterAssets* assets = state.renderer->AssetsFor(def);
  Array::Ptr deadlines = new Array();
  for (const auto& track : s.deadlines) {
    Object::Ptr d = DeadlineJson(def, s, track.first, today,
                                 assets ? assets->language.get() : nullptr,
                                 DeadlineDetail::kSummary);
    if (!d.isNull()) deadlines->add(d);
  }
  o.set("deadlines", deadlines);
  Array::Ptr events = new Array();
  if (st != nullptr && !st->final) {
    std::set<std::string> seen;
    auto offer = [&](const TransitionDef& t) {
      const EventDef* e = def.FindEvent(t.event);
      if (e == nullptr || e->timer || !seen.insert(e->id).second) return;
      if (RoleFor(caller, def, *e).empty()) return;
      // Guards on the case alone are settled here (an objection to a decision that is no
      // besluit is not offered); guards on the event's own input are left to the request.
      if (!EventPossible(def, s, e->id, today)) return;
      Object::Ptr ev = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      ev->set("id", e->id);
      ev->set("label", e->label);
      ev->set("form", e->form);
      events->add(ev);
    };
    for (const TransitionDef& t : st->transitions) offer(t);
    for (const TransitionDef& t : def.any_state) offer(t);
  }
  o.set("events", events);
  return o;
}

}  // namespace

void SubmitCase(Exchange& ex) {
  Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  const std::string workflow_id = body->optValue<std::string>("workflow", "");
  const WorkflowDefinition* def = ex.state().workflows->Latest(workflow_id);
  if (def == nullptr) {
    ex.Problem(422, "workflow: no workflow '" + workflow_id + "'", "workflow");
    return;
  }
  StatusOr<Party> applicant = PartyFromJson(*body);
  if (!applicant.ok()) return ex.Fail(applicant.status());
  const std::string key = ex.Header("Idempotency-Key");
  if (key.size() > kMaxIdempotencyKey) {
    ex.Problem(422, "Idempotency-Key: at most 200 characters", "Idempotency-Key");
    return;
  }
  const std::string role = ChallengerRole(*def);
  // The submission: the event named in the body, else the first event that leaves the initial
  // state with a form (in the shipped workflows `indienen`; `vooroverleg_aanvragen` has none).
  std::string event_id = body->optValue<std::string>("event", "");
  if (event_id.empty()) {
    for (const TransitionDef& t : def->InitialState().transitions) {
      const EventDef* e = def->FindEvent(t.event);
      if (e != nullptr && !e->roles.empty() && !e->form.empty()) {
        event_id = e->id;
        break;
      }
    }
  }
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  Runner runner(**store, *ex.state().workflows, *ex.state().clock);
  SubmitRequest request;
  request.workflow_id = def->id;
  request.event.id = event_id;
  request.event.role = role;
  request.event.actor = applicant->name;
  request.event.at = ex.state().clock->Now();
  Object::Ptr data = body->getObject("data");
  if (!data.isNull()) request.event.payload = PayloadFromJson(*data);
  request.idempotency_key = key;
  request.applicant = *applicant;
  StatusOr<RunResult> result = runner.Submit(request);
  if (!result.ok()) {
    // The store names a reused key by its value; the client is told which header is at fault.
    if (IsIdempotencyConflict(result.status(), key)) {
      ex.Problem(422, "Idempotency-Key: already used for a different request; send a new key",
                 "Idempotency-Key");
      return;
    }
    return ex.Fail(result.status());
  }
  // The token of the challenger's own case: a replay under the same key gets a new one (the
  // first answer may have been lost), which is as good as the first.
  StatusOr<std::string> token =
      (*store)->CreateCaseToken(result->snapshot.id, ex.state().clock->Now());
  if (!token.ok()) return ex.Fail(token.status());
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("id", result->snapshot.id);
  out.set("version", result->snapshot.version);
  out.set("state", result->snapshot.state);
  out.set("replayed", result->replayed);
  out.set("access_token", *token);
  ex.state().nudge_worker();
  ex.SetHeader("Location", "/api/cases/" + result->snapshot.id);
  ex.SetHeader("ETag", ETag(result->snapshot.version));
  ex.Json(result->replayed ? 200 : 201, out);
}

void GetCase(Exchange& ex) {
  std::optional<CaseView> view = OpenCase(ex);
  if (!view) return;
  const CaseSnapshot& snapshot = view->stored.snapshot;
  StatusOr<std::string> handler = view->store->Handler(snapshot.id);
  if (!handler.ok()) return ex.Fail(handler.status());
  ex.SetHeader("ETag", ETag(snapshot.version));
  ex.Json(200, CaseJson(ex.state(), *view->def, snapshot, view->caller, *handler));
}

void FireEvent(Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  Caller caller;
  if (!MaySeeCase(ex, **store, ex.Param("id"), &caller)) return;
  const std::string if_match = ex.Header("If-Match");
  if (if_match.empty()) {
    ex.Problem(428, "If-Match: send the case version (its ETag) this change is based on",
               "If-Match");
    return;
  }
  const std::optional<int64_t> version = VersionFromIfMatch(if_match);
  if (!version) {
    ex.Problem(422, "If-Match: not a case version", "If-Match");
    return;
  }
  Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  StatusOr<StoredCase> stored = (*store)->Load(ex.Param("id"));
  if (!stored.ok()) return ex.Fail(stored.status());
  const WorkflowDefinition* def = ex.state().workflows->Find(stored->snapshot.workflow_id,
                                                             stored->snapshot.workflow_version);
  if (def == nullptr) return ex.Fail(Status::Internal("workflow version not loaded"));
  const EventDef* event = def->FindEvent(ex.Param("event"));
  if (event == nullptr || event->timer) {
    ex.Problem(404, "workflow '" + def->id + "' has no event '" + ex.Param("event") + "'",
               "event");
    return;
  }
  const std::string role = RoleFor(caller, *def, *event);
  if (role.empty()) {
    ex.Problem(403, "your role may not '" + event->id + "' on this case", "event");
    return;
  }
  Event e;
  e.id = event->id;
  e.role = role;
  e.actor = caller.kind == Caller::Kind::kStaff ? caller.account.username : "challenger";
  e.at = ex.state().clock->Now();
  Object::Ptr data = body->getObject("data");
  if (!data.isNull()) e.payload = PayloadFromJson(*data);
  Runner runner(**store, *ex.state().workflows, *ex.state().clock);
  StatusOr<RunResult> result = runner.Apply(ex.Param("id"), e, *version);
  if (!result.ok()) return ex.Fail(result.status());
  ex.state().nudge_worker();
  // Staff acting in the role the case is assigned to take it when nobody handles it yet.
  const std::string handler =
      HandlerAfterStep(**store, caller, role, stored->snapshot, ex.state().clock->Now());
  // The runner returns the committed snapshot: no second load.
  ex.SetHeader("ETag", ETag(result->snapshot.version));
  ex.Json(200, CaseJson(ex.state(), *def, result->snapshot, caller, handler));
}

}  // namespace uitdaag::http
