#include "html_entities.h"

#include <cctype>
#include <string>

namespace uitdaag::pdf_internal {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

constexpr NamedEntity kNamedEntities[] = {
    {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", 0xA0},
};

constexpr size_t kLongestReference = 12;  // "&#x10FFFF;" and the names fit well within this

bool IsScalarValue(unsigned long cp) {
  return cp != 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

// Parses the digits of a numeric reference ("123" or "x7B"); false when malformed.
bool ParseNumeric(std::string_view body, unsigned long& cp) {
  int base = 10;
  if (!body.empty() && (body[0] == 'x' || body[0] == 'X')) {
    base = 16;
    body.remove_prefix(1);
  }
  if (body.empty() || body.size() > 8) return false;
  cp = 0;
  for (char c : body) {
    const unsigned char u = static_cast<unsigned char>(c);
    unsigned long digit = 0;
    if (std::isdigit(u)) {
      digit = static_cast<unsigned long>(u - '0');
    } else if (base == 16 && std::isxdigit(u)) {
      digit = static_cast<unsigned long>(std::tolower(u) - 'a' + 10);
    } else {
      return false;
    }
    cp = cp * static_cast<unsigned long>(base) + digit;
  }
  return true;
}

}  // namespace

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

StatusOr<std::string> DecodeEntities(std::string_view raw, int first_line) {
  std::string out;
  out.reserve(raw.size());
  int line = first_line;
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\n') ++line;
    if (c != '&') {
      out += c;
      continue;
    }
    // A reference is '&', then '#' or a letter, then up to the first ';'.
    const size_t semicolon = raw.find(';', i + 1);
    const bool looks_like_reference =
        i + 1 < raw.size() &&
        (raw[i + 1] == '#' || std::isalpha(static_cast<unsigned char>(raw[i + 1]))) &&
        semicolon != std::string_view::npos && semicolon - i <= kLongestReference &&
        raw.substr(i + 1, semicolon - i - 1).find_first_of(" \t\r\n&<") == std::string_view::npos;
    if (!looks_like_reference) {
      out += c;
      continue;
    }
    const std::string_view body = raw.substr(i + 1, semicolon - i - 1);
    const std::string reference = "&" + std::string(body) + ";";
    if (body[0] == '#') {
      unsigned long cp = 0;
      if (!ParseNumeric(body.substr(1), cp) || !IsScalarValue(cp)) {
        return Status::InvalidArgument("line " + std::to_string(line) + ": character reference " +
                                           reference + " is not a valid character",
                                       reference);
      }
      AppendUtf8(static_cast<char32_t>(cp), out);
    } else {
      bool found = false;
      for (const NamedEntity& entity : kNamedEntities) {
        if (entity.name == body) {
          AppendUtf8(entity.code_point, out);
          found = true;
          break;
        }
      }
      if (!found) {
        return Status::InvalidArgument(
            "line " + std::to_string(line) + ": entity " + reference + " is not supported",
            reference);
      }
    }
    i = semicolon;
  }
  return out;
}

}  // namespace uitdaag::pdf_internal
