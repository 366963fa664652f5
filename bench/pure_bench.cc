// Part pure: the engine alone, in memory. One run is NewCase followed by Step() for every event of
// the path, each step on the snapshot the previous one returned, and a check that the run ended in
// the path's last state. The peer is XState 5 on hand translations of the same workflows, driven
// by the same paths (bench/xstate/README.md); it runs as a child process before and after the C++
// side (never at the same time, so the two do not compete for a core), and its two results are
// averaged. Both sides report transitions per second.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "bench_common.h"

namespace uitdaag::bench {
namespace {

constexpr int64_t kMaxRuns = 50'000'000;
constexpr int kPureRounds = 3;

// Runs per second of whole paths over about `seconds`. Batches keep clock reads rare.
double MeasurePure(const WorkflowCase& w, double seconds) {
  const WorkflowDefinition& def = *w.definition;
  const BenchPath& p = w.path;
  const std::string& final_state = p.expected.back();
  auto one_run = [&] {
    CaseSnapshot snapshot = NewCase(def, "BENCH-1", p.start);
    for (const Event& event : p.events) {
      StatusOr<StepResult> step = Step(def, snapshot, event, event.at);
      if (!step.ok()) Die(w.name + ": step " + event.id + ": " + step.status().ToString());
      snapshot = std::move(step->snapshot);
    }
    if (snapshot.state != final_state) Die(w.name + ": a run ended in " + snapshot.state);
  };
  const auto start = SteadyClock::now();
  int64_t runs = 0;
  int64_t batch = 16;
  double elapsed = 0;
  while (runs < kMaxRuns) {
    for (int64_t i = 0; i < batch; ++i) one_run();
    runs += batch;
    elapsed = SecondsSince(start);
    if (elapsed >= seconds) break;
    // Aim at about 10 ms per batch.
    const double per_run = elapsed / static_cast<double>(runs);
    batch = std::max<int64_t>(1, std::min<int64_t>(100'000, static_cast<int64_t>(0.01 / per_run)));
  }
  return static_cast<double>(runs) / elapsed;
}

struct PeerResult {
  std::string version;
  double runs_per_second = 0;
  double transitions_per_second = 0;
  int transitions_per_run = 0;
};

std::map<std::string, PeerResult> RunXState(const Options& options) {
  const std::string script = options.source_dir + "/bench/xstate/bench.mjs";
  const std::string paths = options.source_dir + "/bench/paths";
  // `timeout` bounds the child even if it misbehaves; its own limits are --seconds and --max-runs.
  const int limit = static_cast<int>(options.xstate_seconds * 2 + 5) * 2 + 60;
  const std::string command = "timeout " + std::to_string(limit) + " " +
                              ShellQuote(options.node) + " " + ShellQuote(script) + " --paths " +
                              ShellQuote(paths) + " --seconds " +
                              JsonNumber(options.xstate_seconds);
  Log("pure: running the XState peer: " + command);
  const std::string output = RunChild(command);
  std::map<std::string, PeerResult> results;
  size_t begin = 0;
  while (begin < output.size()) {
    size_t end = output.find('\n', begin);
    if (end == std::string::npos) end = output.size();
    const std::string line = output.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty()) continue;
    const auto workflow = JsonTextField(line, "workflow");
    const auto tps = JsonField(line, "transitions_per_second");
    const auto rps = JsonField(line, "runs_per_second");
    const auto per_run = JsonField(line, "transitions_per_run");
    if (!workflow || !tps || !rps || !per_run) Die("cannot read the XState line: " + line);
    PeerResult r;
    r.version = JsonTextField(line, "version").value_or("?");
    r.runs_per_second = *rps;
    r.transitions_per_second = *tps;
    r.transitions_per_run = static_cast<int>(*per_run);
    results[*workflow] = r;
  }
  return results;
}

}  // namespace

PartResult RunPure(const Options& options) {
  const std::vector<WorkflowCase> workflows = {LoadWorkflowCase(options, "linear"),
                                               LoadWorkflowCase(options, "uitdaagrecht")};
  struct Measured {
    double runs_per_second = 0;
    std::vector<double> samples;
  };
  std::vector<Measured> measured(workflows.size());
  // The peer runs before and after the C++ rounds, and its two results are averaged, so that a
  // change in the machine's load during the part does not favour either side.
  const std::map<std::string, PeerResult> peer_before = RunXState(options);
  for (size_t i = 0; i < workflows.size(); ++i) {
    MeasurePure(workflows[i], 0.5);  // warm-up: caches, allocator, branch predictors
    for (int round = 0; round < kPureRounds; ++round) {
      measured[i].samples.push_back(MeasurePure(workflows[i], options.seconds));
    }
    measured[i].runs_per_second = Median(measured[i].samples);
    Log("pure: " + workflows[i].name + ": " + Thousands(measured[i].runs_per_second) +
        " runs/s (median of " + std::to_string(kPureRounds) + " rounds)");
  }
  const std::map<std::string, PeerResult> peer_after = RunXState(options);
  std::map<std::string, PeerResult> peer;
  for (const auto& [name, before] : peer_before) {
    auto after = peer_after.find(name);
    if (after == peer_after.end()) Die("the second XState run reported nothing for " + name);
    PeerResult mean = before;
    mean.runs_per_second = (before.runs_per_second + after->second.runs_per_second) / 2;
    mean.transitions_per_second =
        (before.transitions_per_second + after->second.transitions_per_second) / 2;
    peer[name] = mean;
  }

  PartResult result;
  result.json = "{\"part\":\"pure\",\"seconds_per_round\":" + JsonNumber(options.seconds) +
                ",\"rounds\":" + std::to_string(kPureRounds) + ",\"workflows\":[";
  for (size_t i = 0; i < workflows.size(); ++i) {
    const WorkflowCase& w = workflows[i];
    auto it = peer.find(w.name);
    if (it == peer.end()) Die("the XState peer reported nothing for " + w.name);
    const PeerResult& x = it->second;
    const int per_run = static_cast<int>(w.path.events.size());
    if (x.transitions_per_run != per_run) {
      Die(w.name + ": XState counts " + std::to_string(x.transitions_per_run) +
          " transitions per run, the path has " + std::to_string(per_run));
    }
    const double tps = measured[i].runs_per_second * per_run;
    const double ratio = tps / x.transitions_per_second;
    result.rows.push_back({"pure", w.name + ": Step() transitions/s (" +
                                       Thousands(measured[i].runs_per_second) + " runs/s)",
                           Thousands(tps) + " /s",
                           Thousands(x.transitions_per_second) + " /s XState " + x.version + " (" +
                               Thousands(x.runs_per_second) + " runs/s)",
                           ratio, ">= 20", ratio >= 20});
    result.json += std::string(i > 0 ? "," : "") + "{\"workflow\":" + JsonString(w.name) +
                   ",\"transitions_per_run\":" + std::to_string(per_run) +
                   ",\"runs_per_second\":" + JsonNumber(measured[i].runs_per_second, 1) +
                   ",\"transitions_per_second\":" + JsonNumber(tps, 1) +
                   ",\"xstate_version\":" + JsonString(x.version) +
                   ",\"xstate_runs_per_second\":" + JsonNumber(x.runs_per_second, 1) +
                   ",\"xstate_transitions_per_second\":" + JsonNumber(x.transitions_per_second, 1) +
                   ",\"xstate_samples\":[" +
                   JsonNumber(peer_before.at(w.name).transitions_per_second, 1) + "," +
                   JsonNumber(peer_after.at(w.name).transitions_per_second, 1) + "]" +
                   ",\"samples\":[" + [&] {
                     std::string list;
                     for (double r : measured[i].samples) {
                       list += (list.empty() ? "" : ",") + JsonNumber(r * per_run, 1);
                     }
                     return list;
                   }() + "]" +
                   ",\"ratio\":" + JsonNumber(ratio, 3) + ",\"target\":20,\"pass\":" +
                   (ratio >= 20 ? "true" : "false") + "}";
  }
  result.json += "]}";
  return result;
}

}  // namespace uitdaag::bench
