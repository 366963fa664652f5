// Drafts of a submission in the store, on real SQLite files (uitdaag/draft.h; uitdaag/store.h,
// "Drafts of a submission"; engine/DESIGN.md, "Drafts").
#include "uitdaag/draft.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/store_fixture.h"
#include "uitdaag/audit.h"
#include "uitdaag/password.h"

namespace uitdaag::testing {
namespace {

using Fixture = StoreTestBed;
using Strings = std::vector<std::string>;

constexpr int64_t kDay = 24 * 60 * 60;
constexpr int64_t kTtl = 30 * kDay;

// A draft of the default workflow on its second page, with a list, line breaks and non-ASCII.
NewDraft Started() {
  NewDraft d;
  d.workflow_id = "uitdaagrecht";
  d.workflow_version = 1;
  d.values.data = {
      {"naam_initiatief", std::string("Groen in de Bloemenbuurt")},
      {"taak", std::string("Onderhoud van het groen.\r\nOok de bomen — café-terras 🌳")},
      {"bijlagen", Strings{"begroting-2026.pdf", "plan.pdf"}},
      {"leeg", Strings{}},
      {"begroting", std::string("12.500,-")},
  };
  d.values.applicant = {{"naam", "Stichting Groen"}, {"email", "info@groen.example"}};
  d.values.page = 1;
  return d;
}

std::string CreateOrFail(CaseStore& store, const NewDraft& draft, Instant at, int64_t ttl = kTtl) {
  StatusOr<std::string> token = store.CreateDraft(draft, at, ttl);
  INFO(token.status().ToString());
  REQUIRE(token.ok());
  return *token;
}

Draft LoadOrFail(CaseStore& store, std::string_view token, Instant at) {
  StatusOr<Draft> draft = store.LoadDraft(token, at);
  INFO(draft.status().ToString());
  REQUIRE(draft.ok());
  return *draft;
}

void RequireOk(const Status& status) {
  INFO(status.ToString());
  REQUIRE(status.ok());
}

void CheckNotFound(const Status& status) {
  CHECK(status.code() == StatusCode::kNotFound);
  CHECK(status.message() == "unknown or expired draft");
}

// A long text (100 KiB: stored on overflow pages, which a deletion frees) repeating
// kConfidential, for checks that removed values leave no trace in the file.
constexpr const char* kConfidential = "Motivering-Vertrouwelijk-";
std::string Confidential() {
  std::string text;
  while (text.size() < 100 * 1024) text += kConfidential;
  return text;
}

// A form data value whose JSON encoding `{"f":"xx...x"}` is exactly `bytes` long.
DraftValues DataOfJsonSize(size_t bytes) {
  DraftValues values;
  values.data["f"] = std::string(bytes - 8, 'x');
  return values;
}

TEST_CASE("drafts: create, load and save round-trip the values", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string token = CreateOrFail(*f.store, Started(), t0);
  CHECK(token.size() == kDraftTokenLength);
  CHECK(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
      std::string::npos);

  Draft loaded = LoadOrFail(*f.store, token, t0);
  CHECK(loaded.workflow_id == "uitdaagrecht");
  CHECK(loaded.workflow_version == 1);
  CHECK(loaded.values == Started().values);
  CHECK(loaded.created_at == t0);
  CHECK(loaded.updated_at == t0);
  CHECK(loaded.expires_at == t0.AddSeconds(kTtl));
  CHECK(loaded.ttl_seconds == kTtl);
  CHECK_FALSE(loaded.submitted());
  CHECK_FALSE(loaded.submitted_at.has_value());

  // A save replaces all values (a field left out is gone) and renews the lifetime.
  const Instant t1 = t0.AddSeconds(3 * kDay);
  DraftValues changed;
  changed.data = {{"naam_initiatief", std::string("Groen en Blauw")},
                  {"bijlagen", Strings{"plan-v2.pdf"}}};
  changed.applicant = {{"naam", "Stichting Groen en Blauw"}};
  changed.page = 3;
  RequireOk(f.store->SaveDraft(token, changed, t1));
  loaded = LoadOrFail(*f.store, token, t1);
  CHECK(loaded.values == changed);
  CHECK(loaded.created_at == t0);
  CHECK(loaded.updated_at == t1);
  CHECK(loaded.expires_at == t1.AddSeconds(kTtl));

  // An empty draft is a draft too.
  RequireOk(f.store->SaveDraft(token, DraftValues{}, t1));
  CHECK(LoadOrFail(*f.store, token, t1).values == DraftValues{});

  // A second draft is independent of the first.
  const std::string other = CreateOrFail(*f.store, Started(), t1);
  CHECK(other != token);
  CHECK(LoadOrFail(*f.store, other, t1).values == Started().values);
  CHECK(LoadOrFail(*f.store, token, t1).values == DraftValues{});
  CHECK(f.store->CountDrafts().value() == 2);

  // Stored as the JSON the table documents.
  CHECK(QueryRaw(f.db, "SELECT data, applicant, page FROM drafts WHERE token_hash = '" +
                           Sha256Hex(other) + "'") ==
        Rows{{R"({"begroting":"12.500,-","bijlagen":["begroting-2026.pdf","plan.pdf"],)"
              R"("leeg":[],"naam_initiatief":"Groen in de Bloemenbuurt",)"
              R"("taak":"Onderhoud van het groen.\r\nOok de bomen — café-terras 🌳"})",
              R"({"email":"info@groen.example","naam":"Stichting Groen"})", "1"}});
}

TEST_CASE("drafts: a text that is not a live draft's token is not found", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string token = CreateOrFail(*f.store, Started(), t0);
  const std::string case_id = f.SubmitOne();

  std::string same_length = token;  // another draft's length, different bytes
  same_length[10] = same_length[10] == 'A' ? 'B' : 'A';
  std::string bad_character = token;
  bad_character[0] = '.';
  const std::vector<std::string> not_tokens = {
      RandomToken(),  // well formed, never issued
      same_length,
      "",
      token + "A",  // over-long
      token.substr(0, kDraftTokenLength - 1),
      bad_character,
      token + "=",       // base64 padding
      Sha256Hex(token),  // what the database holds
  };
  for (const std::string& candidate : not_tokens) {
    INFO("candidate: '" << candidate << "'");
    StatusOr<Draft> loaded = f.store->LoadDraft(candidate, t0);
    REQUIRE_FALSE(loaded.ok());
    CheckNotFound(loaded.status());
    CHECK(loaded.status().subject().empty());
    CheckNotFound(f.store->SaveDraft(candidate, DraftValues{}, t0));
    CheckNotFound(f.store->MarkDraftSubmitted(candidate, case_id, t0));
  }
  // The real draft is untouched by all of that.
  const Draft loaded = LoadOrFail(*f.store, token, t0);
  CHECK(loaded.values == Started().values);
  CHECK_FALSE(loaded.submitted());
}

TEST_CASE("drafts: a draft has expired exactly at expires_at, also before the sweep", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string token = CreateOrFail(*f.store, Started(), t0, 3600);
  const std::string case_id = f.SubmitOne();

  CHECK(LoadOrFail(*f.store, token, t0.AddSeconds(3599)).expires_at == t0.AddSeconds(3600));
  // Loading renews nothing.
  CheckNotFound(f.store->LoadDraft(token, t0.AddSeconds(3600)).status());
  CheckNotFound(f.store->SaveDraft(token, DraftValues{}, t0.AddSeconds(3600)));
  CheckNotFound(f.store->MarkDraftSubmitted(token, case_id, t0.AddSeconds(3600)));
  CHECK(f.store->CountDrafts().value() == 1);  // not swept yet, and still not found

  // A save one second before the end renews the lifetime from that save.
  const Instant saved = t0.AddSeconds(3599);
  RequireOk(f.store->SaveDraft(token, DraftValues{}, saved));
  CHECK(LoadOrFail(*f.store, token, t0.AddSeconds(3600)).expires_at == saved.AddSeconds(3600));
  CHECK(f.store->LoadDraft(token, saved.AddSeconds(3599)).ok());
  CheckNotFound(f.store->LoadDraft(token, saved.AddSeconds(3600)).status());
}

TEST_CASE("drafts: DeleteExpiredDrafts removes exactly the expired ones and counts them",
          "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string case_id = f.SubmitOne();
  NewDraft with_secret = Started();
  with_secret.values.data["motivering"] = Confidential();  // on overflow pages
  const std::string a = CreateOrFail(*f.store, with_secret, t0, 100);
  const std::string b = CreateOrFail(*f.store, Started(), t0, 200);
  const std::string c = CreateOrFail(*f.store, Started(), t0, 300);
  const std::string submitted = CreateOrFail(*f.store, Started(), t0, 100);
  RequireOk(f.store->MarkDraftSubmitted(submitted, case_id, t0.AddSeconds(50)));
  CHECK(f.store->CountDrafts().value() == 4);
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  REQUIRE(FileBytes(f.db).find(kConfidential) != std::string::npos);  // the scan can see it

  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(99)).value() == 0);
  CHECK(f.store->CountDrafts().value() == 4);

  // At the instant a and the submitted draft expire, both go; b and c stay untouched.
  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(100)).value() == 2);
  CHECK(f.store->CountDrafts().value() == 2);
  CHECK(QueryRaw(f.db, "SELECT expires_at - " + std::to_string(t0.unix_seconds()) +
                           " FROM drafts ORDER BY expires_at") == Rows{{"200"}, {"300"}});
  CHECK(LoadOrFail(*f.store, b, t0.AddSeconds(100)).values == Started().values);
  CHECK(LoadOrFail(*f.store, c, t0.AddSeconds(100)).values == Started().values);
  // Gone for good: a clock turned back does not bring them back.
  CheckNotFound(f.store->LoadDraft(a, t0).status());
  CheckNotFound(f.store->LoadDraft(submitted, t0).status());

  // Deleted down to the bytes (once the log is checkpointed into the file).
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  CHECK(FileBytes(f.db).find(kConfidential) == std::string::npos);

  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(100)).value() == 0);
  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(kDay)).value() == 2);
  CHECK(f.store->CountDrafts().value() == 0);
  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(kDay)).value() == 0);
}

TEST_CASE("drafts: a submitted draft keeps no values, not even in the file, and refuses a save",
          "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string case_id = f.SubmitOne();
  const std::string other_case = f.SubmitOne();
  NewDraft draft = Started();
  const std::string secret = "Telefoon-0612345678-Geheim";
  draft.values.applicant["telefoon"] = secret;
  draft.values.data["motivering"] = Confidential();  // on overflow pages
  const std::string token = CreateOrFail(*f.store, draft, t0);
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  REQUIRE(FileBytes(f.db).find(secret) != std::string::npos);  // the scan below can see it

  const Instant t1 = t0.AddSeconds(kDay);
  RequireOk(f.store->MarkDraftSubmitted(token, case_id, t1));

  CHECK(QueryRaw(f.db, "SELECT data, applicant, page, submitted_case, submitted_at - " +
                           std::to_string(t0.unix_seconds()) + ", updated_at = submitted_at, " +
                           "expires_at - created_at FROM drafts") ==
        Rows{{"{}", "{}", "0", case_id, std::to_string(kDay), "1", std::to_string(kTtl)}});
  const Draft loaded = LoadOrFail(*f.store, token, t1);
  CHECK(loaded.submitted_case == case_id);
  CHECK(loaded.submitted_at == t1);
  CHECK(loaded.values == DraftValues{});
  CHECK(loaded.expires_at == t0.AddSeconds(kTtl));  // not renewed by the submission

  // The freed space was overwritten: once the log is checkpointed, the file holds none of it.
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  const std::string bytes = FileBytes(f.db);
  CHECK(bytes.find(secret) == std::string::npos);
  CHECK(bytes.find(kConfidential) == std::string::npos);
  CHECK(bytes.find("Stichting Groen") == std::string::npos);

  const std::string before = DumpDatabase(f.db);
  Status save = f.store->SaveDraft(token, Started().values, t1.AddSeconds(1));
  CHECK(save.code() == StatusCode::kFailedPrecondition);
  CHECK(save.subject() == case_id);
  // The same submission again (a retry) is fine and changes nothing; another case is refused.
  RequireOk(f.store->MarkDraftSubmitted(token, case_id, t1.AddSeconds(2)));
  Status again = f.store->MarkDraftSubmitted(token, other_case, t1.AddSeconds(3));
  CHECK(again.code() == StatusCode::kFailedPrecondition);
  CHECK(again.subject() == case_id);
  CHECK(DumpDatabase(f.db) == before);

  // A case that does not exist is refused, and the draft stays open.
  const std::string open = CreateOrFail(*f.store, Started(), t1);
  Status no_case = f.store->MarkDraftSubmitted(open, "2026-999999", t1);
  CHECK(no_case.code() == StatusCode::kNotFound);
  CHECK(no_case.subject() == "2026-999999");
  CHECK_FALSE(LoadOrFail(*f.store, open, t1).submitted());
}

TEST_CASE("drafts: a save leaves no trace of the values it replaced", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  NewDraft draft = Started();
  draft.values.data["motivering"] = Confidential();  // on overflow pages
  draft.values.applicant["telefoon"] = "Telefoon-0612345678-Geheim";
  const std::string token = CreateOrFail(*f.store, draft, t0);
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  REQUIRE(FileBytes(f.db).find("Telefoon-0612345678-Geheim") != std::string::npos);

  // The resident shortens the text and removes the phone number.
  RequireOk(f.store->SaveDraft(token, Started().values, t0.AddSeconds(60)));
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  const std::string bytes = FileBytes(f.db);
  CHECK(bytes.find("Telefoon-0612345678-Geheim") == std::string::npos);
  CHECK(bytes.find(kConfidential) == std::string::npos);
}

TEST_CASE("drafts: the token is stored nowhere, only its SHA-256", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string case_id = f.SubmitOne();
  const std::string open = CreateOrFail(*f.store, Started(), t0);
  const std::string submitted = CreateOrFail(*f.store, Started(), t0);
  RequireOk(f.store->SaveDraft(open, Started().values, t0.AddSeconds(1)));
  RequireOk(f.store->MarkDraftSubmitted(submitted, case_id, t0.AddSeconds(2)));

  const Rows columns = QueryRaw(f.db, "SELECT name FROM pragma_table_info('drafts')");
  REQUIRE(columns.size() >= 13);
  size_t scanned = 0;
  for (const std::vector<std::string>& column : columns) {
    const std::string& name = column.front();
    INFO("column " << name);
    for (const std::vector<std::string>& row :
         QueryRaw(f.db, "SELECT CAST(\"" + name + "\" AS TEXT) FROM drafts")) {
      CHECK(row.front().find(open) == std::string::npos);
      CHECK(row.front().find(submitted) == std::string::npos);
      ++scanned;
    }
  }
  CHECK(scanned == 2 * columns.size());
  CHECK(QueryRaw(f.db, "SELECT token_hash FROM drafts ORDER BY id") ==
        Rows{{Sha256Hex(open)}, {Sha256Hex(submitted)}});
  const std::string bytes = FileBytes(f.db);
  CHECK(bytes.find(open) == std::string::npos);
  CHECK(bytes.find(submitted) == std::string::npos);
}

TEST_CASE("drafts: values and lifetimes are checked before anything is stored", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  auto refused = [](const Status& status, const std::string& subject) {
    INFO(status.ToString());
    CHECK(status.code() == StatusCode::kInvalidArgument);
    CHECK(status.subject() == subject);
  };

  SECTION("form data up to 1 MiB as JSON, not a byte more") {
    NewDraft draft = Started();
    draft.values = DataOfJsonSize(kMaxDraftDataBytes);
    const std::string token = CreateOrFail(*f.store, draft, t0);
    CHECK(LoadOrFail(*f.store, token, t0).values == draft.values);
    draft.values = DataOfJsonSize(kMaxDraftDataBytes + 1);
    refused(f.store->CreateDraft(draft, t0, kTtl).status(), "data");
    refused(f.store->SaveDraft(token, draft.values, t0.AddSeconds(1)), "data");
    CHECK(LoadOrFail(*f.store, token, t0).updated_at == t0);  // the refused save changed nothing
    CHECK(f.store->CountDrafts().value() == 1);
  }
  SECTION("the applicant up to 64 KiB as JSON") {
    NewDraft draft = Started();
    draft.values.applicant = {{"a", std::string(kMaxDraftApplicantBytes - 8, 'x')}};
    const std::string token = CreateOrFail(*f.store, draft, t0);
    draft.values.applicant = {{"a", std::string(kMaxDraftApplicantBytes - 7, 'x')}};
    refused(f.store->SaveDraft(token, draft.values, t0), "applicant");
  }
  SECTION("text that is not UTF-8, empty field names, a negative page") {
    const std::string token = CreateOrFail(*f.store, Started(), t0);
    const std::string before = DumpDatabase(f.db);
    DraftValues values;
    values.data = {{"taak", std::string("caf\xe9")}};  // Latin-1, not UTF-8
    refused(f.store->SaveDraft(token, values, t0), "taak");
    values.data = {{"bijlagen", Strings{"a.pdf", "\xc3"}}};
    refused(f.store->SaveDraft(token, values, t0), "bijlagen");
    values.data = {{"\xff", std::string("x")}};
    refused(f.store->SaveDraft(token, values, t0), "data");
    values.data = {{"", std::string("x")}};
    refused(f.store->SaveDraft(token, values, t0), "data");
    values.data = {};
    values.applicant = {{"naam", "\xed\xa0\x80"}};  // a surrogate
    refused(f.store->SaveDraft(token, values, t0), "applicant.naam");
    values.applicant = {{"", "x"}};
    refused(f.store->SaveDraft(token, values, t0), "applicant");
    values.applicant = {};
    values.page = -1;
    refused(f.store->SaveDraft(token, values, t0), "page");
    NewDraft draft = Started();
    draft.values = values;
    refused(f.store->CreateDraft(draft, t0, kTtl).status(), "page");
    CHECK(DumpDatabase(f.db) == before);
  }
  SECTION("a workflow and a lifetime of 1 second to a year") {
    NewDraft draft = Started();
    draft.workflow_id = "";
    refused(f.store->CreateDraft(draft, t0, kTtl).status(), "workflow_id");
    draft = Started();
    draft.workflow_version = 0;
    refused(f.store->CreateDraft(draft, t0, kTtl).status(), "workflow_version");
    for (const int64_t ttl : {int64_t{0}, int64_t{-1}, kMaxDraftTtlSeconds + 1}) {
      refused(f.store->CreateDraft(Started(), t0, ttl).status(), "ttl_seconds");
    }
    CHECK(f.store->CountDrafts().value() == 0);
    CreateOrFail(*f.store, Started(), t0, 1);
    CreateOrFail(*f.store, Started(), t0, kMaxDraftTtlSeconds);
    CHECK(f.store->CountDrafts().value() == 2);
  }
}

TEST_CASE("drafts: each write is one transaction, so a failed commit leaves everything as it was",
          "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string case_id = f.SubmitOne();
  const std::string token = CreateOrFail(*f.store, Started(), t0, 100);
  const std::string before = DumpDatabase(f.db);

  f.store->SetFaultHookForTesting([](std::string_view point) {
    return point == "before_commit" ? Status::IoError("injected") : Status::Ok();
  });
  CHECK(f.store->CreateDraft(Started(), t0, kTtl).status().message() == "injected");
  CHECK(f.store->SaveDraft(token, DraftValues{}, t0).message() == "injected");
  CHECK(f.store->MarkDraftSubmitted(token, case_id, t0).message() == "injected");
  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(100)).status().message() == "injected");
  CHECK(DumpDatabase(f.db) == before);

  // The connection is fine afterwards.
  f.store->SetFaultHookForTesting({});
  RequireOk(f.store->MarkDraftSubmitted(token, case_id, t0));
  CHECK(f.store->DeleteExpiredDrafts(t0.AddSeconds(100)).value() == 1);
}

TEST_CASE("drafts: corrupt stored values are an I/O error, not a draft", "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string token = CreateOrFail(*f.store, Started(), t0);
  for (const char* data : {"[]", R"({"a":1})", R"({"a":["b",2]})", "not json"}) {
    INFO(data);
    ExecRaw(f.db, std::string("UPDATE drafts SET data = '") + data + "'");
    StatusOr<Draft> loaded = f.store->LoadDraft(token, t0);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.status().code() == StatusCode::kIoError);
    CHECK(loaded.status().message().find(token) == std::string::npos);
  }
  ExecRaw(f.db, R"(UPDATE drafts SET data = '{}', applicant = '{"naam":["x"]}')");
  CHECK(f.store->LoadDraft(token, t0).status().code() == StatusCode::kIoError);
}

TEST_CASE("drafts: draft tokens, case tokens and session tokens are not interchangeable",
          "[drafts]") {
  Fixture f;
  const Instant t0 = f.clock.Now();
  const std::string case_id = f.SubmitOne();
  const std::string draft = CreateOrFail(*f.store, Started(), t0);
  StatusOr<std::string> link = f.store->CreateCaseToken(case_id, t0);
  REQUIRE(link.ok());
  CheckNotFound(f.store->LoadDraft(*link, t0).status());
  CHECK(f.store->CaseForToken(draft).status().code() == StatusCode::kPermissionDenied);
  CHECK(f.store->Authenticate(draft, t0).status().code() == StatusCode::kPermissionDenied);
}

TEST_CASE("drafts: the expiry sweep reads the drafts_by_expiry index", "[drafts]") {
  Fixture f;
  std::string plan;
  for (const std::vector<std::string>& row :
       QueryRaw(f.db, "EXPLAIN QUERY PLAN DELETE FROM drafts WHERE expires_at <= 1")) {
    plan += row.back() + "\n";
  }
  CHECK_THAT(plan, Catch::Contains("SEARCH drafts USING") &&
                       Catch::Contains("INDEX drafts_by_expiry (expires_at<?)"));
}

TEST_CASE("schema: a schema-5 database migrates to 6, with drafts, and keeps its data",
          "[drafts][store]") {
  TempDir dir;
  const std::string db = dir.File("cases.db");
  std::unique_ptr<WorkflowRegistry> workflows = ShippedWorkflows();
  FakeClock clock{At("2026-01-08T10:00")};
  std::string id;
  {
    StoreOptions schema_5;
    schema_5.path = db;
    schema_5.schema_version_for_testing = 5;
    StatusOr<std::unique_ptr<CaseStore>> old = CaseStore::Open(schema_5);
    REQUIRE(old.ok());
    REQUIRE((*old)->schema_version() == 5);
    Runner runner(**old, *workflows, clock);
    StatusOr<RunResult> submitted = runner.Submit(Submission(clock.Now()));
    REQUIRE(submitted.ok());
    id = submitted->snapshot.id;
  }
  REQUIRE(QueryRaw(db, "PRAGMA user_version") == Rows{{"5"}});
  REQUIRE(QueryRaw(db, "SELECT name FROM sqlite_master WHERE tbl_name = 'drafts'").empty());
  const std::string before = DumpDatabase(db);

  std::unique_ptr<CaseStore> store = OpenStoreOrFail(db);
  CHECK(CaseStore::LatestSchemaVersion() >= 6);
  CHECK(store->schema_version() == CaseStore::LatestSchemaVersion());
  CHECK(QueryRaw(db, "SELECT name FROM schema_migrations WHERE version = 6") ==
        Rows{{"drafts of a submission"}});
  CHECK(QueryRaw(db,
                 "SELECT name FROM sqlite_master WHERE type = 'index' AND "
                 "tbl_name = 'drafts' AND name = 'drafts_by_expiry'") ==
        Rows{{"drafts_by_expiry"}});
  CHECK(DumpDatabase(db) == before);  // the new table is empty; nothing else changed
  CHECK(store->Load(id).ok());

  const std::string token = CreateOrFail(*store, Started(), clock.Now());
  RequireOk(store->MarkDraftSubmitted(token, id, clock.Now()));
  CHECK(LoadOrFail(*store, token, clock.Now()).submitted_case == id);
}

}  // namespace
}  // namespace uitdaag::testing
