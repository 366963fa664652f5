// Party validation and its JSON form (the `parties` table).
#include "uitdaag/party.h"

#include "party_json.h"
#include "uitdaag/utf8.h"

namespace uitdaag {
namespace {

// Valid UTF-8 without control characters (a party is printed on one line in an address block).
bool CleanLine(std::string_view s) {
  if (!Utf8Length(s)) return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

const char* PartyRoleName(PartyRole role) {
  return role == PartyRole::kApplicant ? "applicant" : "handler";
}

Status ValidateParty(const Party& p) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"name", &p.name},         {"contact_person", &p.contact_person},
      {"salutation", &p.salutation},
      {"address", &p.address},   {"postcode", &p.postcode},
      {"city", &p.city},         {"email", &p.email},
      {"phone", &p.phone}};
  for (const auto& [field, value] : fields) {
    if (value->size() > kMaxPartyField) {
      return Status::InvalidArgument(std::string(field) + ": longer than " +
                                         std::to_string(kMaxPartyField) + " bytes",
                                     field);
    }
    if (!CleanLine(*value)) {
      return Status::InvalidArgument(
          std::string(field) + ": must be one line of UTF-8 text without control characters",
          field);
    }
  }
  if (p.name.empty()) return Status::InvalidArgument("name: required", "name");
  return Status::Ok();
}

namespace store_internal {

std::string PartyToJson(const Party& p) {
  return JsonOf([&](JsonWriter& w) {
    w.BeginObject();
    w.Field("address", p.address);
    w.Field("city", p.city);
    w.Field("contact_person", p.contact_person);
    w.Field("email", p.email);
    w.Field("name", p.name);
    w.Field("phone", p.phone);
    w.Field("postcode", p.postcode);
    if (!p.salutation.empty()) w.Field("salutation", p.salutation);
    w.EndObject();
  });
}

StatusOr<Party> PartyFromJson(std::string_view json) {
  UITDAAG_ASSIGN_OR_RETURN(JsonIn in, JsonIn::Parse(json));
  if (!in.is_object()) return in.Error("a party must be an object");
  Party p;
  const std::pair<const char*, std::string*> fields[] = {
      {"address", &p.address}, {"city", &p.city},   {"contact_person", &p.contact_person},
      {"email", &p.email},     {"name", &p.name},   {"phone", &p.phone},
      {"postcode", &p.postcode}};
  for (const auto& [key, out] : fields) {
    UITDAAG_ASSIGN_OR_RETURN(*out, in.String(key));
  }
  if (!in.Get("salutation").is_null()) {
    UITDAAG_ASSIGN_OR_RETURN(p.salutation, in.String("salutation"));
  }
  return p;
}

}  // namespace store_internal
}  // namespace uitdaag
