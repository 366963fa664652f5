#include "pages/form_view.h"

#include <cctype>
#include <cmath>
#include <regex>

#include "uitdaag/letter_format.h"

namespace uitdaag::pages {
namespace {

std::string FieldId(const FieldDef& field) { return "veld-" + field.name; }

// How a choice is offered: radio buttons for a few options, a select for many.
constexpr size_t kMaxRadioOptions = 6;


std::string Amount(double euros) {
  return FormatMoney(Money{static_cast<int64_t>(std::llround(euros * 100))});
}

Value Kind(const FieldDef& field) {
  ValueRecord kind;
  auto set = [&kind](const char* key) { kind[key] = Value::Bool(true); };
  auto line = [&](const char* html_type, const char* inputmode, bool short_input) {
    set("invoer");
    set("regel");
    kind["html_type"] = Value::Text(html_type);
    if (*inputmode != '\0') kind["inputmode"] = Value::Text(inputmode);
    if (short_input) set("kort");
  };
  switch (field.type) {
    case FieldType::kText:
      set("tekst");
      if (field.multiline) {
        set("invoer");
        set("tekstvak");
      } else {
        line("text", "", false);
      }
      break;
    case FieldType::kNumber:
      set("getal");
      line("text", field.integer ? "numeric" : "decimal", true);
      break;
    case FieldType::kMoney:
      set("bedrag");
      line("text", "decimal", true);
      break;
    case FieldType::kDate:
      set("datum");
      line("date", "", true);
      break;
    case FieldType::kBool:
      set("janee");
      set("kies");
      break;
    case FieldType::kChoice:
      set("kies");
      if (field.options.size() <= kMaxRadioOptions) {
        set("keuze");
      } else {
        set("invoer");
        set("keuzelijst");
      }
      break;
    default:
      break;
  }
  return Value::Record(std::move(kind));
}

// The limits a message about the field names, formatted for people.
void Limits(const FieldDef& field, const Language& language, ValueRecord* out) {
  if (field.type == FieldType::kText) {
    (*out)["max_tekens"] = Value::Text(FormatNumber(field.max_length.value_or(kDefaultTextMaxLength)));
  }
  if (field.type == FieldType::kNumber) {
    if (field.min) (*out)["min"] = Value::Text(FormatNumber(*field.min));
    if (field.max) (*out)["max"] = Value::Text(FormatNumber(*field.max));
    if (field.integer) (*out)["geheel"] = Value::Bool(true);
  }
  if (field.type == FieldType::kMoney) {
    if (field.min) (*out)["min"] = Value::Text(Amount(*field.min));
    if (field.max) (*out)["max"] = Value::Text(Amount(*field.max));
  }
  if (field.type == FieldType::kDate) {
    if (field.min_date) (*out)["min"] = Value::Text(FormatDate(*field.min_date, language));
    if (field.max_date) (*out)["max"] = Value::Text(FormatDate(*field.max_date, language));
  }
}

std::string Get(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

}  // namespace

void Describe(const std::string& id, bool has_help, const std::string& problem, ValueRecord* field) {
  std::string described_by = has_help ? id + "-hulp" : "";
  if (!problem.empty()) {
    ValueRecord fout;
    fout[problem] = Value::Bool(true);
    (*field)["fout"] = Value::Record(std::move(fout));
    described_by += (described_by.empty() ? "" : " ") + id + "-fout";
  }
  (*field)["beschrijving"] = Value::Text(described_by);
}

bool Shown(const FieldDef& field) {
  return field.type != FieldType::kFile && field.type != FieldType::kList &&
         field.type != FieldType::kCriteria;
}

FormDef Subset(const FormDef& form, const std::vector<std::string>& names) {
  FormDef part;
  part.name = form.name;
  part.label = form.label;
  for (const std::string& name : names) {
    if (const FieldDef* field = form.FindField(name)) part.fields.push_back(*field);
  }
  return part;
}

FormState TypedFrom(const FormDef& form, const FormBody& body) {
  FormState state;
  for (const FieldDef& field : form.fields) {
    if (Shown(field)) state.typed[field.name] = body.Get(field.name);
  }
  return state;
}

std::string ParseDutchNumber(const std::string& text) {
  std::string s;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) continue;
    // The euro sign (U+20AC, E2 82 AC in UTF-8).
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x82 &&
        static_cast<unsigned char>(text[i + 2]) == 0xAC) {
      i += 2;
      continue;
    }
    s.push_back(static_cast<char>(c));
  }
  static const std::regex kDutchDecimal(R"(^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$)");
  static const std::regex kThousandsOnly(R"(^-?\d{1,3}(\.\d{3})+$)");
  if (s.find(',') != std::string::npos && std::regex_match(s, kDutchDecimal)) {
    std::string out;
    for (char c : s) {
      if (c == '.') continue;
      out.push_back(c == ',' ? '.' : c);
    }
    return out;
  }
  if (std::regex_match(s, kThousandsOnly)) {
    std::string out;
    for (char c : s) {
      if (c != '.') out.push_back(c);
    }
    return out;
  }
  return s.empty() ? text : s;
}

std::optional<ValueRecord> Check(const FormDef& form, const std::vector<CriterionDef>& criteria,
                                 FormState* state) {
  ValueRecord payload;
  for (const FieldDef& field : form.fields) {
    if (!Shown(field)) continue;
    std::string typed = Get(state->typed, field.name);
    if (field.type == FieldType::kNumber || field.type == FieldType::kMoney) {
      typed = ParseDutchNumber(typed);
    }
    FormDef one;
    one.name = form.name;
    one.fields = {field};
    ValueRecord raw;
    if (!typed.empty()) raw[field.name] = Value::Text(typed);
    StatusOr<ValueRecord> valid = ValidateForm(one, criteria, raw);
    if (!valid.ok()) {
      state->problems[field.name] = typed.empty() ? "leeg" : "onjuist";
      continue;
    }
    // The engine validates the payload again when the event is applied: it gets the texts (with
    // Dutch numbers normalised), as it would from any other client.
    if (!typed.empty()) payload[field.name] = Value::Text(typed);
  }
  if (!state->problems.empty()) return std::nullopt;
  return payload;
}

Value FieldsView(const FormDef& form, const FormState& state, const Language& language) {
  ValueList fields;
  for (const FieldDef& field : form.fields) {
    if (!Shown(field)) continue;
    ValueRecord f;
    const std::string id = FieldId(field);
    const std::string typed = Get(state.typed, field.name);
    f["naam"] = Value::Text(field.name);
    f["id"] = Value::Text(id);
    f["label"] = Value::Text(field.label.empty() ? field.name : field.label);
    f["hulp"] = Value::Text(field.help);
    f["heeft_hulp"] = Value::Bool(!field.help.empty());
    f["verplicht"] = Value::Bool(field.required);
    f["waarde"] = Value::Text(typed);
    f["soort"] = Kind(field);
    ValueRecord limits;
    Limits(field, language, &limits);
    f["regels"] = Value::Record(limits);
    if (field.type == FieldType::kChoice || field.type == FieldType::kBool) {
      ValueList options;
      const bool is_bool = field.type == FieldType::kBool;
      const size_t n = is_bool ? 2 : field.options.size();
      for (size_t i = 0; i < n; ++i) {
        ValueRecord o;
        const std::string value = is_bool ? (i == 0 ? "true" : "false") : field.options[i];
        o["waarde"] = Value::Text(value);
        o["id"] = Value::Text(id + "-" + std::to_string(i + 1));
        if (is_bool) {
          o[i == 0 ? "ja" : "nee"] = Value::Bool(true);
        } else {
          o["label"] = Value::Text(field.OptionLabel(field.options[i]));
        }
        o["gekozen"] = Value::Bool(typed == value);
        options.push_back(Value::Record(std::move(o)));
      }
      f["opties"] = Value::List(std::move(options));
    }
    auto problem = state.problems.find(field.name);
    Describe(id, !field.help.empty(), problem == state.problems.end() ? "" : problem->second, &f);
    fields.push_back(Value::Record(std::move(f)));
  }
  return Value::List(std::move(fields));
}

Value ProblemsView(const FormDef& form, const FormState& state) {
  ValueList out;
  for (const FieldDef& field : form.fields) {
    auto problem = state.problems.find(field.name);
    if (problem == state.problems.end()) continue;
    ValueRecord p;
    // A group of radio buttons is reached through its first option.
    const bool group = field.type == FieldType::kBool ||
                       (field.type == FieldType::kChoice && field.options.size() <= kMaxRadioOptions);
    p["id"] = Value::Text(FieldId(field) + (group ? "-1" : ""));
    p["label"] = Value::Text(field.label.empty() ? field.name : field.label);
    p[problem->second] = Value::Bool(true);
    out.push_back(Value::Record(std::move(p)));
  }
  return Value::List(std::move(out));
}

// --- The applicant -------------------------------------------------------------------------

namespace {

// The applicant's fields in the order the form asks for them, with the browser's autocomplete
// token for each (WCAG 1.3.5) and the input type.
struct ApplicantField {
  const char* key;
  const char* autocomplete;
  const char* html_type;
};
constexpr ApplicantField kApplicantFields[] = {
    {"name", "organization", "text"},    {"contact_person", "name", "text"},
    {"salutation", "", "text"},          {"address", "street-address", "text"},
    {"postcode", "postal-code", "text"}, {"city", "address-level2", "text"},
    {"email", "email", "email"},         {"phone", "tel", "tel"},
};
// Fields whose explanation _aanvrager_hulp.mustache has.
bool HasApplicantHelp(std::string_view key) {
  return key == "name" || key == "contact_person" || key == "salutation" || key == "email";
}

// The Party member of a field key. REQUIRES: `key` is one of kPartyFields.
std::string Party::*MemberOf(std::string_view key) {
  for (const PartyField& f : kPartyFields) {
    if (key == f.key) return f.member;
  }
  return nullptr;
}

}  // namespace

ApplicantState ApplicantFrom(const FormBody& body) {
  ApplicantState state;
  for (const ApplicantField& f : kApplicantFields) {
    state.party.*MemberOf(f.key) = body.Get(std::string("aanvrager_") + f.key);
  }
  return state;
}

bool CheckApplicant(ApplicantState* state) {
  for (const ApplicantField& f : kApplicantFields) {
    // Each field on its own, so that every field with a problem is named.
    Party one;
    one.name = f.key == std::string_view("name") ? state->party.name : "-";
    one.*MemberOf(f.key) = state->party.*MemberOf(f.key);
    Status valid = ValidateParty(one);
    if (!valid.ok()) {
      state->problems[f.key] = (state->party.*MemberOf(f.key)).empty() ? "leeg" : "onjuist";
    }
  }
  return state->problems.empty();
}

Value ApplicantView(const ApplicantState& state) {
  ValueList fields;
  for (const ApplicantField& f : kApplicantFields) {
    ValueRecord field;
    const std::string id = std::string("aanvrager-") + f.key;
    field["naam"] = Value::Text(std::string("aanvrager_") + f.key);
    field["id"] = Value::Text(id);
    field["label"] = Value::Text("");
    field["hulp"] = Value::Text("");
    field[std::string("aanvrager_") + f.key] = Value::Bool(true);
    field["verplicht"] = Value::Bool(f.key == std::string_view("name"));
    field["heeft_hulp"] = Value::Bool(HasApplicantHelp(f.key));
    field["waarde"] = Value::Text(state.party.*MemberOf(f.key));
    if (*f.autocomplete != '\0') field["autocomplete"] = Value::Text(f.autocomplete);
    ValueRecord kind;
    kind["invoer"] = Value::Bool(true);
    kind["regel"] = Value::Bool(true);
    kind["aanvrager"] = Value::Bool(true);
    kind["html_type"] = Value::Text(f.html_type);
    if (f.key == std::string_view("postcode")) kind["kort"] = Value::Bool(true);
    field["soort"] = Value::Record(std::move(kind));
    auto problem = state.problems.find(f.key);
    Describe(id, HasApplicantHelp(f.key), problem == state.problems.end() ? "" : problem->second,
             &field);
    fields.push_back(Value::Record(std::move(field)));
  }
  return Value::List(std::move(fields));
}

Value ApplicantProblemsView(const ApplicantState& state) {
  ValueList out;
  for (const ApplicantField& f : kApplicantFields) {
    auto problem = state.problems.find(f.key);
    if (problem == state.problems.end()) continue;
    ValueRecord p;
    p["id"] = Value::Text(std::string("aanvrager-") + f.key);
    p["label"] = Value::Text("");
    p[std::string("aanvrager_") + f.key] = Value::Bool(true);
    p[problem->second] = Value::Bool(true);
    out.push_back(Value::Record(std::move(p)));
  }
  return Value::List(std::move(out));
}

}  // namespace uitdaag::pages
