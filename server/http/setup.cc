#include "http/setup.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "uitdaag/loader.h"

namespace uitdaag::http {

std::unique_ptr<WorkflowRegistry> LoadWorkflowDirOrReport(const std::string& dir,
                                                          std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    err << "uitdaag: no workflow directory " << dir << "\n";
    return nullptr;
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    err << "uitdaag: no workflow files (*.yaml) in " << dir << "\n";
    return nullptr;
  }
  auto registry = std::make_unique<WorkflowRegistry>();
  for (const std::string& file : files) {
    LoadResult loaded = LoadWorkflowFile(file);
    if (!loaded.ok()) {
      for (const Diagnostic& d : loaded.diagnostics) {
        if (d.severity == Diagnostic::Severity::kError) err << d.ToString() << "\n";
      }
      const size_t errors = loaded.error_count();
      err << file << ": " << errors << (errors == 1 ? " error" : " errors") << "\n";
      return nullptr;
    }
    if (Status added = registry->Add(loaded.definition); !added.ok()) {
      err << file << ": " << added.message() << "\n";
      return nullptr;
    }
  }
  return registry;
}

std::unique_ptr<LetterRenderer> LoadRendererOrReport(
    const std::vector<const WorkflowDefinition*>& workflows,
    const std::optional<std::string>& profile_path, std::ostream& err) {
  LetterAssetsResult assets = LoadLetterAssets(workflows);
  for (const Diagnostic& d : assets.diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) err << d.ToString() << "\n";
  }
  if (!assets.ok()) {
    err << "uitdaag: the letters have errors (run 'uitdaag validate' on the workflow)\n";
    return nullptr;
  }
  std::string path = profile_path.value_or("");
  if (path.empty()) {
    for (const WorkflowDefinition* def : workflows) {
      if (def->template_dir.empty()) continue;
      path = (std::filesystem::path(def->template_dir) / "profile.yaml").string();
      break;
    }
  }
  if (path.empty()) {
    err << "uitdaag: no municipality profile: give --profile FILE\n";
    return nullptr;
  }
  ProfileLoadResult profile = LoadProfileFile(path);
  for (const Diagnostic& d : profile.diagnostics) err << d.ToString() << "\n";
  if (!profile.ok()) return nullptr;
  return std::make_unique<LetterRenderer>(std::move(assets.by_dir), std::move(*profile.profile));
}

}  // namespace uitdaag::http
