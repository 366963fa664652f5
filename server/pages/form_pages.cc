#include "pages/form_pages.h"

#include <Poco/Logger.h>

#include <string>
#include <vector>

#include "http/caller.h"
#include "http/submission.h"
#include "pages/form_body.h"
#include "pages/form_view.h"
#include "pages/page_support.h"
#include "uitdaag/audit.h"
#include "uitdaag/letter_format.h"

namespace uitdaag::pages {
namespace {

using http::Exchange;
using http::StorePool;

// The steps of the form of one workflow.
struct Steps {
  const WorkflowDefinition* def = nullptr;
  const FormDef* form = nullptr;
  std::vector<FormPageDef> pages;  // the workflow's pages, or one with every shown field
  int count() const { return static_cast<int>(pages.size()) + 2; }
  int applicant() const { return static_cast<int>(pages.size()) + 1; }  // 1-based step numbers
  int review() const { return static_cast<int>(pages.size()) + 2; }
};

Steps StepsOf(const WorkflowDefinition& def) {
  Steps steps;
  steps.def = &def;
  steps.form = &SubmissionForm(def);
  // Pages whose fields the pages cannot show yet (only files) are left out.
  for (const FormPageDef& page : steps.form->pages) {
    for (const std::string& name : page.fields) {
      const FieldDef* field = steps.form->FindField(name);
      if (field != nullptr && Shown(*field)) {
        steps.pages.push_back(page);
        break;
      }
    }
  }
  if (steps.pages.empty()) {
    FormPageDef all;
    all.title = steps.form->label;
    for (const FieldDef& field : steps.form->fields) {
      if (Shown(field)) all.fields.push_back(field.name);
    }
    steps.pages.push_back(std::move(all));
  }
  return steps;
}

std::string FormUrl(const WorkflowDefinition& def, int step) {
  return "/uitdagen/" + def.id + "/formulier" + (step > 1 ? "?stap=" + std::to_string(step) : "");
}

// What the resident has filled in so far: the typed texts of the form and the applicant.
struct Filled {
  FormState form;
  ApplicantState applicant;
};

Filled FromDraft(const DraftValues& values) {
  Filled filled;
  for (const auto& [name, field] : values.data) {
    if (const auto* text = std::get_if<std::string>(&field)) filled.form.typed[name] = *text;
  }
  for (const PartyField& f : kPartyFields) {
    auto it = values.applicant.find(f.key);
    if (it != values.applicant.end()) filled.applicant.party.*f.member = it->second;
  }
  return filled;
}

DraftValues ToDraft(const Filled& filled, int step) {
  DraftValues values;
  for (const auto& [name, text] : filled.form.typed) {
    if (!text.empty()) values.data[name] = text;
  }
  for (const PartyField& f : kPartyFields) {
    const std::string& text = filled.applicant.party.*f.member;
    if (!text.empty()) values.applicant[f.key] = text;
  }
  values.page = step - 1;
  return values;
}

// The browser's draft of this workflow: its token and what it holds; none when the browser has
// no draft cookie, or one of another workflow, unknown or expired.
struct OpenDraft {
  std::string token;
  Draft draft;
};

std::optional<OpenDraft> BrowserDraft(Exchange& ex, CaseStore& store,
                                      const WorkflowDefinition& def) {
  const std::string token = CookieValue(ex, kDraftCookie);
  if (token.empty()) return std::nullopt;
  StatusOr<Draft> draft = store.LoadDraft(token, ex.state().clock->Now());
  if (!draft.ok() || draft->workflow_id != def.id) return std::nullopt;
  return OpenDraft{token, std::move(*draft)};
}

// The review: every answer by step, as the template lists them.
Value ReviewView(const Steps& steps, const Filled& filled) {
  ValueList sections;
  for (size_t i = 0; i < steps.pages.size(); ++i) {
    ValueRecord section;
    section["titel"] = Value::Text(steps.pages[i].title);
    section["wijzig"] = Value::Text(FormUrl(*steps.def, static_cast<int>(i) + 1));
    ValueList rows;
    for (const std::string& name : steps.pages[i].fields) {
      const FieldDef* field = steps.form->FindField(name);
      if (field == nullptr || !Shown(*field)) continue;
      ValueRecord row;
      row["label"] = Value::Text(field->label.empty() ? field->name : field->label);
      auto typed = filled.form.typed.find(name);
      std::string shown = typed == filled.form.typed.end() ? "" : typed->second;
      if (field->type == FieldType::kChoice && !shown.empty()) shown = field->OptionLabel(shown);
      if (field->type == FieldType::kBool && !shown.empty()) {
        row[shown == "true" ? "ja" : "nee"] = Value::Bool(true);
        shown.clear();
      }
      row["waarde"] = Value::Text(shown);
      rows.push_back(Value::Record(std::move(row)));
    }
    section["regels"] = Value::List(std::move(rows));
    sections.push_back(Value::Record(std::move(section)));
  }
  return Value::List(std::move(sections));
}

void RenderStep(const Site& site, Exchange& ex, const Steps& steps, int step, int status,
                const Filled& filled, bool not_accepted) {
  const WorkflowDefinition& def = *steps.def;
  const Language* language = LanguageOf(ex.state(), def);
  ValueRecord context;
  ValueRecord s;
  s["nummer"] = Value::Text(std::to_string(step));
  s["aantal"] = Value::Text(std::to_string(steps.count()));
  s["actie"] = Value::Text("/uitdagen/" + def.id + "/formulier");
  s["uitdaging"] = Value::Text(def.title);
  s["eerste"] = Value::Bool(step == 1);
  ValueList problems;
  std::string title;
  if (step <= static_cast<int>(steps.pages.size())) {
    const FormPageDef& page = steps.pages[static_cast<size_t>(step) - 1];
    const FormDef part = Subset(*steps.form, page.fields);
    title = page.title;
    s["intro"] = Value::Text(page.intro);
    s["velden"] = FieldsView(part, filled.form, *language);
    const Value part_problems = ProblemsView(part, filled.form);
    for (const Value& p : part_problems.as_list()) problems.push_back(p);
  } else if (step == steps.applicant()) {
    s["gegevens"] = Value::Bool(true);
    s["velden"] = ApplicantView(filled.applicant);
    const Value applicant_problems = ApplicantProblemsView(filled.applicant);
    for (const Value& p : applicant_problems.as_list()) problems.push_back(p);
  } else {
    s["controle"] = Value::Bool(true);
    s["secties"] = ReviewView(steps, filled);
    s["aanvrager"] = ApplicantView(filled.applicant);
    s["gegevens_wijzig"] = Value::Text(FormUrl(def, steps.applicant()));
  }
  s["titel"] = Value::Text(title);
  const bool has_problems = !problems.empty();
  context["stap"] = Value::Record(std::move(s));
  context["heeft_fouten"] = Value::Bool(has_problems);
  context["niet_aangenomen"] = Value::Bool(not_accepted);
  context["fouten"] = Value::List(std::move(problems));
  // The title names the step, so that a screen reader user hears where they are (NL Design
  // System: "Stap 2 van 4"); the words are the template's, the numbers these.
  context["pagina"] = PageRecord(def.title);
  site.Render(ex, status, "formulier", std::move(context));
}

// The step a text names ("3"), as the query (?stap=N) and the form's hidden field give it; 0
// when it is no step of this form.
int StepOf(const std::string& text, const Steps& steps) {
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) {
    return 0;
  }
  const int step = std::stoi(text);
  return step >= 1 && step <= steps.count() ? step : 0;
}

// The step of the query, 1 when it names none.
int StepOfQuery(Exchange& ex, const Steps& steps) {
  const std::optional<std::string> text = ex.Query("stap");
  return text ? StepOf(*text, steps) : 1;
}

void StepPage(const Site& site, Exchange& ex) {
  const WorkflowDefinition* def = StartableWorkflow(ex);
  if (def == nullptr) return site.Error(ex, 404);
  const Steps steps = StepsOf(*def);
  const int step = StepOfQuery(ex, steps);
  if (step == 0) return site.Error(ex, 404);
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return site.Error(ex, 503);
  std::optional<OpenDraft> draft = BrowserDraft(ex, **store, *def);
  if (draft && draft->draft.submitted()) return site.Error(ex, 410);
  if (step == steps.review() && !draft) {
    Site::SeeOther(ex, FormUrl(*def, 1));
    return;
  }
  const Filled filled = draft ? FromDraft(draft->draft.values) : Filled{};
  RenderStep(site, ex, steps, step, 200, filled, false);
}

// Checks the fields of `step`; true when there is no problem.
bool CheckStep(const Steps& steps, int step, Filled* filled) {
  if (step <= static_cast<int>(steps.pages.size())) {
    const FormDef part = Subset(*steps.form, steps.pages[static_cast<size_t>(step) - 1].fields);
    return Check(part, steps.def->criteria, &filled->form).has_value();
  }
  if (step == steps.applicant()) return CheckApplicant(&filled->applicant);
  return true;
}

void Submit(const Site& site, Exchange& ex, CaseStore& store, const Steps& steps,
            const OpenDraft& draft, Filled filled) {
  // Every step again: the first with a problem is shown.
  for (int step = 1; step < steps.review(); ++step) {
    if (!CheckStep(steps, step, &filled)) return RenderStep(site, ex, steps, step, 422, filled, false);
  }
  std::optional<ValueRecord> payload = Check(*steps.form, steps.def->criteria, &filled.form);
  if (!payload) return RenderStep(site, ex, steps, 1, 422, filled, false);
  http::Submission submission;
  submission.workflow = steps.def;
  submission.applicant = filled.applicant.party;
  submission.payload = std::move(*payload);
  // One case per draft, also when the answer to the first send was lost.
  submission.idempotency_key = "concept-" + Sha256Hex(draft.token).substr(0, 40);
  StatusOr<http::Submitted> submitted = http::SubmitChallenge(ex.state(), store, submission);
  if (!submitted.ok()) {
    Poco::Logger::get("uitdaag.pages")
        .information("submission refused: " + submitted.status().ToString());
    const StatusCode code = submitted.status().code();
    if (code == StatusCode::kInvalidArgument || code == StatusCode::kFailedPrecondition) {
      // The engine refused what the field checks let through (a rule across fields).
      return RenderStep(site, ex, steps, steps.review(), 422, filled, true);
    }
    return site.Error(ex, code == StatusCode::kUnavailable ? 503 : 500);
  }
  const std::string& case_id = submitted->result.snapshot.id;
  if (Status marked = store.MarkDraftSubmitted(draft.token, case_id, ex.state().clock->Now());
      !marked.ok()) {
    // The case exists; the draft still holds its values until it expires. Say so in the log.
    Poco::Logger::get("uitdaag.pages").warning("draft of case " + case_id + " not marked sent: " +
                                               marked.ToString());
  }
  SetTokenCookie(ex, kDraftCookie, "", 0);
  SetCaseCookie(ex, submitted->access_token);
  Site::SeeOther(ex, "/zaak/" + case_id + "/ontvangen");
}

void SendStep(const Site& site, Exchange& ex) {
  const WorkflowDefinition* def = StartableWorkflow(ex);
  if (def == nullptr) return site.Error(ex, 404);
  FormBody body;
  if (!site.ReadPostedForm(ex, &body)) return;
  const Steps steps = StepsOf(*def);
  const int step = StepOf(body.Get("stap"), steps);
  const std::string action = body.Get("actie");
  const bool known_action = action == "volgende" || action == "vorige" || action == "opslaan" ||
                            (action == "versturen" && step == steps.review());
  if (step == 0 || !known_action) return site.Error(ex, 400);

  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return site.Error(ex, 503);
  std::optional<OpenDraft> draft = BrowserDraft(ex, **store, *def);
  if (draft && draft->draft.submitted()) {
    // Sent already: a double click (or a resend after a lost answer) from the browser that sent
    // it is shown its case, not a second one and not an error.
    if (action != "versturen") return site.Error(ex, 410);
    const std::string& case_id = *draft->draft.submitted_case;
    StatusOr<std::string> token = (*store)->CreateCaseToken(case_id, ex.state().clock->Now());
    if (!token.ok()) return site.Error(ex, 503);
    SetTokenCookie(ex, kDraftCookie, "", 0);
    SetCaseCookie(ex, *token);
    return Site::SeeOther(ex, "/zaak/" + case_id + "/ontvangen");
  }
  Filled filled = draft ? FromDraft(draft->draft.values) : Filled{};
  // What this step's form carried replaces what the draft had for its fields.
  if (step <= static_cast<int>(steps.pages.size())) {
    const FormDef part = Subset(*steps.form, steps.pages[static_cast<size_t>(step) - 1].fields);
    for (const auto& [name, text] : TypedFrom(part, body).typed) filled.form.typed[name] = text;
  } else if (step == steps.applicant()) {
    filled.applicant = ApplicantFrom(body);
  }
  if (action == "volgende" && !CheckStep(steps, step, &filled)) {
    return RenderStep(site, ex, steps, step, 422, filled, false);
  }
  if (action == "versturen" && !draft) return Site::SeeOther(ex, FormUrl(*def, 1));

  // Keep what was typed in the draft (made on the first step that is left).
  const Instant now = ex.state().clock->Now();
  const int64_t ttl = int64_t{ex.state().config.draft_ttl_days} * 24 * 3600;
  const int next = action == "volgende" ? step + 1 : action == "vorige" ? std::max(1, step - 1) : step;
  std::string token;
  if (draft) {
    token = draft->token;
    if (Status saved = (*store)->SaveDraft(token, ToDraft(filled, next), now); !saved.ok()) {
      return site.Error(ex, saved.code() == StatusCode::kInvalidArgument ? 413 : 503);
    }
  } else {
    NewDraft fresh;
    fresh.workflow_id = def->id;
    fresh.workflow_version = def->version;
    fresh.values = ToDraft(filled, next);
    StatusOr<std::string> created = (*store)->CreateDraft(fresh, now, ttl);
    if (!created.ok()) {
      return site.Error(ex, created.status().code() == StatusCode::kInvalidArgument ? 413 : 503);
    }
    token = *created;
    SetTokenCookie(ex, kDraftCookie, token, static_cast<int>(ttl));
  }
  if (action == "versturen") return Submit(site, ex, **store, steps, *draft, std::move(filled));
  if (action == "opslaan") return Site::SeeOther(ex, "/uitdagen/" + def->id + "/opgeslagen");
  Site::SeeOther(ex, FormUrl(*def, next));
}

// GET /uitdagen/{workflow}/opgeslagen: the private link to resume, with its expiry date.
void SavedPage(const Site& site, Exchange& ex) {
  const WorkflowDefinition* def = StartableWorkflow(ex);
  if (def == nullptr) return site.Error(ex, 404);
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return site.Error(ex, 503);
  std::optional<OpenDraft> draft = BrowserDraft(ex, **store, *def);
  if (!draft) return site.Error(ex, 404);
  if (draft->draft.submitted()) return site.Error(ex, 410);
  const Language* language = LanguageOf(ex.state(), *def);
  ValueRecord saved;
  saved["link"] = Value::Text(PrivateLink(ex, "/verder?code=" + draft->token));
  // The last day it opens: the day before the (exclusive) expiry instant, in local time.
  saved["tot"] = Value::Text(FormatDate(
      Instant::FromUnixSeconds(draft->draft.expires_at.unix_seconds() - 1).LocalDate(), *language));
  saved["verder"] = Value::Text(FormUrl(*def, draft->draft.values.page + 1));
  ValueRecord context;
  context["pagina"] = PageRecord("Uw aanvraag is opgeslagen");
  context["opgeslagen"] = Value::Record(std::move(saved));
  site.Render(ex, 200, "opgeslagen", std::move(context));
}

// GET /verder?code=TOKEN: the private link of a draft.
void ResumeLink(const Site& site, Exchange& ex) {
  const std::string token = ex.Query("code").value_or("");
  if (token.size() != kDraftTokenLength) return site.Error(ex, 404);
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return site.Error(ex, 503);
  StatusOr<Draft> draft = (*store)->LoadDraft(token, ex.state().clock->Now());
  if (!draft.ok()) {
    return site.Error(ex, draft.status().code() == StatusCode::kNotFound ? 404 : 503);
  }
  if (draft->submitted()) return site.Error(ex, 410);
  const WorkflowDefinition* def = ex.state().workflows->Latest(draft->workflow_id);
  if (def == nullptr) return site.Error(ex, 404);
  const int64_t left = draft->expires_at.unix_seconds() - ex.state().clock->Now().unix_seconds();
  SetTokenCookie(ex, kDraftCookie, token, static_cast<int>(std::max<int64_t>(left, 1)));
  Site::SeeOther(ex, FormUrl(*def, draft->values.page + 1));
}

}  // namespace

void AddFormPages(http::Router& router, std::shared_ptr<const Site> site) {
  router.Add("GET", "/uitdagen/{workflow}/formulier", PageHandler(site, StepPage));
  router.Add("POST", "/uitdagen/{workflow}/formulier", PageHandler(site, SendStep));
  router.Add("GET", "/uitdagen/{workflow}/opgeslagen", PageHandler(site, SavedPage));
  router.Add("GET", "/verder", PageHandler(site, ResumeLink));
}

}  // namespace uitdaag::pages
