// The SQLite store on real files: schema, commit, conflicts, idempotency, failures that must
// leave everything as it was, backup and restore.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/store_fixture.h"
#include "uitdaag/case_json.h"

namespace uitdaag::testing {
namespace {

using Fixture = StoreTestBed;

TEST_CASE("store: a new database gets the latest schema, in WAL mode", "[store]") {
  Fixture f;
  CHECK(f.store->schema_version() == CaseStore::LatestSchemaVersion());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(f.db.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_CASE("store: reopening keeps the data and applies no migration twice", "[store]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  f.store.reset();
  auto reopened = OpenStoreOrFail(f.db);
  StatusOr<StoredCase> loaded = reopened->Load(id);
  REQUIRE(loaded.ok());
  CHECK(loaded->snapshot.state == "ontvangen");
}

TEST_CASE("store: a database from a newer build is refused, not touched", "[store]") {
  Fixture f;
  f.store.reset();
  ExecRaw(f.db, "PRAGMA user_version = 99");
  const std::string before = DumpDatabase(f.db);
  StoreOptions options;
  options.path = f.db;
  StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(options);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(store.status().message(), Catch::Contains("schema version 99"));
  CHECK(DumpDatabase(f.db) == before);
}

TEST_CASE("store: submit numbers cases per year and stores snapshot, log, deadlines, timers",
          "[store][runner]") {
  Fixture f;
  const std::string first = f.SubmitOne();
  const std::string second = f.SubmitOne();
  CHECK(first == "2026-000001");
  CHECK(second == "2026-000002");

  StatusOr<StoredCase> loaded = f.store->Load(first);
  REQUIRE(loaded.ok());
  CHECK(loaded->snapshot.version == 1);
  CHECK(loaded->snapshot.id == first);
  CHECK(loaded->snapshot.data.at("naam_initiatief") == Value::Text("Groen in de Bloemenbuurt"));

  StatusOr<std::vector<LogEntry>> log = f.store->Entries(first);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 1);
  CHECK(log->front().event == "indienen");
  CHECK(log->front().prev_hash == kGenesisHash);
  CHECK(log->front().hash == loaded->head_hash);
  CHECK(log->front().to_state == "ontvangen");

  StatusOr<std::vector<DeadlineRow>> deadlines = f.store->Deadlines(first);
  REQUIRE(deadlines.ok());
  REQUIRE(deadlines->size() == 1);
  CHECK(deadlines->front().record.track.id == "beslistermijn");
  CHECK(deadlines->front().record.legal_end == D("2026-03-05"));  // 8 weeks after 8 January

  StatusOr<std::vector<TimerRecord>> timers = f.store->Timers(first);
  REQUIRE(timers.ok());
  REQUIRE_FALSE(timers->empty());
  bool expiry = false;
  for (const TimerRecord& t : *timers) {
    if (t.ref.kind == TimerRef::Kind::kExpiry) {
      expiry = true;
      CHECK(t.due == Instant::StartOfLocalDay(D("2026-03-06")));
    }
  }
  CHECK(expiry);

  // The acknowledgement letter and the handler's notification wait in the outbox; the deadline
  // effects do not (the deadline rows and timers already are the result).
  StatusOr<std::vector<OutboxItem>> outbox = f.store->Outbox(first);
  REQUIRE(outbox.ok());
  std::vector<std::string> queued;
  for (const OutboxItem& item : *outbox) {
    CHECK(item.status == OutboxItem::Status::kPending);
    queued.push_back(std::string(Effect::KindName(item.effect.kind)) + " " + item.effect.name);
  }
  CHECK(queued ==
        std::vector<std::string>{"render_letter ontvangstbevestiging", "notify behandelaar"});
}

TEST_CASE("store: a stale version is a conflict and writes nothing", "[store][runner]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  f.clock.AdvanceDays(7);
  const Event request =
      MakeEvent("aanvulling_vragen", "behandelaar", f.clock.Now(),
                Payload({{"ontbrekende_gegevens", Value::Text("De statuten ontbreken.")}}));
  REQUIRE(f.runner.Apply(id, request, 1).ok());
  const std::string before = DumpDatabase(f.db);

  // A second handler still looking at version 1.
  StatusOr<RunResult> stale =
      f.runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now()), 1);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().code() == StatusCode::kConflict);
  CHECK_THAT(stale.status().message(), Catch::Contains("version 2"));
  CHECK(DumpDatabase(f.db) == before);
}

TEST_CASE("store: the version check holds inside the commit, not only before the step", "[store]") {
  // Two connections step from the same snapshot; the second commit must lose.
  Fixture f;
  const std::string id = f.SubmitOne();
  auto other_store = OpenStoreOrFail(f.db);
  Runner other(*other_store, *f.workflows, f.clock);
  f.clock.AdvanceDays(1);

  StatusOr<StoredCase> seen = f.store->Load(id);
  REQUIRE(seen.ok());
  const WorkflowDefinition& def = *f.workflows->Latest("uitdaagrecht");
  StatusOr<StepResult> step =
      Step(def, seen->snapshot, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now()),
           f.clock.Now());
  REQUIRE(step.ok());

  // Meanwhile the other connection commits a change.
  REQUIRE(other
              .Apply(id, MakeEvent("aanvulling_vragen", "behandelaar", f.clock.Now(),
                                   Payload({{"ontbrekende_gegevens", Value::Text("Statuten.")}})))
              .ok());
  const std::string before = DumpDatabase(f.db);

  CommitRequest late;
  late.snapshot = step->snapshot;
  late.expected_version = 1;
  late.entry.event = "ontvankelijk_verklaren";
  late.entry.at = f.clock.Now();
  late.now = f.clock.Now();
  StatusOr<CommitResult> committed = f.store->Commit(late);
  REQUIRE_FALSE(committed.ok());
  CHECK(committed.status().code() == StatusCode::kConflict);
  CHECK(DumpDatabase(f.db) == before);
}

TEST_CASE("store: an idempotent resubmission returns the original case and creates nothing",
          "[store][runner]") {
  Fixture f;
  const std::string id = f.SubmitOne("form-7f3a");
  const std::string before = DumpDatabase(f.db);

  StatusOr<RunResult> again = f.runner.Submit(Submission(f.clock.Now(), "form-7f3a"));
  REQUIRE(again.ok());
  CHECK(again->replayed);
  CHECK(again->snapshot.id == id);
  CHECK(again->effects.empty());
  CHECK(DumpDatabase(f.db) == before);

  SECTION("the same key with another request is refused") {
    SubmitRequest other = Submission(f.clock.Now(), "form-7f3a");
    other.event.payload["naam_initiatief"] = Value::Text("Een ander plan");
    StatusOr<RunResult> refused = f.runner.Submit(other);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == StatusCode::kInvalidArgument);
    CHECK_THAT(refused.status().message(), Catch::Contains("different request"));
    CHECK(DumpDatabase(f.db) == before);
  }
  SECTION("the commit itself refuses a key claimed after the runner looked it up") {
    const WorkflowDefinition& def = *f.workflows->Latest("uitdaagrecht");
    const SubmitRequest request = Submission(f.clock.Now(), "form-7f3a");
    StatusOr<StepResult> step =
        Step(def, NewCase(def, "", f.clock.Now()), request.event, f.clock.Now());
    REQUIRE(step.ok());
    CommitRequest commit;
    commit.snapshot = step->snapshot;
    commit.entry.event = "indienen";
    commit.entry.at = f.clock.Now();
    commit.now = f.clock.Now();
    StatusOr<std::vector<LogEntry>> first_log = f.store->Entries(id);
    REQUIRE(first_log.ok());
    // The hash the runner would have sent for this request is the one stored with the key.
    StatusOr<std::optional<std::string>> found =
        f.store->FindIdempotencyKey(IdempotencyClaim{"form-7f3a", "not-the-hash"});
    REQUIRE_FALSE(found.ok());
    CHECK(found.status().code() == StatusCode::kInvalidArgument);
    commit.idempotency = IdempotencyClaim{"form-7f3a", "not-the-hash"};
    StatusOr<CommitResult> refused = f.store->Commit(commit);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == StatusCode::kInvalidArgument);
    CHECK(DumpDatabase(f.db) == before);
  }
}

// Every named point inside Commit(): a failure there must leave the database as it was.
TEST_CASE("store: a commit that fails at any point leaves every table unchanged",
          "[store][fault]") {
  for (const char* point : {"after_event", "after_case", "after_deadlines", "after_timers",
                            "after_outbox", "before_commit"}) {
    DYNAMIC_SECTION("failure " << point) {
      Fixture f;
      const std::string id = f.SubmitOne();
      f.clock.AdvanceDays(7);
      const std::string before = DumpDatabase(f.db);
      f.store->SetFaultHookForTesting([&](std::string_view at) {
        return at == point ? Status::IoError(std::string("injected at ") + point) : Status::Ok();
      });
      StatusOr<RunResult> result = f.runner.Apply(
          id, MakeEvent("aanvulling_vragen", "behandelaar", f.clock.Now(),
                        Payload({{"ontbrekende_gegevens", Value::Text("De statuten.")}})));
      REQUIRE_FALSE(result.ok());
      CHECK_THAT(result.status().message(), Catch::Contains(point));
      CHECK(DumpDatabase(f.db) == before);

      // The same store works on afterwards: the failure did not leave a transaction open.
      f.store->SetFaultHookForTesting({});
      REQUIRE(f.runner
                  .Apply(id, MakeEvent("aanvulling_vragen", "behandelaar", f.clock.Now(),
                                       Payload({{"ontbrekende_gegevens", Value::Text("Nu wel.")}})))
                  .ok());
      const Status audit = f.store->VerifyAudit();
      INFO(audit.ToString());
      CHECK(audit.ok());
    }
  }
}

TEST_CASE("store: a full database is a clear error and loses nothing", "[store][fault]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  f.store.reset();
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  const std::string before = DumpDatabase(f.db);

  // A size cap just above the current file: a large request no longer fits (a real SQLITE_FULL
  // from SQLite, not an injected one).
  const auto bytes = static_cast<int64_t>(std::filesystem::file_size(f.db));
  StoreOptions options;
  options.max_size_bytes = bytes + 4096;
  auto store = OpenStoreOrFail(f.db, options);
  Runner runner(*store, *f.workflows, f.clock);
  SubmitRequest big = Submission(f.clock.Now());
  big.event.payload["taak"] = Value::Text(std::string(1900, 'x'));
  big.event.payload["meerwaarde"] = Value::Text(std::string(1900, 'y'));
  big.event.payload["draagvlak"] = Value::Text(std::string(1900, 'z'));
  big.event.payload["samenwerking"] = Value::Text(std::string(1900, 'w'));
  StatusOr<RunResult> result = runner.Submit(big);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kResourceExhausted);
  CHECK_THAT(result.status().message(), Catch::Contains("full"));
  CHECK_THAT(result.status().message(), Catch::Contains("nothing was changed"));
  store.reset();
  CHECK(DumpDatabase(f.db) == before);
  CHECK(OpenStoreOrFail(f.db)->Load(id).ok());
}

TEST_CASE("store: a database locked by another writer is a clear error and loses nothing",
          "[store][fault]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  f.store.reset();
  StoreOptions options;
  options.busy_timeout_ms = 100;
  auto store = OpenStoreOrFail(f.db, options);
  Runner runner(*store, *f.workflows, f.clock);

  sqlite3* holder = nullptr;
  REQUIRE(sqlite3_open(f.db.c_str(), &holder) == SQLITE_OK);
  REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const std::string before = DumpDatabase(f.db);
  StatusOr<RunResult> result =
      runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now()));
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kUnavailable);
  CHECK_THAT(result.status().message(), Catch::Contains("locked"));
  CHECK(DumpDatabase(f.db) == before);

  // Once the lock is gone the same store commits.
  StatusOr<RunResult> later =
      runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now()));
  INFO(later.status().ToString());
  CHECK(later.ok());
}

TEST_CASE("store: after SQLite fails inside a commit, the same store commits again",
          "[store][fault]") {
  // A trigger makes the outbox insert fail with a real SQLite error halfway through the commit.
  Fixture f;
  const std::string id = f.SubmitOne();
  ExecRaw(f.db,
          "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox "
          "BEGIN SELECT RAISE(ABORT, 'outbox refused for the test'); END");
  const std::string before = DumpDatabase(f.db);
  const Event request = MakeEvent("aanvulling_vragen", "behandelaar", f.clock.Now(),
                                  Payload({{"ontbrekende_gegevens", Value::Text("Statuten.")}}));
  StatusOr<RunResult> failed = f.runner.Apply(id, request);
  REQUIRE_FALSE(failed.ok());
  CHECK_THAT(failed.status().message(), Catch::Contains("outbox refused for the test"));
  CHECK(DumpDatabase(f.db) == before);

  ExecRaw(f.db, "DROP TRIGGER refuse_outbox");
  StatusOr<RunResult> retried = f.runner.Apply(id, request);
  INFO(retried.status().ToString());
  CHECK(retried.ok());
  CHECK(f.store->VerifyAudit().ok());
}

TEST_CASE("store: a read-only database can be read but not written", "[store][fault]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  f.store.reset();
  ExecRaw(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
  StoreOptions options;
  options.read_only = true;
  auto store = OpenStoreOrFail(f.db, options);
  Runner runner(*store, *f.workflows, f.clock);
  CHECK(store->Load(id).ok());
  StatusOr<RunResult> result =
      runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now()));
  REQUIRE_FALSE(result.ok());
  CHECK_THAT(result.status().message(), Catch::Contains("read-only"));
}

TEST_CASE("store: a path that cannot be opened names the file", "[store][fault]") {
  StoreOptions options;
  options.path = "/nonexistent-dir/cases.db";
  StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(options);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kIoError);
  CHECK_THAT(store.status().message(), Catch::Contains("/nonexistent-dir/cases.db"));
}

TEST_CASE("store: the event log and documents refuse updates and deletes", "[store][audit]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  Document letter;
  letter.case_id = id;
  letter.seq = 1;
  letter.kind = "letter";
  letter.name = "ontvangstbevestiging.html";
  letter.media_type = "text/html";
  letter.content = std::string("<p>Ontvangen</p>\0binary\xff", 25);
  letter.created_at = f.clock.Now();
  StatusOr<int64_t> doc = f.store->AddDocument(letter);
  REQUIRE(doc.ok());
  StatusOr<Document> read = f.store->GetDocument(*doc);
  REQUIRE(read.ok());
  CHECK(read->content == letter.content);
  CHECK(read->sha256 == Sha256Hex(letter.content));

  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(f.db.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  CHECK(sqlite3_exec(db, "UPDATE events SET actor = 'x'", nullptr, nullptr, &error) != SQLITE_OK);
  CHECK_THAT(std::string(error), Catch::Contains("append-only"));
  sqlite3_free(error);
  CHECK(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, &error) != SQLITE_OK);
  sqlite3_free(error);
  CHECK(sqlite3_exec(db, "UPDATE documents SET content = 'x'", nullptr, nullptr, &error) !=
        SQLITE_OK);
  CHECK_THAT(std::string(error), Catch::Contains("immutable"));
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_CASE("store: backup of a live database restores to the same cases", "[store][backup]") {
  Fixture f;
  const std::string id = f.SubmitOne();
  f.clock.AdvanceDays(2);
  REQUIRE(
      f.runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now())).ok());
  const std::string backup = f.dir.File("backup.db");
  REQUIRE(f.store->Backup(backup).ok());
  CHECK(f.store->Backup(backup).code() == StatusCode::kAlreadyExists);

  // Work goes on after the backup, then the backup is restored over it.
  f.clock.AdvanceDays(1);
  REQUIRE(f.SubmitOne() == "2026-000002");
  const std::string at_backup = DumpDatabase(backup);
  f.store.reset();
  const Status restore = RestoreDatabase(backup, f.db);
  INFO(restore.ToString());
  REQUIRE(restore.ok());
  CHECK(DumpDatabase(f.db) == at_backup);
  CHECK(std::filesystem::exists(f.db + ".before-restore"));
  auto restored = OpenStoreOrFail(f.db);
  StatusOr<StoredCase> loaded = restored->Load(id);
  REQUIRE(loaded.ok());
  CHECK(loaded->snapshot.state == "gesprek");
  CHECK(restored->Load("2026-000002").status().code() == StatusCode::kNotFound);
  CHECK(restored->VerifyAudit().ok());
}

TEST_CASE("store: restore refuses a file that is not an intact uitdaag database",
          "[store][backup]") {
  Fixture f;
  f.SubmitOne();
  const std::string backup = f.dir.File("backup.db");
  REQUIRE(f.store->Backup(backup).ok());
  const std::string before = DumpDatabase(f.db);

  SECTION("a tampered backup") {
    ExecRaw(backup, "DROP TRIGGER events_are_append_only");
    ExecRaw(backup, "UPDATE events SET actor = 'someone else'");
    const Status restored = RestoreDatabase(backup, f.db);
    CHECK(restored.code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(restored.message(), Catch::Contains("audit chain is broken"));
  }
  SECTION("not a database at all") {
    const std::string junk = f.dir.File("junk.db");
    { std::ofstream(junk) << "this is not sqlite"; }
    CHECK_FALSE(RestoreDatabase(junk, f.db).ok());
  }
  SECTION("a missing file") {
    CHECK(RestoreDatabase(f.dir.File("none.db"), f.db).code() == StatusCode::kNotFound);
  }
  CHECK(DumpDatabase(f.db) == before);
}

}  // namespace
}  // namespace uitdaag::testing
