// The audit chain: any change to a stored entry, a removed entry or a removed tail is found and
// named; an export reads back to the same entries and verifies without the database.
#include "uitdaag/audit.h"

#include <catch2/catch.hpp>

#include "support/store_fixture.h"

namespace uitdaag::testing {
namespace {

struct AuditFixture : StoreTestBed {
  std::string id;

  // A case with four entries: submitted, completion requested, completed, admissible.
  AuditFixture() {
    id = SubmitOne();
    clock.AdvanceDays(7);
    REQUIRE(runner
                .Apply(id, MakeEvent("aanvulling_vragen", "behandelaar", clock.Now(),
                                     Payload({{"ontbrekende_gegevens", Value::Text("Statuten.")}})))
                .ok());
    clock.AdvanceDays(14);
    REQUIRE(runner
                .Apply(id, MakeEvent("aanvullen", "initiatiefnemer", clock.Now(),
                                     Payload({{"toelichting", Value::Text("Bijgevoegd.")}})))
                .ok());
    clock.AdvanceDays(1);
    REQUIRE(runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", clock.Now())).ok());
  }

  Status VerifyAfter(const std::string& sql) {
    store.reset();
    ExecRaw(db, "DROP TRIGGER IF EXISTS events_are_append_only");
    ExecRaw(db, "DROP TRIGGER IF EXISTS events_are_kept");
    ExecRaw(db, sql);
    store = OpenStoreOrFail(db);
    return store->VerifyAudit();
  }
};

TEST_CASE("audit: an untouched database verifies", "[audit]") {
  AuditFixture f;
  CHECK(f.store->VerifyAudit().ok());
  StatusOr<std::vector<LogEntry>> log = f.store->Entries(f.id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 4);
  for (size_t i = 1; i < log->size(); ++i) CHECK((*log)[i].prev_hash == (*log)[i - 1].hash);
  CHECK(EntryHash(log->back()) == log->back().hash);
}

TEST_CASE("audit: tampering is found and the first broken entry is named", "[audit]") {
  AuditFixture f;
  SECTION("an altered actor") {
    const Status s = f.VerifyAfter("UPDATE events SET actor = 'mallory' WHERE seq = 2");
    CHECK(s.code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.message(), Catch::Contains("entry 2") && Catch::Contains("altered"));
  }
  SECTION("an altered payload") {
    const Status s = f.VerifyAfter(
        "UPDATE events SET payload = replace(payload, 'Statuten.', 'Niets.') WHERE seq = 2");
    CHECK_THAT(s.message(), Catch::Contains("entry 2"));
  }
  SECTION("an altered time") {
    const Status s = f.VerifyAfter("UPDATE events SET at = at - 86400 WHERE seq = 3");
    CHECK_THAT(s.message(), Catch::Contains("entry 3"));
  }
  SECTION("an entry rewritten with a fresh hash breaks the link of the next one") {
    StatusOr<std::vector<LogEntry>> log = f.store->Entries(f.id);
    REQUIRE(log.ok());
    LogEntry forged = (*log)[1];
    forged.actor = "mallory";
    forged.hash = EntryHash(forged);
    const Status s = f.VerifyAfter("UPDATE events SET actor = 'mallory', hash = '" + forged.hash +
                                   "' WHERE seq = 2");
    CHECK_THAT(s.message(), Catch::Contains("entry 3") && Catch::Contains("link"));
  }
  SECTION("a removed entry in the middle") {
    const Status s = f.VerifyAfter("DELETE FROM events WHERE seq = 2");
    CHECK_THAT(s.message(), Catch::Contains("missing or out of order"));
  }
  SECTION("a removed tail") {
    const Status s = f.VerifyAfter("DELETE FROM events WHERE seq = 4");
    CHECK_THAT(s.message(), Catch::Contains("version 4") && Catch::Contains("entry 3"));
  }
}

TEST_CASE("audit: an exported entry reads back and verifies on its own", "[audit]") {
  AuditFixture f;
  StatusOr<std::vector<LogEntry>> log = f.store->Entries(f.id);
  REQUIRE(log.ok());
  std::vector<LogEntry> imported;
  for (const LogEntry& e : *log) {
    StatusOr<LogEntry> back = EntryFromJson(EntryToJson(e));
    REQUIRE(back.ok());
    CHECK(*back == e);
    imported.push_back(*back);
  }
  CHECK(VerifyChain(f.id, imported).ok());
  imported[0].payload["naam_initiatief"] = Value::Text("Iets anders");
  CHECK_FALSE(VerifyChain(f.id, imported).ok());
}

TEST_CASE("audit: the hash is SHA-256 of the canonical entry", "[audit]") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  LogEntry e;
  e.case_id = "2026-000001";
  e.seq = 1;
  e.event = "indienen";
  e.prev_hash = std::string(kGenesisHash);
  const std::string canonical = CanonicalEntry(e);
  CHECK(canonical.rfind(R"({"actor":"","at":)", 0) == 0);
  CHECK_THAT(canonical, Catch::Contains(R"("format":"uitdaag-audit-1")"));
  CHECK_THAT(canonical, !Catch::Contains("\"hash\""));
  CHECK(EntryHash(e) == Sha256Hex(canonical));
}

}  // namespace
}  // namespace uitdaag::testing
