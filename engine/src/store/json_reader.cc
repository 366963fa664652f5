#include "json_reader.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>

namespace uitdaag::store_internal {
namespace {

using ObjectPtr = Poco::JSON::Object::Ptr;
using ArrayPtr = Poco::JSON::Array::Ptr;

}  // namespace

StatusOr<JsonIn> JsonIn::Parse(std::string_view text) {
  try {
    // Poco's parser only takes an object or an array at the top; wrapping the text in an array
    // lets a bare value ("null", "3", "\"x\"") through as well.
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var wrapped = parser.parse("[" + std::string(text) + "]");
    const ArrayPtr& array = wrapped.extract<ArrayPtr>();
    if (array->size() != 1) return Status::InvalidArgument("not valid JSON: more than one value");
    return JsonIn(array->get(0), "");
  } catch (const Poco::Exception& e) {
    return Status::InvalidArgument("not valid JSON: " + e.displayText());
  }
}

bool JsonIn::is_null() const {
  return value_.isEmpty();
}
bool JsonIn::is_object() const {
  return value_.type() == typeid(ObjectPtr);
}
bool JsonIn::is_array() const {
  return value_.type() == typeid(ArrayPtr);
}

std::string JsonIn::Child(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

JsonIn JsonIn::Get(std::string_view key) const {
  const ObjectPtr& object = value_.extract<ObjectPtr>();
  return JsonIn(object->get(std::string(key)), Child(key));
}

std::vector<std::string> JsonIn::Keys() const {
  std::vector<std::string> names;
  value_.extract<ObjectPtr>()->getNames(names);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<JsonIn> JsonIn::Items() const {
  const ArrayPtr& array = value_.extract<ArrayPtr>();
  std::vector<JsonIn> items;
  items.reserve(array->size());
  for (unsigned i = 0; i < array->size(); ++i) {
    items.emplace_back(array->get(i), path_ + "[" + std::to_string(i) + "]");
  }
  return items;
}

Status JsonIn::Error(std::string_view what) const {
  return Status::InvalidArgument(
      (path_.empty() ? std::string("(top)") : path_) + ": " + std::string(what), path_);
}

StatusOr<std::string> JsonIn::AsString() const {
  if (!value_.isString()) return Error("expected a string");
  return value_.extract<std::string>();
}

StatusOr<int64_t> JsonIn::AsInt() const {
  if (!value_.isInteger() || value_.type() == typeid(bool)) return Error("expected a whole number");
  try {
    return value_.convert<int64_t>();
  } catch (const Poco::Exception&) {
    return Error("whole number out of range");
  }
}

StatusOr<double> JsonIn::AsNumber() const {
  if (!value_.isNumeric() || value_.type() == typeid(bool)) return Error("expected a number");
  const double d = value_.convert<double>();
  if (!std::isfinite(d)) return Error("number out of range");
  return d;
}

StatusOr<bool> JsonIn::AsBool() const {
  if (value_.type() != typeid(bool)) return Error("expected true or false");
  return value_.extract<bool>();
}

StatusOr<JsonIn> JsonIn::Object(std::string_view key) const {
  JsonIn child = Get(key);
  if (!child.is_object()) return child.Error(child.is_null() ? "missing" : "expected an object");
  return child;
}

StatusOr<JsonIn> JsonIn::Array(std::string_view key) const {
  JsonIn child = Get(key);
  if (!child.is_array()) return child.Error(child.is_null() ? "missing" : "expected a list");
  return child;
}

StatusOr<std::string> JsonIn::String(std::string_view key) const {
  return Get(key).AsString();
}
StatusOr<int64_t> JsonIn::Int(std::string_view key) const {
  return Get(key).AsInt();
}
StatusOr<bool> JsonIn::Bool(std::string_view key) const {
  return Get(key).AsBool();
}

}  // namespace uitdaag::store_internal
