// The database schema as an ordered list of migrations. Migration N brings a database from
// user_version N-1 to N. Never edit a migration that has shipped: add the next one.
#pragma once

#include <string_view>
#include <vector>

namespace uitdaag::store_internal {

struct Migration {
  int version;
  std::string_view name;
  std::vector<std::string_view> statements;
};

const std::vector<Migration>& Migrations();

}  // namespace uitdaag::store_internal
