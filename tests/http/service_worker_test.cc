// Over real HTTP on 127.0.0.1: the background worker keeps up. A backlog of letters larger than
// one outbox batch is rendered after a single wake, without waiting worker_interval_seconds per
// batch, and GET /health ("letters_pending") and GET /metrics show what is still to be done.
#include <sqlite3.h>

#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

int64_t LettersPending(TestService& s) {
  HttpResult health = s.Call("GET", "/health");
  INFO(health.body);
  REQUIRE(health.status == 200);
  return health.Json()->getValue<int64_t>("letters_pending");
}

// One count(*) on the service's database file (read-only, its own connection).
int64_t CountRows(TestService& s, const char* sql) {
  const std::string db = s.dir.File("cases.db");
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(handle, 5000);
  sqlite3_stmt* stmt = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    n = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  REQUIRE(n >= 0);
  return n;
}

TEST_CASE("http: one wake of the worker renders a backlog of many letters, and /health counts "
          "them until then",
          "[http][worker]") {
  TestService s;  // worker_interval_seconds 3600: only a nudge wakes the worker
  // The backlog: cases committed through the store on the service's file, without a request
  // (so nothing wakes the worker), at 11:00 while the service's clock stands at 10:00: their
  // letters are pending but not due yet. More cases than one outbox batch holds, and more
  // outbox items (a letter and a notification per case) than the 100 the worker once took per
  // wake.
  constexpr int kCases = 60;
  const Instant later = At("2026-01-08T11:00");
  {
    std::unique_ptr<CaseStore> store = OpenStoreOrFail(s.dir.File("cases.db"));
    FakeClock clock(later);
    Runner runner(*store, *s.service->state().workflows, clock);
    for (int i = 0; i < kCases; ++i) {
      SubmitRequest request = Submission(later);
      request.applicant = Party{};
      request.applicant->name = "Stichting Groen Doet";
      request.applicant->address = "Tulpstraat 14";
      request.applicant->postcode = "1235 BT";
      request.applicant->city = "Voorbeeldstad";
      StatusOr<RunResult> submitted = runner.Submit(request);
      INFO(submitted.status().ToString());
      REQUIRE(submitted.ok());
    }
  }
  CHECK(LettersPending(s) == kCases);
  Headers admin = s.Login("admin");
  HttpResult scrape = s.Call("GET", "/metrics", "", admin);
  REQUIRE(scrape.status == 200);
  CHECK_THAT(scrape.body, Catch::Contains("\nuitdaag_letters_pending " + std::to_string(kCases) +
                                          "\n"));
  CHECK_THAT(scrape.body, Catch::Contains("\nuitdaag_outbox_items{status=\"pending\"} " +
                                          std::to_string(2 * kCases) + "\n"));

  // The hour comes and the worker is woken once; it must go on until nothing is due. The test
  // only reads /health from now on, which never wakes the worker.
  s.clock.Set(later);
  s.service->state().nudge_worker();
  bool drained = false;
  for (int i = 0; i < 1200 && !drained; ++i) {  // up to 120 s on a loaded machine
    drained = LettersPending(s) == 0;
    if (!drained) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  REQUIRE(drained);
  // Every letter stored exactly once, and every outbox item done.
  CHECK(CountRows(s, "SELECT count(*) FROM letters") == kCases);
  CHECK(CountRows(s, "SELECT count(DISTINCT outbox_id) FROM letters") == kCases);
  CHECK(CountRows(s, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0);
  CHECK(CountRows(s, "SELECT count(*) FROM outbox WHERE status = 'done'") == 2 * kCases);
  scrape = s.Call("GET", "/metrics", "", admin);
  REQUIRE(scrape.status == 200);
  CHECK_THAT(scrape.body, Catch::Contains("\nuitdaag_letters_pending 0\n"));
  CHECK_THAT(scrape.body, Catch::Contains("\nuitdaag_outbox_items{status=\"pending\"} 0\n"));
  CHECK_THAT(scrape.body, Catch::Contains("\nuitdaag_worker_letters_delivered_total " +
                                          std::to_string(kCases) + "\n"));
}

TEST_CASE("http: /health reports no pending letters once the worker has delivered them",
          "[http][worker]") {
  TestService s;
  CHECK(LettersPending(s) == 0);  // a fresh service
  Submit(s);
  Submit(s);
  s.WaitForIdle();
  HttpResult health = s.Call("GET", "/health");
  REQUIRE(health.status == 200);
  CHECK(health.Json()->getValue<std::string>("status") == "ok");
  CHECK(health.Json()->getValue<int64_t>("letters_pending") == 0);
  CHECK(CountRows(s, "SELECT count(*) FROM letters") == 2);
}

}  // namespace
}  // namespace uitdaag::testing
