// ReadStrictJson (server/http/strict_json.h): the values Poco's parser builds, without its
// silent choices — duplicate keys, numbers that change, text that is not UTF-8, unbounded depth.
#include "http/strict_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

namespace uitdaag::http {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

Var Read(const std::string& text) {
  StatusOr<Var> v = ReadStrictJson(text);
  INFO(text << " -> " << v.status().ToString());
  REQUIRE(v.ok());
  return *v;
}

std::string Stringified(const Var& v) {
  std::ostringstream out;
  if (v.type() == typeid(Object::Ptr)) {
    v.extract<Object::Ptr>()->stringify(out);
  } else if (v.type() == typeid(Array::Ptr)) {
    v.extract<Array::Ptr>()->stringify(out);
  } else {
    out << v.toString();
  }
  return out.str();
}

// Not JSON: empty subject, a message that says where.
void ExpectMalformed(const std::string& text, const std::string& what) {
  StatusOr<Var> v = ReadStrictJson(text);
  INFO(text);
  REQUIRE_FALSE(v.ok());
  CHECK(v.status().code() == StatusCode::kInvalidArgument);
  CHECK(v.status().subject().empty());
  CHECK_THAT(v.status().message(), Catch::Contains(what) && Catch::Contains("(line "));
}

// Well-formed but refused: the path as subject and first in the message.
void ExpectRefused(const std::string& text, const std::string& path, const std::string& what) {
  StatusOr<Var> v = ReadStrictJson(text);
  INFO(text);
  REQUIRE_FALSE(v.ok());
  CHECK(v.status().code() == StatusCode::kInvalidArgument);
  CHECK(v.status().subject() == path);
  CHECK_THAT(v.status().message(), Catch::StartsWith(path + ": ") && Catch::Contains(what));
}

TEST_CASE("strict json: builds the values Poco's parser builds", "[http][json]") {
  const std::string text =
      R"({"s": "t\u00ebkst \"q\" \\ \/ \b\f\n\r\t", "i": -42, "z": 0, "d": 12.5, "e": 1e3,)"
      R"( "t": true, "f": false, "n": null, "a": [1, "x", [], {}], "o": {"k": {"l": [null]}},)"
      R"( "u": "\ud83d\ude00 \u20ac", "raw": "Zoë €"})";
  const Var ours = Read(text);
  Poco::JSON::Parser parser;
  const Var poco = parser.parse(text);
  CHECK(Stringified(ours) == Stringified(poco));
  const Object::Ptr o = ours.extract<Object::Ptr>();
  const Object::Ptr p = poco.extract<Object::Ptr>();
  for (const std::string& key : p->getNames()) {
    INFO(key);
    CHECK(o->get(key).type() == p->get(key).type());
  }
  CHECK(o->get("i").type() == typeid(Poco::Int64));
  CHECK(o->get("d").type() == typeid(double));
  CHECK(o->get("e").type() == typeid(double));
  CHECK(o->isNull("n"));
  CHECK(o->getValue<std::string>("u") == "\xF0\x9F\x98\x80 \xE2\x82\xAC");
  CHECK(o->getValue<std::string>("s") == "t\xC3\xABkst \"q\" \\ / \b\f\n\r\t");
  // Scalars and whitespace around them are values too.
  CHECK(Read(" \t\r\n[ ]\n").type() == typeid(Array::Ptr));
  CHECK(Read("\"x\"").convert<std::string>() == "x");
}

TEST_CASE("strict json: a key given twice is refused with its path", "[http][json]") {
  ExpectRefused(R"({"workflow": "a", "workflow": "b"})", "workflow", "given twice");
  ExpectRefused(R"({"applicant": {"name": "A", "city": "B", "name": "C"}})", "applicant.name",
                "given twice");
  ExpectRefused(R"({"data": {"lijst": [{"x": 1}, {"x": 1, "x": 2}]}})", "data.lijst[1].x",
                "given twice");
  // Escapes are undone first: "\u0061" is "a".
  ExpectRefused(R"({"a": 1, "\u0061": 2})", "a", "given twice");
  // The same key in different objects is fine.
  CHECK(Read(R"({"a": {"a": 1}, "b": {"a": 2}})").type() == typeid(Object::Ptr));
}

TEST_CASE("strict json: numbers are kept as written or refused", "[http][json]") {
  const auto number = [](const std::string& literal) {
    return Read("{\"n\": " + literal + "}").extract<Object::Ptr>()->get("n");
  };
  CHECK(number("9007199254740992").convert<Poco::Int64>() == 9007199254740992);
  CHECK(number("-9007199254740992").convert<Poco::Int64>() == -9007199254740992);
  CHECK(number("0.1").convert<double>() == 0.1);
  CHECK(number("12500.50").convert<double>() == 12500.5);
  CHECK(number("-0.0").convert<double>() == 0.0);
  CHECK(number("1E+2").convert<double>() == 100.0);
  CHECK(number("1.7976931348623157e308").convert<double>() > 1e308);
  CHECK(number("5e-324").convert<double>() > 0);
  CHECK(number("0e99999999999").convert<double>() == 0.0);
  CHECK(number("1e22").convert<double>() == 1e22);

  ExpectRefused(R"({"data": {"n": 1e-400}})", "data.n", "too close to 0");
  ExpectRefused(R"({"n": -2.5e-999})", "n", "too close to 0");
  ExpectRefused(R"({"n": 1e400})", "n", "too large");
  ExpectRefused(R"({"n": -1.8e308})", "n", "too large");
  ExpectRefused(R"({"n": 9007199254740993})", "n", "beyond what a number keeps exactly");
  ExpectRefused(R"({"n": -9007199254740993})", "n", "beyond what a number keeps exactly");
  ExpectRefused(R"({"n": 123456789012345678901234567890})", "n", "beyond");
  ExpectRefused(R"({"n": 9007199254740993.0})", "n", "would become 9007199254740992");
  ExpectRefused(R"({"n": 0.30000000000000001})", "n", "would become 0.3");
  ExpectRefused(R"({"a": [1, 2, 1e999]})", "a[2]", "too large");
  // A long number is shown shortened.
  StatusOr<Var> long_number = ReadStrictJson("{\"n\": 1" + std::string(300, '0') + "}");
  REQUIRE_FALSE(long_number.ok());
  CHECK(long_number.status().message().size() < 200);
  // A top-level value has no key: its subject is "body".
  ExpectRefused("1e400", "body", "too large");
}

TEST_CASE("strict json: text that is not JSON says what and where", "[http][json]") {
  ExpectMalformed("", "there is no JSON value");
  ExpectMalformed("{\"workflow\": ", "expected a value");
  ExpectMalformed("{\"a\": 1,}", "expected a key in double quotes");
  ExpectMalformed("{\"a\" 1}", "expected ':'");
  ExpectMalformed("{'a': 1}", "expected a key");
  ExpectMalformed("[1, 2", "expected ',' or ']'");
  ExpectMalformed("[1 2]", "expected ',' or ']'");
  ExpectMalformed("{\"a\": 1} x", "after the JSON value");
  ExpectMalformed("{\"a\": 1}{}", "after the JSON value");
  ExpectMalformed("/* c */ {}", "expected a value");
  ExpectMalformed("{\"a\": NaN}", "expected a value");
  ExpectMalformed("{\"a\": Infinity}", "expected a value");
  ExpectMalformed("{\"a\": +1}", "expected a value");
  ExpectMalformed("{\"a\": 01}", "leading zero");
  ExpectMalformed("{\"a\": 1.}", "expected a digit after '.'");
  ExpectMalformed("{\"a\": .5}", "expected a value");
  ExpectMalformed("{\"a\": 1e}", "exponent");
  ExpectMalformed("{\"a\": -}", "expected a digit");
  ExpectMalformed("{\"a\": tru}", "expected a value");
  ExpectMalformed("{\"a\": \"x}", "without its closing");
  ExpectMalformed("{\"a\": \"x\ty\"}", "control character");
  ExpectMalformed("{\"a\": \"\\x\"}", "unknown escape");
  ExpectMalformed("{\"a\": \"\\u12\"}", "four hex digits");
  ExpectMalformed("\xEF\xBB\xBF{}", "expected a value");  // no byte order mark
  // Where: line and column (in characters) of the fault.
  StatusOr<Var> v = ReadStrictJson("{\n  \"\xC3\xAB\": 1,\n  \"b\" 2\n}");
  REQUIRE_FALSE(v.ok());
  CHECK(v.status().message() ==
        "not valid JSON: expected ':' after the key, not '2' (line 3, "
        "column 7)");
}

TEST_CASE("strict json: bytes that are not UTF-8 and lone surrogates are refused", "[http][json]") {
  ExpectMalformed("{\"a\": \"caf\xE9\"}", "not UTF-8");           // Latin-1
  ExpectMalformed("{\"a\": \"\xC0\xAF\"}", "not UTF-8");          // overlong '/'
  ExpectMalformed("{\"a\": \"\xED\xA0\x80\"}", "not UTF-8");      // an encoded surrogate
  ExpectMalformed("{\"a\": \"\xF4\x90\x80\x80\"}", "not UTF-8");  // beyond U+10FFFF
  ExpectMalformed("{\"a\": \"\xE2\x82\"}", "not UTF-8");          // truncated
  ExpectMalformed("{\"caf\xE9\": 1}", "not UTF-8");               // in a key too
  ExpectMalformed(R"({"a": "\ud800"})", "first half of a surrogate pair");
  ExpectMalformed(R"({"a": "\ud800x"})", "first half of a surrogate pair");
  ExpectMalformed(R"({"a": "\ud800\u0041"})", "first half of a surrogate pair");
  ExpectMalformed(R"({"a": "\udc00"})", "second half of a surrogate pair");
  ExpectMalformed(R"({"a": "\ude00\ud83d"})", "second half of a surrogate pair");
}

TEST_CASE("strict json: nesting is limited", "[http][json]") {
  const auto nested = [](int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i) text += i % 2 == 0 ? "{\"k\":" : "[";
    text += "1";
    for (int i = depth - 1; i >= 0; --i) text += i % 2 == 0 ? "}" : "]";
    return text;
  };
  CHECK(ReadStrictJson(nested(32)).ok());
  StatusOr<Var> deep = ReadStrictJson(nested(33));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.status().subject().empty());
  CHECK_THAT(deep.status().message(), Catch::StartsWith("nested deeper than 32 levels (line 1"));
  // Far deeper than any stack would take, refused at the limit without recursing further.
  CHECK_FALSE(ReadStrictJson(std::string(100000, '[')).ok());
  CHECK_FALSE(ReadStrictJson(nested(3), StrictJsonLimits{2}).ok());
}

TEST_CASE("strict json: a syntax error wins over a refusal that came before it", "[http][json]") {
  // Not JSON at all is the more useful answer: the client fixes that first.
  ExpectMalformed(R"({"a": 1, "a": 2, )", "expected a key");
  ExpectMalformed(R"({"n": 1e400, "x": })", "expected a value");
  // Of two refusals, the first is reported.
  ExpectRefused(R"({"n": 1e400, "n": 1})", "n", "too large");
}

}  // namespace
}  // namespace uitdaag::http
