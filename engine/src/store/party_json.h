// The JSON form of a Party, as stored in the `parties` table.
#pragma once

#include <string>
#include <string_view>

#include "case_json_internal.h"
#include "uitdaag/party.h"

namespace uitdaag::store_internal {

std::string PartyToJson(const Party& party);
StatusOr<Party> PartyFromJson(std::string_view json);

}  // namespace uitdaag::store_internal
