// The `states:` and `any_state:` sections: states, transitions, their deadline actions and
// expressions (parsed and type-checked here, at the column inside the YAML).
#include <algorithm>
#include <charconv>

#include "loader_internal.h"
#include "uitdaag/names.h"

namespace uitdaag::loader_internal {

namespace {

std::vector<std::string> StateIds(const WorkflowDefinition& def) {
  std::vector<std::string> ids;
  for (const StateDef& state : def.states) ids.push_back(state.id);
  return ids;
}

// ---- Expressions --------------------------------------------------------------------------------

// The place of character `subject` (a decimal offset, from Expression) of the expression in
// `scalar`.
SourceLocation OffsetLocation(const Document& doc, const YAML::Node& scalar,
                              const std::string& subject) {
  size_t offset = 0;
  const char* end = subject.data() + subject.size();
  auto [ptr, ec] = std::from_chars(subject.data(), end, offset);
  if (ec != std::errc() || ptr != end) offset = 0;
  return doc.TextLocation(scalar, offset);
}

// Every name an expression could use at this place, for "did you mean" hints.
std::vector<std::string> VisibleNames(const WorkflowDefinition& def, const EventDef* event) {
  std::vector<std::string> names;
  for (const auto& [name, type] : def.DataTypes()) names.push_back("data." + name);
  if (event != nullptr) {
    if (const FormDef* form = def.FindForm(event->form)) {
      for (const FieldDef& field : form->fields) {
        if (field.type != FieldType::kCriteria) names.push_back("event." + field.name);
      }
    }
  }
  for (const auto& [id, param] : def.parameters) {
    if (param.kind != ParameterDef::Kind::kDuration) names.push_back("params." + id);
  }
  for (const char* name : {"complete", "passed", "total", "scored", "failed"}) {
    names.push_back(std::string("assessment.") + name);
  }
  for (const auto& [id, deadline] : def.deadlines) {
    names.push_back("deadline." + id + ".active");
    names.push_back("deadline." + id + ".expired");
  }
  return names;
}

std::string WithHint(const std::string& message, const WorkflowDefinition& def,
                     const EventDef* event) {
  constexpr std::string_view kUnknown = "unknown name '";
  if (message.rfind(kUnknown, 0) != 0) return message;
  const size_t close = message.find('\'', kUnknown.size());
  if (close == std::string::npos) return message;
  const std::string name = message.substr(kUnknown.size(), close - kUnknown.size());
  const std::string closest = yaml_internal::ClosestName(name, VisibleNames(def, event));
  if (closest.empty()) return message;
  return message + " (did you mean " + Quote(closest) + "?)";
}

struct CheckedExpression {
  Expression expression;
  std::optional<Type> type;  // absent when it could not be type-checked (unknown event)
  SourceLocation where;      // where its text starts
};

// Parses the expression in `entry` and type-checks it for `event` (null: the event is unknown,
// only parse). `what` names it in messages ("guard", "set 'x'").
std::optional<CheckedExpression> ReadExpression(LoadContext& ctx, const Entry& entry,
                                                const EventDef* event, const std::string& what) {
  std::optional<yaml_internal::Scalar> scalar = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!scalar) return std::nullopt;
  const SourceLocation start = ctx.doc.TextStart(scalar->node);
  StatusOr<Expression> parsed = Expression::Parse(scalar->text);
  if (!parsed.ok()) {
    ctx.Error(OffsetLocation(ctx.doc, scalar->node, parsed.status().subject()),
              what + ": " + parsed.status().message());
    return std::nullopt;
  }
  for (const std::string& path : parsed->Paths()) {
    constexpr std::string_view kParams = "params.";
    if (path.rfind(kParams, 0) != 0) continue;
    const std::string rest = path.substr(kParams.size());
    ctx.parameters_used.insert(rest.substr(0, rest.find('.')));
  }
  CheckedExpression out{*parsed, std::nullopt, start};
  if (event == nullptr) return out;
  const WorkflowTypeEnvironment env(ctx.def, event);
  StatusOr<Type> type = parsed->Check(env);
  if (!type.ok()) {
    ctx.Error(OffsetLocation(ctx.doc, scalar->node, type.status().subject()),
              what + ": " + WithHint(type.status().message(), ctx.def, event));
    return std::nullopt;
  }
  out.type = *type;
  return out;
}

// ---- Transition parts ---------------------------------------------------------------------------

bool CheckRole(LoadContext& ctx, const yaml_internal::Scalar& role, std::string_view key) {
  if (ctx.def.roles.count(role.text) > 0) return true;
  ctx.Error(role.where, UnknownName("role", role.text, KeysOf(ctx.def.roles)) + " in '" +
                            std::string(key) + "'");
  return false;
}

bool IsTemplateName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

void ReadLetters(LoadContext& ctx, const Entry& entry, TransitionDef& t) {
  auto letters = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!letters) return;
  for (const auto& letter : *letters) {
    if (!IsTemplateName(letter.text)) {
      ctx.Error(letter.where, "template name " + Quote(letter.text) +
                                  " may contain only letters, digits, '_' and '-'");
      continue;
    }
    ctx.templates_used.push_back({letter.text, letter.where});
    t.letters.push_back(letter.text);
  }
}

void ReadNotify(LoadContext& ctx, const Entry& entry, TransitionDef& t) {
  auto roles = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!roles) return;
  for (const auto& role : *roles) {
    if (CheckRole(ctx, role, "notify")) t.notify.push_back(role.text);
  }
}

void ReadAssign(LoadContext& ctx, const Entry& entry, TransitionDef& t) {
  auto role = yaml_internal::ReadScalar(ctx.doc, entry);
  if (role && CheckRole(ctx, *role, "assign")) t.assign = role->text;
}

void ReadTo(LoadContext& ctx, const Entry& entry, TransitionDef& t) {
  auto to = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!to) return;
  if (ctx.def.FindState(to->text) == nullptr) {
    ctx.Error(to->where, UnknownName("state", to->text, StateIds(ctx.def)) + " in 'to'");
    ctx.unresolved_target = true;
    return;
  }
  t.to = to->text;
}

void ReadGuard(LoadContext& ctx, const Entry& entry, const EventDef* event, TransitionDef& t) {
  auto checked = ReadExpression(ctx, entry, event, "guard");
  if (!checked) return;
  if (checked->type && checked->type->kind != ValueType::kBool) {
    ctx.Error(checked->where, "guard must be a condition (bool), but " +
                                  Quote(checked->expression.text()) + " is " +
                                  checked->type->ToString());
    return;
  }
  t.guard = std::move(checked->expression);
}

std::vector<std::string> VariableIds(const WorkflowDefinition& def) {
  return KeysOf(def.variables);
}

void ReadSet(LoadContext& ctx, const Entry& entry, const EventDef* event, TransitionDef& t) {
  Mapping map(ctx.doc, entry.value, "'set'", entry.key_where);
  for (const Entry& item : map.entries()) {
    auto variable = ctx.def.variables.find(item.key);
    if (variable == ctx.def.variables.end()) {
      ctx.Error(item.key_where,
                "'set' can only assign variables, and " + Quote(item.key) + " is not one (" +
                    yaml_internal::KnownNames(item.key, VariableIds(ctx.def)) + ")");
      continue;
    }
    auto checked = ReadExpression(ctx, item, event, "set " + Quote(item.key));
    if (!checked) continue;
    FieldDef as_field;
    as_field.type = variable->second.type;
    const Type expected = FieldValueType(as_field);
    if (checked->type && checked->type->kind != ValueType::kNull &&
        checked->type->kind != expected.kind) {
      ctx.Error(checked->where, "set " + Quote(item.key) + ": the expression is " +
                                    checked->type->ToString() + ", but variable " +
                                    Quote(item.key) + " is " + expected.ToString());
      continue;
    }
    t.set.push_back({item.key, std::move(checked->expression), item.key_where});
  }
}

// ---- Deadline actions ---------------------------------------------------------------------------

bool UseDeadline(LoadContext& ctx, const yaml_internal::Scalar& name, std::string_view action) {
  if (ctx.def.FindDeadline(name.text) == nullptr) {
    ctx.Error(name.where, UnknownName("deadline", name.text, KeysOf(ctx.def.deadlines)) +
                              " in 'deadlines." + std::string(action) + "'");
    return false;
  }
  ctx.deadline_uses.push_back({std::string(action), name.text, name.where});
  return true;
}

void ReadDeadlineList(LoadContext& ctx, const Entry& entry, std::vector<std::string>& out) {
  auto names = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!names) return;
  for (const auto& name : *names) {
    if (UseDeadline(ctx, name, entry.key)) out.push_back(name.text);
  }
}

std::optional<yaml_internal::Scalar> ScalarOf(LoadContext& ctx, const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  return yaml_internal::Scalar{node.Scalar(), ctx.doc.Where(node), node};
}

void ReadSuspend(LoadContext& ctx, const Entry& entry, DeadlineActions& actions) {
  if (!entry.value.IsSequence()) {
    ctx.Error(entry.value_where, "'suspend' must be a list of deadlines or {deadline, reason}");
    return;
  }
  for (const YAML::Node& item : entry.value) {
    if (auto name = ScalarOf(ctx, item)) {
      if (UseDeadline(ctx, *name, "suspend")) actions.suspend.push_back({name->text, {}});
      continue;
    }
    Mapping map(ctx.doc, item, "a 'suspend' item", entry.value_where);
    if (!map.valid()) continue;
    map.AllowOnly({"deadline", "reason"});
    SuspendAction action;
    if (const Entry* reason = map.Find("reason")) {
      action.reason = yaml_internal::ReadText(ctx.doc, *reason).value_or("");
    }
    const Entry* deadline = map.Require("deadline");
    if (deadline == nullptr) continue;
    auto name = yaml_internal::ReadScalar(ctx.doc, *deadline);
    if (!name || !UseDeadline(ctx, *name, "suspend")) continue;
    action.deadline = name->text;
    actions.suspend.push_back(std::move(action));
  }
}

void ReadExtend(LoadContext& ctx, const Entry& entry, DeadlineActions& actions) {
  if (!entry.value.IsSequence()) {
    ctx.Error(entry.value_where, "'extend' must be a list of {deadline, by, reason}");
    return;
  }
  for (const YAML::Node& item : entry.value) {
    Mapping map(ctx.doc, item, "an 'extend' item", entry.value_where);
    if (!map.valid()) continue;
    map.AllowOnly({"deadline", "by", "reason"});
    ExtendAction action;
    if (const Entry* reason = map.Find("reason")) {
      action.reason = yaml_internal::ReadText(ctx.doc, *reason).value_or("");
    }
    const Entry* deadline = map.Require("deadline");
    const Entry* by = map.Require("by", "a duration or params.<id>");
    std::optional<DurationRef> length;
    if (by != nullptr) length = ReadDurationRef(ctx, *by);
    if (deadline == nullptr) continue;
    auto name = yaml_internal::ReadScalar(ctx.doc, *deadline);
    if (!name || !UseDeadline(ctx, *name, "extend") || !length) continue;
    action.deadline = name->text;
    action.by = length->duration;
    action.by_parameter = length->parameter;
    actions.extend.push_back(std::move(action));
  }
}

void ReadDeadlineActions(LoadContext& ctx, const Entry& entry, DeadlineActions& actions) {
  Mapping map(ctx.doc, entry.value, "'deadlines' of a transition", entry.key_where);
  map.AllowOnly({"start", "stop", "suspend", "resume", "extend", "notice_of_default"});
  for (const Entry& item : map.entries()) {
    if (item.key == "start") ReadDeadlineList(ctx, item, actions.start);
    if (item.key == "stop") ReadDeadlineList(ctx, item, actions.stop);
    if (item.key == "resume") ReadDeadlineList(ctx, item, actions.resume);
    if (item.key == "notice_of_default") ReadDeadlineList(ctx, item, actions.notice_of_default);
    if (item.key == "suspend") ReadSuspend(ctx, item, actions);
    if (item.key == "extend") ReadExtend(ctx, item, actions);
  }
}

// ---- Transitions --------------------------------------------------------------------------------

void ReadExcept(LoadContext& ctx, const Entry& entry, std::vector<std::string>& except) {
  auto states = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!states) return;
  for (const auto& state : *states) {
    if (ctx.def.FindState(state.text) == nullptr) {
      ctx.Error(state.where, UnknownName("state", state.text, StateIds(ctx.def)) + " in 'except'");
      continue;
    }
    except.push_back(state.text);
  }
}

// One transition from `from` ("*" under any_state) on `event_id`. `except` is non-null only
// under any_state, where the `except:` key is allowed.
TransitionDef ReadTransition(LoadContext& ctx, const YAML::Node& node, const SourceLocation& where,
                             const std::string& from, const std::string& event_id,
                             std::vector<std::string>* except) {
  TransitionDef t;
  t.from = from;
  t.event = event_id;
  t.to = from;
  t.where = where;
  if (node.IsNull()) return t;
  const std::string what = (from == "*" ? std::string("the any_state transition")
                                        : "the transition of state " + Quote(from)) +
                           " on " + Quote(event_id);
  Mapping map(ctx.doc, node, what, where);
  if (!map.valid()) return t;
  std::vector<std::string_view> keys = {"to",     "guard", "letters",  "notify",
                                        "assign", "set",   "deadlines"};
  if (except != nullptr) keys.push_back("except");
  map.AllowOnly(keys);
  // Expressions are type-checked only for a known event whose form resolved.
  const EventDef* event =
      ctx.events_with_unknown_form.count(event_id) > 0 ? nullptr : ctx.def.FindEvent(event_id);
  for (const Entry& entry : map.entries()) {
    if (entry.key == "to") ReadTo(ctx, entry, t);
    if (entry.key == "guard") ReadGuard(ctx, entry, event, t);
    if (entry.key == "letters") ReadLetters(ctx, entry, t);
    if (entry.key == "notify") ReadNotify(ctx, entry, t);
    if (entry.key == "assign") ReadAssign(ctx, entry, t);
    if (entry.key == "set") ReadSet(ctx, entry, event, t);
    if (entry.key == "deadlines") ReadDeadlineActions(ctx, entry, t.deadlines);
    if (entry.key == "except" && except != nullptr) ReadExcept(ctx, entry, *except);
  }
  return t;
}

bool CheckEvent(LoadContext& ctx, const Entry& entry, const std::string& where_text) {
  if (ctx.def.FindEvent(entry.key) != nullptr) return true;
  ctx.Error(entry.key_where,
            UnknownName("event", entry.key, KeysOf(ctx.def.events)) + " in " + where_text);
  return false;
}

// The transitions of one `on:` entry: a mapping, a list of mappings, or nothing (`{}`/empty).
void ReadOnEntry(LoadContext& ctx, const Entry& entry, StateDef& state) {
  CheckEvent(ctx, entry, "state " + Quote(state.id));
  if (entry.value.IsSequence()) {
    for (const YAML::Node& item : entry.value) {
      const SourceLocation where = ctx.doc.Where(item);
      state.transitions.push_back(ReadTransition(
          ctx, item, where.line > 0 ? where : entry.key_where, state.id, entry.key, nullptr));
    }
    return;
  }
  state.transitions.push_back(
      ReadTransition(ctx, entry.value, entry.key_where, state.id, entry.key, nullptr));
}

void ReadState(LoadContext& ctx, const Entry& item, StateDef& state) {
  Mapping map(ctx.doc, item.value, "state " + Quote(state.id), item.key_where);
  if (!map.valid()) return;
  map.AllowOnly(
      {"label", "public_label", "phase", "description", "guarantees", "initial", "final", "on"});
  StatePlaces& places = ctx.state_places[state.id];
  for (const Entry& entry : map.entries()) {
    if (entry.key == "label") state.label = yaml_internal::ReadText(ctx.doc, entry).value_or("");
    if (entry.key == "public_label") {
      state.public_label = yaml_internal::ReadText(ctx.doc, entry).value_or("");
    }
    if (entry.key == "phase") ReadStatePhase(ctx, entry, state);
    if (entry.key == "description") {
      state.description = yaml_internal::ReadText(ctx.doc, entry).value_or("");
    }
    if (entry.key == "guarantees") {
      state.guarantees = yaml_internal::ReadText(ctx.doc, entry).value_or("");
    }
    if (entry.key == "initial") {
      state.initial = yaml_internal::ReadBool(ctx.doc, entry).value_or(false);
      places.initial = entry.value_where;
    }
    if (entry.key == "final") state.final = yaml_internal::ReadBool(ctx.doc, entry).value_or(false);
  }
  if (const Entry* on = map.Find("on"); on != nullptr && !on->value.IsNull()) {
    places.on = on->key_where;
    Mapping transitions(ctx.doc, on->value, "'on' of state " + Quote(state.id), on->key_where);
    for (const Entry& entry : transitions.entries()) ReadOnEntry(ctx, entry, state);
  }
}

}  // namespace

void ReadStatesSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'states'", entry.key_where);
  // All ids first, so that `to:` may name a state written further down.
  for (const Entry& item : map.entries()) {
    StateDef state;
    state.id = item.key;
    state.where = item.key_where;
    ctx.def.states.push_back(std::move(state));
  }
  for (size_t i = 0; i < map.entries().size(); ++i) {
    ReadState(ctx, map.entries()[i], ctx.def.states[i]);
  }
}

void ReadAnyStateSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'any_state'", entry.key_where);
  for (const Entry& item : map.entries()) {
    CheckEvent(ctx, item, "'any_state'");
    if (item.value.IsSequence()) {
      ctx.Error(item.value_where, "an any_state entry is one transition (a mapping), not a list");
      continue;
    }
    std::vector<std::string> except;
    ctx.def.any_state.push_back(
        ReadTransition(ctx, item.value, item.key_where, "*", item.key, &except));
    if (!except.empty()) ctx.def.any_state_except[item.key] = std::move(except);
  }
}

}  // namespace uitdaag::loader_internal
