// Site: what every page of `uitdaag serve` shares — the page templates (templates/pages/, checked
// like the letter templates: every value HTML-escaped, no unescaped output), the static files,
// the CSRF key, and the municipality (name and logo from the profile).
//
// Pages are Mustache templates that include the partials `_kop` (the document head, the page
// header with the municipality's name and logo, the opening of <main>) and `_voet` (the footer).
// Render() adds to every page's context:
//   gemeente.*      the profile's municipality record (naam, adres, ...)
//   stijl.*         URLs of the style sheets (componenten, thema, pagina) and of the logo
//   csrf            the CSRF token of the browser (csrf.h), for every form
// and answers text/html with the pages' Content-Security-Policy (no script, styles and images
// from this origin only, forms to this origin only, never framed).
//
// Thread safety: immutable after Load(); Render() may be called from any thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "http/exchange.h"
#include "pages/csrf.h"
#include "pages/form_body.h"
#include "pages/static_assets.h"
#include "uitdaag/template_library.h"
#include "uitdaag/value.h"

namespace uitdaag::pages {

inline constexpr const char* kPageContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

class Site {
 public:
  // Loads templates/pages/ of the letter renderer's template folder and the static files
  // (`styles_dir` is where npm installed the NL Design System packages). Every problem is
  // reported as a diagnostic; the site is null when there is any.
  struct LoadResult {
    std::shared_ptr<const Site> site;
    std::vector<Diagnostic> diagnostics;
  };
  static LoadResult Load(const http::ServiceState& state, const std::string& styles_dir);

  // Renders `page` with `context` plus the common values above and answers it with `status`.
  void Render(http::Exchange& ex, int status, const std::string& page, ValueRecord context) const;
  // The error page (fout.mustache) for `status`: 400, 403 (a form without its CSRF token), 404,
  // 409, 410 (a draft that was sent already), 413, 503 and 500; the Dutch words are in the template, chosen by the status.
  void Error(http::Exchange& ex, int status) const;
  // Reads a posted form (form_body.h) and checks its CSRF token; answers the refusal itself and
  // returns false: 413 over the limits, 400 for a body that is no form, 403 without a valid
  // token. Every page handler of a POST starts here, before it looks at any field.
  bool ReadPostedForm(http::Exchange& ex, FormBody* body) const;
  // A redirect after a POST (303 See Other), so that a reload never sends the form again.
  static void SeeOther(http::Exchange& ex, const std::string& location);

  const Csrf& csrf() const { return csrf_; }
  const StaticAssets& assets() const { return assets_; }
  const std::string& pages_dir() const { return templates_->dir(); }

 private:
  Site() = default;
  std::shared_ptr<const TemplateLibrary> templates_;
  StaticAssets assets_;
  Csrf csrf_;
  Value municipality_;
};

}  // namespace uitdaag::pages
