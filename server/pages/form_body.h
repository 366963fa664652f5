// A form sent by a browser (application/x-www-form-urlencoded), read within limits: the body
// through Exchange::ReadBody (max_body_bytes), then parsed by Poco's HTMLForm with at most
// kMaxFields fields of at most kMaxValueBytes each. Values keep their order; a name may repeat
// (checkboxes).
//
// Thread safety: a value type; ReadForm uses only its exchange.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/exchange.h"

namespace uitdaag::pages {

inline constexpr int kMaxFields = 100;
inline constexpr int kMaxValueBytes = 64 * 1024;

class FormBody {
 public:
  // The first value of `name`, empty when absent.
  std::string Get(const std::string& name) const;
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::map<std::string, std::vector<std::string>>& values() { return values_; }
  const std::map<std::string, std::vector<std::string>>& values() const { return values_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
};

enum class FormRead { kOk, kTooLarge, kMalformed, kNotAForm };

// Reads the request's body as a form. kTooLarge: the body exceeds max_body_bytes, there are more
// than kMaxFields fields or a value is longer than kMaxValueBytes; kNotAForm: another
// Content-Type; kMalformed: not a form. Nothing is answered: the page decides how.
FormRead ReadForm(http::Exchange& ex, FormBody* out);

}  // namespace uitdaag::pages
