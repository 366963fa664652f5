#include "pages/form_body.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <sstream>

namespace uitdaag::pages {

std::string FormBody::Get(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? std::string() : it->second.front();
}

FormRead ReadForm(http::Exchange& ex, FormBody* out) {
  std::string type = Poco::toLower(Poco::trim(ex.Header("Content-Type")));
  type = type.substr(0, type.find(';'));
  if (Poco::trim(type) != "application/x-www-form-urlencoded") return FormRead::kNotAForm;
  const size_t limit = ex.state().config.max_body_bytes;
  std::string body;
  const http::Exchange::BodyRead read = ex.ReadBodyUnanswered(limit, &body);
  if (read.outcome == http::Exchange::BodyRead::Outcome::kTooLarge) return FormRead::kTooLarge;
  if (read.outcome != http::Exchange::BodyRead::Outcome::kComplete) return FormRead::kMalformed;
  Poco::Net::HTMLForm form;
  form.setFieldLimit(kMaxFields);
  form.setValueLengthLimit(kMaxValueBytes);
  try {
    std::istringstream in(body);
    form.read(in);
  } catch (const Poco::Net::HTMLFormException&) {
    return FormRead::kTooLarge;  // Poco's field and value limits
  } catch (const std::exception&) {
    return FormRead::kMalformed;
  }
  for (const auto& [name, value] : form) out->values()[name].push_back(value);
  return FormRead::kOk;
}

}  // namespace uitdaag::pages
