#include "http/log_safe.h"

namespace uitdaag::http {

std::string LogSafe(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (out.size() >= 200) {
      out += "...";
      break;
    }
    if (c > 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out.empty() ? "-" : out;
}

}  // namespace uitdaag::http
