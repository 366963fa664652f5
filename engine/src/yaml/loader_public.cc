// What residents see of a workflow: the `phases:` section (the steps of the procedure), each
// state's `phase:`, and who challenges with which event (`workflow.challenger_role` and
// `workflow.submission_event`, written or derived), so that the pages and the HTTP layer never
// guess.
#include <algorithm>

#include "loader_internal.h"
#include "uitdaag/join.h"

namespace uitdaag::loader_internal {

namespace {

// A phase id: [a-z0-9_]+ (stable in URLs and style classes, unlike a label).
bool IsPhaseId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<std::string> PhaseIds(const WorkflowDefinition& def) {
  std::vector<std::string> ids;
  for (const PhaseDef& phase : def.phases) ids.push_back(phase.id);
  return ids;
}

// The id of a phase; reports a missing, malformed or duplicate one. A malformed id is still
// returned, so that states naming it are not also reported (the load fails anyway).
std::optional<yaml_internal::Scalar> ReadPhaseId(LoadContext& ctx, const Mapping& map) {
  const Entry* id = map.Require("id", "lowercase letters, digits and '_'");
  if (id == nullptr) return std::nullopt;
  std::optional<yaml_internal::Scalar> text = yaml_internal::ReadScalar(ctx.doc, *id);
  if (!text) return std::nullopt;
  if (ctx.def.FindPhase(text->text) != nullptr) {
    ctx.Error(text->where, "duplicate phase id " + Quote(text->text));
    return std::nullopt;
  }
  if (!IsPhaseId(text->text)) {
    ctx.Error(text->where, "phase id " + Quote(text->text) +
                               " may contain only lowercase letters, digits and '_'");
  }
  return text;
}

// One phase: {id, label}. A phase whose label is missing or empty is reported and still kept.
void ReadPhase(LoadContext& ctx, const YAML::Node& node) {
  Mapping map(ctx.doc, node, "a phase");
  if (!map.valid()) return;
  map.AllowOnly({"id", "label"});
  std::optional<yaml_internal::Scalar> id = ReadPhaseId(ctx, map);
  PhaseDef phase;
  if (const Entry* label = map.Require("label", "the step as a resident reads it")) {
    phase.label = yaml_internal::ReadText(ctx.doc, *label).value_or("");
    if (phase.label.empty() && label->value.IsScalar()) {
      ctx.Error(label->value_where, "the 'label' of a phase must not be empty");
    }
  }
  if (!id) return;
  phase.id = id->text;
  phase.where = id->where;
  ctx.def.phases.push_back(std::move(phase));
}

const StateDef* FirstInitial(const WorkflowDefinition& def) {
  for (const StateDef& state : def.states) {
    if (state.initial) return &state;
  }
  return nullptr;
}

bool Fires(const EventDef& event, const std::string& role) {
  return std::find(event.roles.begin(), event.roles.end(), role) != event.roles.end();
}

bool Handles(const StateDef& state, const std::string& event) {
  return std::any_of(state.transitions.begin(), state.transitions.end(),
                     [&](const TransitionDef& t) { return t.event == event; });
}

// The first event in the initial state's `on:` that `accept` accepts; nullptr when none.
template <typename Accept>
const EventDef* FirstLeaving(const WorkflowDefinition& def, const StateDef* initial,
                             Accept accept) {
  if (initial == nullptr) return nullptr;
  for (const TransitionDef& t : initial->transitions) {
    const EventDef* event = def.FindEvent(t.event);
    if (event != nullptr && accept(*event)) return event;
  }
  return nullptr;
}

void ResolveChallengerRole(LoadContext& ctx, const StateDef* initial) {
  WorkflowDefinition& def = ctx.def;
  if (const auto& written = ctx.challenger_role_written) {
    if (def.roles.count(written->text) == 0) {
      ctx.Error(written->where, UnknownName("role", written->text, KeysOf(def.roles)) +
                                    " in 'workflow.challenger_role'");
      return;
    }
    def.challenger_role = written->text;
    return;
  }
  const EventDef* first =
      FirstLeaving(def, initial, [](const EventDef& e) { return !e.roles.empty(); });
  if (first != nullptr) def.challenger_role = first->roles.front();
}

// Why `event` cannot be the submission event; empty when it can.
std::string SubmissionFault(const LoadContext& ctx, const EventDef& event,
                            const StateDef* initial) {
  const WorkflowDefinition& def = ctx.def;
  if (initial != nullptr && !Handles(*initial, event.id)) {
    return "does not leave the initial state " + Quote(initial->id) +
           " (that state's 'on' does not handle it)";
  }
  if (!def.challenger_role.empty() && !Fires(event, def.challenger_role)) {
    return "is not fired by the challenger role " + Quote(def.challenger_role) +
           " (its roles: " + (event.roles.empty() ? std::string("none") : JoinNames(event.roles)) +
           ")";
  }
  if (event.form.empty() && ctx.events_with_unknown_form.count(event.id) == 0) {
    return "has no form; a submission carries the challenge (give the event a 'form')";
  }
  return {};
}

void ResolveSubmissionEvent(LoadContext& ctx, const StateDef* initial) {
  WorkflowDefinition& def = ctx.def;
  if (const auto& written = ctx.submission_event_written) {
    const EventDef* event = def.FindEvent(written->text);
    if (event == nullptr) {
      ctx.Error(written->where, UnknownName("event", written->text, KeysOf(def.events)) +
                                    " in 'workflow.submission_event'");
      return;
    }
    const std::string fault = SubmissionFault(ctx, *event, initial);
    if (!fault.empty()) {
      ctx.Error(written->where, "submission event " + Quote(event->id) + " " + fault);
      return;
    }
    def.submission_event = event->id;
    return;
  }
  const std::string& role = def.challenger_role;
  const EventDef* first = FirstLeaving(def, initial, [&](const EventDef& e) {
    return !role.empty() && Fires(e, role) && !e.form.empty();
  });
  if (first != nullptr) def.submission_event = first->id;
}

}  // namespace

void ReadPhasesSection(LoadContext& ctx, const Entry& entry) {
  if (!entry.value.IsSequence()) {
    ctx.Error(entry.value_where, "'phases' must be a list of {id, label}, got " +
                                     yaml_internal::DescribeNode(entry.value));
    return;
  }
  for (const YAML::Node& item : entry.value) ReadPhase(ctx, item);
}

void ReadStatePhase(LoadContext& ctx, const Entry& entry, StateDef& state) {
  ctx.state_places[state.id].phase = entry.value_where;  // written, even if it does not read
  std::optional<yaml_internal::Scalar> phase = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!phase) return;
  if (ctx.def.FindPhase(phase->text) == nullptr) {
    ctx.Error(phase->where, UnknownName("phase", phase->text, PhaseIds(ctx.def)) + " in state " +
                                Quote(state.id));
    return;
  }
  state.phase = phase->text;
}

void CheckPhases(LoadContext& ctx) {
  if (ctx.def.phases.empty()) return;
  for (const StateDef& state : ctx.def.states) {
    if (state.final || ctx.state_places[state.id].phase.line > 0) continue;
    ctx.Error(state.where, "state " + Quote(state.id) +
                               " has no 'phase'; the workflow declares 'phases', so every state "
                               "that is not final needs one (phases: " +
                               JoinNames(PhaseIds(ctx.def)) + ")");
  }
}

void ResolveChallenge(LoadContext& ctx) {
  if (ctx.challenge_unreadable) return;  // reported; deriving instead would only add errors
  const StateDef* initial = FirstInitial(ctx.def);
  ResolveChallengerRole(ctx, initial);
  ResolveSubmissionEvent(ctx, initial);
}

}  // namespace uitdaag::loader_internal
