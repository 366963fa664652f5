// Case databases of a given size for the sweep and memory parts, cached under
// <data dir>/cases-<N>.db (with cases-<N>.meta beside it) so that a rerun only copies them.
//
// A corpus is built as a municipality's database would look after N submissions of the default
// workflow (workflows/uitdaagrecht.yaml): every row of every table, the hash chains included, is
// what the Runner would have written. Building a million cases one fsync at a time would take
// hours, so a handful of template cases are created through the Runner in a scratch database, and
// the corpus is cloned from them with INSERT ... SELECT in large transactions: new case ids, the
// id inside the snapshot JSON replaced, the log entries re-chained (bench_hash, a SQL function
// that computes each entry's hash exactly as the store does, with the new case id).
//
// Templates (all in 2026, all under the same workflow):
//   due cohort c (c = 0..4)  submitted, then asked to complete the request on 12 January + c days:
//                            the one pending timer is the expiry of `hersteltermijn`, due at
//                            00:00 on 10..14 February. The sweep of cohort c fires it.
//   bulk 0  submitted on 2 February (state ontvangen, beslistermijn timers late March)
//   bulk 1  submitted and asked to complete (state wacht_op_aanvulling, due 4 March)
//   bulk 2  bench/paths/uitdaagrecht.yaml up to the progress report: an agreement in execution
//           with 12 log entries and timers from March 2026 to February 2027
// The cohort cases are spread evenly over the case numbers (every (N / 5 x per_cohort)-th case), so
// a sweep touches pages all over the tables, not one cluster. At the sweep moment of cohort c only
// cohort c is due (earlier cohorts were fired by the earlier sweeps); nothing else is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench_common.h"
#include "uitdaag/instant.h"

namespace uitdaag::bench {

struct Corpus {
  std::string path;  // the cached database; never written by the benchmark (work on a copy)
  int64_t cases = 0;
  int cohorts = 0;
  int64_t per_cohort = 0;          // due timers per cohort (1,000 from 10,000 cases up)
  std::vector<Instant> cohort_due;  // the sweep moment of each cohort, ascending
  double generated_seconds = 0;     // how long building it took (when it was built)
  bool from_cache = false;
  int64_t bytes = 0;
};

// The moment the memory probe sweeps at: after every cohort and after bulk timers fell due.
Instant ProbeMoment();

// Builds the corpus of `cases` cases unless a complete one is cached.
Corpus EnsureCorpus(const Options& options, int64_t cases);

// A copy of the corpus to work on, made once per run and size, in a directory removed at exit.
std::string WorkingCopy(const Options& options, const Corpus& corpus);

}  // namespace uitdaag::bench
