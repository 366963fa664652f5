// Value: one piece of case data (a form field, a parameter, a computed fact), dynamically typed.
//
// Types: null, bool, number (double), money (whole cents, int64), text (UTF-8), date (civil),
// list (of values) and record (string -> value, ordered by key). Money is never a double.
//
// Thread safety: value type.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/status.h"

namespace uitdaag {

enum class ValueType { kNull, kBool, kNumber, kMoney, kText, kDate, kList, kRecord };

// "null", "bool", "number", "money", "text", "date", "list", "record".
const char* ValueTypeName(ValueType type);

struct Money {
  int64_t cents = 0;
  // Accepts "12500", "12500.5", "12500.50", "-3.25" (a dot as decimal separator, at most two
  // decimals, no thousands separators). kInvalidArgument otherwise.
  static StatusOr<Money> Parse(std::string_view text);
  // "12500.50" (canonical, for storage and JSON).
  std::string ToString() const;
  auto operator<=>(const Money&) const = default;
};

class Value;
using ValueList = std::vector<Value>;
using ValueRecord = std::map<std::string, Value, std::less<>>;

class Value {
 public:
  Value() = default;  // null
  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Number(double d);
  static Value OfMoney(Money m);
  static Value Text(std::string s);
  static Value OfDate(Date d);
  static Value List(ValueList items);
  static Value Record(ValueRecord fields);

  ValueType type() const;
  bool is_null() const { return type() == ValueType::kNull; }

  // REQUIRES: the matching type (checked by assert).
  bool as_bool() const;
  double as_number() const;
  Money as_money() const;
  const std::string& as_text() const;
  Date as_date() const;
  const ValueList& as_list() const;
  const ValueRecord& as_record() const;

  // A field of a record, or nullptr when this is not a record or has no such field.
  const Value* Find(std::string_view key) const;

  // Structural equality; a number and money are never equal (different types).
  bool operator==(const Value& other) const;

  // A compact, deterministic JSON-like rendering for logs, CLI output and tests:
  // null, true, 12.5, "12500.00" for money as {"money":"12500.00"}, "text", {"date":"2025-01-02"},
  // [a, b], {"k": v}. Not meant to be parsed back; storage formats have their own encoders.
  std::string DebugString() const;

 private:
  using Storage = std::variant<std::monostate, bool, double, Money, std::string, Date,
                               std::shared_ptr<const ValueList>, std::shared_ptr<const ValueRecord>>;
  explicit Value(Storage s) : v_(std::move(s)) {}
  Storage v_;
};

}  // namespace uitdaag
