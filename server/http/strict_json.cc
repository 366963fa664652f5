#include "http/strict_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "uitdaag/utf8.h"

namespace uitdaag::http {
namespace {

using Poco::Dynamic::Var;

constexpr int64_t kMaxExactInteger = int64_t{1} << 53;
constexpr size_t kShownNumber = 40;  // characters of a refused number shown in the message

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// A number as sign, significant digits (no leading or trailing zeros) and a power of ten:
// "-12.50" and "-1.25e1" are both {true, "125", -1}. Zero has no digits and exponent 0.
struct Decimal {
  bool negative = false;
  std::string digits;
  int64_t exponent = 0;
  bool operator==(const Decimal&) const = default;
};

// REQUIRES: `text` matches JSON's number grammar (or to_chars' scientific form).
Decimal DecimalOf(std::string_view text) {
  constexpr int64_t kSaturated = 1000000000;  // an exponent beyond any double, and no overflow
  Decimal d;
  size_t i = 0;
  if (text[i] == '-') d.negative = true, ++i;
  for (; i < text.size() && IsDigit(text[i]); ++i) d.digits += text[i];
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && IsDigit(text[i]); ++i) d.digits += text[i], --d.exponent;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool minus = text[i] == '-';
    if (text[i] == '-' || text[i] == '+') ++i;
    int64_t e = 0;
    for (; i < text.size() && IsDigit(text[i]); ++i)
      e = std::min(e * 10 + (text[i] - '0'), kSaturated);
    d.exponent += minus ? -e : e;
  }
  const size_t first = d.digits.find_first_not_of('0');
  if (first == std::string::npos) {
    d.digits.clear();
    d.exponent = 0;
    return d;
  }
  d.digits.erase(0, first);
  const size_t last = d.digits.find_last_not_of('0');
  d.exponent += static_cast<int64_t>(d.digits.size() - 1 - last);
  d.digits.resize(last + 1);
  return d;
}

std::string Shown(std::string_view number) {
  if (number.size() <= kShownNumber) return std::string(number);
  return std::string(number.substr(0, kShownNumber)) + "...";
}

void AppendUtf8(uint32_t cp, std::string& out) {
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

// One pass over the text. A syntax error stops it at once; the first value that is well-formed
// but not acceptable is kept in `refused_` and reading goes on, so that a text that is not
// JSON at all is answered as such even when a duplicate key comes first.
class Reader {
 public:
  Reader(std::string_view text, StrictJsonLimits limits) : text_(text), limits_(limits) {}

  StatusOr<Var> Document() {
    SkipSpace();
    if (AtEnd()) return Malformed("there is no JSON value");
    Var value;
    UITDAAG_RETURN_IF_ERROR(Value("", 0, &value));
    SkipSpace();
    if (!AtEnd()) return Malformed("unexpected " + Here() + " after the JSON value");
    if (!refused_.ok()) return refused_;
    return value;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Peek() == '\r')) {
      ++pos_;
    }
  }

  // What stands at the current position, for a message.
  std::string Here() const {
    if (AtEnd()) return "end of text";
    const auto c = static_cast<unsigned char>(Peek());
    if (c > 0x20 && c < 0x7F) return std::string("'") + Peek() + "'";
    char text[16];
    std::snprintf(text, sizeof text, "byte 0x%02X", static_cast<unsigned>(c));
    return text;
  }

  // "(line 2, column 7)": lines counted by LF, columns by code point, both from 1.
  std::string Position() const {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
    return "(line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
  }

  Status Malformed(const std::string& what) const {
    return Status::InvalidArgument("not valid JSON: " + what + " " + Position());
  }
  void Refuse(const std::string& path, const std::string& what) {
    const std::string subject = path.empty() ? "body" : path;
    if (refused_.ok()) refused_ = Status::InvalidArgument(subject + ": " + what, subject);
  }

  Status Value(const std::string& path, int depth, Var* out) {
    switch (Peek()) {
      case '{':
        return ObjectValue(path, depth + 1, out);
      case '[':
        return ArrayValue(path, depth + 1, out);
      case '"': {
        std::string text;
        UITDAAG_RETURN_IF_ERROR(StringValue(&text));
        *out = text;
        return Status::Ok();
      }
      case 't':
        return Word("true", Var(true), out);
      case 'f':
        return Word("false", Var(false), out);
      case 'n':
        return Word("null", Var(), out);
      default:
        if (Peek() == '-' || IsDigit(Peek())) return NumberValue(path, out);
        return Malformed("expected a value, not " + Here());
    }
  }

  Status Word(std::string_view word, const Var& value, Var* out) {
    if (text_.substr(pos_, word.size()) != word)
      return Malformed("expected a value, not " + Here());
    pos_ += word.size();
    *out = value;
    return Status::Ok();
  }

  Status Deeper(int depth) const {
    if (depth <= limits_.max_depth) return Status::Ok();
    return Status::InvalidArgument("nested deeper than " + std::to_string(limits_.max_depth) +
                                   " levels " + Position());
  }

  Status ObjectValue(const std::string& path, int depth, Var* out) {
    UITDAAG_RETURN_IF_ERROR(Deeper(depth));
    ++pos_;  // '{'
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object();
    SkipSpace();
    if (Peek() == '}') {
      ++pos_;
      *out = object;
      return Status::Ok();
    }
    while (true) {
      SkipSpace();
      if (Peek() != '"') return Malformed("expected a key in double quotes, not " + Here());
      std::string key;
      UITDAAG_RETURN_IF_ERROR(StringValue(&key));
      SkipSpace();
      if (Peek() != ':') return Malformed("expected ':' after the key, not " + Here());
      ++pos_;
      SkipSpace();
      const std::string key_path = path.empty() ? key : path + "." + key;
      Var value;
      UITDAAG_RETURN_IF_ERROR(Value(key_path, depth, &value));
      if (object->has(key)) {
        Refuse(key_path, "given twice in one object (each key once)");
      } else {
        object->set(key, value);
      }
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() != '}') return Malformed("expected ',' or '}' in an object, not " + Here());
      ++pos_;
      *out = object;
      return Status::Ok();
    }
  }

  Status ArrayValue(const std::string& path, int depth, Var* out) {
    UITDAAG_RETURN_IF_ERROR(Deeper(depth));
    ++pos_;  // '['
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array();
    SkipSpace();
    if (Peek() == ']') {
      ++pos_;
      *out = array;
      return Status::Ok();
    }
    while (true) {
      SkipSpace();
      Var item;
      UITDAAG_RETURN_IF_ERROR(
          Value(path + "[" + std::to_string(array->size()) + "]", depth, &item));
      array->add(item);
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() != ']') return Malformed("expected ',' or ']' in an array, not " + Here());
      ++pos_;
      *out = array;
      return Status::Ok();
    }
  }

  // Four hex digits after "\u"; nullopt when they are not there.
  std::optional<uint32_t> Hex4() {
    if (text_.size() - pos_ < 4) return std::nullopt;
    uint32_t value = 0;
    for (size_t k = 0; k < 4; ++k) {
      const char c = text_[pos_ + k];
      const int digit = IsDigit(c)               ? c - '0'
                        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                 : -1;
      if (digit < 0) return std::nullopt;
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    pos_ += 4;
    return value;
  }

  Status Escape(std::string* out) {
    ++pos_;  // the backslash
    const char c = Peek();
    const char* const kSimple = "\"\\/bfnrt";
    const char* const kMeaning = "\"\\/\b\f\n\r\t";
    for (size_t k = 0; kSimple[k] != '\0'; ++k) {
      if (c == kSimple[k]) {
        *out += kMeaning[k];
        ++pos_;
        return Status::Ok();
      }
    }
    if (c != 'u') return Malformed("unknown escape '\\' followed by " + Here());
    ++pos_;
    const std::optional<uint32_t> unit = Hex4();
    if (!unit) return Malformed("expected four hex digits after \\u");
    uint32_t cp = *unit;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return Malformed("a \\u escape of the second half of a surrogate pair without its first");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::optional<uint32_t> low;
      if (text_.substr(pos_, 2) == "\\u") {
        pos_ += 2;
        low = Hex4();
      }
      if (!low || *low < 0xDC00 || *low > 0xDFFF) {
        return Malformed("a \\u escape of the first half of a surrogate pair without its second");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
    }
    AppendUtf8(cp, *out);
    return Status::Ok();
  }

  Status StringValue(std::string* out) {
    ++pos_;  // '"'
    while (true) {
      if (AtEnd()) return Malformed("a string without its closing '\"'");
      const auto c = static_cast<unsigned char>(Peek());
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (c == '\\') {
        UITDAAG_RETURN_IF_ERROR(Escape(out));
      } else if (c < 0x20) {
        return Malformed("a control character (" + Here() + ") inside a string; escape it");
      } else if (c < 0x80) {
        *out += static_cast<char>(c);
        ++pos_;
      } else {
        const size_t start = pos_;
        if (!NextCodePoint(text_, &pos_)) return Malformed("bytes that are not UTF-8 in a string");
        out->append(text_.substr(start, pos_ - start));
      }
    }
  }

  size_t Digits() {
    const size_t start = pos_;
    while (IsDigit(Peek())) ++pos_;
    return pos_ - start;
  }

  Status NumberValue(const std::string& path, Var* out) {
    const size_t start = pos_;
    if (Peek() == '-') ++pos_;
    if (Peek() == '0') {
      ++pos_;
      if (IsDigit(Peek())) return Malformed("a number with a leading zero");
    } else if (Digits() == 0) {
      return Malformed("expected a digit, not " + Here());
    }
    bool whole = true;
    if (Peek() == '.') {
      ++pos_;
      whole = false;
      if (Digits() == 0) return Malformed("expected a digit after '.', not " + Here());
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      whole = false;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (Digits() == 0) return Malformed("expected a digit in the exponent, not " + Here());
    }
    const std::string_view literal = text_.substr(start, pos_ - start);
    if (whole) {
      int64_t value = 0;
      const auto [end, error] =
          std::from_chars(literal.data(), literal.data() + literal.size(), value);
      if (error != std::errc() || end != literal.data() + literal.size() ||
          value > kMaxExactInteger || value < -kMaxExactInteger) {
        Refuse(path, "the whole number " + Shown(literal) +
                         " is beyond what a number keeps exactly (at most 9007199254740992 "
                         "either way)");
        *out = Var();
        return Status::Ok();
      }
      *out = static_cast<Poco::Int64>(value);
      return Status::Ok();
    }
    const Decimal written = DecimalOf(literal);
    if (written.digits.empty()) {  // a zero, whatever its exponent
      *out = written.negative ? -0.0 : 0.0;
      return Status::Ok();
    }
    double value = 0;
    const auto [end, error] =
        std::from_chars(literal.data(), literal.data() + literal.size(), value);
    if (error == std::errc::result_out_of_range || !std::isfinite(value)) {
      const int64_t magnitude = written.exponent + static_cast<int64_t>(written.digits.size()) - 1;
      Refuse(path, "the number " + Shown(literal) +
                       (magnitude > 0 ? " is too large for a number"
                                      : " is too close to 0 for a number: it would become 0"));
      *out = Var();
      return Status::Ok();
    }
    // The double's shortest form: what the number reads back as.
    char shortest[64];
    const auto printed = std::to_chars(shortest, shortest + sizeof shortest, value);
    const std::string_view kept(shortest, static_cast<size_t>(printed.ptr - shortest));
    if (error != std::errc() || end != literal.data() + literal.size() ||
        DecimalOf(kept) != written) {
      Refuse(path, "the number " + Shown(literal) +
                       " has more digits than a number keeps (it would become " +
                       std::string(kept) + ")");
      *out = Var();
      return Status::Ok();
    }
    *out = value;
    return Status::Ok();
  }

  const std::string_view text_;
  const StrictJsonLimits limits_;
  size_t pos_ = 0;
  Status refused_ = Status::Ok();
};

}  // namespace

StatusOr<Var> ReadStrictJson(std::string_view text, StrictJsonLimits limits) {
  return Reader(text, limits).Document();
}

}  // namespace uitdaag::http
