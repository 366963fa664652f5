// The pure engine's contract (uitdaag/engine.h), rule by rule, on tests/fixtures/engine/mini.yaml.
#include "uitdaag/engine.h"

#include <catch2/catch.hpp>

#include "support/case_driver.h"

namespace uitdaag {
namespace {

using testing::At;
using testing::CaseDriver;
using testing::D;
using testing::Payload;

std::shared_ptr<const WorkflowDefinition> Mini() {
  static const auto def =
      testing::LoadOrFail(std::string(UITDAAG_FIXTURES_DIR) + "/engine/mini.yaml");
  return def;
}

ValueRecord ValidRequest() {
  return Payload({{"bedrag", Value::Text("250.00")}, {"soort", Value::Text("a")}});
}

ValueRecord Score(const std::string& criterion, int score, const std::string& reason) {
  ValueRecord entry{{"score", Value::Number(score)}, {"reason", Value::Text(reason)}};
  ValueRecord scores{{criterion, Value::Record(entry)}};
  return Payload({{"scores", Value::Record(scores)}});
}

// A case submitted on Thursday 13 November 2025.
CaseDriver Submitted() {
  CaseDriver c(Mini(), At("2025-11-13T09:00"));
  REQUIRE(c.Fire("indienen", "aanvrager", At("2025-11-13T10:00"), ValidRequest()).ok());
  return c;
}

}  // namespace

TEST_CASE("a new case starts in the initial state with variables set", "[engine]") {
  const CaseSnapshot s = NewCase(*Mini(), "Z-1", At("2025-11-13"));
  CHECK(s.state == "nieuw");
  CHECK(s.version == 0);
  CHECK(s.workflow_id == "mini");
  CHECK(s.workflow_version == 3);
  REQUIRE(s.data.count("teller") == 1);
  CHECK(s.data.at("teller") == Value::Number(0));
}

TEST_CASE("an accepted event moves the state, stores data and lists its effects", "[engine]") {
  CaseDriver c = Submitted();
  const CaseSnapshot& s = c.snapshot();
  CHECK(s.state == "open");
  CHECK(s.version == 1);
  CHECK(s.assigned_role == "behandelaar");
  CHECK(s.data.at("bedrag") == Value::OfMoney(Money{25000}));
  CHECK(s.data.at("soort") == Value::Text("a"));
  REQUIRE(c.last_effects().size() == 3);
  CHECK(c.last_effects()[0].kind == Effect::Kind::kDeadlineStarted);
  CHECK(c.last_effects()[0].name == "beslis");
  CHECK(c.last_effects()[0].date == D("2025-12-29"));  // 6 weeks, Atw past Christmas
  CHECK(c.last_effects()[1].kind == Effect::Kind::kRenderLetter);
  CHECK(c.last_effects()[1].name == "brief");
  CHECK(c.last_effects()[2].kind == Effect::Kind::kAssign);
  CHECK(c.LegalEnd("beslis", D("2025-11-13")) == D("2025-12-29"));
}

TEST_CASE("rejections follow the documented order and name what is wrong", "[engine]") {
  CaseDriver c = Submitted();
  const Instant t = At("2025-11-14T10:00");

  SECTION("1. unknown event") {
    const Status s = c.Fire("bestaat_niet", "behandelaar", t);
    CHECK(s.code() == StatusCode::kNotFound);
    CHECK(s.subject() == "bestaat_niet");
  }
  SECTION("2. a case on another version of the workflow") {
    CaseSnapshot old = c.snapshot();
    old.workflow_version = 2;
    Event e{"scoren", "behandelaar", "x", t, Score("nut", 4, "goed"), std::nullopt};
    const StatusOr<StepResult> r = Step(c.def(), old, e, t);
    CHECK(r.status().code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(r.status().message(), Catch::Contains("version 2"));
  }
  SECTION("3. an event dated after now") {
    Event e{"tellen", "behandelaar", "x", At("2025-11-15"), {}, std::nullopt};
    const StatusOr<StepResult> r = Step(c.def(), c.snapshot(), e, t);
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
  }
  SECTION("4. a role that may not fire the event") {
    const Status s = c.Fire("tellen", "aanvrager", t);
    CHECK(s.code() == StatusCode::kPermissionDenied);
    CHECK_THAT(s.message(), Catch::Contains("allowed: behandelaar"));
  }
  SECTION("4. a person firing a timer event") {
    const Status s = c.Fire("herstel_verstreken", "behandelaar", t);
    CHECK(s.code() == StatusCode::kPermissionDenied);
    CHECK_THAT(s.message(), Catch::Contains("timer"));
  }
  SECTION("5. an event the current state does not accept") {
    const Status s = c.Fire("aanvullen", "aanvrager", t);
    CHECK(s.code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.message(), Catch::Contains("state 'open'") && Catch::Contains("besluiten"));
  }
  SECTION("6. an invalid form field, named") {
    const Status s = c.Fire("scoren", "behandelaar", t, Score("nut", 9, "te hoog"));
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK_THAT(s.subject(), Catch::Contains("nut"));
  }
  SECTION("6. data on an event without a form") {
    const Status s = c.Fire("tellen", "behandelaar", t, Payload({{"x", Value::Text("1")}}));
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK(s.subject() == "x");
  }
  SECTION("7. a guard that does not hold, quoted") {
    const Status s = c.Fire("besluiten", "behandelaar", t);
    CHECK(s.code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.message(), Catch::Contains("`assessment.passed` is false"));
  }
  SECTION("8. a deadline action that does not fit the case: resume without suspension") {
    const Status s = c.Fire("hervatten", "behandelaar", t);
    CHECK(s.code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.message(), Catch::Contains("not suspended"));
  }
  CHECK(c.snapshot().version == 1);  // every rejection above left the case as it was
}

TEST_CASE("scores need every criterion with reasons before the guard passes", "[engine][awb-3:46]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("scoren", "behandelaar", At("2025-11-20"), Score("nut", 4, "veel nut")).ok());
  CHECK(c.snapshot().scores.at("nut").reason == "veel nut");
  CHECK(c.snapshot().scores.at("nut").on == D("2025-11-20"));
  CHECK(c.Fire("besluiten", "behandelaar", At("2025-11-21")).code() ==
        StatusCode::kFailedPrecondition);  // steun not scored yet
  REQUIRE(c.Fire("scoren", "behandelaar", At("2025-11-21"), Score("steun", 1, "weinig")).ok());
  // steun has no minimum, nut 4 >= 3: passed.
  REQUIRE(c.Fire("besluiten", "behandelaar", At("2025-11-24")).ok());
  CHECK(c.snapshot().state == "klaar");
  CHECK(c.snapshot().deadlines.at("beslis").status == DeadlineStatus::kStopped);
  CHECK(c.snapshot().deadlines.at("beslis").stopped_on == D("2025-11-24"));
}

TEST_CASE("a score below its minimum fails the assessment", "[engine]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("scoren", "behandelaar", At("2025-11-20"), Score("nut", 2, "weinig nut")).ok());
  REQUIRE(c.Fire("scoren", "behandelaar", At("2025-11-20"), Score("steun", 5, "veel")).ok());
  CHECK(c.Fire("besluiten", "behandelaar", At("2025-11-21")).code() ==
        StatusCode::kFailedPrecondition);
}

TEST_CASE("assignments update variables and guards cap them", "[engine]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("tellen", "behandelaar", At("2025-11-14")).ok());
  REQUIRE(c.Fire("tellen", "behandelaar", At("2025-11-14")).ok());
  CHECK(c.snapshot().data.at("teller") == Value::Number(2));
  const Status third = c.Fire("tellen", "behandelaar", At("2025-11-14"));
  CHECK(third.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(third.message(), Catch::Contains("data.teller < params.max_teller"));
}

TEST_CASE("EventPossible follows the case's guards and leaves event input to the request",
          "[engine]") {
  CaseDriver c = Submitted();
  const Date today = D("2025-11-14");
  CHECK(EventPossible(*Mini(), c.snapshot(), "tellen", today));
  // assessment.passed does not hold before any score.
  CHECK_FALSE(EventPossible(*Mini(), c.snapshot(), "besluiten", today));
  // Not an event of this state, a timer event, an unknown event.
  CHECK_FALSE(EventPossible(*Mini(), c.snapshot(), "indienen", today));
  CHECK_FALSE(EventPossible(*Mini(), c.snapshot(), "nergens", today));
  CHECK_FALSE(EventPossible(*Mini(), c.snapshot(), "herstel_verstreken", today));
  REQUIRE(c.Fire("tellen", "behandelaar", At("2025-11-14")).ok());
  REQUIRE(c.Fire("tellen", "behandelaar", At("2025-11-14")).ok());
  // The cap is reached: exactly when Step refuses it.
  CHECK_FALSE(EventPossible(*Mini(), c.snapshot(), "tellen", today));
  CHECK(c.Fire("tellen", "behandelaar", At("2025-11-14")).code() ==
        StatusCode::kFailedPrecondition);
  REQUIRE(c.Fire("scoren", "behandelaar", At("2025-11-20"), Score("nut", 4, "nuttig")).ok());
  REQUIRE(c.Fire("scoren", "behandelaar", At("2025-11-20"), Score("steun", 5, "veel")).ok());
  CHECK(EventPossible(*Mini(), c.snapshot(), "besluiten", today));
}

TEST_CASE("suspension moves the decision deadline by the suspended days", "[engine][awb-4:15]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("aanvulling_vragen", "behandelaar", At("2025-11-20T11:00")).ok());
  CHECK(c.snapshot().state == "wacht");
  CHECK(c.snapshot().deadlines.at("beslis").status == DeadlineStatus::kSuspended);
  REQUIRE(c.Fire("aanvullen", "aanvrager", At("2025-12-01T15:00")).ok());
  // Suspended from 21 November up to (not including) 1 December: 10 days. 25 December + 10 =
  // Sunday 4 January 2026, which runs on to Monday 5 January (Atw art. 1).
  CHECK(c.LegalEnd("beslis", D("2025-12-01")) == D("2026-01-05"));
  CHECK(c.snapshot().deadlines.at("herstel").status == DeadlineStatus::kStopped);
  REQUIRE(c.snapshot().deadlines.at("beslis").suspensions.size() == 1);
  CHECK(c.snapshot().deadlines.at("beslis").suspensions[0].until == D("2025-12-01"));
}

TEST_CASE("an extension is added, and refused once the period ended", "[engine][awb-4:14]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("verdagen", "behandelaar", At("2025-12-10")).ok());
  // 25 December + 4 weeks = Thursday 22 January 2026.
  CHECK(c.LegalEnd("beslis", D("2025-12-10")) == D("2026-01-22"));
  REQUIRE(c.last_effects().size() == 1);
  CHECK(c.last_effects()[0].kind == Effect::Kind::kDeadlineExtended);
  CHECK(c.last_effects()[0].detail == "4 weeks");

  CaseDriver late = Submitted();
  const Status s = late.Fire("verdagen", "behandelaar", At("2025-12-30T09:00"));
  CHECK(s.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(s.message(), Catch::Contains("2025-12-29") && Catch::Contains("4:14"));
}

TEST_CASE("a notice of default counts only after the deadline passed", "[engine][awb-4:17]") {
  CaseDriver c = Submitted();
  CHECK(c.Fire("ingebrekestelling", "aanvrager", At("2025-12-20")).code() ==
        StatusCode::kFailedPrecondition);
  c.RunTimersUntil(At("2025-12-31"));
  CHECK(c.snapshot().deadlines.at("beslis").status == DeadlineStatus::kExpired);
  REQUIRE(c.Fire("ingebrekestelling", "aanvrager", At("2026-01-05")).ok());
  CHECK(c.snapshot().deadlines.at("beslis").notice_of_default == D("2026-01-05"));
  CHECK(c.Fire("ingebrekestelling", "aanvrager", At("2026-01-06")).code() ==
        StatusCode::kFailedPrecondition);

  // Penalty days start the day after two weeks from the notice: 20 January 2026.
  const auto exposure = ComputeCaseExposure(c.def(), c.snapshot(), "beslis", D("2026-01-29"));
  REQUIRE(exposure.has_value());
  CHECK(exposure->late);
  CHECK(exposure->accrues_from == D("2026-01-20"));
  CHECK(exposure->penalty_days == 10);
  CHECK(exposure->accrued_cents == 10 * 2300);
  CHECK(exposure->maximum_cents == 144200);
}

TEST_CASE("withdrawal from any state but the excluded ones stops every deadline", "[engine]") {
  CaseDriver fresh(Mini(), At("2025-11-13"));
  CHECK(fresh.Fire("intrekken", "aanvrager", At("2025-11-13")).code() ==
        StatusCode::kFailedPrecondition);  // nieuw is excluded

  CaseDriver c = Submitted();
  REQUIRE(c.Fire("aanvulling_vragen", "behandelaar", At("2025-11-20")).ok());
  REQUIRE(c.Fire("intrekken", "aanvrager", At("2025-11-25")).ok());
  CHECK(c.snapshot().state == "ingetrokken");
  for (const auto& [id, track] : c.snapshot().deadlines) {
    INFO(id);
    CHECK(track.status == DeadlineStatus::kStopped);
  }
  // The open suspension was closed on the day the case ended.
  CHECK(c.snapshot().deadlines.at("beslis").suspensions.back().until == D("2025-11-25"));
  CHECK(c.Fire("tellen", "behandelaar", At("2025-11-26")).code() ==
        StatusCode::kFailedPrecondition);
}

TEST_CASE("the engine is deterministic", "[engine]") {
  CaseDriver a = Submitted();
  CaseDriver b = Submitted();
  CHECK(a.snapshot() == b.snapshot());
  CHECK(a.last_effects() == b.last_effects());
}

TEST_CASE("the invariant check catches broken snapshots", "[engine][invariants]") {
  CaseDriver c = Submitted();
  CaseSnapshot broken = c.snapshot();
  broken.state = "nergens";
  CHECK(CheckInvariants(c.def(), broken).code() == StatusCode::kInternal);

  broken = c.snapshot();
  broken.deadlines.at("beslis").status = DeadlineStatus::kSuspended;  // without a suspension
  CHECK(CheckInvariants(c.def(), broken).code() == StatusCode::kInternal);

  broken = c.snapshot();
  broken.data["onbekend"] = Value::Text("x");
  CHECK(CheckInvariants(c.def(), broken).code() == StatusCode::kInternal);

  broken = c.snapshot();
  broken.data["bedrag"] = Value::Text("250");  // declared money
  CHECK(CheckInvariants(c.def(), broken).code() == StatusCode::kInternal);

  broken = c.snapshot();
  broken.scores["nut"] = CriterionScore{7, "buiten schaal", "x", D("2025-11-14")};
  CHECK(CheckInvariants(c.def(), broken).code() == StatusCode::kInternal);

  broken = c.snapshot();
  broken.state = "klaar";  // final, while beslis is still running
  CHECK(CheckInvariants(c.def(), broken).code() == StatusCode::kInternal);
}

}  // namespace uitdaag

namespace uitdaag {

// Regression: a decision taken after the decision period expired did not record its date, so
// the late-decision penalty kept accruing after the case was decided.
TEST_CASE("regression: a late decision ends the penalty exposure", "[engine][awb-4:17][regression]") {
  CaseDriver c = Submitted();
  c.RunTimersUntil(At("2025-12-31"));
  REQUIRE(c.Fire("ingebrekestelling", "aanvrager", At("2026-01-05")).ok());
  REQUIRE(c.Fire("scoren", "behandelaar", At("2026-01-26"), Score("nut", 4, "goed")).ok());
  REQUIRE(c.Fire("scoren", "behandelaar", At("2026-01-26"), Score("steun", 4, "goed")).ok());
  REQUIRE(c.Fire("besluiten", "behandelaar", At("2026-02-02")).ok());
  const DeadlineTrack& track = c.snapshot().deadlines.at("beslis");
  CHECK(track.status == DeadlineStatus::kStopped);
  CHECK(track.expiry_fired);
  CHECK(track.stopped_on == D("2026-02-02"));
  // Late from 30 December up to the day before the decision; penalty 20 January - 1 February.
  const auto exposure = ComputeCaseExposure(c.def(), c.snapshot(), "beslis", D("2026-03-01"));
  REQUIRE(exposure.has_value());
  CHECK(exposure->days_late == 34);
  CHECK(exposure->penalty_days == 13);
  CHECK(exposure->accrued_cents == 13 * 2300);
}

}  // namespace uitdaag
