#include "uitdaag/utf8.h"

#include <cstdint>

namespace uitdaag {
namespace {

// For a UTF-8 lead byte: how many continuation bytes follow and the payload bits it carries;
// false for a byte that cannot start a character (including the overlong leads 0xC0, 0xC1).
bool Utf8Lead(unsigned char b, size_t* extra, uint32_t* bits) {
  if (b < 0x80) {
    *extra = 0;
    *bits = b;
  } else if (b >= 0xC2 && b <= 0xDF) {
    *extra = 1;
    *bits = b & 0x1Fu;
  } else if (b >= 0xE0 && b <= 0xEF) {
    *extra = 2;
    *bits = b & 0x0Fu;
  } else if (b >= 0xF0 && b <= 0xF4) {
    *extra = 3;
    *bits = b & 0x07u;
  } else {
    return false;
  }
  return true;
}

}  // namespace

// The number of code points in `s`, or nullopt when `s` is not valid UTF-8 (truncated or
// overlong sequences, surrogates and values above U+10FFFF are invalid).
std::optional<size_t> Utf8Length(std::string_view s) {
  constexpr uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    size_t extra = 0;
    uint32_t cp = 0;
    if (!Utf8Lead(static_cast<unsigned char>(s[i]), &extra, &cp)) return std::nullopt;
    if (extra > s.size() - 1 - i) return std::nullopt;
    for (size_t k = 1; k <= extra; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return std::nullopt;
    }
    i += extra + 1;
  }
  return count;
}

}  // namespace uitdaag
