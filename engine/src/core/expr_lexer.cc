#include "expr_lexer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "expr_ast.h"
#include "uitdaag/expr.h"

namespace uitdaag::expr_internal {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsNameStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool IsNameChar(char c) {
  return IsNameStart(c) || IsDigit(c);
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct Keyword {
  std::string_view word;
  TokenKind kind;
};
constexpr Keyword kKeywords[] = {
    {"and", TokenKind::kAnd},   {"or", TokenKind::kOr},       {"not", TokenKind::kNot},
    {"in", TokenKind::kIn},     {"true", TokenKind::kTrue},   {"false", TokenKind::kFalse},
    {"null", TokenKind::kNull}, {"today", TokenKind::kToday},
};

const Keyword* FindKeyword(std::string_view word) {
  for (const Keyword& k : kKeywords) {
    if (k.word == word) return &k;
  }
  return nullptr;
}

// A character for a message: 'x' when printable ASCII, otherwise its byte value.
std::string DescribeChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x21 && byte < 0x7f) return std::string("'") + c + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", static_cast<unsigned>(byte));
  return buf;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}

  StatusOr<std::vector<Token>> Run() {
    for (;;) {
      while (pos_ < src_.size() && IsSpace(src_[pos_])) ++pos_;
      if (pos_ >= src_.size()) break;
      UITDAAG_RETURN_IF_ERROR(LexOne());
    }
    Add(TokenKind::kEnd, src_.size());
    return std::move(tokens_);
  }

 private:
  Status LexOne() {
    const char c = src_[pos_];
    if (IsDigit(c)) return LexNumber();
    if (IsNameStart(c)) return LexName();
    if (c == '"' || c == '\'') return LexString();
    return LexOperator();
  }

  // Appends a token spanning [start, pos_).
  Token& Add(TokenKind kind, size_t start) {
    Token token;
    token.kind = kind;
    token.offset = start;
    token.source = src_.substr(start, pos_ - start);
    tokens_.push_back(std::move(token));
    return tokens_.back();
  }

  char PeekChar(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  void SkipDigits() {
    while (IsDigit(PeekChar())) ++pos_;
  }

  Status LexNumber() {
    const size_t start = pos_;
    SkipDigits();
    if (PeekChar() == '.') {
      if (!IsDigit(PeekChar(1))) {
        return SyntaxError(pos_ + 1, "expected digits after the '.' in number '" +
                                         std::string(src_.substr(start, pos_ + 1 - start)) + "'");
      }
      ++pos_;
      SkipDigits();
    }
    if (IsNameChar(PeekChar()) || PeekChar() == '.') {
      while (IsNameChar(PeekChar()) || PeekChar() == '.') ++pos_;
      return SyntaxError(
          start, "malformed number '" + std::string(src_.substr(start, pos_ - start)) + "'");
    }
    double value = 0;
    const std::string_view digits = src_.substr(start, pos_ - start);
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec != std::errc() || !std::isfinite(value)) {
      return SyntaxError(start, "number '" + std::string(digits) + "' is too large");
    }
    Add(TokenKind::kNumber, start).number = value;
    return Status::Ok();
  }

  // Scans NAME into [.., pos_); false when there is no NAME at pos_.
  bool ScanName() {
    if (!IsNameStart(PeekChar())) return false;
    while (IsNameChar(PeekChar())) ++pos_;
    return true;
  }

  Status LexName() {
    const size_t start = pos_;
    ScanName();
    const std::string_view head = src_.substr(start, pos_ - start);
    bool dotted = false;
    while (PeekChar() == '.') {
      dotted = true;
      ++pos_;
      if (!ScanName()) {
        return SyntaxError(
            pos_, "expected a name after '" + std::string(src_.substr(start, pos_ - start)) + "'");
      }
    }
    const Keyword* keyword = FindKeyword(head);
    if (keyword != nullptr && dotted) {
      return SyntaxError(start, "'" + std::string(head) + "' is a keyword and cannot start a path");
    }
    if (keyword != nullptr) {
      Add(keyword->kind, start);
    } else {
      Add(TokenKind::kName, start).text = std::string(src_.substr(start, pos_ - start));
    }
    return Status::Ok();
  }

  Status LexString() {
    const size_t start = pos_;
    const char quote = src_[pos_++];
    std::string contents;
    for (;;) {
      if (pos_ >= src_.size()) return SyntaxError(start, "unterminated string literal");
      char c = src_[pos_];
      if (c == quote) break;
      if (c == '\\') {
        const char next = PeekChar(1);
        if (pos_ + 1 >= src_.size()) return SyntaxError(start, "unterminated string literal");
        if (next != '\\' && next != '\'' && next != '"') {
          return SyntaxError(pos_, "unknown escape '\\" + std::string(1, next) +
                                       "' in string literal (only \\\\, \\' and \\\" exist)");
        }
        c = next;
        ++pos_;
      }
      contents.push_back(c);
      ++pos_;
      if (contents.size() > Expression::kMaxStringLength) {
        return SyntaxError(start, "string literal longer than " +
                                      std::to_string(Expression::kMaxStringLength) + " characters");
      }
    }
    ++pos_;  // the closing quote
    Add(TokenKind::kString, start).text = std::move(contents);
    return Status::Ok();
  }

  // Two-character operators first, then single characters.
  Status LexOperator() {
    const size_t start = pos_;
    const char c = src_[pos_];
    if (PeekChar(1) == '=') {
      const TokenKind two = TwoCharKind(c);
      if (two != TokenKind::kEnd) {
        pos_ += 2;
        Add(two, start);
        return Status::Ok();
      }
    }
    const TokenKind one = OneCharKind(c);
    if (one == TokenKind::kEnd) return UnexpectedChar(start, c);
    ++pos_;
    Add(one, start);
    return Status::Ok();
  }

  // The operator `c` followed by '=' forms, or kEnd when none.
  static TokenKind TwoCharKind(char c) {
    switch (c) {
      case '=':
        return TokenKind::kEq;
      case '!':
        return TokenKind::kNe;
      case '<':
        return TokenKind::kLe;
      case '>':
        return TokenKind::kGe;
      default:
        return TokenKind::kEnd;
    }
  }

  static TokenKind OneCharKind(char c) {
    switch (c) {
      case '(':
        return TokenKind::kLParen;
      case ')':
        return TokenKind::kRParen;
      case '[':
        return TokenKind::kLBracket;
      case ']':
        return TokenKind::kRBracket;
      case ',':
        return TokenKind::kComma;
      case '+':
        return TokenKind::kPlus;
      case '-':
        return TokenKind::kMinus;
      case '*':
        return TokenKind::kStar;
      case '/':
        return TokenKind::kSlash;
      case '<':
        return TokenKind::kLt;
      case '>':
        return TokenKind::kGt;
      default:
        return TokenKind::kEnd;
    }
  }

  static Status UnexpectedChar(size_t offset, char c) {
    std::string hint;
    switch (c) {
      case '=':
        hint = "; use '==' to compare";
        break;
      case '!':
        hint = "; use 'not' or '!='";
        break;
      case '&':
        hint = "; use 'and'";
        break;
      case '|':
        hint = "; use 'or'";
        break;
      case '.':
        hint = "; a number needs digits before the '.'";
        break;
      default:
        break;
    }
    return SyntaxError(offset, "unexpected character " + DescribeChar(c) + hint);
  }

  std::string_view src_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::string Describe(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "end of input";
  constexpr size_t kShown = 40;
  std::string shown(token.source.substr(0, kShown));
  if (token.source.size() > kShown) shown += "...";
  if (token.kind == TokenKind::kString) return "string " + shown;
  return "'" + shown + "'";
}

StatusOr<std::vector<Token>> Lex(std::string_view source) {
  return Lexer(source).Run();
}

}  // namespace uitdaag::expr_internal
