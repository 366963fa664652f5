#include "http/json_fields.h"

#include <Poco/JSON/Array.h>

namespace uitdaag::http {

std::optional<Poco::Dynamic::Var> JsonFields::Get(const std::string& name) {
  asked_.insert(name);
  if (!object_.has(name) || object_.isNull(name)) return std::nullopt;
  return std::optional<Poco::Dynamic::Var>(std::in_place, object_.get(name));
}

void JsonFields::Wrong(const std::string& name, const std::string& expected) {
  const std::string path = prefix_ + name;
  if (error_.ok()) error_ = Status::InvalidArgument(path + ": must be " + expected, path);
}

std::optional<std::string> JsonFields::String(const std::string& name) {
  std::optional<Poco::Dynamic::Var> v = Get(name);
  if (!v) return std::nullopt;
  if (!v->isString()) {
    Wrong(name, "text");
    return std::nullopt;
  }
  return v->extract<std::string>();
}

std::optional<bool> JsonFields::Bool(const std::string& name) {
  std::optional<Poco::Dynamic::Var> v = Get(name);
  if (!v) return std::nullopt;
  if (!v->isBoolean()) {
    Wrong(name, "true or false");
    return std::nullopt;
  }
  return v->extract<bool>();
}

std::optional<int64_t> JsonFields::Integer(const std::string& name) {
  std::optional<Poco::Dynamic::Var> v = Get(name);
  if (!v) return std::nullopt;
  if (!v->isInteger() || v->isBoolean()) {
    Wrong(name, "a whole number");
    return std::nullopt;
  }
  try {
    return v->convert<int64_t>();
  } catch (const Poco::Exception&) {
    Wrong(name, "a whole number in range");
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>> JsonFields::Strings(const std::string& name) {
  std::optional<Poco::Dynamic::Var> v = Get(name);
  if (!v) return std::nullopt;
  if (v->type() != typeid(Poco::JSON::Array::Ptr)) {
    Wrong(name, "a list of texts");
    return std::nullopt;
  }
  const Poco::JSON::Array::Ptr array = v->extract<Poco::JSON::Array::Ptr>();
  std::vector<std::string> out;
  for (size_t i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    if (!item.isString()) {
      Wrong(name, "a list of texts");
      return std::nullopt;
    }
    out.push_back(item.extract<std::string>());
  }
  return out;
}

Status JsonFields::Finish() const {
  if (!error_.ok()) return error_;
  for (const std::string& name : object_.getNames()) {
    if (asked_.count(name) == 0) {
      std::string known;
      for (const std::string& a : asked_) known += (known.empty() ? "" : ", ") + a;
      return Status::InvalidArgument(prefix_ + name + ": unknown field (known: " + known + ")",
                                     prefix_ + name);
    }
  }
  return Status::Ok();
}

}  // namespace uitdaag::http
