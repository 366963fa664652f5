// What the service refuses, over real HTTP: each gives the right status and a specific
// problem+json message, and the database is unchanged.
#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

TEST_CASE("http: wrong role, another challenger's case, no login", "[http][security]") {
  TestService s;
  Submitted mine = Submit(s);
  Submitted theirs = Submit(s);
  Headers handler = s.Login("behandelaar");
  handler["If-Match"] = "\"1\"";
  // Let the worker deliver both acknowledgements first: from here on nothing may change.
  REQUIRE(s.WaitFor([&] {
    return s.Call("GET", "/api/cases/" + theirs.id + "/letters", "", handler).body.find("pdf") !=
               std::string::npos &&
           s.Call("GET", "/api/cases/" + mine.id + "/letters", "", handler).body.find("pdf") !=
               std::string::npos;
  }));
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));

  // A challenger cannot decide.
  ExpectProblem(s.Call("POST", "/api/cases/" + mine.id + "/events/besluiten",
                       R"({"data": {"uitkomst": "toegewezen", "motivering": "x"}})",
                       {{"Authorization", mine.challenger["Authorization"]}, {"If-Match", "\"1\""}}),
                403, "may not 'besluiten'", "event");
  // Nor see or touch another challenger's case: it does not exist for them.
  ExpectProblem(s.Call("GET", "/api/cases/" + theirs.id, "", mine.challenger), 404,
                "no case '" + theirs.id + "'");
  ExpectProblem(s.Call("GET", "/api/cases/" + theirs.id + "/letters", "", mine.challenger), 404,
                "no case");
  // A handler cannot decide either (the approver decides).
  ExpectProblem(s.Call("POST", "/api/cases/" + mine.id + "/events/besluiten",
                       R"({"data": {}})", handler),
                403, "may not 'besluiten'");
  // Without a token, or with a made-up one.
  ExpectProblem(s.Call("GET", "/api/cases/" + mine.id), 401, "log in");
  ExpectProblem(s.Call("GET", "/api/cases/" + mine.id, "", {{"Authorization", "Bearer nonsense"}}),
                401, "unknown or has expired");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: stale or missing If-Match, unknown events, invalid fields", "[http]") {
  TestService s;
  Submitted c = Submit(s);
  Headers handler = s.Login("behandelaar");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  const std::string path = "/api/cases/" + c.id + "/events/";

  ExpectProblem(s.Call("POST", path + "ontvankelijk_verklaren", "{}", handler), 428, "If-Match",
                "If-Match");
  handler["If-Match"] = "\"7\"";
  ExpectProblem(s.Call("POST", path + "ontvankelijk_verklaren", "{}", handler), 412,
                "is at version 1, not 7");
  handler["If-Match"] = "\"1\"";
  ExpectProblem(s.Call("POST", path + "opblazen", "{}", handler), 404, "no event 'opblazen'",
                "event");
  ExpectProblem(s.Call("POST", path + "aanvulling_vragen", R"({"data": {}})", handler), 422,
                "ontbrekende_gegevens", "ontbrekende_gegevens");
  ExpectProblem(s.Call("POST", path + "aanvulling_vragen",
                       R"({"data": {"ontbrekende_gegevens": "x", "kleur": "rood"}})", handler),
                422, "kleur", "kleur");
  // An event the current state does not take.
  ExpectProblem(s.Call("POST", path + "gesprek_gevoerd", R"({"data": {"gespreksverslag": "x"}})",
                       handler),
                409, "ontvangen");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: malformed, oversized and non-JSON bodies", "[http][limits]") {
  http::ServiceConfig config;
  config.max_body_bytes = 4096;
  TestService s(config);
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  ExpectProblem(s.Call("POST", "/api/cases", "{\"workflow\": "), 400, "not valid JSON");
  ExpectProblem(s.Call("POST", "/api/cases", "[1, 2]"), 400, "must be a JSON object");
  ExpectProblem(s.Call("POST", "/api/cases", "workflow=x", {}, "application/x-www-form-urlencoded"),
                415, "must be JSON");
  const std::string big = R"({"workflow": "uitdaagrecht", "pad": ")" + std::string(5000, 'x') + "\"}";
  ExpectProblem(s.Call("POST", "/api/cases", big), 413, "larger than 4096 bytes");
  ExpectProblem(s.Call("POST", "/api/cases", R"({"workflow": "bestaat_niet", "applicant": {}})"),
                422, "no workflow 'bestaat_niet'", "workflow");
  ExpectProblem(s.Call("POST", "/api/cases", R"({"workflow": "uitdaagrecht",
                "applicant": {"name": "A\nB"}, "data": {}})"),
                422, "applicant.name", "applicant.name");
  ExpectProblem(s.Call("GET", "/api/nergens"), 404, "no such resource");
  ExpectProblem(s.Call("DELETE", "/api/cases"), 405, "DELETE is not allowed");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: an idempotency key replays the same submission and refuses another",
          "[http]") {
  TestService s;
  HttpResult first = s.Call("POST", "/api/cases", kSubmission, {{"Idempotency-Key", "k-1"}});
  REQUIRE(first.status == 201);
  HttpResult again = s.Call("POST", "/api/cases", kSubmission, {{"Idempotency-Key", "k-1"}});
  INFO(again.body);
  CHECK(again.status == 200);
  CHECK(again.Json()->getValue<bool>("replayed"));
  CHECK(again.Json()->getValue<std::string>("id") == first.Json()->getValue<std::string>("id"));
  std::string other = kSubmission;
  other.replace(other.find("\"Groen\""), 7, "\"Anders\"");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  ExpectProblem(s.Call("POST", "/api/cases", other, {{"Idempotency-Key", "k-1"}}), 422,
                "already used for a different request");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: documents are addressed by number within their case only",
          "[http][security]") {
  TestService s;
  Submitted a = Submit(s);
  Submitted b = Submit(s);
  REQUIRE(s.WaitFor([&] {
    return s.Call("GET", "/api/cases/" + b.id + "/letters", "", b.challenger).body.find("pdf") !=
           std::string::npos;
  }));
  // b's documents are not reachable through a's case, and names are not paths.
  for (const char* doc : {"1", "2", "3", "4", "..%2F..%2Fetc%2Fpasswd", "..", "1.pdf", "-1",
                                 "99999999999999999999"}) {
    INFO(doc);
    HttpResult r = s.Call("GET", "/api/cases/" + a.id + "/documents/" + doc, "", a.challenger);
    if (r.status == 200) {
      // Only a's own two documents (its acknowledgement) may come back.
      CHECK((std::string(doc) == "1" || std::string(doc) == "2"));
    } else {
      CHECK(r.status == 404);
    }
  }
}

TEST_CASE("http: markup and SQL in text fields are stored as text and escaped in letters",
          "[http][security]") {
  TestService s;
  std::string body = kSubmission;
  body.replace(body.find("\"Groen\""), 7,
               R"("Robert'); DROP TABLE cases;-- <script>alert(1)</script>")");
  Submitted c = Submit(s, body);
  HttpResult seen = s.Call("GET", "/api/cases/" + c.id, "", c.challenger);
  REQUIRE(seen.status == 200);
  CHECK(seen.Json()->getObject("data")->getValue<std::string>("naam_initiatief") ==
        "Robert'); DROP TABLE cases;-- <script>alert(1)</script>");
  std::string html_path;
  REQUIRE(s.WaitFor([&] {
    HttpResult list = s.Call("GET", "/api/cases/" + c.id + "/letters", "", c.challenger);
    const size_t at = list.body.find("\"html\":\"");
    if (at == std::string::npos) return false;
    html_path = list.body.substr(at + 8, list.body.find('"', at + 8) - at - 8);
    return true;
  }));
  HttpResult html = s.Call("GET", html_path, "", c.challenger);
  REQUIRE(html.status == 200);
  CHECK_THAT(html.body, !Catch::Contains("<script>alert(1)"));
  CHECK_THAT(html.body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(s.Call("GET", "/health").status == 200);  // the cases table is still there
}

TEST_CASE("http: failed logins are throttled, sessions end at logout", "[http][security]") {
  TestService s;
  for (int i = 0; i < 5; ++i) {
    ExpectProblem(s.Call("POST", "/api/session", R"({"username": "behandelaar", "password": "fout-fout-fout"})"),
                  401, "unknown user or wrong password");
  }
  // Even the right password is refused now from this address; others may log in from it (the
  // address has not reached its own limit), and behandelaar from elsewhere (login_attempts_test).
  ExpectProblem(s.Call("POST", "/api/session", "{\"username\": \"behandelaar\", \"password\": \"" +
                                                   s.Password("behandelaar") + "\"}"),
                429, "too many failed logins");
  CHECK(s.Call("POST", "/api/session", "{\"username\": \"teamleider\", \"password\": \"" +
                                           s.Password("teamleider") + "\"}")
            .status == 201);
}

TEST_CASE("http: a session ends at logout and when it expires", "[http][security]") {
  TestService s;
  Headers staff = s.Login("teamleider");
  Submitted c = Submit(s);
  CHECK(s.Call("GET", "/api/cases/" + c.id, "", staff).status == 200);
  s.clock.Set(At("2026-01-08T17:59"));  // logged in at 10:00; sessions last eight hours
  CHECK(s.Call("GET", "/api/cases/" + c.id, "", staff).status == 200);
  s.clock.Set(At("2026-01-08T18:00"));
  CHECK(s.Call("GET", "/api/cases/" + c.id, "", staff).status == 401);
  s.clock.Set(At("2026-01-08T18:01"));
  staff = s.Login("teamleider");
  CHECK(s.Call("GET", "/api/cases/" + c.id, "", staff).status == 200);
  CHECK(s.Call("DELETE", "/api/session", "", staff).status == 204);
  CHECK(s.Call("GET", "/api/cases/" + c.id, "", staff).status == 401);
}

TEST_CASE("http: the session cookie is HttpOnly and SameSite=Strict, Secure when configured",
          "[http][security]") {
  auto cookie_of = [](TestService& s) {
    HttpResult r = s.Call("POST", "/api/session",
                          R"({"username":"behandelaar","password":")" + s.Password("behandelaar") +
                              "\"}");
    REQUIRE(r.status == 201);
    return r.Header("Set-Cookie");
  };
  TestService plain;
  const std::string cookie = cookie_of(plain);
  CHECK_THAT(cookie, Catch::StartsWith("uitdaag_session="));
  CHECK_THAT(cookie, Catch::Contains("HttpOnly") && Catch::Contains("SameSite=Strict"));
  CHECK_THAT(cookie, !Catch::Contains("Secure"));
  http::ServiceConfig config;
  config.secure_cookie = true;
  TestService behind_tls(config);
  CHECK_THAT(cookie_of(behind_tls), Catch::Contains("; secure") || Catch::Contains("; Secure"));
  // Logging out clears the cookie with the same attributes.
  HttpResult out = behind_tls.Call("DELETE", "/api/session");
  CHECK(out.status == 204);
  CHECK_THAT(out.Header("Set-Cookie"), Catch::Contains("HttpOnly") && Catch::Contains("expires="));
}

TEST_CASE("http: oversized and too many request headers are refused, the service goes on",
          "[http][limits]") {
  TestService s;
  // Poco's request parser allows header values up to 8 KiB and 100 header fields; beyond that
  // the request is refused with 400 before any handler runs.
  HttpResult long_value =
      s.Call("GET", "/api/workflows", "", {{"X-Padding", std::string(9000, 'a')}});
  CHECK(long_value.status == 400);
  Headers many;
  for (int i = 0; i < 150; ++i) many["X-Field-" + std::to_string(i)] = "x";
  HttpResult too_many = s.Call("GET", "/api/workflows", "", many);
  CHECK(too_many.status == 400);
  CHECK(s.Call("GET", "/api/workflows").status == 200);
}

}  // namespace
}  // namespace uitdaag::testing
