// Part durable: transitions per second through the Runner, each one its own commit with WAL and
// synchronous=FULL, against the rate of the physical limit measured in the same run on the same
// disk: raw SQLite single-row insert transactions with the same settings (sqlite3 C API, one
// INSERT per BEGIN IMMEDIATE/COMMIT). Rounds alternate raw and durable so that both see the same
// disk weather; the medians are compared.
#include <sqlite3.h>
#include <sys/resource.h>

#include <string>
#include <vector>

#include "bench_common.h"
#include "uitdaag/clock.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"

namespace uitdaag::bench {
namespace {

constexpr int64_t kMaxCommitsPerRound = 2'000'000;

// One raw SQLite connection doing the simplest durable write there is.
class RawSqlite {
 public:
  RawSqlite(const std::string& path, bool synchronous_full) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) Die("cannot open " + path);
    Exec("PRAGMA journal_mode = WAL");
    Exec(synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    Exec("CREATE TABLE IF NOT EXISTS raw_commits (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
         "payload TEXT NOT NULL)");
    begin_ = Prepare("BEGIN IMMEDIATE");
    insert_ = Prepare("INSERT INTO raw_commits (at, payload) VALUES (?, ?)");
    commit_ = Prepare("COMMIT");
  }
  ~RawSqlite() {
    sqlite3_finalize(begin_);
    sqlite3_finalize(insert_);
    sqlite3_finalize(commit_);
    sqlite3_close(db_);
  }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;

  // Commits per second over `seconds` (at most kMaxCommitsPerRound commits).
  double Measure(double seconds) {
    static const std::string kPayload(100, 'x');  // about the size of a small event row
    const auto start = SteadyClock::now();
    int64_t commits = 0;
    double elapsed = 0;
    while (commits < kMaxCommitsPerRound) {
      Step(begin_);
      sqlite3_bind_int64(insert_, 1, commits);
      sqlite3_bind_text(insert_, 2, kPayload.data(), static_cast<int>(kPayload.size()),
                        SQLITE_STATIC);
      Step(insert_);
      Step(commit_);
      ++commits;
      elapsed = SecondsSince(start);
      if (elapsed >= seconds) break;
    }
    return static_cast<double>(commits) / elapsed;
  }

 private:
  void Exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      Die(std::string("raw SQLite: ") + sql + ": " + message);
    }
  }
  sqlite3_stmt* Prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      Die(std::string("raw SQLite: cannot prepare ") + sql + ": " + sqlite3_errmsg(db_));
    }
    return stmt;
  }
  void Step(sqlite3_stmt* stmt) {
    if (sqlite3_step(stmt) != SQLITE_DONE) Die(std::string("raw SQLite: ") + sqlite3_errmsg(db_));
    sqlite3_reset(stmt);
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* begin_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* commit_ = nullptr;
};

// A store on its own file with a runner that knows both workflows.
struct DurableRig {
  DurableRig(const std::string& path, bool synchronous_full,
             const std::vector<const WorkflowCase*>& workflows)
      : clock(Instant::FromUnixSeconds(0)) {
    StoreOptions options;
    options.path = path;
    options.synchronous_full = synchronous_full;
    store = ValueOrDie(CaseStore::Open(options), "opening " + path);
    for (const WorkflowCase* w : workflows) OkOrDie(registry.Add(w->definition), "registering");
    runner = std::make_unique<Runner>(*store, registry, clock);
  }
  std::unique_ptr<CaseStore> store;
  WorkflowRegistry registry;
  FakeClock clock;
  std::unique_ptr<Runner> runner;
};

// CPU time (user + system) this process has used so far, in seconds.
double CpuSeconds() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct DurableSample {
  double transitions_per_second = 0;
  double cpu_us_per_transition = 0;  // what the process itself spent, without waiting for fsync
};

// Durable transitions per second: whole paths, a new case each (Submit, then Apply per event),
// the clock standing at each event's time. Stops at the first complete path after `seconds`.
DurableSample MeasureDurable(DurableRig& rig, const WorkflowCase& w, double seconds) {
  const BenchPath& p = w.path;
  const double cpu_start = CpuSeconds();
  const auto start = SteadyClock::now();
  int64_t transitions = 0;
  double elapsed = 0;
  while (transitions < kMaxCommitsPerRound) {
    rig.clock.Set(p.events[0].at);
    SubmitRequest submit;
    submit.workflow_id = w.definition->id;
    submit.event = p.events[0];
    RunResult created = ValueOrDie(rig.runner->Submit(submit), w.name + ": submitting");
    if (created.snapshot.state != p.expected[0]) Die(w.name + ": unexpected state after step 1");
    const std::string id = created.snapshot.id;
    for (size_t i = 1; i < p.events.size(); ++i) {
      rig.clock.Set(p.events[i].at);
      RunResult moved = ValueOrDie(rig.runner->Apply(id, p.events[i]),
                                   w.name + ": step " + std::to_string(i + 1) + " on " + id);
      if (moved.snapshot.state != p.expected[i]) {
        Die(w.name + ": step " + std::to_string(i + 1) + " ended in " + moved.snapshot.state +
            ", expected " + p.expected[i]);
      }
    }
    transitions += static_cast<int64_t>(p.events.size());
    elapsed = SecondsSince(start);
    if (elapsed >= seconds) break;
  }
  const double n = static_cast<double>(transitions);
  return DurableSample{n / elapsed, (CpuSeconds() - cpu_start) * 1e6 / n};
}

std::string SamplesJson(const std::vector<double>& samples) {
  std::string out = "[";
  for (size_t i = 0; i < samples.size(); ++i) {
    out += (i > 0 ? "," : "") + JsonNumber(samples[i], 1);
  }
  return out + "]";
}

}  // namespace

PartResult RunDurable(const Options& options) {
  const WorkflowCase linear = LoadWorkflowCase(options, "linear");
  const WorkflowCase uitdaagrecht = LoadWorkflowCase(options, "uitdaagrecht");
  TempDir dir(options, "durable");
  Log("durable: " + std::to_string(options.rounds) + " rounds of raw, linear, raw, uitdaagrecht, " +
      Fixed(options.seconds, 1) + " s each, in " + dir.path());

  RawSqlite raw(dir.File("raw.db"), true);
  DurableRig rig(dir.File("cases.db"), true, {&linear, &uitdaagrecht});

  std::vector<double> raw_rates, linear_rates, full_rates, linear_cpu, full_cpu;
  for (int round = 1; round <= options.rounds; ++round) {
    raw_rates.push_back(raw.Measure(options.seconds));
    const DurableSample l = MeasureDurable(rig, linear, options.seconds);
    raw_rates.push_back(raw.Measure(options.seconds));
    const DurableSample f = MeasureDurable(rig, uitdaagrecht, options.seconds);
    linear_rates.push_back(l.transitions_per_second);
    linear_cpu.push_back(l.cpu_us_per_transition);
    full_rates.push_back(f.transitions_per_second);
    full_cpu.push_back(f.cpu_us_per_transition);
    Log("durable: round " + std::to_string(round) + ": raw " + Thousands(raw_rates.end()[-2]) +
        " / " + Thousands(raw_rates.back()) + " commits/s, linear " +
        Thousands(linear_rates.back()) + ", uitdaagrecht " + Thousands(full_rates.back()) +
        " transitions/s");
  }

  // Diagnostics, once: the same work with synchronous=NORMAL (no fsync per commit) shows how
  // much of a durable transition is CPU and page writing rather than waiting for the disk.
  RawSqlite raw_normal(dir.File("raw-normal.db"), false);
  DurableRig rig_normal(dir.File("cases-normal.db"), false, {&linear, &uitdaagrecht});
  const double raw_normal_rate = raw_normal.Measure(options.seconds);
  const double linear_normal_rate =
      MeasureDurable(rig_normal, linear, options.seconds).transitions_per_second;
  const double full_normal_rate =
      MeasureDurable(rig_normal, uitdaagrecht, options.seconds).transitions_per_second;

  const double raw_median = Median(raw_rates);
  const double linear_median = Median(linear_rates);
  const double full_median = Median(full_rates);
  const double linear_ratio = linear_median / raw_median;
  const double full_ratio = full_median / raw_median;
  const double linear_cpu_us = Median(linear_cpu);
  const double full_cpu_us = Median(full_cpu);
  const double raw_interval_us = 1e6 / raw_median;
  const std::string limit = Thousands(raw_median) + " commits/s raw SQLite";

  PartResult result;
  result.rows.push_back({"durable", "linear: Runner transitions/s (WAL, FULL)",
                         Thousands(linear_median) + " /s", limit, linear_ratio, ">= 0.70",
                         linear_ratio >= 0.7});
  result.rows.push_back({"durable", "uitdaagrecht: Runner transitions/s (WAL, FULL)",
                         Thousands(full_median) + " /s", limit, full_ratio, "(info)", std::nullopt});
  // How much of the disk's commit interval the Runner's own work takes: near or above 1, the
  // engine and store, not the disk, set the pace.
  result.rows.push_back({"durable", "linear: CPU per durable transition",
                         Fixed(linear_cpu_us, 0) + " us",
                         Fixed(raw_interval_us, 0) + " us per raw commit", linear_cpu_us / raw_interval_us,
                         "(info)", std::nullopt});
  result.rows.push_back({"durable", "uitdaagrecht: CPU per durable transition",
                         Fixed(full_cpu_us, 0) + " us",
                         Fixed(raw_interval_us, 0) + " us per raw commit", full_cpu_us / raw_interval_us,
                         "(info)", std::nullopt});
  result.rows.push_back({"durable", "linear with synchronous=NORMAL (no fsync)",
                         Thousands(linear_normal_rate) + " /s",
                         Thousands(raw_normal_rate) + " commits/s raw NORMAL",
                         linear_normal_rate / raw_normal_rate, "(info)", std::nullopt});

  result.json = "{\"part\":\"durable\",\"rounds\":" + std::to_string(options.rounds) +
                ",\"seconds_per_round\":" + JsonNumber(options.seconds) +
                ",\"raw_commits_per_second\":{\"median\":" + JsonNumber(raw_median, 1) +
                ",\"samples\":" + SamplesJson(raw_rates) + "}" +
                ",\"linear\":{\"transitions_per_second\":" + JsonNumber(linear_median, 1) +
                ",\"samples\":" + SamplesJson(linear_rates) +
                ",\"cpu_us_per_transition\":" + JsonNumber(linear_cpu_us, 1) +
                ",\"ratio\":" + JsonNumber(linear_ratio, 4) + ",\"target\":0.7,\"pass\":" +
                (linear_ratio >= 0.7 ? "true" : "false") + "}" +
                ",\"uitdaagrecht\":{\"transitions_per_second\":" + JsonNumber(full_median, 1) +
                ",\"samples\":" + SamplesJson(full_rates) +
                ",\"cpu_us_per_transition\":" + JsonNumber(full_cpu_us, 1) + ",\"ratio\":" +
                JsonNumber(full_ratio, 4) + "}" +
                ",\"synchronous_normal\":{\"raw_commits_per_second\":" +
                JsonNumber(raw_normal_rate, 1) + ",\"linear_transitions_per_second\":" +
                JsonNumber(linear_normal_rate, 1) + ",\"uitdaagrecht_transitions_per_second\":" +
                JsonNumber(full_normal_rate, 1) + "}}";
  return result;
}

}  // namespace uitdaag::bench
