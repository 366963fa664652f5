// ReadStrictJson: a request body's JSON text (RFC 8259) read strictly into the Poco::JSON values
// the handlers use, as Poco::JSON::Parser would build them: Object::Ptr (keys not in insertion
// order), Array::Ptr, std::string, bool, Poco::Int64 for a whole number written without fraction
// or exponent, double for any other number, and an empty Var for null. Poco's parser keeps the
// last of two equal keys and turns 1e-400 into 0 without a word; this one refuses both.
//
// Refused as not JSON (kInvalidArgument with an EMPTY subject; the message, "not valid JSON:
// expected ':' after the key (line 1, column 12)" or "nested deeper than 32 levels (line 1,
// column 40)", reads after "the body is "):
//   - anything outside the grammar: comments, trailing commas, single quotes, NaN, leading
//     zeros or '+', raw control characters in strings, unknown escapes, text after the value;
//   - bytes that are not UTF-8 (overlong, truncated, surrogates, beyond U+10FFFF) and \u
//     escapes of half a surrogate pair;
//   - arrays and objects nested deeper than `max_depth`.
// Refused as well-formed but not acceptable (kInvalidArgument whose subject is the path of the
// value at fault, "applicant.name", "data.bijlagen[2]", and whose message starts with it):
//   - a key given twice in one object (after unescaping: "a" and "\u0061" are the same key);
//   - a whole number beyond +-2^53 (9007199254740992), which a double cannot keep exactly;
//   - any other number that overflows to infinity, underflows to 0, or that the double it
//     becomes does not read back as (0.30000000000000001 would become 0.3): only a number that
//     is kept as written is accepted; every client that writes a double's shortest form
//     (JavaScript, Python, Poco) writes such numbers.
// The size limit is the caller's (Exchange reads at most max_body_bytes).
//
// Thread safety: pure.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag::http {

struct StrictJsonLimits {
  int max_depth = 32;  // arrays and objects inside each other, the outermost counting 1
};

StatusOr<Poco::Dynamic::Var> ReadStrictJson(std::string_view text, StrictJsonLimits limits = {});

}  // namespace uitdaag::http
