#include "pages/site.h"

#include <filesystem>

namespace uitdaag::pages {
namespace {

constexpr const char* kCss = "text/css; charset=utf-8";

}  // namespace

Site::LoadResult Site::Load(const http::ServiceState& state, const std::string& styles_dir) {
  LoadResult result;
  const MunicipalityProfile& profile = state.renderer->profile();
  // The pages live next to the letters: templates/pages/ of the first workflow's template folder.
  std::string letters_dir;
  for (const WorkflowDefinition* def : state.workflows->All()) {
    const LetterAssets* assets = state.renderer->AssetsFor(*def);
    if (assets != nullptr && assets->templates != nullptr) {
      letters_dir = assets->templates->dir();
      break;
    }
  }
  const std::string dir = (std::filesystem::path(letters_dir) / "pages").string();
  TemplateLibrary::LoadResult templates = TemplateLibrary::Load(dir);
  result.diagnostics = templates.diagnostics;
  if (!templates.ok()) return result;

  std::shared_ptr<Site> site(new Site());
  site->templates_ = templates.library;
  site->municipality_ = profile.municipality;
  std::vector<StaticAssets::Source> sources = {
      {"componenten.css",
       (std::filesystem::path(styles_dir) / "@utrecht/component-library-css/dist/index.css").string(),
       kCss},
      {"thema-basis.css",
       (std::filesystem::path(styles_dir) /
        "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css")
           .string(),
       kCss},
      {"pagina.css", (std::filesystem::path(dir) / "pagina.css").string(), kCss},
      {"thema.css",
       !profile.pages_theme_css.empty() ? profile.pages_theme_css
                                        : (std::filesystem::path(dir) / "thema.css").string(),
       kCss},
  };
  if (!profile.logo_png.empty()) sources.push_back({"logo.png", profile.logo_png, "image/png"});
  std::vector<Diagnostic> missing = StaticAssets::Load(sources, &site->assets_);
  result.diagnostics.insert(result.diagnostics.end(), missing.begin(), missing.end());
  if (!missing.empty()) return result;
  result.site = std::move(site);
  return result;
}

void Site::Render(http::Exchange& ex, int status, const std::string& page,
                  ValueRecord context) const {
  ValueRecord styles;
  for (const char* name : {"componenten", "thema-basis", "pagina", "thema"}) {
    styles[name] = Value::Text(assets_.Url(std::string(name) + ".css"));
  }
  const std::string logo = assets_.Url("logo.png");
  if (!logo.empty()) styles["logo"] = Value::Text(logo);
  context["stijl"] = Value::Record(std::move(styles));
  context["gemeente"] = municipality_;
  context["csrf"] = Value::Text(csrf_.TokenFor(ex));
  StatusOr<std::string> html = templates_->Render(page, Value::Record(std::move(context)));
  if (!html.ok()) {
    ex.Problem(500, "the page could not be rendered");
    return;
  }
  ex.SetHeader("Content-Security-Policy", kPageContentSecurityPolicy);
  ex.Bytes(status, "text/html; charset=utf-8", *html);
}

void Site::Error(http::Exchange& ex, int status) const {
  ValueRecord context;
  const char* kind = status == 400   ? "ongeldig_verzoek"
                     : status == 403 ? "verlopen_formulier"
                     : status == 404 ? "niet_gevonden"
                     : status == 409 ? "gewijzigd"
                     : status == 410 ? "al_verstuurd"
                     : status == 413 ? "te_groot"
                     : status == 503 ? "druk"
                                     : "storing";
  context[kind] = Value::Bool(true);
  Render(ex, status, "fout", std::move(context));
}

bool Site::ReadPostedForm(http::Exchange& ex, FormBody* body) const {
  switch (ReadForm(ex, body)) {
    case FormRead::kOk:
      break;
    case FormRead::kTooLarge:
      Error(ex, 413);
      return false;
    case FormRead::kNotAForm:
    case FormRead::kMalformed:
      Error(ex, 400);
      return false;
  }
  if (!csrf_.Valid(ex, body->Get(kCsrfField))) {
    Error(ex, 403);
    return false;
  }
  return true;
}

void Site::SeeOther(http::Exchange& ex, const std::string& location) {
  ex.SetHeader("Location", location);
  ex.Bytes(303, "text/plain; charset=utf-8", "");
}

}  // namespace uitdaag::pages
