#include "http/content_disposition.h"

#include <cstdint>

namespace uitdaag::http {
namespace {

constexpr size_t kMaxNameBytes = 255;

// The code point at s[i] and its length in bytes; 0xFFFFFFFF for an invalid sequence (then
// one byte is consumed).
uint32_t Decode(std::string_view s, size_t i, size_t* length) {
  constexpr uint32_t kInvalid = 0xFFFFFFFF;
  const auto lead = static_cast<unsigned char>(s[i]);
  *length = 1;
  if (lead < 0x80) return lead;
  size_t extra = 0;
  uint32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07u;
  } else {
    return kInvalid;
  }
  if (i + extra >= s.size()) return kInvalid;
  for (size_t k = 1; k <= extra; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  *length = extra + 1;
  return cp;
}

bool Unsafe(uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == '/' || cp == '\\' ||
         cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFFFFFF;
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
