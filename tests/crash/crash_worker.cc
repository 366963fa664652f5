// uitdaag_crash_worker: the process that tests/crash/crash_test.cc kills with SIGKILL.
//
//   uitdaag_crash_worker --db PATH --ack PATH --seed N --ops M
//
// Each run performs M operations of a deterministic load on a CaseStore: submissions, user events
// along the happy path of bench/paths/uitdaagrecht.yaml, sweeps that fire due deadlines, and
// outbox dispatches. After every operation that committed a transition it appends
// "ACK <case_id> <version> <hash>" to the ack file; after every outbox item its handler carried
// out, "DID <outbox_id>". The test compares those promises with what a restarted store holds.
//
// Why it is built this way:
//   - The ack line is written with write(2) on an O_APPEND descriptor, after Commit() returned:
//     nothing is buffered in the process, so a SIGKILL can only lose a promise that was never
//     made, never one that was. The kernel keeps what was written when only the process dies.
//   - Which operation runs at index i depends only on (seed, i). A rerun with the same seed
//     resumes at the last submission the store holds and sends it again under the same
//     idempotency key, so the load moves on across kills and a resubmission after a crash
//     replays instead of creating a second case.
//   - The clock is derived from the database (base + events stored * 1 day), so time never runs
//     backwards across restarts and weeks-long deadlines fall due within a few dozen operations.
//   - The worker trusts nothing it remembers across a restart: where each case stands on the path
//     is read back from its log.
//
// Output: nothing per operation; one summary line on stdout at the end; exit 0. Any unexpected
// failure prints one line on stderr and exits 2, which the test reports.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "uitdaag/clock.h"
#include "uitdaag/engine.h"
#include "uitdaag/loader.h"
#include "uitdaag/outbox.h"
#include "uitdaag/runner.h"
#include "uitdaag/script.h"
#include "uitdaag/store.h"
#include "uitdaag/sweeper.h"
#include "uitdaag/workflow.h"

namespace uitdaag {
namespace {

constexpr int64_t kSecondsPerEvent = 86400;  // one day of case time per stored event
constexpr int kMaxTimersPerSweep = 40;       // keeps one sweep operation short
constexpr size_t kWindow = 6;  // user events go to the oldest few open cases, so that some cases
                               // walk the path quickly while the others wait and their deadlines
                               // expire
constexpr int kOutboxBatch = 50;
constexpr uint64_t kSubmitPercent = 8;  // then 72% user events, 12% sweeps, 8% outbox runs

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "uitdaag_crash_worker: %s\n", what.c_str());
  std::exit(2);
}

// A well-mixed 64-bit value per (seed, op): the operation chosen at an index must not depend on
// anything that happened before it, or a rerun would not resubmit the same requests.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The ack file: one write(2) per line, on O_APPEND, never buffered.
class AckFile {
 public:
  explicit AckFile(const std::string& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) Die("cannot open " + path + ": " + std::strerror(errno));
    // A kill in the middle of a write may leave a torn last line. Mark it, so that the next
    // line does not run on into it and the reader can tell a torn promise from a broken one.
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && st.st_size > 0) {
      const int reader = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      char last = '\n';
      if (reader >= 0 && ::pread(reader, &last, 1, st.st_size - 1) == 1 && last != '\n') {
        Write("~\n");
      }
      if (reader >= 0) ::close(reader);
    }
  }
  ~AckFile() { ::close(fd_); }
  AckFile(const AckFile&) = delete;
  AckFile& operator=(const AckFile&) = delete;

  void Write(const std::string& line) {
    const char* p = line.data();
    size_t left = line.size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        Die(std::string("cannot write the ack file: ") + std::strerror(errno));
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
  }

 private:
  int fd_ = -1;
};

// Carries out nothing but the promise: records the item id, then reports success. Every fifth
// item fails on its first attempt so that the retry path runs under the kills too.
class RecordingHandler final : public EffectHandler {
 public:
  explicit RecordingHandler(AckFile& ack) : ack_(ack) {}
  Status Perform(const OutboxItem& item) override {
    if (item.id % 5 == 0 && item.attempts == 0) {
      return Status::Unavailable("first attempt of item " + std::to_string(item.id) + " fails");
    }
    ack_.Write("DID " + std::to_string(item.id) + "\n");
    ++done;
    return Status::Ok();
  }
  int done = 0;

 private:
  AckFile& ack_;
};

struct Options {
  std::string db;
  std::string ack;
  uint64_t seed = 0;
  int64_t ops = 0;
};

Options ParseArgs(int argc, char** argv) {
  Options o;
  bool have_seed = false, have_ops = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) Die("missing value after " + flag);
    const std::string value = argv[++i];
    char* end = nullptr;
    if (flag == "--db") {
      o.db = value;
    } else if (flag == "--ack") {
      o.ack = value;
    } else if (flag == "--seed") {
      o.seed = std::strtoull(value.c_str(), &end, 10);
      have_seed = end != nullptr && *end == '\0' && !value.empty();
    } else if (flag == "--ops") {
      o.ops = std::strtoll(value.c_str(), &end, 10);
      have_ops = end != nullptr && *end == '\0' && o.ops >= 0;
    } else {
      Die("unknown flag " + flag);
    }
  }
  if (o.db.empty() || o.ack.empty() || !have_seed || !have_ops) {
    Die("usage: uitdaag_crash_worker --db PATH --ack PATH --seed N --ops M");
  }
  return o;
}

// True for the engine's refusals of an event (wrong state, guard false, bad input): the load
// then tries the next step of the path. Anything else is a failure of the durable layer.
bool IsRejection(StatusCode code) {
  return code == StatusCode::kFailedPrecondition || code == StatusCode::kInvalidArgument ||
         code == StatusCode::kPermissionDenied || code == StatusCode::kNotFound;
}

class Worker {
 public:
  Worker(const Options& options, const WorkflowDefinition& def, const Script& path,
         CaseStore& store, const WorkflowRegistry& workflows, AckFile& ack)
      : options_(options),
        def_(def),
        path_(path),
        store_(store),
        clock_(Base()),
        runner_(store, workflows, clock_),
        sweeper_(runner_),
        ack_(ack),
        handler_(ack),
        dispatcher_(store, handler_, clock_) {
    for (size_t i = 1; i < path_.steps.size(); ++i) step_of_event_[path_.steps[i].event.id] = i;
  }

  void Run() {
    StatusOr<StoreCounts> counts = store_.Counts();
    if (!counts.ok()) Die("counting: " + counts.status().ToString());
    events_ = counts->events;
    FindOpenCases();
    const int64_t first = ResumeAt(counts->cases);
    for (int64_t op = first; op < first + options_.ops; ++op) {
      clock_.Set(Base().AddSeconds(events_ * kSecondsPerEvent));
      const uint64_t r = Draw(op);
      const uint64_t kind = r % 100;
      if (kind < kSubmitPercent) {
        Submit(op);
      } else if (kind < 80) {
        UserEvent(r >> 8);
      } else if (kind < 92) {
        Sweep();
      } else {
        Dispatch();
      }
    }
    std::printf("ops=%" PRId64 " resumed_at=%" PRId64
                " submitted=%d replayed=%d user_events=%d timers=%d "
                "outbox_done=%d events_in_store=%" PRId64 "\n",
                options_.ops, first, submitted_, replayed_, user_events_, timers_, handler_.done,
                events_);
  }

 private:
  uint64_t Draw(int64_t op) const {
    return Mix(options_.seed * 1000003ULL + static_cast<uint64_t>(op));
  }

  // Where a restarted worker picks the load up again: at the last submission the store holds,
  // which it sends again, as a client does with a request it never saw confirmed (the store
  // answers it from the idempotency key). Every case comes from one submission, in op order, so
  // the number of cases says how far the previous runs got. Without this every run would start
  // over at op 0 and the kills would only ever hit the first few seconds of the load.
  int64_t ResumeAt(int64_t cases) const {
    if (cases == 0) return 0;
    int64_t seen = 0;
    const int64_t limit = cases * 10000;  // submissions are 8% of the ops: never reached
    for (int64_t op = 0; op < limit; ++op) {
      if (Draw(op) % 100 < kSubmitPercent && ++seen == cases) return op;
    }
    Die(std::to_string(cases) + " cases, more than this seed ever submits");
  }

  static Instant Base() { return Instant::FromLocal(Date::FromYmd(2026, 1, 5), 9, 0); }

  // The promise: written only after the commit returned, with the hash the store now holds.
  void Ack(const std::string& case_id, int64_t version) {
    StatusOr<StoredCase> stored = store_.Load(case_id);
    if (!stored.ok())
      Die("loading " + case_id + " after its commit: " + stored.status().ToString());
    if (stored->snapshot.version != version) {
      Die("case " + case_id + " is at version " + std::to_string(stored->snapshot.version) +
          " right after committing version " + std::to_string(version));
    }
    ack_.Write("ACK " + case_id + " " + std::to_string(version) + " " + stored->head_hash + "\n");
    ++events_;
  }

  // The cases the load still walks along the path, oldest first, read back from the store.
  void FindOpenCases() {
    StatusOr<std::vector<std::string>> ids = store_.CaseIds();
    if (!ids.ok()) Die("listing cases: " + ids.status().ToString());
    for (const std::string& id : *ids) {
      StatusOr<StoredCase> stored = store_.Load(id);
      if (!stored.ok()) Die("loading " + id + ": " + stored.status().ToString());
      if (!IsFinal(stored->snapshot.state)) open_.push_back(id);
    }
  }

  bool IsFinal(const std::string& state) const {
    const StateDef* s = def_.FindState(state);
    if (s == nullptr) Die("unknown state " + state);
    return s->final;
  }

  // A third of the cases stop walking once the agreement runs (they never reach `beeindigen`),
  // so their progress reports and the evaluation fall due and repeat over several rounds.
  size_t LastStepFor(const std::string& case_id) const {
    const size_t n = path_.steps.size();
    const std::string digits = case_id.substr(case_id.find('-') + 1);
    const bool stays = std::strtoll(digits.c_str(), nullptr, 10) % 3 == 0;
    return stays ? n - 1 : n;  // exclusive bound; the last step is `beeindigen`
  }

  void Submit(int64_t op) {
    SubmitRequest request;
    request.workflow_id = def_.id;
    request.event = path_.steps.front().event;
    request.event.at = clock_.Now();
    request.idempotency_key = "crash-" + std::to_string(options_.seed) + "-" + std::to_string(op);
    StatusOr<RunResult> result = runner_.Submit(request);
    if (!result.ok())
      Die("submission at op " + std::to_string(op) + ": " + result.status().ToString());
    if (result->replayed) {
      ++replayed_;  // the case was stored by an earlier run: no new promise
      return;
    }
    ++submitted_;
    open_.push_back(result->snapshot.id);
    Ack(result->snapshot.id, result->snapshot.version);
  }

  void UserEvent(uint64_t pick) {
    while (!open_.empty()) {
      const size_t index = static_cast<size_t>(pick % std::min(open_.size(), kWindow));
      const std::string case_id = open_[index];
      if (Advance(case_id)) return;
      // Final, or nothing left on its path: leave it to the timers.
      open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(index));
    }
  }

  // Applies the next step of the path the case's state accepts. False when there is none.
  bool Advance(const std::string& case_id) {
    StatusOr<StoredCase> stored = store_.Load(case_id);
    if (!stored.ok()) Die("loading " + case_id + ": " + stored.status().ToString());
    const CaseSnapshot& snapshot = stored->snapshot;
    if (IsFinal(snapshot.state)) return false;
    StatusOr<std::vector<LogEntry>> log = store_.Entries(case_id);
    if (!log.ok()) Die("reading the log of " + case_id + ": " + log.status().ToString());
    size_t next = 1;
    for (const LogEntry& entry : *log) {
      if (entry.timer) continue;
      auto it = step_of_event_.find(entry.event);
      if (it != step_of_event_.end()) next = it->second + 1;
    }
    for (size_t k = next; k < LastStepFor(case_id); ++k) {
      const Event& scripted = path_.steps[k].event;
      if (def_.CandidateTransitions(snapshot.state, scripted.id).empty()) continue;
      Event event = scripted;
      event.at = clock_.Now();
      if (event.actor.empty()) event.actor = event.role + "-1";
      StatusOr<RunResult> result = runner_.Apply(case_id, event, snapshot.version);
      if (result.ok()) {
        ++user_events_;
        Ack(case_id, result->snapshot.version);
        return true;
      }
      if (!IsRejection(result.status().code())) {
        Die("applying " + scripted.id + " to " + case_id + ": " + result.status().ToString());
      }
    }
    return false;
  }

  // Fires what is due now, one timer per SweepOnce so that each firing gets its own promise.
  void Sweep() {
    for (int i = 0; i < kMaxTimersPerSweep; ++i) {
      StatusOr<std::vector<TimerRecord>> due = store_.DueTimers(clock_.Now(), 1);
      if (!due.ok()) Die("reading due timers: " + due.status().ToString());
      if (due->empty()) return;
      StatusOr<SweepReport> report = sweeper_.SweepOnce(1);
      if (!report.ok()) Die("sweeping: " + report.status().ToString());
      if (report->fired != 1) {
        std::string errors;
        for (const std::string& e : report->errors) errors += " " + e;
        Die("the due timer of case " + due->front().case_id + " did not fire:" + errors);
      }
      ++timers_;
      StatusOr<StoredCase> stored = store_.Load(due->front().case_id);
      if (!stored.ok()) Die("loading " + due->front().case_id + ": " + stored.status().ToString());
      Ack(due->front().case_id, stored->snapshot.version);
    }
  }

  void Dispatch() {
    StatusOr<DispatchReport> report = dispatcher_.RunOnce(kOutboxBatch);
    if (!report.ok()) Die("dispatching the outbox: " + report.status().ToString());
  }

  const Options& options_;
  const WorkflowDefinition& def_;
  const Script& path_;
  CaseStore& store_;
  FakeClock clock_;
  Runner runner_;
  Sweeper sweeper_;
  AckFile& ack_;
  RecordingHandler handler_;
  OutboxDispatcher dispatcher_;
  std::map<std::string, size_t> step_of_event_;  // event id -> its step in the path
  std::vector<std::string> open_;
  int64_t events_ = 0;
  int submitted_ = 0, replayed_ = 0, user_events_ = 0, timers_ = 0;
};

int Main(int argc, char** argv) {
  const Options options = ParseArgs(argc, argv);
  const std::string source = UITDAAG_SOURCE_DIR;

  LoadResult loaded = LoadWorkflowFile(source + "/workflows/uitdaagrecht.yaml");
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.diagnostics)
      std::fprintf(stderr, "%s\n", d.ToString().c_str());
    Die("the workflow does not load");
  }
  WorkflowRegistry workflows;
  if (Status added = workflows.Add(loaded.definition); !added.ok()) Die(added.ToString());

  StatusOr<Script> path = LoadScriptFile(source + "/bench/paths/uitdaagrecht.yaml");
  if (!path.ok()) Die(path.status().ToString());
  if (path->steps.size() < 2 || path->steps.front().event.id != "indienen") {
    Die("the path should start with a submission and go on from there");
  }

  AckFile ack(options.ack);
  StoreOptions store_options;
  store_options.path = options.db;  // synchronous FULL: the default
  StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(store_options);
  if (!store.ok()) Die("opening " + options.db + ": " + store.status().ToString());

  Worker worker(options, *loaded.definition, *path, **store, workflows, ack);
  worker.Run();
  return 0;
}

}  // namespace
}  // namespace uitdaag

int main(int argc, char** argv) {
  return uitdaag::Main(argc, argv);
}
