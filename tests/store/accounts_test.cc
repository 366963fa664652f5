// Accounts, logins, sessions and case tokens in the store, on real SQLite files
// (uitdaag/store.h, "Accounts and sessions"; engine/DESIGN.md, "Accounts and sessions").
#include "uitdaag/accounts.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/fast_password.h"
#include "support/store_fixture.h"
#include "uitdaag/audit.h"
#include "uitdaag/password.h"

namespace uitdaag::testing {
namespace {

using Fixture = StoreTestBed;

const std::string kPassword = "lange zin als wachtwoord";

NewAccount Handler(std::string username = "a.jansen") {
  NewAccount a;
  a.username = std::move(username);
  a.display_name = "Anna Jansen";
  a.password = kPassword;
  a.roles = {"behandelaar", "teamleider"};
  return a;
}

void CreateOrFail(CaseStore& store, const NewAccount& account, Instant at) {
  Status created = store.CreateAccount(account, FastPolicy(), at);
  INFO(created.ToString());
  REQUIRE(created.ok());
}

std::string SessionOrFail(CaseStore& store, std::string_view username, Instant at,
                          int64_t ttl = 3600, std::string_view kind = kSessionKind) {
  StatusOr<std::string> token = store.CreateSession(username, kind, at, ttl);
  INFO(token.status().ToString());
  REQUIRE(token.ok());
  return *token;
}

TEST_CASE("accounts: created accounts read back, listed by username and counted", "[accounts]") {
  Fixture f;
  StatusOr<int64_t> none = f.store->CountAccounts();
  REQUIRE(none.ok());
  CHECK(*none == 0);

  NewAccount admin = Handler("beheer");
  admin.display_name = "Beheerder Gemeente Lindewaard";
  admin.roles = {};
  admin.admin = true;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  CreateOrFail(*f.store, admin, f.clock.Now().AddSeconds(60));

  StatusOr<Account> anna = f.store->GetAccount("a.jansen");
  REQUIRE(anna.ok());
  CHECK(anna->username == "a.jansen");
  CHECK(anna->display_name == "Anna Jansen");
  CHECK(anna->roles == std::vector<std::string>{"behandelaar", "teamleider"});
  CHECK_FALSE(anna->admin);
  CHECK_FALSE(anna->disabled);
  CHECK(anna->created_at == f.clock.Now());

  StatusOr<std::vector<Account>> all = f.store->Accounts();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK(all->at(0) == *anna);
  CHECK(all->at(1).username == "beheer");
  CHECK(all->at(1).admin);
  CHECK(all->at(1).roles.empty());
  CHECK(all->at(1).created_at == f.clock.Now().AddSeconds(60));

  StatusOr<int64_t> two = f.store->CountAccounts();
  REQUIRE(two.ok());
  CHECK(*two == 2);

  StatusOr<Account> missing = f.store->GetAccount("nobody");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

TEST_CASE("accounts: invalid fields are refused, naming the field, and nothing is stored",
          "[accounts]") {
  struct Case {
    const char* what;
    NewAccount account;
    const char* subject;
  };
  std::vector<Case> cases;
  auto with = [](auto change) {
    NewAccount a = Handler();
    change(a);
    return a;
  };
  cases.push_back({"empty username", with([](NewAccount& a) { a.username = ""; }), "username"});
  cases.push_back(
      {"capital letter", with([](NewAccount& a) { a.username = "A.jansen"; }), "username"});
  cases.push_back({"space", with([](NewAccount& a) { a.username = "a jansen"; }), "username"});
  cases.push_back({"65 characters", with([](NewAccount& a) { a.username = std::string(65, 'a'); }),
                   "username"});
  cases.push_back(
      {"empty display name", with([](NewAccount& a) { a.display_name = ""; }), "display_name"});
  cases.push_back(
      {"two lines", with([](NewAccount& a) { a.display_name = "Anna\nJansen"; }), "display_name"});
  cases.push_back(
      {"broken UTF-8", with([](NewAccount& a) { a.display_name = "Anna \xc3"; }), "display_name"});
  cases.push_back({"201 characters",
                   with([](NewAccount& a) { a.display_name = std::string(201, 'x'); }),
                   "display_name"});
  cases.push_back(
      {"role with a digit first", with([](NewAccount& a) { a.roles = {"1e_lijn"}; }), "roles"});
  cases.push_back(
      {"role with a dash", with([](NewAccount& a) { a.roles = {"team-leider"}; }), "roles"});
  cases.push_back({"empty role", with([](NewAccount& a) { a.roles = {""}; }), "roles"});
  cases.push_back({"role twice", with([](NewAccount& a) {
                     a.roles = {"behandelaar", "behandelaar"};
                   }),
                   "roles"});
  cases.push_back({"17 roles", with([](NewAccount& a) {
                     a.roles.clear();
                     for (int i = 0; i < 17; ++i) a.roles.push_back("rol_" + std::to_string(i));
                   }),
                   "roles"});
  cases.push_back({"short password", with([](NewAccount& a) { a.password = "kort"; }), "password"});

  Fixture f;
  for (const Case& c : cases) {
    INFO(c.what);
    Status status = f.store->CreateAccount(c.account, FastPolicy(), f.clock.Now());
    CHECK(status.code() == StatusCode::kInvalidArgument);
    CHECK(status.subject() == c.subject);
  }
  StatusOr<int64_t> count = f.store->CountAccounts();
  REQUIRE(count.ok());
  CHECK(*count == 0);

  // The limits themselves are allowed: 64 characters, 200 code points (400 bytes), 16 roles.
  NewAccount edge = Handler(std::string(60, 'a') + "._-9");
  edge.display_name.clear();
  for (int i = 0; i < 200; ++i) edge.display_name += "\xc3\xab";  // ë
  edge.roles.clear();
  for (int i = 0; i < 16; ++i) edge.roles.push_back("Rol_" + std::to_string(i));
  CreateOrFail(*f.store, edge, f.clock.Now());
  StatusOr<Account> stored = f.store->GetAccount(edge.username);
  REQUIRE(stored.ok());
  CHECK(stored->display_name == edge.display_name);
  CHECK(stored->roles == edge.roles);
}

TEST_CASE("accounts: a taken username is already_exists and the first account stays",
          "[accounts]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  NewAccount again = Handler();
  again.display_name = "Someone Else";
  again.password = "another long password";
  Status status = f.store->CreateAccount(again, FastPolicy(), f.clock.Now());
  INFO(status.ToString());
  CHECK(status.code() == StatusCode::kAlreadyExists);
  CHECK(status.subject() == "a.jansen");

  StatusOr<Account> kept = f.store->GetAccount("a.jansen");
  REQUIRE(kept.ok());
  CHECK(kept->display_name == "Anna Jansen");
  CHECK(f.store->CheckLogin("a.jansen", kPassword).ok());
  CHECK_FALSE(f.store->CheckLogin("a.jansen", "another long password").ok());
}

TEST_CASE("accounts: only an Argon2id hash of the password is stored", "[accounts]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const Rows rows = QueryRaw(f.db, "SELECT password_hash FROM accounts");
  REQUIRE(rows.size() == 1);
  CHECK_THAT(rows[0][0], Catch::StartsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
  CHECK(VerifyPassword(kPassword, rows[0][0]));
  CHECK(FileBytes(f.db).find(kPassword) == std::string::npos);
}

TEST_CASE(
    "login: the right password gives the account, an unknown user and a wrong password are "
    "refused alike",
    "[accounts][login]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());

  StatusOr<Account> ok = f.store->CheckLogin("a.jansen", kPassword);
  REQUIRE(ok.ok());
  CHECK(ok->username == "a.jansen");
  CHECK(ok->roles == std::vector<std::string>{"behandelaar", "teamleider"});

  StatusOr<Account> wrong = f.store->CheckLogin("a.jansen", "lange zin als wachtwoorD");
  StatusOr<Account> unknown = f.store->CheckLogin("b.jansen", kPassword);
  StatusOr<Account> empty = f.store->CheckLogin("", "");
  for (const StatusOr<Account>* refused : {&wrong, &unknown, &empty}) {
    REQUIRE_FALSE(refused->ok());
    CHECK(refused->status().code() == StatusCode::kPermissionDenied);
    CHECK(refused->status().message() == "unknown user or wrong password");
    CHECK(refused->status().subject().empty());
  }
}

TEST_CASE("login: an unknown user costs a full password verification (no timing oracle)",
          "[accounts][login]") {
  // The accounts here use the default policy, as in production. Lower bounds only: load on the
  // machine can make either side slower, never the unknown-user path cheaper than a hash.
  Fixture f;
  NewAccount anna = Handler();
  REQUIRE(f.store->CreateAccount(anna, PasswordPolicy{}, f.clock.Now()).ok());
  auto fastest = [](auto call) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
      const auto start = std::chrono::steady_clock::now();
      call();
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      best = std::min(best, took.count());
    }
    return best;
  };
  REQUIRE_FALSE(f.store->CheckLogin("nobody", kPassword).ok());  // makes the dummy hash once
  const double unknown = fastest([&] { (void)f.store->CheckLogin("nobody", kPassword); });
  const double wrong = fastest([&] { (void)f.store->CheckLogin("a.jansen", "not the password"); });
  INFO("unknown user " << unknown * 1000 << " ms, wrong password " << wrong * 1000 << " ms");
  CHECK(unknown > wrong / 3);
  CHECK(wrong > unknown / 3);
}

TEST_CASE("login: a disabled account can neither log in nor use an existing session",
          "[accounts][login][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const std::string token = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  REQUIRE(f.store->Authenticate(token, f.clock.Now()).ok());

  // Disabled behind the store's back: the session row is still there, yet refused.
  ExecRaw(f.db, "UPDATE accounts SET disabled = 1 WHERE username = 'a.jansen'");
  StatusOr<Account> login = f.store->CheckLogin("a.jansen", kPassword);
  REQUIRE_FALSE(login.ok());
  CHECK(login.status().code() == StatusCode::kPermissionDenied);
  CHECK(login.status().message() == "unknown user or wrong password");
  StatusOr<Account> session = f.store->Authenticate(token, f.clock.Now());
  REQUIRE_FALSE(session.ok());
  CHECK(session.status().code() == StatusCode::kPermissionDenied);
  StatusOr<std::string> fresh =
      f.store->CreateSession("a.jansen", kSessionKind, f.clock.Now(), 3600);
  REQUIRE_FALSE(fresh.ok());
  CHECK(fresh.status().code() == StatusCode::kFailedPrecondition);
  StatusOr<Account> read = f.store->GetAccount("a.jansen");
  REQUIRE(read.ok());
  CHECK(read->disabled);
}

TEST_CASE("login: SetAccountDisabled ends the sessions, and enabling again allows a login",
          "[accounts][login][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  CreateOrFail(*f.store, Handler("p.devries"), f.clock.Now());
  const std::string anna = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  const std::string piet = SessionOrFail(*f.store, "p.devries", f.clock.Now());

  REQUIRE(f.store->SetAccountDisabled("a.jansen", true, f.clock.Now()).ok());
  CHECK(QueryRaw(f.db, "SELECT * FROM sessions WHERE username = 'a.jansen'").empty());
  CHECK_FALSE(f.store->Authenticate(anna, f.clock.Now()).ok());
  CHECK_FALSE(f.store->CheckLogin("a.jansen", kPassword).ok());
  CHECK(f.store->Authenticate(piet, f.clock.Now()).ok());

  REQUIRE(f.store->SetAccountDisabled("a.jansen", false, f.clock.Now()).ok());
  CHECK(f.store->CheckLogin("a.jansen", kPassword).ok());
  CHECK_FALSE(f.store->Authenticate(anna, f.clock.Now()).ok());  // ended sessions stay ended

  CHECK(f.store->SetAccountDisabled("nobody", true, f.clock.Now()).code() == StatusCode::kNotFound);
}

TEST_CASE("sessions: a session authenticates until expires_at and not at that instant",
          "[accounts][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const Instant start = f.clock.Now();
  const std::string token = SessionOrFail(*f.store, "a.jansen", start, 3600);
  const Instant expires = start.AddSeconds(3600);

  StatusOr<Account> now = f.store->Authenticate(token, start);
  REQUIRE(now.ok());
  CHECK(now->username == "a.jansen");
  CHECK(f.store->Authenticate(token, expires.AddSeconds(-1)).ok());
  StatusOr<Account> at_end = f.store->Authenticate(token, expires);
  REQUIRE_FALSE(at_end.ok());
  CHECK(at_end.status().code() == StatusCode::kPermissionDenied);
  CHECK(at_end.status().message() == "unknown or expired session");
  CHECK_FALSE(f.store->Authenticate(token, expires.AddSeconds(86400)).ok());

  const Rows stored = QueryRaw(f.db, "SELECT created_at, expires_at, kind FROM sessions");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0] == std::vector<std::string>{std::to_string(start.unix_seconds()),
                                              std::to_string(expires.unix_seconds()), "session"});
}

TEST_CASE("sessions: DeleteExpiredSessions removes exactly the expired ones",
          "[accounts][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const Instant start = f.clock.Now();
  const std::string hour = SessionOrFail(*f.store, "a.jansen", start, 3600);
  const std::string day = SessionOrFail(*f.store, "a.jansen", start, 86400, kApiSessionKind);

  StatusOr<int64_t> none = f.store->DeleteExpiredSessions(start.AddSeconds(3599));
  REQUIRE(none.ok());
  CHECK(*none == 0);
  StatusOr<int64_t> one = f.store->DeleteExpiredSessions(start.AddSeconds(3600));
  REQUIRE(one.ok());
  CHECK(*one == 1);
  CHECK(QueryRaw(f.db, "SELECT kind FROM sessions") == Rows{{"api"}});
  CHECK(f.store->Authenticate(day, start.AddSeconds(3600)).ok());
  CHECK_FALSE(f.store->Authenticate(hour, start).ok());  // gone, even at a time it was valid
}

TEST_CASE("sessions: a deleted session no longer authenticates, others do", "[accounts][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const std::string first = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  const std::string second = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  CHECK(first != second);

  REQUIRE(f.store->DeleteSession(first).ok());
  CHECK_FALSE(f.store->Authenticate(first, f.clock.Now()).ok());
  CHECK(f.store->Authenticate(second, f.clock.Now()).ok());
  CHECK(f.store->DeleteSession(first).ok());  // logging out twice is fine
  CHECK(f.store->DeleteSession("never issued").ok());
  CHECK(QueryRaw(f.db, "SELECT count(*) FROM sessions") == Rows{{"1"}});
}

TEST_CASE("sessions: only the SHA-256 of a token is stored", "[accounts][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const std::string token = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  CHECK(token.size() == 43);

  const Rows rows = QueryRaw(f.db, "SELECT token_hash, username FROM sessions");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == Sha256Hex(token));
  CHECK(rows[0][1] == "a.jansen");
  CHECK(FileBytes(f.db).find(token) == std::string::npos);
  // The stored hash itself is no token.
  CHECK_FALSE(f.store->Authenticate(rows[0][0], f.clock.Now()).ok());
}

TEST_CASE("sessions: bad requests are refused", "[accounts][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  CHECK(f.store->CreateSession("a.jansen", "admin", f.clock.Now(), 3600).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(f.store->CreateSession("a.jansen", kSessionKind, f.clock.Now(), 0).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(f.store->CreateSession("nobody", kSessionKind, f.clock.Now(), 3600).status().code() ==
        StatusCode::kNotFound);
  CHECK(f.store->Authenticate("", f.clock.Now()).status().code() == StatusCode::kPermissionDenied);
  CHECK(QueryRaw(f.db, "SELECT count(*) FROM sessions") == Rows{{"0"}});
}

TEST_CASE("passwords: SetPassword replaces the hash and ends that user's sessions only",
          "[accounts][login][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  CreateOrFail(*f.store, Handler("p.devries"), f.clock.Now());
  const std::string anna = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  const std::string piet = SessionOrFail(*f.store, "p.devries", f.clock.Now());

  Status too_short = f.store->SetPassword("a.jansen", "kort", FastPolicy(), f.clock.Now());
  CHECK(too_short.code() == StatusCode::kInvalidArgument);
  CHECK(f.store->CheckLogin("a.jansen", kPassword).ok());
  CHECK(f.store->Authenticate(anna, f.clock.Now()).ok());

  const std::string changed = "een nieuw en langer wachtwoord";
  REQUIRE(f.store->SetPassword("a.jansen", changed, FastPolicy(), f.clock.Now()).ok());
  CHECK_FALSE(f.store->CheckLogin("a.jansen", kPassword).ok());
  CHECK(f.store->CheckLogin("a.jansen", changed).ok());
  CHECK_FALSE(f.store->Authenticate(anna, f.clock.Now()).ok());
  CHECK(f.store->Authenticate(piet, f.clock.Now()).ok());
  CHECK(f.store->CheckLogin("p.devries", kPassword).ok());

  CHECK(f.store->SetPassword("nobody", changed, FastPolicy(), f.clock.Now()).code() ==
        StatusCode::kNotFound);
}

TEST_CASE("accounts: UpdateAccount changes only the fields given, in one transaction",
          "[accounts]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const std::string session = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  AccountUpdate rename;
  rename.display_name = "Anna de Jong-Jansen";
  rename.roles = std::vector<std::string>{"behandelaar"};
  REQUIRE(f.store->UpdateAccount("a.jansen", rename, FastPolicy(), f.clock.Now()).ok());
  Account a = f.store->GetAccount("a.jansen").value();
  CHECK(a.display_name == "Anna de Jong-Jansen");
  CHECK(a.roles == std::vector<std::string>{"behandelaar"});
  CHECK_FALSE(a.admin);
  // A rename keeps the sessions; the password still works.
  CHECK(f.store->Authenticate(session, f.clock.Now()).ok());
  CHECK(f.store->CheckLogin("a.jansen", kPassword).ok());

  // One invalid field refuses the whole update.
  const std::string before = DumpDatabase(f.db);
  AccountUpdate bad;
  bad.admin = true;
  bad.roles = std::vector<std::string>{"niet geldig"};
  Status refused = f.store->UpdateAccount("a.jansen", bad, FastPolicy(), f.clock.Now());
  CHECK(refused.code() == StatusCode::kInvalidArgument);
  CHECK(refused.subject() == "roles");
  AccountUpdate short_password;
  short_password.display_name = "Iemand anders";
  short_password.password = "kort";
  CHECK(f.store->UpdateAccount("a.jansen", short_password, FastPolicy(), f.clock.Now()).code() ==
        StatusCode::kInvalidArgument);
  CHECK(f.store->UpdateAccount("nobody", rename, FastPolicy(), f.clock.Now()).code() ==
        StatusCode::kNotFound);
  CHECK(DumpDatabase(f.db) == before);
}

TEST_CASE("accounts: the last enabled administrator can be neither disabled nor demoted",
          "[accounts]") {
  Fixture f;
  NewAccount boss = Handler("beheer");
  boss.admin = true;
  CreateOrFail(*f.store, boss, f.clock.Now());
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  AccountUpdate demote;
  demote.admin = false;
  AccountUpdate disable;
  disable.disabled = true;
  Status refused = f.store->UpdateAccount("beheer", demote, FastPolicy(), f.clock.Now());
  CHECK(refused.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(refused.message(), Catch::Contains("last enabled administrator"));
  CHECK(f.store->SetAccountDisabled("beheer", true, f.clock.Now()).code() ==
        StatusCode::kFailedPrecondition);
  CHECK(f.store->GetAccount("beheer").value().admin);
  // Non-administrators are not affected by the rule.
  CHECK(f.store->UpdateAccount("a.jansen", disable, FastPolicy(), f.clock.Now()).ok());
  // With a second administrator, the first may step down.
  AccountUpdate promote;
  promote.admin = true;
  promote.disabled = false;
  REQUIRE(f.store->UpdateAccount("a.jansen", promote, FastPolicy(), f.clock.Now()).ok());
  CHECK(f.store->UpdateAccount("beheer", demote, FastPolicy(), f.clock.Now()).ok());
  CHECK_FALSE(f.store->GetAccount("beheer").value().admin);
}

TEST_CASE("sessions: API tokens are listed by id and label and revoked by id",
          "[accounts][session]") {
  Fixture f;
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  CreateOrFail(*f.store, Handler("b.bakker"), f.clock.Now());
  StatusOr<std::string> api =
      f.store->CreateSession("a.jansen", kApiSessionKind, f.clock.Now(), 86400, "zaaksysteem");
  REQUIRE(api.ok());
  const std::string login = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  StatusOr<std::string> theirs =
      f.store->CreateSession("b.bakker", kApiSessionKind, f.clock.Now(), 60, "website");
  REQUIRE(theirs.ok());

  StatusOr<std::vector<SessionInfo>> mine =
      f.store->Sessions("a.jansen", kApiSessionKind, f.clock.Now());
  REQUIRE(mine.ok());
  REQUIRE(mine->size() == 1);
  CHECK(mine->front().id == SessionId(*api));
  CHECK(mine->front().id == Sha256Hex(*api).substr(0, 16));
  CHECK(mine->front().label == "zaaksysteem");
  CHECK(mine->front().expires_at == f.clock.Now().AddSeconds(86400));
  CHECK(f.store->Sessions("", kApiSessionKind, f.clock.Now()).value().size() == 2);
  // Expired ones are not listed.
  CHECK(f.store->Sessions("", kApiSessionKind, f.clock.Now().AddSeconds(60)).value().size() == 1);

  // Revocation is scoped: by owner and by kind.
  CHECK(f.store->DeleteSessionById("a.jansen", kApiSessionKind, SessionId(*theirs)).code() ==
        StatusCode::kNotFound);
  CHECK(f.store->DeleteSessionById("a.jansen", kApiSessionKind, SessionId(login)).code() ==
        StatusCode::kNotFound);
  CHECK(f.store->DeleteSessionById("a.jansen", kApiSessionKind, "not-an-id").code() ==
        StatusCode::kNotFound);
  CHECK(f.store->Authenticate(*theirs, f.clock.Now()).ok());
  CHECK(f.store->Authenticate(login, f.clock.Now()).ok());
  REQUIRE(f.store->DeleteSessionById("a.jansen", kApiSessionKind, SessionId(*api)).ok());
  CHECK(f.store->Authenticate(*api, f.clock.Now()).status().code() ==
        StatusCode::kPermissionDenied);
  // An administrator's revocation names no owner.
  REQUIRE(f.store->DeleteSessionById("", kApiSessionKind, SessionId(*theirs)).ok());
  CHECK(f.store->Sessions("", kApiSessionKind, f.clock.Now()).value().empty());

  CHECK(f.store->CreateSession("a.jansen", kApiSessionKind, f.clock.Now(), 60, "twee\nregels")
            .status()
            .code() == StatusCode::kInvalidArgument);
  CHECK(f.store->CreateSession("a.jansen", kApiSessionKind, f.clock.Now(), 60,
                               std::string(101, 'x'))
            .status()
            .code() == StatusCode::kInvalidArgument);
}

TEST_CASE("case tokens: each resolves to its own case only, stored as a hash",
          "[accounts][case_token]") {
  Fixture f;
  const std::string first = f.SubmitOne();
  const std::string second = f.SubmitOne();
  StatusOr<std::string> a = f.store->CreateCaseToken(first, f.clock.Now());
  StatusOr<std::string> b = f.store->CreateCaseToken(second, f.clock.Now());
  StatusOr<std::string> a2 = f.store->CreateCaseToken(first, f.clock.Now());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a2.ok());
  CHECK(*a != *a2);

  CHECK(f.store->CaseForToken(*a).value() == first);
  CHECK(f.store->CaseForToken(*a2).value() == first);
  CHECK(f.store->CaseForToken(*b).value() == second);

  StatusOr<std::string> unknown = f.store->CaseForToken(RandomToken());
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kPermissionDenied);
  CHECK(unknown.status().message() == "unknown case token");
  CHECK_FALSE(f.store->CaseForToken(first).ok());  // a case number is no token

  const Rows rows = QueryRaw(f.db, "SELECT token_hash, case_id FROM case_tokens ORDER BY rowid");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{Sha256Hex(*a), first});
  CHECK(rows[1] == std::vector<std::string>{Sha256Hex(*b), second});
  const std::string bytes = FileBytes(f.db);
  CHECK(bytes.find(*a) == std::string::npos);
  CHECK(bytes.find(*b) == std::string::npos);

  StatusOr<std::string> no_case = f.store->CreateCaseToken("2026-999999", f.clock.Now());
  REQUIRE_FALSE(no_case.ok());
  CHECK(no_case.status().code() == StatusCode::kNotFound);
}

TEST_CASE("case tokens and session tokens are not interchangeable", "[accounts][case_token]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  CreateOrFail(*f.store, Handler(), f.clock.Now());
  const std::string session = SessionOrFail(*f.store, "a.jansen", f.clock.Now());
  StatusOr<std::string> link = f.store->CreateCaseToken(id, f.clock.Now());
  REQUIRE(link.ok());
  CHECK(f.store->Authenticate(*link, f.clock.Now()).status().code() ==
        StatusCode::kPermissionDenied);
  CHECK(f.store->CaseForToken(session).status().code() == StatusCode::kPermissionDenied);
}

TEST_CASE("schema: a schema-2 database migrates to the latest and keeps its data",
          "[accounts][store]") {
  TempDir dir;
  const std::string db = dir.File("cases.db");
  std::unique_ptr<WorkflowRegistry> workflows = ShippedWorkflows();
  FakeClock clock{At("2026-01-08T10:00")};
  std::string id;
  {
    StoreOptions schema_2;
    schema_2.path = db;
    schema_2.schema_version_for_testing = 2;
    StatusOr<std::unique_ptr<CaseStore>> old = CaseStore::Open(schema_2);
    REQUIRE(old.ok());
    REQUIRE((*old)->schema_version() == 2);
    Runner runner(**old, *workflows, clock);
    StatusOr<RunResult> submitted = runner.Submit(Submission(clock.Now()));
    REQUIRE(submitted.ok());
    id = submitted->snapshot.id;
  }
  REQUIRE(QueryRaw(db, "PRAGMA user_version") == Rows{{"2"}});
  REQUIRE(QueryRaw(db, "SELECT name FROM sqlite_master WHERE name = 'accounts'").empty());
  // Later migrations may add columns to `cases`: its rows are compared by their old columns.
  const std::string before = DumpDatabase(db, {"cases"});
  const char* const kOldCaseColumns =
      "SELECT id, workflow_id, workflow_version, state, version, assigned_role, snapshot, "
      "head_hash, created_at, updated_at FROM cases ORDER BY id";
  const Rows cases_before = QueryRaw(db, kOldCaseColumns);

  std::unique_ptr<CaseStore> store = OpenStoreOrFail(db);
  const int latest = CaseStore::LatestSchemaVersion();
  CHECK(latest >= 4);
  CHECK(store->schema_version() == latest);
  CHECK(QueryRaw(db, "PRAGMA user_version") == Rows{{std::to_string(latest)}});
  CHECK(QueryRaw(db, "SELECT name FROM schema_migrations WHERE version = 3") ==
        Rows{{"accounts, sessions, case access tokens"}});
  CHECK(DumpDatabase(db, {"cases"}) == before);
  CHECK(QueryRaw(db, kOldCaseColumns) == cases_before);
  StatusOr<StoredCase> loaded = store->Load(id);
  REQUIRE(loaded.ok());
  CHECK(loaded->snapshot.state == "ontvangen");

  CreateOrFail(*store, Handler(), clock.Now());
  StatusOr<std::string> link = store->CreateCaseToken(id, clock.Now());
  REQUIRE(link.ok());
  CHECK(store->CaseForToken(*link).value() == id);
}

}  // namespace
}  // namespace uitdaag::testing
