// LogSafe: a value as one token of a key=value log line. Printable ASCII stays as it is; space,
// double quote, backslash and every other byte (controls, line breaks, UTF-8) become %XX, so a
// value can neither end its line nor forge another key; at most 200 characters (then "...");
// an empty value is "-".
//
// Thread safety: pure.
#pragma once

#include <string>
#include <string_view>

namespace uitdaag::http {

std::string LogSafe(std::string_view text);

}  // namespace uitdaag::http
