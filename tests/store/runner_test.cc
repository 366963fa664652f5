// The runner on a real database: concurrent writers, the outbox, and a durable replay of the
// shipped example that must end exactly where the pure simulation ends.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "support/store_fixture.h"
#include "uitdaag/outbox.h"
#include "uitdaag/script.h"
#include "uitdaag/simulator.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::testing {
namespace {

Event Aanvulling(Instant at) {
  return MakeEvent("aanvulling_vragen", "behandelaar", at,
                   Payload({{"ontbrekende_gegevens", Value::Text("De statuten ontbreken.")}}));
}

TEST_CASE("runner: two writers on the same case, one wins, the other gets a conflict",
          "[runner][concurrency]") {
  TempDir dir;
  const std::string db = dir.File("cases.db");
  auto workflows = ShippedWorkflows();
  FakeClock clock(At("2026-01-08T10:00"));
  std::vector<std::string> ids;
  {
    auto store = OpenStoreOrFail(db);
    Runner runner(*store, *workflows, clock);
    for (int i = 0; i < 40; ++i) {
      StatusOr<RunResult> r = runner.Submit(Submission(clock.Now()));
      REQUIRE(r.ok());
      ids.push_back(r->snapshot.id);
    }
  }
  clock.AdvanceDays(3);
  const Instant now = clock.Now();

  // Each thread has its own connection, as two processes or two server threads would. Both
  // start from version 1 of every case and race for it.
  struct Outcome {
    std::atomic<int> won{0}, conflicts{0}, other{0};
  };
  Outcome outcome;
  std::atomic<int> ready{0};
  auto writer = [&](const std::string& event_id) {
    auto store = OpenStoreOrFail(db);
    Runner runner(*store, *workflows, clock);
    ++ready;
    while (ready.load() < 2) std::this_thread::yield();
    for (const std::string& id : ids) {
      const Event event = event_id == "aanvulling_vragen" ? Aanvulling(now)
                                                          : MakeEvent(event_id, "behandelaar", now);
      StatusOr<RunResult> r = runner.Apply(id, event, 1);
      if (r.ok()) {
        ++outcome.won;
      } else if (r.status().code() == StatusCode::kConflict) {
        ++outcome.conflicts;
      } else {
        ++outcome.other;
      }
    }
  };
  std::thread a(writer, "aanvulling_vragen");
  std::thread b(writer, "ontvankelijk_verklaren");
  a.join();
  b.join();

  CHECK(outcome.other == 0);
  CHECK(outcome.won == static_cast<int>(ids.size()));
  CHECK(outcome.conflicts == static_cast<int>(ids.size()));
  auto store = OpenStoreOrFail(db);
  for (const std::string& id : ids) {
    StatusOr<std::vector<LogEntry>> log = store->Entries(id);
    REQUIRE(log.ok());
    REQUIRE(log->size() == 2);  // the submission and exactly one winner
    StatusOr<StoredCase> stored = store->Load(id);
    REQUIRE(stored.ok());
    CHECK(stored->snapshot.version == 2);
    CHECK(stored->snapshot.state ==
          (log->back().event == "aanvulling_vragen" ? "wacht_op_aanvulling" : "gesprek"));
  }
  CHECK(store->VerifyAudit().ok());
}

TEST_CASE("runner: concurrent submissions on three connections are each stored and numbered once",
          "[runner][concurrency]") {
  TempDir dir;
  const std::string db = dir.File("cases.db");
  auto workflows = ShippedWorkflows();
  FakeClock clock(At("2026-01-08T10:00"));
  std::string id;
  {
    auto store = OpenStoreOrFail(db);
    Runner runner(*store, *workflows, clock);
    StatusOr<RunResult> r = runner.Submit(Submission(clock.Now()));
    REQUIRE(r.ok());
    id = r->snapshot.id;
  }
  std::atomic<int> accepted{0}, failures{0};
  auto writer = [&](int thread) {
    auto store = OpenStoreOrFail(db);
    Runner runner(*store, *workflows, clock);
    for (int i = 0; i < 25; ++i) {
      SubmitRequest request =
          Submission(clock.Now(), "t" + std::to_string(thread) + "-" + std::to_string(i));
      StatusOr<RunResult> r = runner.Submit(request);
      if (r.ok()) {
        ++accepted;
      } else {
        ++failures;
        UNSCOPED_INFO(r.status().ToString());
      }
    }
  };
  std::thread a(writer, 1), b(writer, 2), c(writer, 3);
  a.join();
  b.join();
  c.join();
  CHECK(failures == 0);
  CHECK(accepted == 75);
  auto store = OpenStoreOrFail(db);
  StatusOr<StoreCounts> counts = store->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->cases == 76);  // every case numbered once, none lost, none doubled
  StatusOr<std::vector<std::string>> all = store->CaseIds();
  REQUIRE(all.ok());
  CHECK(all->back() == "2026-000076");
  CHECK(store->VerifyAudit().ok());
}

class FlakyHandler : public EffectHandler {
 public:
  explicit FlakyHandler(int failures) : failures_left_(failures) {}
  Status Perform(const OutboxItem& item) override {
    performed.push_back(item.id);
    if (failures_left_ > 0) {
      --failures_left_;
      return Status::IoError("the mail server is down");
    }
    return Status::Ok();
  }
  std::vector<int64_t> performed;

 private:
  int failures_left_;
};

TEST_CASE("outbox: a failing effect is retried with back-off and stays visible", "[outbox]") {
  TempDir dir;
  auto workflows = ShippedWorkflows();
  FakeClock clock(At("2026-01-08T10:00"));
  auto store = OpenStoreOrFail(dir.File("cases.db"));
  Runner runner(*store, *workflows, clock);
  StatusOr<RunResult> submitted = runner.Submit(Submission(clock.Now()));
  REQUIRE(submitted.ok());
  REQUIRE(submitted->outbox_ids.size() == 2);

  FlakyHandler handler(3);  // the first three attempts fail
  OutboxPolicy policy;
  policy.first_retry_seconds = 60;
  policy.max_attempts = 5;
  OutboxDispatcher dispatcher(*store, handler, clock, policy);

  StatusOr<DispatchReport> first = dispatcher.RunOnce();
  REQUIRE(first.ok());
  CHECK(first->retried == 2);
  StatusOr<std::vector<OutboxItem>> items = store->Outbox(submitted->snapshot.id);
  REQUIRE(items.ok());
  for (const OutboxItem& item : *items) {
    CHECK(item.status == OutboxItem::Status::kPending);
    CHECK(item.attempts == 1);
    CHECK_THAT(item.last_error, Catch::Contains("mail server is down"));
    CHECK(item.next_attempt == clock.Now().AddSeconds(60));
  }
  // A letter waiting for its retry is still a pending letter (the notification is not a letter).
  CHECK(*store->PendingLetters() == 1);
  CHECK(store->Gauges()->letters_pending == 1);
  CHECK(store->Gauges()->outbox_pending == 2);
  // Not due again yet: nothing is attempted.
  StatusOr<DispatchReport> early = dispatcher.RunOnce();
  REQUIRE(early.ok());
  CHECK(early->done + early->retried == 0);

  clock.AdvanceSeconds(60);
  StatusOr<DispatchReport> second = dispatcher.RunOnce();
  REQUIRE(second.ok());
  CHECK(second->retried == 1);  // third failure
  CHECK(second->done == 1);
  clock.AdvanceSeconds(120);  // the back-off doubled
  StatusOr<DispatchReport> third = dispatcher.RunOnce();
  REQUIRE(third.ok());
  CHECK(third->done == 1);
  items = store->Outbox(submitted->snapshot.id);
  REQUIRE(items.ok());
  for (const OutboxItem& item : *items) CHECK(item.status == OutboxItem::Status::kDone);
  CHECK(store->PendingOutbox(clock.Now().AddSeconds(86400 * 365), 10)->empty());
  CHECK(*store->PendingLetters() == 0);
  CHECK(store->Gauges()->letters_pending == 0);
}

TEST_CASE("outbox: a run attempts at most its limit, oldest first, and says how many it did",
          "[outbox]") {
  StoreTestBed bed;
  for (int i = 0; i < 3; ++i) bed.SubmitOne();  // a letter and a notification each
  CHECK(*bed.store->PendingLetters() == 3);
  FlakyHandler handler(0);
  OutboxDispatcher dispatcher(*bed.store, handler, bed.clock);
  // A full run: the caller (the service's worker) goes on while runs come back full.
  StatusOr<DispatchReport> first = dispatcher.RunOnce(4);
  REQUIRE(first.ok());
  CHECK(first->attempted() == 4);
  CHECK(first->done == 4);
  REQUIRE(handler.performed.size() == 4);
  CHECK(std::is_sorted(handler.performed.begin(), handler.performed.end()));
  // Its outcomes are recorded before the next run reads the outbox: nothing is repeated.
  StatusOr<DispatchReport> second = dispatcher.RunOnce(4);
  REQUIRE(second.ok());
  CHECK(second->attempted() == 2);  // short: nothing else was due
  REQUIRE(handler.performed.size() == 6);
  CHECK(std::set<int64_t>(handler.performed.begin(), handler.performed.end()).size() == 6);
  CHECK(*bed.store->PendingLetters() == 0);
  StatusOr<DispatchReport> idle = dispatcher.RunOnce(4);
  REQUIRE(idle.ok());
  CHECK(idle->attempted() == 0);
}

TEST_CASE("outbox: after the last attempt an effect is marked failed, never dropped", "[outbox]") {
  TempDir dir;
  auto workflows = ShippedWorkflows();
  FakeClock clock(At("2026-01-08T10:00"));
  auto store = OpenStoreOrFail(dir.File("cases.db"));
  Runner runner(*store, *workflows, clock);
  REQUIRE(runner.Submit(Submission(clock.Now())).ok());
  FlakyHandler handler(1000);
  OutboxPolicy policy;
  policy.max_attempts = 3;
  OutboxDispatcher dispatcher(*store, handler, clock, policy);
  int gave_up = 0;
  for (int round = 0; round < 10; ++round) {
    StatusOr<DispatchReport> report = dispatcher.RunOnce();
    REQUIRE(report.ok());
    gave_up += report->gave_up;
    clock.AdvanceDays(1);
  }
  CHECK(gave_up == 2);
  CHECK(handler.performed.size() == 6);  // 2 items x 3 attempts, then left alone
  StatusOr<StoreCounts> counts = store->Counts();
  REQUIRE(counts.ok());
  CHECK(counts->outbox_failed == 2);
  CHECK(counts->outbox_pending == 0);  CHECK(*store->PendingLetters() == 0);  // a letter failed for good is not pending
}

TEST_CASE("outbox: a failure while recording outcomes records none of them", "[outbox][fault]") {
  TempDir dir;
  auto workflows = ShippedWorkflows();
  FakeClock clock(At("2026-01-08T10:00"));
  const std::string db = dir.File("cases.db");
  auto store = OpenStoreOrFail(db);
  Runner runner(*store, *workflows, clock);
  REQUIRE(runner.Submit(Submission(clock.Now())).ok());
  const std::string before = DumpDatabase(db);
  int outcomes = 0;
  store->SetFaultHookForTesting([&](std::string_view point) {
    return point == "after_outbox_outcome" && ++outcomes == 2 ? Status::IoError("injected")
                                                              : Status::Ok();
  });
  FlakyHandler handler(0);
  OutboxDispatcher dispatcher(*store, handler, clock);
  CHECK_FALSE(dispatcher.RunOnce().ok());
  CHECK(DumpDatabase(db) == before);  // both items still pending: they will be done again
}

TEST_CASE("runner: the granted example run durably ends where the pure simulation ends",
          "[runner][sweeper]") {
  auto def = LoadOrFail(WorkflowPath("uitdaagrecht.yaml"));
  StatusOr<Script> script = LoadScriptFile(std::string(UITDAAG_SOURCE_DIR) +
                                           "/examples/scripts/uitdaagrecht-toegewezen.yaml");
  REQUIRE(script.ok());
  const SimulationResult pure = Simulate(*def, *script);
  REQUIRE(pure.ok());

  TempDir dir;
  WorkflowRegistry workflows;
  REQUIRE(workflows.Add(def).ok());
  FakeClock clock(*script->start);
  auto store = OpenStoreOrFail(dir.File("cases.db"));
  Runner runner(*store, workflows, clock);
  Sweeper sweeper(runner);
  std::string id;
  int timers_fired = 0;
  for (const ScriptStep& step : script->steps) {
    clock.Set(step.at);
    if (!id.empty()) {
      StatusOr<SweepReport> swept = sweeper.SweepOnce();
      REQUIRE(swept.ok());
      CHECK(swept->failed == 0);
      timers_fired += swept->fired;
    }
    if (step.advance_only) continue;
    Event event = step.event;
    event.at = step.at;
    if (id.empty()) {
      SubmitRequest request;
      request.workflow_id = def->id;
      request.event = event;
      StatusOr<RunResult> r = runner.Submit(request);
      REQUIRE(r.ok());
      id = r->snapshot.id;
      continue;
    }
    StatusOr<RunResult> r = runner.Apply(id, event);
    CHECK(r.ok() == !step.expect.rejected.has_value());
  }
  if (script->until) {
    clock.Set(*script->until);
    StatusOr<SweepReport> swept = sweeper.SweepOnce();
    REQUIRE(swept.ok());
    timers_fired += swept->fired;
  }
  StatusOr<StoredCase> stored = store->Load(id);
  REQUIRE(stored.ok());
  CaseSnapshot expected = pure.final_snapshot;
  expected.id = id;
  expected.created_at = stored->snapshot.created_at;
  CHECK(stored->snapshot == expected);
  CHECK(timers_fired > 0);

  // The log holds exactly the accepted steps of the simulation, in order.
  StatusOr<std::vector<LogEntry>> log = store->Entries(id);
  REQUIRE(log.ok());
  std::vector<std::string> durable, simulated;
  for (const LogEntry& e : *log) durable.push_back(e.from_state + ">" + e.to_state);
  for (const TimelineEntry& t : pure.timeline) {
    if (t.accepted) simulated.push_back(t.from_state + ">" + t.to_state);
  }
  CHECK(durable == simulated);
  CHECK(store->VerifyAudit().ok());
}

}  // namespace
}  // namespace uitdaag::testing
