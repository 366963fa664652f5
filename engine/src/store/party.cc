// Party validation and its JSON form (the `parties` table).
#include "uitdaag/party.h"

#include "party_json.h"
#include "uitdaag/utf8.h"

namespace uitdaag {
const char* PartyRoleName(PartyRole role) {
  return role == PartyRole::kApplicant ? "applicant" : "handler";
}

Status ValidateParty(const Party& p) {
  for (const PartyField& f : kPartyFields) {
    const char* field = f.key;
    const std::string* value = &(p.*f.member);
    if (value->size() > kMaxPartyField) {
      return Status::InvalidArgument(std::string(field) + ": longer than " +
                                         std::to_string(kMaxPartyField) + " bytes",
                                     field);
    }
    // One line: a party is printed on one line of an address block.
    if (Status plain = CheckPlainText(field, *value, TextLines::kOneLine); !plain.ok()) {
      return plain;
    }
  }
  if (p.name.empty()) return Status::InvalidArgument("name: required", "name");
  return Status::Ok();
}

namespace store_internal {

std::string PartyToJson(const Party& p) {
  return JsonOf([&](JsonWriter& w) {
    w.BeginObject();
    for (const PartyField& f : kPartyFields) w.Field(f.key, p.*f.member);
    w.EndObject();
  });
}

StatusOr<Party> PartyFromJson(std::string_view json) {
  UITDAAG_ASSIGN_OR_RETURN(JsonIn in, JsonIn::Parse(json));
  if (!in.is_object()) return in.Error("a party must be an object");
  Party p;
  for (const PartyField& f : kPartyFields) {
    UITDAAG_ASSIGN_OR_RETURN(p.*f.member, in.String(f.key));
  }
  return p;
}

}  // namespace store_internal
}  // namespace uitdaag
