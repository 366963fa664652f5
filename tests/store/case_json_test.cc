// Case JSON: every snapshot the shipped example produces survives the trip through storage, the
// text is canonical, and damaged text is refused with the path of the bad item.
#include "uitdaag/case_json.h"

#include <catch2/catch.hpp>

#include "support/store_fixture.h"
#include "uitdaag/script.h"
#include "uitdaag/simulator.h"

namespace uitdaag::testing {
namespace {

TEST_CASE("case json: values of every type round-trip", "[json]") {
  const Value record = Value::Record({
      {"tekst", Value::Text("aanhalingsteken \" backslash \\ regel\neinde \x01 en é")},
      {"getal", Value::Number(12.25)},
      {"geheel", Value::Number(148)},
      {"klein", Value::Number(0.1)},
      {"bedrag", Value::OfMoney(Money{1250050})},
      {"datum", Value::OfDate(Date::FromYmd(2026, 2, 28))},
      {"ja", Value::Bool(true)},
      {"niets", Value::Null()},
      {"lijst", Value::List({Value::Text("a.pdf"), Value::Number(-3)})},
      {"$tag", Value::Text("a key that looks like a type tag")},
      {"$$twee", Value::Text("two dollars")},
  });
  const std::string json = ValueToJson(record);
  StatusOr<Value> back = ValueFromJson(json);
  INFO(json);
  REQUIRE(back.ok());
  CHECK(*back == record);
  CHECK_THAT(json, Catch::Contains(R"("bedrag":{"$money":"12500.50"})"));
  CHECK_THAT(json, Catch::Contains(R"("datum":{"$date":"2026-02-28"})"));
  CHECK_THAT(json, Catch::Contains(R"("$$tag":)"));
  CHECK_THAT(json, Catch::Contains(R"(\u0001)"));
}

TEST_CASE("case json: the text is canonical (sorted keys, no spaces, one spelling)", "[json]") {
  ValueRecord a;
  a["b"] = Value::Number(1);
  a["a"] = Value::Number(2.5);
  CHECK(RecordToJson(a) == R"({"a":2.5,"b":1})");
  // Reading and writing again gives the same bytes.
  const std::string text = RecordToJson(a);
  StatusOr<ValueRecord> back = RecordFromJson(text);
  REQUIRE(back.ok());
  CHECK(RecordToJson(*back) == text);
}

TEST_CASE("case json: every snapshot of the granted example survives storage", "[json]") {
  auto def = LoadOrFail(WorkflowPath("uitdaagrecht.yaml"));
  StatusOr<Script> script = LoadScriptFile(std::string(UITDAAG_SOURCE_DIR) +
                                           "/examples/scripts/uitdaagrecht-toegewezen.yaml");
  REQUIRE(script.ok());
  CaseDriver driver(def, *script->start);
  int checked = 0;
  auto check_round_trip = [&] {
    const std::string json = SnapshotToJson(driver.snapshot());
    StatusOr<CaseSnapshot> back = SnapshotFromJson(json);
    INFO(json);
    REQUIRE(back.ok());
    CHECK(*back == driver.snapshot());
    CHECK(SnapshotToJson(*back) == json);
    ++checked;
  };
  for (const ScriptStep& step : script->steps) {
    driver.RunTimersUntil(step.at);
    check_round_trip();
    if (step.advance_only) continue;
    Event event = step.event;
    event.at = step.at;
    (void)driver.Apply(event, step.at);
    check_round_trip();
  }
  // The example exercises suspensions, scores, restarts and expiries; all were stored.
  CHECK(driver.snapshot().scores.size() >= 5);
  CHECK_FALSE(driver.snapshot().deadlines.at("beslistermijn").suspensions.empty());
  CHECK(checked > 20);
}

TEST_CASE("case json: effects and timer references round-trip", "[json]") {
  const std::vector<Effect> effects = {
      Effect{Effect::Kind::kDeadlineStarted, "beslistermijn", Date::FromYmd(2026, 3, 5),
             Date::FromYmd(2026, 2, 20), ""},
      Effect{Effect::Kind::kRenderLetter, "ontvangstbevestiging", std::nullopt, std::nullopt, ""},
      Effect{Effect::Kind::kDeadlineSuspended, "beslistermijn", Date::FromYmd(2026, 1, 15),
             std::nullopt, "aanvulling gevraagd"},
  };
  StatusOr<std::vector<Effect>> back = EffectsFromJson(EffectsToJson(effects));
  REQUIRE(back.ok());
  CHECK(*back == effects);
  const std::optional<TimerRef> timer = TimerRef{TimerRef::Kind::kWarning, "beslistermijn", 2};
  StatusOr<std::optional<TimerRef>> timer_back = TimerRefFromJson(TimerRefToJson(timer));
  REQUIRE(timer_back.ok());
  CHECK(*timer_back == timer);
  CHECK(TimerRefToJson(std::nullopt) == "null");
}

TEST_CASE("case json: damaged text is refused and names the bad item", "[json]") {
  auto def = LoadOrFail(WorkflowPath("uitdaagrecht.yaml"));
  CaseDriver driver(def, At("2026-01-08T09:00"));
  REQUIRE(driver.Fire("indienen", "initiatiefnemer", At("2026-01-08T10:00"), Aanvraag()).ok());
  const std::string good = SnapshotToJson(driver.snapshot());

  struct Damage {
    std::string from, to, path;
  };
  const std::vector<Damage> damages = {
      {R"("round":1)", R"("round":"1")", "deadlines.beslistermijn.round"},
      {R"("status":"running")", R"("status":"runing")", "deadlines.beslistermijn.status"},
      {R"("start":"2026-01-08")", R"("start":"2026-13-08")", "deadlines.beslistermijn.start"},
      {R"({"$money":"12500.00"})", R"({"$money":"12,500"})", "data.begroting"},
      {R"("version":1)", R"("version":true)", "version"},
  };
  for (const Damage& d : damages) {
    DYNAMIC_SECTION(d.path) {
      std::string bad = good;
      const size_t at = bad.find(d.from);
      REQUIRE(at != std::string::npos);
      bad.replace(at, d.from.size(), d.to);
      StatusOr<CaseSnapshot> read = SnapshotFromJson(bad);
      REQUIRE_FALSE(read.ok());
      CHECK(read.status().code() == StatusCode::kInvalidArgument);
      CHECK(read.status().subject() == d.path);
    }
  }
  CHECK_FALSE(SnapshotFromJson("{").ok());
  CHECK_FALSE(SnapshotFromJson("").ok());
  CHECK_FALSE(ValueFromJson(R"({"$euro":"1"})").ok());
}

}  // namespace
}  // namespace uitdaag::testing
