// The names a workflow expression may use, and their types. The loader type-checks guards and
// assignments against this environment; the engine evaluates them against values of the same
// names (engine/src/core/engine_scope.cc), so the two can never disagree.
//
//   data.<field>            every form field and variable of the workflow (criteria fields
//                           excepted: they are read through assessment.*)
//   event.<field>           the fields of the form of the event being handled (only there)
//   params.<id>             every parameter except durations (those configure deadlines)
//   assessment.complete     bool: every criterion has a score
//   assessment.passed       bool: complete, and no score below its criterion's minimum
//   assessment.total        number: the sum of weight * score over scored criteria
//   assessment.scored       number: how many criteria have a score
//   assessment.failed       number: how many scores are below their minimum
//   deadline.<id>.active    bool: the deadline is running or suspended
//   deadline.<id>.expired   bool: the deadline passed (its timer fired) and has not been
//                           stopped since (a late decision stops it)
//   today                   the event's date (a keyword of the language, not a path)
//
// Thread safety: immutable after construction; holds a reference to the definition, which must
// outlive it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "uitdaag/expr.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

class WorkflowTypeEnvironment final : public TypeEnvironment {
 public:
  // `event` is the event whose transitions the expression belongs to; null: no event.* names.
  WorkflowTypeEnvironment(const WorkflowDefinition& def, const EventDef* event);
  std::optional<Type> TypeOf(std::string_view path) const override;

 private:
  std::map<std::string, Type, std::less<>> types_;  // constant after construction
};

// The type params.<id> has for a parameter; nullopt for durations.
std::optional<Type> ParameterType(const ParameterDef& param);

}  // namespace uitdaag
