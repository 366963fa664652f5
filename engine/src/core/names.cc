#include "uitdaag/names.h"

namespace uitdaag {

std::optional<Type> ParameterType(const ParameterDef& param) {
  switch (param.kind) {
    case ParameterDef::Kind::kDuration: return std::nullopt;
    case ParameterDef::Kind::kNumber: return Type::Of(ValueType::kNumber);
    case ParameterDef::Kind::kMoney: return Type::Of(ValueType::kMoney);
    case ParameterDef::Kind::kText: return Type::Of(ValueType::kText);
    case ParameterDef::Kind::kBool: return Type::Of(ValueType::kBool);
    case ParameterDef::Kind::kChoice: return Type::Choice(param.options);
    case ParameterDef::Kind::kList:
      return Type::ListOf(param.options.empty() ? Type::Of(ValueType::kText)
                                                : Type::Choice(param.options));
  }
  return std::nullopt;
}

WorkflowTypeEnvironment::WorkflowTypeEnvironment(const WorkflowDefinition& def,
                                                 const EventDef* event) {
  for (auto& [name, type] : def.DataTypes()) types_.emplace("data." + name, type);
  if (event != nullptr && !event->form.empty()) {
    if (const FormDef* form = def.FindForm(event->form)) {
      for (const FieldDef& field : form->fields) {
        if (field.type == FieldType::kCriteria) continue;
        types_.emplace("event." + field.name, FieldValueType(field));
      }
    }
  }
  for (const auto& [id, param] : def.parameters) {
    if (auto type = ParameterType(param)) types_.emplace("params." + id, *type);
  }
  const Type boolean = Type::Of(ValueType::kBool);
  const Type number = Type::Of(ValueType::kNumber);
  types_.emplace("assessment.complete", boolean);
  types_.emplace("assessment.passed", boolean);
  types_.emplace("assessment.total", number);
  types_.emplace("assessment.scored", number);
  types_.emplace("assessment.failed", number);
  for (const auto& [id, deadline] : def.deadlines) {
    types_.emplace("deadline." + id + ".active", boolean);
    types_.emplace("deadline." + id + ".expired", boolean);
  }
}

std::optional<Type> WorkflowTypeEnvironment::TypeOf(std::string_view path) const {
  auto it = types_.find(path);
  if (it == types_.end()) return std::nullopt;
  return it->second;
}

}  // namespace uitdaag
