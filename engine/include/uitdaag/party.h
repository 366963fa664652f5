// Party: a person or organisation in a case that letters are addressed to or signed by — the
// challenger who submitted it (the applicant) and the case handler. Parties are not case data:
// they come from registrations and accounts, not from workflow forms, so the engine never sees
// them; the store keeps them next to the case (uitdaag/store.h) and letters read them.
//
// Thread safety: value type.
#pragma once

#include <string>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag {

struct Party {
  std::string name;            // person, group or organisation ("Stichting Groen Doet")
  std::string contact_person;  // optional: who letters are addressed to ("de heer R. Hoekstra")
  std::string salutation;      // optional: how a letter greets them ("Beste meneer Hoekstra")
  std::string address;         // street and number
  std::string postcode;
  std::string city;
  std::string email;           // optional
  std::string phone;           // optional

  bool operator==(const Party&) const = default;
};

// Every text field of a party with its English key (JSON, scripts), in key order.
struct PartyField {
  const char* key;
  std::string Party::*member;
};
inline constexpr PartyField kPartyFields[] = {
    {"address", &Party::address},   {"city", &Party::city},   {"contact_person", &Party::contact_person},
    {"email", &Party::email},       {"name", &Party::name},   {"phone", &Party::phone},
    {"postcode", &Party::postcode}, {"salutation", &Party::salutation},
};

// The roles a party can have in a case.
enum class PartyRole { kApplicant, kHandler };
const char* PartyRoleName(PartyRole role);  // "applicant", "handler"

// Each text at most kMaxPartyField bytes of one-line plain text (CheckPlainText, utf8.h: valid
// UTF-8 without control characters, line breaks included, and without invisible or
// direction-changing characters); `name` is required. kInvalidArgument naming the field
// otherwise, with CheckPlainText's words for the text's fault.
inline constexpr size_t kMaxPartyField = 200;
Status ValidateParty(const Party& party);

}  // namespace uitdaag
