// Form validation: raw values (lenient about representation) to typed case data (strict about
// content). Every error is kInvalidArgument with the field (or "field.criterion", "list[i]") as
// subject and "subject: what is wrong" as message; a form definition that the loader should have
// rejected (a choice without options, a list of lists) is kInternal.

#include "uitdaag/form.h"
#include "uitdaag/utf8.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace uitdaag {
namespace {

constexpr int kDefaultMaxItems = 100;
constexpr size_t kMaxFileReference = 255;

Status FieldError(const std::string& subject, const std::string& what) {
  return Status::InvalidArgument(subject + ": " + what, subject);
}

Status DefinitionError(const FieldDef& field, const std::string& what) {
  return Status::Internal("field '" + field.name + "': " + what, field.name);
}

// Null and empty text both mean "not given" (a web form sends "" for an empty input).
bool IsAbsent(const Value& v) {
  return v.is_null() || (v.type() == ValueType::kText && v.as_text().empty());
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string FormatNumber(double d) {
  return Value::Number(d).DebugString();
}

// Euros without ".00" for whole amounts: "0", "12500", "12.50".
std::string FormatEuros(int64_t cents) {
  std::string text = Money{cents}.ToString();
  if (text.size() > 3 && text.compare(text.size() - 3, 3, ".00") == 0) text.resize(text.size() - 3);
  return text;
}

// A number from a number or a numeric text ("-12.5"); nullopt otherwise.
std::optional<double> NumberFrom(const Value& raw) {
  if (raw.type() == ValueType::kNumber) return raw.as_number();
  if (raw.type() != ValueType::kText) return std::nullopt;
  const std::string_view text = TrimSpaces(raw.as_text());
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  const auto digits_from = [&text](size_t at) {
    size_t end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    return end - at;
  };
  const size_t whole = digits_from(i);
  if (whole == 0) return std::nullopt;
  i += whole;
  if (i < text.size() && text[i] == '.') {
    const size_t fraction = digits_from(i + 1);
    if (fraction == 0) return std::nullopt;
    i += 1 + fraction;
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc()) return std::nullopt;
  return value;
}

StatusOr<Value> ValidateText(const FieldDef& f, const std::string& subject, const Value& raw) {
  if (raw.type() != ValueType::kText) {
    return FieldError(subject, std::string("must be text, got ") + ValueTypeName(raw.type()));
  }
  if (Status plain = CheckPlainText(subject, raw.as_text(), TextLines::kMultiLine); !plain.ok()) {
    return plain;
  }
  const std::optional<size_t> length = Utf8Length(raw.as_text());
  const size_t max = static_cast<size_t>(f.max_length.value_or(kDefaultTextMaxLength));
  if (*length > max) {
    return FieldError(subject, "must be at most " + std::to_string(max) + " characters, got " +
                                   std::to_string(*length));
  }
  if (f.min_length.has_value() && *length < static_cast<size_t>(*f.min_length)) {
    return FieldError(subject, "must be at least " + std::to_string(*f.min_length) +
                                   " characters, got " + std::to_string(*length));
  }
  return raw;
}

StatusOr<Value> ValidateNumber(const FieldDef& f, const std::string& subject, const Value& raw) {
  const std::optional<double> number = NumberFrom(raw);
  if (!number.has_value()) return FieldError(subject, "must be a number like 12 or 12.5");
  if (!std::isfinite(*number)) return FieldError(subject, "must be a finite number");
  if (f.integer && *number != std::floor(*number)) {
    return FieldError(subject, "must be a whole number, got " + FormatNumber(*number));
  }
  if (f.min.has_value() && *number < *f.min) {
    return FieldError(subject, "must be at least " + FormatNumber(*f.min));
  }
  if (f.max.has_value() && *number > *f.max) {
    return FieldError(subject, "must be at most " + FormatNumber(*f.max));
  }
  return Value::Number(*number);
}

// Money from a number of euros (through its shortest decimal text, so 0.1 is 10 cents exactly)
// or from a text like "12500.50".
StatusOr<Money> MoneyFrom(const std::string& subject, const Value& raw) {
  std::string text;
  if (raw.type() == ValueType::kNumber) {
    if (!std::isfinite(raw.as_number())) return FieldError(subject, "must be a finite amount");
    char buf[400];
    const auto result =
        std::to_chars(buf, buf + sizeof buf, raw.as_number(), std::chars_format::fixed);
    if (result.ec != std::errc()) return FieldError(subject, "amount out of range");
    text.assign(buf, result.ptr);
  } else if (raw.type() == ValueType::kText) {
    text = std::string(TrimSpaces(raw.as_text()));
  } else {
    return FieldError(subject, std::string("must be an amount, got ") + ValueTypeName(raw.type()));
  }
  StatusOr<Money> money = Money::Parse(text);
  if (!money.ok()) return FieldError(subject, money.status().message());
  return money;
}

StatusOr<Value> ValidateMoney(const FieldDef& f, const std::string& subject, const Value& raw) {
  StatusOr<Money> money = MoneyFrom(subject, raw);
  if (!money.ok()) return money.status();
  const int64_t cents = money->cents;
  if (f.min.has_value() && cents < std::llround(*f.min * 100)) {
    return FieldError(subject, "must be at least " + FormatEuros(std::llround(*f.min * 100)));
  }
  if (f.max.has_value() && cents > std::llround(*f.max * 100)) {
    return FieldError(subject, "must be at most " + FormatEuros(std::llround(*f.max * 100)));
  }
  return Value::OfMoney(*money);
}

StatusOr<Value> ValidateDate(const FieldDef& f, const std::string& subject, const Value& raw) {
  Date date;
  if (raw.type() == ValueType::kDate) {
    date = raw.as_date();
  } else if (raw.type() == ValueType::kText) {
    StatusOr<Date> parsed = Date::Parse(TrimSpaces(raw.as_text()));
    if (!parsed.ok()) return FieldError(subject, parsed.status().message());
    date = *parsed;
  } else {
    return FieldError(subject,
                      std::string("must be a date YYYY-MM-DD, got ") + ValueTypeName(raw.type()));
  }
  if (f.min_date.has_value() && date < *f.min_date) {
    return FieldError(subject, "must be on or after " + f.min_date->ToIsoString());
  }
  if (f.max_date.has_value() && date > *f.max_date) {
    return FieldError(subject, "must be on or before " + f.max_date->ToIsoString());
  }
  return Value::OfDate(date);
}

StatusOr<Value> ValidateBool(const std::string& subject, const Value& raw) {
  if (raw.type() == ValueType::kBool) return raw;
  if (raw.type() == ValueType::kText) {
    const std::string_view text = TrimSpaces(raw.as_text());
    if (text == "true") return Value::Bool(true);
    if (text == "false") return Value::Bool(false);
  }
  return FieldError(subject, "must be true or false");
}

StatusOr<Value> ValidateChoice(const FieldDef& f, const std::string& subject, const Value& raw) {
  if (f.options.empty()) return DefinitionError(f, "a choice needs options");
  if (raw.type() == ValueType::kText) {
    for (const std::string& option : f.options) {
      if (option == raw.as_text()) return raw;
    }
  }
  std::string options;
  for (const std::string& option : f.options) options += (options.empty() ? "" : ", ") + option;
  const std::string shown = raw.type() == ValueType::kText ? "'" + raw.as_text() + "'"
                                                           : std::string(ValueTypeName(raw.type()));
  return FieldError(subject, shown + " is not one of " + options);
}

bool IsFileReferenceChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ' ' || c == '-';
}

StatusOr<Value> ValidateFile(const std::string& subject, const Value& raw) {
  static const char* const kRule =
      "must be a file reference: 1 to 255 letters, digits, '.', '_', ' ' or '-', "
      "not starting with '.'";
  if (raw.type() != ValueType::kText) return FieldError(subject, kRule);
  const std::string& text = raw.as_text();
  if (text.empty() || text.size() > kMaxFileReference || text.front() == '.') {
    return FieldError(subject, kRule);
  }
  for (char c : text) {
    if (!IsFileReferenceChar(c)) return FieldError(subject, kRule);
  }
  return raw;
}

// One value of a scalar type, with the limits written on `f`.
StatusOr<Value> ValidateScalar(FieldType type, const FieldDef& f, const std::string& subject,
                               const Value& raw) {
  switch (type) {
    case FieldType::kText:
      return ValidateText(f, subject, raw);
    case FieldType::kNumber:
      return ValidateNumber(f, subject, raw);
    case FieldType::kMoney:
      return ValidateMoney(f, subject, raw);
    case FieldType::kDate:
      return ValidateDate(f, subject, raw);
    case FieldType::kBool:
      return ValidateBool(subject, raw);
    case FieldType::kChoice:
      return ValidateChoice(f, subject, raw);
    case FieldType::kFile:
      return ValidateFile(subject, raw);
    case FieldType::kList:
    case FieldType::kCriteria:
      break;
  }
  return DefinitionError(f, std::string("a list cannot hold ") + FieldTypeName(type) + " items");
}

StatusOr<Value> ValidateList(const FieldDef& f, const Value& raw) {
  if (raw.type() != ValueType::kList) {
    return FieldError(f.name, std::string("must be a list, got ") + ValueTypeName(raw.type()));
  }
  const ValueList& items = raw.as_list();
  const int max = f.max_items.value_or(kDefaultMaxItems);
  if (items.size() > static_cast<size_t>(max)) {
    return FieldError(f.name, "must have at most " + std::to_string(max) + " items, got " +
                                  std::to_string(items.size()));
  }
  if (f.min_items.has_value() && items.size() < static_cast<size_t>(*f.min_items)) {
    return FieldError(f.name, "must have at least " + std::to_string(*f.min_items) +
                                  " items, got " + std::to_string(items.size()));
  }
  ValueList out;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string subject = f.name + "[" + std::to_string(i) + "]";
    if (IsAbsent(items[i])) return FieldError(subject, "must not be empty");
    StatusOr<Value> item = ValidateScalar(f.item_type, f, subject, items[i]);
    if (!item.ok()) return item;
    out.push_back(std::move(item).value());
  }
  return Value::List(std::move(out));
}

const CriterionDef* FindCriterion(const std::vector<CriterionDef>& criteria, std::string_view id) {
  for (const CriterionDef& c : criteria) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// {score, reason} for one criterion: a whole score on the scale, a non-blank reason.
StatusOr<Value> ValidateScore(const FieldDef& f, const CriterionDef& c, const std::string& subject,
                              const Value& raw) {
  if (raw.type() != ValueType::kRecord) return FieldError(subject, "must be {score, reason}");
  for (const auto& [key, unused] : raw.as_record()) {
    if (key != "score" && key != "reason") return FieldError(subject, "unknown key '" + key + "'");
  }
  const Value* score_raw = raw.Find("score");
  if (score_raw == nullptr || IsAbsent(*score_raw)) return FieldError(subject, "score required");
  const std::optional<double> score = NumberFrom(*score_raw);
  if (!score.has_value() || *score != std::floor(*score)) {
    return FieldError(subject, "score must be a whole number");
  }
  if (*score < c.scale_min || *score > c.scale_max) {
    return FieldError(subject, "score " + FormatNumber(*score) + " is outside the scale " +
                                   std::to_string(c.scale_min) + ".." +
                                   std::to_string(c.scale_max));
  }
  const Value* reason = raw.Find("reason");
  if (reason == nullptr || reason->type() != ValueType::kText ||
      TrimSpaces(reason->as_text()).empty()) {
    return FieldError(subject, "every score needs a written reason");
  }
  StatusOr<Value> checked = ValidateText(f, subject, *reason);
  if (!checked.ok()) return checked;
  return Value::Record({{"score", Value::Number(*score)}, {"reason", *reason}});
}

StatusOr<Value> ValidateCriteria(const FieldDef& f, const std::vector<CriterionDef>& criteria,
                                 const Value& raw) {
  if (raw.type() != ValueType::kRecord) {
    return FieldError(f.name, "must be a record of criterion scores");
  }
  ValueRecord out;
  for (const auto& [id, entry] : raw.as_record()) {
    const std::string subject = f.name + "." + id;
    const CriterionDef* criterion = FindCriterion(criteria, id);
    if (criterion == nullptr) return FieldError(subject, "unknown criterion");
    StatusOr<Value> score = ValidateScore(f, *criterion, subject, entry);
    if (!score.ok()) return score;
    out.emplace(id, std::move(score).value());
  }
  return Value::Record(std::move(out));
}

StatusOr<Value> ValidateField(const FieldDef& f, const std::vector<CriterionDef>& criteria,
                              const Value& raw) {
  switch (f.type) {
    case FieldType::kList:
      return ValidateList(f, raw);
    case FieldType::kCriteria:
      return ValidateCriteria(f, criteria, raw);
    default:
      return ValidateScalar(f.type, f, f.name, raw);
  }
}

}  // namespace

const char* FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return "text";
    case FieldType::kNumber:
      return "number";
    case FieldType::kMoney:
      return "money";
    case FieldType::kDate:
      return "date";
    case FieldType::kBool:
      return "bool";
    case FieldType::kChoice:
      return "choice";
    case FieldType::kFile:
      return "file";
    case FieldType::kList:
      return "list";
    case FieldType::kCriteria:
      return "criteria";
  }
  return "?";
}

std::optional<FieldType> ParseFieldType(std::string_view name) {
  constexpr FieldType kAll[] = {FieldType::kText, FieldType::kNumber, FieldType::kMoney,
                                FieldType::kDate, FieldType::kBool,   FieldType::kChoice,
                                FieldType::kFile, FieldType::kList,   FieldType::kCriteria};
  for (FieldType type : kAll) {
    if (name == FieldTypeName(type)) return type;
  }
  return std::nullopt;
}

std::string FieldDef::OptionLabel(std::string_view id) const {
  for (size_t i = 0; i < options.size() && i < option_labels.size(); ++i) {
    if (options[i] == id) return option_labels[i];
  }
  return std::string(id);
}

const FieldDef* FormDef::FindField(std::string_view field_name) const {
  for (const FieldDef& field : fields) {
    if (field.name == field_name) return &field;
  }
  return nullptr;
}

Type FieldValueType(const FieldDef& field) {
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kFile:
      return Type::Of(ValueType::kText);
    case FieldType::kNumber:
      return Type::Of(ValueType::kNumber);
    case FieldType::kMoney:
      return Type::Of(ValueType::kMoney);
    case FieldType::kDate:
      return Type::Of(ValueType::kDate);
    case FieldType::kBool:
      return Type::Of(ValueType::kBool);
    case FieldType::kChoice:
      return Type::Choice(field.options);
    case FieldType::kCriteria:
      return Type::Of(ValueType::kRecord);
    case FieldType::kList:
      break;
  }
  if (field.item_type == FieldType::kList || field.item_type == FieldType::kCriteria) {
    return Type::ListOf(Type::Of(ValueType::kNull));
  }
  FieldDef item = field;
  item.type = field.item_type;
  return Type::ListOf(FieldValueType(item));
}

StatusOr<ValueRecord> ValidateForm(const FormDef& form, const std::vector<CriterionDef>& criteria,
                                   const ValueRecord& raw) {
  for (const auto& [name, unused] : raw) {
    if (form.FindField(name) == nullptr) return FieldError(name, "unknown field");
  }
  ValueRecord out;
  for (const FieldDef& field : form.fields) {
    const auto it = raw.find(field.name);
    if (it == raw.end() || IsAbsent(it->second)) {
      if (field.required) return FieldError(field.name, "required");
      continue;
    }
    StatusOr<Value> value = ValidateField(field, criteria, it->second);
    if (!value.ok()) return value.status();
    out.emplace(field.name, std::move(value).value());
  }
  return out;
}

}  // namespace uitdaag
