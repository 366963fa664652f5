// GET /api/figures: figures for the council (uitdaag/case_figures.h). With `year`: the cases
// submitted that year, per workflow: where they stand, how they were decided, how long that took
// and how many decisions were in time. Without: the years that have cases.
#include <Poco/JSON/Array.h>

#include <cmath>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/query_params.h"
#include "uitdaag/case_figures.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

double Rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Array::Ptr CountsJson(const std::vector<StateCount>& counts) {
  Array::Ptr list = new Array();
  for (const StateCount& c : counts) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("state", c.state);
    o->set("label", c.label);
    o->set("count", c.count);
    list->add(o);
  }
  return list;
}

Object::Ptr WorkflowFiguresJson(const WorkflowFigures& w) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("workflow", w.workflow_id);
  o->set("title", w.title);
  o->set("submitted", w.submitted);
  o->set("states", CountsJson(w.states));
  Object::Ptr decisions = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  decisions->set("count", w.decided);
  decisions->set("in_time", w.decided_in_time);
  decisions->set(
      "share_in_time",
      w.decided == 0
          ? Poco::Dynamic::Var()
          : Poco::Dynamic::Var(Rounded(
                static_cast<double>(w.decided_in_time) / static_cast<double>(w.decided), 4)));
  decisions->set("outcomes", CountsJson(w.outcomes));
  o->set("decisions", decisions);
  Object::Ptr lead = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  lead->set("count", w.lead_time.count);
  if (w.lead_time.count == 0) {
    lead->set("median", Poco::Dynamic::Var());
    lead->set("mean", Poco::Dynamic::Var());
    lead->set("max", Poco::Dynamic::Var());
  } else {
    lead->set("median", w.lead_time.median);
    lead->set("mean", Rounded(w.lead_time.mean, 1));
    lead->set("max", w.lead_time.max);
  }
  o->set("lead_time_days", lead);
  return o;
}

}  // namespace

void GetFigures(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const auto params = ReadQueryParams(ex, {"year", "workflow"});
  if (!params) return;
  std::string workflow;
  if (auto it = params->find("workflow"); it != params->end()) {
    if (ex.state().workflows->Latest(it->second) == nullptr) {
      ex.Problem(422, "workflow: no workflow '" + it->second + "'", "workflow");
      return;
    }
    workflow = it->second;
  }
  auto year_param = params->find("year");
  if (year_param == params->end()) {
    StatusOr<std::vector<YearCount>> years = store.CasesPerYear(workflow);
    if (!years.ok()) return ex.Fail(years.status());
    Object out(Poco::JSON_PRESERVE_KEY_ORDER);
    Array::Ptr list = new Array();
    for (const YearCount& y : *years) {
      Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      o->set("year", y.year);
      o->set("submitted", y.cases);
      list->add(o);
    }
    out.set("years", list);
    ex.Json(200, out);
    return;
  }
  const std::optional<int> year = BoundedInt(year_param->second, 1980, 9998);
  if (!year) {
    ex.Problem(422, "year: a year from 1980 to 9998", "year");
    return;
  }
  StatusOr<YearFigures> figures = LoadYearFigures(store, *ex.state().workflows, *year, workflow);
  if (!figures.ok()) return ex.Fail(figures.status());
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("year", figures->year);
  out.set("submitted", figures->submitted);
  Array::Ptr sections = new Array();
  for (const WorkflowFigures& w : figures->workflows) sections->add(WorkflowFiguresJson(w));
  out.set("workflows", sections);
  ex.Json(200, out);
}

}  // namespace uitdaag::http
