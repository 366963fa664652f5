#include "json_writer.h"

#include <charconv>
#include <cmath>

namespace uitdaag::store_internal {

void JsonWriter::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

void JsonWriter::BeforeValue() {
  if (stack_.empty()) return;
  Frame& frame = stack_.back();
  if (frame.object) {
    if (!frame.has_key) Fail("a value inside an object without a key");
    frame.has_key = false;
    return;
  }
  if (!frame.first) out_ += ',';
  frame.first = false;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  stack_.push_back(Frame{true, true, {}, false});
}

void JsonWriter::EndObject() {
  if (stack_.empty() || !stack_.back().object || stack_.back().has_key) {
    Fail("unbalanced object");
    return;
  }
  stack_.pop_back();
  out_ += '}';
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  stack_.push_back(Frame{false, true, {}, false});
}

void JsonWriter::EndArray() {
  if (stack_.empty() || stack_.back().object) {
    Fail("unbalanced array");
    return;
  }
  stack_.pop_back();
  out_ += ']';
}

void JsonWriter::Key(std::string_view key) {
  if (stack_.empty() || !stack_.back().object || stack_.back().has_key) {
    Fail("a key outside an object");
    return;
  }
  Frame& frame = stack_.back();
  if (!frame.first && !(frame.last_key < key)) {
    Fail("object key '" + std::string(key) + "' is not after '" + frame.last_key + "'");
  }
  if (!frame.first) out_ += ',';
  frame.first = false;
  frame.last_key.assign(key);
  frame.has_key = true;
  AppendQuoted(key);
  out_ += ':';
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
}

void JsonWriter::Int(int64_t i) {
  BeforeValue();
  out_ += std::to_string(i);
}

void JsonWriter::Double(double d) {
  if (!std::isfinite(d)) {
    Fail("a number that is not finite");
    d = 0;
  }
  BeforeValue();
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
  out_.append(buffer, result.ptr);
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendQuoted(s);
}

void JsonWriter::AppendQuoted(std::string_view s) {
  out_ += '"';
  for (const char c : s) {
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[(c >> 4) & 0xf];
          out_ += kHex[c & 0xf];
        } else {
          out_ += c;
        }
    }
  }
  out_ += '"';
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
}

}  // namespace uitdaag::store_internal
