// Health and the workflows: what a challenger's form needs (fields with their limits, help texts
// and option labels, the form's pages; for a scoring form the assessment criteria with scale,
// weight and minimum), the phases a resident sees, and what an adopter reviews.
#include <Poco/JSON/Array.h>

#include "http/handlers.h"
#include "uitdaag/graph.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const WorkflowDefinition* FindOr404(Exchange& ex) {
  const WorkflowDefinition* def = ex.state().workflows->Latest(ex.Param("id"));
  if (def == nullptr) ex.Problem(404, "no workflow '" + ex.Param("id") + "'", "id");
  return def;
}

// An assessment criterion as a scoring form needs it: what is weighed, the scale of a score,
// the weight and the lowest passing score (null: none).
Object::Ptr CriterionJson(const CriterionDef& c) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", c.id);
  o->set("label", c.label);
  o->set("description", c.description);
  o->set("weight", c.weight);
  Object::Ptr scale = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  scale->set("min", c.scale_min);
  scale->set("max", c.scale_max);
  o->set("scale", scale);
  o->set("minimum", c.minimum ? Poco::Dynamic::Var(*c.minimum) : Poco::Dynamic::Var());
  return o;
}

Array::Ptr CriteriaJson(const std::vector<CriterionDef>& criteria) {
  Array::Ptr list = new Array();
  for (const CriterionDef& c : criteria) list->add(CriterionJson(c));
  return list;
}

// The options of a choice field as {value, label}, in the order written.
Array::Ptr OptionLabelsJson(const FieldDef& f) {
  Array::Ptr list = new Array();
  for (const std::string& option : f.options) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("value", option);
    o->set("label", f.OptionLabel(option));
    list->add(o);
  }
  return list;
}

// A form field with its limits; a criteria field carries the criteria it scores.
Object::Ptr FieldJson(const FieldDef& f, const std::vector<CriterionDef>& criteria) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("name", f.name);
  o->set("label", f.label);
  if (!f.help.empty()) o->set("help", f.help);
  o->set("type", FieldTypeName(f.type));
  if (f.type == FieldType::kText) o->set("multiline", f.multiline);
  if (f.type == FieldType::kList) o->set("item_type", FieldTypeName(f.item_type));
  o->set("required", f.required);
  if (f.integer) o->set("integer", true);
  if (f.min) o->set("min", *f.min);
  if (f.max) o->set("max", *f.max);
  if (f.min_date) o->set("min_date", f.min_date->ToIsoString());
  if (f.max_date) o->set("max_date", f.max_date->ToIsoString());
  if (f.min_length) o->set("min_length", *f.min_length);
  if (f.max_length) o->set("max_length", *f.max_length);
  if (f.min_items) o->set("min_items", *f.min_items);
  if (f.max_items) o->set("max_items", *f.max_items);
  if (!f.options.empty()) {
    Array::Ptr options = new Array();
    for (const std::string& option : f.options) options->add(option);
    o->set("options", options);
    o->set("option_labels", OptionLabelsJson(f));
  }
  if (f.type == FieldType::kCriteria) o->set("criteria", CriteriaJson(criteria));
  return o;
}

// The pages of a multi-step form; empty: one page.
Array::Ptr PagesJson(const FormDef& form) {
  Array::Ptr pages = new Array();
  for (const FormPageDef& page : form.pages) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("title", page.title);
    o->set("intro", page.intro);
    Array::Ptr fields = new Array();
    for (const std::string& field : page.fields) fields->add(field);
    o->set("fields", fields);
    pages->add(o);
  }
  return pages;
}

// The steps of the procedure a resident sees, in order.
Array::Ptr PhasesJson(const WorkflowDefinition& def) {
  Array::Ptr phases = new Array();
  for (const PhaseDef& phase : def.phases) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", phase.id);
    o->set("label", phase.label);
    phases->add(o);
  }
  return phases;
}

}  // namespace

void GetHealth(Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!store.ok()) {
    body.set("status", "unavailable");
    ex.Json(503, body);
    return;
  }
  // The worker's backlog: letters committed by steps and not rendered yet (0 when it keeps up).
  StatusOr<int64_t> letters_pending = (*store)->PendingLetters();
  if (!letters_pending.ok()) {
    body.set("status", "unavailable");
    ex.Json(503, body);
    return;
  }
  body.set("status", "ok");
  body.set("schema", (*store)->schema_version());
  body.set("workflows", static_cast<int>(ex.state().workflows->All().size()));
  body.set("letters_pending", *letters_pending);
  ex.Json(200, body);
}

void ListWorkflows(Exchange& ex) {
  Array list;
  for (const WorkflowDefinition* def : ex.state().workflows->All()) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", def->id);
    o->set("version", def->version);
    o->set("title", def->title);
    o->set("municipality", def->municipality);
    list.add(o);
  }
  ex.Json(200, list);
}

void GetWorkflow(Exchange& ex) {
  const WorkflowDefinition* def = FindOr404(ex);
  if (def == nullptr) return;
  Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("id", def->id);
  body.set("version", def->version);
  body.set("title", def->title);
  body.set("municipality", def->municipality);
  body.set("challenger_role", def->challenger_role);
  body.set("submission_event", def->submission_event);
  body.set("phases", PhasesJson(*def));
  Array::Ptr states = new Array();
  for (const StateDef& s : def->states) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", s.id);
    o->set("label", s.label);
    o->set("public_label", s.public_label);
    o->set("phase", s.phase);
    o->set("initial", s.initial);
    o->set("final", s.final);
    Array::Ptr events = new Array();
    for (const TransitionDef& t : s.transitions) events->add(t.event);
    o->set("events", events);
    states->add(o);
  }
  body.set("states", states);
  Array::Ptr events = new Array();
  for (const auto& [id, e] : def->events) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", id);
    o->set("label", e.label);
    Array::Ptr roles = new Array();
    for (const std::string& role : e.roles) roles->add(role);
    o->set("roles", roles);
    o->set("form", e.form);
    o->set("timer", e.timer);
    events->add(o);
  }
  body.set("events", events);
  Array::Ptr deadlines = new Array();
  for (const auto& [id, d] : def->deadlines) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", id);
    o->set("label", d.label);
    deadlines->add(o);
  }
  body.set("deadlines", deadlines);
  body.set("criteria", CriteriaJson(def->criteria));
  ex.Json(200, body);
}

void GetWorkflowGraph(Exchange& ex) {
  const WorkflowDefinition* def = FindOr404(ex);
  if (def == nullptr) return;
  const std::string format = ex.Query("format").value_or("dot");
  if (format == "dot") {
    ex.Bytes(200, "text/vnd.graphviz; charset=utf-8", ToDot(*def));
  } else if (format == "mermaid") {
    ex.Bytes(200, "text/plain; charset=utf-8", ToMermaid(*def));
  } else {
    ex.Problem(422, "format must be dot or mermaid", "format");
  }
}

void GetWorkflowForm(Exchange& ex) {
  const WorkflowDefinition* def = FindOr404(ex);
  if (def == nullptr) return;
  const EventDef* event = def->FindEvent(ex.Param("event"));
  if (event == nullptr) {
    ex.Problem(404, "workflow '" + def->id + "' has no event '" + ex.Param("event") + "'", "event");
    return;
  }
  Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("event", event->id);
  body.set("label", event->label);
  Array::Ptr fields = new Array();
  Array::Ptr pages = new Array();
  if (const FormDef* form = def->FindForm(event->form)) {
    body.set("form", form->name);
    for (const FieldDef& f : form->fields) fields->add(FieldJson(f, def->criteria));
    pages = PagesJson(*form);
  }
  body.set("fields", fields);
  body.set("pages", pages);
  ex.Json(200, body);
}

}  // namespace uitdaag::http
