// Timers (uitdaag/engine.h: DueTimers, NextTimer, timer events in Step) on the mini workflow.
#include <catch2/catch.hpp>

#include "support/case_driver.h"
#include "uitdaag/engine.h"

namespace uitdaag {
namespace {

using testing::At;
using testing::CaseDriver;
using testing::D;

std::shared_ptr<const WorkflowDefinition> Mini() {
  static const auto def =
      testing::LoadOrFail(std::string(UITDAAG_FIXTURES_DIR) + "/engine/mini.yaml");
  return def;
}

// Submitted Thursday 13 November 2025 (decision deadline 29 December 2025, warning 5 days
// before: 24 December), incompleteness asked on Thursday 20 November (repair period of two
// weeks: 4 December).
CaseDriver WaitingForCompletion() {
  CaseDriver c(Mini(), At("2025-11-13"));
  ValueRecord request{{"bedrag", Value::Text("10")}, {"soort", Value::Text("b")}};
  REQUIRE(c.Fire("indienen", "aanvrager", At("2025-11-13T10:00"), request).ok());
  REQUIRE(c.Fire("aanvulling_vragen", "behandelaar", At("2025-11-20T10:00")).ok());
  return c;
}

}  // namespace

TEST_CASE("nothing is due before its day, a suspended deadline has no timer", "[timers]") {
  CaseDriver c = WaitingForCompletion();
  CHECK(DueTimers(c.def(), c.snapshot(), At("2025-12-04T23:59")).empty());
  const std::vector<DueTimer> due = DueTimers(c.def(), c.snapshot(), At("2025-12-05T00:00"));
  REQUIRE(due.size() == 1);  // herstel; beslis is suspended
  CHECK(due[0].ref.deadline == "herstel");
  CHECK(due[0].ref.kind == TimerRef::Kind::kExpiry);
  CHECK(due[0].due_date == D("2025-12-05"));
  CHECK(due[0].event == "herstel_verstreken");
}

TEST_CASE("an expiry fires its event once and moves the case", "[timers]") {
  CaseDriver c = WaitingForCompletion();
  const std::vector<DueTimer> due = DueTimers(c.def(), c.snapshot(), At("2025-12-06"));
  REQUIRE(due.size() == 1);
  REQUIRE(c.Apply(due[0].ToEvent(), due[0].due).ok());
  CHECK(c.snapshot().state == "vervallen");
  CHECK(c.snapshot().deadlines.at("herstel").expiry_fired);
  // The final state stopped the suspended decision deadline on the day of the expiry.
  CHECK(c.snapshot().deadlines.at("beslis").status == DeadlineStatus::kStopped);
  // Firing the same timer again is rejected and changes nothing.
  const Status again = c.Apply(due[0].ToEvent(), due[0].due);
  CHECK(again.code() == StatusCode::kFailedPrecondition);
  CHECK(DueTimers(c.def(), c.snapshot(), At("2027-01-01")).empty());
}

TEST_CASE("warnings come before expiry, in due order, each once", "[timers]") {
  CaseDriver c(Mini(), At("2025-11-13"));
  ValueRecord request{{"bedrag", Value::Text("10")}, {"soort", Value::Text("a")}};
  REQUIRE(c.Fire("indienen", "aanvrager", At("2025-11-13T10:00"), request).ok());

  const std::optional<DueTimer> next = NextTimer(c.def(), c.snapshot(), At("2025-11-13T10:00"));
  REQUIRE(next.has_value());
  CHECK(next->ref.kind == TimerRef::Kind::kWarning);
  CHECK(next->due_date == D("2025-12-24"));  // 29 December minus 5 days

  // After downtime, both fall due at once: listed in due order.
  const std::vector<DueTimer> due = DueTimers(c.def(), c.snapshot(), At("2026-01-10"));
  REQUIRE(due.size() == 2);
  CHECK(due[0].ref.kind == TimerRef::Kind::kWarning);
  CHECK(due[1].ref.kind == TimerRef::Kind::kExpiry);
  CHECK(due[1].due_date == D("2025-12-30"));

  CHECK(c.RunTimersUntil(At("2026-01-10")) == 2);
  CHECK(c.snapshot().deadlines.at("beslis").status == DeadlineStatus::kExpired);
  CHECK(c.snapshot().state == "open");  // beslis has no on_expire event: only recorded
  CHECK(c.last_effects().front().kind == Effect::Kind::kDeadlineExpired);
  CHECK(c.RunTimersUntil(At("2026-06-01")) == 0);
}

TEST_CASE("a timer that is not yet due is refused", "[timers]") {
  CaseDriver c = WaitingForCompletion();
  Event early;
  early.id = "herstel_verstreken";
  early.at = At("2025-12-04T12:00");
  early.timer = TimerRef{TimerRef::Kind::kExpiry, "herstel", 1};
  CHECK(c.Apply(early, early.at).code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("a timer of an earlier round of a restarted deadline is stale", "[timers]") {
  CaseDriver c = WaitingForCompletion();
  const std::vector<DueTimer> round1 = DueTimers(c.def(), c.snapshot(), At("2025-12-06"));
  REQUIRE(round1.size() == 1);
  // Completed in time, then asked again: herstel restarts as round 2.
  REQUIRE(c.Fire("aanvullen", "aanvrager", At("2025-11-25")).ok());
  REQUIRE(c.Fire("aanvulling_vragen", "behandelaar", At("2025-11-27")).ok());
  CHECK(c.snapshot().deadlines.at("herstel").round == 2);
  CHECK(c.Apply(round1[0].ToEvent(), round1[0].due).code() == StatusCode::kFailedPrecondition);
  // Two suspensions on beslis: 21-24 November (4 days) and one open since 27 November.
  CHECK(c.snapshot().deadlines.at("beslis").suspensions.size() == 2);
}

TEST_CASE("a stopped deadline has no timers", "[timers]") {
  CaseDriver c = WaitingForCompletion();
  REQUIRE(c.Fire("aanvullen", "aanvrager", At("2025-11-25")).ok());
  const std::vector<DueTimer> due = DueTimers(c.def(), c.snapshot(), At("2026-03-01"));
  for (const DueTimer& t : due) CHECK(t.ref.deadline != "herstel");
}

}  // namespace uitdaag
