// Logging in and out. A session is a random token, stored only as its SHA-256; it comes back as
// an HttpOnly, SameSite=Strict cookie for browsers and in the body for integrations (bearer).
// Failed logins are throttled per user name and per client address.
#include <Poco/Net/HTTPCookie.h>

#include "http/caller.h"
#include "http/handlers.h"

namespace uitdaag::http {

void CreateSession(Exchange& ex) {
  Poco::JSON::Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  const std::string username = body->optValue<std::string>("username", "");
  const std::string password = body->optValue<std::string>("password", "");
  if (username.empty() || username.size() > 64) {
    ex.Problem(422, "username is required (at most 64 characters)", "username");
    return;
  }
  if (password.empty() || password.size() > 1024) {
    ex.Problem(422, "password is required (at most 1024 bytes)", "password");
    return;
  }
  const int64_t now = ex.state().clock->Now().unix_seconds();
  const std::string by_user = "user:" + username;
  const std::string by_address = "address:" + ex.ClientAddress();
  LoginThrottle& throttle = ex.state().logins;
  if (!throttle.Allowed(by_user, now) || !throttle.Allowed(by_address, now)) {
    ex.SetHeader("Retry-After", std::to_string(LoginThrottle::kWindowSeconds));
    ex.Problem(429, "too many failed logins; try again later");
    return;
  }
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  StatusOr<Account> account = (*store)->CheckLogin(username, password);
  if (!account.ok()) {
    if (account.status().code() == StatusCode::kPermissionDenied) {
      throttle.Failed(by_user, now);
      throttle.Failed(by_address, now);
      ex.Problem(401, account.status().message());
    } else {
      ex.Fail(account.status());
    }
    return;
  }
  throttle.Succeeded(by_user);
  const int64_t ttl = ex.state().config.session_ttl_seconds;
  StatusOr<std::string> token =
      (*store)->CreateSession(account->username, "session", ex.state().clock->Now(), ttl);
  if (!token.ok()) return ex.Fail(token.status());
  Poco::Net::HTTPCookie cookie(kSessionCookie, *token);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setMaxAge(static_cast<int>(ttl));
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(ex.state().config.secure_cookie);
  ex.SetHeader("Set-Cookie", cookie.toString());
  Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("token", *token);
  out.set("username", account->username);
  out.set("display_name", account->display_name);
  Poco::JSON::Array::Ptr roles = new Poco::JSON::Array();
  for (const std::string& role : account->roles) roles->add(role);
  out.set("roles", roles);
  out.set("expires_in", ttl);
  ex.Json(201, out);
}

void DeleteSession(Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  const std::string auth = ex.Header("Authorization");
  std::string token = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : std::string();
  if (token.empty()) {
    Poco::Net::NameValueCollection cookies;
    ex.request().getCookies(cookies);
    token = cookies.get(kSessionCookie, "");
  }
  if (!token.empty() && token.size() <= 256) {
    if (Status deleted = (*store)->DeleteSession(token); !deleted.ok()) return ex.Fail(deleted);
  }
  Poco::Net::HTTPCookie cookie(kSessionCookie, "");
  cookie.setPath("/");
  cookie.setMaxAge(0);
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(ex.state().config.secure_cookie);
  ex.SetHeader("Set-Cookie", cookie.toString());
  ex.Bytes(204, "text/plain", "");
}

}  // namespace uitdaag::http
