// Loading what letters need for the commands that render them: the profile, and the templates,
// language and house style of every template folder the workflows use (checked).
#include <filesystem>
#include <ostream>

#include "cli/commands.h"

namespace uitdaag::cli {

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
  std::string path;
  if (profile_path) {
    path = *profile_path;
  } else {
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

}  // namespace uitdaag::cli
