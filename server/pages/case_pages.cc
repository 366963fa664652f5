#include "pages/case_pages.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <cctype>
#include <sstream>

#include "http/attachments.h"
#include "http/caller.h"
#include "http/case_events.h"
#include "http/deadline_json.h"
#include "http/upload_policy.h"
#include "pages/form_body.h"
#include "pages/form_view.h"
#include "pages/page_support.h"
#include "uitdaag/letter_format.h"

namespace uitdaag::pages {
namespace {

using http::Exchange;
using http::StorePool;

// "verzoek_om_aanvulling" -> "Verzoek om aanvulling".
std::string Readable(const std::string& id) {
  std::string out = id;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// --- the case ---------------------------------------------------------------------------------

// The case of the path as the browser may see it (the API's rule); nullopt after answering.
struct OpenedCase {
  StorePool::Lease store;
  http::Caller caller;
  StoredCase stored;
  const WorkflowDefinition* def = nullptr;
};

std::optional<OpenedCase> OpenForPage(const Site& site, Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) {
    site.Error(ex, 503);
    return std::nullopt;
  }
  StatusOr<http::Caller> caller = http::Identify(ex, **store);
  const std::string id = ex.Param("id");
  if (!caller.ok() || caller->kind == http::Caller::Kind::kNobody ||
      (caller->kind == http::Caller::Kind::kChallenger && caller->case_id != id)) {
    site.Error(ex, 404);
    return std::nullopt;
  }
  StatusOr<StoredCase> stored = (*store)->Load(id);
  if (!stored.ok()) {
    site.Error(ex, stored.status().code() == StatusCode::kNotFound ? 404 : 503);
    return std::nullopt;
  }
  const WorkflowDefinition* def =
      ex.state().workflows->Find(stored->snapshot.workflow_id, stored->snapshot.workflow_version);
  if (def == nullptr) {
    site.Error(ex, 500);
    return std::nullopt;
  }
  return OpenedCase{std::move(*store), std::move(*caller), std::move(*stored), def};
}

// The steps of the procedure as the resident sees them: done, current, to come.
Value PhasesView(const WorkflowDefinition& def, const StateDef& state) {
  ValueList steps;
  size_t current = def.phases.size();  // final without a phase: everything done
  for (size_t i = 0; i < def.phases.size(); ++i) {
    if (def.phases[i].id == state.phase) current = i;
  }
  for (size_t i = 0; i < def.phases.size(); ++i) {
    ValueRecord step;
    step["label"] = Value::Text(def.phases[i].label);
    step["nummer"] = Value::Text(std::to_string(i + 1));
    const char* status = i < current ? "klaar" : i == current ? "nu" : "straks";
    if (state.final && i == current) status = "klaar";
    step[status] = Value::Bool(true);
    steps.push_back(Value::Record(std::move(step)));
  }
  return Value::List(std::move(steps));
}

Value DeadlinesView(const http::ServiceState& state, const WorkflowDefinition& def,
                    const CaseSnapshot& snapshot) {
  const Language* language = LanguageOf(state, def);
  const Date today = state.clock->Now().LocalDate();
  ValueList out;
  for (const auto& track : snapshot.deadlines) {
    Poco::JSON::Object::Ptr json =
        http::DeadlineJson(def, snapshot, track.first, today, language, http::DeadlineDetail::kSummary);
    if (json.isNull()) continue;
    const std::string status = json->optValue<std::string>("status", "");
    if (status != "running" && status != "suspended") continue;
    const DeadlineDef* d = def.FindDeadline(track.first);
    ValueRecord view;
    view["label"] = Value::Text(d != nullptr ? d->label : track.first);
    const StatusOr<Date> end = Date::Parse(json->optValue<std::string>("legal_end", ""));
    if (end.ok() && language != nullptr) {
      view["einddatum"] = Value::Text(FormatDateWithWeekday(*end, *language));
    }
    view["uitleg"] = Value::Text(json->optValue<std::string>("explanation", ""));
    view[status == "suspended" ? "opgeschort" : "loopt"] = Value::Bool(true);
    out.push_back(Value::Record(std::move(view)));
  }
  return Value::List(std::move(out));
}

Value LettersView(CaseStore& store, const http::ServiceState& state, const WorkflowDefinition& def,
                  const std::string& case_id) {
  ValueList out;
  StatusOr<std::vector<LetterRecord>> letters = store.Letters(case_id);
  if (!letters.ok()) return Value::List({});
  const Language* language = LanguageOf(state, def);
  const std::string base = "/api/cases/" + case_id + "/documents/";
  for (auto it = letters->rbegin(); it != letters->rend(); ++it) {
    ValueRecord l;
    l["titel"] = Value::Text(Readable(it->template_name));
    if (language != nullptr) l["datum"] = Value::Text(FormatDate(it->letter_date, *language));
    l["pdf"] = Value::Text(base + std::to_string(it->pdf_document_id));
    l["html"] = Value::Text(base + std::to_string(it->html_document_id));
    out.push_back(Value::Record(std::move(l)));
  }
  return Value::List(std::move(out));
}

// Whether the state itself takes `event` (what is asked now), not only any_state (always).
bool InState(const StateDef& state, const std::string& event) {
  for (const TransitionDef& t : state.transitions) {
    if (t.event == event) return true;
  }
  return false;
}

// Whether `event` can end the case (a transition to a final state): its page asks to confirm.
bool Ends(const WorkflowDefinition& def, const std::string& event) {
  auto ends = [&](const TransitionDef& t) {
    const StateDef* to = def.FindState(t.to);
    return t.event == event && to != nullptr && to->final;
  };
  for (const StateDef& state : def.states) {
    for (const TransitionDef& t : state.transitions) {
      if (ends(t)) return true;
    }
  }
  for (const TransitionDef& t : def.any_state) {
    if (ends(t)) return true;
  }
  return false;
}

Value UploadsView(CaseStore& store, const http::ServiceState& state, const WorkflowDefinition& def,
                  const std::string& case_id) {
  ValueList out;
  StatusOr<std::vector<Document>> documents = store.Documents(case_id);
  if (!documents.ok()) return Value::List({});
  const Language* language = LanguageOf(state, def);
  for (const Document& d : *documents) {
    if (d.kind != http::kUploadKind) continue;
    ValueRecord u;
    u["naam"] = Value::Text(d.name);
    if (language != nullptr) u["datum"] = Value::Text(FormatDate(d.created_at.LocalDate(), *language));
    u["url"] = Value::Text("/api/cases/" + case_id + "/documents/" + std::to_string(d.id));
    out.push_back(Value::Record(std::move(u)));
  }
  return Value::List(std::move(out));
}

ValueRecord CaseContext(Exchange& ex, OpenedCase& opened) {
  const CaseSnapshot& snapshot = opened.stored.snapshot;
  const WorkflowDefinition& def = *opened.def;
  const StateDef* state = def.FindState(snapshot.state);
  ValueRecord c;
  c["nummer"] = Value::Text(snapshot.id);
  c["uitdaging"] = Value::Text(def.title);
  auto name = snapshot.data.find("naam_initiatief");
  if (name != snapshot.data.end() && name->second.type() == ValueType::kText) {
    c["naam"] = name->second;
  }
  if (state != nullptr) {
    c["status"] = Value::Text(state->public_label.empty() ? state->label : state->public_label);
    c["afgerond"] = Value::Bool(state->final);
    c["stappen"] = PhasesView(def, *state);
  }
  c["termijnen"] = DeadlinesView(ex.state(), def, snapshot);
  ValueList asked, always;
  const Date today = ex.state().clock->Now().LocalDate();
  for (const EventDef* e : http::OfferedEvents(def, snapshot, opened.caller, today)) {
    ValueRecord action;
    action["label"] = Value::Text(e->label);
    action["url"] = Value::Text("/zaak/" + snapshot.id + "/actie/" + e->id);
    (InState(*state, e->id) ? asked : always).push_back(Value::Record(std::move(action)));
  }
  c["heeft_gevraagd"] = Value::Bool(!asked.empty());
  c["heeft_altijd"] = Value::Bool(!always.empty());
  c["gevraagd"] = Value::List(std::move(asked));
  c["altijd"] = Value::List(std::move(always));
  c["brieven"] = LettersView(*opened.store, ex.state(), def, snapshot.id);
  const Value uploads = UploadsView(*opened.store, ex.state(), def, snapshot.id);
  c["heeft_bijlagen"] = Value::Bool(!uploads.as_list().empty());
  c["bijlagen"] = uploads;
  c["max_mb"] = Value::Text(FormatNumber(
      static_cast<double>(ex.state().config.max_upload_bytes / (1024 * 1024))));
  c["url"] = Value::Text("/zaak/" + snapshot.id);
  return c;
}

void ConfirmationPage(const Site& site, Exchange& ex) {
  std::optional<OpenedCase> opened = OpenForPage(site, ex);
  if (!opened) return;
  ValueRecord context;
  context["pagina"] = PageRecord("Uw uitdaging is verstuurd");
  ValueRecord c = CaseContext(ex, *opened);
  if (opened->caller.kind == http::Caller::Kind::kChallenger) {
    // The private link: the case token the browser holds in its cookie, shown once more here.
    c["link"] = Value::Text(PrivateLink(ex, "/volgen?code=" + http::PresentedToken(ex)));
  }
  context["zaak"] = Value::Record(std::move(c));
  site.Render(ex, 200, "bevestiging", std::move(context));
}

// The case page, with the upload form's problem (upload_fout.<problem>) when there is one.
void RenderCase(const Site& site, Exchange& ex, OpenedCase& opened, int status,
                const std::string& upload_problem) {
  ValueRecord context;
  context["pagina"] = PageRecord((upload_problem.empty() ? "" : "Fout: ") + std::string("Uitdaging ") +
                                 opened.stored.snapshot.id);
  ValueRecord c = CaseContext(ex, opened);
  if (!upload_problem.empty()) {
    ValueRecord problem;
    problem[upload_problem] = Value::Bool(true);
    c["upload_fout"] = Value::Record(std::move(problem));
  }
  context["zaak"] = Value::Record(std::move(c));
  site.Render(ex, status, "zaak", std::move(context));
}

void CasePage(const Site& site, Exchange& ex) {
  std::optional<OpenedCase> opened = OpenForPage(site, ex);
  if (!opened) return;
  RenderCase(site, ex, *opened, 200, "");
}

// --- POST /zaak/{id}/bijlagen: an attachment, as multipart/form-data (csrf, bestand) ----------

// The one file part "bestand" of the upload form, with its name and declared type.
class FilePart final : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              params);
    std::string bytes;
    Poco::StreamCopier::copyToString(stream, bytes);  // bounded: the body was read within a limit
    if (params.get("name", "") != "bestand" || seen) return;
    seen = true;
    name = params.get("filename", "");
    media_type = http::BareMediaType(header.get("Content-Type", ""));
    content = std::move(bytes);
  }
  bool seen = false;
  std::string name, media_type, content;
};

// What the upload form says for a refusal of the attachment service.
std::string UploadProblem(const Status& refused) {
  if (refused.subject() == "name") return "bestandsnaam";
  if (refused.subject() == "Content-Type") return "soort";
  if (refused.subject() == "content") return "inhoud";
  if (refused.subject() == "count") return "te_veel";
  if (refused.subject() == "size") return "te_groot";
  if (refused.code() == StatusCode::kFailedPrecondition) return "gesloten";
  return "";
}

void UploadPage(const Site& site, Exchange& ex) {
  const size_t limit = ex.state().config.max_upload_bytes + 64 * 1024;  // the file and the form
  std::string body;
  const Exchange::BodyRead read = ex.ReadBodyUnanswered(limit, &body);
  if (read.outcome == Exchange::BodyRead::Outcome::kTooLarge) return site.Error(ex, 413);
  if (read.outcome != Exchange::BodyRead::Outcome::kComplete) return site.Error(ex, 400);
  if (http::BareMediaType(ex.request().getContentType()) != "multipart/form-data") {
    return site.Error(ex, 400);
  }
  Poco::Net::HTMLForm form;
  form.setFieldLimit(10);
  FilePart file;
  try {
    std::istringstream in(body);
    form.load(ex.request(), in, file);
  } catch (const std::exception&) {
    return site.Error(ex, 400);
  }
  if (!site.csrf().Valid(ex, form.get(kCsrfField, ""))) return site.Error(ex, 403);
  std::optional<OpenedCase> opened = OpenForPage(site, ex);
  if (!opened) return;
  if (!file.seen || file.name.empty() || file.content.empty()) {
    return RenderCase(site, ex, *opened, 422, "leeg");
  }
  // Browsers declare a type from the file's extension, some only application/octet-stream: then
  // the content's signature says which accepted type it is.
  std::string media_type = file.media_type;
  if (!http::IsAllowedUploadType(media_type)) {
    const std::string sniffed = http::SniffUploadType(file.content);
    if (!sniffed.empty()) media_type = sniffed;
  }
  const CaseSnapshot& snapshot = opened->stored.snapshot;
  Status head = http::CheckAttachmentHead(ex.state(), *opened->store, opened->caller, *opened->def,
                                          snapshot, file.name, media_type,
                                          static_cast<int64_t>(file.content.size()));
  if (!head.ok()) {
    const std::string problem = UploadProblem(head);
    if (problem.empty()) return site.Error(ex, 503);
    return RenderCase(site, ex, *opened, 422, problem);
  }
  StatusOr<Document> stored = http::StoreAttachment(ex.state(), *opened->store, opened->caller,
                                                    snapshot, file.name, media_type,
                                                    std::move(file.content));
  if (!stored.ok()) {
    const std::string problem = UploadProblem(stored.status());
    if (problem.empty()) return site.Error(ex, 503);
    return RenderCase(site, ex, *opened, 422, problem);
  }
  Site::SeeOther(ex, "/zaak/" + snapshot.id + "#bijlagen");
}

// --- an action on the case: GET and POST /zaak/{id}/actie/{event} ----------------------------

// The event of the path when the caller may fire it on the case now (as the API offers it).
const EventDef* OfferedEvent(Exchange& ex, const OpenedCase& opened) {
  const Date today = ex.state().clock->Now().LocalDate();
  for (const EventDef* e :
       http::OfferedEvents(*opened.def, opened.stored.snapshot, opened.caller, today)) {
    if (e->id == ex.Param("event")) return e;
  }
  return nullptr;
}

void RenderAction(const Site& site, Exchange& ex, const OpenedCase& opened, const EventDef& event,
                  int status, const FormState& form, bool not_accepted) {
  const WorkflowDefinition& def = *opened.def;
  const CaseSnapshot& snapshot = opened.stored.snapshot;
  ValueRecord a;
  a["label"] = Value::Text(event.label);
  a["nummer"] = Value::Text(snapshot.id);
  a["actie"] = Value::Text("/zaak/" + snapshot.id + "/actie/" + event.id);
  a["terug"] = Value::Text("/zaak/" + snapshot.id);
  a["versie"] = Value::Text(std::to_string(snapshot.version));
  a["beeindigt"] = Value::Bool(Ends(def, event.id));
  ValueList problems;
  auto form_def = def.forms.find(event.form);
  if (form_def != def.forms.end()) {
    a["velden"] = FieldsView(form_def->second, form, *LanguageOf(ex.state(), def));
    const Value listed = ProblemsView(form_def->second, form);
    problems = listed.as_list();
  }
  ValueRecord context;
  context["pagina"] = PageRecord(event.label + " - uitdaging " + snapshot.id);
  context["actie"] = Value::Record(std::move(a));
  context["heeft_fouten"] = Value::Bool(!problems.empty());
  context["niet_aangenomen"] = Value::Bool(not_accepted);
  context["fouten"] = Value::List(std::move(problems));
  site.Render(ex, status, "actie", std::move(context));
}

void ActionPage(const Site& site, Exchange& ex) {
  std::optional<OpenedCase> opened = OpenForPage(site, ex);
  if (!opened) return;
  const EventDef* event = OfferedEvent(ex, *opened);
  if (event == nullptr) return site.Error(ex, 404);
  RenderAction(site, ex, *opened, *event, 200, FormState{}, false);
}

void SendAction(const Site& site, Exchange& ex) {
  FormBody body;
  if (!site.ReadPostedForm(ex, &body)) return;
  std::optional<OpenedCase> opened = OpenForPage(site, ex);
  if (!opened) return;
  const std::string version_text = body.Get("versie");
  if (version_text.empty() || version_text.size() > 12 ||
      version_text.find_first_not_of("0123456789") != std::string::npos) {
    return site.Error(ex, 400);
  }
  // The case moved on since the page was shown: nothing is stored.
  if (std::stoll(version_text) != opened->stored.snapshot.version) return site.Error(ex, 409);
  const EventDef* event = OfferedEvent(ex, *opened);
  if (event == nullptr) return site.Error(ex, 404);
  const WorkflowDefinition& def = *opened->def;
  FormState form;
  ValueRecord payload;
  auto form_def = def.forms.find(event->form);
  if (form_def != def.forms.end()) {
    form = TypedFrom(form_def->second, body);
    std::optional<ValueRecord> checked = Check(form_def->second, def.criteria, &form);
    if (!checked) return RenderAction(site, ex, *opened, *event, 422, form, false);
    payload = std::move(*checked);
  }
  http::CaseEventRequest request;
  request.case_id = opened->stored.snapshot.id;
  request.event = event->id;
  request.payload = std::move(payload);
  request.expected_version = opened->stored.snapshot.version;
  StatusOr<http::FiredEvent> fired = http::FireCaseEvent(ex.state(), *opened->store, opened->caller, request);
  if (!fired.ok()) {
    const StatusCode code = fired.status().code();
    if (code == StatusCode::kConflict) return site.Error(ex, 409);
    if (code == StatusCode::kInvalidArgument || code == StatusCode::kFailedPrecondition) {
      return RenderAction(site, ex, *opened, *event, 422, form, true);
    }
    return site.Error(ex, code == StatusCode::kUnavailable ? 503 : 500);
  }
  Site::SeeOther(ex, "/zaak/" + request.case_id);
}

// --- GET /volgen?code= ------------------------------------------------------------------------

void FollowLink(const Site& site, Exchange& ex) {
  const std::string token = ex.Query("code").value_or("");
  if (token.empty() || token.size() > 256) return site.Error(ex, 404);
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return site.Error(ex, 503);
  StatusOr<std::string> case_id = (*store)->CaseForToken(token);
  if (!case_id.ok()) {
    return site.Error(ex, case_id.status().code() == StatusCode::kPermissionDenied ? 404 : 503);
  }
  SetCaseCookie(ex, token);
  Site::SeeOther(ex, "/zaak/" + *case_id);
}

}  // namespace

void AddCasePages(http::Router& router, std::shared_ptr<const Site> site) {
  router.Add("GET", "/volgen", PageHandler(site, FollowLink));
  router.Add("GET", "/zaak/{id}/ontvangen", PageHandler(site, ConfirmationPage));
  router.Add("GET", "/zaak/{id}", PageHandler(site, CasePage));
  router.Add("GET", "/zaak/{id}/actie/{event}", PageHandler(site, ActionPage));
  router.Add("POST", "/zaak/{id}/actie/{event}", PageHandler(site, SendAction));
  router.Add("POST", "/zaak/{id}/bijlagen", PageHandler(site, UploadPage));
}

}  // namespace uitdaag::pages
