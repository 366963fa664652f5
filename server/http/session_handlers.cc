// Logging in and out. A session is a random token, stored only as its SHA-256; it comes back as
// an HttpOnly, SameSite=Strict cookie for browsers and in the body for integrations (bearer).
// Failed logins are throttled (password_check.h): refused per user name and address and per
// address, delayed per user name, never refused for a user name alone.
#include <Poco/Net/HTTPCookie.h>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/password_check.h"

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
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  std::optional<Account> account =
      CheckPasswordThrottled(ex, **store, username, password, PasswordPurpose::kLogin);
  if (!account) return;
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
  const std::string token = PresentedToken(ex);
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
