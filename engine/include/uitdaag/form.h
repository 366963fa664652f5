// Forms: the typed fields an event must carry, the assessment criteria, and the validation that
// turns raw input (from JSON, YAML or a web form) into typed case data.
//
// Field types (YAML `type:`): text, number, money, date, bool, choice, file, list, criteria.
//   text     max_length (default 10000), min_length
//   number   min, max, integer
//   money    min, max (in euros); stored as whole cents
//   date     min, max as ISO dates (optional)
//   choice   options (required, non-empty)
//   file     a reference to an uploaded document: 1..255 characters of [A-Za-z0-9._ -], not
//            starting with '.', so it can never name a path
//   list     item: one of text, number, money, date, choice, file (with the item's own limits
//            written on the list field: options, max_length...), min_items, max_items (default 100)
//   criteria scores for the workflow's assessment criteria: a record criterion-id ->
//            {score: number, reason: text}; every criterion given must exist, its score must be a
//            whole number within the criterion's scale and its reason must be non-empty text
//            (Awb 3:46: every score carries its written reason). Criteria may be scored in parts.
//
// Raw input is lenient about representation and strict about content: a number field accepts a
// number or a numeric text; money accepts a number or a text like "12500.50"; a date accepts
// "YYYY-MM-DD"; bool accepts a bool or "true"/"false". Unknown fields are rejected.
// As implemented: null and "" both count as absent (a web form sends "" for an empty input);
// spaces around a numeric, money, date or bool text are ignored; text must be valid UTF-8 and its
// length counts code points; text (and a criterion's reason) may hold line breaks and tabs but no
// other control character and nothing invisible or direction-changing (CheckPlainText, utf8.h);
// a list item's subject is "field[i]", i counting from 0; a criteria field yields
// {criterion-id: {score: number, reason: text}}. A definition the loader should have rejected
// (a choice without options, a list of lists or of criteria) is kInternal.
//
// Thread safety: pure functions over values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "uitdaag/expr.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag {

enum class FieldType { kText, kNumber, kMoney, kDate, kBool, kChoice, kFile, kList, kCriteria };

// "text", "number", ... as written in YAML.
const char* FieldTypeName(FieldType type);
// The inverse of FieldTypeName; nullopt for an unknown name.
std::optional<FieldType> ParseFieldType(std::string_view name);

struct FieldDef {
  std::string name;            // the key under which the value is stored in case data
  std::string label;           // for people (municipality vocabulary)
  FieldType type = FieldType::kText;
  bool required = false;
  FieldType item_type = FieldType::kText;  // list fields only
  std::optional<double> min, max;          // number, money (euros), list item numbers
  std::optional<Date> min_date, max_date;  // date
  std::optional<int> min_length, max_length;  // text, list item text
  std::optional<int> min_items, max_items;    // list
  bool integer = false;                       // number
  std::vector<std::string> options;           // choice, list of choice
};

struct FormDef {
  std::string name;
  std::string label;
  std::vector<FieldDef> fields;  // in display order
  const FieldDef* FindField(std::string_view name) const;
};

struct CriterionDef {
  std::string id;
  std::string label;        // the criterion as the verordening words it
  std::string description;  // what the handler weighs
  double weight = 1;
  int scale_min = 0;
  int scale_max = 5;
  std::optional<int> minimum;  // a score below this fails the criterion
};

// The type an expression sees for a stored field (choice carries its options; list<...>;
// criteria fields are records and are not visible to expressions: use assessment.*).
Type FieldValueType(const FieldDef& field);

// Validates `raw` (a record) against `form`. Returns the typed values of the fields present
// (absent optional fields are left out). kInvalidArgument with subject() = the field name (or
// "field.criterion" for a criteria score) and a message for a person: "begroting: must be at
// least 0", "omschrijving: required", "kleur: unknown field".
StatusOr<ValueRecord> ValidateForm(const FormDef& form, const std::vector<CriterionDef>& criteria,
                                   const ValueRecord& raw);

}  // namespace uitdaag
