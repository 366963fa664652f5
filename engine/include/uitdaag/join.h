// JoinNames: names in one line for messages ("a, b, c"). Header-only and pure.
//
// Thread safety: a function on values.
#pragma once

#include <string>
#include <string_view>

namespace uitdaag {

// Joins anything iterable whose items append to a std::string (std::string, std::string_view,
// const char*). An empty range gives an empty string.
template <typename Names>
std::string JoinNames(const Names& names, std::string_view separator = ", ") {
  std::string out;
  bool first = true;
  for (const auto& name : names) {
    if (!first) out += separator;
    out += name;
    first = false;
  }
  return out;
}

}  // namespace uitdaag
