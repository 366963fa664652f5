// MunicipalityProfile: the facts about one municipality that its letters need — name, address,
// signatory, the competent body, where to object — read from a YAML file the municipality edits
// (templates/profile.yaml documents every key). Letters take these from the profile,
// never from C++.
//
// The file has two sections:
//   gemeente:  the values templates see as gemeente.* (keys are the data contract's names,
//              templates/README.md); plus the optional `rechtskarakter` (beschikking,
//              subsidiebeschikking, geen_besluit): the legal character of decisions for workflows
//              that do not set it themselves. A workflow's `rechtskarakter` parameter wins: the
//              procedure decides whether an objection can be registered, so its letters must say
//              the same (letter_context.h derives gemeente.besluit_is_beschikking from it).
//   letters:   how letters are produced: `logo` (a PNG, relative to the profile file), `font`
//              (a font family for the PDF), `pdf_a` (true: archive PDFs as PDF/A-2b).
// Every problem is reported as file:line:column: unknown keys (with the allowed ones), missing
// required keys, values that are not text, a logo that does not exist or is not a PNG.
//
// Thread safety: value type; loading is reentrant.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/loader.h"
#include "uitdaag/value.h"

namespace uitdaag {

struct MunicipalityProfile {
  std::string source_file;
  Value municipality;                     // a record of texts (and records): gemeente.*
  std::optional<std::string> legal_character;  // gemeente.rechtskarakter, when written
  std::string logo_png;                   // resolved path, or empty
  std::string font = "DejaVu Serif";
  bool pdf_a = false;
  // pages.theme: the web pages' theme, a CSS file of custom properties (resolved path); empty:
  // thema.css of the pages' template folder.
  std::string pages_theme_css;

  // A text of the municipality record by dotted path ("bezwaar.orgaan"); empty when absent.
  std::string Text(std::string_view dotted) const;
};

struct ProfileLoadResult {
  std::optional<MunicipalityProfile> profile;  // absent when there is any error
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return profile.has_value(); }
};

ProfileLoadResult LoadProfileFile(const std::string& path);
// `file_name` is used in diagnostics and to resolve the logo.
ProfileLoadResult LoadProfileText(std::string_view yaml, const std::string& file_name);

}  // namespace uitdaag
