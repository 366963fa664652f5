// The resident's pages over real HTTP on 127.0.0.1: the start pages, the form with its error
// summary, CSRF, limits, the private link and the case page, each refusal with the database
// unchanged.
#include <catch2/catch.hpp>
#include <set>

#include "pages/page_client.h"
#include "support/store_fixture.h"

namespace uitdaag::testing {
namespace {

const char* const kForm = "/uitdagen/uitdaagrecht/formulier";

using Fields = std::vector<std::pair<std::string, std::string>>;

// The steps of the default workflow's form, filled in correctly.
const std::vector<Fields> kSteps = {
    {{"naam_initiatief", "Groen in de Bloemenbuurt"},
     {"soort_indiener", "bewonersgroep"},
     {"taak", "Onderhoud van het groen in de Bloemenbuurt."},
     {"gewenste_startdatum", "2026-05-01"}},
    {{"meerwaarde", "Wij maaien vaker en zaaien bloemen."},
     {"kennis_en_ervaring", "Twee hoveniers in het bestuur."},
     {"kwaliteit_en_continuiteit", "Een rooster en een reservelijst."}},
    {{"draagvlak", "148 buurtbewoners steunen het plan."},
     {"aantal_steunbetuigingen", "148"},
     {"begroting", "12.500,50"}},
    {{"aanvrager_name", "Stichting Groen Doet"},
     {"aanvrager_address", "Tulpstraat 14"},
     {"aanvrager_postcode", "1235 BT"},
     {"aanvrager_city", "Voorbeeldstad"}},
};
constexpr int kReviewStep = 5;

// Posts step `step` (1-based) with `fields`, the page's CSRF token and the button `action`.
Page PostStep(PageClient& browser, int step, Fields fields, const std::string& action,
              const std::string& csrf) {
  fields.insert(fields.begin(), {{"csrf", csrf}, {"stap", std::to_string(step)}, {"actie", action}});
  return browser.Post(kForm, fields);
}

// Fills in every step; returns the CSRF token the pages gave.
std::string FillAll(PageClient& browser) {
  Page first = browser.Get(kForm);
  REQUIRE(first.status == 200);
  const std::string csrf = HiddenValue(first.body, "csrf");
  for (int step = 1; step <= static_cast<int>(kSteps.size()); ++step) {
    Page next = PostStep(browser, step, kSteps[static_cast<size_t>(step) - 1], "volgende", csrf);
    INFO(next.body);
    REQUIRE(next.status == 303);
  }
  return csrf;
}

Fields With(Fields fields, const std::string& name, const std::string& value) {
  for (auto& [n, v] : fields) {
    if (n == name) v = value;
  }
  return fields;
}

int CountRows(TestService& s, const char* table) {
  return std::stoi(QueryRaw(s.dir.File("cases.db"), std::string("SELECT count(*) FROM ") + table)[0][0]);
}

// Fills in every step and sends the form: the page's CSRF token and the new case's number (the
// browser then holds the case cookie).
struct SentCase {
  std::string csrf;
  std::string id;
};
SentCase SendForm(PageClient& browser) {
  const std::string csrf = FillAll(browser);
  Page sent = PostStep(browser, kReviewStep, {}, "versturen", csrf);
  REQUIRE(sent.status == 303);
  return {csrf, sent.location.substr(6, 11)};
}

TEST_CASE("the start pages list the challenges and link to the form", "[pages]") {
  TestService s;
  PageClient browser(s);
  Page start = browser.Get("/");
  INFO(start.body);
  REQUIRE(start.status == 200);
  CHECK(start.content_type == "text/html; charset=utf-8");
  CHECK_THAT(start.csp, Catch::Contains("default-src 'none'"));
  CHECK_THAT(start.csp, !Catch::Contains("unsafe-inline"));
  CHECK(start.referrer_policy == "no-referrer");
  CHECK_THAT(start.body, Catch::Contains("<html lang=\"nl\""));
  CHECK_THAT(start.body, Catch::Contains("href=\"/uitdagen/uitdaagrecht\""));
  CHECK_THAT(start.body, Catch::Contains("Gemeente Voorbeeldstad"));

  Page about = browser.Get("/uitdagen/uitdaagrecht");
  REQUIRE(about.status == 200);
  // The decision period from the workflow, in words.
  CHECK_THAT(about.body, Catch::Contains("binnen acht weken"));
  CHECK_THAT(about.body, Catch::Contains("action=\"/uitdagen/uitdaagrecht/formulier\""));
  CHECK(browser.Get("/uitdagen/bestaat-niet").status == 404);

  // The style sheets: content-addressed, cached for a year; an old address is gone.
  std::smatch css;
  REQUIRE(std::regex_search(start.body, css, std::regex("href=\"(/static/[0-9a-f]{16}/componenten.css)\"")));
  Page sheet = browser.Get(css[1].str());
  CHECK(sheet.status == 200);
  CHECK_THAT(sheet.content_type, Catch::StartsWith("text/css"));
  CHECK(sheet.cache_control == "public, max-age=31536000, immutable");
  CHECK_THAT(sheet.body, Catch::Contains(".utrecht-button"));
  CHECK(browser.Get("/static/0000000000000000/componenten.css").status == 404);
  CHECK(browser.Get("/static/" + css[1].str().substr(8, 16) + "/geheim.txt").status == 404);
}

TEST_CASE("a form without its CSRF token, or with another browser's, changes nothing", "[pages][csrf]") {
  TestService s;
  PageClient browser(s);
  Page form = browser.Get(kForm);
  REQUIRE(form.status == 200);
  REQUIRE(browser.cookies().count("uitdaag_csrf") == 1);
  const std::string csrf = HiddenValue(form.body, "csrf");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));

  Page missing = PostStep(browser, 1, kSteps[0], "volgende", "");
  CHECK(missing.status == 403);
  CHECK_THAT(missing.body, Catch::Contains("Uw formulier is verlopen"));
  CHECK(PostStep(browser, 1, kSteps[0], "opslaan", std::string(43, 'A')).status == 403);
  // Another browser's token with this browser's cookie: refused.
  PageClient other(s);
  Page other_form = other.Get(kForm);
  CHECK(PostStep(browser, 1, kSteps[0], "volgende", HiddenValue(other_form.body, "csrf")).status == 403);
  // The right token without the cookie it belongs to: refused.
  PageClient cookieless(s);
  CHECK(PostStep(cookieless, 1, kSteps[0], "volgende", csrf).status == 403);
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
  CHECK(CountRows(s, "drafts") == 0);
}

TEST_CASE("mistakes are named in an error summary and at the field, with every value kept", "[pages][form]") {
  TestService s;
  PageClient browser(s);
  Page form = browser.Get(kForm);
  CHECK_THAT(form.body, Catch::Contains("Stap 1 van 5: Uw initiatief"));
  const std::string csrf = HiddenValue(form.body, "csrf");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  Fields step1 = With(kSteps[0], "taak", "");
  step1 = With(step1, "naam_initiatief", "<script>alert(1)</script> ' OR 1=1 --");
  step1 = With(step1, "gewenste_startdatum", "2026-02-30");
  Page shown = PostStep(browser, 1, step1, "volgende", csrf);
  INFO(shown.body);
  CHECK(shown.status == 422);
  CHECK_THAT(shown.body, Catch::Contains("<title>Fout: Stap 1 van 5"));
  CHECK_THAT(shown.body, Catch::Contains("role=\"alert\""));
  CHECK_THAT(shown.body, Catch::Contains("href=\"#veld-taak\""));
  CHECK_THAT(shown.body, Catch::Contains("href=\"#veld-gewenste_startdatum\""));
  CHECK_THAT(shown.body, Catch::Contains("Vul dit veld in."));
  CHECK_THAT(shown.body, Catch::Contains("Vul een bestaande datum in"));
  CHECK_THAT(shown.body, Catch::Contains("aria-invalid=\"true\""));
  CHECK_THAT(shown.body, Catch::Contains("aria-describedby=\"veld-taak-hulp veld-taak-fout\""));
  // What was typed is shown again, escaped.
  CHECK_THAT(shown.body, Catch::Contains("value=\"2026-02-30\""));
  CHECK_THAT(shown.body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; &#39;"));
  CHECK_THAT(shown.body, !Catch::Contains("<script>"));
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);

  // An amount in words on step 3, the contact details without a name on step 4.
  FillAll(browser);
  Page amount = PostStep(browser, 3, With(kSteps[2], "begroting", "twaalf euro"), "volgende", csrf);
  CHECK(amount.status == 422);
  CHECK_THAT(amount.body, Catch::Contains("Vul een bedrag in euro"));
  CHECK_THAT(amount.body, Catch::Contains("value=\"twaalf euro\""));
  Page nameless = PostStep(browser, 4, With(kSteps[3], "aanvrager_name", ""), "volgende", csrf);
  CHECK(nameless.status == 422);
  CHECK_THAT(nameless.body, Catch::Contains("href=\"#aanvrager-name\""));
  CHECK_THAT(nameless.body, Catch::Contains("value=\"Tulpstraat 14\""));
  CHECK(CountRows(s, "cases") == 0);
}

TEST_CASE("a draft is kept server-side, resumed through its link and useless once sent", "[pages][drafts]") {
  TestService s;
  PageClient browser(s);
  Page form = browser.Get(kForm);
  const std::string csrf = HiddenValue(form.body, "csrf");
  CHECK(CountRows(s, "drafts") == 0);
  Page saved = PostStep(browser, 1, kSteps[0], "opslaan", csrf);
  REQUIRE(saved.status == 303);
  CHECK(saved.location == "/uitdagen/uitdaagrecht/opgeslagen");
  CHECK(CountRows(s, "drafts") == 1);
  REQUIRE(browser.cookies().count("uitdaag_concept") == 1);
  Page link_page = browser.Get(saved.location);
  INFO(link_page.body);
  REQUIRE(link_page.status == 200);
  std::smatch link;
  REQUIRE(std::regex_search(link_page.body, link, std::regex("(/verder\\?code=[A-Za-z0-9_-]{43})\"")));
  CHECK_THAT(link_page.body, Catch::Contains("De link werkt tot en met <strong>7 februari 2026</strong>"));

  // Another browser resumes: the link becomes its draft cookie, the step and values come back.
  PageClient later(s);
  Page resumed = later.Get(link[1].str());
  CHECK(resumed.status == 303);
  CHECK(resumed.location == kForm);
  Page step1 = later.Get(resumed.location);
  CHECK_THAT(step1.body, Catch::Contains("value=\"Groen in de Bloemenbuurt\""));
  // A stranger's link, a malformed one, an expired one: 404.
  PageClient stranger(s);
  CHECK(stranger.Get("/verder?code=" + std::string(43, 'x')).status == 404);
  CHECK(stranger.Get("/verder?code=kort").status == 404);
  CHECK(stranger.Get("/uitdagen/uitdaagrecht/opgeslagen").status == 404);

  // Sent: one case, the draft keeps no answers, its link and cookie open nothing.
  const std::string csrf2 = HiddenValue(step1.body, "csrf");
  for (int step = 1; step <= 4; ++step) {
    REQUIRE(PostStep(later, step, kSteps[static_cast<size_t>(step) - 1], "volgende", csrf2).status == 303);
  }
  Page review = later.Get(std::string(kForm) + "?stap=5");
  CHECK_THAT(review.body, Catch::Contains("Wij zijn een groep bewoners"));
  CHECK_THAT(review.body, Catch::Contains("12.500,50"));
  Page sent = PostStep(later, kReviewStep, {}, "versturen", csrf2);
  REQUIRE(sent.status == 303);
  CHECK_THAT(sent.location, Catch::Matches("/zaak/2026-[0-9]{6}/ontvangen"));
  // A double click: the second send carries the draft cookie of the first, and gets its case.
  PageClient twice(s);
  twice.cookies() = later.cookies();
  twice.cookies()["uitdaag_concept"] = browser.cookies()["uitdaag_concept"];
  twice.cookies().erase("uitdaag_zaak");
  Page again = PostStep(twice, kReviewStep, {}, "versturen", csrf2);
  CHECK(again.status == 303);
  CHECK(again.location == sent.location);
  CHECK(twice.Get(again.location).status == 200);
  CHECK(CountRows(s, "cases") == 1);
  // The draft's link and cookie open no form any more; the draft keeps no answers.
  CHECK(later.Get(link[1].str()).status == 410);
  CHECK(browser.Get(std::string(kForm) + "?stap=2").status == 410);
  CHECK(PostStep(browser, 2, kSteps[1], "opslaan", HiddenValue(form.body, "csrf")).status == 410);
  CHECK(QueryRaw(s.dir.File("cases.db"), "SELECT data, applicant FROM drafts") == Rows{{"{}", "{}"}});

  // Expiry: thirty days after the last save the worker deletes a draft.
  PageClient idle(s);
  Page idle_form = idle.Get(kForm);
  REQUIRE(PostStep(idle, 1, kSteps[0], "opslaan", HiddenValue(idle_form.body, "csrf")).status == 303);
  CHECK(CountRows(s, "drafts") == 2);
  s.clock.Set(At("2026-02-08T10:00"));
  CHECK(s.WaitFor([&] { return CountRows(s, "drafts") == 0; }));
  CHECK(idle.Get(std::string(kForm) + "?stap=2").status == 200);  // a fresh, empty form
}

TEST_CASE("a sent form creates one case and the case page follows it", "[pages][form]") {
  TestService s;
  PageClient browser(s);
  const std::string csrf = FillAll(browser);
  Page sent = PostStep(browser, kReviewStep, {}, "versturen", csrf);
  INFO(sent.body);
  REQUIRE(sent.status == 303);
  REQUIRE_THAT(sent.location, Catch::Matches("/zaak/2026-[0-9]{6}/ontvangen"));
  REQUIRE(browser.cookies().count("uitdaag_zaak") == 1);
  bool lax_http_only = false;
  for (const auto& c : sent.cookies) {
    if (c.getName() == "uitdaag_zaak") {
      lax_http_only = c.getHttpOnly() && c.getSameSite() == Poco::Net::HTTPCookie::SAME_SITE_LAX;
    }
  }
  CHECK(lax_http_only);
  const std::string id = sent.location.substr(6, 11);
  CHECK(CountRows(s, "cases") == 1);

  Page confirmation = browser.Get(sent.location);
  INFO(confirmation.body);
  REQUIRE(confirmation.status == 200);
  CHECK_THAT(confirmation.body, Catch::Contains(id));
  CHECK_THAT(confirmation.body, Catch::Contains("/volgen?code="));
  CHECK_THAT(confirmation.body, Catch::Contains("Beslistermijn"));
  CHECK_THAT(confirmation.body, Catch::Contains("De termijn van acht weken begint"));

  s.WaitForIdle();
  Page file = browser.Get("/zaak/" + id);
  INFO(file.body);
  REQUIRE(file.status == 200);
  CHECK_THAT(file.body, Catch::Contains("Groen in de Bloemenbuurt"));
  CHECK_THAT(file.body, Catch::Contains("Ontvangstbevestiging"));
  CHECK_THAT(file.body, Catch::Contains("aria-current=\"step\""));
  std::smatch pdf;
  REQUIRE(std::regex_search(file.body, pdf, std::regex("href=\"(/api/cases/" + id + "/documents/[0-9]+)\"")));
  Page letter = browser.Get(pdf[1].str());
  CHECK(letter.status == 200);
  CHECK(letter.content_type == "application/pdf");

  // The private link, in another browser: the token becomes the cookie, the address is clean.
  const std::string link = confirmation.body.substr(confirmation.body.find("/volgen?code="));
  const std::string target = link.substr(0, link.find('"'));
  PageClient later(s);
  Page followed = later.Get(target);
  CHECK(followed.status == 303);
  CHECK(followed.location == "/zaak/" + id);
  CHECK(later.Get("/zaak/" + id).status == 200);

  // Nobody else sees it: no cookie, a wrong link, another case's cookie.
  PageClient stranger(s);
  CHECK(stranger.Get("/zaak/" + id).status == 404);
  CHECK(stranger.Get("/volgen?code=nonsense").status == 404);
  CHECK(stranger.Get("/volgen").status == 404);
  Submitted other = Submit(s);
  stranger.cookies()["uitdaag_zaak"] = other.challenger.at("Authorization").substr(7);
  CHECK(stranger.Get("/zaak/" + other.id).status == 200);
  CHECK(stranger.Get("/zaak/" + id).status == 404);
}

TEST_CASE("the resident acts on the case only as the API allows, with CSRF and the version", "[pages][actions]") {
  TestService s;
  PageClient browser(s);
  const auto [csrf, id] = SendForm(browser);
  Headers staff = s.Login("behandelaar");
  HttpResult asked = s.Call("POST", "/api/cases/" + id + "/events/aanvulling_vragen",
                            R"({"data": {"ontbrekende_gegevens": "De lijst met steunbetuigingen."}})",
                            {{"Authorization", staff.at("Authorization")}, {"If-Match", "\"1\""}});
  REQUIRE(asked.status == 200);
  s.WaitForIdle();

  Page file = browser.Get("/zaak/" + id);
  CHECK_THAT(file.body, Catch::Contains("Wij vragen iets van u"));
  CHECK_THAT(file.body, Catch::Contains("href=\"/zaak/" + id + "/actie/aanvullen\""));
  CHECK_THAT(file.body, Catch::Contains("href=\"/zaak/" + id + "/actie/intrekken\""));
  // Not offered to the resident: a staff event, an unknown one.
  CHECK(browser.Get("/zaak/" + id + "/actie/aanvulling_vragen").status == 404);
  CHECK(browser.Get("/zaak/" + id + "/actie/bestaat_niet").status == 404);
  Page form = browser.Get("/zaak/" + id + "/actie/aanvullen");
  REQUIRE(form.status == 200);
  const std::string version = HiddenValue(form.body, "versie");
  CHECK(version == "2");
  PageClient stranger(s);
  Page stranger_form = stranger.Get(kForm);
  Submitted other = Submit(s);
  stranger.cookies()["uitdaag_zaak"] = other.challenger.at("Authorization").substr(7);
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  const std::string target = "/zaak/" + id + "/actie/aanvullen";
  const Fields answer = {{"versie", version}, {"toelichting", "De lijst komt per post."}};
  Fields no_csrf = answer;
  CHECK(browser.Post(target, no_csrf).status == 403);
  Fields stale = {{"csrf", csrf}, {"versie", "1"}, {"toelichting", "De lijst komt per post."}};
  Page conflict = browser.Post(target, stale);
  CHECK(conflict.status == 409);
  CHECK_THAT(conflict.body, Catch::Contains("intussen gewijzigd"));
  Fields empty = {{"csrf", csrf}, {"versie", version}, {"toelichting", ""}};
  CHECK(browser.Post(target, empty).status == 422);
  // Another case's cookie: as if the case did not exist.
  CHECK(stranger.Get(target).status == 404);
  CHECK(stranger.Post(target, {{"csrf", HiddenValue(stranger_form.body, "csrf")}, {"versie", version},
                               {"toelichting", "x"}}).status == 404);
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);

  Fields good = {{"csrf", csrf}, {"versie", version}, {"toelichting", "De lijst komt per post."}};
  Page done = browser.Post(target, good);
  CHECK(done.status == 303);
  CHECK(done.location == "/zaak/" + id);
  CHECK_THAT(browser.Get(done.location).body, Catch::Contains("Wij bekijken of uw aanvraag compleet is"));
  // The same form again (a reload of the POST): the case moved on, nothing happens twice.
  CHECK(browser.Post(target, good).status == 409);
}

TEST_CASE("the resident attaches a file on the case page, within the API's rules", "[pages][uploads]") {
  TestService s;
  PageClient browser(s);
  const auto [csrf, id] = SendForm(browser);
  const std::string target = "/zaak/" + id + "/bijlagen";
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));

  CHECK(browser.PostFile(target, {}, "plan.pdf", "application/pdf", pdf).status == 403);
  Page html = browser.PostFile(target, {{"csrf", csrf}}, "plan.html", "text/html", "<script>x</script>");
  CHECK(html.status == 422);
  CHECK_THAT(html.body, Catch::Contains("Dit soort bestand nemen wij niet aan"));
  Page lying = browser.PostFile(target, {{"csrf", csrf}}, "plan.pdf", "application/pdf", "GIF89a");
  CHECK(lying.status == 422);
  CHECK_THAT(lying.body, Catch::Contains("Het bestand is niet wat de naam zegt"));
  Page bidi = browser.PostFile(target, {{"csrf", csrf}}, std::string("plan\xE2\x80\xAE") + "fdp.exe", "application/pdf", pdf);
  CHECK(bidi.status == 422);
  CHECK_THAT(bidi.body, Catch::Contains("Deze bestandsnaam kunnen wij niet gebruiken"));
  CHECK(browser.PostFile(target, {{"csrf", csrf}}, "", "application/pdf", "").status == 422);
  PageClient stranger(s);
  Page stranger_form = stranger.Get(kForm);
  CHECK(stranger.PostFile(target, {{"csrf", HiddenValue(stranger_form.body, "csrf")}}, "plan.pdf",
                          "application/pdf", pdf).status == 404);
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);

  // A browser that says only application/octet-stream: the content says PDF.
  Page stored = browser.PostFile(target, {{"csrf", csrf}}, "Plan van aanpak.pdf", "application/octet-stream", pdf);
  CHECK(stored.status == 303);
  CHECK(stored.location == "/zaak/" + id + "#bijlagen");
  Page file = browser.Get("/zaak/" + id);
  CHECK_THAT(file.body, Catch::Contains("Plan van aanpak.pdf"));
  CHECK(QueryRaw(s.dir.File("cases.db"), "SELECT name, media_type FROM documents WHERE kind = 'upload'") ==
        Rows{{"Plan van aanpak.pdf", "application/pdf"}});
}

TEST_CASE("script and SQL in every text field are kept as text and escaped on every page", "[pages][form]") {
  TestService s;
  PageClient browser(s);
  Page first = browser.Get(kForm);
  const std::string csrf = HiddenValue(first.body, "csrf");
  const std::string nasty = "<script>alert(1)</script>' OR '1'='1; DROP TABLE cases; --";
  const std::set<std::string> not_text = {"soort_indiener", "gewenste_startdatum",
                                          "aantal_steunbetuigingen", "begroting"};
  int replaced = 0;
  for (int step = 1; step <= static_cast<int>(kSteps.size()); ++step) {
    Fields fields = kSteps[static_cast<size_t>(step) - 1];
    for (auto& [name, value] : fields) {
      if (not_text.count(name) == 0) {
        value = name + " " + nasty;
        ++replaced;
      }
    }
    Page next = PostStep(browser, step, fields, "volgende", csrf);
    INFO(next.body);
    REQUIRE(next.status == 303);
  }
  CHECK(replaced >= 10);
  Page review = browser.Get(std::string(kForm) + "?stap=5");
  CHECK_THAT(review.body, !Catch::Contains("<script>alert"));
  CHECK_THAT(review.body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;&#39; OR &#39;1&#39;=&#39;1"));
  Page sent = PostStep(browser, kReviewStep, {}, "versturen", csrf);
  REQUIRE(sent.status == 303);
  const std::string id = sent.location.substr(6, 11);
  for (const std::string& target : {sent.location, "/zaak/" + id}) {
    Page page = browser.Get(target);
    CHECK(page.status == 200);
    CHECK_THAT(page.body, !Catch::Contains("<script>alert"));
  }
  // Stored as typed, every field of it.
  CHECK(QueryRaw(s.dir.File("cases.db"), "SELECT count(*) FROM cases") == Rows{{"1"}});
  const Rows data = QueryRaw(s.dir.File("cases.db"), "SELECT snapshot FROM cases");
  CHECK_THAT(data[0][0], Catch::Contains("DROP TABLE cases"));
}

TEST_CASE("oversized forms and forms with too many fields are refused with nothing stored", "[pages][limits]") {
  http::ServiceConfig config;
  config.max_body_bytes = 64 * 1024;
  TestService s(config);
  PageClient browser(s);
  Page form = browser.Get(kForm);
  const std::string csrf = HiddenValue(form.body, "csrf");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));

  CHECK(PostStep(browser, 1, With(kSteps[0], "taak", std::string(70 * 1024, 'x')), "opslaan", csrf).status == 413);
  Fields many = kSteps[0];
  for (int i = 0; i < 120; ++i) many.emplace_back("extra" + std::to_string(i), "x");
  Page refused = PostStep(browser, 1, many, "opslaan", csrf);
  CHECK(refused.status == 413);
  CHECK_THAT(refused.body, Catch::Contains("Uw formulier is te groot"));
  CHECK(browser.PostRaw(kForm, "%%%").status == 400);
  CHECK(PostStep(browser, 9, kSteps[0], "volgende", csrf).status == 400);
  CHECK(PostStep(browser, 1, kSteps[0], "wissen", csrf).status == 400);
  CHECK(PostStep(browser, 1, kSteps[0], "versturen", csrf).status == 400);
  CHECK(browser.Get(std::string(kForm) + "?stap=0").status == 404);
  CHECK(browser.Get(std::string(kForm) + "?stap=abc").status == 404);
  // A text longer than the field allows is named, not stored.
  Page too_long = PostStep(browser, 1, With(kSteps[0], "naam_initiatief", std::string(201, 'a')), "volgende", csrf);
  CHECK(too_long.status == 422);
  CHECK_THAT(too_long.body, Catch::Contains("Gebruik hoogstens 200 tekens"));
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("another municipality's profile and theme change the pages without code", "[pages][profile]") {
  http::ServiceConfig config;
  config.profile = SourcePath("examples/profiles/lindewaard.yaml");
  TestService s(config);
  PageClient browser(s);
  Page start = browser.Get("/");
  REQUIRE(start.status == 200);
  CHECK_THAT(start.body, Catch::Contains("Gemeente Lindewaard"));
  CHECK_THAT(start.body, !Catch::Contains("Voorbeeldstad"));
  std::smatch theme;
  REQUIRE(std::regex_search(start.body, theme, std::regex("href=\"(/static/[0-9a-f]{16}/thema.css)\"")));
  Page css = browser.Get(theme[1].str());
  CHECK(css.status == 200);
  CHECK_THAT(css.body, Catch::Contains("#1e5631"));
  // Lindewaard has no logo: the header shows the name only.
  CHECK_THAT(start.body, !Catch::Contains("logo.png"));

  TestService voorbeeldstad;
  PageClient other(voorbeeldstad);
  Page own = other.Get("/");
  CHECK_THAT(own.body, Catch::Contains("logo.png"));
  std::smatch own_theme;
  REQUIRE(std::regex_search(own.body, own_theme, std::regex("href=\"(/static/[0-9a-f]{16}/thema.css)\"")));
  CHECK(own_theme[1].str() != theme[1].str());
}

}  // namespace
}  // namespace uitdaag::testing
