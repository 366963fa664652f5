// HTML character references: the named ones the letter subset allows and numeric ones.
#pragma once

#include <string>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag::pdf_internal {

// Replaces the character references in `raw` by the UTF-8 they stand for: &amp; &lt; &gt; &quot;
// &apos; &nbsp; (U+00A0, which does not collapse), &#NNN; and &#xHH;. An ampersand not followed
// by something that looks like a reference ("A & B") stays as it is.
// kInvalidArgument for an unknown named reference or a code point that is not a Unicode scalar
// value (0, a surrogate, above U+10FFFF); the message names the reference and its line, where
// `first_line` is the line `raw` starts on.
StatusOr<std::string> DecodeEntities(std::string_view raw, int first_line);

// Appends the UTF-8 encoding of a Unicode scalar value.
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace uitdaag::pdf_internal
