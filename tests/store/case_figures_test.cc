// Figures for the council (uitdaag/case_figures.h) on cases run through the real runner and
// store, with the expected numbers worked out by hand from the dates below.
#include "uitdaag/case_figures.h"

#include <catch2/catch.hpp>

#include "support/store_fixture.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::testing {
namespace {

struct Bed : StoreTestBed {
  void Fire(const std::string& id, const std::string& event, const std::string& role,
            ValueRecord payload = {}) {
    StatusOr<RunResult> r = runner.Apply(id, MakeEvent(event, role, clock.Now(), payload));
    INFO(id << " " << event << ": " << r.status().ToString());
    REQUIRE(r.ok());
  }
  void NietOntvankelijk(const std::string& id) {
    Fire(id, "niet_ontvankelijk_verklaren", "behandelaar",
         Payload({{"toelichting", Value::Text("Geen bewoner.")}}));
  }
  void Besluiten(const std::string& id, const std::string& uitkomst) {
    Fire(id, "besluiten", "teamleider",
         Payload({{"uitkomst", Value::Text(uitkomst)}, {"motivering", Value::Text("Zo is het.")}}));
  }
  // From submission to the approver's desk along the full assessment.
  void Assess(const std::string& id) {
    Fire(id, "ontvankelijk_verklaren", "behandelaar");
    Fire(id, "gesprek_gevoerd", "behandelaar",
         Payload({{"gespreksverslag", Value::Text("Goed gesprek.")}}));
    Fire(id, "criteria_scoren", "behandelaar", AllScores(Def(), 4));
    Fire(id, "voorleggen", "behandelaar",
         Payload({{"voorstel", Value::Text("toewijzen")}, {"toelichting", Value::Text("Goed.")}}));
  }
  void Sweep() {
    Sweeper sweeper(runner);
    REQUIRE(sweeper.SweepOnce().ok());
  }
  const WorkflowDefinition& Def() const { return *workflows->Latest("uitdaagrecht"); }
  CaseSnapshot Snapshot(const std::string& id) { return store->Load(id).value().snapshot; }
  std::vector<LogEntry> Log(const std::string& id) { return store->Entries(id).value(); }
};

// The cases of the year, all on the default workflow (decision period 8 weeks):
//   Y  submitted 31 December 2025 23:30 (Amsterdam): a 2025 case, although 22:30 UTC
//   P  submitted  1 January 2026 00:30 (Amsterdam; 31 December 23:30 UTC): 2026, still open
//   A  submitted  8 January, rejected 20 January: 12 days, in time (the period ends 5 March);
//      its objection period ends 3 March, so by 16 March it is closed (afgesloten)
//   C  submitted  8 January, assessed, granted 2 February: 25 days, in time
//   B  submitted  8 January, rejected 16 March after the period expired: 67 days, late
//   W  submitted  8 January, withdrawn 10 January: not a decision
struct Year : Bed {
  std::string y, p, a, b, c, w;
  Year() {
    clock.Set(At("2025-12-31T23:30"));
    y = SubmitOne();
    clock.Set(At("2026-01-01T00:30"));
    p = SubmitOne();
    clock.Set(At("2026-01-08T10:00"));
    a = SubmitOne();
    b = SubmitOne();
    c = SubmitOne();
    w = SubmitOne();
    NietOntvankelijk(a);
    NietOntvankelijk(b);
    Assess(c);
    clock.Set(At("2026-01-10T10:00"));
    Fire(w, "intrekken", "initiatiefnemer");
    clock.Set(At("2026-01-20T10:00"));
    Besluiten(a, "afgewezen");
    clock.Set(At("2026-02-02T10:00"));
    Besluiten(c, "toegewezen");
    clock.Set(At("2026-03-16T10:00"));
    Sweep();
    Besluiten(b, "afgewezen");
  }
};

TEST_CASE("figures: the decision is the step that stops the decision period by name",
          "[queries][figures]") {
  Year f;
  const WorkflowDefinition& def = f.Def();
  REQUIRE(DecisionDeadline(def) != nullptr);
  CHECK(DecisionDeadline(def)->id == "beslistermijn");

  std::optional<Decision> a = FindDecision(def, f.Snapshot(f.a), f.Log(f.a));
  REQUIRE(a);
  CHECK(a->on == D("2026-01-20"));
  CHECK(a->outcome == "afgewezen");  // the state it entered, not where it is now
  CHECK(f.Snapshot(f.a).state == "afgesloten");
  CHECK(a->legal_end == D("2026-03-05"));
  CHECK(a->in_time());
  CHECK(a->seq == 3);  // submission, not admissible, decision

  std::optional<Decision> b = FindDecision(def, f.Snapshot(f.b), f.Log(f.b));
  REQUIRE(b);
  CHECK(b->on == D("2026-03-16"));
  CHECK(b->legal_end == D("2026-03-05"));
  CHECK_FALSE(b->in_time());
  // The expiry was recorded before the decision: a late decision stops an expired period.
  CHECK(f.Log(f.b).size() >= 4);

  // Withdrawing stops the decision period too (a final state stops every deadline), but it is
  // no decision; neither is a case still waiting.
  CHECK(f.Snapshot(f.w).deadlines.at("beslistermijn").status == DeadlineStatus::kStopped);
  CHECK_FALSE(FindDecision(def, f.Snapshot(f.w), f.Log(f.w)));
  CHECK_FALSE(FindDecision(def, f.Snapshot(f.p), f.Log(f.p)));
}

TEST_CASE("figures: a year's figures, worked out by hand", "[queries][figures]") {
  Year f;
  StatusOr<YearFigures> year = LoadYearFigures(*f.store, *f.workflows, 2026, "");
  INFO(year.status().ToString());
  REQUIRE(year.ok());
  CHECK(year->year == 2026);
  CHECK(year->submitted == 5);           // P, A, B, C, W (Y is 2025's)
  REQUIRE(year->workflows.size() == 2);  // both shipped workflows, the grant track empty
  const WorkflowFigures& w = year->workflows[0];
  CHECK(w.workflow_id == "uitdaagrecht");
  CHECK(w.title == f.Def().title);
  CHECK(w.submitted == 5);
  // Current states in the workflow's order.
  REQUIRE(w.states.size() == 5);
  CHECK(w.states[0].state == "ontvangen");  // P
  CHECK(w.states[0].label == "Ontvankelijkheid en volledigheid");
  CHECK(w.states[1].state == "afgewezen");    // B
  CHECK(w.states[2].state == "toegewezen");   // C
  CHECK(w.states[3].state == "afgesloten");   // A, after its objection period
  CHECK(w.states[4].state == "ingetrokken");  // W
  for (const StateCount& s : w.states) CHECK(s.count == 1);
  // Decisions per outcome: A and B rejected, C granted.
  CHECK(w.decided == 3);
  CHECK(w.decided_in_time == 2);
  REQUIRE(w.outcomes.size() == 2);
  CHECK(w.outcomes[0].state == "afgewezen");
  CHECK(w.outcomes[0].label == "Afgewezen");
  CHECK(w.outcomes[0].count == 2);
  CHECK(w.outcomes[1].state == "toegewezen");
  CHECK(w.outcomes[1].count == 1);
  // Lead times 12, 25 and 67 days.
  CHECK(w.lead_time.count == 3);
  CHECK(w.lead_time.median == 25);
  CHECK(w.lead_time.mean == Approx(104.0 / 3));
  CHECK(w.lead_time.max == 67);
  const WorkflowFigures& grant = year->workflows[1];
  CHECK(grant.workflow_id == "uitdaagrecht-subsidie");
  CHECK(grant.submitted == 0);
  CHECK(grant.decided == 0);

  // 2025: one case, no decision.
  year = LoadYearFigures(*f.store, *f.workflows, 2025, "uitdaagrecht");
  REQUIRE(year.ok());
  CHECK(year->submitted == 1);
  REQUIRE(year->workflows.size() == 1);
  CHECK(year->workflows[0].states.at(0).state == "ontvangen");
  CHECK(year->workflows[0].decided == 0);
  CHECK(year->workflows[0].lead_time.count == 0);

  // The years that have cases, by Dutch local date.
  StatusOr<std::vector<YearCount>> years = f.store->CasesPerYear("");
  REQUIRE(years.ok());
  REQUIRE(years->size() == 2);
  CHECK((*years)[0].year == 2025);
  CHECK((*years)[0].cases == 1);
  CHECK((*years)[1].year == 2026);
  CHECK((*years)[1].cases == 5);
  years = f.store->CasesPerYear("uitdaagrecht-subsidie");
  REQUIRE(years.ok());
  CHECK(years->empty());

  CHECK(LoadYearFigures(*f.store, *f.workflows, 1979, "").status().subject() == "year");
  CHECK(LoadYearFigures(*f.store, *f.workflows, 2026, "elders").status().subject() == "workflow");
}

TEST_CASE("figures: the builder on its own: medians of an even count, unknown definitions",
          "[queries][figures]") {
  Year f;
  const WorkflowDefinition& def = f.Def();
  FiguresBuilder builder(2026, {&def});
  builder.Add(&def, f.Snapshot(f.a), f.Log(f.a));  // 12 days
  builder.Add(&def, f.Snapshot(f.b), f.Log(f.b));  // 67 days
  // A case whose definition is not loaded counts as submitted, in its state, undecided.
  builder.Add(nullptr, f.Snapshot(f.c), f.Log(f.c));
  const YearFigures figures = builder.Finish();
  REQUIRE(figures.workflows.size() == 1);
  const WorkflowFigures& w = figures.workflows[0];
  CHECK(w.submitted == 3);
  CHECK(w.decided == 2);
  CHECK(w.decided_in_time == 1);
  CHECK(w.lead_time.median == 39.5);
  CHECK(w.lead_time.mean == 39.5);
  CHECK(w.lead_time.max == 67);
}

}  // namespace
}  // namespace uitdaag::testing
