// Shared pieces of the benchmark (bench/README.md): options, timing, workflows and paths, the
// result rows that make up the summary table, and a few file and process helpers.
//
// Every measuring loop in the benchmark is bounded twice: by a time budget and by a maximum count.
// Failures are fatal (Die): a benchmark that silently measures the wrong thing is worse than none.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/engine.h"
#include "uitdaag/script.h"
#include "uitdaag/status.h"
#include "uitdaag/workflow.h"

namespace uitdaag::bench {

struct Options {
  std::string source_dir;  // the repository root (workflows/, bench/paths, bench/xstate)
  std::string data_dir;    // cached databases and temporary directories (same disk as /work)
  std::vector<std::string> parts;  // "durable", "pure", "sweep", "memory", "letters"; empty: all
  int64_t large = 1'000'000;       // the big database size of parts sweep and memory
  int rounds = 5;                  // interleaved rounds of the durable and sweep parts
  double seconds = 2.0;            // length of one measuring round (durable, pure)
  double xstate_seconds = 5.0;     // measuring time per workflow of the XState peer
  std::string node = "node";
  bool keep_work = false;          // keep the working copies of the databases (debugging)
};

// One line of the summary table. `ratio` compares `value` with `reference`; `pass` is empty for
// rows that are informational (no target).
struct Row {
  std::string part;
  std::string what;
  std::string value;      // "6,120 transitions/s"
  std::string reference;  // "8,010 commits/s (raw SQLite)"
  double ratio = 0;
  std::string target;     // ">= 0.7"
  std::optional<bool> pass;
};

struct PartResult {
  std::vector<Row> rows;
  std::string json;  // one JSON object on one line
};

PartResult RunDurable(const Options& options);
PartResult RunPure(const Options& options);
PartResult RunSweep(const Options& options);
PartResult RunMemory(const Options& options);
PartResult RunLetters(const Options& options);
// The child side of part memory: `uitdaag_bench --probe-memory DB`. Prints one JSON line.
int ProbeMemory(const Options& options, const std::string& db_path);

// ---- Time

using SteadyClock = std::chrono::steady_clock;
inline double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}
double Median(std::vector<double> values);

// ---- Failures and logging (stderr; stdout carries only the table and the JSON lines)

[[noreturn]] void Die(const std::string& message);
void Log(const std::string& message);
template <typename T>
T ValueOrDie(StatusOr<T> result, const std::string& doing) {
  if (!result.ok()) Die(doing + ": " + result.status().ToString());
  return std::move(*result);
}
void OkOrDie(const Status& status, const std::string& doing);

// ---- Workflows and paths

std::shared_ptr<const WorkflowDefinition> LoadWorkflowOrDie(const std::string& path);

// A simulation script turned into the events to send, with the state expected after each.
struct BenchPath {
  std::string file;
  Instant start;
  std::vector<Event> events;             // `at` filled in
  std::vector<std::string> expected;     // the state after each event
};
BenchPath LoadPathOrDie(const std::string& path);

// The two workflows every part uses: the benchmark's linear one and the shipped default.
struct WorkflowCase {
  std::string name;  // "linear", "uitdaagrecht": the XState peer's names
  std::shared_ptr<const WorkflowDefinition> definition;
  BenchPath path;
};
WorkflowCase LoadWorkflowCase(const Options& options, const std::string& name);

// ---- Formatting

std::string Thousands(double value);  // 12345.6 -> "12,346"
std::string Fixed(double value, int digits);
std::string JsonNumber(double value, int digits = 3);
std::string JsonString(const std::string& text);

// ---- Files and processes

// A new directory under options.data_dir, removed (with its contents) at scope exit.
class TempDir {
 public:
  TempDir(const Options& options, const std::string& tag);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool keep_ = false;
};

// Removes a database file with its -wal and -shm companions.
void RemoveDatabase(const std::string& path);
// Copies a (closed, checkpointed) database file, flushes the copy to disk and drops the original
// from the page cache.
void CopyDatabase(const std::string& from, const std::string& to);
int64_t FileBytes(const std::string& path);

// Runs `command` through the shell and returns its stdout; dies when it exits non-zero.
std::string RunChild(const std::string& command);
// This executable, for child processes.
std::string SelfPath();
std::string ShellQuote(const std::string& text);

// The value of "key":<number> in a one-line JSON object, or nullopt.
std::optional<double> JsonField(const std::string& line, const std::string& key);
std::optional<std::string> JsonTextField(const std::string& line, const std::string& key);

}  // namespace uitdaag::bench
