// `uitdaag validate [--templates DIR] FILE...`: every diagnostic, then a summary per file.
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "uitdaag/letter_renderer.h"
#include "uitdaag/loader.h"

namespace uitdaag::cli {

namespace {

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Prints one file's diagnostics and summary; true when it has no errors.
bool ValidateFile(const std::string& path, const LoadOptions& options, std::ostream& out) {
  LoadResult loaded = LoadWorkflowFile(path, options);
  size_t warnings = 0;
  for (const Diagnostic& d : loaded.diagnostics) {
    out << d.ToString() << "\n";
    if (d.severity == Diagnostic::Severity::kWarning) ++warnings;
  }
  if (!loaded.ok()) {
    // A failed load always has at least one error; say so even if the loader forgot to count it.
    size_t errors = loaded.error_count() == 0 ? 1 : loaded.error_count();
    out << path << ": " << Count(errors, "error", "errors") << "\n";
    return false;
  }
  const WorkflowDefinition& def = *loaded.definition;
  // The letters: their templates, language file and house style, and every name they use.
  const LetterAssetsResult letters = LoadLetterAssets({&def});
  size_t letter_errors = 0;
  for (const Diagnostic& d : letters.diagnostics) {
    out << d.ToString() << "\n";
    if (d.severity == Diagnostic::Severity::kWarning) {
      ++warnings;
    } else {
      ++letter_errors;
    }
  }
  if (letter_errors > 0) {
    out << path << ": " << Count(letter_errors, "error", "errors") << " in its letters\n";
    return false;
  }
  out << path << ": ok (" << Count(def.states.size(), "state", "states") << ", "
      << Count(def.events.size(), "event", "events") << ", "
      << Count(def.deadlines.size(), "deadline", "deadlines") << ", "
      << Count(def.templates.size(), "letter", "letters") << ", version " << def.version;
  if (warnings > 0) out << "; " << Count(warnings, "warning", "warnings");
  out << ")\n";
  return true;
}

}  // namespace

int ValidateCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--templates", true}}, "validate");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->positional.empty()) return UsageError(err, "validate needs at least one FILE");
  LoadOptions options;
  options.template_dir = parsed->Last("--templates");
  bool all_ok = true;
  for (const std::string& path : parsed->positional) {
    if (!ValidateFile(path, options, out)) all_ok = false;
  }
  return all_ok ? kExitOk : kExitFailure;
}

}  // namespace uitdaag::cli
