#include "pages/page_support.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include "http/caller.h"

namespace uitdaag::pages {

const WorkflowDefinition* StartableWorkflow(http::Exchange& ex) {
  const WorkflowDefinition* def = ex.state().workflows->Latest(ex.Param("workflow"));
  if (def == nullptr || def->submission_event.empty()) return nullptr;
  const EventDef* event = def->FindEvent(def->submission_event);
  if (event == nullptr || def->forms.count(event->form) == 0) return nullptr;
  return def;
}

const FormDef& SubmissionForm(const WorkflowDefinition& def) {
  return def.forms.at(def.FindEvent(def.submission_event)->form);
}

const Language* LanguageOf(const http::ServiceState& state, const WorkflowDefinition& def) {
  const LetterAssets* assets = state.renderer->AssetsFor(def);
  return assets != nullptr ? assets->language.get() : nullptr;
}

http::Handler PageHandler(std::shared_ptr<const Site> site,
                                  void (*page)(const Site&, http::Exchange&)) {
  return [site = std::move(site), page](http::Exchange& ex) { page(*site, ex); };
}

Value PageRecord(const std::string& title) {
  ValueRecord page;
  page["titel"] = Value::Text(title);
  return Value::Record(std::move(page));
}

void SetTokenCookie(http::Exchange& ex, const std::string& name, const std::string& token,
                    int max_age) {
  Poco::Net::HTTPCookie cookie(name, token);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSecure(ex.state().config.secure_cookie);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  cookie.setMaxAge(max_age);
  ex.AddCookie(cookie);
}

void SetCaseCookie(http::Exchange& ex, const std::string& token) {
  SetTokenCookie(ex, http::kCaseCookie, token, kCaseCookieSeconds);
}

std::string PrivateLink(http::Exchange& ex, const std::string& path_and_query) {
  return (ex.state().config.secure_cookie ? "https://" : "http://") + ex.request().getHost() +
         path_and_query;
}

std::string CookieValue(http::Exchange& ex, const std::string& name) {
  Poco::Net::NameValueCollection cookies;
  ex.request().getCookies(cookies);
  return cookies.get(name, "");
}

}  // namespace uitdaag::pages
