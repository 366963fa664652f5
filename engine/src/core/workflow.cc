// WorkflowDefinition look-ups and the derived views the engine and the loader share.
#include "uitdaag/workflow.h"

#include <algorithm>
#include <cassert>

namespace uitdaag {

std::string SourceLocation::ToString() const {
  std::string out = file;
  if (line <= 0) return out;
  out += ":" + std::to_string(line);
  if (column > 0) out += ":" + std::to_string(column);
  return out;
}

namespace {

template <typename Map>
const typename Map::mapped_type* FindIn(const Map& map, std::string_view id) {
  auto it = map.find(std::string(id));
  return it == map.end() ? nullptr : &it->second;
}

bool Excluded(const WorkflowDefinition& def, std::string_view event, std::string_view state) {
  auto it = def.any_state_except.find(std::string(event));
  if (it == def.any_state_except.end()) return false;
  return std::find(it->second.begin(), it->second.end(), state) != it->second.end();
}

}  // namespace

const StateDef* WorkflowDefinition::FindState(std::string_view state_id) const {
  for (const StateDef& state : states) {
    if (state.id == state_id) return &state;
  }
  return nullptr;
}

const EventDef* WorkflowDefinition::FindEvent(std::string_view event_id) const {
  return FindIn(events, event_id);
}

const FormDef* WorkflowDefinition::FindForm(std::string_view form_id) const {
  return FindIn(forms, form_id);
}

const DeadlineDef* WorkflowDefinition::FindDeadline(std::string_view deadline_id) const {
  return FindIn(deadlines, deadline_id);
}

const ParameterDef* WorkflowDefinition::FindParameter(std::string_view parameter_id) const {
  return FindIn(parameters, parameter_id);
}

const CriterionDef* WorkflowDefinition::FindCriterion(std::string_view criterion_id) const {
  for (const CriterionDef& criterion : criteria) {
    if (criterion.id == criterion_id) return &criterion;
  }
  return nullptr;
}

const PhaseDef* WorkflowDefinition::FindPhase(std::string_view phase_id) const {
  for (const PhaseDef& phase : phases) {
    if (phase.id == phase_id) return &phase;
  }
  return nullptr;
}

const StateDef& WorkflowDefinition::InitialState() const {
  for (const StateDef& state : states) {
    if (state.initial) return state;
  }
  assert(false && "InitialState() on a definition without an initial state");
  static const StateDef kNone;
  return states.empty() ? kNone : states.front();
}

std::vector<const TransitionDef*> WorkflowDefinition::CandidateTransitions(
    std::string_view state, std::string_view event) const {
  std::vector<const TransitionDef*> out;
  const StateDef* source = FindState(state);
  if (source == nullptr) return out;
  for (const TransitionDef& transition : source->transitions) {
    if (transition.event == event) out.push_back(&transition);
  }
  if (source->final || Excluded(*this, event, state)) return out;
  for (const TransitionDef& transition : any_state) {
    if (transition.event == event) out.push_back(&transition);
  }
  return out;
}

std::map<std::string, Type> WorkflowDefinition::DataTypes() const {
  std::map<std::string, Type> types;
  for (const auto& [form_id, form] : forms) {
    for (const FieldDef& field : form.fields) {
      if (field.type == FieldType::kCriteria) continue;
      types.emplace(field.name, FieldValueType(field));
    }
  }
  for (const auto& [variable_id, variable] : variables) {
    FieldDef as_field;
    as_field.name = variable_id;
    as_field.type = variable.type;
    types.emplace(variable_id, FieldValueType(as_field));
  }
  return types;
}

}  // namespace uitdaag
