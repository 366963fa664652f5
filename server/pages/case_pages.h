// The resident's case, as pages: what the browser may see of it follows Identify and the API's
// rules (a case cookie, `uitdaag_zaak`, holds the case's access token).
//
//   GET  /volgen?code=TOKEN             the private link: the token becomes the case cookie,
//                                       303 to the case page (the token leaves the address bar)
//   GET  /zaak/{id}/ontvangen           the confirmation after sending, with the private link
//   GET  /zaak/{id}                     the case page: status, steps, deadlines with their
//                                       explanation, letters, attachments, what is asked
//   GET  /zaak/{id}/actie/{event}       an event the API offers the caller, as a form
//   POST /zaak/{id}/actie/{event}       fires it (FireCaseEvent) on the version the page showed;
//                                       409 when the case moved on meanwhile
//   POST /zaak/{id}/bijlagen            an attachment (multipart/form-data), by the API's rules
//
// A case the browser may not see is 404, as in the API.
//
// Thread safety: handlers share only the immutable Site and the service state.
#pragma once

#include <memory>

#include "http/router.h"
#include "pages/site.h"

namespace uitdaag::pages {

void AddCasePages(http::Router& router, std::shared_ptr<const Site> site);

}  // namespace uitdaag::pages
