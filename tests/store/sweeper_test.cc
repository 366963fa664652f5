// The sweeper with a fake clock: catch-up after downtime, due order across cases, exactly once
// even with two sweepers at the same time.
#include "uitdaag/sweeper.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <thread>

#include "support/store_fixture.h"

namespace uitdaag::testing {
namespace {

struct SweepFixture : StoreTestBed {
  std::vector<std::string> ids;

  // `n` cases submitted one week apart; each starts an 8-week decision period.
  void SubmitWeekly(int n) {
    for (int i = 0; i < n; ++i) {
      ids.push_back(SubmitOne());
      clock.AdvanceDays(7);
    }
  }

  // Every timer entry in every case's log: "case deadline kind round @ at".
  std::vector<LogEntry> TimerEntries() {
    std::vector<LogEntry> fired;
    for (const std::string& id : ids) {
      StatusOr<std::vector<LogEntry>> log = store->Entries(id);
      REQUIRE(log.ok());
      for (const LogEntry& e : *log) {
        if (e.timer) fired.push_back(e);
      }
    }
    return fired;
  }
};

TEST_CASE("sweeper: nothing fires before it is due", "[sweeper]") {
  SweepFixture f;
  f.SubmitWeekly(2);
  Sweeper sweeper(f.runner);
  StatusOr<SweepReport> report = sweeper.SweepOnce();
  REQUIRE(report.ok());
  CHECK(report->fired == 0);
  CHECK(f.TimerEntries().empty());
}

TEST_CASE("sweeper: after downtime it catches up on everything, oldest first, each once",
          "[sweeper]") {
  SweepFixture f;
  f.SubmitWeekly(3);  // decision periods end 5, 12 and 19 March 2026
  // The service was down for a year.
  f.clock.Set(At("2027-01-08T10:00"));
  Sweeper sweeper(f.runner);
  StatusOr<SweepReport> report = sweeper.SweepOnce();
  REQUIRE(report.ok());
  CHECK(report->failed == 0);
  CHECK_FALSE(report->more);
  const std::vector<LogEntry> fired = f.TimerEntries();
  CHECK(report->fired == static_cast<int>(fired.size()));

  // Each case's expiry fired once, dated when it fell due (the day after the legal end), not
  // when the sweeper came back.
  std::map<std::string, int> expiries;
  for (const LogEntry& e : fired) {
    if (e.timer->kind == TimerRef::Kind::kExpiry) ++expiries[e.case_id + " " + e.timer->deadline];
    CHECK(e.recorded_at == f.clock.Now());
    CHECK(e.at < f.clock.Now());
  }
  CHECK(expiries["2026-000001 beslistermijn"] == 1);
  CHECK(expiries["2026-000002 beslistermijn"] == 1);
  CHECK(expiries["2026-000003 beslistermijn"] == 1);
  for (const LogEntry& e : fired) {
    if (e.case_id == "2026-000001" && e.timer->kind == TimerRef::Kind::kExpiry &&
        e.timer->deadline == "beslistermijn") {
      CHECK(e.at == Instant::StartOfLocalDay(D("2026-03-06")));
    }
  }
  // Within each case the timers fired in due order (the order across cases has its own test).
  for (const std::string& id : f.ids) {
    Instant last;
    for (const LogEntry& e : fired) {
      if (e.case_id != id) continue;
      CHECK(e.at >= last);
      last = e.at;
    }
  }
  StatusOr<std::vector<TimerRecord>> left = f.store->DueTimers(f.clock.Now(), 10);
  REQUIRE(left.ok());
  CHECK(left->empty());

  // A second sweep finds nothing: exactly once.
  StatusOr<SweepReport> again = sweeper.SweepOnce();
  REQUIRE(again.ok());
  CHECK(again->fired == 0);
  CHECK(f.store->VerifyAudit().ok());
}

TEST_CASE("sweeper: timers fire in due order across cases", "[sweeper]") {
  SweepFixture f;
  f.SubmitWeekly(4);
  f.clock.Set(At("2026-12-01T00:00"));
  // Record the order in which the runner commits timer events, through the fault hook, which
  // sees every commit of this connection.
  std::vector<std::string> commits;
  f.store->SetFaultHookForTesting([&](std::string_view point) {
    if (point == "after_event") commits.push_back("commit");
    return Status::Ok();
  });
  Sweeper sweeper(f.runner);
  // One timer per sweep: the sweeper must always pick the earliest due one.
  std::vector<Instant> due_order;
  for (int i = 0; i < 100; ++i) {
    StatusOr<std::vector<TimerRecord>> next = f.store->DueTimers(f.clock.Now(), 1);
    REQUIRE(next.ok());
    if (next->empty()) break;
    due_order.push_back(next->front().due);
    StatusOr<SweepReport> one = sweeper.SweepOnce(1);
    REQUIRE(one.ok());
    REQUIRE(one->fired == 1);
  }
  CHECK(due_order.size() >= 4);
  CHECK(std::is_sorted(due_order.begin(), due_order.end()));
  CHECK(commits.size() == due_order.size());
}

TEST_CASE("sweeper: a sweep stops at its limit and says there is more", "[sweeper]") {
  SweepFixture f;
  f.SubmitWeekly(3);
  f.clock.Set(At("2027-01-08T10:00"));
  Sweeper sweeper(f.runner);
  StatusOr<SweepReport> first = sweeper.SweepOnce(2);
  REQUIRE(first.ok());
  CHECK(first->fired == 2);
  CHECK(first->more);
  StatusOr<SweepReport> rest = sweeper.SweepOnce();
  REQUIRE(rest.ok());
  CHECK_FALSE(rest->more);
  CHECK(first->fired + rest->fired == static_cast<int>(f.TimerEntries().size()));
}

TEST_CASE("sweeper: two sweepers at once still fire every timer exactly once",
          "[sweeper][concurrency]") {
  SweepFixture f;
  f.SubmitWeekly(20);
  f.clock.Set(At("2027-06-01T10:00"));
  int fired_total = 0;
  std::mutex mutex;
  auto sweep = [&] {
    auto store = OpenStoreOrFail(f.db);
    Runner runner(*store, *f.workflows, f.clock);
    Sweeper sweeper(runner);
    StatusOr<SweepReport> report = sweeper.SweepOnce();
    std::lock_guard<std::mutex> lock(mutex);
    REQUIRE(report.ok());
    fired_total += report->fired;
    for (const std::string& e : report->errors) UNSCOPED_INFO(e);
  };
  std::thread a(sweep), b(sweep);
  a.join();
  b.join();
  const std::vector<LogEntry> fired = f.TimerEntries();
  CHECK(fired_total == static_cast<int>(fired.size()));
  std::map<std::string, int> seen;
  for (const LogEntry& e : fired) {
    ++seen[e.case_id + " " + e.timer->deadline + " " + std::to_string(e.timer->round) +
           (e.timer->kind == TimerRef::Kind::kExpiry ? " expiry" : " warning")];
  }
  for (const auto& [timer, count] : seen) {
    INFO(timer);
    CHECK(count == 1);
  }
  CHECK(seen.size() >= 20);
  CHECK(f.store->VerifyAudit().ok());
}

}  // namespace
}  // namespace uitdaag::testing
