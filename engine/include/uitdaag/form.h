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
// For people (the generated web form; no effect on validation):
//   help          a text shown under the label (at most 1000 characters; empty: none)
//   multiline     text fields: a multi-line input (a text area). The loader resolves it: as
//                 written (YAML `multiline:`, text fields only), else true exactly when the
//                 field's max_length (10000 when not written) is above 200. Always false for
//                 every other type.
//   option_labels choice fields and lists of choices: what a person reads for each option, in
//                 the order of `options` (which stays the list of ids that case data, expressions
//                 and ValidateForm use). YAML writes options as a list of ids or as a mapping
//                 id -> label; an option without a label reads as its id.
//   pages         (FormDef) the steps of a multi-step form: every field on exactly one page
//                 (the loader checks); empty: the whole form is one page.
//
// Thread safety: pure functions over values.
#pragma once

#include <cstddef>
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
  std::vector<std::string> options;           // choice, list of choice: the ids, as written
  std::vector<std::string> option_labels;     // the same size and order as options
  std::string help;                           // shown under the label; empty: none
  bool multiline = false;                     // text: a multi-line input (see above)

  // What a person reads for option `id`: its label, or `id` itself when it has none (also when
  // option_labels was left empty, as in a definition built in code).
  std::string OptionLabel(std::string_view id) const;
};

// The max_length of a text field (and of list items of text) that does not write one.
inline constexpr int kDefaultTextMaxLength = 10000;
// The longest help text of a field, in characters (code points).
inline constexpr size_t kMaxHelpLength = 1000;
// A text field without `multiline:` is multi-line when its max_length is above this.
inline constexpr int kMultilineAbove = 200;

// One step of a multi-step form: a title, an optional introduction and the fields it asks for.
struct FormPageDef {
  std::string title;
  std::string intro;                // may be empty
  std::vector<std::string> fields;  // field names of the form, in display order; never empty
};

struct FormDef {
  std::string name;
  std::string label;
  std::vector<FieldDef> fields;    // in display order
  std::vector<FormPageDef> pages;  // empty: one page with every field
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
