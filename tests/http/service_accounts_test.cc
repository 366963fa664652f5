// Accounts and API tokens over real HTTP: administrators manage accounts, everyone changes their
// own password with the current one, staff hold labelled API tokens for integrations, and every
// refusal leaves the database as it was.
#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

const char* const kNewHandler = R"({"username": "p.devries", "display_name": "Pieter de Vries",
    "password": "lang genoeg wachtwoord", "roles": ["behandelaar"]})";

std::string LoginToken(TestService& s, const std::string& username, const std::string& password) {
  HttpResult r = s.Call("POST", "/api/session",
                        R"({"username":")" + username + R"(","password":")" + password + "\"}");
  INFO(r.body);
  REQUIRE(r.status == 201);
  return r.Json()->getValue<std::string>("token");
}

Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

TEST_CASE("accounts: an administrator creates an account that can log in and act",
          "[http][accounts]") {
  TestService s;
  Headers admin = s.Login("admin");
  HttpResult created = s.Call("POST", "/api/accounts", kNewHandler, admin);
  INFO(created.body);
  REQUIRE(created.status == 201);
  CHECK(created.Header("Location") == "/api/accounts/p.devries");
  CHECK(created.Json()->getValue<std::string>("display_name") == "Pieter de Vries");
  CHECK_THAT(created.body, !Catch::Contains("password"));

  HttpResult list = s.Call("GET", "/api/accounts", "", admin);
  REQUIRE(list.status == 200);
  CHECK_THAT(list.body, Catch::Contains("\"p.devries\"") && Catch::Contains("\"admin\""));
  CHECK_THAT(list.body, !Catch::Contains("argon2"));

  const std::string token = LoginToken(s, "p.devries", "lang genoeg wachtwoord");
  HttpResult me = s.Call("GET", "/api/session", "", Bearer(token));
  REQUIRE(me.status == 200);
  CHECK(me.Json()->getValue<std::string>("kind") == "staff");
  CHECK(me.Json()->getObject("account")->getValue<std::string>("username") == "p.devries");

  // The new handler may act in their role on a submitted case.
  Submitted c = Submit(s);
  Headers act = Bearer(token);
  act["If-Match"] = "\"1\"";
  HttpResult fired = s.Call("POST", "/api/cases/" + c.id + "/events/ontvankelijk_verklaren", "{}",
                            act);
  INFO(fired.body);
  CHECK(fired.status == 200);
}

TEST_CASE("accounts: refusals are specific and change nothing", "[http][accounts][security]") {
  TestService s;
  Headers admin = s.Login("admin");
  Headers handler = s.Login("behandelaar");
  const std::string before = DumpDatabase(s.dir.File("cases.db"));

  ExpectProblem(s.Call("GET", "/api/accounts", "", handler), 403, "administrator");
  ExpectProblem(s.Call("POST", "/api/accounts", kNewHandler, handler), 403, "administrator");
  ExpectProblem(s.Call("GET", "/api/accounts"), 401, "log in");
  ExpectProblem(s.Call("GET", "/api/accounts/teamleider", "", handler), 403, "another account");
  ExpectProblem(s.Call("PATCH", "/api/accounts/behandelaar", R"({"roles": ["teamleider"]})",
                       handler),
                403, "administrator");
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "x.y", "password": "lang genoeg wachtwoord",
                           "roles": ["directeur"]})",
                       admin),
                422, "'directeur' is not a staff role", "roles");
  // The challenger role is not a staff role either.
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "x.y", "password": "lang genoeg wachtwoord",
                           "roles": ["initiatiefnemer"]})",
                       admin),
                422, "'initiatiefnemer' is not a staff role", "roles");
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "x.y", "password": "kort", "roles": []})", admin),
                422, "password", "password");
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "X Y", "password": "lang genoeg wachtwoord"})", admin),
                422, "username", "username");
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "behandelaar", "password": "lang genoeg wachtwoord"})",
                       admin),
                409, "already taken");
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "x.y", "password": "lang genoeg wachtwoord",
                           "rolles": ["behandelaar"]})",
                       admin),
                422, "unknown field", "rolles");
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "x.y", "password": "lang genoeg wachtwoord",
                           "admin": "yes"})",
                       admin),
                422, "true or false", "admin");
  ExpectProblem(s.Call("PATCH", "/api/accounts/nobody", R"({"disabled": true})", admin), 404,
                "no account");
  // The only administrator cannot disable or demote themselves into a locked-out service.
  ExpectProblem(s.Call("PATCH", "/api/accounts/admin", R"({"disabled": true})", admin), 409,
                "last enabled administrator");
  ExpectProblem(s.Call("PATCH", "/api/accounts/admin", R"({"admin": false})", admin), 409,
                "last enabled administrator");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("accounts: disabling ends the sessions, an own password needs the current one",
          "[http][accounts]") {
  TestService s;
  Headers admin = s.Login("admin");
  Headers handler = s.Login("behandelaar");
  REQUIRE(s.Call("GET", "/api/session", "", handler).status == 200);

  // Own password: the current one is required and checked.
  ExpectProblem(s.Call("PATCH", "/api/accounts/behandelaar",
                       R"({"password": "een nieuw lang wachtwoord"})", handler),
                422, "current_password", "current_password");
  ExpectProblem(s.Call("PATCH", "/api/accounts/behandelaar",
                       R"({"password": "een nieuw lang wachtwoord",
                           "current_password": "fout fout fout"})",
                       handler),
                403, "wrong password", "current_password");
  HttpResult changed = s.Call("PATCH", "/api/accounts/behandelaar",
                              R"({"password": "een nieuw lang wachtwoord", "current_password": ")" +
                                  s.Password("behandelaar") + "\"}",
                              handler);
  INFO(changed.body);
  REQUIRE(changed.status == 200);
  // A new password logs out everywhere, this session included.
  ExpectProblem(s.Call("GET", "/api/session", "", handler), 401, "log in again");
  const std::string token = LoginToken(s, "behandelaar", "een nieuw lang wachtwoord");

  // The administrator disables the account: its sessions end, and logging in fails.
  HttpResult disabled =
      s.Call("PATCH", "/api/accounts/behandelaar", R"({"disabled": true})", admin);
  REQUIRE(disabled.status == 200);
  CHECK(disabled.Json()->getValue<bool>("disabled"));
  ExpectProblem(s.Call("GET", "/api/session", "", Bearer(token)), 401, "log in again");
  ExpectProblem(s.Call("POST", "/api/session",
                       R"({"username":"behandelaar","password":"een nieuw lang wachtwoord"})"),
                401, "unknown user or wrong password");

  // A second administrator makes demoting the first possible.
  HttpResult promoted = s.Call("PATCH", "/api/accounts/teamleider", R"({"admin": true})", admin);
  REQUIRE(promoted.status == 200);
  HttpResult demoted = s.Call("PATCH", "/api/accounts/admin", R"({"admin": false})", admin);
  INFO(demoted.body);
  CHECK(demoted.status == 200);
  ExpectProblem(s.Call("GET", "/api/accounts", "", admin), 403, "administrator");
}

TEST_CASE("tokens: a labelled API token works as a bearer token until revoked or expired",
          "[http][accounts][tokens]") {
  TestService s;
  Headers handler = s.Login("behandelaar");
  Headers other = s.Login("teamleider");
  Headers admin = s.Login("admin");

  HttpResult created =
      s.Call("POST", "/api/tokens", R"({"label": "zaaksysteem", "ttl_days": 30})", handler);
  INFO(created.body);
  REQUIRE(created.status == 201);
  Poco::JSON::Object::Ptr t = created.Json();
  const std::string token = t->getValue<std::string>("token");
  const std::string id = t->getValue<std::string>("id");
  CHECK(t->getValue<std::string>("label") == "zaaksysteem");
  CHECK(t->getValue<std::string>("username") == "behandelaar");
  CHECK(id.size() == 16);
  CHECK(t->getValue<std::string>("expires_at").rfind("2026-02-07T10:00:00", 0) == 0);

  HttpResult me = s.Call("GET", "/api/session", "", Bearer(token));
  REQUIRE(me.status == 200);
  CHECK(me.Json()->getObject("account")->getValue<std::string>("username") == "behandelaar");

  // Listed without the token itself; others do not see it, the administrator does.
  HttpResult mine = s.Call("GET", "/api/tokens", "", handler);
  REQUIRE(mine.status == 200);
  CHECK_THAT(mine.body, Catch::Contains(id) && !Catch::Contains(token));
  CHECK_THAT(s.Call("GET", "/api/tokens", "", other).body, !Catch::Contains(id));
  CHECK_THAT(s.Call("GET", "/api/tokens", "", admin).body, Catch::Contains(id));
  ExpectProblem(s.Call("GET", "/api/tokens?username=behandelaar", "", other), 403,
                "administrator", "username");
  // Another account's token cannot be revoked by a non-administrator: it does not exist to them.
  ExpectProblem(s.Call("DELETE", "/api/tokens/" + id, "", other), 404, "no token");
  ExpectProblem(s.Call("DELETE", "/api/tokens/../../etc", "", handler), 404, "no such resource");
  ExpectProblem(s.Call("DELETE", "/api/tokens/zzzz", "", handler), 404, "no token");
  REQUIRE(s.Call("GET", "/api/session", "", Bearer(token)).status == 200);

  // A login session is not an API token: it cannot be revoked here.
  const std::string login = handler.at("Authorization").substr(7);
  ExpectProblem(s.Call("DELETE", "/api/tokens/" + SessionId(login), "", handler), 404,
                "no token");

  // Revoked: gone.
  CHECK(s.Call("DELETE", "/api/tokens/" + id, "", handler).status == 204);
  ExpectProblem(s.Call("GET", "/api/session", "", Bearer(token)), 401, "log in again");

  // Expiry: a one-day token stops working after a day.
  HttpResult day = s.Call("POST", "/api/tokens", R"({"label": "proef", "ttl_days": 1})", handler);
  REQUIRE(day.status == 201);
  const std::string short_lived = day.Json()->getValue<std::string>("token");
  REQUIRE(s.Call("GET", "/api/session", "", Bearer(short_lived)).status == 200);
  s.clock.Set(At("2026-01-09T10:00"));
  ExpectProblem(s.Call("GET", "/api/session", "", Bearer(short_lived)), 401, "log in again");
}

TEST_CASE("tokens: administrators issue tokens for others, bad requests are refused",
          "[http][accounts][tokens]") {
  TestService s;
  Headers handler = s.Login("behandelaar");
  Headers admin = s.Login("admin");
  HttpResult issued = s.Call("POST", "/api/tokens",
                             R"({"label": "website", "username": "behandelaar"})", admin);
  INFO(issued.body);
  REQUIRE(issued.status == 201);
  CHECK(issued.Json()->getValue<std::string>("username") == "behandelaar");
  CHECK_THAT(s.Call("GET", "/api/tokens", "", handler).body, Catch::Contains("website"));

  Submitted c = Submit(s);
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "x", "username": "admin"})", handler),
                403, "administrator", "username");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"ttl_days": 30})", handler), 422, "label",
                "label");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "x", "ttl_days": 0})", handler), 422,
                "ttl_days", "ttl_days");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "x", "ttl_days": 5000})", handler),
                422, "ttl_days", "ttl_days");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "x", "ttl_days": "30"})", handler),
                422, "whole number", "ttl_days");
  ExpectProblem(s.Call("POST", "/api/tokens", "{\"label\": \"twee\\nregels\"}", handler), 422,
                "one line", "label");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "x", "username": "nobody"})", admin),
                422, "no account", "username");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "x"})", c.challenger), 403,
                "staff");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("session: a challenger's link says which case it opens", "[http][accounts]") {
  TestService s;
  Submitted c = Submit(s);
  HttpResult me = s.Call("GET", "/api/session", "", c.challenger);
  INFO(me.body);
  REQUIRE(me.status == 200);
  CHECK(me.Json()->getValue<std::string>("kind") == "challenger");
  CHECK(me.Json()->getValue<std::string>("case") == c.id);
  ExpectProblem(s.Call("GET", "/api/session"), 401, "log in");
}

}  // namespace
}  // namespace uitdaag::testing
