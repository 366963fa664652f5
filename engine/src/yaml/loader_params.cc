// The `parameters:` and `variables:` sections of a workflow YAML.
#include <algorithm>

#include "loader_internal.h"

namespace uitdaag::loader_internal {

const char* ParameterKindName(ParameterDef::Kind kind) {
  switch (kind) {
    case ParameterDef::Kind::kDuration:
      return "duration";
    case ParameterDef::Kind::kNumber:
      return "number";
    case ParameterDef::Kind::kMoney:
      return "money";
    case ParameterDef::Kind::kText:
      return "text";
    case ParameterDef::Kind::kChoice:
      return "choice";
    case ParameterDef::Kind::kList:
      return "list";
    case ParameterDef::Kind::kBool:
      return "bool";
  }
  return "text";
}

namespace {

std::optional<ParameterDef::Kind> ParseParameterKind(std::string_view name) {
  for (auto kind :
       {ParameterDef::Kind::kDuration, ParameterDef::Kind::kNumber, ParameterDef::Kind::kMoney,
        ParameterDef::Kind::kText, ParameterDef::Kind::kChoice, ParameterDef::Kind::kList,
        ParameterDef::Kind::kBool}) {
    if (name == ParameterKindName(kind)) return kind;
  }
  return std::nullopt;
}

// A scalar value of a simple type (number, money, text, date, bool), as a Value.
std::optional<Value> ReadSimpleValue(LoadContext& ctx, const Entry& entry, FieldType type,
                                     const std::string& owner) {
  if (type == FieldType::kNumber) {
    std::optional<double> number = yaml_internal::ReadNumber(ctx.doc, entry);
    if (!number) return std::nullopt;
    return Value::Number(*number);
  }
  if (type == FieldType::kBool) {
    std::optional<bool> flag = yaml_internal::ReadBool(ctx.doc, entry);
    if (!flag) return std::nullopt;
    return Value::Bool(*flag);
  }
  std::optional<yaml_internal::Scalar> scalar = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!scalar) return std::nullopt;
  if (type == FieldType::kMoney) {
    StatusOr<Money> money = Money::Parse(scalar->text);
    if (money.ok()) return Value::OfMoney(*money);
    ctx.Error(scalar->where, owner + ": " + money.status().message());
    return std::nullopt;
  }
  if (type == FieldType::kDate) {
    StatusOr<Date> date = Date::Parse(scalar->text);
    if (date.ok()) return Value::OfDate(*date);
    ctx.Error(scalar->where, owner + ": " + date.status().message() + " (write YYYY-MM-DD)");
    return std::nullopt;
  }
  return Value::Text(scalar->text);
}

std::vector<std::string> TextsOf(const std::vector<yaml_internal::Scalar>& scalars) {
  std::vector<std::string> texts;
  for (const auto& scalar : scalars) texts.push_back(scalar.text);
  return texts;
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<Value> ReadChoiceValue(LoadContext& ctx, const Entry& entry,
                                     const ParameterDef& param, const std::string& owner) {
  std::optional<yaml_internal::Scalar> scalar = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!scalar) return std::nullopt;
  if (!Contains(param.options, scalar->text)) {
    ctx.Error(scalar->where, owner + ": value " + Quote(scalar->text) +
                                 " is not one of its options (" +
                                 yaml_internal::KnownNames(scalar->text, param.options) + ")");
    return std::nullopt;
  }
  return Value::Text(scalar->text);
}

std::optional<Value> ReadListValue(LoadContext& ctx, const Entry& entry, const ParameterDef& param,
                                   const std::string& owner) {
  auto items = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!items) return std::nullopt;
  ValueList values;
  bool ok = true;
  for (const auto& item : *items) {
    if (!param.options.empty() && !Contains(param.options, item.text)) {
      ctx.Error(item.where, owner + ": value " + Quote(item.text) + " is not one of its options (" +
                                yaml_internal::KnownNames(item.text, param.options) + ")");
      ok = false;
    }
    values.push_back(Value::Text(item.text));
  }
  if (!ok) return std::nullopt;
  return Value::List(std::move(values));
}

void ReadParameterValue(LoadContext& ctx, const Entry& entry, ParameterDef& param) {
  const std::string owner = "parameter " + Quote(param.id);
  switch (param.kind) {
    case ParameterDef::Kind::kDuration: {
      std::optional<yaml_internal::Scalar> scalar = yaml_internal::ReadScalar(ctx.doc, entry);
      if (!scalar) return;
      StatusOr<Duration> duration = Duration::Parse(scalar->text);
      if (duration.ok()) {
        param.duration = *duration;
      } else {
        ctx.Error(scalar->where, owner + ": " + duration.status().message());
      }
      return;
    }
    case ParameterDef::Kind::kNumber:
      if (auto v = ReadSimpleValue(ctx, entry, FieldType::kNumber, owner)) param.value = *v;
      return;
    case ParameterDef::Kind::kMoney:
      if (auto v = ReadSimpleValue(ctx, entry, FieldType::kMoney, owner)) param.value = *v;
      return;
    case ParameterDef::Kind::kText:
      if (auto v = ReadSimpleValue(ctx, entry, FieldType::kText, owner)) param.value = *v;
      return;
    case ParameterDef::Kind::kBool:
      if (auto v = ReadSimpleValue(ctx, entry, FieldType::kBool, owner)) param.value = *v;
      return;
    case ParameterDef::Kind::kChoice:
      if (auto v = ReadChoiceValue(ctx, entry, param, owner)) param.value = *v;
      return;
    case ParameterDef::Kind::kList:
      if (auto v = ReadListValue(ctx, entry, param, owner)) param.value = *v;
      return;
  }
}

void ReadParameter(LoadContext& ctx, const Entry& item) {
  ParameterDef param;
  param.id = item.key;
  param.where = item.key_where;
  CheckIdentifier(ctx, param.id, item.key_where, "parameter");
  Mapping map(ctx.doc, item.value, "parameter " + Quote(param.id), item.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"label", "type", "value", "options"});
  if (const Entry* label = map.Find("label"))
    param.label = yaml_internal::ReadText(ctx.doc, *label).value_or("");
  const Entry* type = map.Require("type", "duration, number, money, text, choice, list or bool");
  if (type == nullptr) return;
  std::optional<std::string> type_name = yaml_internal::ReadText(ctx.doc, *type);
  if (!type_name) return;
  std::optional<ParameterDef::Kind> kind = ParseParameterKind(*type_name);
  if (!kind) {
    ctx.Error(type->value_where,
              "unknown parameter type " + Quote(*type_name) +
                  " (allowed: duration, number, money, text, choice, list, bool)");
    return;
  }
  param.kind = *kind;
  const bool takes_options =
      *kind == ParameterDef::Kind::kChoice || *kind == ParameterDef::Kind::kList;
  if (const Entry* options = map.Find("options")) {
    if (!takes_options) {
      ctx.Error(options->key_where, "parameter " + Quote(param.id) + " is a " + *type_name +
                                        "; only choice and list parameters take 'options'");
    } else if (auto list = yaml_internal::ReadScalarList(ctx.doc, *options)) {
      param.options = TextsOf(*list);
    }
  } else if (*kind == ParameterDef::Kind::kChoice) {
    ctx.Error(map.where(), "choice parameter " + Quote(param.id) + " needs 'options'");
  }
  if (const Entry* value = map.Require("value")) ReadParameterValue(ctx, *value, param);
  ctx.def.parameters.emplace(param.id, std::move(param));
}

std::optional<FieldType> ParseVariableType(std::string_view name) {
  std::optional<FieldType> type = ParseFieldType(name);
  if (!type) return std::nullopt;
  switch (*type) {
    case FieldType::kNumber:
    case FieldType::kMoney:
    case FieldType::kText:
    case FieldType::kDate:
    case FieldType::kBool:
      return type;
    default:
      return std::nullopt;
  }
}

void ReadVariable(LoadContext& ctx, const Entry& item) {
  VariableDef variable;
  variable.id = item.key;
  variable.where = item.key_where;
  CheckIdentifier(ctx, variable.id, item.key_where, "variable");
  Mapping map(ctx.doc, item.value, "variable " + Quote(variable.id), item.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"type", "initial", "label"});
  if (const Entry* label = map.Find("label")) yaml_internal::ReadText(ctx.doc, *label);
  const Entry* type = map.Require("type", "number, money, text, date or bool");
  if (type == nullptr) return;
  std::optional<std::string> type_name = yaml_internal::ReadText(ctx.doc, *type);
  if (!type_name) return;
  std::optional<FieldType> field_type = ParseVariableType(*type_name);
  if (!field_type) {
    ctx.Error(type->value_where, "unknown variable type " + Quote(*type_name) +
                                     " (allowed: number, money, text, date, bool)");
    return;
  }
  variable.type = *field_type;
  if (const Entry* initial = map.Find("initial")) {
    if (auto value =
            ReadSimpleValue(ctx, *initial, variable.type, "variable " + Quote(variable.id))) {
      variable.initial = *value;
    }
  }
  ctx.def.variables.emplace(variable.id, std::move(variable));
}

}  // namespace

void ReadParametersSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'parameters'", entry.key_where);
  for (const Entry& item : map.entries()) ReadParameter(ctx, item);
}

void ReadVariablesSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'variables'", entry.key_where);
  for (const Entry& item : map.entries()) ReadVariable(ctx, item);
}

}  // namespace uitdaag::loader_internal
