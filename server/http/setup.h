// Loading what both the service and the commands need, with every problem written to `err`:
// the workflows of a directory and the letter renderer for them.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/letter_renderer.h"
#include "uitdaag/runner.h"

namespace uitdaag::http {

// Every *.yaml of `dir` in a registry; null when the directory is missing or empty, or any file
// has an error (each error diagnostic and a per-file count are written to `err`).
std::unique_ptr<WorkflowRegistry> LoadWorkflowDirOrReport(const std::string& dir,
                                                          std::ostream& err);

// The renderer for these workflows: their templates, language files and house styles (checked),
// and the profile at `profile_path`, else profile.yaml in the first workflow's template folder.
// Null on any error.
std::unique_ptr<LetterRenderer> LoadRendererOrReport(
    const std::vector<const WorkflowDefinition*>& workflows,
    const std::optional<std::string>& profile_path, std::ostream& err);

}  // namespace uitdaag::http
