#include "pages/resident_pages.h"

#include "pages/case_pages.h"
#include "pages/form_pages.h"
#include "pages/form_view.h"
#include "pages/page_support.h"
#include "uitdaag/letter_format.h"

namespace uitdaag::pages {
namespace {

using http::Exchange;

// The deadline that a late decision is measured against (the one with a penalty scheme).
const DeadlineDef* DecisionDeadline(const WorkflowDefinition& def) {
  for (const auto& [id, deadline] : def.deadlines) {
    if (deadline.late_penalty.has_value()) return &deadline;
  }
  return nullptr;
}

// --- GET / ---------------------------------------------------------------------------------

void StartPage(const Site& site, Exchange& ex) {
  ValueList challenges;
  for (const WorkflowDefinition* def : ex.state().workflows->All()) {
    if (def->submission_event.empty()) continue;
    ValueRecord c;
    c["titel"] = Value::Text(def->title);
    c["url"] = Value::Text("/uitdagen/" + def->id);
    challenges.push_back(Value::Record(std::move(c)));
  }
  ValueRecord context;
  context["pagina"] = PageRecord("Daag de gemeente uit");
  context["uitdagingen"] = Value::List(std::move(challenges));
  site.Render(ex, 200, "start", std::move(context));
}

// --- GET /uitdagen/{workflow} ------------------------------------------------------------------

void ChallengePage(const Site& site, Exchange& ex) {
  const WorkflowDefinition* def = StartableWorkflow(ex);
  if (def == nullptr) return site.Error(ex, 404);
  ValueRecord challenge;
  challenge["titel"] = Value::Text(def->title);
  challenge["formulier"] = Value::Text("/uitdagen/" + def->id + "/formulier");
  ValueList needed;
  for (const FieldDef& field : SubmissionForm(*def).fields) {
    if (field.required && Shown(field)) needed.push_back(Value::Text(field.label));
  }
  challenge["nodig"] = Value::List(std::move(needed));
  const DeadlineDef* decision = DecisionDeadline(*def);
  const Language* language = LanguageOf(ex.state(), *def);
  if (decision != nullptr && language != nullptr &&
      decision->rule.kind == DeadlineRule::Kind::kPeriod) {
    challenge["beslistermijn"] = Value::Text(FormatDuration(decision->rule.period, *language));
  }
  ValueRecord context;
  context["pagina"] = PageRecord(def->title);
  context["uitdaging"] = Value::Record(std::move(challenge));
  site.Render(ex, 200, "uitdaging", std::move(context));
}

}  // namespace

void AddResidentPages(http::Router& router, std::shared_ptr<const Site> site) {
  router.Add("GET", "/", PageHandler(site, StartPage));
  router.Add("GET", "/uitdagen/{workflow}", PageHandler(site, ChallengePage));
  AddFormPages(router, site);
  AddCasePages(router, site);
  router.Add("GET", "/static/{version}/{name}",
             [site](Exchange& ex) { site->assets().Serve(ex); });
}

}  // namespace uitdaag::pages
