// The crash test: a worker (crash_worker.cc) runs a bounded load of transitions and is killed
// with SIGKILL at a random moment, many times over the same database. After each kill the store
// is reopened, as a restarted service would, and checked against what the worker promised:
//
//   - every acknowledged transition is present, with exactly the acknowledged hash;
//   - nothing is half-applied: each case's snapshot is its log replayed through the engine, its
//     timers, deadline rows and outbox items are exactly what that log implies, and every audit
//     chain verifies;
//   - outbox items marked done were carried out (at least once);
//   - once a last, uninterrupted run and a sweep far in the future are over, no deadline is
//     still due and every timer fired at most once per (deadline, round, kind), exactly once
//     when its track says it fired.
//
// A SIGKILL only kills the process: what it wrote survives in the kernel. This test therefore
// proves atomicity and the ordering of commit and acknowledgement, not durability on power loss
// (that is what synchronous=FULL is for, and it cannot be tested from user space).
//
// Bounded: a hard cap on rounds, a wall-clock budget for the killed rounds and a timeout per
// worker. UITDAAG_CRASH_SEED, UITDAAG_CRASH_ROUNDS and UITDAAG_CRASH_OPS (operations of the last,
// uninterrupted run) override the defaults.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "support/store_fixture.h"
#include "uitdaag/replay.h"
#include "uitdaag/sweeper.h"

#if defined(__SANITIZE_ADDRESS__)
#define UITDAAG_CRASH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UITDAAG_CRASH_SANITIZED 1
#endif
#endif

namespace uitdaag::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Sanitized and unoptimised builds run the worker several times slower: fewer rounds and
// operations, later kills (so that they do not all land in start-up), the same checks.
#if defined(UITDAAG_CRASH_SANITIZED) || !defined(NDEBUG)
constexpr bool kSlowBuild = true;
#else
constexpr bool kSlowBuild = false;
#endif
constexpr int kMaxRounds = 40;  // hard cap, whatever the environment says
constexpr int kDefaultRounds = kSlowBuild ? 16 : 20;
// Operations per run. A commit with its fsync takes milliseconds, so a run to be killed usually
// meets its kill first; on a fast disk it may finish first, and the kill window then shrinks to
// what such a run takes. The cap keeps the database, and the checks after every round, small
// even there. The last run is uninterrupted and must finish.
constexpr int64_t kKilledRunOps = kSlowBuild ? 150 : 300;
constexpr int64_t kDefaultFinalOps = kSlowBuild ? 300 : 600;
constexpr int kKillMinMs = kSlowBuild ? 50 : 20;
constexpr int kKillMaxMs = kSlowBuild ? 1500 : 800;  // start-up alone takes ~100 ms
constexpr auto kRoundBudget = std::chrono::seconds(kSlowBuild ? 60 : 30);  // for killed rounds
constexpr auto kWorkerTimeout = std::chrono::seconds(90);  // a worker that hangs is a failure
constexpr int64_t kFinalSweepDays = 5 * 365;

int64_t EnvOr(const char* name, int64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  return std::strtoll(text, nullptr, 10);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct WorkerRun {
  bool killed = false;  // by our SIGKILL
  int exit_code = -1;   // when it exited by itself
  std::string log;      // its stdout and stderr
  milliseconds took{0};
};

// Runs the worker; kills it with SIGKILL after `kill_after` unless it exits first. A worker still
// running after kWorkerTimeout is killed too and reported as a failure by the caller.
WorkerRun RunWorker(const std::vector<std::string>& args, const std::string& log_path,
                    std::optional<milliseconds> kill_after) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(log_fd >= 0);

  const Clock::time_point started = Clock::now();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    ::dup2(log_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(log_fd);

  WorkerRun run;
  int status = 0;
  const Clock::time_point deadline = started + (kill_after ? *kill_after : kWorkerTimeout);
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    REQUIRE(done >= 0);
    if (done == pid) break;
    if (Clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      REQUIRE(::waitpid(pid, &status, 0) == pid);
      break;
    }
    std::this_thread::sleep_for(milliseconds(1));
  }
  // The worker may have exited by itself in the instant before the kill: then it is not killed.
  run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.log = ReadFile(log_path);
  run.took = std::chrono::duration_cast<milliseconds>(Clock::now() - started);
  return run;
}

// ---------------------------------------------------------------------------------------------
// The worker's promises.

struct Ack {
  std::string case_id;
  int64_t version = 0;
  std::string hash;
};

struct Promises {
  std::vector<Ack> acks;
  std::set<int64_t> performed;  // outbox items a handler carried out
  int redelivered = 0;          // DID lines for an item carried out before (at least once)
  int torn = 0;                 // lines cut short by a kill inside write(2)
  std::vector<std::string> malformed;
};

bool AllDigits(const std::string& s) {
  return !s.empty() && s.size() < 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsHash(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// Strict: a line that is not exactly one of the two forms is malformed, except a line the worker
// marked as torn ('~', written on restart after a line without its newline) and an unfinished
// last line.
Promises ReadPromises(const std::string& path) {
  Promises p;
  const std::string text = ReadFile(path);
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t end = text.find('\n', begin);
    if (end == std::string::npos) {
      ++p.torn;  // the last write was cut short
      break;
    }
    const std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    if (!line.empty() && line.back() == '~') {
      ++p.torn;
      continue;
    }
    std::vector<std::string> f;
    std::istringstream in(line);
    for (std::string word; in >> word;) f.push_back(word);
    if (f.size() == 4 && f[0] == "ACK" && AllDigits(f[2]) && IsHash(f[3])) {
      p.acks.push_back(Ack{f[1], std::stoll(f[2]), f[3]});
    } else if (f.size() == 2 && f[0] == "DID" && AllDigits(f[1])) {
      if (!p.performed.insert(std::stoll(f[1])).second) ++p.redelivered;
    } else {
      p.malformed.push_back(line);
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// The checks. Problems are collected (the first few are shown) rather than failing at the first,
// so that one broken round says how broad the damage is.

struct Totals {
  int64_t cases = 0;
  int64_t entries = 0;
  int64_t timer_entries = 0;
  int64_t acks = 0;
  int64_t performed = 0;
  int64_t outbox_items = 0;
  int redelivered = 0;
  int torn = 0;
};

using TimerKey = std::tuple<std::string, int, TimerRef::Kind>;  // deadline, round, kind

std::string Describe(const TimerKey& key) {
  return std::get<0>(key) + " round " + std::to_string(std::get<1>(key)) +
         (std::get<2>(key) == TimerRef::Kind::kExpiry ? " expiry" : " warning");
}

struct RawDeadline {
  int round = 0;
  std::string status;
  std::string start;
};

// The deadline rows as stored. CaseStore::Deadlines() pairs each row with the snapshot's track,
// so the row's own round, status and start are read here directly.
std::map<std::pair<std::string, std::string>, RawDeadline> ReadRawDeadlines(const std::string& db) {
  std::map<std::pair<std::string, std::string>, RawDeadline> rows;
  sqlite3* handle = nullptr;
  const std::string uri = "file:" + db + "?mode=ro";
  REQUIRE(sqlite3_open_v2(uri.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(handle,
                             "SELECT case_id, deadline_id, round, status, start FROM deadlines", -1,
                             &stmt, nullptr) == SQLITE_OK);
  auto text = [&](int column) {
    const unsigned char* t = sqlite3_column_text(stmt, column);
    return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
  };
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    rows[{text(0), text(1)}] = RawDeadline{sqlite3_column_int(stmt, 2), text(3), text(4)};
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return rows;
}

// How many rows a query counts, on a read-only connection.
int64_t CountRaw(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  const std::string uri = "file:" + db + "?mode=ro";
  REQUIRE(sqlite3_open_v2(uri.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const int64_t n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return n;
}

class Checker {
 public:
  Checker(const WorkflowDefinition& def, CaseStore& store, const std::string& db)
      : def_(def), store_(store), db_(db) {}

  std::vector<std::string> problems;
  Totals totals;
  std::map<std::string, StoredCase> cases;
  std::map<std::string, std::vector<LogEntry>> logs;

  void Problem(const std::string& what) { problems.push_back(what); }

  // Everything that must hold after any restart.
  void CheckStore(const Promises& promises) {
    const Status audit = store_.VerifyAudit();
    if (!audit.ok()) Problem("VerifyAudit: " + audit.ToString());

    StatusOr<std::vector<std::string>> ids = store_.CaseIds();
    REQUIRE(ids.ok());
    raw_deadlines_ = ReadRawDeadlines(db_);
    for (const std::string& id : *ids) CheckCase(id);
    totals.cases = static_cast<int64_t>(ids->size());

    // Every case came from a submission with an idempotency key, and a key made one case: a
    // replayed submission after a crash created nothing.
    const int64_t keyed = CountRaw(
        db_, "SELECT count(*) FROM cases WHERE id IN (SELECT case_id FROM idempotency_keys)");
    const int64_t keys = CountRaw(db_, "SELECT count(*) FROM idempotency_keys");
    if (keyed != totals.cases || keys != totals.cases) {
      Problem(std::to_string(totals.cases) + " cases but " + std::to_string(keys) +
              " idempotency keys, " + std::to_string(keyed) + " cases with a key");
    }

    CheckPromises(promises);
  }

 private:
  void CheckPromises(const Promises& promises) {
    for (const std::string& line : promises.malformed)
      Problem("malformed ack line: '" + line + "'");
    totals.torn = promises.torn;
    totals.redelivered = promises.redelivered;
    for (const Ack& ack : promises.acks) {
      ++totals.acks;
      const std::string what = "ACK " + ack.case_id + " " + std::to_string(ack.version) + ": ";
      auto stored = cases.find(ack.case_id);
      if (stored == cases.end()) {
        Problem(what + "the case is missing");
        continue;
      }
      if (stored->second.snapshot.version < ack.version) {
        Problem(what + "the case is only at version " +
                std::to_string(stored->second.snapshot.version));
        continue;
      }
      const std::vector<LogEntry>& log = logs.at(ack.case_id);
      if (ack.version < 1 || ack.version > static_cast<int64_t>(log.size()) ||
          log[static_cast<size_t>(ack.version - 1)].seq != ack.version) {
        Problem(what + "no log entry with that seq");
      } else if (log[static_cast<size_t>(ack.version - 1)].hash != ack.hash) {
        Problem(what + "the entry has hash " + log[static_cast<size_t>(ack.version - 1)].hash +
                ", acknowledged was " + ack.hash);
      }
    }
    totals.performed = static_cast<int64_t>(promises.performed.size());
    for (int64_t id : promises.performed) {
      if (outbox_ids_.count(id) == 0) {
        Problem("the handler carried out outbox item " + std::to_string(id) +
                ", which is not stored");
      }
    }
    for (int64_t id : done_ids_) {
      if (promises.performed.count(id) == 0) {
        Problem("outbox item " + std::to_string(id) + " is done but was never carried out");
      }
    }
  }

  void CheckCase(const std::string& id) {
    StatusOr<StoredCase> stored = store_.Load(id);
    StatusOr<std::vector<LogEntry>> log = store_.Entries(id);
    if (!stored.ok() || !log.ok()) {
      Problem("case " + id + " cannot be read: " + stored.status().ToString() + " " +
              log.status().ToString());
      return;
    }
    const CaseSnapshot& snapshot = stored->snapshot;
    const std::string prefix = "case " + id + ": ";
    totals.entries += static_cast<int64_t>(log->size());

    // The head of the log is the case row.
    if (log->empty() || snapshot.version != static_cast<int64_t>(log->size()) ||
        log->back().seq != snapshot.version || stored->head_hash != log->back().hash) {
      Problem(prefix + "version " + std::to_string(snapshot.version) + " with " +
              std::to_string(log->size()) + " log entries, or a head hash that is not the last");
    }
    const Status invariants = CheckInvariants(def_, snapshot);
    if (!invariants.ok()) Problem(prefix + invariants.ToString());

    ReplayLog(id, snapshot, *log);
    CheckTimers(id, snapshot);
    CheckDeadlines(id, snapshot);
    CheckOutbox(id, snapshot, *log);

    cases.emplace(id, std::move(*stored));
    logs.emplace(id, std::move(*log));
  }

  // The strongest "nothing half-applied" check: the stored snapshot is exactly what the engine
  // makes of the logged events, each logged step produced exactly its logged states and effects,
  // and each timer in the log was due when it fired and carries its own due time.
  void ReplayLog(const std::string& id, const CaseSnapshot& stored,
                 const std::vector<LogEntry>& log) {
    if (log.empty()) return;
    const std::string prefix = "case " + id + ": ";
    CaseSnapshot snapshot = NewCase(def_, id, log.front().at);
    last_change_.clear();
    for (const LogEntry& entry : log) {
      const std::string where = prefix + "entry " + std::to_string(entry.seq) + ": ";
      Event event = EventOf(entry);
      if (entry.timer) {
        ++totals.timer_entries;
        bool due = false;
        for (const DueTimer& t : DueTimers(def_, snapshot, entry.recorded_at)) {
          if (t.ref == *entry.timer && t.due == entry.at) due = true;
        }
        if (!due) Problem(where + "a timer that was not due at its firing, or not at its due time");
      }
      StatusOr<StepResult> step = Step(def_, snapshot, event, entry.recorded_at);
      if (!step.ok()) {
        Problem(where + "does not replay: " + step.status().ToString());
        return;
      }
      if (step->from_state != entry.from_state || step->snapshot.state != entry.to_state ||
          step->effects != entry.effects) {
        Problem(where + "replays to another transition (" + step->from_state + " -> " +
                step->snapshot.state + ", logged " + entry.from_state + " -> " + entry.to_state +
                ")");
      }
      for (const auto& [deadline, track] : step->snapshot.deadlines) {
        auto before = snapshot.deadlines.find(deadline);
        if (before == snapshot.deadlines.end() || !(before->second == track)) {
          last_change_[deadline] = {step->snapshot, entry.at.LocalDate()};
        }
      }
      snapshot = std::move(step->snapshot);
    }
    if (!(snapshot == stored)) {
      Problem(prefix + "the stored snapshot is not its log replayed (state " + stored.state + " v" +
              std::to_string(stored.version) + ", replayed " + snapshot.state + " v" +
              std::to_string(snapshot.version) + ")");
    }
  }

  // The timer index holds exactly the case's pending timers: no lost one, no stale one.
  void CheckTimers(const std::string& id, const CaseSnapshot& snapshot) {
    StatusOr<std::vector<TimerRecord>> stored = store_.Timers(id);
    if (!stored.ok()) {
      Problem("case " + id + ": timers cannot be read: " + stored.status().ToString());
      return;
    }
    using Row = std::tuple<std::string, TimerRef::Kind, int, int64_t>;
    std::vector<Row> have, want;
    for (const TimerRecord& t : *stored) {
      have.emplace_back(t.ref.deadline, t.ref.kind, t.ref.round, t.due.unix_seconds());
    }
    for (const DueTimer& t : PendingTimers(def_, snapshot)) {
      want.emplace_back(t.ref.deadline, t.ref.kind, t.ref.round, t.due.unix_seconds());
    }
    std::sort(have.begin(), have.end());
    std::sort(want.begin(), want.end());
    if (have != want) {
      Problem("case " + id + ": " + std::to_string(have.size()) +
              " stored timers differ from the " + std::to_string(want.size()) +
              " pending timers of its snapshot");
    }
  }

  // One deadline row per track, holding the track's round, status and start, and the dates the
  // engine computes for it as of the step that last changed it.
  void CheckDeadlines(const std::string& id, const CaseSnapshot& snapshot) {
    StatusOr<std::vector<DeadlineRow>> rows = store_.Deadlines(id);
    const std::string prefix = "case " + id + ": ";
    if (!rows.ok()) {
      Problem(prefix + "deadline rows cannot be read: " + rows.status().ToString());
      return;
    }
    if (rows->size() != snapshot.deadlines.size()) {
      Problem(prefix + std::to_string(rows->size()) + " deadline rows for " +
              std::to_string(snapshot.deadlines.size()) + " tracks");
    }
    for (const DeadlineRow& row : *rows) {
      const std::string& deadline = row.record.track.id;
      const std::string where = prefix + "deadline " + deadline + ": ";
      auto track = snapshot.deadlines.find(deadline);
      auto raw = raw_deadlines_.find({id, deadline});
      if (track == snapshot.deadlines.end() || raw == raw_deadlines_.end()) {
        Problem(where + "a row without a track");
        continue;
      }
      if (raw->second.round != track->second.round ||
          raw->second.status != DeadlineStatusName(track->second.status) ||
          raw->second.start != track->second.start.ToIsoString()) {
        Problem(where + "the row says round " + std::to_string(raw->second.round) + " " +
                raw->second.status + " from " + raw->second.start + ", the snapshot round " +
                std::to_string(track->second.round) + " " +
                DeadlineStatusName(track->second.status));
      }
      auto change = last_change_.find(deadline);
      if (change == last_change_.end()) continue;  // reported by the replay already
      StatusOr<DeadlineComputation> expected =
          ComputeCaseDeadline(def_, change->second.first, deadline, change->second.second);
      if (!expected.ok()) {
        Problem(where + expected.status().ToString());
      } else if (expected->legal_end != row.record.legal_end ||
                 expected->target_end != row.record.target ||
                 expected->provisional != row.record.provisional) {
        auto text = [](const Date& end, const std::optional<Date>& target, bool provisional) {
          return end.ToIsoString() + " (target " + (target ? target->ToIsoString() : "none") +
                 (provisional ? ", provisional)" : ")");
        };
        Problem(where + "stored " +
                text(row.record.legal_end, row.record.target, row.record.provisional) +
                " but the engine computes " +
                text(expected->legal_end, expected->target_end, expected->provisional));
      }
    }
  }

  // Each step's letters and notifications are queued, all of them and only them.
  void CheckOutbox(const std::string& id, const CaseSnapshot& snapshot,
                   const std::vector<LogEntry>& log) {
    StatusOr<std::vector<OutboxItem>> items = store_.Outbox(id);
    const std::string prefix = "case " + id + ": ";
    if (!items.ok()) {
      Problem(prefix + "outbox cannot be read: " + items.status().ToString());
      return;
    }
    std::map<int64_t, std::vector<Effect>> queued;
    for (const OutboxItem& item : *items) {
      ++totals.outbox_items;
      outbox_ids_.insert(item.id);
      if (item.seq < 1 || item.seq > snapshot.version) {
        Problem(prefix + "outbox item " + std::to_string(item.id) + " belongs to entry " +
                std::to_string(item.seq) + ", beyond version " + std::to_string(snapshot.version));
      }
      if (item.status == OutboxItem::Status::kDone) done_ids_.insert(item.id);
      if (item.status == OutboxItem::Status::kFailed) {
        Problem(prefix + "outbox item " + std::to_string(item.id) + " gave up: " + item.last_error);
      }
      queued[item.seq].push_back(item.effect);
    }
    for (const LogEntry& entry : log) {
      std::vector<Effect> expected;
      for (const Effect& e : entry.effects) {
        if (IsOutboxEffect(e)) expected.push_back(e);
      }
      if (queued[entry.seq] != expected) {
        Problem(prefix + "entry " + std::to_string(entry.seq) + " queued " +
                std::to_string(queued[entry.seq].size()) + " outbox items for " +
                std::to_string(expected.size()) + " letters and notifications");
      }
    }
  }

  const WorkflowDefinition& def_;
  CaseStore& store_;
  std::string db_;
  std::map<std::pair<std::string, std::string>, RawDeadline> raw_deadlines_;
  std::map<std::string, std::pair<CaseSnapshot, Date>> last_change_;  // per deadline, this case
  std::set<int64_t> outbox_ids_;
  std::set<int64_t> done_ids_;
};

std::string FirstProblems(const std::vector<std::string>& problems) {
  std::string text = std::to_string(problems.size()) + " problem(s):";
  for (size_t i = 0; i < problems.size() && i < 12; ++i) text += "\n  " + problems[i];
  return text;
}

struct Summary {
  int rounds = 0;
  int kills = 0;
  int finished_early = 0;
  int64_t acks_checked = 0;
};

// A failed run cannot be replayed exactly (the kills are timed by the wall clock), so its
// database, ack file and worker logs are copied out of the temporary directory before it goes.
std::string KeepEvidence(const TempDir& dir) {
  const std::filesystem::path keep = std::filesystem::temp_directory_path() /
                                     ("uitdaag-crash-failure-" + std::to_string(::getpid()));
  std::error_code ignored;
  std::filesystem::remove_all(keep, ignored);
  std::filesystem::copy(dir.path(), keep, std::filesystem::copy_options::recursive, ignored);
  return keep.string();
}

TEST_CASE("crash: SIGKILL at random moments loses no acknowledged transition and half-applies none",
          "[crash]") {
  const Clock::time_point test_start = Clock::now();
  const uint64_t seed = static_cast<uint64_t>(
      EnvOr("UITDAAG_CRASH_SEED", static_cast<int64_t>(std::random_device{}() & 0x7fffffff)));
  const int rounds = static_cast<int>(
      std::clamp<int64_t>(EnvOr("UITDAAG_CRASH_ROUNDS", kDefaultRounds), 1, kMaxRounds));
  const int64_t final_ops =
      std::clamp<int64_t>(EnvOr("UITDAAG_CRASH_OPS", kDefaultFinalOps), 1, 20000);
  INFO("seed " << seed << " (rerun with UITDAAG_CRASH_SEED=" << seed << "), " << rounds
               << " rounds, " << final_ops << " operations in the last run");

  TempDir dir;
  const std::string db = dir.File("cases.db");
  const std::string acks = dir.File("acks.txt");
  const std::shared_ptr<const WorkflowDefinition> def =
      LoadOrFail(WorkflowPath("uitdaagrecht.yaml"));
  auto worker = [&](int64_t ops) {
    return std::vector<std::string>{
        UITDAAG_CRASH_WORKER, "--db", db, "--ack", acks, "--seed", std::to_string(seed), "--ops",
        std::to_string(ops)};
  };
  std::mt19937 rng(static_cast<uint32_t>(seed));
  int kill_max_ms = kKillMaxMs;
  Summary summary;

  // Reopens the store as a restarted service would and checks everything against the promises.
  auto check_after_restart = [&](const std::string& when) {
    std::vector<std::string> problems;
    {
      auto store = OpenStoreOrFail(db);
      Checker checker(*def, *store, db);
      checker.CheckStore(ReadPromises(acks));
      problems = std::move(checker.problems);
      summary.acks_checked += checker.totals.acks;
    }
    const std::string kept = problems.empty() ? std::string() : KeepEvidence(dir);
    INFO(when << ": " << FirstProblems(problems) << "\nthe evidence is kept in " << kept);
    REQUIRE(problems.empty());
  };

  for (int round = 1; round <= rounds; ++round) {
    if (round > 3 && Clock::now() - test_start > kRoundBudget) break;  // the wall-clock budget
    const int kill_ms = std::uniform_int_distribution<int>(kKillMinMs, kill_max_ms)(rng);
    INFO("round " << round << ", kill after " << kill_ms << " ms");
    const WorkerRun run =
        RunWorker(worker(kKilledRunOps), dir.File("worker-" + std::to_string(round) + ".log"),
                  milliseconds(kill_ms));
    INFO("worker output: " << run.log);
    // A worker that finished before the kill must have finished cleanly.
    REQUIRE((run.killed || run.exit_code == 0));
    ++summary.rounds;
    summary.kills += run.killed ? 1 : 0;
    summary.finished_early += run.killed ? 0 : 1;
    if (!run.killed) {
      // This machine is faster than the window assumes: aim the next kills inside a run.
      kill_max_ms = std::max(kKillMinMs + 1, static_cast<int>(run.took.count() * 8 / 10));
    }
    check_after_restart("after round " + std::to_string(round));
  }
  // At least some kills must have landed, or the test proved nothing.
  CHECK(summary.kills >= summary.rounds / 2);

  // One uninterrupted run: it must finish, and it replays the submissions of the killed ones.
  const WorkerRun last = RunWorker(worker(final_ops), dir.File("worker-final.log"), std::nullopt);
  INFO("final worker output: " << last.log);
  REQUIRE_FALSE(last.killed);  // not killed by the timeout
  REQUIRE(last.exit_code == 0);
  REQUIRE_THAT(last.log, Catch::Contains("ops="));
  check_after_restart("after the uninterrupted run");

  // A sweep far in the future: every deadline still running falls due and fires.
  auto store = OpenStoreOrFail(db);
  Instant latest;
  {
    StatusOr<std::vector<std::string>> ids = store->CaseIds();
    REQUIRE(ids.ok());
    REQUIRE_FALSE(ids->empty());
    for (const std::string& id : *ids) {
      StatusOr<std::vector<LogEntry>> log = store->Entries(id);
      REQUIRE(log.ok());
      for (const LogEntry& e : *log) latest = std::max(latest, e.recorded_at);
    }
  }
  const Instant far = latest.AddSeconds(kFinalSweepDays * 86400);
  FakeClock clock(far);
  WorkflowRegistry registry;
  REQUIRE(registry.Add(def).ok());
  Runner runner(*store, registry, clock);
  Sweeper sweeper(runner);
  int final_fired = 0;
  for (int pass = 0; pass < 100; ++pass) {
    StatusOr<SweepReport> report = sweeper.SweepOnce();
    REQUIRE(report.ok());
    std::string errors;
    for (const std::string& e : report->errors) errors += "\n  " + e;
    INFO("sweep errors:" << errors);
    REQUIRE(report->failed == 0);
    final_fired += report->fired;
    if (!report->more) break;
  }
  StatusOr<std::vector<TimerRecord>> left = store->DueTimers(far, 1);
  REQUIRE(left.ok());
  CHECK(left->empty());

  Checker checker(*def, *store, db);
  checker.CheckStore(ReadPromises(acks));
  // Every deadline that fell due fired, and at most once per (deadline, round, kind); exactly
  // once when its track says so.
  for (const auto& [id, stored] : checker.cases) {
    const std::string prefix = "case " + id + ": ";
    for (const DueTimer& t : DueTimers(*def, stored.snapshot, far)) {
      checker.Problem(prefix + Describe({t.ref.deadline, t.ref.round, t.ref.kind}) +
                      " is still due after the final sweep");
    }
    std::map<TimerKey, int> fired;
    for (const LogEntry& e : checker.logs.at(id)) {
      if (e.timer) ++fired[{e.timer->deadline, e.timer->round, e.timer->kind}];
    }
    for (const auto& [key, count] : fired) {
      if (count != 1) {
        checker.Problem(prefix + Describe(key) + " fired " + std::to_string(count) + " times");
      }
    }
    for (const auto& [deadline, track] : stored.snapshot.deadlines) {
      const int expiries = fired[{deadline, track.round, TimerRef::Kind::kExpiry}];
      const int warnings = fired[{deadline, track.round, TimerRef::Kind::kWarning}];
      if (expiries != (track.expiry_fired ? 1 : 0) || warnings != (track.warning_fired ? 1 : 0)) {
        checker.Problem(prefix + deadline + " round " + std::to_string(track.round) +
                        ": the track and the log disagree on what fired");
      }
      if (track.status == DeadlineStatus::kRunning && track.expiry_fired) {
        checker.Problem(prefix + deadline + " is running after its expiry fired");
      }
    }
  }
  const std::string kept = checker.problems.empty() ? std::string() : KeepEvidence(dir);
  INFO("after the final sweep: " << FirstProblems(checker.problems) << "\nthe evidence is kept in "
                                 << kept);
  REQUIRE(checker.problems.empty());

  const double seconds = std::chrono::duration<double>(Clock::now() - test_start).count();
  std::cout << "crash test: seed " << seed << ", " << summary.rounds << " rounds, " << summary.kills
            << " killed, " << summary.finished_early << " finished first; " << summary.acks_checked
            << " acknowledgements checked over all rounds (" << checker.totals.acks
            << " in the ack file, " << checker.totals.torn << " torn lines); "
            << checker.totals.cases << " cases, " << checker.totals.entries << " log entries, "
            << checker.totals.timer_entries << " timer firings (" << final_fired
            << " in the final sweep), " << checker.totals.outbox_items << " outbox items, "
            << checker.totals.performed << " carried out (" << checker.totals.redelivered
            << " again after a kill); final run: " << last.log.substr(0, last.log.find('\n'))
            << "; " << seconds << " s\n";
}

}  // namespace
}  // namespace uitdaag::testing
