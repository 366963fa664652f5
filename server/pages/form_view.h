// The form generator of the pages: turns a workflow form (uitdaag/form.h) and what a person typed
// into the view model that templates/pages/_veld.mustache renders as NL Design System form
// fields, and checks the typed values with the engine's own rules (ValidateForm), field by field,
// so that every field with a problem is named at once.
//
// One generator for every page that shows a workflow form (the resident's submission, answers
// to a request for completion, and later the staff's event forms).
//
// Typed values are kept as typed (texts), so a form shown again after an error shows exactly what
// the person wrote. Dutch ways of writing numbers are accepted before the engine checks them:
// "12.500,50" and "€ 12.500" for money, "2,5" for numbers (ParseDutchNumber).
//
// A field's problem is "leeg" (required and empty) or "onjuist" (the engine refused the
// value); the template words the message from the field's kind and limits, which the view model
// carries (max_tekens, min, max), in Dutch.
//
// Fields of type file and lists are not shown (attachments are added on the case page).
//
// Thread safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pages/form_body.h"
#include "uitdaag/form.h"
#include "uitdaag/language.h"
#include "uitdaag/party.h"
#include "uitdaag/value.h"

namespace uitdaag::pages {

// What the page shows of a form: the typed texts per field and the problem per field.
struct FormState {
  std::map<std::string, std::string> typed;     // field name -> text as typed
  std::map<std::string, std::string> problems;  // field name -> "leeg" | "onjuist"
};

// Whether the page shows `field` (not files or lists).
bool Shown(const FieldDef& field);

// The fields of `form` named in `names`, in that order (unknown names are skipped): one step of a
// multi-step form (FormDef::pages), which the functions below then treat as a form of its own.
FormDef Subset(const FormDef& form, const std::vector<std::string>& names);

// The typed texts of the shown fields of `form` from a posted body (absent fields are empty).
FormState TypedFrom(const FormDef& form, const FormBody& body);

// "12.500,50" -> "12500.50", "€ 1.000" -> "1000", "2,5" -> "2.5"; other text is returned as it
// is (the engine then refuses it). Spaces are dropped.
std::string ParseDutchNumber(const std::string& text);

// Checks every shown field of `form` with ValidateForm and records each one's problem in
// `state->problems`; returns the payload (the texts of the fields given, numbers normalised by
// ParseDutchNumber) when there is none.
std::optional<ValueRecord> Check(const FormDef& form, const std::vector<CriterionDef>& criteria,
                                 FormState* state);

// The view model of the shown fields, in the form's order: a list of records for _veld.mustache.
// `prefix` makes the HTML ids unique on a page ("veld-").
Value FieldsView(const FormDef& form, const FormState& state, const Language& language);

// Sets what every field record of _veld.mustache has about its help and problem: "fout" (a record
// with the problem as a flag) and "beschrijving" (the ids for aria-describedby: "<id>-hulp" when
// it has help, "<id>-fout" when it has a problem).
void Describe(const std::string& id, bool has_help, const std::string& problem, ValueRecord* field);

// The error summary: a list of {id, label, verplicht|ongeldig} in the form's order.
Value ProblemsView(const FormDef& form, const FormState& state);

// The applicant's contact details (uitdaag/party.h) on the same form: fields named
// "aanvrager_<key>" (aanvrager_name, aanvrager_city, ...), checked with ValidateParty field by
// field. Their labels and explanations are in _aanvrager_label.mustache and _aanvrager_hulp.mustache.
struct ApplicantState {
  Party party;                                  // as typed
  std::map<std::string, std::string> problems;  // party key -> "leeg" | "onjuist"
};
ApplicantState ApplicantFrom(const FormBody& body);
bool CheckApplicant(ApplicantState* state);  // true when there is no problem
Value ApplicantView(const ApplicantState& state);
Value ApplicantProblemsView(const ApplicantState& state);

}  // namespace uitdaag::pages
