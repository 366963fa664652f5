// Scenarios: the grant-decision variant (workflows/uitdaagrecht-subsidie.yaml) end to end on real
// dates. It differs from the default only in YAML: ten-week decision period, a feasibility plan,
// a subsidiebeschikking, a yearly report before 1 May, and at most two renewals.
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

std::shared_ptr<const WorkflowDefinition> Variant() {
  static const auto def = testing::LoadOrFail(std::string(UITDAAG_SOURCE_DIR) +
                                              "/workflows/uitdaagrecht-subsidie.yaml");
  return def;
}

ValueRecord Request(const std::string& legal_form) {
  return Payload({{"naam_initiatief", Value::Text("Dorpshuis De Kern")},
                  {"soort_indiener", Value::Text("maatschappelijke_organisatie")},
                  {"rechtsvorm", Value::Text(legal_form)},
                  {"taak", Value::Text("Beheer van het dorpshuis")},
                  {"meerwaarde", Value::Text("Langere openingstijden door vrijwilligers")},
                  {"kennis_en_ervaring", Value::Text("Tien jaar beheercommissie")},
                  {"draagvlak", Value::Text("Dorpsraad en 120 leden")},
                  {"begroting", Value::Text("18000")},
                  {"kwaliteit_en_continuiteit", Value::Text("Vast bestuur en roosters")}});
}

ValueRecord Grant(const std::string& amount) {
  return Payload({{"uitkomst", Value::Text("toegewezen")},
                  {"motivering", Value::Text("Het plan voldoet aan alle criteria")},
                  {"subsidiebedrag", Value::Text(amount)},
                  {"subsidie_startdatum", Value::Text("2026-06-01")},
                  {"subsidie_einddatum", Value::Text("2027-05-31")},
                  {"betaalschema", Value::Text("Vier voorschotten per kwartaal")}});
}

ValueRecord Report() {
  return Payload({{"verslag", Value::Text("Het dorpshuis was 300 dagen open")},
                  {"bestede_middelen", Value::Text("11800")}});
}

ValueRecord Verdict(const std::string& verdict, const std::string& new_end = "") {
  ValueRecord p{{"oordeel", Value::Text(verdict)},
                {"evaluatieverslag", Value::Text("Beoordeling van het jaarverslag")}};
  if (!new_end.empty()) {
    p["subsidie_einddatum"] = Value::Text(new_end);
    p["subsidiebedrag"] = Value::Text("12000");
  }
  return p;
}

// Submitted Monday 5 January 2026 (ten weeks: Monday 16 March), admissible on 7 January.
CaseDriver InPlanPhase() {
  CaseDriver c(Variant(), At("2026-01-05T09:00"));
  REQUIRE(c.Fire("indienen", "initiatiefnemer", At("2026-01-05T10:00"), Request("stichting")).ok());
  CHECK(c.LegalEnd("beslistermijn", D("2026-01-05")) == D("2026-03-16"));
  REQUIRE(c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07"),
                 Payload({{"plan_aandachtspunten", Value::Text("Begroting en vrijwilligers")}}))
              .ok());
  CHECK(c.snapshot().state == "haalbaarheidsplan");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"verzoek_haalbaarheidsplan"});
  CHECK(c.LegalEnd("plantermijn", D("2026-01-07")) == D("2026-02-04"));
  return c;
}

}  // namespace

TEST_CASE("variant: an informal group is not admissible where a legal entity is required",
          "[scenario][variant]") {
  CaseDriver c(Variant(), At("2026-01-05"));
  REQUIRE(c.Fire("indienen", "initiatiefnemer", At("2026-01-05"), Request("informele_groep")).ok());
  const Status s = c.Fire("ontvankelijk_verklaren", "behandelaar", At("2026-01-07"),
                          Payload({{"plan_aandachtspunten", Value::Text("x")}}));
  CHECK(s.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(s.message(), Catch::Contains("params.rechtspersoon_vereist"));
}

TEST_CASE("variant: plan period expires, assessment goes on without the plan",
          "[scenario][variant]") {
  CaseDriver c = InPlanPhase();
  c.RunTimersUntil(At("2026-02-06"));  // warning on 28 January, expiry on 5 February
  CHECK(c.snapshot().state == "plantermijn_verlopen");
  CHECK(c.snapshot().deadlines.at("plantermijn").warning_fired);
  REQUIRE(c.Fire("beoordelen_zonder_plan", "behandelaar", At("2026-02-09"),
                 Payload({{"toelichting", Value::Text("Geen plan ontvangen")}}))
              .ok());
  CHECK(c.snapshot().state == "beoordeling");
}

TEST_CASE("variant: grant decision, yearly reports before 1 May, renewals capped at two",
          "[scenario][variant]") {
  CaseDriver c = InPlanPhase();
  REQUIRE(c.Fire("plan_indienen", "initiatiefnemer", At("2026-01-28"),
                 Payload({{"plan_samenvatting", Value::Text("Plan")},
                          {"planning", Value::Text("Start 1 juni")},
                          {"organisatie", Value::Text("Bestuur van vijf")},
                          {"begroting", Value::Text("15000")},
                          {"risicos", Value::Text("Vrijwilligerstekort")}}))
              .ok());
  REQUIRE(c.Fire("criteria_scoren", "behandelaar", At("2026-02-02"), testing::AllScores(*Variant(), 3)).ok());
  REQUIRE(c.Fire("voorleggen", "behandelaar", At("2026-02-03"),
                 Payload({{"voorstel", Value::Text("toewijzen")},
                          {"toelichting", Value::Text("Positief")}}))
              .ok());
  // More than the plan's budget (15,000) or the municipality's cap (25,000) cannot be granted.
  CHECK(c.Fire("besluiten", "teamleider", At("2026-02-12"), Grant("16000")).code() ==
        StatusCode::kFailedPrecondition);
  REQUIRE(c.Fire("besluiten", "teamleider", At("2026-02-12"), Grant("12000")).ok());
  CHECK(c.snapshot().state == "verleend");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"subsidiebeschikking"});
  CHECK(c.LegalEnd("bezwaartermijn", D("2026-02-12")) == D("2026-03-26"));

  // Execution cannot start before the grant period does.
  CHECK(c.Fire("uitvoering_starten", "initiatiefnemer", At("2026-05-20")).code() ==
        StatusCode::kFailedPrecondition);
  REQUIRE(c.Fire("uitvoering_starten", "initiatiefnemer", At("2026-06-01")).ok());
  CHECK(c.snapshot().state == "uitvoering");
  CHECK(c.LegalEnd("jaarverslagtermijn", D("2026-06-01")) == D("2027-04-30"));

  // Year 1: report in time, renewed once.
  REQUIRE(c.Fire("jaarverslag_indienen", "initiatiefnemer", At("2027-04-10"), Report()).ok());
  CHECK(c.snapshot().state == "evaluatie");
  REQUIRE(c.Fire("evaluatie_vastleggen", "behandelaar", At("2027-04-20"),
                 Verdict("verlengen", "2028-05-31"))
              .ok());
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"verlenging_subsidie"});
  CHECK(c.snapshot().data.at("verlengingen") == Value::Number(1));
  // On 1 May the yearly deadline restarts; the report came in, so no reminder.
  c.RunTimersUntil(At("2027-05-02"));
  CHECK(Letters(c.last_effects()).empty());
  CHECK(c.LegalEnd("jaarverslagtermijn", D("2027-05-02")) == D("2028-04-30"));

  // Year 2: no report by 30 April 2028: a reminder on 1 May, the report follows late.
  c.RunTimersUntil(At("2028-05-02"));
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"herinnering_jaarverslag"});
  CHECK(c.snapshot().data.at("jaarverslag_achterstallig") == Value::Bool(true));
  REQUIRE(c.Fire("jaarverslag_indienen", "initiatiefnemer", At("2028-05-10"), Report()).ok());
  CHECK(c.snapshot().data.at("jaarverslag_achterstallig") == Value::Bool(false));
  REQUIRE(c.Fire("evaluatie_vastleggen", "behandelaar", At("2028-05-20"),
                 Verdict("verlengen", "2029-05-31"))
              .ok());
  CHECK(c.snapshot().data.at("verlengingen") == Value::Number(2));

  // Year 3: a third renewal is refused by the cap; the grant ends.
  REQUIRE(c.Fire("jaarverslag_indienen", "initiatiefnemer", At("2029-04-15"), Report()).ok());
  const Status third = c.Fire("evaluatie_vastleggen", "behandelaar", At("2029-04-20"),
                              Verdict("verlengen", "2030-05-31"));
  CHECK(third.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(third.message(), Catch::Contains("params.max_verlengingen"));
  REQUIRE(c.Fire("evaluatie_vastleggen", "behandelaar", At("2029-04-20"), Verdict("afronden"))
              .ok());
  CHECK(c.snapshot().state == "afgesloten");
  CHECK(Letters(c.last_effects()) == std::vector<std::string>{"einde_subsidie"});
  for (const auto& [id, track] : c.snapshot().deadlines) CHECK_FALSE(track.active());
}

}  // namespace uitdaag
