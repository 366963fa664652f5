// LoadWorkflowFile / LoadWorkflowText: reads the sections of a workflow YAML in dependency order,
// then runs the whole-definition checks. Sections: this file (workflow, templates, calendar,
// parameters, roles, variables), loader_forms.cc, loader_events.cc, loader_states.cc.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader_internal.h"
#include "uitdaag/loader.h"

namespace uitdaag {

namespace loader_internal {

namespace {

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

const char* ParameterKindName(ParameterDef::Kind kind) {
  switch (kind) {
    case ParameterDef::Kind::kDuration: return "duration";
    case ParameterDef::Kind::kNumber: return "number";
    case ParameterDef::Kind::kMoney: return "money";
    case ParameterDef::Kind::kText: return "text";
    case ParameterDef::Kind::kChoice: return "choice";
    case ParameterDef::Kind::kList: return "list";
    case ParameterDef::Kind::kBool: return "bool";
  }
  return "text";
}

std::optional<ParameterDef::Kind> ParseParameterKind(std::string_view name) {
  for (auto kind : {ParameterDef::Kind::kDuration, ParameterDef::Kind::kNumber,
                    ParameterDef::Kind::kMoney, ParameterDef::Kind::kText,
                    ParameterDef::Kind::kChoice, ParameterDef::Kind::kList,
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

std::optional<Value> ReadListValue(LoadContext& ctx, const Entry& entry,
                                   const ParameterDef& param, const std::string& owner) {
  auto items = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!items) return std::nullopt;
  ValueList values;
  bool ok = true;
  for (const auto& item : *items) {
    if (!param.options.empty() && !Contains(param.options, item.text)) {
      ctx.Error(item.where, owner + ": value " + Quote(item.text) +
                                " is not one of its options (" +
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
  if (const Entry* label = map.Find("label")) param.label = yaml_internal::ReadText(ctx.doc, *label).value_or("");
  const Entry* type = map.Require("type", "duration, number, money, text, choice, list or bool");
  if (type == nullptr) return;
  std::optional<std::string> type_name = yaml_internal::ReadText(ctx.doc, *type);
  if (!type_name) return;
  std::optional<ParameterDef::Kind> kind = ParseParameterKind(*type_name);
  if (!kind) {
    ctx.Error(type->value_where, "unknown parameter type " + Quote(*type_name) +
                                     " (allowed: duration, number, money, text, choice, list, bool)");
    return;
  }
  param.kind = *kind;
  const bool takes_options = *kind == ParameterDef::Kind::kChoice || *kind == ParameterDef::Kind::kList;
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
    case FieldType::kBool: return type;
    default: return std::nullopt;
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
    if (auto value = ReadSimpleValue(ctx, *initial, variable.type,
                                     "variable " + Quote(variable.id))) {
      variable.initial = *value;
    }
  }
  ctx.def.variables.emplace(variable.id, std::move(variable));
}

void ReadExtraHoliday(LoadContext& ctx, const YAML::Node& node) {
  Mapping map(ctx.doc, node, "an extra holiday");
  if (!map.valid()) return;
  map.AllowOnly({"date", "reason"});
  std::string reason;
  if (const Entry* r = map.Find("reason")) reason = yaml_internal::ReadText(ctx.doc, *r).value_or("");
  const Entry* date_entry = map.Require("date");
  if (date_entry == nullptr) return;
  std::optional<yaml_internal::Scalar> text = yaml_internal::ReadScalar(ctx.doc, *date_entry);
  if (!text) return;
  StatusOr<Date> date = Date::Parse(text->text);
  if (!date.ok()) {
    ctx.Error(text->where, "extra holiday: " + date.status().message() + " (write YYYY-MM-DD)");
    return;
  }
  ctx.def.calendar.AddExtraDay(*date, reason);
}

}  // namespace

// ---- Shared helpers --------------------------------------------------------------------------

bool CheckIdentifier(LoadContext& ctx, const std::string& id, const SourceLocation& where,
                     std::string_view kind) {
  if (yaml_internal::IsIdentifier(id)) return true;
  ctx.Error(where, std::string(kind) + " id " + Quote(id) +
                       " must consist of letters, digits and '_' and not start with a digit"
                       " (expressions refer to it by name)");
  return false;
}

std::optional<DurationRef> ReadDurationRef(LoadContext& ctx, const Entry& entry) {
  std::optional<yaml_internal::Scalar> scalar = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!scalar) return std::nullopt;
  constexpr std::string_view kPrefix = "params.";
  if (scalar->text.rfind(kPrefix, 0) == 0) {
    const std::string id = scalar->text.substr(kPrefix.size());
    const ParameterDef* param = ctx.def.FindParameter(id);
    std::vector<std::string> durations;
    for (const auto& [pid, p] : ctx.def.parameters) {
      if (p.kind == ParameterDef::Kind::kDuration) durations.push_back(pid);
    }
    if (param == nullptr) {
      ctx.Error(scalar->where, UnknownName("duration parameter", id, durations));
      return std::nullopt;
    }
    ctx.parameters_used.insert(id);
    if (param->kind != ParameterDef::Kind::kDuration) {
      ctx.Error(scalar->where, "parameter " + Quote(id) + " is a " +
                                   ParameterKindName(param->kind) + ", not a duration (" +
                                   yaml_internal::KnownNames(id, durations) + ")");
      return std::nullopt;
    }
    return DurationRef{param->duration, id};
  }
  StatusOr<Duration> duration = Duration::Parse(scalar->text);
  if (!duration.ok()) {
    ctx.Error(scalar->where, "'" + entry.key + "' must be a duration: " +
                                 duration.status().message() +
                                 " (write e.g. '8 weeks', '3 months', '10 working days' or "
                                 "params.<duration parameter>)");
    return std::nullopt;
  }
  return DurationRef{*duration, {}};
}

std::string UnknownName(std::string_view kind, const std::string& name,
                        const std::vector<std::string>& known) {
  return "unknown " + std::string(kind) + " " + Quote(name) + " (" +
         yaml_internal::KnownNames(name, known) + ")";
}

bool SameType(const Type& a, const Type& b) {
  if (a.kind != b.kind || a.options != b.options) return false;
  if ((a.element == nullptr) != (b.element == nullptr)) return false;
  return a.element == nullptr || SameType(*a.element, *b.element);
}

// ---- Simple sections -------------------------------------------------------------------------

void ReadWorkflowSection(LoadContext& ctx, const Entry* entry) {
  if (entry == nullptr) {
    ctx.Error(ctx.top, "missing required section 'workflow' (id, version, title, municipality)");
    return;
  }
  Mapping map(ctx.doc, entry->value, "section 'workflow'", entry->key_where);
  if (!map.valid()) return;
  map.AllowOnly({"id", "version", "title", "municipality"});
  if (const Entry* id = map.Require("id")) ctx.def.id = yaml_internal::ReadText(ctx.doc, *id).value_or("");
  if (const Entry* title = map.Find("title")) {
    ctx.def.title = yaml_internal::ReadText(ctx.doc, *title).value_or("");
  }
  if (const Entry* municipality = map.Find("municipality")) {
    ctx.def.municipality = yaml_internal::ReadText(ctx.doc, *municipality).value_or("");
  }
  const Entry* version = map.Require("version", "a whole number from 1; cases keep the version they started on");
  if (version == nullptr) return;
  std::optional<long long> number = yaml_internal::ReadInt(ctx.doc, *version);
  if (!number) return;
  if (*number < 1 || *number > 1000000) {
    ctx.Error(version->value_where, "'version' must be a whole number from 1, got " +
                                        std::to_string(*number));
    return;
  }
  ctx.def.version = static_cast<int>(*number);
}

void ReadTemplatesSection(LoadContext& ctx, const Entry* entry) {
  std::optional<std::string> written;
  if (entry != nullptr) {
    written = yaml_internal::ReadText(ctx.doc, *entry);
    ctx.template_dir_where = entry->value_where;
  }
  if (ctx.options.template_dir) {
    ctx.template_dir = *ctx.options.template_dir;
    ctx.template_dir_where = ctx.top;
    return;
  }
  if (!written) return;
  std::filesystem::path dir(*written);
  if (dir.is_relative()) dir = std::filesystem::path(ctx.doc.file()).parent_path() / dir;
  ctx.template_dir = dir.lexically_normal().string();
}

void ReadCalendarSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'calendar'", entry.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"extra_holidays"});
  const Entry* extra = map.Find("extra_holidays");
  if (extra == nullptr || extra->value.IsNull()) return;
  if (!extra->value.IsSequence()) {
    ctx.Error(extra->value_where, "'extra_holidays' must be a list of {date, reason}, got " +
                                      yaml_internal::DescribeNode(extra->value));
    return;
  }
  for (const YAML::Node& item : extra->value) ReadExtraHoliday(ctx, item);
}

void ReadParametersSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'parameters'", entry.key_where);
  for (const Entry& item : map.entries()) ReadParameter(ctx, item);
}

void ReadRolesSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'roles'", entry.key_where);
  for (const Entry& item : map.entries()) {
    RoleDef role;
    role.id = item.key;
    role.where = item.key_where;
    if (!item.value.IsNull()) {
      Mapping fields(ctx.doc, item.value, "role " + Quote(role.id), item.key_where);
      fields.AllowOnly({"label"});
      if (const Entry* label = fields.Find("label")) {
        role.label = yaml_internal::ReadText(ctx.doc, *label).value_or("");
      }
    }
    ctx.def.roles.emplace(role.id, std::move(role));
  }
}

void ReadVariablesSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'variables'", entry.key_where);
  for (const Entry& item : map.entries()) ReadVariable(ctx, item);
}

}  // namespace loader_internal

namespace {

using loader_internal::Entry;
using loader_internal::LoadContext;
using loader_internal::Mapping;

void ReadDefinition(LoadContext& ctx, const YAML::Node& root) {
  using namespace loader_internal;
  ctx.def.source_file = ctx.doc.file();
  ctx.top = ctx.doc.At(1, 1);
  if (root.IsNull()) {
    ctx.Error(ctx.top, "the workflow file is empty (it needs at least 'workflow' and 'states')");
    return;
  }
  Mapping top(ctx.doc, root, "the workflow file", ctx.top);
  if (!top.valid()) return;
  top.AllowOnly({"workflow", "templates", "calendar", "parameters", "roles", "variables", "forms",
                 "criteria", "deadlines", "events", "states", "any_state"});
  ReadWorkflowSection(ctx, top.Find("workflow"));
  ReadTemplatesSection(ctx, top.Find("templates"));
  // An optional section may be written empty (`variables:`).
  auto present = [&](std::string_view key) -> const Entry* {
    const Entry* e = top.Find(key);
    return e != nullptr && !e->value.IsNull() ? e : nullptr;
  };
  if (const Entry* e = present("calendar")) ReadCalendarSection(ctx, *e);
  if (const Entry* e = present("parameters")) ReadParametersSection(ctx, *e);
  if (const Entry* e = present("roles")) ReadRolesSection(ctx, *e);
  if (const Entry* e = present("variables")) ReadVariablesSection(ctx, *e);
  if (const Entry* e = present("criteria")) ReadCriteriaSection(ctx, *e);
  if (const Entry* e = present("forms")) ReadFormsSection(ctx, *e);
  if (const Entry* e = present("events")) ReadEventsSection(ctx, *e);
  if (const Entry* e = present("deadlines")) ReadDeadlinesSection(ctx, *e);
  if (const Entry* e = top.Require("states", "the states of a case, one of them initial")) {
    ctx.states_key = e->key_where;
    ReadStatesSection(ctx, *e);
  }
  if (const Entry* e = present("any_state")) ReadAnyStateSection(ctx, *e);
  CheckStructure(ctx);
  CheckTemplates(ctx);
  WarnUnused(ctx);
}

}  // namespace

LoadResult LoadWorkflowText(std::string_view yaml, const std::string& file_name,
                            const LoadOptions& options) {
  yaml_internal::Document doc(file_name, yaml);
  LoadResult result;
  try {
    std::optional<YAML::Node> root = doc.Parse();
    if (root) {
      LoadContext ctx(doc, options);
      ReadDefinition(ctx, *root);
      if (doc.error_count() == 0) {
        result.definition = std::make_shared<const WorkflowDefinition>(std::move(ctx.def));
      }
    }
  } catch (const std::exception& e) {
    result.definition.reset();
    doc.Error(doc.At(0, 0), std::string("internal error while loading the workflow: ") + e.what());
  } catch (...) {
    result.definition.reset();
    doc.Error(doc.At(0, 0), "internal error while loading the workflow");
  }
  result.diagnostics = doc.TakeDiagnostics();
  return result;
}

LoadResult LoadWorkflowFile(const std::string& path, const LoadOptions& options) {
  std::error_code ec;
  std::ifstream in;
  if (std::filesystem::is_regular_file(path, ec)) in.open(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in.is_open() || in.bad()) {
    LoadResult result;
    result.diagnostics.push_back({Diagnostic::Severity::kError, SourceLocation{path, 0, 0},
                                  "cannot read the workflow file"});
    return result;
  }
  return LoadWorkflowText(text.str(), path, options);
}

}  // namespace uitdaag
