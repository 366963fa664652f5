#include "uitdaag/expr.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

namespace uitdaag {
namespace {

// The names a guard sees, backed by a map.
class MapEnvironment : public TypeEnvironment {
 public:
  MapEnvironment() {
    types_["data.a"] = Type::Of(ValueType::kBool);
    types_["data.b"] = Type::Of(ValueType::kBool);
    types_["data.flag"] = Type::Of(ValueType::kBool);  // optional, absent in the scope
    types_["data.n"] = Type::Of(ValueType::kNumber);
    types_["data.x"] = Type::Of(ValueType::kNumber);  // optional, absent in the scope
    types_["data.begroting"] = Type::Of(ValueType::kMoney);
    types_["data.klein"] = Type::Of(ValueType::kMoney);
    types_["data.tekst"] = Type::Of(ValueType::kText);
    types_["data.start"] = Type::Of(ValueType::kDate);
    types_["data.eind"] = Type::Of(ValueType::kDate);
    types_["data.in"] = Type::Of(ValueType::kNumber);
    types_["data.soorten"] = Type::ListOf(Type::Choice({"a", "b"}));
    types_["data.leeg"] = Type::ListOf(Type::Of(ValueType::kText));  // absent in the scope
    types_["event.uitkomst"] = Type::Choice({"toegewezen", "afgewezen"});
    types_["params.wijken"] = Type::ListOf(Type::Of(ValueType::kText));
    types_["params.bedragen"] = Type::ListOf(Type::Of(ValueType::kNumber));
    types_["deadline.besluit.expired"] = Type::Of(ValueType::kBool);
  }
  std::optional<Type> TypeOf(std::string_view path) const override {
    const auto it = types_.find(std::string(path));
    if (it == types_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, Type> types_;
};

// The values a guard sees, backed by a map; `today` is fixed.
class MapScope : public Scope {
 public:
  MapScope() {
    values_["data.a"] = Value::Bool(true);
    values_["data.b"] = Value::Bool(false);
    values_["data.n"] = Value::Number(7);
    values_["data.in"] = Value::Number(1);
    values_["data.begroting"] = Value::OfMoney(Money{1250050});
    values_["data.klein"] = Value::OfMoney(Money{115});
    values_["data.tekst"] = Value::Text("Noord");
    values_["data.start"] = Value::OfDate(Date::FromYmd(2024, 12, 31));
    values_["data.eind"] = Value::OfDate(Date::FromYmd(2025, 3, 1));
    values_["data.soorten"] = Value::List({Value::Text("a")});
    values_["event.uitkomst"] = Value::Text("toegewezen");
    values_["params.wijken"] = Value::List({Value::Text("Noord"), Value::Text("Zuid")});
    values_["params.bedragen"] = Value::List({Value::Number(5), Value::Number(7)});
    values_["deadline.besluit.expired"] = Value::Bool(false);
  }
  Value Lookup(std::string_view path) const override {
    const auto it = values_.find(std::string(path));
    return it == values_.end() ? Value() : it->second;
  }
  Date Today() const override { return Date::FromYmd(2025, 2, 14); }
  void Set(const std::string& path, Value v) { values_[path] = std::move(v); }

 private:
  std::map<std::string, Value> values_;
};

Expression MustParse(const std::string& text) {
  StatusOr<Expression> e = Expression::Parse(text);
  INFO(text << " -> " << e.status().ToString());
  REQUIRE(e.ok());
  return *e;
}

Status ParseError(const std::string& text) {
  StatusOr<Expression> e = Expression::Parse(text);
  INFO(text);
  REQUIRE_FALSE(e.ok());
  CHECK(e.status().code() == StatusCode::kInvalidArgument);
  return e.status();
}

Type MustCheck(const std::string& text) {
  StatusOr<Type> type = MustParse(text).Check(MapEnvironment());
  INFO(text << " -> " << type.status().ToString());
  REQUIRE(type.ok());
  return *type;
}

Status CheckError(const std::string& text) {
  StatusOr<Type> type = MustParse(text).Check(MapEnvironment());
  INFO(text);
  REQUIRE_FALSE(type.ok());
  CHECK(type.status().code() == StatusCode::kInvalidArgument);
  return type.status();
}

StatusOr<Value> Run(const std::string& text, const MapScope& scope = MapScope()) {
  const Expression e = MustParse(text);
  StatusOr<Type> type = e.Check(MapEnvironment());
  INFO(text << " -> " << type.status().ToString());
  REQUIRE(type.ok());
  return e.Evaluate(scope);
}

Value Eval(const std::string& text, const MapScope& scope = MapScope()) {
  StatusOr<Value> v = Run(text, scope);
  INFO(text << " -> " << v.status().ToString());
  REQUIRE(v.ok());
  return *v;
}

bool EvalBool(const std::string& text, const MapScope& scope = MapScope()) {
  const Value v = Eval(text, scope);
  INFO(text << " -> " << v.DebugString());
  REQUIRE(v.type() == ValueType::kBool);
  return v.as_bool();
}

double EvalNumber(const std::string& text) {
  const Value v = Eval(text);
  INFO(text << " -> " << v.DebugString());
  REQUIRE(v.type() == ValueType::kNumber);
  return v.as_number();
}

int64_t EvalCents(const std::string& text) {
  const Value v = Eval(text);
  INFO(text << " -> " << v.DebugString());
  REQUIRE(v.type() == ValueType::kMoney);
  return v.as_money().cents;
}

Status EvalError(const std::string& text, const MapScope& scope = MapScope()) {
  StatusOr<Value> v = Run(text, scope);
  INFO(text);
  REQUIRE_FALSE(v.ok());
  return v.status();
}

// The offset of the first `needle` in `text`, as Status::subject() spells it.
std::string OffsetOf(const std::string& text, const std::string& needle, size_t from = 0) {
  const size_t at = text.find(needle, from);
  REQUIRE(at != std::string::npos);
  return std::to_string(at);
}

bool Mentions(const Status& status, const std::string& word) {
  INFO(status.ToString() << " should mention " << word);
  return status.message().find(word) != std::string::npos;
}

// --- Precedence and associativity -------------------------------------------------------------

TEST_CASE("Arithmetic binds * and / tighter than + and -", "[expr][precedence]") {
  CHECK(EvalNumber("1 + 2 * 3") == 7);
  CHECK(EvalNumber("(1 + 2) * 3") == 9);
  CHECK(EvalNumber("10 - 6 / 2") == 7);
  CHECK(EvalNumber("2 * 3 + 4 * 5") == 26);
}

TEST_CASE("Binary operators associate to the left", "[expr][precedence]") {
  CHECK(EvalNumber("10 - 4 - 3") == 3);
  CHECK(EvalNumber("24 / 4 / 2") == 3);
  CHECK(EvalNumber("1 - 2 + 3") == 2);
}

TEST_CASE("Unary minus binds tightest", "[expr][precedence]") {
  CHECK(EvalNumber("-2 * 3") == -6);
  CHECK(EvalNumber("- -2") == 2);
  CHECK(EvalNumber("2 - -2") == 4);
  CHECK(EvalNumber("-(1 + 2)") == -3);
}

TEST_CASE("Comparison binds looser than arithmetic", "[expr][precedence]") {
  CHECK(EvalBool("1 + 2 == 3"));
  CHECK(EvalBool("2 * 3 > 5"));
}

TEST_CASE("not binds looser than comparison and tighter than and/or", "[expr][precedence]") {
  CHECK(EvalBool("not 1 == 2"));
  CHECK_FALSE(EvalBool("not false and false"));  // (not false) and false
  CHECK(EvalBool("not not true"));
}

TEST_CASE("and binds tighter than or", "[expr][precedence]") {
  CHECK(EvalBool("true or false and false"));  // true or (false and false)
  CHECK(EvalBool("false and true or true"));   // (false and true) or true
  CHECK_FALSE(EvalBool("(true or false) and false"));
}

// --- Operators and built-ins -----------------------------------------------------------------

TEST_CASE("and/or take bools and short-circuit", "[expr]") {
  CHECK_FALSE(EvalBool("data.a and data.b"));
  CHECK(EvalBool("data.a or data.b"));
  CHECK_FALSE(EvalBool("data.b and data.flag"));  // data.flag is absent: not evaluated
  CHECK(EvalBool("data.a or data.flag"));
  CHECK(EvalBool("not deadline.besluit.expired"));
}

TEST_CASE("== and != compare values of one type", "[expr]") {
  CHECK(EvalBool("data.n == 7"));
  CHECK(EvalBool("data.n != 8"));
  CHECK(EvalBool("data.tekst == 'Noord'"));
  CHECK(EvalBool("data.tekst != \"Zuid\""));
  CHECK(EvalBool("data.a == true"));
  CHECK(EvalBool("data.a != data.b"));
  CHECK(EvalBool("data.start == data.start"));
  CHECK_FALSE(EvalBool("data.start == data.eind"));
  CHECK(EvalBool("[1, 2] == [1, 2]"));
  CHECK(EvalBool("[1, 2] != [2, 1]"));
  CHECK(EvalBool("params.wijken == ['Noord', 'Zuid']"));
  CHECK(EvalBool("event.uitkomst == 'toegewezen'"));
  CHECK(EvalBool("event.uitkomst != 'afgewezen'"));
}

TEST_CASE("Ordering compares numbers, money and dates", "[expr]") {
  CHECK(EvalBool("data.n < 8"));
  CHECK(EvalBool("data.n <= 7"));
  CHECK(EvalBool("data.n > 6.5"));
  CHECK(EvalBool("data.n >= 7"));
  CHECK_FALSE(EvalBool("data.n > 7"));
  CHECK(EvalBool("data.start < data.eind"));
  CHECK(EvalBool("data.eind >= data.start"));
  CHECK(EvalBool("data.klein < data.begroting"));
}

TEST_CASE("Money compares with a number of euros", "[expr][money]") {
  CHECK(EvalBool("data.begroting > 12000"));
  CHECK(EvalBool("data.begroting <= 12500.5"));
  CHECK_FALSE(EvalBool("data.begroting < 12500.5"));
  CHECK(EvalBool("data.begroting == 12500.5"));
  CHECK(EvalBool("12500.49 < data.begroting"));
  CHECK(EvalBool("data.begroting != 12500.51"));
  // 1.15 euros is 115 cents exactly, although 1.15 * 100 is not 115 in binary floating point.
  CHECK(EvalBool("data.klein == 1.15"));
  CHECK(EvalBool("data.klein >= 1.15"));
  CHECK_FALSE(EvalBool("data.klein < 1.15"));
}

TEST_CASE("+ and - on numbers, money and dates", "[expr]") {
  CHECK(EvalNumber("data.n + 0.5") == 7.5);
  CHECK(EvalNumber("data.n - 10") == -3);
  CHECK(EvalCents("data.begroting + data.klein") == 1250165);
  CHECK(EvalCents("data.begroting - data.klein") == 1249935);
  CHECK(EvalCents("-data.klein") == -115);
  CHECK(Eval("data.start + 1").as_date() == Date::FromYmd(2025, 1, 1));
  CHECK(Eval("data.start + 60").as_date() == Date::FromYmd(2025, 3, 1));  // 2025 is no leap year
  CHECK(Eval("data.eind - 1").as_date() == Date::FromYmd(2025, 2, 28));
  CHECK(Eval("data.start - -1").as_date() == Date::FromYmd(2025, 1, 1));
}

TEST_CASE("* and / on numbers and money", "[expr]") {
  CHECK(EvalNumber("data.n * 2") == 14);
  CHECK(EvalNumber("data.n / 2") == 3.5);
  CHECK(EvalCents("data.begroting * 0.1") == 125005);
  CHECK(EvalCents("data.begroting * 2") == 2500100);
  CHECK(EvalCents("data.begroting / 3") == 416683);  // 416683.33 cents
  CHECK(EvalCents("data.klein / 2") == 58);          // 57.5 rounds half away from zero
  CHECK(EvalCents("-data.klein / 2") == -58);
}

TEST_CASE("in and not in look for a value in a list", "[expr]") {
  CHECK(EvalBool("data.tekst in params.wijken"));
  CHECK_FALSE(EvalBool("data.tekst not in params.wijken"));
  CHECK(EvalBool("'West' not in params.wijken"));
  CHECK_FALSE(EvalBool("'West' in params.wijken"));
  CHECK(EvalBool("data.n in params.bedragen"));
  CHECK(EvalBool("data.n in [1, 7, 9]"));
  CHECK(EvalBool("3 not in [1, 7, 9]"));
  CHECK(EvalBool("event.uitkomst in ['toegewezen', 'afgewezen']"));
  CHECK(EvalBool("'a' in data.soorten"));
  CHECK_FALSE(EvalBool("'b' in data.soorten"));
  CHECK_FALSE(EvalBool("1 in []"));
  CHECK(EvalBool("data.begroting in [100, 12500.5]"));
}

TEST_CASE("Built-in functions", "[expr][builtin]") {
  CHECK(EvalNumber("len('abc')") == 3);
  CHECK(EvalNumber("len('café')") == 4);  // code points, not bytes
  CHECK(EvalNumber("len(params.wijken)") == 2);
  CHECK(EvalNumber("len([])") == 0);
  CHECK(EvalNumber("days_between(data.start, data.eind)") == 60);
  CHECK(EvalNumber("days_between(data.eind, data.start)") == -60);
  CHECK(EvalBool("present(data.n)"));
  CHECK_FALSE(EvalBool("present(data.x)"));
  CHECK(EvalBool("present(null) == false"));
  CHECK(Eval("lower('ÉÉN Twee')").as_text() == "één twee");
  CHECK(EvalBool("lower(data.tekst) == 'noord'"));
}

TEST_CASE("today is the date of the event", "[expr][today]") {
  CHECK(Eval("today").as_date() == Date::FromYmd(2025, 2, 14));
  CHECK(Eval("today + 14").as_date() == Date::FromYmd(2025, 2, 28));
  CHECK(EvalNumber("days_between(data.start, today)") == 45);
  CHECK(EvalBool("today < data.eind"));
  CHECK(MustCheck("today").kind == ValueType::kDate);
}

TEST_CASE("Escapes in string literals", "[expr]") {
  CHECK(Eval(R"('it\'s')").as_text() == "it's");
  CHECK(Eval(R"("say \"hi\"")").as_text() == "say \"hi\"");
  CHECK(Eval(R"('a\\b')").as_text() == "a\\b");
  CHECK(Eval(R"("it's")").as_text() == "it's");
}

TEST_CASE("Keywords may appear after the head of a path", "[expr]") {
  CHECK(EvalBool("data.in == 1"));
  CHECK(MustParse("data.in == 1").Paths() == std::vector<std::string>{"data.in"});
}

// --- Types ------------------------------------------------------------------------------------

TEST_CASE("Check returns the type of the expression", "[expr][check]") {
  CHECK(MustCheck("data.n + 1").ToString() == "number");
  CHECK(MustCheck("data.begroting * 2").ToString() == "money");
  CHECK(MustCheck("data.start + 1").ToString() == "date");
  CHECK(MustCheck("data.a and data.b").ToString() == "bool");
  CHECK(MustCheck("[1, 2]").ToString() == "list<number>");
  CHECK(MustCheck("[]").ToString() == "list");
  CHECK(MustCheck("[[1], [2, 3]]").ToString() == "list<list<number>>");
  CHECK(MustCheck("lower(data.tekst)").ToString() == "text");
  CHECK(MustCheck("event.uitkomst").ToString() == "choice(toegewezen|afgewezen)");
  CHECK(MustCheck("data.soorten").ToString() == "list<choice(a|b)>");
  CHECK(MustCheck("null").ToString() == "null");
  CHECK(MustCheck("len(data.tekst)").ToString() == "number");
  CHECK(MustCheck("present(data.x)").ToString() == "bool");
}

TEST_CASE("Type errors point at the offending operand", "[expr][check]") {
  struct Case {
    std::string text;
    std::string at;  // the operand the error points at
    std::string mention;
    size_t from = 0;  // where to start looking for `at`
  };
  const Case cases[] = {
      {"data.a and 3", "3", "bool"},
      {"3 or data.a", "3", "bool"},
      {"data.a or data.n", "data.n", "number"},
      {"not data.n", "data.n", "'not' needs bool"},
      {"data.n == 'x'", "'x'", "number and text"},
      {"data.a != 1", "1", "bool and number"},
      {"data.tekst < 3", "data.tekst", "number, money or date"},
      {"3 >= data.tekst", "data.tekst", "got text"},
      {"data.start < 3", "3", "cannot compare date with number"},
      {"null < 3", "null", "got null"},
      {"data.tekst + 1", "data.tekst", "got text"},
      {"data.begroting + 1", "1", "needs money"},
      {"data.n - data.begroting", "data.begroting", "needs number", 1},
      {"data.start + data.start", "data.start", "needs number", 1},
      {"2 * data.begroting", "data.begroting", "money first"},
      {"data.begroting / data.begroting", "data.begroting", "number on the right", 1},
      {"data.start * 2", "data.start", "number or money"},
      {"-data.tekst", "data.tekst", "'-' needs number or money"},
      {"len(3)", "3", "len() needs text or a list"},
      {"days_between(data.start, 3)", "3", "days_between() needs dates"},
      {"lower(data.n)", "data.n", "lower() needs text"},
      {"3 in data.n", "data.n", "needs a list"},
      {"3 in params.wijken", "3", "list<text>"},
      {"[1, 'a']", "'a'", "one type"},
      {"data.n + 1 and data.a", "data.n", "'and' needs bool"},
  };
  for (const Case& c : cases) {
    const Status s = CheckError(c.text);
    INFO(c.text << " -> " << s.ToString());
    CHECK(s.subject() == OffsetOf(c.text, c.at, c.from));
    CHECK(Mentions(s, c.mention));
  }
}

TEST_CASE("Unknown names are type errors naming the path", "[expr][check]") {
  const std::string text = "data.n > 0 and data.begrotng > 0";
  const Status s = CheckError(text);
  CHECK(s.subject() == OffsetOf(text, "data.begrotng"));
  CHECK(Mentions(s, "unknown name 'data.begrotng'"));
  CHECK(Mentions(CheckError("x"), "'x'"));
  CHECK(Mentions(CheckError("len"), "'len'"));
  CHECK(Mentions(CheckError("deadline.besluit.expird"), "deadline.besluit.expird"));
}

TEST_CASE("A string compared with a choice must be one of its options", "[expr][check][choice]") {
  {
    const std::string text = "event.uitkomst == \"toegwezen\"";
    const Status s = CheckError(text);
    CHECK(s.subject() == OffsetOf(text, "\"toegwezen\""));
    CHECK(Mentions(s, "'toegwezen'"));
    CHECK(Mentions(s, "event.uitkomst"));
    CHECK(Mentions(s, "toegewezen|afgewezen"));
  }
  {
    const std::string text = "'afgwezen' != event.uitkomst";
    CHECK(CheckError(text).subject() == "0");
  }
  {
    const std::string text = "event.uitkomst in ['toegewezen', 'toegwezen']";
    CHECK(CheckError(text).subject() == OffsetOf(text, "'toegwezen'"));
  }
  {
    const std::string text = "'c' in data.soorten";
    CHECK(Mentions(CheckError(text), "'c'"));
  }
  MustCheck("event.uitkomst == 'afgewezen'");
  MustCheck("event.uitkomst == data.tekst");  // not a literal: checked at run time by nobody
  MustCheck("'a' not in data.soorten");
}

TEST_CASE("null compares with anything by == and !=", "[expr][check][null]") {
  MustCheck("data.n == null");
  MustCheck("null != data.tekst");
  MustCheck("null in params.wijken");
}

// --- Null at run time -------------------------------------------------------------------------

TEST_CASE("An absent optional field is null", "[expr][null]") {
  CHECK_FALSE(EvalBool("present(data.x) and data.x > 3"));
  CHECK(EvalBool("not present(data.x) or data.x > 3"));
  CHECK(EvalBool("data.x == null"));
  CHECK_FALSE(EvalBool("data.x != null"));
  CHECK_FALSE(EvalBool("data.x == 3"));
  CHECK(EvalBool("data.x != 3"));
  CHECK_FALSE(EvalBool("data.x > 3"));
  CHECK_FALSE(EvalBool("data.x <= 3"));
  CHECK_FALSE(EvalBool("3 < data.x"));
  CHECK_FALSE(EvalBool("data.x in params.bedragen"));
  CHECK_FALSE(EvalBool("'a' in data.leeg"));
  CHECK(EvalBool("'a' not in data.leeg"));
}

TEST_CASE("Arithmetic and logic on null are evaluation errors", "[expr][null]") {
  const std::string text = "data.x + 1 > 3";
  const Status s = EvalError(text);
  CHECK(s.code() == StatusCode::kFailedPrecondition);
  CHECK(s.subject() == OffsetOf(text, "+"));
  CHECK(Mentions(s, "data.x"));
  CHECK(Mentions(s, "present(data.x)"));
  CHECK(EvalError("-data.x < 0").code() == StatusCode::kFailedPrecondition);
  CHECK(EvalError("data.x * 2 > 0").code() == StatusCode::kFailedPrecondition);
  CHECK(EvalError("data.flag and true").code() == StatusCode::kFailedPrecondition);
  CHECK(EvalError("not data.flag").code() == StatusCode::kFailedPrecondition);
  CHECK(EvalError("len(data.leeg) > 0").code() == StatusCode::kFailedPrecondition);
}

// --- Evaluation errors ------------------------------------------------------------------------

TEST_CASE("Division by zero is an evaluation error at the '/'", "[expr][eval]") {
  const std::string text = "data.n / (data.n - 7) > 1";
  const Status s = EvalError(text);
  CHECK(s.code() == StatusCode::kFailedPrecondition);
  CHECK(s.subject() == OffsetOf(text, "/"));
  CHECK(Mentions(s, "division by zero"));
  CHECK(Mentions(EvalError("data.begroting / 0"), "division by zero"));
}

TEST_CASE("Out-of-range results are evaluation errors", "[expr][eval]") {
  CHECK(EvalError("data.start + 3000000").code() == StatusCode::kFailedPrecondition);
  CHECK(Mentions(EvalError("data.start + 1.5"), "whole days"));
  CHECK(EvalError("data.begroting * 1000000000000000").code() == StatusCode::kFailedPrecondition);
  const std::string big(300, '9');
  CHECK(EvalError(big + " * " + big).code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("A scope that breaks the checked types is an internal error", "[expr][eval]") {
  MapScope scope;
  scope.Set("data.n", Value::Text("seven"));
  CHECK(EvalError("data.n + 1 > 0", scope).code() == StatusCode::kInternal);
  CHECK(EvalError("data.n > 0", scope).code() == StatusCode::kInternal);
}

// --- Parse errors -----------------------------------------------------------------------------

TEST_CASE("Parse errors carry the offset of the problem", "[expr][parse]") {
  struct Case {
    std::string text;
    size_t offset;
    std::string mention;
  };
  const Case cases[] = {
      {"", 0, "empty expression"},
      {"   ", 0, "empty expression"},
      {"(1 + 2", 6, "expected ')'"},
      {"((1 + 2)", 8, "'(' at offset 0"},
      {"len(1", 5, "expected ',' or ')'"},
      {"[1, 2", 5, "expected ',' or ']'"},
      {"'abc", 0, "unterminated string"},
      {"data.tekst == \"abc", 14, "unterminated string"},
      {"'abc\\", 0, "unterminated string"},
      {"1 + 2 )", 6, "unexpected ')'"},
      {"data.n == 1 garbage", 12, "'garbage' after a complete expression"},
      {"1 2", 2, "'2'"},
      {"1 +", 3, "end of input"},
      {"* 2", 0, "unexpected '*'"},
      {"data.n = 1", 7, "'=='"},
      {"data.a && data.b", 7, "'and'"},
      {"!data.a", 0, "'not'"},
      {"data.a # x", 7, "'#'"},
      {"1 < 2 < 3", 6, "do not chain"},
      {"1 == 2 in [true]", 7, "do not chain"},
      {"foo(1)", 0, "unknown function 'foo'"},
      {"data.len(1)", 0, "unknown function 'data.len'"},
      {"len(1, 2)", 0, "len() takes 1 argument, got 2"},
      {"days_between(today)", 0, "takes 2 arguments"},
      {"present()", 0, "got 0"},
      {"len(1,)", 6, "expected a value"},
      {"true.x", 0, "keyword"},
      {"today.x > 1", 0, "'today' is a keyword"},
      {"data.", 5, "expected a name after 'data.'"},
      {"data.1x", 5, "expected a name"},
      {"3.", 2, "expected digits"},
      {"3abc", 0, "malformed number '3abc'"},
      {"1.2.3", 0, "malformed number"},
      {".5", 0, "digits before"},
      {"'a\\n'", 2, "unknown escape"},
      {"today()", 5, "'('"},
      {"not", 3, "end of input"},
      {"data.n not 3", 7, "'not'"},
      {"caf\xC3\xA9", 3, "byte 0xC3"},
  };
  for (const Case& c : cases) {
    const Status s = ParseError(c.text);
    INFO(c.text << " -> " << s.ToString());
    CHECK(s.subject() == std::to_string(c.offset));
    CHECK(Mentions(s, c.mention));
  }
}

// --- Limits -----------------------------------------------------------------------------------

TEST_CASE("Expressions longer than 2000 characters are rejected", "[expr][limits]") {
  std::string text = "1";
  while (text.size() < Expression::kMaxTextLength) text += "+1";
  text.resize(Expression::kMaxTextLength);
  if (text.back() == '+') text.back() = ' ';
  CHECK(MustParse(text).text().size() == 2000);
  text += " ";
  const Status s = ParseError(text);
  CHECK(s.subject() == "2000");
  CHECK(Mentions(s, "2001"));
  CHECK(Mentions(s, "2000"));
}

TEST_CASE("Nesting deeper than 64 levels is rejected", "[expr][limits]") {
  const auto nest = [](const std::string& open, const std::string& inner, const std::string& close,
                       int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i) text += open;
    text += inner;
    for (int i = 0; i < depth; ++i) text += close;
    return text;
  };
  CHECK(EvalNumber(nest("(", "1", ")", 64)) == 1);
  CHECK(Mentions(ParseError(nest("(", "1", ")", 65)), "64"));
  CHECK(ParseError(nest("(", "1", ")", 65)).subject() == "64");
  MustParse(nest("[", "1", "]", 64));
  CHECK(Mentions(ParseError(nest("[", "1", "]", 65)), "deeper"));
  MustParse(nest("-", "1", "", 64));
  CHECK(Mentions(ParseError(nest("-", "1", "", 65)), "deeper"));
  MustParse(nest("not ", "true", "", 64));
  CHECK(Mentions(ParseError(nest("not ", "true", "", 65)), "deeper"));
  MustParse(nest("len(", "'a'", ")", 64));
  CHECK(Mentions(ParseError(nest("len(", "'a'", ")", 65)), "deeper"));
  // A hostile input within the length limit fails cleanly too.
  CHECK(Mentions(ParseError(std::string(1999, '(') + "1"), "deeper"));
}

TEST_CASE("String literals longer than 1000 characters are rejected", "[expr][limits]") {
  const std::string ok = "'" + std::string(1000, 'a') + "'";
  CHECK(Eval("len(" + ok + ")").as_number() == 1000);
  const std::string text = "data.tekst == '" + std::string(1001, 'a') + "'";
  const Status s = ParseError(text);
  CHECK(s.subject() == OffsetOf(text, "'"));
  CHECK(Mentions(s, "1000"));
}

// --- Paths and text ---------------------------------------------------------------------------

TEST_CASE("Paths lists every path read, in order, without repeats", "[expr][paths]") {
  const Expression e = MustParse(
      "data.a and (data.n > 3 or data.a) and event.uitkomst in params.wijken and today > "
      "data.start and len(data.tekst) > data.n");
  CHECK(e.Paths() == std::vector<std::string>{"data.a", "data.n", "event.uitkomst", "params.wijken",
                                              "data.start", "data.tekst"});
  CHECK(MustParse("1 + 2").Paths().empty());
  CHECK(MustParse("today").Paths().empty());
}

TEST_CASE("An expression keeps its text and can be copied", "[expr]") {
  const std::string text = "  data.n   >  3 ";
  const Expression e = MustParse(text);
  CHECK(e.text() == text);
  const Expression copy = e;
  CHECK(copy.text() == text);
  REQUIRE(copy.Check(MapEnvironment()).ok());
  CHECK(copy.Evaluate(MapScope())->as_bool());
}

TEST_CASE("Type::ToString", "[expr][type]") {
  CHECK(Type::Of(ValueType::kNumber).ToString() == "number");
  CHECK(Type::ListOf(Type::Of(ValueType::kText)).ToString() == "list<text>");
  CHECK(Type::Choice({"a", "b"}).ToString() == "choice(a|b)");
  CHECK(Type::ListOf(Type::Choice({"a"})).ToString() == "list<choice(a)>");
}

}  // namespace
}  // namespace uitdaag
