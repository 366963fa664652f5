// CSRF protection for the pages' forms: a synchronizer token bound to the browser.
//
// Every browser that sees a form gets a random cookie `uitdaag_csrf` (HttpOnly, SameSite=Strict,
// Path=/; Secure with secure_cookie). Every form carries the hidden field `csrf`, which must
// equal HMAC-SHA256(key, cookie value) in base64url; the key is random per service process, so
// a token is worth nothing to another browser, and nothing after a restart (the form is then
// shown again with a message, the values kept). SameSite=Strict on every cookie is the second
// line of defence.
//
// A POST whose token is missing or wrong is refused with 403 before anything is read from its
// fields or stored (page_handlers.cc).
//
// Thread safety: immutable after construction; all methods may be called from any thread.
#pragma once

#include <string>

#include "http/exchange.h"

namespace uitdaag::pages {

inline constexpr const char* kCsrfCookie = "uitdaag_csrf";
inline constexpr const char* kCsrfField = "csrf";

class Csrf {
 public:
  Csrf();  // a fresh random key
  // The token for the browser of `ex`; sets the cookie on the answer when the browser has none
  // (or one that is not a token of ours in form: 43 characters of base64url).
  std::string TokenFor(http::Exchange& ex) const;
  // Whether `presented` (the form's field) is the token of the cookie the request carries.
  // Constant-time in the token's bytes.
  bool Valid(http::Exchange& ex, const std::string& presented) const;

 private:
  std::string Sign(const std::string& cookie) const;
  const std::string key_;  // constant after construction
};

// HMAC-SHA256 (RFC 2104) of `message` under `key`, as raw bytes. Poco 1.11's HMACEngine does
// not compile with SHA2Engine, so it is written out over Poco's SHA-256.
std::string HmacSha256(const std::string& key, const std::string& message);

}  // namespace uitdaag::pages
