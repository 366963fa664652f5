// Part memory: the peak resident memory (getrusage ru_maxrss) of a process doing the same work on
// a store of 1,000 cases and on one of many more (default 1,000,000). The work is done by a child
// process of this binary (`--probe-memory DB`), so that each measurement starts from nothing and
// nothing the parent did counts:
//   open the store; load 1,000 cases spread over the case numbers and keep them; sweep with the
//   clock at ProbeMoment() (at most 100 timers); apply `ontvankelijk_verklaren` to up to 100 of the
//   loaded cases that await it; report ru_maxrss.
// Nothing in the store should hold memory in proportion to the number of cases: SQLite's page cache
// is bounded and every query is by key or by the due-time index.
#include <sqlite3.h>
#include <sys/resource.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "corpus.h"
#include "uitdaag/clock.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::bench {
namespace {

constexpr int64_t kSmall = 1'000;
constexpr int kSample = 1'000;
constexpr int kSweepTimers = 100;
constexpr int kApplies = 100;

// The number of cases, from the case numbering (one small read, outside the store's API).
int64_t CaseCount(const std::string& db_path) {
  sqlite3* db = nullptr;
  const std::string uri = "file:" + db_path + "?mode=ro";
  if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
      SQLITE_OK) {
    Die("cannot open " + db_path);
  }
  sqlite3_stmt* stmt = nullptr;
  int64_t count = -1;
  if (sqlite3_prepare_v2(db, "SELECT max(last) FROM case_numbers", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    count = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (count < 1) Die(db_path + " has no numbered cases");
  return count;
}

int64_t MaxRssKb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

struct ProbeResult {
  int64_t cases = 0;
  int64_t maxrss_kb = 0;
  int fired = 0;
  int applied = 0;
};

ProbeResult RunProbe(const Options& options, const std::string& db) {
  const std::string command = ShellQuote(SelfPath()) + " --probe-memory " + ShellQuote(db) +
                              " --source-dir " + ShellQuote(options.source_dir);
  const std::string output = RunChild("timeout 600 " + command);
  const auto rss = JsonField(output, "maxrss_kb");
  const auto cases = JsonField(output, "cases");
  const auto fired = JsonField(output, "fired");
  const auto applied = JsonField(output, "applied");
  if (!rss || !cases || !fired || !applied) Die("cannot read the probe's output: " + output);
  return ProbeResult{static_cast<int64_t>(*cases), static_cast<int64_t>(*rss),
                     static_cast<int>(*fired), static_cast<int>(*applied)};
}

std::string ProbeJson(const ProbeResult& r) {
  return "{\"cases\":" + std::to_string(r.cases) + ",\"maxrss_kb\":" + std::to_string(r.maxrss_kb) +
         ",\"fired\":" + std::to_string(r.fired) + ",\"applied\":" + std::to_string(r.applied) + "}";
}

}  // namespace

int ProbeMemory(const Options& options, const std::string& db_path) {
  const int64_t cases = CaseCount(db_path);
  const WorkflowCase w = LoadWorkflowCase(options, "uitdaagrecht");
  StoreOptions store_options;
  store_options.path = db_path;
  std::unique_ptr<CaseStore> store = ValueOrDie(CaseStore::Open(store_options), "opening " + db_path);
  WorkflowRegistry registry;
  OkOrDie(registry.Add(w.definition), "registering");
  FakeClock clock(ProbeMoment());
  Runner runner(*store, registry, clock);

  std::vector<StoredCase> loaded;
  loaded.reserve(kSample);
  for (int i = 0; i < kSample; ++i) {
    const int64_t k = 1 + i * (cases - 1) / (kSample - 1);
    char id[32];
    std::snprintf(id, sizeof id, "2026-%06lld", static_cast<long long>(k));
    loaded.push_back(ValueOrDie(store->Load(id), std::string("loading ") + id));
  }

  Sweeper sweeper(runner);
  const SweepReport report = ValueOrDie(sweeper.SweepOnce(kSweepTimers), "sweeping");

  int applied = 0;
  for (const StoredCase& c : loaded) {
    if (applied >= kApplies) break;
    if (c.snapshot.state != "ontvangen") continue;
    Event event;
    event.id = "ontvankelijk_verklaren";
    event.role = "behandelaar";
    event.actor = "behandelaar-1";
    event.at = ProbeMoment();
    // The sweep may have moved the case on since it was loaded; that is not a failure here.
    if (runner.Apply(c.snapshot.id, event).ok()) ++applied;
  }
  if (report.fired == 0 || applied == 0) {
    Die("the probe did no work (fired " + std::to_string(report.fired) + ", applied " +
        std::to_string(applied) + ")");
  }
  std::cout << "{\"probe\":\"memory\",\"cases\":" << cases << ",\"loaded\":" << loaded.size()
            << ",\"fired\":" << report.fired << ",\"applied\":" << applied
            << ",\"maxrss_kb\":" << MaxRssKb() << "}" << std::endl;
  return 0;
}

PartResult RunMemory(const Options& options) {
  const Corpus small = EnsureCorpus(options, kSmall);
  const Corpus large = EnsureCorpus(options, options.large);
  const ProbeResult s = RunProbe(options, WorkingCopy(options, small));
  const ProbeResult l = RunProbe(options, WorkingCopy(options, large));
  Log("memory: " + Thousands(static_cast<double>(s.cases)) + " cases: " +
      Thousands(static_cast<double>(s.maxrss_kb)) + " KiB; " +
      Thousands(static_cast<double>(l.cases)) + " cases: " +
      Thousands(static_cast<double>(l.maxrss_kb)) + " KiB");
  const double ratio = static_cast<double>(l.maxrss_kb) / static_cast<double>(s.maxrss_kb);
  PartResult result;
  result.rows.push_back({"memory",
                         "peak RSS with " + Thousands(static_cast<double>(l.cases)) + " cases",
                         Fixed(static_cast<double>(l.maxrss_kb) / 1024.0, 1) + " MiB",
                         Fixed(static_cast<double>(s.maxrss_kb) / 1024.0, 1) + " MiB with " +
                             Thousands(static_cast<double>(s.cases)) + " cases",
                         ratio, "<= 1.5", ratio <= 1.5});
  result.json = "{\"part\":\"memory\",\"small\":" + ProbeJson(s) + ",\"large\":" + ProbeJson(l) +
                ",\"ratio\":" + JsonNumber(ratio, 3) + ",\"target\":1.5,\"pass\":" +
                (ratio <= 1.5 ? "true" : "false") + "}";
  return result;
}

}  // namespace uitdaag::bench
