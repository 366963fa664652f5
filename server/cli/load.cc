// Loading workflows and scripts for the commands, with their problems reported on stderr.
#include <ostream>

#include "cli/commands.h"
#include "uitdaag/loader.h"

namespace uitdaag::cli {

std::shared_ptr<const WorkflowDefinition> LoadWorkflowOrReport(
    const std::string& path, const std::optional<std::string>& template_dir, std::ostream& err) {
  LoadOptions options;
  options.template_dir = template_dir;
  LoadResult loaded = LoadWorkflowFile(path, options);
  if (loaded.ok()) return loaded.definition;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) err << d.ToString() << "\n";
  }
  size_t errors = loaded.error_count();
  err << path << ": " << errors << (errors == 1 ? " error" : " errors") << "\n";
  return nullptr;
}

std::optional<Script> LoadScriptOrReport(const std::string& path, std::ostream& err) {
  StatusOr<Script> script = LoadScriptFile(path);
  if (!script.ok()) {
    err << script.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(script).value();
}

}  // namespace uitdaag::cli
