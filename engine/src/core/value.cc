#include "uitdaag/value.h"

#include <cassert>
#include <charconv>
#include <cstdio>
#include <limits>

namespace uitdaag {
namespace {

constexpr int64_t kMaxInt64 = std::numeric_limits<int64_t>::max();

// The shortest text that reads back as `d` ("12.5", "3", "-0.25"); locale-independent.
std::string FormatNumber(double d) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, result.ptr);
}

// Appends `s` as a double-quoted string with JSON escapes for quotes, backslashes and control
// characters; bytes from 0x80 up pass through unchanged.
void AppendQuoted(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out->append(buf);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendDebug(const Value& v, std::string* out);

void AppendList(const ValueList& items, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendDebug(items[i], out);
  }
  out->push_back(']');
}

void AppendRecord(const ValueRecord& fields, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const auto& [key, value] : fields) {
    if (!first) out->append(", ");
    first = false;
    AppendQuoted(key, out);
    out->append(": ");
    AppendDebug(value, out);
  }
  out->push_back('}');
}

void AppendDebug(const Value& v, std::string* out) {
  switch (v.type()) {
    case ValueType::kNull:
      out->append("null");
      return;
    case ValueType::kBool:
      out->append(v.as_bool() ? "true" : "false");
      return;
    case ValueType::kNumber:
      out->append(FormatNumber(v.as_number()));
      return;
    case ValueType::kMoney:
      out->append("{\"money\":\"" + v.as_money().ToString() + "\"}");
      return;
    case ValueType::kText:
      AppendQuoted(v.as_text(), out);
      return;
    case ValueType::kDate:
      out->append("{\"date\":\"" + v.as_date().ToIsoString() + "\"}");
      return;
    case ValueType::kList:
      AppendList(v.as_list(), out);
      return;
    case ValueType::kRecord:
      AppendRecord(v.as_record(), out);
      return;
  }
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

Status BadMoney(std::string_view text, const char* why) {
  return Status::InvalidArgument("money '" + std::string(text) + "' " + why);
}

// Reads the digits of the whole-euro part into *euros. False when euros * 100 + 99 would not
// fit in an int64.
bool ReadEuros(std::string_view digits, int64_t* euros) {
  constexpr int64_t kMaxEuros = kMaxInt64 / 100 - 1;
  int64_t value = 0;
  for (char c : digits) {
    if (value > (kMaxEuros - 9) / 10) return false;
    value = value * 10 + (c - '0');
  }
  *euros = value;
  return true;
}

}  // namespace

const char* ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "null";
    case ValueType::kBool:
      return "bool";
    case ValueType::kNumber:
      return "number";
    case ValueType::kMoney:
      return "money";
    case ValueType::kText:
      return "text";
    case ValueType::kDate:
      return "date";
    case ValueType::kList:
      return "list";
    case ValueType::kRecord:
      return "record";
  }
  return "?";
}

StatusOr<Money> Money::Parse(std::string_view text) {
  std::string_view rest = text;
  const bool negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  const size_t dot = rest.find('.');
  const std::string_view whole = rest.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  const auto all_digits = [](std::string_view s) {
    for (char c : s) {
      if (!IsDigit(c)) return false;
    }
    return true;
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
      (dot != std::string_view::npos && fraction.empty())) {
    return BadMoney(text, "is not an amount like 12500 or 12500.50");
  }
  if (fraction.size() > 2) return BadMoney(text, "has more than two decimals");
  int64_t euros = 0;
  if (!ReadEuros(whole, &euros)) return BadMoney(text, "is too large");
  int64_t cents = 0;
  if (!fraction.empty()) cents = (fraction[0] - '0') * 10;
  if (fraction.size() == 2) cents += fraction[1] - '0';
  const int64_t total = euros * 100 + cents;
  return Money{negative ? -total : total};
}

std::string Money::ToString() const {
  const uint64_t magnitude =
      cents < 0 ? uint64_t{0} - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", cents < 0 ? "-" : "",
                static_cast<unsigned long long>(magnitude / 100),
                static_cast<unsigned long long>(magnitude % 100));
  return buf;
}

Value Value::Bool(bool b) {
  return Value(Storage(b));
}
Value Value::Number(double d) {
  return Value(Storage(d));
}
Value Value::OfMoney(Money m) {
  return Value(Storage(m));
}
Value Value::Text(std::string s) {
  return Value(Storage(std::move(s)));
}
Value Value::OfDate(Date d) {
  return Value(Storage(d));
}
Value Value::List(ValueList items) {
  return Value(Storage(std::make_shared<const ValueList>(std::move(items))));
}
Value Value::Record(ValueRecord fields) {
  return Value(Storage(std::make_shared<const ValueRecord>(std::move(fields))));
}

// The alternatives of Storage are declared in the order of ValueType.
ValueType Value::type() const {
  return static_cast<ValueType>(v_.index());
}

bool Value::as_bool() const {
  assert(type() == ValueType::kBool);
  const bool* b = std::get_if<bool>(&v_);
  return b != nullptr && *b;
}

double Value::as_number() const {
  assert(type() == ValueType::kNumber);
  const double* d = std::get_if<double>(&v_);
  return d != nullptr ? *d : 0.0;
}

Money Value::as_money() const {
  assert(type() == ValueType::kMoney);
  const Money* m = std::get_if<Money>(&v_);
  return m != nullptr ? *m : Money{};
}

const std::string& Value::as_text() const {
  assert(type() == ValueType::kText);
  static const std::string kEmpty;
  const std::string* s = std::get_if<std::string>(&v_);
  return s != nullptr ? *s : kEmpty;
}

Date Value::as_date() const {
  assert(type() == ValueType::kDate);
  const Date* d = std::get_if<Date>(&v_);
  return d != nullptr ? *d : Date();
}

const ValueList& Value::as_list() const {
  assert(type() == ValueType::kList);
  static const ValueList kEmpty;
  const auto* p = std::get_if<std::shared_ptr<const ValueList>>(&v_);
  return p != nullptr && *p != nullptr ? **p : kEmpty;
}

const ValueRecord& Value::as_record() const {
  assert(type() == ValueType::kRecord);
  static const ValueRecord kEmpty;
  const auto* p = std::get_if<std::shared_ptr<const ValueRecord>>(&v_);
  return p != nullptr && *p != nullptr ? **p : kEmpty;
}

const Value* Value::Find(std::string_view key) const {
  if (type() != ValueType::kRecord) return nullptr;
  const ValueRecord& fields = as_record();
  const auto it = fields.find(key);
  return it == fields.end() ? nullptr : &it->second;
}

bool Value::operator==(const Value& other) const {
  if (type() != other.type()) return false;
  switch (type()) {
    case ValueType::kNull:
      return true;
    case ValueType::kBool:
      return as_bool() == other.as_bool();
    case ValueType::kNumber:
      return as_number() == other.as_number();
    case ValueType::kMoney:
      return as_money() == other.as_money();
    case ValueType::kText:
      return as_text() == other.as_text();
    case ValueType::kDate:
      return as_date() == other.as_date();
    case ValueType::kList:
      return as_list() == other.as_list();
    case ValueType::kRecord:
      return as_record() == other.as_record();
  }
  return false;
}

std::string Value::DebugString() const {
  std::string out;
  AppendDebug(*this, &out);
  return out;
}

}  // namespace uitdaag
