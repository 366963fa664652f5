// JsonIn: a read-only view of parsed JSON (Poco::JSON underneath) that knows its own path, so
// that every decoding error names the item at fault ("deadlines.beslistermijn.round: ...").
//
// Thread safety: a value; shares the parsed document read-only.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::store_internal {

class JsonIn {
 public:
  // kInvalidArgument with the parser's message for text that is not JSON.
  static StatusOr<JsonIn> Parse(std::string_view text);

  JsonIn(Poco::Dynamic::Var value, std::string path)
      : value_(std::move(value)), path_(std::move(path)) {}

  bool is_null() const;
  bool is_object() const;
  bool is_array() const;

  // A member of an object (a null node when absent). REQUIRES: is_object().
  JsonIn Get(std::string_view key) const;
  // The member names of an object, sorted. REQUIRES: is_object().
  std::vector<std::string> Keys() const;
  // The items of an array. REQUIRES: is_array().
  std::vector<JsonIn> Items() const;

  StatusOr<std::string> AsString() const;
  StatusOr<int64_t> AsInt() const;
  StatusOr<double> AsNumber() const;
  StatusOr<bool> AsBool() const;

  // Checked accessors for object members: kInvalidArgument when absent or of the wrong type.
  StatusOr<JsonIn> Object(std::string_view key) const;
  StatusOr<JsonIn> Array(std::string_view key) const;
  StatusOr<std::string> String(std::string_view key) const;
  StatusOr<int64_t> Int(std::string_view key) const;
  StatusOr<bool> Bool(std::string_view key) const;

  const std::string& path() const { return path_; }
  // kInvalidArgument "<path>: <what>" with the path as subject.
  Status Error(std::string_view what) const;

 private:
  std::string Child(std::string_view key) const;
  Poco::Dynamic::Var value_;
  std::string path_;
};

}  // namespace uitdaag::store_internal
