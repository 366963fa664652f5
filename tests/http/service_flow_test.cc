// End to end over real HTTP on 127.0.0.1: a challenge from submission to evaluation, each step
// by the role the workflow gives it, with the letters downloaded as PDF and read back.
#include <Poco/JSON/Array.h>

#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

std::string Quoted(const std::string& etag) {  // "\"7\"" -> "7"
  return etag.size() >= 2 ? etag.substr(1, etag.size() - 2) : etag;
}

struct Flow {
  TestService& s;
  std::string id;
  std::string version;  // the case's ETag, unquoted
  Headers challenger;

  HttpResult Fire(const std::string& event, const Headers& who, const std::string& data = "{}") {
    Headers headers = who;
    headers["If-Match"] = "\"" + version + "\"";
    HttpResult r = s.Call("POST", "/api/cases/" + id + "/events/" + event,
                          "{\"data\":" + data + "}", headers);
    INFO(event << ": " << r.body);
    REQUIRE(r.status == 200);
    version = Quoted(r.Header("ETag"));
    return r;
  }

  // After the clock jumped: lets the worker fire what fell due, then takes the case's version.
  void Settle() {
    std::string last;
    int stable = 0;
    REQUIRE(s.WaitFor([&] {
      HttpResult c = s.Call("GET", "/api/cases/" + id, "", challenger);
      REQUIRE(c.status == 200);
      const std::string now = Quoted(c.Header("ETag"));
      stable = now == last ? stable + 1 : 0;
      last = now;
      return stable >= 3;
    }));
    version = last;
  }

  // Waits until the case has `count` letters named `name`, then returns the last one's PDF text.
  std::string Letter(const std::string& name, size_t count = 1) {
    Poco::JSON::Object::Ptr letter;
    const bool found = s.WaitFor([&] {
      HttpResult list = s.Call("GET", "/api/cases/" + id + "/letters", "", challenger);
      REQUIRE(list.status == 200);
      Poco::JSON::Parser parser;
      auto items = parser.parse(list.body).extract<Poco::JSON::Array::Ptr>();
      size_t seen = 0;
      for (size_t i = 0; i < items->size(); ++i) {
        if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("template") == name) {
          ++seen;
          letter = items->getObject(static_cast<unsigned>(i));
        }
      }
      return seen >= count;
    });
    INFO(name);
    REQUIRE(found);
    HttpResult pdf = s.Call("GET", letter->getValue<std::string>("pdf"), "", challenger);
    REQUIRE(pdf.status == 200);
    CHECK(pdf.Header("Content-Type") == "application/pdf");
    return PdfText(pdf.body, s.dir, name + ".pdf");
  }
};

TEST_CASE("http: a challenge from submission to evaluation, letters as PDF at every step",
          "[http][e2e]") {
  // The case spans fifteen months of the test clock; the staff stay logged in throughout (that
  // sessions expire is checked elsewhere).
  http::ServiceConfig config;
  config.session_ttl_seconds = 3 * 365 * 86400;
  TestService s(config);
  const Headers handler = s.Login("behandelaar");
  const Headers approver = s.Login("teamleider");

  // The form a challenger fills in.
  HttpResult form = s.Call("GET", "/api/workflows/uitdaagrecht/forms/indienen");
  REQUIRE(form.status == 200);
  CHECK(form.Json()->getArray("fields")->size() == 13);

  HttpResult submitted = s.Call("POST", "/api/cases", R"({
      "workflow": "uitdaagrecht",
      "applicant": {"name": "Stichting Groen Doet", "contact_person": "mevrouw A. Jansen",
                    "address": "Tulpstraat 14", "postcode": "1235 BT", "city": "Voorbeeldstad"},
      "data": {"naam_initiatief": "Groen in de Bloemenbuurt",
               "soort_indiener": "maatschappelijke_organisatie",
               "taak": "Onderhoud van het openbaar groen in de Bloemenbuurt.",
               "meerwaarde": "Bewoners onderhouden het groen zelf.",
               "kennis_en_ervaring": "Twee hoveniers in het bestuur.",
               "draagvlak": "148 buurtbewoners steunen het plan.",
               "begroting": 12500,
               "kwaliteit_en_continuiteit": "Vaste werkschema's en een reservelijst.",
               "gewenste_startdatum": "2026-05-01"}})",
                                {{"Idempotency-Key", "groen-doet-1"}});
  INFO(submitted.body);
  REQUIRE(submitted.status == 201);
  Flow f{s, submitted.Json()->getValue<std::string>("id"), Quoted(submitted.Header("ETag")),
         {{"Authorization", "Bearer " + submitted.Json()->getValue<std::string>("access_token")}}};
  CHECK(submitted.Header("Location") == "/api/cases/" + f.id);

  std::string text = f.Letter("ontvangstbevestiging");
  CHECK_THAT(text, Catch::Contains(f.id));
  CHECK_THAT(text, Catch::Contains("Beste mevrouw A. Jansen,"));
  CHECK_THAT(text, Catch::Contains("5 maart 2026"));  // eight weeks after 8 January
  CHECK_THAT(text, Catch::Contains("€ 12.500,00"));

  // The challenger sees their case, with the deadline explained, and what they may do.
  HttpResult seen = s.Call("GET", "/api/cases/" + f.id, "", f.challenger);
  REQUIRE(seen.status == 200);
  CHECK(seen.Json()->getValue<std::string>("state") == "ontvangen");
  CHECK_THAT(seen.body, Catch::Contains("De termijn van acht weken begint op de dag na 8 januari 2026"));

  s.clock.Set(At("2026-01-15T09:00"));
  f.Fire("aanvulling_vragen", handler,
         R"({"ontbrekende_gegevens": "De lijst met steunbetuigingen ontbreekt."})");
  text = f.Letter("verzoek_om_aanvulling");
  CHECK_THAT(text, Catch::Contains("12 februari 2026"));
  CHECK_THAT(text, Catch::Contains("De lijst met steunbetuigingen ontbreekt."));

  s.clock.Set(At("2026-01-29T14:00"));
  f.Fire("aanvullen", f.challenger, R"({"toelichting": "Hierbij de steunbetuigingen."})");
  s.clock.Set(At("2026-02-02T10:00"));
  f.Fire("ontvankelijk_verklaren", handler);
  s.clock.Set(At("2026-02-03T11:00"));
  f.Fire("gesprek_plannen", handler,
         R"({"gesprek_datum": "2026-02-12", "gesprek_tijd": "15.00 uur",
             "gesprek_locatie": "Stadskantoor, kamer 2.14"})");
  CHECK_THAT(f.Letter("uitnodiging_gesprek"), Catch::Contains("12 februari 2026"));
  s.clock.Set(At("2026-02-12T16:30"));
  f.Fire("gesprek_gevoerd", handler, R"({"gespreksverslag": "Goed gesprek."})");
  s.clock.Set(At("2026-02-16T10:00"));
  f.Fire("criteria_scoren", handler, R"({"scores": {
      "maatschappelijke_meerwaarde": {"score": 4, "reason": "Meer biodiversiteit."},
      "draagvlak": {"score": 5, "reason": "148 steunbetuigingen."},
      "haalbaarheid": {"score": 4, "reason": "Ervaren bestuur."},
      "kwaliteit_en_continuiteit": {"score": 3, "reason": "Reservelijst aanwezig."},
      "kosten": {"score": 4, "reason": "Lager dan de huidige kosten."},
      "niemand_benadeeld": {"score": 4, "reason": "De speelweide blijft vrij toegankelijk."}}})");
  s.clock.Set(At("2026-02-17T09:00"));
  f.Fire("advies_vastleggen", handler,
         R"({"advies_afdeling": "Openbare Ruimte", "advies": "Positief."})");
  s.clock.Set(At("2026-02-19T09:00"));
  f.Fire("voorleggen", handler, R"({"voorstel": "toewijzen", "toelichting": "Alles voldoende."})");
  s.clock.Set(At("2026-03-03T11:00"));
  // The decision's guards read its own input (event.uitkomst): it is offered to the approver.
  HttpResult before_decision = s.Call("GET", "/api/cases/" + f.id, "", approver);
  CHECK_THAT(before_decision.body, Catch::Contains(R"("id":"besluiten")"));
  f.Fire("besluiten", approver,
         R"({"uitkomst": "toegewezen", "motivering": "De uitdaging voldoet op alle punten.",
             "voorwaarden": "Jaarlijkse schouw."})");
  text = f.Letter("besluit_toewijzing");
  CHECK_THAT(text, Catch::Contains("Dan kunt u bezwaar maken"));
  CHECK_THAT(text, Catch::Contains("14 april 2026"));  // the objection period: six weeks
  CHECK_THAT(text, Catch::Contains("Meer biodiversiteit."));

  s.clock.Set(At("2026-04-16T10:00"));
  f.Fire("overeenkomst_sluiten", handler,
         R"({"startdatum": "2026-05-01", "looptijd_maanden": 12, "budget": 12500,
             "betaalschema": "Vier termijnen van € 3.125,00.", "resultaat": "Bloemrijk groen.",
             "kwaliteitseisen": "Niveau B.", "tussentijdse_beeindiging": "Drie maanden opzegging."})");
  text = f.Letter("samenwerkingsovereenkomst");
  CHECK_THAT(text, Catch::Contains("Samenwerkingsovereenkomst"));
  CHECK_THAT(text, Catch::Contains("€ 12.500,00"));

  s.clock.Set(At("2026-10-05T20:00"));
  f.Settle();  // the objection period has passed meanwhile
  f.Fire("voortgang_rapporteren", f.challenger,
         R"({"voortgang": "600 bloembollen geplant.", "bestede_middelen": 6080.25})");

  // A year on, the evaluation moment passes: the service's own worker fires it.
  s.clock.Set(At("2027-04-17T12:00"));
  REQUIRE(s.WaitFor([&] {
    HttpResult c = s.Call("GET", "/api/cases/" + f.id, "", handler);
    return c.status == 200 && c.Json()->getValue<std::string>("state") == "evaluatie";
  }));
  s.clock.Set(At("2027-04-22T14:00"));
  f.Settle();
  f.Fire("evaluatie_vastleggen", handler,
         R"({"oordeel": "verlengen", "evaluatieverslag": "Het groen is duidelijk verbeterd."})");
  CHECK_THAT(f.Letter("evaluatieverslag"), Catch::Contains("Het groen is duidelijk verbeterd."));
  CHECK_THAT(f.Letter("verlenging"), Catch::Contains(f.id));
}

}  // namespace
}  // namespace uitdaag::testing
