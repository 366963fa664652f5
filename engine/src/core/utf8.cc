#include "uitdaag/utf8.h"

#include <cstdint>
#include <cstdio>
#include <string>

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

// "U+202E"
std::string CodePointName(char32_t cp) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
  return text;
}

bool IsControl(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

}  // namespace

std::optional<char32_t> NextCodePoint(std::string_view s, size_t* at) {
  constexpr uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  const size_t i = *at;
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
  *at = i + extra + 1;
  return static_cast<char32_t>(cp);
}

std::optional<size_t> Utf8Length(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    if (!NextCodePoint(s, &i)) return std::nullopt;
  }
  return count;
}

bool IsInvisibleOrDirectional(char32_t cp) {
  return cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
         (cp >= 0xE0000 && cp <= 0xE007F);
}

Status CheckPlainText(const std::string& subject, std::string_view text, TextLines lines) {
  const auto fault = [&subject](const std::string& what) {
    return Status::InvalidArgument(subject + ": " + what, subject);
  };
  const bool multi_line = lines == TextLines::kMultiLine;
  for (size_t i = 0; i < text.size();) {
    const std::optional<char32_t> cp = NextCodePoint(text, &i);
    if (!cp) return fault("is not valid UTF-8 text");
    const bool line_break = *cp == '\n' || (*cp == '\r' && i < text.size() && text[i] == '\n');
    if (line_break && !multi_line) {
      return fault("must be one line (it contains " + CodePointName(*cp) + ")");
    }
    if (line_break || (*cp == '\t' && multi_line)) continue;
    if (IsControl(*cp)) return fault("contains a control character (" + CodePointName(*cp) + ")");
    if (*cp == 0x2028 || *cp == 0x2029) {
      return fault("contains a line or paragraph separator (" + CodePointName(*cp) + ")");
    }
    if (IsInvisibleOrDirectional(*cp)) {
      return fault("contains an invisible or direction-changing character (" + CodePointName(*cp) +
                   ")");
    }
  }
  return Status::Ok();
}

}  // namespace uitdaag
