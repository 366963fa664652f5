// The resident's pages: the start page, a start page per workflow, the submission form, the
// confirmation, the private link and the case page ("Mijn uitdaging"). Thin: each handler asks
// the same services the JSON API asks (SubmitChallenge, Identify/MaySeeCase, the store's case,
// deadline and letter reads) and renders a template of templates/pages/.
//
//   GET  /                              start page: the challenges one can start
//   GET  /uitdagen/{workflow}           what the challenge is, what is needed, how long it takes
//   GET  /uitdagen/{workflow}/formulier the submission form
//   POST /uitdagen/{workflow}/formulier checks (CSRF first), then submits or shows the form again
//                                       with an error summary (422); 303 to the confirmation
//   GET  /volgen?code=TOKEN             the private link: the case token becomes the case cookie,
//                                       303 to the case page (the token leaves the address bar)
//   GET  /zaak/{id}/ontvangen           the confirmation after sending
//   GET  /zaak/{id}                     the case page
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
