// Strict reading of a request's query string, for the resources that filter (case listings,
// figures): a misspelt parameter must not silently widen an answer.
//
// Thread safety: one per request.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "http/exchange.h"

namespace uitdaag::http {

inline constexpr size_t kMaxQueryValue = 200;

// The query's parameters by name. Answers itself and returns nullopt: 400 for a query string
// that cannot be decoded; 422 (field: the parameter) for a name not in `allowed`, a name given
// twice, or a value longer than kMaxQueryValue bytes.
std::optional<std::map<std::string, std::string>> ReadQueryParams(
    Exchange& exchange, std::initializer_list<const char*> allowed);

// A whole number written in decimal digits only, within [min, max]; nullopt otherwise.
std::optional<int> BoundedInt(const std::string& text, int min, int max);

}  // namespace uitdaag::http
