// JsonWriter: writes canonical JSON text, the byte-exact form the audit hash is computed over.
//
// Canonical means: no whitespace; object keys in strictly increasing byte order (the writer
// checks this and reports a violation through ok()); strings escaped minimally (", \ and control
// characters below 0x20, the latter as \n, \t, ... or \u00XX; all other UTF-8 bytes as they are);
// integers in decimal; other numbers in the shortest form that reads back to the same double;
// non-finite numbers are refused. The same values therefore always give the same bytes.
//
// Usage:
//   JsonWriter w;
//   w.BeginObject(); w.Key("a"); w.Int(1); w.Key("b"); w.String("x"); w.EndObject();
//   if (!w.ok()) ...; std::string text = w.Take();
//
// Thread safety: a value; one writer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uitdaag::store_internal {

class JsonWriter {
 public:
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // REQUIRES: inside an object, keys in strictly increasing byte order.
  void Key(std::string_view key);

  void Null();
  void Bool(bool b);
  void Int(int64_t i);
  void Double(double d);
  void String(std::string_view s);
  // Appends JSON text produced by another JsonWriter as one value.
  void Raw(std::string_view json);

  // Key + value shorthands.
  void Field(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void Field(std::string_view key, const char* s) {
    Key(key);
    String(s);
  }
  void Field(std::string_view key, int64_t i) {
    Key(key);
    Int(i);
  }
  void Field(std::string_view key, int i) {
    Key(key);
    Int(i);
  }
  void Field(std::string_view key, bool b) {
    Key(key);
    Bool(b);
  }

  // False when a key came out of order, a number was not finite, or nesting is unbalanced.
  bool ok() const { return error_.empty() && stack_.empty(); }
  const std::string& error() const { return error_; }
  std::string Take() { return std::move(out_); }

 private:
  struct Frame {
    bool object = false;
    bool first = true;
    std::string last_key;
    bool has_key = false;
  };
  void BeforeValue();
  void AppendQuoted(std::string_view s);
  void Fail(std::string message);

  std::string out_;
  std::vector<Frame> stack_;
  std::string error_;
};

}  // namespace uitdaag::store_internal
