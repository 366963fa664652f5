// UTF-8 for text that people type (form fields, parties, account names, token labels, file
// names): decoding, and the one check of what such a text may contain. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag {

// The number of code points in `s`, or nullopt when `s` is not valid UTF-8 (truncated or
// overlong sequences, surrogates and values above U+10FFFF are invalid).
std::optional<size_t> Utf8Length(std::string_view s);

// The code point that starts at s[*at], advancing *at past it; nullopt (and *at unchanged) when
// no valid UTF-8 sequence starts there (the rules of Utf8Length).
// REQUIRES: *at < s.size().
std::optional<char32_t> NextCodePoint(std::string_view s, size_t* at);

// Characters that change how a text shows without being seen: the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), the zero-width and invisible
// characters (U+180E, U+200B..U+200D, U+2060..U+2064, U+206A..U+206F, U+FEFF, U+FFF9..U+FFFB,
// the tags U+E0000..U+E007F) and the line and paragraph separators U+2028, U+2029.
bool IsInvisibleOrDirectional(char32_t cp);

// Whether a text may span lines: a one-line text (a name, an address line, a label, a file
// name) allows no line break; a multi-line text (a form's text field) allows line feeds, the
// carriage return of a CR LF pair (as browsers send a textarea) and tabs.
enum class TextLines { kOneLine, kMultiLine };

// OK when `text` is valid UTF-8 that shows what it says: no control character (C0, DEL, C1;
// in a multi-line text LF, CR before LF and tab excepted) and nothing IsInvisibleOrDirectional.
// Otherwise kInvalidArgument with `subject` as subject and the first fault, in the form
// validation's words, as "subject: what": "is not valid UTF-8 text", "must be one line
// (it contains U+000A)", "contains a control character (U+0007)", "contains an invisible or
// direction-changing character (U+202E)" or "contains a line or paragraph separator (U+2028)".
Status CheckPlainText(const std::string& subject, std::string_view text, TextLines lines);

}  // namespace uitdaag
