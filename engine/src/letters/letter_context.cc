// The letter data contract, built twice from the same names: the data for one case
// (BuildLetterContext) and its shape for a workflow (ContextSchemaFor, used by the template
// check). Keep the two side by side when the contract changes.
#include "uitdaag/letter_context.h"

#include <algorithm>
#include <map>
#include <string>

#include "context_schema.h"
#include "contract_names.h"
#include "uitdaag/engine.h"
#include "uitdaag/letter_format.h"

namespace uitdaag {
namespace {

namespace c = contract;
using letters_internal::SchemaNode;

std::string Key(std::string_view name) { return std::string(name); }

// A choice option as text: its id with underscores as spaces ("deels toegewezen").
std::string OptionText(std::string_view option) {
  std::string text(option);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// The declared type of every stored field: form fields (criteria excluded) and variables.
struct FieldShape {
  FieldType type = FieldType::kText;
  FieldType item_type = FieldType::kText;
};
std::map<std::string, FieldShape, std::less<>> FieldShapes(const WorkflowDefinition& def) {
  std::map<std::string, FieldShape, std::less<>> shapes;
  for (const auto& [form_id, form] : def.forms) {
    for (const FieldDef& field : form.fields) {
      if (field.type == FieldType::kCriteria) continue;
      shapes.emplace(field.name, FieldShape{field.type, field.item_type});
    }
  }
  for (const auto& [id, var] : def.variables) shapes.emplace(id, FieldShape{var.type, var.type});
  return shapes;
}

bool IsChoice(const FieldShape& shape) {
  return shape.type == FieldType::kChoice ||
         (shape.type == FieldType::kList && shape.item_type == FieldType::kChoice);
}

// A stored value in its Dutch form; `choice` turns option ids into words.
Value Formatted(const Value& v, bool choice, const Language& lang) {
  switch (v.type()) {
    case ValueType::kBool:
      return v;
    case ValueType::kNumber:
      return Value::Text(FormatNumber(v.as_number()));
    case ValueType::kMoney:
      return Value::Text(FormatMoney(v.as_money()));
    case ValueType::kDate:
      return Value::Text(FormatDate(v.as_date(), lang));
    case ValueType::kText:
      return Value::Text(choice ? OptionText(v.as_text()) : v.as_text());
    case ValueType::kList: {
      ValueList items;
      for (const Value& item : v.as_list()) items.push_back(Formatted(item, choice, lang));
      return Value::List(std::move(items));
    }
    case ValueType::kNull:
    case ValueType::kRecord:
      break;
  }
  return Value();
}

Value PartyRecord(const Party& p) {
  ValueRecord r;
  r[Key(c::kPartyName)] = Value::Text(p.name);
  r[Key(c::kPartyContact)] = Value::Text(p.contact_person);
  r[Key(c::kPartySalutation)] = Value::Text(p.salutation);
  r[Key(c::kPartyAddress)] = Value::Text(p.address);
  r[Key(c::kPartyPostcode)] = Value::Text(p.postcode);
  r[Key(c::kPartyCity)] = Value::Text(p.city);
  r[Key(c::kPartyEmail)] = Value::Text(p.email);
  r[Key(c::kPartyPhone)] = Value::Text(p.phone);
  return Value::Record(std::move(r));
}

Value CaseRecord(const WorkflowDefinition& def, const CaseSnapshot& s, const Language& lang) {
  ValueRecord r;
  r[Key(c::kCaseNumber)] = Value::Text(s.id);
  // The first accepted event that started a deadline (Awb 4:3a: the day of receipt). Restarted
  // tracks only move later, so the earliest start is that event's date.
  std::optional<Date> received;
  for (const auto& [id, track] : s.deadlines) {
    if (!received || track.start < *received) received = track.start;
  }
  if (!received) received = s.created_at.LocalDate();
  r[Key(c::kCaseReceived)] = Value::Text(FormatDate(*received, lang));
  const StateDef* state = def.FindState(s.state);
  r[Key(c::kCaseStatus)] = Value::Text(state != nullptr ? state->label : s.state);
  r[Key(c::kCaseType)] = Value::Text(def.title);
  return Value::Record(std::move(r));
}

Value DataRecord(const WorkflowDefinition& def, const CaseSnapshot& s, const Language& lang,
                 Value* choices) {
  const auto shapes = FieldShapes(def);
  ValueRecord data;
  ValueRecord keuze;
  for (const auto& [name, value] : s.data) {
    auto shape = shapes.find(name);
    if (shape == shapes.end()) continue;  // criteria fields: use `criteria`
    const bool choice = IsChoice(shape->second);
    Value formatted = Formatted(value, choice, lang);
    if (formatted.is_null()) continue;
    data[name] = std::move(formatted);
    if (!choice) continue;
    ValueRecord selected;
    if (value.type() == ValueType::kText) selected[value.as_text()] = Value::Bool(true);
    if (value.type() == ValueType::kList) {
      for (const Value& item : value.as_list()) {
        if (item.type() == ValueType::kText) selected[item.as_text()] = Value::Bool(true);
      }
    }
    keuze[name] = Value::Record(std::move(selected));
  }
  *choices = Value::Record(std::move(keuze));
  return Value::Record(std::move(data));
}

Value ParamsRecord(const WorkflowDefinition& def, const Language& lang) {
  ValueRecord params;
  for (const auto& [id, p] : def.parameters) {
    switch (p.kind) {
      case ParameterDef::Kind::kDuration:
        params[id] = Value::Text(FormatDuration(p.duration, lang));
        break;
      case ParameterDef::Kind::kChoice:
      case ParameterDef::Kind::kList:
        params[id] = Formatted(p.value, true, lang);
        break;
      default:
        params[id] = Formatted(p.value, false, lang);
    }
  }
  return Value::Record(std::move(params));
}

Value DeadlinesRecord(const WorkflowDefinition& def, const CaseSnapshot& s, Date as_of,
                      const Language& lang) {
  ValueRecord deadlines;
  for (const auto& [id, track] : s.deadlines) {
    const DeadlineDef* dd = def.FindDeadline(id);
    auto computed = ComputeCaseDeadline(def, s, id, as_of);
    if (dd == nullptr || !computed.ok()) continue;
    ValueRecord r;
    r[Key(c::kDeadlineEnd)] = Value::Text(FormatDate(computed->legal_end, lang));
    if (computed->target_end) {
      r[Key(c::kDeadlineTarget)] = Value::Text(FormatDate(*computed->target_end, lang));
    }
    r[Key(c::kDeadlineDuration)] = Value::Text(DescribeRule(dd->rule, lang));
    r[Key(c::kDeadlineExplanation)] = Value::Text(ExplainDeadline(*computed, dd->rule, lang));
    r[Key(c::kDeadlineActive)] = Value::Bool(track.active());
    r[Key(c::kDeadlineSuspended)] = Value::Bool(track.status == DeadlineStatus::kSuspended);
    r[Key(c::kDeadlineProvisional)] = Value::Bool(computed->provisional);
    r[Key(c::kDeadlineExpired)] = Value::Bool(track.status == DeadlineStatus::kExpired);
    deadlines[id] = Value::Record(std::move(r));
  }
  return Value::Record(std::move(deadlines));
}

// The scored criteria (Awb 3:46) and the decision's basis.
void AssessmentRecords(const WorkflowDefinition& def, const CaseSnapshot& s,
                       const Language& lang, Value* criteria, Value* decision) {
  ValueList items;
  double total = 0;
  double max_total = 0;
  int failed = 0;
  bool all_scored = !def.criteria.empty();
  for (const CriterionDef& cd : def.criteria) {
    max_total += cd.weight * cd.scale_max;
    auto it = s.scores.find(cd.id);
    if (it == s.scores.end()) {
      all_scored = false;
      continue;
    }
    const int score = it->second.score;
    const bool passes = !cd.minimum || score >= *cd.minimum;
    if (!passes) ++failed;
    total += cd.weight * score;
    ValueRecord r;
    r[Key(c::kCriterionLabel)] = Value::Text(cd.label);
    r[Key(c::kCriterionDescription)] = Value::Text(cd.description);
    r[Key(c::kCriterionScore)] = Value::Text(FormatNumber(score));
    r[Key(c::kCriterionScaleMin)] = Value::Text(FormatNumber(cd.scale_min));
    r[Key(c::kCriterionScaleMax)] = Value::Text(FormatNumber(cd.scale_max));
    if (cd.minimum) r[Key(c::kCriterionMinimum)] = Value::Text(FormatNumber(*cd.minimum));
    r[Key(c::kCriterionWeight)] = Value::Text(FormatNumber(cd.weight));
    r[Key(c::kCriterionReason)] = Value::Text(it->second.reason);
    r[Key(c::kCriterionPasses)] = Value::Bool(passes);
    items.push_back(Value::Record(std::move(r)));
  }
  ValueRecord d;
  d[Key(c::kDecisionAssessed)] = Value::Bool(!items.empty());
  d[Key(c::kDecisionAllPassed)] = Value::Bool(all_scored && failed == 0);
  d[Key(c::kDecisionFailedCount)] = Value::Text(FormatNumber(failed));
  d[Key(c::kDecisionTotal)] = Value::Text(FormatNumber(total));
  d[Key(c::kDecisionMaxTotal)] = Value::Text(FormatNumber(max_total));
  // The decision date: the day the deadline that carries the late-decision penalty stopped.
  for (const auto& [id, dd] : def.deadlines) {
    if (!dd.late_penalty) continue;
    auto track = s.deadlines.find(id);
    if (track != s.deadlines.end() && track->second.stopped_on) {
      d[Key(c::kDecisionDate)] = Value::Text(FormatDate(*track->second.stopped_on, lang));
    }
  }
  *criteria = Value::List(std::move(items));
  *decision = Value::Record(std::move(d));
}

Value MunicipalityRecord(const WorkflowDefinition& def, const MunicipalityProfile& profile) {
  ValueRecord r;
  if (profile.municipality.type() == ValueType::kRecord) r = profile.municipality.as_record();
  r[Key(c::kIsBeschikking)] = Value::Bool(DecisionIsBeschikking(def, profile));
  return Value::Record(std::move(r));
}

}  // namespace

bool DecisionIsBeschikking(const WorkflowDefinition& workflow, const MunicipalityProfile& profile) {
  const ParameterDef* p = workflow.FindParameter(c::kLegalCharacter);
  if (p != nullptr && p->value.type() == ValueType::kText) {
    return p->value.as_text() != c::kCharacterNone;
  }
  if (profile.legal_character) return *profile.legal_character != c::kCharacterNone;
  return true;
}

Value BuildLetterContext(const LetterInput& in) {
  const WorkflowDefinition& def = *in.workflow;
  const CaseSnapshot& s = *in.snapshot;
  const Language& lang = *in.language;
  ValueRecord root;
  root[Key(c::kMunicipality)] = MunicipalityRecord(def, *in.profile);
  root[Key(c::kCase)] = CaseRecord(def, s, lang);
  if (in.applicant) root[Key(c::kApplicant)] = PartyRecord(*in.applicant);
  if (in.handler) root[Key(c::kHandler)] = PartyRecord(*in.handler);
  root[Key(c::kLetter)] =
      Value::Record({{Key(c::kLetterDate), Value::Text(FormatDate(in.letter_date, lang))}});
  Value choices;
  root[Key(c::kData)] = DataRecord(def, s, lang, &choices);
  root[Key(c::kChoice)] = std::move(choices);
  root[Key(c::kParams)] = ParamsRecord(def, lang);
  root[Key(c::kDeadlines)] = DeadlinesRecord(def, s, in.letter_date, lang);
  Value criteria;
  Value decision;
  AssessmentRecords(def, s, lang, &criteria, &decision);
  root[Key(c::kCriteria)] = std::move(criteria);
  root[Key(c::kDecision)] = std::move(decision);
  return Value::Record(std::move(root));
}

namespace letters_internal {

SchemaNode& SchemaNode::Field(std::string_view dotted, SchemaNode shape) {
  SchemaNode* node = this;
  while (true) {
    const size_t dot = dotted.find('.');
    const std::string head(dotted.substr(0, dot));
    if (dot == std::string_view::npos) {
      auto [it, inserted] = node->fields.emplace(head, std::move(shape));
      return it->second;
    }
    auto [it, inserted] = node->fields.emplace(head, SchemaNode::Record());
    node = &it->second;
    dotted.remove_prefix(dot + 1);
  }
}

const SchemaNode* SchemaNode::Find(std::string_view name) const {
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

std::vector<std::string> SchemaNode::FieldNames() const {
  std::vector<std::string> names;
  for (const auto& [name, node] : fields) names.push_back(name);
  return names;
}

SchemaNode ContextSchemaFor(const WorkflowDefinition& def) {
  SchemaNode root = SchemaNode::Record();
  SchemaNode& gemeente = root.Field(c::kMunicipality, SchemaNode::Record());
  for (const c::ProfileKey& key : c::kProfileKeys) gemeente.Field(key.path);
  gemeente.Field(c::kIsBeschikking);

  SchemaNode& zaak = root.Field(c::kCase, SchemaNode::Record());
  for (auto name : {c::kCaseNumber, c::kCaseReceived, c::kCaseStatus, c::kCaseType}) {
    zaak.Field(name);
  }
  for (auto section : {c::kApplicant, c::kHandler}) {
    SchemaNode& party = root.Field(section, SchemaNode::Record());
    for (auto name : {c::kPartyName, c::kPartyContact, c::kPartySalutation, c::kPartyAddress,
                      c::kPartyPostcode,
                      c::kPartyCity, c::kPartyEmail, c::kPartyPhone}) {
      party.Field(name);
    }
  }
  root.Field(c::kLetter, SchemaNode::Record()).Field(c::kLetterDate);

  SchemaNode& data = root.Field(c::kData, SchemaNode::Record());
  SchemaNode& keuze = root.Field(c::kChoice, SchemaNode::Record());
  const auto shapes = FieldShapes(def);
  std::map<std::string, std::vector<std::string>> options;
  for (const auto& [form_id, form] : def.forms) {
    for (const FieldDef& f : form.fields) {
      if (f.type == FieldType::kChoice || f.item_type == FieldType::kChoice) {
        options[f.name].insert(options[f.name].end(), f.options.begin(), f.options.end());
      }
    }
  }
  for (const auto& [name, shape] : shapes) {
    data.Field(name, shape.type == FieldType::kList ? SchemaNode::List(SchemaNode::Value())
                                                    : SchemaNode::Value());
    if (!IsChoice(shape)) continue;
    SchemaNode& field = keuze.Field(name, SchemaNode::Record());
    for (const std::string& option : options[name]) field.Field(option);
  }

  SchemaNode& params = root.Field(c::kParams, SchemaNode::Record());
  for (const auto& [id, p] : def.parameters) {
    params.Field(id, p.kind == ParameterDef::Kind::kList ? SchemaNode::List(SchemaNode::Value())
                                                         : SchemaNode::Value());
  }

  SchemaNode& termijnen = root.Field(c::kDeadlines, SchemaNode::Record());
  for (const auto& [id, dd] : def.deadlines) {
    SchemaNode& t = termijnen.Field(id, SchemaNode::Record());
    for (auto name : {c::kDeadlineEnd, c::kDeadlineTarget, c::kDeadlineDuration,
                      c::kDeadlineExplanation, c::kDeadlineActive, c::kDeadlineSuspended,
                      c::kDeadlineProvisional, c::kDeadlineExpired}) {
      t.Field(name);
    }
  }

  SchemaNode criterion = SchemaNode::Record();
  for (auto name : {c::kCriterionLabel, c::kCriterionDescription, c::kCriterionScore,
                    c::kCriterionScaleMin, c::kCriterionScaleMax, c::kCriterionMinimum,
                    c::kCriterionWeight, c::kCriterionReason, c::kCriterionPasses}) {
    criterion.Field(name);
  }
  root.Field(c::kCriteria, SchemaNode::List(std::move(criterion)));

  SchemaNode& besluit = root.Field(c::kDecision, SchemaNode::Record());
  for (auto name : {c::kDecisionAssessed, c::kDecisionAllPassed, c::kDecisionFailedCount,
                    c::kDecisionTotal, c::kDecisionMaxTotal, c::kDecisionDate}) {
    besluit.Field(name);
  }
  return root;
}

}  // namespace letters_internal
}  // namespace uitdaag
