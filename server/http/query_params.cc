#include "http/query_params.h"

#include <Poco/URI.h>

#include <algorithm>

namespace uitdaag::http {

std::optional<std::map<std::string, std::string>> ReadQueryParams(
    Exchange& ex, std::initializer_list<const char*> allowed) {
  Poco::URI::QueryParameters pairs;
  try {
    pairs = Poco::URI(ex.request().getURI()).getQueryParameters();
  } catch (const std::exception&) {
    ex.Problem(400, "the query string cannot be decoded");
    return std::nullopt;
  }
  std::map<std::string, std::string> params;
  for (const auto& [name, value] : pairs) {
    const bool known =
        std::any_of(allowed.begin(), allowed.end(), [&name](const char* a) { return name == a; });
    if (!known) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      ex.Problem(422, name + ": not a parameter here (known: " + list + ")", name);
      return std::nullopt;
    }
    if (value.size() > kMaxQueryValue) {
      ex.Problem(422, name + ": at most " + std::to_string(kMaxQueryValue) + " characters", name);
      return std::nullopt;
    }
    if (!params.emplace(name, value).second) {
      ex.Problem(422, name + ": given more than once", name);
      return std::nullopt;
    }
  }
  return params;
}

std::optional<int> BoundedInt(const std::string& text, int min, int max) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

}  // namespace uitdaag::http
