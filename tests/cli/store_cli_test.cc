// The database commands of `uitdaag`, run as a process against a database made by the runner.
#include <catch2/catch.hpp>

#include "support/cli_runner.h"
#include "support/store_fixture.h"

namespace uitdaag::testing {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A database with two cases submitted in January 2026, one of them taken a step further.
struct CliDatabase {
  TempDir dir;
  std::string db = dir.File("cases.db");
  std::string first, second;

  CliDatabase() {
    auto workflows = ShippedWorkflows();
    FakeClock clock(At("2026-01-08T10:00"));
    auto store = OpenStoreOrFail(db);
    Runner runner(*store, *workflows, clock);
    StatusOr<RunResult> a = runner.Submit(Submission(clock.Now()));
    REQUIRE(a.ok());
    first = a->snapshot.id;
    clock.AdvanceDays(1);
    StatusOr<RunResult> b = runner.Submit(Submission(clock.Now()));
    REQUIRE(b.ok());
    second = b->snapshot.id;
    clock.AdvanceDays(1);
    REQUIRE(
        runner.Apply(first, MakeEvent("ontvankelijk_verklaren", "behandelaar", clock.Now())).ok());
  }
};

TEST_CASE("cli: audit verify passes on an intact database and names a broken link",
          "[cli][audit]") {
  CliDatabase d;
  Outcome ok = RunCli({"audit", "verify", "--db", d.db});
  SHOW(ok);
  CHECK(ok.exit_code == 0);
  CHECK(Has(ok.out, "2 cases, 3 log entries: every chain verifies"));

  ExecRaw(d.db, "DROP TRIGGER events_are_append_only");
  ExecRaw(d.db,
          "UPDATE events SET role = 'teamleider' WHERE case_id = '" + d.first + "' AND seq = 2");
  Outcome broken = RunCli({"audit", "verify", "--db", d.db});
  SHOW(broken);
  CHECK(broken.exit_code == 1);
  CHECK(Has(broken.out, "BROKEN"));
  CHECK(Has(broken.out, "case " + d.first + " entry 2"));
}

TEST_CASE("cli: an exported case verifies on its own, and an edited export does not",
          "[cli][audit]") {
  CliDatabase d;
  const std::string file = d.dir.File("export.json");
  Outcome exported = RunCli({"audit", "export", "--db", d.db, "--out", file, d.first});
  SHOW(exported);
  REQUIRE(exported.exit_code == 0);
  const std::string json = ReadAll(file);
  CHECK(Has(json, R"("format":"uitdaag-export-1")"));
  CHECK(Has(json, R"("event":"ontvankelijk_verklaren")"));

  Outcome checked = RunCli({"audit", "check-export", file});
  SHOW(checked);
  CHECK(checked.exit_code == 0);
  CHECK(Has(checked.out, "case " + d.first + ", 2 entries: the chain verifies"));

  std::string edited = json;
  const std::string from = R"("actor":"behandelaar-1")";
  REQUIRE(edited.find(from) != std::string::npos);
  edited.replace(edited.find(from), from.size(), R"("actor":"iemand anders")");
  { std::ofstream(file, std::ios::trunc) << edited; }
  Outcome tampered = RunCli({"audit", "check-export", file});
  SHOW(tampered);
  CHECK(tampered.exit_code == 1);
  CHECK(Has(tampered.out, "entry 2"));

  Outcome unknown = RunCli({"audit", "export", "--db", d.db, "2026-999999"});
  CHECK(unknown.exit_code == 1);
  CHECK(Has(unknown.err, "no case '2026-999999'"));
}

TEST_CASE("cli: backup and restore", "[cli][backup]") {
  CliDatabase d;
  const std::string copy = d.dir.File("copy.db");
  Outcome backup = RunCli({"backup", "--db", d.db, copy});
  SHOW(backup);
  REQUIRE(backup.exit_code == 0);
  CHECK(DumpDatabase(copy) == DumpDatabase(d.db));
  Outcome again = RunCli({"backup", "--db", d.db, copy});
  CHECK(again.exit_code == 1);
  CHECK(Has(again.err, "already exists"));

  Outcome restore = RunCli({"restore", "--db", d.dir.File("restored.db"), copy});
  SHOW(restore);
  CHECK(restore.exit_code == 0);
  CHECK(DumpDatabase(d.dir.File("restored.db")) == DumpDatabase(d.db));

  Outcome missing = RunCli({"backup", "--db", d.dir.File("none.db"), d.dir.File("x.db")});
  CHECK(missing.exit_code == 1);
  CHECK(Has(missing.err, "no database at"));
  CHECK_FALSE(fs::exists(d.dir.File("none.db")));  // a read never creates a database
}

TEST_CASE("cli: status counts and sweep fires what fell due", "[cli][sweeper]") {
  CliDatabase d;
  Outcome before = RunCli({"status", "--db", d.db});
  SHOW(before);
  CHECK(before.exit_code == 0);
  CHECK(Has(before.out, "cases:            2"));
  CHECK(Has(before.out, "log entries:      3"));

  // The cases were submitted in January 2026, so by the wall clock their decision periods have
  // passed: the sweep fires them (each once).
  Outcome sweep = RunCli(
      {"sweep", "--db", d.db, "--workflows", std::string(UITDAAG_SOURCE_DIR) + "/workflows"});
  SHOW(sweep);
  CHECK(sweep.exit_code == 0);
  CHECK(Has(sweep.out, "fired "));
  CHECK_FALSE(Has(sweep.out, "fired 0 timers"));
  Outcome second = RunCli(
      {"sweep", "--db", d.db, "--workflows", std::string(UITDAAG_SOURCE_DIR) + "/workflows"});
  CHECK(Has(second.out, "fired 0 timers"));
  Outcome verify = RunCli({"audit", "verify", "--db", d.db});
  CHECK(verify.exit_code == 0);
}

TEST_CASE("cli: database commands refuse bad usage with exit 2", "[cli]") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"audit"},
                                               {"audit", "frobnicate"},
                                               {"audit", "export"},
                                               {"backup"},
                                               {"restore"},
                                               {"status", "extra"},
                                               {"sweep", "--now", "2030-01-01"}}) {
    Outcome o = RunCli(args);
    SHOW(o);
    CHECK(o.exit_code == 2);
    CHECK(Has(o.err, "see 'uitdaag help'"));
  }
}

}  // namespace
}  // namespace uitdaag::testing
