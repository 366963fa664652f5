// UTF-8 validation for text that people type (form fields, parties). Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace uitdaag {

// The number of code points in `s`, or nullopt when `s` is not valid UTF-8 (truncated or
// overlong sequences, surrogates and values above U+10FFFF are invalid).
std::optional<size_t> Utf8Length(std::string_view s);

}  // namespace uitdaag
