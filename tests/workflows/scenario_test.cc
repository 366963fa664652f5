// Scenarios: the shipped default workflow (workflows/uitdaagrecht.yaml) end to end on real dates,
// with a fake clock (each event carries its own time; timers fire at their due moments).
// Dates in the comments were worked out by hand from the rules in uitdaag/deadline.h.
#include <catch2/catch.hpp>

#include "support/case_driver.h"
#include "uitdaag/engine.h"

namespace uitdaag {
namespace {

using testing::At;
using testing::CaseDriver;
using testing::D;
using testing::Letters;
using testing::Payload;

std::shared_ptr<const WorkflowDefinition> Default() {
  static const auto def =
      testing::LoadOrFail(std::string(UITDAAG_SOURCE_DIR) + "/workflows/uitdaagrecht.yaml");
  return def;
}

ValueRecord Request(const std::string& who = "bewonersgroep") {
  return Payload({{"naam_initiatief", Value::Text("Groen Doet Goed")},
                  {"soort_indiener", Value::Text(who)},
                  {"taak", Value::Text("Onderhoud van het groen in de Bloemenbuurt")},
                  {"meerwaarde", Value::Text("Buurtbewoners onderhouden zelf, vaker en met zorg")},
                  {"kennis_en_ervaring", Value::Text("Twee hoveniers in de groep")},
                  {"draagvlak", Value::Text("84 handtekeningen")},
                  {"aantal_steunbetuigingen", Value::Text("84")},
                  {"begroting", Value::Text("12500.00")},
                  {"kwaliteit_en_continuiteit", Value::Text("Werkrooster met vervanging")}});
}

// Submitted Monday 5 January 2026: eight weeks end on Monday 2 March 2026.
CaseDriver Submitted(const std::string& who = "bewonersgroep") {
  CaseDriver c(Default(), At("2026-01-05T09:00"));
  REQUIRE(c.Fire("indienen", "initiatiefnemer", At("2026-01-05T10:00"), Request(who)).ok());
  CHECK(c.snapshot().state == "ontvangen");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"ontvangstbevestiging"});
  CHECK(c.LegalEnd("beslistermijn", D("2026-01-05")) == D("2026-03-02"));
  return c;
}

// Admissible, met, assessed with `score` for every criterion, proposed for decision.
CaseDriver ReadyForDecision(int score) {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07")).ok());
  REQUIRE(c.Fire("gesprek_plannen", "behandelaar", At("2026-01-08"),
                 Payload({{"gesprek_datum", Value::Text("2026-01-20")},
                          {"gesprek_tijd", Value::Text("19:30")},
                          {"gesprek_locatie", Value::Text("Buurthuis De Linde")}}))
              .ok());
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"uitnodiging_gesprek"});
  REQUIRE(c.Fire("gesprek_gevoerd", "behandelaar", At("2026-01-20T21:00"),
                 Payload({{"gespreksverslag", Value::Text("Goed gesprek")}}))
              .ok());
  CHECK(c.Fire("voorleggen", "behandelaar", At("2026-01-21"),
               Payload({{"voorstel", Value::Text("toewijzen")},
                        {"toelichting", Value::Text("x")}}))
            .code() == StatusCode::kFailedPrecondition);  // not yet assessed
  REQUIRE(c.Fire("criteria_scoren", "behandelaar", At("2026-01-27"), testing::AllScores(*Default(), score)).ok());
  REQUIRE(c.Fire("advies_vastleggen", "behandelaar", At("2026-01-28"),
                 Payload({{"advies_afdeling", Value::Text("Openbare ruimte")},
                          {"advies", Value::Text("Positief")}}))
              .ok());
  REQUIRE(c.Fire("voorleggen", "behandelaar", At("2026-02-02"),
                 Payload({{"voorstel", Value::Text(score >= 3 ? "toewijzen" : "afwijzen")},
                          {"toelichting", Value::Text("Zie beoordeling")}}))
              .ok());
  CHECK(c.snapshot().state == "besluitvorming");
  CHECK(c.snapshot().assigned_role == "teamleider");
  return c;
}

ValueRecord Decision(const std::string& outcome) {
  return Payload({{"uitkomst", Value::Text(outcome)},
                  {"motivering", Value::Text("Op grond van de beoordeling van de criteria")}});
}

ValueRecord Agreement() {
  return Payload({{"startdatum", Value::Text("2026-04-01")},
                  {"looptijd_maanden", Value::Text("24")},
                  {"budget", Value::Text("11000")},
                  {"betaalschema", Value::Text("Per kwartaal vooraf")},
                  {"resultaat", Value::Text("Schoon en groen plantsoen")},
                  {"kwaliteitseisen", Value::Text("Beeldkwaliteit B")},
                  {"tussentijdse_beeindiging", Value::Text("Met drie maanden opzegtermijn")}});
}

ValueRecord Evaluation(const std::string& verdict) {
  return Payload({{"oordeel", Value::Text(verdict)},
                  {"evaluatieverslag", Value::Text("Verslag van de evaluatie")}});
}

}  // namespace

TEST_CASE("repair period expires: suspension, then not processed", "[scenario][awb-4:5][awb-4:15]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("aanvulling_vragen", "behandelaar", At("2026-01-08T14:00"),
                 Payload({{"ontbrekende_gegevens", Value::Text("Begroting per post")}}))
              .ok());
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"verzoek_om_aanvulling"});
  CHECK(c.snapshot().state == "wacht_op_aanvulling");
  CHECK(c.LegalEnd("hersteltermijn", D("2026-01-08")) == D("2026-02-05"));

  // The repair period's expiry fires at the start of Friday 6 February.
  c.RunTimersUntil(At("2026-02-10"));
  CHECK(c.snapshot().state == "hersteltermijn_verlopen");
  // Suspended 9 January up to 6 February: 28 days. 2 March + 28 days = Monday 30 March.
  CHECK(c.LegalEnd("beslistermijn", D("2026-02-10")) == D("2026-03-30"));
  // Awb 4:5 lid 4: the decision not to process follows within four weeks: Friday 6 March.
  CHECK(c.LegalEnd("mededelingstermijn", D("2026-02-10")) == D("2026-03-06"));

  REQUIRE(c.Fire("buiten_behandeling_stellen", "behandelaar", At("2026-02-12"),
                 Payload({{"toelichting", Value::Text("Geen aanvulling ontvangen")}}))
              .ok());
  CHECK(c.snapshot().state == "buiten_behandeling");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"buiten_behandeling"});
  for (const auto& [id, track] : c.snapshot().deadlines) CHECK_FALSE(track.active());
}

TEST_CASE("completion in time resumes the decision period", "[scenario][awb-4:15]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("aanvulling_vragen", "behandelaar", At("2026-01-08"),
                 Payload({{"ontbrekende_gegevens", Value::Text("Draagvlak")}}))
              .ok());
  REQUIRE(c.Fire("aanvullen", "initiatiefnemer", At("2026-01-19T20:00"),
                 Payload({{"toelichting", Value::Text("Handtekeningen bijgevoegd")},
                          {"bijlagen", Value::List({Value::Text("handtekeningen.pdf")})}}))
              .ok());
  CHECK(c.snapshot().state == "ontvangen");
  // Suspended 9 up to 19 January: 10 days. 2 March + 10 = Thursday 12 March 2026.
  CHECK(c.LegalEnd("beslistermijn", D("2026-01-19")) == D("2026-03-12"));
  CHECK(c.snapshot().deadlines.at("hersteltermijn").status == DeadlineStatus::kStopped);
}

TEST_CASE("withdrawal ends the case and every deadline", "[scenario]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07")).ok());
  REQUIRE(c.Fire("intrekken", "initiatiefnemer", At("2026-01-09"),
                 Payload({{"reden_intrekking", Value::Text("Te weinig vrijwilligers")}}))
              .ok());
  CHECK(c.snapshot().state == "ingetrokken");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"bevestiging_intrekking"});
  CHECK(c.snapshot().deadlines.at("beslistermijn").status == DeadlineStatus::kStopped);
  CHECK(c.Fire("intrekken", "initiatiefnemer", At("2026-01-10")).code() ==
        StatusCode::kFailedPrecondition);
}

TEST_CASE("an ineligible challenger is not declared admissible", "[scenario]") {
  CaseDriver c = Submitted("ondernemer");
  const Status s = c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07"));
  CHECK(s.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(s.message(), Catch::Contains("params.wie_mag_uitdagen"));
  REQUIRE(c.Fire("niet_ontvankelijk_verklaren", "behandelaar", At("2026-01-07"),
                 Payload({{"toelichting", Value::Text("Ondernemers mogen niet uitdagen")}}))
              .ok());
  REQUIRE(c.Fire("besluiten", "teamleider", At("2026-01-12"), Decision("afgewezen")).ok());
  CHECK(c.snapshot().state == "afgewezen");
}

TEST_CASE("refusal: decision letter, objection period, closed", "[scenario][awb-6:8]") {
  CaseDriver c = ReadyForDecision(2);
  // Failing criteria cannot be granted, whatever the approver picks.
  const Status grant = c.Fire("besluiten", "teamleider", At("2026-02-05"), Decision("toegewezen"));
  CHECK(grant.code() == StatusCode::kFailedPrecondition);
  CHECK(c.Fire("besluiten", "behandelaar", At("2026-02-05"), Decision("afgewezen")).code() ==
        StatusCode::kPermissionDenied);

  REQUIRE(c.Fire("besluiten", "teamleider", At("2026-02-05T16:00"), Decision("afgewezen")).ok());
  CHECK(c.snapshot().state == "afgewezen");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"besluit_afwijzing"});
  CHECK(c.snapshot().deadlines.at("beslistermijn").status == DeadlineStatus::kStopped);
  // Six weeks from the day after Thursday 5 February: Thursday 19 March 2026.
  CHECK(c.LegalEnd("bezwaartermijn", D("2026-02-05")) == D("2026-03-19"));

  c.RunTimersUntil(At("2026-03-19T23:59"));
  CHECK(c.snapshot().state == "afgewezen");
  c.RunTimersUntil(At("2026-03-20T00:00"));
  CHECK(c.snapshot().state == "afgesloten");
}

TEST_CASE("objection found well-founded sends the case back to assessment", "[scenario]") {
  CaseDriver c = ReadyForDecision(2);
  REQUIRE(c.Fire("besluiten", "teamleider", At("2026-02-05"), Decision("afgewezen")).ok());
  REQUIRE(c.Fire("bezwaar_registreren", "behandelaar", At("2026-03-10"),
                 Payload({{"bezwaar_ontvangen_op", Value::Text("2026-03-09")}}))
              .ok());
  CHECK(c.snapshot().state == "in_bezwaar");
  REQUIRE(c.Fire("bezwaar_afgehandeld", "behandelaar", At("2026-05-01"),
                 Payload({{"bezwaar_uitkomst", Value::Text("gegrond")}}))
              .ok());
  CHECK(c.snapshot().state == "beoordeling");
}

TEST_CASE("grant through agreement, execution, evaluation and renewal to the end",
          "[scenario]") {
  CaseDriver c = ReadyForDecision(4);
  REQUIRE(c.Fire("besluiten", "teamleider", At("2026-02-05"), Decision("toegewezen")).ok());
  CHECK(c.snapshot().state == "toegewezen");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"besluit_toewijzing"});
  // The agreement's target is three months after the decision, no Atw: Tuesday 5 May 2026.
  CHECK(c.LegalEnd("overeenkomsttermijn", D("2026-02-05")) == D("2026-05-05"));

  REQUIRE(c.Fire("overeenkomst_sluiten", "behandelaar", At("2026-03-02"), Agreement()).ok());
  CHECK(c.snapshot().state == "uitvoering");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"samenwerkingsovereenkomst"});
  CHECK(c.snapshot().data.at("budget") == Value::OfMoney(Money{1100000}));
  CHECK(c.LegalEnd("evaluatietermijn", D("2026-03-02")) == D("2027-03-02"));
  CHECK(c.LegalEnd("voortgangstermijn", D("2026-03-02")) == D("2026-09-02"));

  REQUIRE(c.Fire("voortgang_rapporteren", "initiatiefnemer", At("2026-08-20"),
                 Payload({{"voortgang", Value::Text("Alles volgens plan")}}))
              .ok());
  CHECK(c.snapshot().deadlines.at("voortgangstermijn").round == 2);
  CHECK(c.LegalEnd("voortgangstermijn", D("2026-08-20")) == D("2027-02-20"));

  // No report after that: on 21 February 2027 the reminder goes out and the period restarts;
  // on 3 March 2027 the evaluation moment is reached.
  c.RunTimersUntil(At("2027-03-05"));
  CHECK(c.snapshot().state == "evaluatie");
  CHECK(c.snapshot().deadlines.at("voortgangstermijn").round == 3);
  CHECK(c.snapshot().deadlines.at("voortgangstermijn").status == DeadlineStatus::kStopped);
  CHECK(c.snapshot().deadlines.at("bezwaartermijn").status == DeadlineStatus::kExpired);

  REQUIRE(c.Fire("evaluatie_vastleggen", "behandelaar", At("2027-03-10"),
                 Evaluation("verlengen"))
              .ok());
  CHECK(c.snapshot().state == "uitvoering");
  CHECK(c.snapshot().data.at("verlengingen") == Value::Number(1));
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"evaluatieverslag", "verlenging"});
  CHECK(c.LegalEnd("evaluatietermijn", D("2027-03-10")) == D("2028-03-10"));

  c.RunTimersUntil(At("2028-03-12"));
  CHECK(c.snapshot().state == "evaluatie");
  REQUIRE(c.Fire("evaluatie_vastleggen", "behandelaar", At("2028-03-13"),
                 Evaluation("beeindigen"))
              .ok());
  CHECK(c.snapshot().state == "afgesloten");
  for (const auto& [id, track] : c.snapshot().deadlines) CHECK_FALSE(track.active());
}

TEST_CASE("renewals are capped by the municipality's parameter", "[scenario]") {
  CaseDriver c = ReadyForDecision(4);
  REQUIRE(c.Fire("besluiten", "teamleider", At("2026-02-05"), Decision("deels_toegewezen")).ok());
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"besluit_deels_toewijzing"});
  REQUIRE(c.Fire("overeenkomst_sluiten", "behandelaar", At("2026-03-02"), Agreement()).ok());
  const double cap = c.def().FindParameter("max_verlengingen")->value.as_number();
  Instant now = At("2026-03-02");
  for (int renewal = 1; renewal <= static_cast<int>(cap); ++renewal) {
    now = now.AddSeconds(int64_t{400} * 86400);
    c.RunTimersUntil(now);
    REQUIRE(c.snapshot().state == "evaluatie");
    REQUIRE(c.Fire("evaluatie_vastleggen", "behandelaar", now, Evaluation("verlengen")).ok());
  }
  now = now.AddSeconds(int64_t{400} * 86400);
  c.RunTimersUntil(now);
  const Status refused = c.Fire("evaluatie_vastleggen", "behandelaar", now, Evaluation("verlengen"));
  CHECK(refused.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(refused.message(), Catch::Contains("params.max_verlengingen"));
}

TEST_CASE("late decision: exposure after a notice of default", "[scenario][awb-4:17]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07")).ok());
  // A warning five working days before Monday 2 March (Monday 23 February), then the expiry.
  c.RunTimersUntil(At("2026-03-04"));
  CHECK(c.snapshot().deadlines.at("beslistermijn").warning_fired);
  CHECK(c.snapshot().deadlines.at("beslistermijn").status == DeadlineStatus::kExpired);
  CHECK(c.Fire("verdagen", "behandelaar", At("2026-03-04"),
               Payload({{"reden_verdaging", Value::Text("Te laat")}}))
            .code() == StatusCode::kFailedPrecondition);  // 4:14 needs a running period

  REQUIRE(c.Fire("ingebrekestelling", "initiatiefnemer", At("2026-03-05"),
                 Payload({{"toelichting", Value::Text("Graag een besluit")}}))
              .ok());
  // Penalty days from the day after two weeks: Friday 20 March. On 1 April: 13 days at 23 euro.
  auto exposure = ComputeCaseExposure(c.def(), c.snapshot(), "beslistermijn", D("2026-04-01"));
  REQUIRE(exposure.has_value());
  CHECK(exposure->days_late == 30);
  CHECK(exposure->accrues_from == D("2026-03-20"));
  CHECK(exposure->penalty_days == 13);
  CHECK(exposure->accrued_cents == 13 * 2300);
}

TEST_CASE("extension during assessment moves the decision deadline", "[scenario][awb-4:14]") {
  CaseDriver c = Submitted();
  REQUIRE(c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07")).ok());
  REQUIRE(c.Fire("verdagen", "behandelaar", At("2026-02-20"),
                 Payload({{"reden_verdaging", Value::Text("Advies van de raad nodig")}}))
              .ok());
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"verdagingsbericht"});
  CHECK(c.snapshot().state == "gesprek");
  // 2 March + 6 weeks = Monday 13 April 2026 (Easter Monday is 6 April).
  CHECK(c.LegalEnd("beslistermijn", D("2026-02-20")) == D("2026-04-13"));
}

}  // namespace uitdaag
