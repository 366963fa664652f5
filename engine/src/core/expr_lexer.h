// Internal: splits expression text into tokens (see uitdaag/expr.h for the grammar).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::expr_internal {

enum class TokenKind {
  kEnd,     // after the last token; its offset is the length of the text
  kNumber,  // `number` holds the value
  kString,  // `text` holds the unescaped contents
  kName,    // a NAME or dotted PATH, `text` holds it whole ("data.begroting")
  // Keywords.
  kAnd,
  kOr,
  kNot,
  kIn,
  kTrue,
  kFalse,
  kNull,
  kToday,
  // Punctuation and operators.
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t offset = 0;   // 0-based byte offset of the token's first character
  std::string_view source;  // the token as written (a view into the text being parsed)
  std::string text;         // kString: unescaped contents; kName: the path
  double number = 0;        // kNumber
};

// The token for a person: "'and'", "'data.x'", "string \"abc\"", "end of input".
std::string Describe(const Token& token);

// Tokenizes `source`. kInvalidArgument (subject: the offset) for an unexpected character, an
// unterminated or over-long string, a malformed number or a keyword used as a path head.
// The result always ends with one kEnd token.
// REQUIRES: `source` outlives the tokens (they view into it).
StatusOr<std::vector<Token>> Lex(std::string_view source);

}  // namespace uitdaag::expr_internal
