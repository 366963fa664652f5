// LetterRenderer: one letter of one case, from template to stored documents.
//
//   LoadLetterAssets  reads, for every template folder the workflows use, the templates
//                     (uitdaag/template_library.h), the language file `taal.yaml`
//                     (uitdaag/language.h) and the house style `huisstijl.css`, and checks each
//                     workflow's letters against the data it can provide. Every problem is a
//                     diagnostic with file:line:column; nothing renders until all are fixed.
//   LetterRenderer    builds the context (uitdaag/letter_context.h), renders the HTML fragment,
//                     wraps it in a self-contained HTML document (house style inlined, logo as a
//                     data URI) and typesets the PDF (uitdaag/pdf.h), PDF/A-2b when the profile
//                     asks for it. Rendering is a pure function of its inputs and the files
//                     loaded at start: the same case, step and files give the same letter.
//
// Errors: kNotFound for a workflow whose template folder was not loaded or an unknown template;
// kInvalidArgument from the PDF typesetter (markup outside its subset); kUnavailable /
// kInternal from Ghostscript.
//
// Thread safety: immutable after construction; Render() may run in several threads at once.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/case.h"
#include "uitdaag/date.h"
#include "uitdaag/language.h"
#include "uitdaag/loader.h"
#include "uitdaag/party.h"
#include "uitdaag/profile.h"
#include "uitdaag/template_library.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// What one template folder holds.
struct LetterAssets {
  std::shared_ptr<const TemplateLibrary> templates;
  std::shared_ptr<const Language> language;
  std::string style_sheet;  // CSS inlined in every HTML letter; empty when the folder has none
};

struct LetterAssetsResult {
  std::map<std::string, LetterAssets> by_dir;  // by WorkflowDefinition::template_dir
  std::vector<Diagnostic> diagnostics;
  bool ok() const;  // no error diagnostics
};

LetterAssetsResult LoadLetterAssets(const std::vector<const WorkflowDefinition*>& workflows);

// What Render() produces: both documents (to store and send), or the HTML only (previews).
enum class LetterFormats { kHtmlAndPdf, kHtmlOnly };

struct LetterRequest {
  const WorkflowDefinition* workflow = nullptr;  // REQUIRED
  const CaseSnapshot* snapshot = nullptr;        // REQUIRED: the case after the sending step
  std::string template_name;
  Date letter_date;
  std::optional<Party> applicant;
  std::optional<Party> handler;
  LetterFormats formats = LetterFormats::kHtmlAndPdf;
};

struct RenderedLetter {
  std::string template_name;
  std::string template_version;
  Date letter_date;      // brief.datum (when known)
  Value context;         // the data rendered from
  std::string fragment;  // the template's output
  std::string html;      // the whole HTML document
  std::string pdf;       // empty with LetterFormats::kHtmlOnly
};

class LetterRenderer {
 public:
  LetterRenderer(std::map<std::string, LetterAssets> assets, MunicipalityProfile profile);

  StatusOr<RenderedLetter> Render(const LetterRequest& request) const;
  // The same from a context built elsewhere. With a letter date, the PDF carries it as its
  // creation date (so that the same inputs give the same bytes) and so does the result.
  StatusOr<RenderedLetter> RenderContext(const WorkflowDefinition& workflow,
                                         const std::string& template_name, Value context,
                                         std::optional<Date> letter_date = std::nullopt,
                                         LetterFormats formats = LetterFormats::kHtmlAndPdf) const;

  const MunicipalityProfile& profile() const { return profile_; }
  // The assets of a workflow's template folder, or nullptr.
  const LetterAssets* AssetsFor(const WorkflowDefinition& workflow) const;

 private:
  std::map<std::string, LetterAssets> assets_;
  MunicipalityProfile profile_;
  std::string logo_data_uri_;  // the profile's logo, read once
};

}  // namespace uitdaag
