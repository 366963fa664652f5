// Shared state of one workflow load, between the section readers (loader*.cc) and the
// whole-definition checks (loader_checks.cc). Internal to the YAML adapter.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "uitdaag/loader.h"
#include "uitdaag/workflow.h"
#include "yaml_reader.h"

namespace uitdaag::loader_internal {

using yaml_internal::Document;
using yaml_internal::Entry;
using yaml_internal::Mapping;
using yaml_internal::Quote;

// A name used somewhere, with the place it was written.
struct NameUse {
  std::string name;
  SourceLocation where;
};

// A deadline named by a transition's `deadlines:` actions.
struct DeadlineUse {
  std::string action;  // "stop", "suspend", ...
  std::string deadline;
  SourceLocation where;
};

// Places the checks need that the definition does not keep.
struct StatePlaces {
  SourceLocation initial;  // the `initial: true` value
  SourceLocation on;       // the `on:` key
  SourceLocation phase;    // the `phase:` value, if written (also when it did not resolve)
};

struct LoadContext {
  LoadContext(Document& document, const LoadOptions& load_options)
      : doc(document), options(load_options) {}

  Document& doc;
  const LoadOptions& options;
  WorkflowDefinition def;

  SourceLocation top;                       // where the file starts (1:1)
  SourceLocation states_key;                // the `states:` key, if written
  std::optional<std::string> template_dir;  // resolved, if any
  SourceLocation template_dir_where;

  std::vector<NameUse> templates_used;     // every `letters:` entry, in file order
  std::vector<DeadlineUse> deadline_uses;  // every deadline named by an action
  std::set<std::string> parameters_used;   // by deadlines, extensions and expressions
  std::map<std::string, StatePlaces> state_places;
  std::map<std::string, SourceLocation> form_where;  // form id -> its key
  // `workflow.challenger_role` and `workflow.submission_event` as written, resolved once the
  // roles, events and states are read (ResolveChallenge).
  std::optional<yaml_internal::Scalar> challenger_role_written;
  std::optional<yaml_internal::Scalar> submission_event_written;
  bool challenge_unreadable = false;  // one of them was written but is not a single value
  // Names that did not resolve, so later checks do not pile follow-up errors on them.
  std::set<std::string> events_with_unknown_form;  // their event.* names are unknown
  bool unresolved_target = false;                  // some `to:` names an unknown state

  void Error(const SourceLocation& where, std::string message) {
    doc.Error(where, std::move(message));
  }
  void Warning(const SourceLocation& where, std::string message) {
    doc.Warning(where, std::move(message));
  }
};

// Section readers, in the order they run (later sections refer to earlier ones).
void ReadWorkflowSection(LoadContext& ctx, const Entry* entry);
void ReadTemplatesSection(LoadContext& ctx, const Entry* entry);
void ReadCalendarSection(LoadContext& ctx, const Entry& entry);
void ReadParametersSection(LoadContext& ctx, const Entry& entry);
void ReadRolesSection(LoadContext& ctx, const Entry& entry);
void ReadVariablesSection(LoadContext& ctx, const Entry& entry);
void ReadPhasesSection(LoadContext& ctx, const Entry& entry);
void ReadCriteriaSection(LoadContext& ctx, const Entry& entry);
void ReadFormsSection(LoadContext& ctx, const Entry& entry);
void ReadEventsSection(LoadContext& ctx, const Entry& entry);
void ReadDeadlinesSection(LoadContext& ctx, const Entry& entry);
void ReadStatesSection(LoadContext& ctx, const Entry& entry);
void ReadAnyStateSection(LoadContext& ctx, const Entry& entry);

// Parts of sections that live in their own file.
// The `pages:` of a form (loader_pages.cc), read after its fields; `written` names every field
// key written under `fields:` (also those that did not read), so that a broken field is not
// reported a second time as an unknown name on a page.
void ReadFormPages(LoadContext& ctx, const Entry& entry, const std::vector<std::string>& written,
                   FormDef& form);
// A state's `phase:` (loader_public.cc); REQUIRES: the phases are read.
void ReadStatePhase(LoadContext& ctx, const Entry& entry, StateDef& state);

// Whole-definition checks (loader_checks.cc), run after every section was read.
void CheckStructure(LoadContext& ctx);
// loader_public.cc: every non-final state has a phase when phases are declared; the challenger
// role and the submission event, as written (checked) or derived.
void CheckPhases(LoadContext& ctx);
void ResolveChallenge(LoadContext& ctx);
void CheckTemplates(LoadContext& ctx);
void WarnUnused(LoadContext& ctx);

// Helpers shared by the section readers.

// Checks that `id` can be used in expression paths; reports it at `where` otherwise.
bool CheckIdentifier(LoadContext& ctx, const std::string& id, const SourceLocation& where,
                     std::string_view kind);
// A duration written as text ("8 weeks") or as `params.<id>` naming a duration parameter.
struct DurationRef {
  Duration duration;
  std::string parameter;  // set when it came from a parameter
};
std::optional<DurationRef> ReadDurationRef(LoadContext& ctx, const Entry& entry);
// The keys of a map, for "known: ..." lists.
template <typename Map>
std::vector<std::string> KeysOf(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}
// "duration", "number", ... as written in YAML.
const char* ParameterKindName(ParameterDef::Kind kind);
// "unknown <kind> 'x' (known: ...)".
std::string UnknownName(std::string_view kind, const std::string& name,
                        const std::vector<std::string>& known);
// Whether two static types are the same (kind, element, options).
bool SameType(const Type& a, const Type& b);

}  // namespace uitdaag::loader_internal
