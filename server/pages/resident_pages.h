// The resident's pages. Thin: each handler asks the same services the JSON API asks
// (SubmitChallenge, FireCaseEvent, the attachment service, Identify, the store's reads) and
// renders a template of templates/pages/. This file has the start pages and registers all:
//
//   GET  /                              start page: the challenges one can start
//   GET  /uitdagen/{workflow}           what the challenge is, what is needed, how long it takes
//   the form and its drafts             form_pages.h
//   the case, its actions, attachments  case_pages.h
//   GET  /static/{version}/{name}       style sheets and the logo (static_assets.h)
//
// Refusals are Dutch pages (fout.mustache): 403 without a valid CSRF token, 404 for an unknown
// workflow or a case the browser may not see (as the API), 413 for a form over the limits.
//
// Thread safety: handlers share only the immutable Site and the service state.
#pragma once

#include <memory>

#include "http/router.h"
#include "pages/site.h"

namespace uitdaag::pages {

void AddResidentPages(http::Router& router, std::shared_ptr<const Site> site);

}  // namespace uitdaag::pages
