// Whole-definition checks, run once every section is read: exactly one initial state,
// reachability, a way out of every non-final state, deadlines that are started, timer events that
// a deadline fires, templates that exist; and warnings for what is declared but never used.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "loader_internal.h"

namespace uitdaag::loader_internal {

namespace {

bool AnyStateApplies(const WorkflowDefinition& def, const TransitionDef& t, const StateDef& state) {
  if (state.final) return false;
  auto it = def.any_state_except.find(t.event);
  if (it == def.any_state_except.end()) return true;
  return std::find(it->second.begin(), it->second.end(), state.id) == it->second.end();
}

// The states a transition taken in `state` leads to.
std::string Target(const TransitionDef& t, const StateDef& state) {
  return (t.to.empty() || t.to == "*") ? state.id : t.to;
}

template <typename Visit>
void ForEachTransition(const WorkflowDefinition& def, Visit visit) {
  for (const StateDef& state : def.states) {
    for (const TransitionDef& t : state.transitions) visit(t);
  }
  for (const TransitionDef& t : def.any_state) visit(t);
}

const StateDef* CheckInitial(LoadContext& ctx) {
  const StateDef* initial = nullptr;
  for (const StateDef& state : ctx.def.states) {
    if (!state.initial) continue;
    if (state.final) {
      ctx.Error(ctx.state_places[state.id].initial,
                "state " + Quote(state.id) + " cannot be both initial and final");
    }
    if (initial == nullptr) {
      initial = &state;
      continue;
    }
    ctx.Error(ctx.state_places[state.id].initial,
              "more than one initial state: " + Quote(initial->id) + " and " + Quote(state.id) +
                  "; exactly one state has 'initial: true'");
  }
  if (initial == nullptr && ctx.states_key.line > 0) {
    ctx.Error(ctx.states_key, "no initial state: mark exactly one state with 'initial: true'");
  }
  return initial;
}

void CheckFinalStates(LoadContext& ctx) {
  for (const StateDef& state : ctx.def.states) {
    if (!state.final || state.transitions.empty()) continue;
    ctx.Error(
        ctx.state_places[state.id].on,
        "final state " + Quote(state.id) +
            " has transitions; a final state ends the case (remove its 'on' or 'final: true')");
  }
}

void CheckWayOut(LoadContext& ctx) {
  for (const StateDef& state : ctx.def.states) {
    if (state.final || !state.transitions.empty()) continue;
    const bool any =
        std::any_of(ctx.def.any_state.begin(), ctx.def.any_state.end(),
                    [&](const TransitionDef& t) { return AnyStateApplies(ctx.def, t, state); });
    if (any) continue;
    ctx.Error(state.where, "state " + Quote(state.id) +
                               " has no way out: it is not final and no transition leaves it "
                               "(add 'on' or mark it 'final: true')");
  }
}

void CheckReachable(LoadContext& ctx, const StateDef& initial) {
  const WorkflowDefinition& def = ctx.def;
  std::set<std::string> seen = {initial.id};
  std::deque<const StateDef*> queue = {&initial};
  while (!queue.empty()) {
    const StateDef* state = queue.front();
    queue.pop_front();
    auto follow = [&](const TransitionDef& t) {
      const std::string next = Target(t, *state);
      if (!seen.insert(next).second) return;
      if (const StateDef* found = def.FindState(next)) queue.push_back(found);
    };
    for (const TransitionDef& t : state->transitions) follow(t);
    for (const TransitionDef& t : def.any_state) {
      if (AnyStateApplies(def, t, *state)) follow(t);
    }
  }
  for (const StateDef& state : def.states) {
    if (seen.count(state.id) > 0) continue;
    ctx.Error(state.where, "state " + Quote(state.id) +
                               " is unreachable: no path of transitions leads to it from the "
                               "initial state " +
                               Quote(initial.id));
  }
}

void CheckDeadlinesStarted(LoadContext& ctx) {
  std::set<std::string> started, suspended;
  ForEachTransition(ctx.def, [&](const TransitionDef& t) {
    started.insert(t.deadlines.start.begin(), t.deadlines.start.end());
    for (const SuspendAction& s : t.deadlines.suspend) suspended.insert(s.deadline);
  });
  for (const auto& [id, deadline] : ctx.def.deadlines) {
    if (started.count(id) > 0) continue;
    ctx.Error(deadline.where, "deadline " + Quote(id) +
                                  " is never started: no transition lists it under "
                                  "'deadlines.start'");
  }
  for (const DeadlineUse& use : ctx.deadline_uses) {
    if (use.action == "start") continue;
    if (started.count(use.deadline) == 0) {
      ctx.Error(use.where, "'deadlines." + use.action + "' names deadline " + Quote(use.deadline) +
                               ", which no transition starts");
    } else if (use.action == "resume" && suspended.count(use.deadline) == 0) {
      ctx.Error(use.where, "'deadlines.resume' names deadline " + Quote(use.deadline) +
                               ", which no transition suspends");
    }
  }
}

void CheckTimerEvents(LoadContext& ctx) {
  std::set<std::string> fired;
  for (const auto& [id, deadline] : ctx.def.deadlines) {
    if (!deadline.on_expire.empty()) fired.insert(deadline.on_expire);
  }
  for (const auto& [id, event] : ctx.def.events) {
    if (!event.timer || fired.count(id) > 0) continue;
    ctx.Error(event.where,
              "timer event " + Quote(id) + " is never fired: no deadline names it in 'on_expire'");
  }
}

std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  return text.str();
}

// Whether a template the workflow uses mentions params.<id> (letters may show parameters).
bool MentionedInTemplates(const std::string& id, const std::vector<std::string>& template_texts) {
  const std::string needle = "params." + id;
  return std::any_of(template_texts.begin(), template_texts.end(), [&](const std::string& text) {
    return text.find(needle) != std::string::npos;
  });
}

}  // namespace

void CheckStructure(LoadContext& ctx) {
  const StateDef* initial = CheckInitial(ctx);
  CheckFinalStates(ctx);
  CheckWayOut(ctx);
  if (initial != nullptr && !ctx.unresolved_target) CheckReachable(ctx, *initial);
  CheckDeadlinesStarted(ctx);
  CheckTimerEvents(ctx);
}

void CheckTemplates(LoadContext& ctx) {
  std::set<std::string> names;
  for (const NameUse& use : ctx.templates_used) names.insert(use.name);
  ctx.def.templates.assign(names.begin(), names.end());
  if (ctx.template_dir) ctx.def.template_dir = *ctx.template_dir;
  if (ctx.templates_used.empty()) return;
  if (!ctx.template_dir) {
    ctx.Error(ctx.templates_used.front().where,
              "letters need a template directory: set 'templates:' in the workflow");
    return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir(*ctx.template_dir);
  if (!fs::is_directory(dir, ec)) {
    ctx.Error(ctx.template_dir_where,
              "template directory " + Quote(dir.string()) + " does not exist");
    return;
  }
  for (const NameUse& use : ctx.templates_used) {
    const fs::path file = dir / (use.name + ".mustache");
    if (fs::is_regular_file(file, ec)) continue;
    ctx.Error(use.where,
              "template " + Quote(use.name) + " not found: " + file.string() + " does not exist");
  }
}

void WarnUnused(LoadContext& ctx) {
  const WorkflowDefinition& def = ctx.def;
  std::set<std::string> handled;
  ForEachTransition(def, [&](const TransitionDef& t) { handled.insert(t.event); });
  for (const auto& [id, event] : def.events) {
    if (handled.count(id) == 0) {
      ctx.Warning(event.where, "event " + Quote(id) + " is declared but no state handles it");
    }
  }
  std::set<std::string> forms_used;
  for (const auto& [id, event] : def.events) forms_used.insert(event.form);
  for (const auto& [id, form] : def.forms) {
    if (forms_used.count(id) == 0) {
      ctx.Warning(ctx.form_where[id], "form " + Quote(id) + " is declared but no event uses it");
    }
  }
  std::vector<std::string> template_texts;
  if (ctx.template_dir) {
    for (const std::string& name : def.templates) {
      template_texts.push_back(
          ReadWholeFile(std::filesystem::path(*ctx.template_dir) / (name + ".mustache")));
    }
  }
  for (const auto& [id, param] : def.parameters) {
    if (ctx.parameters_used.count(id) > 0 || MentionedInTemplates(id, template_texts)) continue;
    ctx.Warning(param.where, "parameter " + Quote(id) +
                                 " is declared but no deadline, expression or letter template "
                                 "uses it");
  }
}

}  // namespace uitdaag::loader_internal
