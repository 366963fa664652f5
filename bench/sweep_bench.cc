// Part sweep: the time Sweeper::SweepOnce takes to fire 1,000 due deadlines, among 10,000 cases
// and among many more (default 1,000,000), per timer. The store keeps pending timers indexed by due
// time, so the cost should follow the number of due timers, not the number of cases; the ratio
// says how far it does.
//
// Each corpus (corpus.h) has five cohorts of 1,000 cases whose one pending timer falls due on five
// consecutive days. Round c sweeps cohort c on a freshly opened store with the clock at that
// moment, for the small and the large corpus in turn, so the two see the same disk weather. Every
// timer firing is one durable commit (WAL, synchronous=FULL) through the Runner.
#include <sys/resource.h>

#include <algorithm>
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

constexpr int64_t kSmall = 10'000;

struct SweepSample {
  double open_seconds = 0;
  double sweep_seconds = 0;
  int fired = 0;
  // getrusage deltas over the sweep: CPU time, and 512-byte blocks the process made the kernel
  // read from and write to the disk (reads served by the page cache do not count).
  double user_seconds = 0;
  double system_seconds = 0;
  int64_t blocks_in = 0;
  int64_t blocks_out = 0;
};

double Seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

SweepSample SweepCohort(const std::string& db, const WorkflowCase& w, const Corpus& corpus,
                        size_t cohort) {
  SweepSample sample;
  const auto opening = SteadyClock::now();
  StoreOptions options;
  options.path = db;
  std::unique_ptr<CaseStore> store = ValueOrDie(CaseStore::Open(options), "opening " + db);
  WorkflowRegistry registry;
  OkOrDie(registry.Add(w.definition), "registering");
  FakeClock clock(corpus.cohort_due[cohort]);
  Runner runner(*store, registry, clock);
  Sweeper sweeper(runner);
  sample.open_seconds = SecondsSince(opening);

  struct rusage before {}, after {};
  getrusage(RUSAGE_SELF, &before);
  const auto start = SteadyClock::now();
  SweepReport report = ValueOrDie(sweeper.SweepOnce(10'000), "sweeping " + db);
  sample.sweep_seconds = SecondsSince(start);
  getrusage(RUSAGE_SELF, &after);
  sample.user_seconds = Seconds(after.ru_utime) - Seconds(before.ru_utime);
  sample.system_seconds = Seconds(after.ru_stime) - Seconds(before.ru_stime);
  sample.blocks_in = after.ru_inblock - before.ru_inblock;
  sample.blocks_out = after.ru_oublock - before.ru_oublock;
  sample.fired = report.fired;
  if (report.failed != 0 || report.more || report.fired != corpus.per_cohort) {
    Die("sweep of cohort " + std::to_string(cohort) + " in " + db + ": fired " +
        std::to_string(report.fired) + ", failed " + std::to_string(report.failed) +
        (report.errors.empty() ? "" : " (" + report.errors.front() + ")") + "; expected " +
        std::to_string(corpus.per_cohort) + " fired");
  }
  return sample;
}

std::string SamplesJson(const std::vector<SweepSample>& samples) {
  std::string out = "[";
  for (size_t i = 0; i < samples.size(); ++i) {
    out += std::string(i > 0 ? "," : "") + "{\"sweep_ms\":" +
           JsonNumber(samples[i].sweep_seconds * 1e3, 2) + ",\"open_ms\":" +
           JsonNumber(samples[i].open_seconds * 1e3, 2) + ",\"fired\":" +
           std::to_string(samples[i].fired) + ",\"user_ms\":" +
           JsonNumber(samples[i].user_seconds * 1e3, 1) + ",\"system_ms\":" +
           JsonNumber(samples[i].system_seconds * 1e3, 1) + ",\"blocks_in\":" +
           std::to_string(samples[i].blocks_in) + ",\"blocks_out\":" +
           std::to_string(samples[i].blocks_out) + "}";
  }
  return out + "]";
}

std::string CorpusJson(const Corpus& c) {
  return "{\"cases\":" + std::to_string(c.cases) + ",\"due_per_sweep\":" +
         std::to_string(c.per_cohort) + ",\"bytes\":" + std::to_string(c.bytes) +
         ",\"from_cache\":" + (c.from_cache ? "true" : "false") + ",\"generated_seconds\":" +
         JsonNumber(c.generated_seconds, 1) + "}";
}

}  // namespace

PartResult RunSweep(const Options& options) {
  const WorkflowCase w = LoadWorkflowCase(options, "uitdaagrecht");
  const Corpus small = EnsureCorpus(options, kSmall);
  const Corpus large = EnsureCorpus(options, options.large);
  const std::string small_db = WorkingCopy(options, small);
  const std::string large_db = WorkingCopy(options, large);

  const size_t rounds = static_cast<size_t>(std::min(options.rounds, small.cohorts));
  std::vector<SweepSample> small_samples, large_samples;
  for (size_t c = 0; c < rounds; ++c) {
    small_samples.push_back(SweepCohort(small_db, w, small, c));
    large_samples.push_back(SweepCohort(large_db, w, large, c));
    auto describe = [](const SweepSample& x, const Corpus& corpus) {
      return Fixed(x.sweep_seconds * 1e3, 1) + " ms among " +
             Thousands(static_cast<double>(corpus.cases)) + " (CPU " +
             Fixed((x.user_seconds + x.system_seconds) * 1e3, 0) + " ms, read " +
             Fixed(static_cast<double>(x.blocks_in) / 2048.0, 1) + " MiB from disk, wrote " +
             Fixed(static_cast<double>(x.blocks_out) / 2048.0, 1) + " MiB)";
    };
    Log("sweep: round " + std::to_string(c + 1) + ": " + describe(small_samples.back(), small) +
        "; " + describe(large_samples.back(), large));
  }
  auto median_ms = [](const std::vector<SweepSample>& samples) {
    std::vector<double> ms;
    for (const SweepSample& s : samples) ms.push_back(s.sweep_seconds * 1e3);
    return Median(ms);
  };
  auto median_of = [](const std::vector<SweepSample>& samples, auto field) {
    std::vector<double> values;
    for (const SweepSample& x : samples) values.push_back(field(x));
    return Median(values);
  };
  auto cpu_ms = [](const SweepSample& x) { return (x.user_seconds + x.system_seconds) * 1e3; };
  auto mib_in = [](const SweepSample& x) { return static_cast<double>(x.blocks_in) / 2048.0; };
  auto mib_out = [](const SweepSample& x) { return static_cast<double>(x.blocks_out) / 2048.0; };
  const double small_ms = median_ms(small_samples);
  const double large_ms = median_ms(large_samples);
  const double per = static_cast<double>(small.per_cohort);
  const double small_us = small_ms * 1e3 / per;
  const double large_us = large_ms * 1e3 / per;
  const double ratio = large_us / small_us;

  PartResult result;
  result.rows.push_back(
      {"sweep",
       Thousands(per) + " due among " + Thousands(static_cast<double>(large.cases)) +
           " cases: per timer",
       Fixed(large_us, 0) + " us (" + Fixed(large_ms, 0) + " ms)",
       Fixed(small_us, 0) + " us among " + Thousands(static_cast<double>(small.cases)) + " (" +
           Fixed(small_ms, 0) + " ms)",
       ratio, "<= 2.0", ratio <= 2.0});
  result.json = "{\"part\":\"sweep\",\"rounds\":" + std::to_string(rounds) +
                ",\"small\":" + CorpusJson(small) + ",\"large\":" + CorpusJson(large) +
                ",\"small_median_ms\":" + JsonNumber(small_ms, 2) +
                ",\"large_median_ms\":" + JsonNumber(large_ms, 2) +
                ",\"small_us_per_timer\":" + JsonNumber(small_us, 1) +
                ",\"large_us_per_timer\":" + JsonNumber(large_us, 1) +
                ",\"small_median_cpu_ms\":" + JsonNumber(median_of(small_samples, cpu_ms), 1) +
                ",\"large_median_cpu_ms\":" + JsonNumber(median_of(large_samples, cpu_ms), 1) +
                ",\"small_median_mib_read\":" + JsonNumber(median_of(small_samples, mib_in), 1) +
                ",\"large_median_mib_read\":" + JsonNumber(median_of(large_samples, mib_in), 1) +
                ",\"small_median_mib_written\":" + JsonNumber(median_of(small_samples, mib_out), 1) +
                ",\"large_median_mib_written\":" + JsonNumber(median_of(large_samples, mib_out), 1) +
                ",\"ratio\":" + JsonNumber(ratio, 3) + ",\"target\":2,\"pass\":" +
                (ratio <= 2.0 ? "true" : "false") + ",\"small_samples\":" +
                SamplesJson(small_samples) + ",\"large_samples\":" + SamplesJson(large_samples) +
                "}";
  return result;
}

}  // namespace uitdaag::bench
