// Simulation scripts: the YAML format of uitdaag/script.h, and errors as file:line:column.
#include "uitdaag/script.h"

#include <catch2/catch.hpp>
#include <string>

namespace uitdaag {
namespace {

using Catch::Matchers::Contains;

std::string Fixture(const std::string& relative) {
  return std::string(UITDAAG_FIXTURES_DIR) + "/" + relative;
}

TEST_CASE("Script: a full script loads", "[script]") {
  const StatusOr<Script> script = LoadScriptFile(Fixture("scripts/indienen.yaml"));
  INFO(script.status().ToString());
  REQUIRE(script.ok());
  CHECK(script->case_id == "2025-0042");
  CHECK(script->file == Fixture("scripts/indienen.yaml"));
  REQUIRE(script->start.has_value());
  CHECK(*script->start == Instant::FromLocal(Date::FromYmd(2025, 11, 13), 9, 0));
  REQUIRE(script->until.has_value());
  CHECK(*script->until == Instant::StartOfLocalDay(Date::FromYmd(2027, 1, 1)));
  REQUIRE(script->steps.size() == 3);

  const ScriptStep& first = script->steps[0];
  CHECK(first.at == Instant::FromLocal(Date::FromYmd(2025, 11, 13), 10, 0));
  CHECK(first.event.at == first.at);
  CHECK(first.event.id == "indienen");
  CHECK(first.event.role == "initiatiefnemer");
  CHECK(first.event.actor == "Stichting Groen Doet");
  CHECK_FALSE(first.advance_only);
  CHECK(first.where.line == 5);
  CHECK(first.where.column == 5);
  // Scalars stay text, whatever YAML would make of them; lists and mappings nest.
  const ValueRecord& data = first.event.payload;
  CHECK(data.at("begroting") == Value::Text("12500"));
  CHECK(data.at("akkoord") == Value::Text("true"));
  CHECK(data.at("bijlagen") ==
        Value::List({Value::Text("plan.pdf"), Value::Text("begroting.xlsx")}));
  CHECK(data.at("adres") ==
        Value::Record({{"nummer", Value::Text("1")}, {"straat", Value::Text("Dorpsstraat")}}));
  CHECK(first.expect.state == "ontvangen");
  CHECK(first.expect.deadlines.at("beslistermijn") == Date::FromYmd(2026, 1, 8));
  CHECK(first.expect.letters == std::vector<std::string>{"ontvangstbevestiging"});
  CHECK(first.expect.data.at("begroting") == Value::Text("12500.00"));
  CHECK_FALSE(first.expect.rejected.has_value());

  CHECK(script->steps[1].expect.rejected == StatusCode::kPermissionDenied);
  CHECK(script->steps[1].expect.state == std::nullopt);
  CHECK(script->steps[2].advance_only);
  CHECK(script->steps[2].event.id.empty());
  CHECK(script->steps[2].expect.state == "buiten_behandeling");
}

TEST_CASE("Script: defaults", "[script]") {
  const StatusOr<Script> script =
      LoadScriptText("steps:\n  - { at: 2025-01-02, event: indienen, role: a }\n", "s.yaml");
  REQUIRE(script.ok());
  CHECK(script->case_id == "SIM-1");
  CHECK_FALSE(script->start.has_value());
  CHECK_FALSE(script->until.has_value());
  CHECK(script->steps[0].expect.empty());
  CHECK(script->steps[0].event.payload.empty());
}

void RequireScriptError(const std::string& yaml, const std::string& located_message) {
  const StatusOr<Script> script = LoadScriptText(yaml, "s.yaml");
  REQUIRE_FALSE(script.ok());
  CHECK(script.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(script.status().message(), Contains(located_message));
}

TEST_CASE("Script: errors carry file:line:column", "[script]") {
  RequireScriptError("steps:\n  - { at: 2025-01-02, evnt: indienen }\n",
                     "s.yaml:2:23: unknown key 'evnt' in a step (did you mean 'event'?)");
  RequireScriptError("steps:\n  - at: 2025-13-02\n    event: x\n",
                     "s.yaml:2:9: 'at': '2025-13-02' is not a date or time");
  RequireScriptError("steps:\n  - at: 2025-01-02\n    event: x\n    expect: { rejected: denied }\n",
                     "s.yaml:4:25: unknown status code 'denied' in 'rejected' (known: "
                     "invalid_argument, not_found");
  RequireScriptError("steps:\n  - at: 2025-01-02\n    role: x\n",
                     "s.yaml:2:5: a step needs 'event' (or 'advance: true'");
  RequireScriptError("steps:\n  - at: 2025-01-02\n    advance: true\n    event: x\n",
                     "s.yaml:4:5: a step with 'advance: true' has no 'event'");
  RequireScriptError("steps: [\n", "s.yaml:2:1: YAML syntax error");
  RequireScriptError("case: x\n", "s.yaml:1:1: missing required key 'steps' in the script");
  RequireScriptError("steps:\n  - { at: 2025-01-03, event: a }\n  - { at: 2025-01-02, event: b }\n",
                     "s.yaml:3:5: steps must be in time order");
  RequireScriptError(
      "steps:\n  - at: 2025-01-02\n    event: x\n    expect: { deadlines: { t: soon } }\n",
      "s.yaml:4:31: expected end of deadline 't'");
}

TEST_CASE("Script: several errors are all reported", "[script]") {
  const StatusOr<Script> script = LoadScriptText(
      "steps:\n  - { at: 2025-01-02, evnt: a }\n  - { at: nooit, event: b }\n", "s.yaml");
  REQUIRE_FALSE(script.ok());
  CHECK_THAT(script.status().message(), Contains("s.yaml:2:"));
  CHECK_THAT(script.status().message(), Contains("s.yaml:3:"));
}

TEST_CASE("Script: an unreadable file is an I/O error", "[script]") {
  const StatusOr<Script> script = LoadScriptFile(Fixture("scripts/none.yaml"));
  REQUIRE_FALSE(script.ok());
  CHECK(script.status().code() == StatusCode::kIoError);
  CHECK_THAT(script.status().message(), Contains("none.yaml"));
}

}  // namespace
}  // namespace uitdaag
