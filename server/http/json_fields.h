// JsonFields: reads the fields of a request's JSON object by type, strictly. Each getter returns
// the field's value, or nullopt when it is absent (or null); a field of the wrong type is
// remembered as an error. Finish() returns the first error, or — when every field was of the
// right type — kInvalidArgument for a field nobody asked for (a misspelt "disabeld" must not be
// silently ignored). Errors name the field, so the problem answer carries it; for an object
// nested in the body, a prefix makes that name its path ("applicant." gives "applicant.fax").
//
// Thread safety: one per request.
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::http {

class JsonFields {
 public:
  explicit JsonFields(const Poco::JSON::Object& object, std::string prefix = {})
      : object_(object), prefix_(std::move(prefix)) {}

  std::optional<std::string> String(const std::string& name);
  std::optional<bool> Bool(const std::string& name);
  std::optional<int64_t> Integer(const std::string& name);
  std::optional<std::vector<std::string>> Strings(const std::string& name);  // array of text

  Status Finish() const;

 private:
  // The field's value when present and not null; records that it was asked for.
  std::optional<Poco::Dynamic::Var> Get(const std::string& name);
  void Wrong(const std::string& name, const std::string& expected);

  const Poco::JSON::Object& object_;
  const std::string prefix_;  // before every field name in errors
  std::set<std::string> asked_;
  Status error_ = Status::Ok();
};

}  // namespace uitdaag::http
