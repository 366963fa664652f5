// Loading the letter assets of every template folder, and rendering one letter to HTML and PDF.
#include "uitdaag/letter_renderer.h"

#include <Poco/Base64Encoder.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "contract_names.h"
#include "html_text.h"
#include "uitdaag/letter_context.h"
#include "uitdaag/pdf.h"

namespace uitdaag {
namespace {

namespace fs = std::filesystem;
namespace c = contract;
using letters_internal::HtmlEscape;

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  *out = text.str();
  return !in.bad();
}

std::string DataUri(const std::string& png) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << png;
  encoder.close();
  return "data:image/png;base64," + out.str();
}

std::string Text(const Value& context, std::string_view section, std::string_view key) {
  const Value* s = context.Find(section);
  const Value* v = s != nullptr ? s->Find(key) : nullptr;
  return v != nullptr && v->type() == ValueType::kText ? v->as_text() : std::string();
}

// The letterhead lines under the municipality's name: postal address, phone, website.
std::vector<std::string> LetterheadLines(const MunicipalityProfile& p) {
  std::vector<std::string> lines;
  for (const std::string& line :
       {p.Text(c::kMunicipalityAddress),
        p.Text(c::kMunicipalityPostcode) + " " + p.Text(c::kMunicipalityCity),
        p.Text(c::kMunicipalityPhone), p.Text(c::kMunicipalityWebsite)}) {
    if (!line.empty() && line != " ") lines.push_back(line);
  }
  return lines;
}

std::string HtmlDocument(const RenderedLetter& letter, const std::string& title,
                         const std::string& css, const MunicipalityProfile& profile,
                         const std::string& logo_uri) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<title>" + HtmlEscape(title) + "</title>\n";
  html += "<meta name=\"generator\" content=\"uitdaag\">\n";
  html += "<meta name=\"template\" content=\"" + HtmlEscape(letter.template_name) + " " +
          letter.template_version + "\">\n";
  if (!css.empty()) html += "<style>\n" + css + "\n</style>\n";
  html += "</head>\n<body>\n<header class=\"letterhead\">\n";
  const std::string name = profile.Text(c::kMunicipalityName);
  if (!logo_uri.empty()) {
    html += "<img class=\"logo\" src=\"" + logo_uri + "\" alt=\"" + HtmlEscape(name) + "\">\n";
  }
  html += "<p class=\"municipality\"><strong>" + HtmlEscape(name) + "</strong>";
  for (const std::string& line : LetterheadLines(profile)) html += "<br>" + HtmlEscape(line);
  html += "</p>\n</header>\n<main class=\"letter\">\n" + letter.fragment + "\n</main>\n</body>\n</html>\n";
  return html;
}

// The footer's page number ("pagina 2 van 3"), in the words of the language file.
std::string PageLabel(const Language& language, int page, int pages) {
  return FillPattern(language.Pattern(PatternId::kPageLabel),
                     {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
}

}  // namespace

bool LetterAssetsResult::ok() const {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) return false;
  }
  return true;
}

LetterAssetsResult LoadLetterAssets(const std::vector<const WorkflowDefinition*>& workflows) {
  LetterAssetsResult result;
  auto add = [&](std::vector<Diagnostic> more) {
    for (Diagnostic& d : more) result.diagnostics.push_back(std::move(d));
  };
  for (const WorkflowDefinition* def : workflows) {
    if (def->templates.empty()) continue;
    const std::string& dir = def->template_dir;
    auto found = result.by_dir.find(dir);
    if (found == result.by_dir.end()) {
      LetterAssets assets;
      TemplateLibrary::LoadResult templates = TemplateLibrary::Load(dir);
      add(std::move(templates.diagnostics));
      assets.templates = templates.library;
      LanguageLoadResult language = LoadLanguageFile((fs::path(dir) / c::kLanguageFile).string());
      add(std::move(language.diagnostics));
      if (language.language) {
        assets.language = std::make_shared<const Language>(std::move(*language.language));
      }
      const fs::path css = fs::path(dir) / c::kStyleSheetFile;
      std::error_code ec;
      if (fs::is_regular_file(css, ec) && !ReadFile(css, &assets.style_sheet)) {
        result.diagnostics.push_back({Diagnostic::Severity::kError, {css.string(), 0, 0},
                                      "cannot read the house style"});
      }
      found = result.by_dir.emplace(dir, std::move(assets)).first;
    }
    if (found->second.templates) add(found->second.templates->CheckWorkflow(*def));
  }
  return result;
}

LetterRenderer::LetterRenderer(std::map<std::string, LetterAssets> assets,
                               MunicipalityProfile profile)
    : assets_(std::move(assets)), profile_(std::move(profile)) {
  std::string png;
  if (!profile_.logo_png.empty() && ReadFile(profile_.logo_png, &png)) logo_data_uri_ = DataUri(png);
}

const LetterAssets* LetterRenderer::AssetsFor(const WorkflowDefinition& workflow) const {
  auto it = assets_.find(workflow.template_dir);
  if (it == assets_.end() || !it->second.templates || !it->second.language) return nullptr;
  return &it->second;
}

StatusOr<RenderedLetter> LetterRenderer::Render(const LetterRequest& request) const {
  const LetterAssets* assets = AssetsFor(*request.workflow);
  if (assets == nullptr) {
    return Status::NotFound("no letter templates loaded for workflow '" + request.workflow->id +
                            "' (" + request.workflow->template_dir + ")");
  }
  LetterInput input;
  input.workflow = request.workflow;
  input.snapshot = request.snapshot;
  input.profile = &profile_;
  input.language = assets->language.get();
  input.letter_date = request.letter_date;
  input.applicant = request.applicant;
  input.handler = request.handler;
  return RenderContext(*request.workflow, request.template_name, BuildLetterContext(input),
                       request.letter_date, request.formats);
}

StatusOr<RenderedLetter> LetterRenderer::RenderContext(const WorkflowDefinition& workflow,
                                                       const std::string& template_name,
                                                       Value context,
                                                       std::optional<Date> letter_date,
                                                       LetterFormats formats) const {
  const LetterAssets* assets = AssetsFor(workflow);
  if (assets == nullptr) {
    return Status::NotFound("no letter templates loaded for workflow '" + workflow.id + "'");
  }
  RenderedLetter letter;
  letter.template_name = template_name;
  if (letter_date) letter.letter_date = *letter_date;
  UITDAAG_ASSIGN_OR_RETURN(letter.template_version, assets->templates->Version(template_name));
  UITDAAG_ASSIGN_OR_RETURN(letter.fragment, assets->templates->Render(template_name, context));
  const std::string case_number = Text(context, c::kCase, c::kCaseNumber);
  std::string title = letters_internal::TextOfClass(letter.fragment, c::kSubjectClass);
  if (title.empty()) title = template_name;
  letter.html = HtmlDocument(letter, title, assets->style_sheet, profile_, logo_data_uri_);
  if (formats == LetterFormats::kHtmlOnly) {
    letter.context = std::move(context);
    return letter;
  }

  PdfOptions pdf;
  pdf.title = title;
  pdf.subject = case_number;
  pdf.author = profile_.Text(c::kMunicipalityName);
  pdf.keywords = template_name + " " + case_number;
  pdf.creator = "uitdaag";
  // Dated on the letter's day, so that the same letter renders to the same bytes.
  if (letter_date) pdf.created = Instant::StartOfLocalDay(*letter_date);
  pdf.letterhead.name = profile_.Text(c::kMunicipalityName);
  pdf.letterhead.lines = LetterheadLines(profile_);
  pdf.letterhead.logo_png = profile_.logo_png;
  pdf.footer = profile_.Text(c::kMunicipalityName) + (case_number.empty() ? "" : " \u00b7 " + case_number);
  const Language* language = assets->language.get();
  pdf.page_label = [language](int page, int pages) { return PageLabel(*language, page, pages); };
  pdf.font_family = profile_.font;
  for (const c::ClassRole& role : c::kClassRoles) {
    pdf.class_roles.emplace(std::string(role.css_class), role.role);
  }
  UITDAAG_ASSIGN_OR_RETURN(letter.pdf, RenderPdf(letter.fragment, pdf));
  if (profile_.pdf_a) {
    UITDAAG_ASSIGN_OR_RETURN(letter.pdf, ConvertToPdfA(letter.pdf, PdfAOptions{}));
  }
  letter.context = std::move(context);
  return letter;
}

}  // namespace uitdaag
