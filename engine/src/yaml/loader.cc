// LoadWorkflowFile / LoadWorkflowText: reads the sections of a workflow YAML in dependency order,
// then runs the whole-definition checks (loader_checks.cc). Sections: this file (workflow,
// templates, calendar, roles), loader_params.cc (parameters, variables), loader_public.cc
// (phases, and what residents see of states and of the workflow), loader_forms.cc and
// loader_pages.cc (criteria, forms), loader_events.cc (events, deadlines), loader_states.cc
// (states, any_state).
#include "uitdaag/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader_internal.h"

namespace uitdaag {

namespace loader_internal {

namespace {

void ReadExtraHoliday(LoadContext& ctx, const YAML::Node& node) {
  Mapping map(ctx.doc, node, "an extra holiday");
  if (!map.valid()) return;
  map.AllowOnly({"date", "reason"});
  std::string reason;
  if (const Entry* r = map.Find("reason"))
    reason = yaml_internal::ReadText(ctx.doc, *r).value_or("");
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
    ctx.Error(scalar->where, "'" + entry.key +
                                 "' must be a duration: " + duration.status().message() +
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
  map.AllowOnly({"id", "version", "title", "municipality", "challenger_role", "submission_event"});
  if (const Entry* id = map.Require("id")) {
    ctx.def.id = yaml_internal::ReadText(ctx.doc, *id).value_or("");
    const bool plain = std::all_of(ctx.def.id.begin(), ctx.def.id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-';
    });
    if (ctx.def.id.empty() || !plain) {
      ctx.Error(id->value_where, "workflow id " + Quote(ctx.def.id) +
                                     " may contain only letters, digits, '_' and '-'");
    }
  }
  if (const Entry* title = map.Find("title")) {
    ctx.def.title = yaml_internal::ReadText(ctx.doc, *title).value_or("");
  }
  if (const Entry* municipality = map.Find("municipality")) {
    ctx.def.municipality = yaml_internal::ReadText(ctx.doc, *municipality).value_or("");
  }
  // Resolved by ResolveChallenge, once roles, events and states are known.
  if (const Entry* role = map.Find("challenger_role")) {
    ctx.challenger_role_written = yaml_internal::ReadScalar(ctx.doc, *role);
    if (!ctx.challenger_role_written) ctx.challenge_unreadable = true;
  }
  if (const Entry* event = map.Find("submission_event")) {
    ctx.submission_event_written = yaml_internal::ReadScalar(ctx.doc, *event);
    if (!ctx.submission_event_written) ctx.challenge_unreadable = true;
  }
  const Entry* version =
      map.Require("version", "a whole number from 1; cases keep the version they started on");
  if (version == nullptr) return;
  std::optional<long long> number = yaml_internal::ReadInt(ctx.doc, *version);
  if (!number) return;
  if (*number < 1 || *number > 1000000) {
    ctx.Error(version->value_where,
              "'version' must be a whole number from 1, got " + std::to_string(*number));
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
  top.AllowOnly({"workflow", "templates", "calendar", "parameters", "roles", "phases", "variables",
                 "forms", "criteria", "deadlines", "events", "states", "any_state"});
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
  if (const Entry* e = present("phases")) ReadPhasesSection(ctx, *e);
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
  CheckPhases(ctx);
  ResolveChallenge(ctx);
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
  std::optional<std::string> text = yaml_internal::ReadSourceFile(path);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(yaml_internal::CannotRead(path, "workflow"));
    return result;
  }
  return LoadWorkflowText(*text, path, options);
}

}  // namespace uitdaag
