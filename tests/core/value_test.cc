#include "uitdaag/value.h"

#include <catch2/catch.hpp>
#include <limits>

namespace uitdaag {
namespace {

TEST_CASE("ValueTypeName names every type", "[value]") {
  CHECK(std::string(ValueTypeName(ValueType::kNull)) == "null");
  CHECK(std::string(ValueTypeName(ValueType::kBool)) == "bool");
  CHECK(std::string(ValueTypeName(ValueType::kNumber)) == "number");
  CHECK(std::string(ValueTypeName(ValueType::kMoney)) == "money");
  CHECK(std::string(ValueTypeName(ValueType::kText)) == "text");
  CHECK(std::string(ValueTypeName(ValueType::kDate)) == "date");
  CHECK(std::string(ValueTypeName(ValueType::kList)) == "list");
  CHECK(std::string(ValueTypeName(ValueType::kRecord)) == "record");
}

TEST_CASE("Money::Parse accepts whole and decimal amounts", "[value][money]") {
  struct Case {
    const char* text;
    int64_t cents;
  };
  const Case cases[] = {
      {"12500", 1250000}, {"12500.5", 1250050}, {"12500.50", 1250050},
      {"-3.25", -325},    {"0.05", 5},          {"0", 0},
      {"-0", 0},          {"007", 700},         {"1000000000000000.99", 100000000000000099},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    StatusOr<Money> money = Money::Parse(c.text);
    REQUIRE(money.ok());
    CHECK(money->cents == c.cents);
  }
}

TEST_CASE("Money::Parse rejects anything else with kInvalidArgument", "[value][money]") {
  const char* bad[] = {"",
                       "-",
                       "12,50",
                       "1.234",
                       "12.",
                       ".5",
                       "+5",
                       " 5",
                       "5 ",
                       "1e3",
                       "abc",
                       "1.2.3",
                       "--1",
                       "1_000",
                       "1,000.00",
                       "99999999999999999999",
                       "92233720368547758.08"};
  for (const char* text : bad) {
    INFO(text);
    StatusOr<Money> money = Money::Parse(text);
    REQUIRE_FALSE(money.ok());
    CHECK(money.status().code() == StatusCode::kInvalidArgument);
    CHECK(money.status().message().find(std::string("'") + text + "'") != std::string::npos);
  }
  CHECK(Money::Parse("1.234").status().message().find("two decimals") != std::string::npos);
}

TEST_CASE("Money::ToString is canonical with two decimals", "[value][money]") {
  CHECK(Money{1250050}.ToString() == "12500.50");
  CHECK(Money{1250000}.ToString() == "12500.00");
  CHECK(Money{-325}.ToString() == "-3.25");
  CHECK(Money{5}.ToString() == "0.05");
  CHECK(Money{-5}.ToString() == "-0.05");
  CHECK(Money{0}.ToString() == "0.00");
  CHECK(Money{std::numeric_limits<int64_t>::min()}.ToString() == "-92233720368547758.08");
  for (int64_t cents : {int64_t{0}, int64_t{7}, int64_t{-99}, int64_t{123456789}}) {
    StatusOr<Money> back = Money::Parse(Money{cents}.ToString());
    REQUIRE(back.ok());
    CHECK(back->cents == cents);
  }
}

TEST_CASE("Money orders by cents", "[value][money]") {
  CHECK(Money{5} < Money{6});
  CHECK(Money{-5} < Money{0});
  CHECK(Money{5} == Money{5});
}

TEST_CASE("Value constructors set the type and accessors return the value", "[value]") {
  CHECK(Value().is_null());
  CHECK(Value::Null().type() == ValueType::kNull);
  CHECK(Value::Bool(true).as_bool());
  CHECK(Value::Number(2.5).as_number() == 2.5);
  CHECK(Value::OfMoney(Money{125}).as_money().cents == 125);
  CHECK(Value::Text("tekst").as_text() == "tekst");
  CHECK(Value::OfDate(Date::FromYmd(2025, 1, 2)).as_date() == Date::FromYmd(2025, 1, 2));
  const Value list = Value::List({Value::Number(1), Value::Text("a")});
  REQUIRE(list.type() == ValueType::kList);
  CHECK(list.as_list().size() == 2);
  const Value record = Value::Record({{"begroting", Value::OfMoney(Money{100})}});
  REQUIRE(record.type() == ValueType::kRecord);
  CHECK(record.as_record().size() == 1);
}

TEST_CASE("Value::Find looks up record fields only", "[value]") {
  const Value record = Value::Record({{"a", Value::Number(1)}, {"b", Value::Null()}});
  REQUIRE(record.Find("a") != nullptr);
  CHECK(record.Find("a")->as_number() == 1);
  REQUIRE(record.Find("b") != nullptr);
  CHECK(record.Find("b")->is_null());
  CHECK(record.Find("c") == nullptr);
  CHECK(Value::Number(1).Find("a") == nullptr);
  CHECK(Value::List({}).Find("a") == nullptr);
}

TEST_CASE("Value equality is structural and typed", "[value]") {
  CHECK(Value() == Value::Null());
  CHECK(Value::Number(1) == Value::Number(1));
  CHECK_FALSE(Value::Number(1) == Value::Number(2));
  CHECK_FALSE(Value::Number(1) == Value::OfMoney(Money{100}));
  CHECK_FALSE(Value::Text("1") == Value::Number(1));
  CHECK_FALSE(Value::Null() == Value::Bool(false));
  CHECK(Value::List({Value::Number(1), Value::Text("a")}) ==
        Value::List({Value::Number(1), Value::Text("a")}));
  CHECK_FALSE(Value::List({Value::Number(1)}) == Value::List({Value::Number(1), Value::Number(1)}));
  CHECK(Value::Record({{"a", Value::List({})}}) == Value::Record({{"a", Value::List({})}}));
  CHECK_FALSE(Value::Record({{"a", Value::Number(1)}}) == Value::Record({{"b", Value::Number(1)}}));
  CHECK(Value::OfDate(Date::FromYmd(2025, 1, 2)) == Value::OfDate(Date::FromYmd(2025, 1, 2)));
}

TEST_CASE("Copies of a list value are independent values", "[value]") {
  Value a = Value::List({Value::Number(1)});
  const Value b = a;
  a = Value::Number(3);
  CHECK(b.as_list().size() == 1);
  CHECK(b.as_list()[0] == Value::Number(1));
}

TEST_CASE("DebugString is compact and deterministic", "[value]") {
  CHECK(Value().DebugString() == "null");
  CHECK(Value::Bool(false).DebugString() == "false");
  CHECK(Value::Number(3).DebugString() == "3");
  CHECK(Value::Number(12.5).DebugString() == "12.5");
  CHECK(Value::Number(0.1).DebugString() == "0.1");
  CHECK(Value::Number(-0.25).DebugString() == "-0.25");
  CHECK(Value::OfMoney(Money{1250000}).DebugString() == R"({"money":"12500.00"})");
  CHECK(Value::OfDate(Date::FromYmd(2025, 1, 2)).DebugString() == R"({"date":"2025-01-02"})");
  CHECK(Value::Text("a\"b\\c\nd\x01").DebugString() == R"("a\"b\\c\nd\u0001")");
  CHECK(Value::Text("café").DebugString() == "\"café\"");
  const Value nested = Value::Record({
      {"b", Value::List({Value::Bool(true), Value::Null()})},
      {"a", Value::Number(12.5)},
      {"c", Value::Record({})},
  });
  CHECK(nested.DebugString() == R"({"a": 12.5, "b": [true, null], "c": {}})");
  CHECK(nested.DebugString() == Value(nested).DebugString());
}

}  // namespace
}  // namespace uitdaag
