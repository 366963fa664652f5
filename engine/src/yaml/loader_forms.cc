// The `criteria:` and `forms:` sections of a workflow YAML.
#include <algorithm>
#include <map>
#include <set>

#include "loader_internal.h"
#include "uitdaag/utf8.h"

namespace uitdaag::loader_internal {

namespace {

// The keys a field of each type may have. `multiline` is accepted everywhere so that a
// non-text field gets a message that says why (ReadMultiline).
std::vector<std::string_view> KeysForFieldType(FieldType type) {
  std::vector<std::string_view> keys = {"type", "required", "label", "help", "multiline"};
  auto add = [&](std::initializer_list<std::string_view> more) {
    keys.insert(keys.end(), more.begin(), more.end());
  };
  switch (type) {
    case FieldType::kText:
      add({"min_length", "max_length"});
      break;
    case FieldType::kNumber:
      add({"min", "max", "integer"});
      break;
    case FieldType::kMoney:
      add({"min", "max"});
      break;
    case FieldType::kDate:
      add({"min", "max"});
      break;
    case FieldType::kChoice:
      add({"options"});
      break;
    case FieldType::kList:
      add({"item", "min_items", "max_items", "options", "min_length", "max_length", "min", "max",
           "integer"});
      break;
    case FieldType::kBool:
    case FieldType::kFile:
    case FieldType::kCriteria:
      break;
  }
  return keys;
}

std::string AllFieldTypeNames() {
  std::string out;
  for (FieldType type :
       {FieldType::kText, FieldType::kNumber, FieldType::kMoney, FieldType::kDate, FieldType::kBool,
        FieldType::kChoice, FieldType::kFile, FieldType::kList, FieldType::kCriteria}) {
    if (!out.empty()) out += ", ";
    out += FieldTypeName(type);
  }
  return out;
}

bool IsListItemType(FieldType type) {
  return type == FieldType::kText || type == FieldType::kNumber || type == FieldType::kMoney ||
         type == FieldType::kDate || type == FieldType::kChoice || type == FieldType::kFile;
}

std::optional<int> ReadCount(LoadContext& ctx, const Mapping& map, std::string_view key) {
  const Entry* entry = map.Find(key);
  if (entry == nullptr) return std::nullopt;
  std::optional<long long> value = yaml_internal::ReadInt(ctx.doc, *entry);
  if (!value) return std::nullopt;
  if (*value < 0 || *value > 100000000) {
    ctx.Error(entry->value_where,
              Quote(key) + " must be a whole number from 0, got " + std::to_string(*value));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<Date> ReadDateLimit(LoadContext& ctx, const Mapping& map, std::string_view key) {
  const Entry* entry = map.Find(key);
  if (entry == nullptr) return std::nullopt;
  std::optional<yaml_internal::Scalar> text = yaml_internal::ReadScalar(ctx.doc, *entry);
  if (!text) return std::nullopt;
  StatusOr<Date> date = Date::Parse(text->text);
  if (!date.ok()) {
    ctx.Error(text->where, Quote(key) + " of a date field must be a date (YYYY-MM-DD): " +
                               date.status().message());
    return std::nullopt;
  }
  return *date;
}

std::optional<double> ReadLimit(LoadContext& ctx, const Mapping& map, std::string_view key) {
  const Entry* entry = map.Find(key);
  if (entry == nullptr) return std::nullopt;
  return yaml_internal::ReadNumber(ctx.doc, *entry);
}

void CheckOrder(LoadContext& ctx, const Mapping& map, bool ordered, std::string_view low,
                std::string_view high) {
  if (ordered) return;
  const Entry* entry = map.Find(high);
  ctx.Error(entry != nullptr ? entry->key_where : map.where(),
            Quote(low) + " is larger than " + Quote(high) + " in " + map.what());
}

void ReadFieldLimits(LoadContext& ctx, const Mapping& map, FieldDef& field) {
  const FieldType limited = field.type == FieldType::kList ? field.item_type : field.type;
  if (limited == FieldType::kDate) {
    field.min_date = ReadDateLimit(ctx, map, "min");
    field.max_date = ReadDateLimit(ctx, map, "max");
    if (field.min_date && field.max_date) {
      CheckOrder(ctx, map, *field.min_date <= *field.max_date, "min", "max");
    }
  } else {
    field.min = ReadLimit(ctx, map, "min");
    field.max = ReadLimit(ctx, map, "max");
    if (field.min && field.max) CheckOrder(ctx, map, *field.min <= *field.max, "min", "max");
  }
  field.min_length = ReadCount(ctx, map, "min_length");
  field.max_length = ReadCount(ctx, map, "max_length");
  if (field.min_length && field.max_length) {
    CheckOrder(ctx, map, *field.min_length <= *field.max_length, "min_length", "max_length");
  }
  field.min_items = ReadCount(ctx, map, "min_items");
  field.max_items = ReadCount(ctx, map, "max_items");
  if (field.min_items && field.max_items) {
    CheckOrder(ctx, map, *field.min_items <= *field.max_items, "min_items", "max_items");
  }
  if (const Entry* integer = map.Find("integer")) {
    field.integer = yaml_internal::ReadBool(ctx.doc, *integer).value_or(false);
  }
}

// `options: [a, b]`: ids that read as themselves. A repeated id is reported.
void ReadOptionList(LoadContext& ctx, const Entry& options, FieldDef& field) {
  auto list = yaml_internal::ReadScalarList(ctx.doc, options);
  if (!list) return;
  std::set<std::string> seen;
  for (const auto& option : *list) {
    if (!seen.insert(option.text).second) {
      ctx.Error(option.where,
                "duplicate option " + Quote(option.text) + " of field " + Quote(field.name));
      continue;
    }
    field.options.push_back(option.text);
    field.option_labels.push_back(option.text);
  }
}

// The label of one option written as `id: label`; reports a missing or empty one.
std::optional<std::string> ReadOptionLabel(LoadContext& ctx, const Entry& option,
                                           const FieldDef& field) {
  if (option.value.IsNull()) {
    ctx.Error(option.key_where, "option " + Quote(option.key) + " of field " + Quote(field.name) +
                                    " needs a label after the colon (or write 'options' as a "
                                    "list of ids)");
    return std::nullopt;
  }
  std::optional<std::string> label = yaml_internal::ReadText(ctx.doc, option);
  if (label && label->empty()) {
    ctx.Error(option.value_where,
              "the label of option " + Quote(option.key) + " must not be empty");
    return std::nullopt;
  }
  return label;
}

// `options: { a: Label of a, b: Label of b }`: ids with the label a person reads. Every id needs
// a non-empty label (a repeated id is reported by Mapping). An option whose label is at fault is
// kept, so that expressions naming it are not reported as well.
void ReadOptionMap(LoadContext& ctx, const Entry& options, FieldDef& field) {
  Mapping map(ctx.doc, options.value, "the options of field " + Quote(field.name),
              options.key_where);
  for (const Entry& option : map.entries()) {
    std::optional<std::string> label = ReadOptionLabel(ctx, option, field);
    field.options.push_back(option.key);
    field.option_labels.push_back(label.value_or(option.key));
  }
}

void ReadFieldOptions(LoadContext& ctx, const Mapping& map, FieldDef& field) {
  const bool needs_options =
      field.type == FieldType::kChoice ||
      (field.type == FieldType::kList && field.item_type == FieldType::kChoice);
  const Entry* options = map.Find("options");
  if (options != nullptr) {
    if (!needs_options) {
      ctx.Error(options->key_where, "'options' only apply to choice fields and lists of choices");
      return;
    }
    if (options->value.IsMap()) {
      ReadOptionMap(ctx, *options, field);
    } else if (options->value.IsSequence()) {
      ReadOptionList(ctx, *options, field);
    } else {
      ctx.Error(options->value_where,
                "'options' must be a list of ids or a mapping of id: label, got " +
                    yaml_internal::DescribeNode(options->value));
      return;
    }
  }
  if (needs_options && field.options.empty()) {
    ctx.Error(options != nullptr ? options->value_where : map.where(),
              map.what() + " is a choice and needs a non-empty 'options' list");
  }
}

std::optional<FieldType> ReadItemType(LoadContext& ctx, const Mapping& map) {
  const Entry* item = map.Require("item", "text, number, money, date, choice or file");
  if (item == nullptr) return std::nullopt;
  std::optional<std::string> name = yaml_internal::ReadText(ctx.doc, *item);
  if (!name) return std::nullopt;
  std::optional<FieldType> type = ParseFieldType(*name);
  if (!type || !IsListItemType(*type)) {
    ctx.Error(item->value_where, "unknown list item type " + Quote(*name) +
                                     " (allowed: text, number, money, date, choice, file)");
    return std::nullopt;
  }
  return type;
}

// `help:` a text shown under the label, at most kMaxHelpLength characters.
void ReadHelp(LoadContext& ctx, const Mapping& map, FieldDef& field) {
  const Entry* help = map.Find("help");
  if (help == nullptr) return;
  std::optional<yaml_internal::Scalar> text = yaml_internal::ReadScalar(ctx.doc, *help);
  if (!text) return;
  const std::optional<size_t> length = Utf8Length(text->text);
  if (!length) {
    ctx.Error(text->where, "the 'help' of field " + Quote(field.name) + " is not valid UTF-8");
    return;
  }
  if (*length > kMaxHelpLength) {
    ctx.Error(text->where, "the 'help' of field " + Quote(field.name) + " has " +
                               std::to_string(*length) + " characters; at most " +
                               std::to_string(kMaxHelpLength) + " are allowed");
    return;
  }
  field.help = std::move(text->text);
}

// `multiline:` for text fields only; absent, a text field is multi-line when its max_length
// (kDefaultTextMaxLength when not written) is above kMultilineAbove. REQUIRES: limits read.
void ReadMultiline(LoadContext& ctx, const Mapping& map, FieldDef& field) {
  const Entry* multiline = map.Find("multiline");
  if (multiline != nullptr && field.type != FieldType::kText) {
    ctx.Error(multiline->key_where, "'multiline' only applies to text fields, and field " +
                                        Quote(field.name) + " is " + FieldTypeName(field.type));
    return;
  }
  if (field.type != FieldType::kText) return;
  if (multiline != nullptr) {
    field.multiline = yaml_internal::ReadBool(ctx.doc, *multiline).value_or(false);
    return;
  }
  field.multiline = field.max_length.value_or(kDefaultTextMaxLength) > kMultilineAbove;
}

std::optional<FieldDef> ReadField(LoadContext& ctx, const Entry& item, const std::string& form) {
  FieldDef field;
  field.name = item.key;
  CheckIdentifier(ctx, field.name, item.key_where, "field");
  Mapping map(ctx.doc, item.value, "field " + Quote(field.name) + " of form " + Quote(form),
              item.key_where);
  if (!map.valid()) return std::nullopt;
  const Entry* type = map.Require("type", AllFieldTypeNames());
  if (type == nullptr) return std::nullopt;
  std::optional<std::string> type_name = yaml_internal::ReadText(ctx.doc, *type);
  if (!type_name) return std::nullopt;
  std::optional<FieldType> field_type = ParseFieldType(*type_name);
  if (!field_type) {
    ctx.Error(type->value_where, "unknown field type " + Quote(*type_name) +
                                     " (allowed: " + AllFieldTypeNames() + ")");
    return std::nullopt;
  }
  field.type = *field_type;
  map.AllowOnly(KeysForFieldType(field.type));
  if (const Entry* label = map.Find("label"))
    field.label = yaml_internal::ReadText(ctx.doc, *label).value_or("");
  ReadHelp(ctx, map, field);
  if (const Entry* required = map.Find("required")) {
    field.required = yaml_internal::ReadBool(ctx.doc, *required).value_or(false);
  }
  if (field.type == FieldType::kList) {
    std::optional<FieldType> item_type = ReadItemType(ctx, map);
    if (!item_type) return std::nullopt;
    field.item_type = *item_type;
  }
  ReadFieldLimits(ctx, map, field);
  ReadMultiline(ctx, map, field);
  ReadFieldOptions(ctx, map, field);
  if (field.type == FieldType::kCriteria && ctx.def.criteria.empty()) {
    ctx.Error(type->value_where, "field " + Quote(field.name) +
                                     " has type criteria, but the workflow declares no criteria");
  }
  if (ctx.def.variables.count(field.name) > 0) {
    ctx.Error(item.key_where,
              "field " + Quote(field.name) + " of form " + Quote(form) +
                  " has the name of a variable; case data can hold only one of them");
  }
  return field;
}

struct FieldSeen {
  FieldDef field;
  std::string form;
  SourceLocation where;
};

std::string TypeText(const FieldDef& field) {
  if (field.type == FieldType::kCriteria) return "criteria";
  return FieldValueType(field).ToString();
}

bool SameFieldType(const FieldDef& a, const FieldDef& b) {
  if ((a.type == FieldType::kCriteria) != (b.type == FieldType::kCriteria)) return false;
  if (a.type == FieldType::kCriteria) return true;
  return SameType(FieldValueType(a), FieldValueType(b));
}

void CheckFieldType(LoadContext& ctx, std::map<std::string, FieldSeen>& seen, const FieldDef& field,
                    const std::string& form, const SourceLocation& where) {
  auto [it, inserted] = seen.emplace(field.name, FieldSeen{field, form, where});
  if (inserted || SameFieldType(it->second.field, field)) return;
  ctx.Error(where, "field " + Quote(field.name) + " has type " + TypeText(field) + " in form " +
                       Quote(form) + " but " + TypeText(it->second.field) + " in form " +
                       Quote(it->second.form) + " (line " + std::to_string(it->second.where.line) +
                       "); a field name must have one type in every form");
}

void ReadForm(LoadContext& ctx, const Entry& item, std::map<std::string, FieldSeen>& seen) {
  FormDef form;
  form.name = item.key;
  ctx.form_where[form.name] = item.key_where;
  Mapping map(ctx.doc, item.value, "form " + Quote(form.name), item.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"label", "fields", "pages"});
  if (const Entry* label = map.Find("label"))
    form.label = yaml_internal::ReadText(ctx.doc, *label).value_or("");
  std::vector<std::string> written;
  if (const Entry* fields = map.Require("fields")) {
    Mapping field_map(ctx.doc, fields->value, "the fields of form " + Quote(form.name),
                      fields->key_where);
    for (const Entry& field_entry : field_map.entries()) {
      written.push_back(field_entry.key);
      std::optional<FieldDef> field = ReadField(ctx, field_entry, form.name);
      if (!field) continue;
      CheckFieldType(ctx, seen, *field, form.name, field_entry.key_where);
      form.fields.push_back(std::move(*field));
    }
  }
  if (const Entry* pages = map.Find("pages")) ReadFormPages(ctx, *pages, written, form);
  ctx.def.forms.emplace(form.name, std::move(form));
}

// ---- Criteria ----------------------------------------------------------------------------------

void ReadScale(LoadContext& ctx, const Entry& entry, CriterionDef& criterion) {
  auto items = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!items) return;
  std::optional<long long> low, high;
  if (items->size() == 2) {
    low = yaml_internal::ParseIntText((*items)[0].text);
    high = yaml_internal::ParseIntText((*items)[1].text);
  }
  if (!low || !high || *low >= *high || *low < -1000 || *high > 1000) {
    ctx.Error(entry.value_where,
              "'scale' must be [lowest, highest] with whole numbers, lowest "
              "below highest (e.g. [1, 5])");
    return;
  }
  criterion.scale_min = static_cast<int>(*low);
  criterion.scale_max = static_cast<int>(*high);
}

void ReadCriterion(LoadContext& ctx, const YAML::Node& node) {
  Mapping map(ctx.doc, node, "a criterion");
  if (!map.valid()) return;
  map.AllowOnly({"id", "label", "description", "weight", "scale", "minimum"});
  CriterionDef criterion;
  const Entry* id = map.Require("id");
  if (id == nullptr) return;
  std::optional<yaml_internal::Scalar> id_text = yaml_internal::ReadScalar(ctx.doc, *id);
  if (!id_text) return;
  criterion.id = id_text->text;
  CheckIdentifier(ctx, criterion.id, id_text->where, "criterion");
  if (ctx.def.FindCriterion(criterion.id) != nullptr) {
    ctx.Error(id_text->where, "duplicate criterion id " + Quote(criterion.id));
    return;
  }
  if (const Entry* e = map.Find("label"))
    criterion.label = yaml_internal::ReadText(ctx.doc, *e).value_or("");
  if (const Entry* e = map.Find("description")) {
    criterion.description = yaml_internal::ReadText(ctx.doc, *e).value_or("");
  }
  if (const Entry* e = map.Find("weight")) {
    std::optional<double> weight = yaml_internal::ReadNumber(ctx.doc, *e);
    if (weight && *weight <= 0) {
      ctx.Error(e->value_where,
                "'weight' of criterion " + Quote(criterion.id) + " must be above 0");
    } else if (weight) {
      criterion.weight = *weight;
    }
  }
  if (const Entry* e = map.Find("scale")) ReadScale(ctx, *e, criterion);
  if (const Entry* e = map.Find("minimum")) {
    std::optional<long long> minimum = yaml_internal::ReadInt(ctx.doc, *e);
    if (minimum && (*minimum < criterion.scale_min || *minimum > criterion.scale_max)) {
      ctx.Error(e->value_where, "'minimum' of criterion " + Quote(criterion.id) +
                                    " must lie within its scale [" +
                                    std::to_string(criterion.scale_min) + ", " +
                                    std::to_string(criterion.scale_max) + "]");
    } else if (minimum) {
      criterion.minimum = static_cast<int>(*minimum);
    }
  }
  ctx.def.criteria.push_back(std::move(criterion));
}

}  // namespace

void ReadCriteriaSection(LoadContext& ctx, const Entry& entry) {
  if (entry.value.IsNull()) return;
  if (!entry.value.IsSequence()) {
    ctx.Error(entry.value_where,
              "'criteria' must be a list of {id, label, description, weight, "
              "scale, minimum}, got " +
                  yaml_internal::DescribeNode(entry.value));
    return;
  }
  for (const YAML::Node& item : entry.value) ReadCriterion(ctx, item);
}

void ReadFormsSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'forms'", entry.key_where);
  std::map<std::string, FieldSeen> seen;
  for (const Entry& item : map.entries()) ReadForm(ctx, item, seen);
}

}  // namespace uitdaag::loader_internal
