#include "http/content_disposition.h"

#include <cstdint>
#include <optional>

#include "uitdaag/utf8.h"

namespace uitdaag::http {
namespace {

constexpr size_t kMaxNameBytes = 255;

// The code point at s[i] and its length in bytes; kInvalid for an invalid sequence (then one
// byte is consumed).
constexpr uint32_t kInvalid = 0xFFFFFFFF;
uint32_t Decode(std::string_view s, size_t i, size_t* length) {
  size_t next = i;
  const std::optional<char32_t> cp = NextCodePoint(s, &next);
  *length = cp ? next - i : 1;
  return cp ? static_cast<uint32_t>(*cp) : kInvalid;
}

bool Unsafe(uint32_t cp) {
  return cp == kInvalid || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == '/' ||
         cp == '\\' || IsInvisibleOrDirectional(static_cast<char32_t>(cp));
}

bool IsAttrChar(unsigned char c) {  // RFC 5987 attr-char
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' ||
         c == '#' || c == '$' || c == '&' || c == '+' || c == '-' || c == '.' || c == '^' ||
         c == '_' || c == '`' || c == '|' || c == '~';
}

}  // namespace

std::string AttachmentDisposition(std::string_view file_name) {
  // The name as valid UTF-8 without anything unsafe, and its ASCII fallback.
  std::string clean, fallback;
  for (size_t i = 0; i < file_name.size();) {
    size_t length = 1;
    const uint32_t cp = Decode(file_name, i, &length);
    if (clean.empty() && (cp == '.' || cp == ' ')) {  // no hidden or blank-led names
      i += length;
      continue;
    }
    if (clean.size() + length > kMaxNameBytes) break;
    if (Unsafe(cp)) {
      clean += '_';
      fallback += '_';
    } else {
      clean.append(file_name.substr(i, length));
      const bool plain = cp >= 0x20 && cp < 0x7F && cp != '"' && cp != ':' && cp != '%';
      fallback += plain ? static_cast<char>(cp) : '_';
    }
    i += length;
  }
  if (clean.empty()) clean = fallback = "document";
  std::string header = "attachment; filename=\"" + fallback + "\"";
  if (fallback != clean) {
    static const char kHex[] = "0123456789ABCDEF";
    header += "; filename*=UTF-8''";
    for (char ch : clean) {
      const auto c = static_cast<unsigned char>(ch);
      if (IsAttrChar(c)) {
        header += ch;
      } else {
        header += '%';
        header += kHex[c >> 4];
        header += kHex[c & 0x0F];
      }
    }
  }
  return header;
}

}  // namespace uitdaag::http
