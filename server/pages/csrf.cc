#include "pages/csrf.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/SHA2Engine.h>

#include <sstream>

#include "pages/page_support.h"
#include "uitdaag/password.h"

namespace uitdaag::pages {
namespace {

constexpr size_t kBlock = 64;  // SHA-256's block size in bytes

std::string Sha256Raw(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  const Poco::DigestEngine::Digest& digest = engine.digest();
  return std::string(digest.begin(), digest.end());
}

std::string Base64Url(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

bool LooksLikeToken(const std::string& s) {
  if (s.size() != 43) return false;
  for (char c : s) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string CookieOf(http::Exchange& ex) {
  const std::string value = CookieValue(ex, kCsrfCookie);
  return LooksLikeToken(value) ? value : std::string();
}

}  // namespace

std::string HmacSha256(const std::string& key, const std::string& message) {
  std::string k = key.size() > kBlock ? Sha256Raw(key) : key;
  k.resize(kBlock, '\0');
  std::string inner(kBlock, '\0'), outer(kBlock, '\0');
  for (size_t i = 0; i < kBlock; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  return Sha256Raw(outer + Sha256Raw(inner + message));
}

Csrf::Csrf() : key_(RandomToken(32)) {}

std::string Csrf::Sign(const std::string& cookie) const {
  return Base64Url(HmacSha256(key_, cookie));
}

std::string Csrf::TokenFor(http::Exchange& ex) const {
  std::string cookie = CookieOf(ex);
  if (cookie.empty()) {
    cookie = RandomToken(32);
    Poco::Net::HTTPCookie c(kCsrfCookie, cookie);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSecure(ex.state().config.secure_cookie);
    c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    ex.AddCookie(c);
  }
  return Sign(cookie);
}

bool Csrf::Valid(http::Exchange& ex, const std::string& presented) const {
  const std::string cookie = CookieOf(ex);
  if (cookie.empty() || presented.empty()) return false;
  const std::string expected = Sign(cookie);
  if (presented.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    diff |= static_cast<unsigned char>(expected[i] ^ presented[i]);
  }
  return diff == 0;
}

}  // namespace uitdaag::pages
