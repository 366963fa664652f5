// Cases: a challenger submits (no account: the answer carries the token of their own case), and
// challengers and staff read a case and fire events on it, each in the role the workflow allows.
#include <Poco/JSON/Array.h>

#include "http/assignment.h"
#include "http/caller.h"
#include "http/case_events.h"
#include "http/case_view.h"
#include "http/submission.h"
#include "http/deadline_json.h"
#include "http/handlers.h"
#include "http/json_fields.h"
#include "uitdaag/engine.h"
#include "uitdaag/letter_format.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

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
  for (const EventDef* e : OfferedEvents(def, s, caller, today)) {
    Object::Ptr ev = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    ev->set("id", e->id);
    ev->set("label", e->label);
    ev->set("form", e->form);
    events->add(ev);
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
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  Submission submission;
  submission.workflow = def;
  // The event named in the body, else the workflow's submission event.
  submission.event = body->optValue<std::string>("event", "");
  submission.applicant = *applicant;
  Object::Ptr data = body->getObject("data");
  if (!data.isNull()) submission.payload = PayloadFromJson(*data);
  submission.idempotency_key = key;
  StatusOr<Submitted> submitted = SubmitChallenge(ex.state(), **store, submission);
  if (!submitted.ok()) return ex.Fail(submitted.status());
  const RunResult* result = &submitted->result;
  const std::string* token = &submitted->access_token;
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("id", result->snapshot.id);
  out.set("version", result->snapshot.version);
  out.set("state", result->snapshot.state);
  out.set("replayed", result->replayed);
  out.set("access_token", *token);
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
  CaseEventRequest request;
  request.case_id = ex.Param("id");
  request.event = ex.Param("event");
  request.expected_version = *version;
  Object::Ptr data = body->getObject("data");
  if (!data.isNull()) request.payload = PayloadFromJson(*data);
  StatusOr<FiredEvent> fired = FireCaseEvent(ex.state(), **store, caller, request);
  if (!fired.ok()) {
    const Status& refused = fired.status();
    // An unknown event (404) or one the caller's role may not fire (403) names the event.
    if (refused.subject() == "event" && (refused.code() == StatusCode::kNotFound ||
                                         refused.code() == StatusCode::kPermissionDenied)) {
      ex.Problem(refused.code() == StatusCode::kNotFound ? 404 : 403, refused.message(), "event");
      return;
    }
    return ex.Fail(refused);
  }
  // The runner returns the committed snapshot: no second load.
  ex.SetHeader("ETag", ETag(fired->result.snapshot.version));
  ex.Json(200, CaseJson(ex.state(), *fired->def, fired->result.snapshot, caller, fired->handler));
}

}  // namespace uitdaag::http
