#include "uitdaag/form.h"

#include <catch2/catch.hpp>
#include <limits>
#include <string>
#include <utility>

namespace uitdaag {
namespace {

FieldDef Field(std::string name, FieldType type, bool required = false) {
  FieldDef f;
  f.name = std::move(name);
  f.label = f.name;
  f.type = type;
  f.required = required;
  return f;
}

FormDef FormOf(std::vector<FieldDef> fields) {
  FormDef form;
  form.name = "aanvraag";
  form.fields = std::move(fields);
  return form;
}

std::vector<CriterionDef> Criteria() {
  CriterionDef innovatie;
  innovatie.id = "innovatie";
  innovatie.label = "Vernieuwend karakter";
  CriterionDef draagvlak;
  draagvlak.id = "draagvlak";
  draagvlak.scale_min = 1;
  draagvlak.scale_max = 10;
  draagvlak.minimum = 6;
  return {innovatie, draagvlak};
}

// Validates {name: raw} against a form of the single field `f`.
StatusOr<ValueRecord> ValidateOne(const FieldDef& f, const Value& raw) {
  return ValidateForm(FormOf({f}), Criteria(), ValueRecord{{f.name, raw}});
}

Value Valid(const FieldDef& f, const Value& raw) {
  StatusOr<ValueRecord> out = ValidateOne(f, raw);
  INFO(raw.DebugString() << " -> " << out.status().ToString());
  REQUIRE(out.ok());
  const auto it = out->find(f.name);
  REQUIRE(it != out->end());
  return it->second;
}

Status Invalid(const FieldDef& f, const Value& raw) {
  StatusOr<ValueRecord> out = ValidateOne(f, raw);
  INFO(raw.DebugString());
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == StatusCode::kInvalidArgument);
  return out.status();
}

bool Mentions(const Status& status, const std::string& word) {
  INFO(status.ToString() << " should mention " << word);
  return status.message().find(word) != std::string::npos;
}

Value Text(const std::string& s) {
  return Value::Text(s);
}
Value Num(double d) {
  return Value::Number(d);
}

// --- Names ------------------------------------------------------------------------------------

TEST_CASE("Field type names round-trip", "[form]") {
  for (FieldType type :
       {FieldType::kText, FieldType::kNumber, FieldType::kMoney, FieldType::kDate, FieldType::kBool,
        FieldType::kChoice, FieldType::kFile, FieldType::kList, FieldType::kCriteria}) {
    const std::optional<FieldType> back = ParseFieldType(FieldTypeName(type));
    REQUIRE(back.has_value());
    CHECK(*back == type);
  }
  CHECK(std::string(FieldTypeName(FieldType::kCriteria)) == "criteria");
  CHECK_FALSE(ParseFieldType("integer").has_value());
  CHECK_FALSE(ParseFieldType("Text").has_value());
  CHECK_FALSE(ParseFieldType("").has_value());
}

TEST_CASE("FormDef::FindField", "[form]") {
  const FormDef form = FormOf({Field("a", FieldType::kText), Field("b", FieldType::kNumber)});
  REQUIRE(form.FindField("b") != nullptr);
  CHECK(form.FindField("b")->type == FieldType::kNumber);
  CHECK(form.FindField("c") == nullptr);
}

TEST_CASE("FieldValueType gives expressions the stored type", "[form]") {
  CHECK(FieldValueType(Field("a", FieldType::kText)).ToString() == "text");
  CHECK(FieldValueType(Field("a", FieldType::kFile)).ToString() == "text");
  CHECK(FieldValueType(Field("a", FieldType::kNumber)).ToString() == "number");
  CHECK(FieldValueType(Field("a", FieldType::kMoney)).ToString() == "money");
  CHECK(FieldValueType(Field("a", FieldType::kDate)).ToString() == "date");
  CHECK(FieldValueType(Field("a", FieldType::kBool)).ToString() == "bool");
  CHECK(FieldValueType(Field("a", FieldType::kCriteria)).ToString() == "record");
  FieldDef choice = Field("kleur", FieldType::kChoice);
  choice.options = {"rood", "groen"};
  CHECK(FieldValueType(choice).ToString() == "choice(rood|groen)");
  FieldDef list = choice;
  list.type = FieldType::kList;
  list.item_type = FieldType::kChoice;
  CHECK(FieldValueType(list).ToString() == "list<choice(rood|groen)>");
  list.item_type = FieldType::kMoney;
  CHECK(FieldValueType(list).ToString() == "list<money>");
}

// --- Presence ---------------------------------------------------------------------------------

TEST_CASE("Required fields must be present and optional ones may be left out", "[form]") {
  const FormDef form = FormOf(
      {Field("omschrijving", FieldType::kText, true), Field("toelichting", FieldType::kText)});
  {
    StatusOr<ValueRecord> out = ValidateForm(form, {}, {});
    REQUIRE_FALSE(out.ok());
    CHECK(out.status().code() == StatusCode::kInvalidArgument);
    CHECK(out.status().subject() == "omschrijving");
    CHECK(out.status().message() == "omschrijving: required");
  }
  for (const Value& absent : {Value::Null(), Text("")}) {
    StatusOr<ValueRecord> out = ValidateForm(form, {}, {{"omschrijving", absent}});
    REQUIRE_FALSE(out.ok());
    CHECK(out.status().subject() == "omschrijving");
  }
  StatusOr<ValueRecord> out =
      ValidateForm(form, {}, {{"omschrijving", Text("Buurtfeest")}, {"toelichting", Value()}});
  REQUIRE(out.ok());
  CHECK(out->size() == 1);
  CHECK(out->at("omschrijving") == Text("Buurtfeest"));
}

TEST_CASE("Unknown fields are rejected", "[form]") {
  const FormDef form = FormOf({Field("omschrijving", FieldType::kText)});
  StatusOr<ValueRecord> out = ValidateForm(form, {}, {{"kleur", Text("rood")}});
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().subject() == "kleur");
  CHECK(out.status().message() == "kleur: unknown field");
}

// --- Text -------------------------------------------------------------------------------------

TEST_CASE("Text fields check type, length in code points and UTF-8", "[form][text]") {
  FieldDef f = Field("omschrijving", FieldType::kText);
  CHECK(Valid(f, Text("Buurtfeest in de wijk")) == Text("Buurtfeest in de wijk"));
  CHECK(Mentions(Invalid(f, Num(3)), "must be text"));
  CHECK(Valid(f, Text(std::string(10000, 'a'))).as_text().size() == 10000);
  CHECK(Mentions(Invalid(f, Text(std::string(10001, 'a'))), "at most 10000"));
  f.max_length = 3;
  CHECK(Valid(f, Text("ééé")).as_text() == "ééé");  // 6 bytes, 3 characters
  CHECK(Mentions(Invalid(f, Text("éééé")), "got 4"));
  f.min_length = 2;
  CHECK(Mentions(Invalid(f, Text("é")), "at least 2"));
}

TEST_CASE("Text that is not valid UTF-8 is rejected", "[form][text]") {
  const FieldDef f = Field("omschrijving", FieldType::kText);
  for (const char* bad : {"\xC3\x28", "abc\xE2\x82", "\xED\xA0\x80", "\xC0\xAF", "\xF5\x80\x80\x80",
                          "\xF4\x90\x80\x80", "\x80", "\xE0\x80\xAF"}) {
    const Status s = Invalid(f, Text(bad));
    CHECK(s.subject() == "omschrijving");
    CHECK(Mentions(s, "UTF-8"));
  }
  CHECK(Valid(f, Text("\xF0\x9F\x98\x80 \xE2\x82\xAC")).type() == ValueType::kText);  // emoji, euro
}

TEST_CASE("Text that hides, reorders or breaks what it shows is rejected, naming the character",
          "[form][text]") {
  const FieldDef f = Field("omschrijving", FieldType::kText);
  const std::pair<const char*, const char*> kBad[] = {
      {"rapport \xE2\x80\xAE" "fdp.exe", "an invisible or direction-changing character (U+202E)"},
      {"a\xE2\x81\xA6" "b", "an invisible or direction-changing character (U+2066)"},
      {"a\xE2\x80\x8F" "b", "an invisible or direction-changing character (U+200F)"},
      {"a\xD8\x9C" "b", "an invisible or direction-changing character (U+061C)"},
      {"a\xE2\x80\x8B" "b", "an invisible or direction-changing character (U+200B)"},
      {"a\xE2\x80\x8D" "b", "an invisible or direction-changing character (U+200D)"},
      {"a\xE2\x81\xA0" "b", "an invisible or direction-changing character (U+2060)"},
      {"\xEF\xBB\xBF" "tekst", "an invisible or direction-changing character (U+FEFF)"},
      {"a\xF3\xA0\x80\x81" "b", "an invisible or direction-changing character (U+E0001)"},
      {"a\xE2\x80\xA8" "b", "a line or paragraph separator (U+2028)"},
      {"a\xE2\x80\xA9" "b", "a line or paragraph separator (U+2029)"},
      {"bel\x07", "a control character (U+0007)"},
      {"escape\x1B[31m", "a control character (U+001B)"},
      {"del\x7F", "a control character (U+007F)"},
      {"c1\xC2\x85", "a control character (U+0085)"},
      {"alleen\rCR", "a control character (U+000D)"},
  };
  for (const auto& [bad, what] : kBad) {
    INFO(bad);
    const Status s = Invalid(f, Text(bad));
    CHECK(s.subject() == "omschrijving");
    CHECK(s.message() == std::string("omschrijving: contains ") + what);
  }
  // A multi-line text keeps its line breaks (LF, or CR LF as a browser sends them) and tabs.
  const std::string lines = "regel 1\nregel 2\r\nmet\ttab";
  CHECK(Valid(f, Text(lines)).as_text() == lines);
  // So is every item of a list of texts.
  FieldDef list = Field("punten", FieldType::kList);
  list.item_type = FieldType::kText;
  CHECK(Invalid(list, Value::List({Text("goed"), Text("\xE2\x80\xAE" "kwaad")})).message() ==
        "punten[1]: contains an invisible or direction-changing character (U+202E)");
}

// --- Number -----------------------------------------------------------------------------------

TEST_CASE("Number fields accept numbers and numeric text", "[form][number]") {
  FieldDef f = Field("aantal", FieldType::kNumber);
  CHECK(Valid(f, Num(12)) == Num(12));
  CHECK(Valid(f, Text("12.5")) == Num(12.5));
  CHECK(Valid(f, Text("-3")) == Num(-3));
  CHECK(Valid(f, Text(" 4 ")) == Num(4));
  for (const char* bad : {"abc", "12,5", "1e3", "12.", ".5", "--1", "+1", "0x10"}) {
    INFO(bad);
    CHECK(Mentions(Invalid(f, Text(bad)), "must be a number"));
  }
  CHECK(Mentions(Invalid(f, Value::Bool(true)), "must be a number"));
  CHECK(Mentions(Invalid(f, Num(std::numeric_limits<double>::quiet_NaN())), "finite"));
  CHECK(Mentions(Invalid(f, Num(std::numeric_limits<double>::infinity())), "finite"));
}

TEST_CASE("Number fields check integer, min and max", "[form][number]") {
  FieldDef f = Field("deelnemers", FieldType::kNumber);
  f.integer = true;
  f.min = 1;
  f.max = 500;
  CHECK(Valid(f, Num(2)) == Num(2));
  CHECK(Valid(f, Text("2")) == Num(2));
  CHECK(Invalid(f, Num(2.5)).message() == "deelnemers: must be a whole number, got 2.5");
  CHECK(Mentions(Invalid(f, Text("2.5")), "whole number"));
  CHECK(Invalid(f, Num(0)).message() == "deelnemers: must be at least 1");
  CHECK(Invalid(f, Num(501)).message() == "deelnemers: must be at most 500");
  CHECK(Valid(f, Num(500)) == Num(500));
}

// --- Money ------------------------------------------------------------------------------------

TEST_CASE("Money fields accept euros as number or text and store cents", "[form][money]") {
  const FieldDef f = Field("begroting", FieldType::kMoney);
  CHECK(Valid(f, Num(12500)).as_money().cents == 1250000);
  CHECK(Valid(f, Num(0.1)).as_money().cents == 10);
  CHECK(Valid(f, Num(1.15)).as_money().cents == 115);
  CHECK(Valid(f, Num(-3.25)).as_money().cents == -325);
  CHECK(Valid(f, Text("12500.50")).as_money().cents == 1250050);
  CHECK(Valid(f, Text("12500.5")).as_money().cents == 1250050);
  CHECK(Mentions(Invalid(f, Num(12.345)), "two decimals"));
  CHECK(Mentions(Invalid(f, Text("12,50")), "12,50"));
  CHECK(Mentions(Invalid(f, Num(1e30)), "too large"));
  CHECK(Mentions(Invalid(f, Value::Bool(true)), "amount"));
  CHECK(Invalid(f, Text("€ 12")).subject() == "begroting");
}

TEST_CASE("Money ranges compare in cents", "[form][money]") {
  FieldDef f = Field("begroting", FieldType::kMoney);
  f.min = 0;
  f.max = 50000;
  CHECK(Invalid(f, Text("-0.01")).message() == "begroting: must be at least 0");
  CHECK(Invalid(f, Text("50000.01")).message() == "begroting: must be at most 50000");
  CHECK(Valid(f, Text("50000.00")).as_money().cents == 5000000);
  CHECK(Valid(f, Num(0)).as_money().cents == 0);
  f.max = 0.3;  // not exact in binary; 30 cents still passes
  CHECK(Valid(f, Text("0.30")).as_money().cents == 30);
  CHECK(Invalid(f, Text("0.31")).message() == "begroting: must be at most 0.30");
}

// --- Date, bool, choice -----------------------------------------------------------------------

TEST_CASE("Date fields accept ISO dates within bounds", "[form][date]") {
  FieldDef f = Field("startdatum", FieldType::kDate);
  CHECK(Valid(f, Text("2025-01-31")).as_date() == Date::FromYmd(2025, 1, 31));
  CHECK(Valid(f, Value::OfDate(Date::FromYmd(2025, 2, 1))).as_date() == Date::FromYmd(2025, 2, 1));
  CHECK(Mentions(Invalid(f, Text("2025-02-30")), "2025-02-30"));
  CHECK(Mentions(Invalid(f, Text("31-01-2025")), "YYYY-MM-DD"));
  CHECK(Mentions(Invalid(f, Num(20250131)), "YYYY-MM-DD"));
  f.min_date = Date::FromYmd(2025, 1, 1);
  f.max_date = Date::FromYmd(2025, 12, 31);
  CHECK(Invalid(f, Text("2024-12-31")).message() == "startdatum: must be on or after 2025-01-01");
  CHECK(Invalid(f, Text("2026-01-01")).message() == "startdatum: must be on or before 2025-12-31");
  CHECK(Valid(f, Text("2025-12-31")).as_date() == Date::FromYmd(2025, 12, 31));
}

TEST_CASE("Bool fields accept bools and 'true'/'false'", "[form][bool]") {
  const FieldDef f = Field("akkoord", FieldType::kBool, true);
  CHECK(Valid(f, Value::Bool(true)) == Value::Bool(true));
  CHECK(Valid(f, Text("false")) == Value::Bool(false));
  CHECK(Mentions(Invalid(f, Text("ja")), "true or false"));
  CHECK(Mentions(Invalid(f, Num(1)), "true or false"));
}

TEST_CASE("Choice fields accept one of the options", "[form][choice]") {
  FieldDef f = Field("kleur", FieldType::kChoice);
  f.options = {"rood", "groen"};
  CHECK(Valid(f, Text("groen")) == Text("groen"));
  const Status s = Invalid(f, Text("paars"));
  CHECK(s.subject() == "kleur");
  CHECK(s.message() == "kleur: 'paars' is not one of rood, groen");
  CHECK(Mentions(Invalid(f, Text("Rood")), "'Rood'"));
  CHECK(Mentions(Invalid(f, Num(1)), "number"));
}

TEST_CASE("A choice without options is a broken definition", "[form][choice]") {
  StatusOr<ValueRecord> out = ValidateOne(Field("kleur", FieldType::kChoice), Text("rood"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == StatusCode::kInternal);
}

// --- File -------------------------------------------------------------------------------------

TEST_CASE("File references can never name a path", "[form][file]") {
  const FieldDef f = Field("bijlage", FieldType::kFile);
  CHECK(Valid(f, Text("offerte.pdf")) == Text("offerte.pdf"));
  CHECK(Valid(f, Text("Begroting 2025_v2-def.xlsx")) == Text("Begroting 2025_v2-def.xlsx"));
  CHECK(Valid(f, Text(std::string(255, 'a'))).as_text().size() == 255);
  for (const std::string& bad :
       {std::string("../etc/passwd"), std::string("a/b"), std::string(".hidden"), std::string(".."),
        std::string("a\\b"), std::string("c:evil"), std::string("a\nb"),
        std::string("caf\xC3\xA9.pdf"), std::string(256, 'a')}) {
    INFO(bad);
    const Status s = Invalid(f, Text(bad));
    CHECK(s.subject() == "bijlage");
    CHECK(Mentions(s, "file reference"));
  }
  CHECK(Mentions(Invalid(f, Num(1)), "file reference"));
}

// --- List -------------------------------------------------------------------------------------

TEST_CASE("List fields validate every item with the field's limits", "[form][list]") {
  FieldDef f = Field("bijlagen", FieldType::kList);
  f.item_type = FieldType::kFile;
  const Value ok = Value::List({Text("a.pdf"), Text("b.pdf"), Text("c.pdf")});
  CHECK(Valid(f, ok) == ok);
  const Status s = Invalid(f, Value::List({Text("a.pdf"), Text("b.pdf"), Text("../etc/passwd")}));
  CHECK(s.subject() == "bijlagen[2]");
  CHECK(Mentions(s, "bijlagen[2]: must be a file reference"));
  CHECK(Invalid(f, Value::List({Text("a.pdf"), Value()})).subject() == "bijlagen[1]");
  CHECK(Mentions(Invalid(f, Text("a.pdf")), "must be a list"));
}

TEST_CASE("List fields count items", "[form][list]") {
  FieldDef f = Field("wijken", FieldType::kList);
  f.item_type = FieldType::kText;
  CHECK(Valid(f, Value::List(ValueList(100, Text("x")))).as_list().size() == 100);
  CHECK(Mentions(Invalid(f, Value::List(ValueList(101, Text("x")))), "at most 100 items"));
  f.min_items = 1;
  f.max_items = 2;
  CHECK(Mentions(Invalid(f, Value::List({})), "at least 1 item"));
  CHECK(Mentions(Invalid(f, Value::List(ValueList(3, Text("x")))), "at most 2 items"));
  f.max_length = 2;
  CHECK(Invalid(f, Value::List({Text("ab"), Text("abc")})).subject() == "wijken[1]");
}

TEST_CASE("List items of choice, money, number and date are converted", "[form][list]") {
  FieldDef f = Field("soorten", FieldType::kList);
  f.item_type = FieldType::kChoice;
  f.options = {"a", "b"};
  CHECK(Valid(f, Value::List({Text("b")})) == Value::List({Text("b")}));
  CHECK(Invalid(f, Value::List({Text("c")})).subject() == "soorten[0]");
  f.item_type = FieldType::kMoney;
  f.min = 0;
  CHECK(Valid(f, Value::List({Text("1.50"), Num(2)})) ==
        Value::List({Value::OfMoney(Money{150}), Value::OfMoney(Money{200})}));
  CHECK(Invalid(f, Value::List({Text("-1")})).subject() == "soorten[0]");
  f.item_type = FieldType::kNumber;
  f.integer = true;
  CHECK(Invalid(f, Value::List({Num(1), Num(2.5)})).subject() == "soorten[1]");
  f.item_type = FieldType::kDate;
  CHECK(Valid(f, Value::List({Text("2025-01-02")})) ==
        Value::List({Value::OfDate(Date::FromYmd(2025, 1, 2))}));
}

TEST_CASE("A list of lists is a broken definition", "[form][list]") {
  FieldDef f = Field("x", FieldType::kList);
  f.item_type = FieldType::kList;
  StatusOr<ValueRecord> out = ValidateOne(f, Value::List({Value::List({})}));
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == StatusCode::kInternal);
}

// --- Criteria ---------------------------------------------------------------------------------

Value Score(Value score, Value reason) {
  return Value::Record({{"score", std::move(score)}, {"reason", std::move(reason)}});
}

TEST_CASE("Criteria scores become {score, reason} records", "[form][criteria]") {
  const FieldDef f = Field("beoordeling", FieldType::kCriteria);
  const Value raw = Value::Record({
      {"innovatie", Score(Num(4), Text("Nieuw in deze wijk"))},
      {"draagvlak", Score(Text("7"), Text("Veertig handtekeningen"))},
  });
  const Value out = Valid(f, raw);
  CHECK(out == Value::Record({
                   {"innovatie", Score(Num(4), Text("Nieuw in deze wijk"))},
                   {"draagvlak", Score(Num(7), Text("Veertig handtekeningen"))},
               }));
  // Criteria may be scored in parts.
  CHECK(Valid(f, Value::Record({{"innovatie", Score(Num(0), Text("Bestaat al"))}}))
            .as_record()
            .size() == 1);
}

TEST_CASE("Criteria scores are checked against the criteria", "[form][criteria]") {
  const FieldDef f = Field("beoordeling", FieldType::kCriteria);
  const auto invalid = [&f](const std::string& id, const Value& entry) {
    return Invalid(f, Value::Record({{id, entry}}));
  };
  {
    const Status s = invalid("originaliteit", Score(Num(3), Text("x")));
    CHECK(s.subject() == "beoordeling.originaliteit");
    CHECK(s.message() == "beoordeling.originaliteit: unknown criterion");
  }
  {
    const Status s = invalid("innovatie", Score(Num(6), Text("x")));
    CHECK(s.subject() == "beoordeling.innovatie");
    CHECK(Mentions(s, "outside the scale 0..5"));
  }
  CHECK(Mentions(invalid("draagvlak", Score(Num(0), Text("x"))), "outside the scale 1..10"));
  CHECK(Mentions(invalid("innovatie", Score(Num(-1), Text("x"))), "outside the scale"));
  CHECK(Mentions(invalid("innovatie", Score(Num(2.5), Text("x"))), "whole number"));
  CHECK(Mentions(invalid("innovatie", Score(Text("veel"), Text("x"))), "whole number"));
  CHECK(Mentions(invalid("innovatie", Score(Num(3), Text(""))), "reason"));
  CHECK(Mentions(invalid("innovatie", Score(Num(3), Text("   "))), "reason"));
  CHECK(Mentions(invalid("innovatie", Score(Num(3), Num(3))), "reason"));
  CHECK(Mentions(invalid("innovatie", Value::Record({{"score", Num(3)}})), "reason"));
  CHECK(Mentions(invalid("innovatie", Value::Record({{"reason", Text("x")}})), "score required"));
  CHECK(Mentions(
      invalid("innovatie",
              Value::Record({{"score", Num(3)}, {"reason", Text("x")}, {"weging", Num(2)}})),
      "unknown key 'weging'"));
  CHECK(Mentions(invalid("innovatie", Num(3)), "{score, reason}"));
  CHECK(invalid("innovatie", Score(Num(3), Text("\xC3\x28"))).subject() == "beoordeling.innovatie");
  CHECK(Mentions(Invalid(f, Value::List({})), "record of criterion scores"));
}

// --- A whole form -----------------------------------------------------------------------------

TEST_CASE("A whole form validates in one pass", "[form]") {
  FieldDef kleur = Field("kleur", FieldType::kChoice);
  kleur.options = {"rood", "groen"};
  FieldDef begroting = Field("begroting", FieldType::kMoney, true);
  begroting.min = 0;
  const FormDef form = FormOf({Field("omschrijving", FieldType::kText, true), begroting, kleur,
                               Field("startdatum", FieldType::kDate)});
  StatusOr<ValueRecord> out = ValidateForm(form, {},
                                           {{"omschrijving", Text("Buurtfeest")},
                                            {"begroting", Text("1250.00")},
                                            {"kleur", Text("rood")}});
  REQUIRE(out.ok());
  CHECK(Value::Record(*out).DebugString() ==
        R"({"begroting": {"money":"1250.00"}, "kleur": "rood", "omschrijving": "Buurtfeest"})");
  StatusOr<ValueRecord> bad =
      ValidateForm(form, {}, {{"omschrijving", Text("Buurtfeest")}, {"begroting", Num(-5)}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "begroting: must be at least 0");
  CHECK(bad.status().subject() == "begroting");
}

}  // namespace
}  // namespace uitdaag
