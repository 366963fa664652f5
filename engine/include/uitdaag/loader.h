// Loading a workflow definition from YAML, with every problem reported as file:line:column.
//
// The loader checks everything before anything runs (workflows/README.md lists the format):
//   - YAML syntax; unknown keys (with the keys allowed there); missing required keys; wrong
//     scalar types (a number where a list is expected...);
//   - references: states, events, roles, forms, fields, deadlines, parameters, criteria and
//     templates that do not exist;
//   - expressions: parse errors and type errors, at the column inside the expression;
//   - structure: no initial state or more than one; unreachable states; non-final states with no
//     way out; final states with transitions; a deadline never started; a timer event that no
//     deadline fires or that people could fire; a field name used with two different types;
//     duplicate ids.
// All errors are collected (not just the first). Warnings (unused events, forms or parameters)
// do not stop loading.
//
// Templates: a transition's `letters:` names templates; each must exist as
// <template dir>/<name>.mustache. The template dir is LoadOptions::template_dir when given, else
// the `templates:` key of the workflow, resolved relative to the YAML file.
//
// Thread safety: loading is reentrant. The returned definition is immutable.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/workflow.h"

namespace uitdaag {

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;
  // "workflows/x.yaml:12:7: error: unknown state 'beoordelen' (known: ...)".
  std::string ToString() const;
};

struct LoadOptions {
  std::optional<std::string> template_dir;  // overrides the workflow's `templates:` key
};

struct LoadResult {
  std::shared_ptr<const WorkflowDefinition> definition;  // null when there is any error
  std::vector<Diagnostic> diagnostics;                   // errors and warnings, in file order
  bool ok() const { return definition != nullptr; }
  size_t error_count() const;
};

// Reads and checks the file at `path`. An unreadable file is one error diagnostic.
LoadResult LoadWorkflowFile(const std::string& path, const LoadOptions& options = {});

// Checks YAML text; `file_name` is used in diagnostics and to resolve the template dir.
LoadResult LoadWorkflowText(std::string_view yaml, const std::string& file_name,
                            const LoadOptions& options = {});

}  // namespace uitdaag
