// Small pieces the page handlers share: finding the workflow a page is about, its submission
// form and letter language, the page title record, and the cookies that carry a resident's
// case or draft token.
#pragma once

#include <memory>
#include <string>

#include "http/exchange.h"
#include "http/router.h"
#include "pages/site.h"
#include "uitdaag/form.h"
#include "uitdaag/language.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag::pages {

// The workflow of the path parameter "workflow" when residents can start it (it has a submission
// event with a form); nullptr otherwise.
const WorkflowDefinition* StartableWorkflow(http::Exchange& ex);
// REQUIRES: `def` was returned by StartableWorkflow.
const FormDef& SubmissionForm(const WorkflowDefinition& def);
// The language of the workflow's letters (Dutch words, dates); nullptr when not loaded.
const Language* LanguageOf(const http::ServiceState& state, const WorkflowDefinition& def);

// {titel: title}: the `pagina` record every page has.
Value PageRecord(const std::string& title);

// How long the case cookie (http::kCaseCookie) lasts in the browser; the private link sets it
// again any time.
inline constexpr int kCaseCookieSeconds = 90 * 24 * 3600;

// A route's handler for a page function of `site` (which the handler keeps alive).
http::Handler PageHandler(std::shared_ptr<const Site> site,
                                  void (*page)(const Site&, http::Exchange&));

// A cookie holding a resident's token: HttpOnly, Path=/, SameSite=Lax (a private link is opened
// from an e-mail, and the redirect after it must carry the cookie; forms carry a CSRF token),
// Secure with secure_cookie. `max_age` 0 removes it.
void SetTokenCookie(http::Exchange& ex, const std::string& name, const std::string& token,
                    int max_age);
// The case cookie (http::kCaseCookie) with a case's access token, for kCaseCookieSeconds.
void SetCaseCookie(http::Exchange& ex, const std::string& token);
// A private link to give a resident: this service's own address (as the browser reached it;
// https with secure_cookie) with `path_and_query` ("/volgen?code=...").
std::string PrivateLink(http::Exchange& ex, const std::string& path_and_query);
// The value of cookie `name`, empty when absent.
std::string CookieValue(http::Exchange& ex, const std::string& name);

}  // namespace uitdaag::pages
