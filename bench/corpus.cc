// Building and caching the case databases of the sweep and memory parts (corpus.h).
#include "corpus.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "uitdaag/audit.h"
#include "uitdaag/clock.h"
#include "uitdaag/outbox.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"

namespace uitdaag::bench {
namespace {

namespace fs = std::filesystem;

constexpr int kFormat = 1;  // bump when the corpus changes: older cached files are rebuilt
constexpr int kCohorts = 5;
constexpr int kYear = 2026;
constexpr int64_t kBatch = 50'000;  // cases per generating transaction
constexpr std::string_view kCaseToken = "@@BENCH-CASE-ID@@";
constexpr std::string_view kPrevToken = "@@BENCH-PREV-HASH@@";

std::string CaseId(int64_t number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%06lld", kYear, static_cast<long long>(number));
  return buffer;
}

int64_t PerCohort(int64_t cases) { return cases >= 10'000 ? 1'000 : cases / 20; }

Instant At(int month, int day, int hour, int minute) {
  return Instant::FromLocal(Date::FromYmd(kYear, month, day), hour, minute);
}

// The canonical text of one template log entry (uitdaag/audit.h), cut where the case id and the
// previous entry's hash go, so that a clone's entry hash is SHA-256 of head + id + middle + prev +
// tail: exactly what the store computes for an entry of that case.
struct EntryPieces {
  std::string head, middle, tail;
};

struct Template {
  std::string id;    // in the scratch database
  std::string kind;  // "due-0" .. "due-4", "bulk-0" .. "bulk-2"
  std::vector<EntryPieces> entries;  // by seq - 1
};

EntryPieces CutEntry(const LogEntry& entry) {
  LogEntry marked = entry;
  marked.case_id = std::string(kCaseToken);
  marked.prev_hash = std::string(kPrevToken);
  const std::string text = CanonicalEntry(marked);
  const size_t c = text.find(kCaseToken);
  const size_t p = text.find(kPrevToken);
  if (c == std::string::npos || p == std::string::npos || c > p ||
      text.find(kCaseToken, c + 1) != std::string::npos ||
      text.find(kPrevToken, p + 1) != std::string::npos) {
    Die("the canonical log entry does not have the expected layout (case before prev, once each)");
  }
  EntryPieces pieces{text.substr(0, c), text.substr(c + kCaseToken.size(), p - c - kCaseToken.size()),
                     text.substr(p + kPrevToken.size())};
  // The pieces must give back the template's own hash.
  if (Sha256Hex(pieces.head + entry.case_id + pieces.middle + entry.prev_hash + pieces.tail) !=
      entry.hash) {
    Die("re-chaining does not reproduce the hash of entry " + std::to_string(entry.seq) +
        " of template " + entry.case_id);
  }
  return pieces;
}

// The hash chains of the clones, computed on first use per clone and kept for one batch.
class Rechainer {
 public:
  void Add(const Template& t) { templates_[t.id] = &t; }
  void Clear() { chains_.clear(); }
  // The hash of entry `seq` of clone `new_id` of `tmpl`; seq 0 is the genesis hash. Null when the
  // template or the entry does not exist.
  const std::string* Hash(const std::string& tmpl, const std::string& new_id, int64_t seq) {
    static const std::string kGenesis(kGenesisHash);
    if (seq == 0) return &kGenesis;
    auto it = chains_.find(new_id);
    if (it == chains_.end()) {
      auto t = templates_.find(tmpl);
      if (t == templates_.end()) return nullptr;
      std::vector<std::string> chain;
      chain.reserve(t->second->entries.size());
      std::string prev = kGenesis;
      for (const EntryPieces& e : t->second->entries) {
        prev = Sha256Hex(e.head + new_id + e.middle + prev + e.tail);
        chain.push_back(prev);
      }
      it = chains_.emplace(new_id, std::move(chain)).first;
    }
    if (seq < 1 || seq > static_cast<int64_t>(it->second.size())) return nullptr;
    return &it->second[static_cast<size_t>(seq - 1)];
  }

 private:
  std::unordered_map<std::string, const Template*> templates_;
  std::unordered_map<std::string, std::vector<std::string>> chains_;
};

// bench_hash(template_id, new_case_id, seq) for SQL.
void BenchHashFunction(sqlite3_context* context, int, sqlite3_value** argv) {
  auto* rechainer = static_cast<Rechainer*>(sqlite3_user_data(context));
  const auto* tmpl = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto* new_id = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
  const int64_t seq = sqlite3_value_int64(argv[2]);
  const std::string* hash =
      tmpl == nullptr || new_id == nullptr ? nullptr : rechainer->Hash(tmpl, new_id, seq);
  if (hash == nullptr) {
    sqlite3_result_error(context, "bench_hash: unknown template or entry", -1);
    return;
  }
  sqlite3_result_text(context, hash->data(), static_cast<int>(hash->size()), SQLITE_TRANSIENT);
}

class AlwaysDone final : public EffectHandler {
 public:
  Status Perform(const OutboxItem&) override { return Status::Ok(); }
};

struct Templates {
  std::vector<Template> list;  // due-0..due-4, then bulk-0..bulk-2
  std::vector<Instant> cohort_due;
};

// Creates the template cases through the Runner in a scratch database, as a service would.
Templates BuildTemplates(const Options& options, const std::string& scratch_path) {
  const WorkflowCase w = LoadWorkflowCase(options, "uitdaagrecht");
  const BenchPath& p = w.path;
  if (p.events.size() < 12 || p.events[0].id != "indienen" ||
      p.events[1].id != "aanvulling_vragen" || p.expected[11] != "uitvoering") {
    Die(p.file + " no longer starts with indienen, aanvulling_vragen and reaches uitvoering at "
                 "step 12: the corpus templates need adjusting");
  }
  StoreOptions store_options;
  store_options.path = scratch_path;
  store_options.synchronous_full = false;  // a scratch file
  std::unique_ptr<CaseStore> store = ValueOrDie(CaseStore::Open(store_options), "opening scratch");
  WorkflowRegistry registry;
  OkOrDie(registry.Add(w.definition), "registering");
  FakeClock clock(p.start);
  Runner runner(*store, registry, clock);

  auto shifted = [](Event e, int days) {
    e.at = e.at.AddSeconds(int64_t{days} * 86'400);  // January/February: no clock change
    return e;
  };
  Templates t;
  auto create = [&](const std::string& kind, const std::vector<Event>& events) {
    clock.Set(events[0].at);
    SubmitRequest submit;
    submit.workflow_id = w.definition->id;
    submit.event = events[0];
    RunResult run = ValueOrDie(runner.Submit(submit), "template " + kind);
    for (size_t i = 1; i < events.size(); ++i) {
      clock.Set(events[i].at);
      run = ValueOrDie(runner.Apply(run.snapshot.id, events[i]), "template " + kind);
    }
    if (run.snapshot.state != p.expected[events.size() - 1]) {
      Die("template " + kind + " ended in " + run.snapshot.state);
    }
    t.list.push_back(Template{run.snapshot.id, kind, {}});
  };
  for (int c = 0; c < kCohorts; ++c) {
    create("due-" + std::to_string(c), {p.events[0], shifted(p.events[1], c)});
    std::vector<TimerRecord> timers = ValueOrDie(store->Timers(t.list.back().id), "timers");
    if (timers.size() != 1 || timers[0].ref.deadline != "hersteltermijn" ||
        timers[0].ref.kind != TimerRef::Kind::kExpiry) {
      Die("template due-" + std::to_string(c) + " should have exactly the hersteltermijn expiry");
    }
    if (!t.cohort_due.empty() && !(t.cohort_due.back() < timers[0].due)) {
      Die("the cohorts' due moments are not ascending");
    }
    t.cohort_due.push_back(timers[0].due);
  }
  create("bulk-0", {shifted(p.events[0], 25)});
  create("bulk-1", {shifted(p.events[0], 25), shifted(p.events[1], 22)});
  create("bulk-2", std::vector<Event>(p.events.begin(), p.events.begin() + 12));
  for (size_t i = kCohorts; i < t.list.size(); ++i) {
    for (const TimerRecord& timer : ValueOrDie(store->Timers(t.list[i].id), "timers")) {
      if (!(t.cohort_due.back() < timer.due)) {
        Die("template " + t.list[i].kind + " has a timer due before the last cohort's sweep");
      }
    }
  }
  // Letters and notifications of old cases have been carried out.
  AlwaysDone handler;
  clock.Set(At(3, 1, 12, 0));
  OutboxDispatcher dispatcher(*store, handler, clock);
  for (int i = 0; i < 100; ++i) {
    if (ValueOrDie(dispatcher.RunOnce(1000), "outbox").done == 0) break;
  }
  for (Template& tmpl : t.list) {
    for (const LogEntry& entry : ValueOrDie(store->Entries(tmpl.id), "template log")) {
      tmpl.entries.push_back(CutEntry(entry));
    }
  }
  return t;
}

// The template of case number k (1-based) of n: cohort cases spread evenly, bulk in turn.
size_t TemplateOf(int64_t k, int64_t n, int64_t per_cohort) {
  const int64_t i = k - 1;
  const int64_t due_total = per_cohort * kCohorts;
  const int64_t stride = n / due_total;
  if (i % stride == 0 && i / stride < due_total) return static_cast<size_t>((i / stride) % kCohorts);
  return static_cast<size_t>(kCohorts + i % 3);
}

class Sqlite {
 public:
  explicit Sqlite(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) Die("cannot open " + path);
  }
  ~Sqlite() {
    for (sqlite3_stmt* s : statements_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;
  sqlite3* get() const { return db_; }
  void Exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      Die("corpus SQL failed: " + message + "\n  in: " + sql);
    }
  }
  sqlite3_stmt* Prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      Die("corpus SQL: cannot prepare: " + std::string(sqlite3_errmsg(db_)) + "\n  in: " + sql);
    }
    statements_.push_back(stmt);
    return stmt;
  }
  void Run(sqlite3_stmt* stmt) {
    if (sqlite3_step(stmt) != SQLITE_DONE) {
      Die("corpus SQL failed: " + std::string(sqlite3_errmsg(db_)) + "\n  in: " + sqlite3_sql(stmt));
    }
    sqlite3_reset(stmt);
  }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

// The statements that clone the batch in temp.plan from the templates in `tpl`.
const char* const kCloneStatements[] = {
    R"sql(INSERT INTO main.cases (id, workflow_id, workflow_version, state, version, assigned_role,
                                  snapshot, head_hash, created_at, updated_at)
          SELECT p.new_id, t.workflow_id, t.workflow_version, t.state, t.version, t.assigned_role,
                 replace(t.snapshot, '"id":"' || t.id || '"', '"id":"' || p.new_id || '"'),
                 bench_hash(t.id, p.new_id, t.version), t.created_at, t.updated_at
          FROM temp.plan p JOIN tpl.cases t ON t.id = p.tmpl ORDER BY p.k)sql",
    R"sql(INSERT INTO main.events (case_id, seq, workflow_id, workflow_version, event, timer, actor,
                                   role, at, recorded_at, payload, from_state, to_state, effects,
                                   prev_hash, hash)
          SELECT p.new_id, e.seq, e.workflow_id, e.workflow_version, e.event, e.timer, e.actor,
                 e.role, e.at, e.recorded_at, e.payload, e.from_state, e.to_state, e.effects,
                 bench_hash(e.case_id, p.new_id, e.seq - 1), bench_hash(e.case_id, p.new_id, e.seq)
          FROM temp.plan p JOIN tpl.events e ON e.case_id = p.tmpl ORDER BY p.k, e.seq)sql",
    R"sql(INSERT INTO main.deadlines (case_id, deadline_id, round, status, start, legal_end, target,
                                      provisional, track)
          SELECT p.new_id, d.deadline_id, d.round, d.status, d.start, d.legal_end, d.target,
                 d.provisional, d.track
          FROM temp.plan p JOIN tpl.deadlines d ON d.case_id = p.tmpl ORDER BY p.k)sql",
    R"sql(INSERT INTO main.timers (case_id, deadline_id, kind, round, due_at)
          SELECT p.new_id, x.deadline_id, x.kind, x.round, x.due_at
          FROM temp.plan p JOIN tpl.timers x ON x.case_id = p.tmpl ORDER BY p.k)sql",
    R"sql(INSERT INTO main.outbox (case_id, seq, kind, effect, status, attempts, last_error,
                                   next_attempt_at, created_at, done_at)
          SELECT p.new_id, o.seq, o.kind, o.effect, o.status, o.attempts, o.last_error,
                 o.next_attempt_at, o.created_at, o.done_at
          FROM temp.plan p JOIN tpl.outbox o ON o.case_id = p.tmpl ORDER BY p.k, o.id)sql",
};

// Checks a freshly built corpus through the store's own API: the audit chains, the snapshots'
// ids, and that each cohort's sweep moment finds exactly that cohort due.
void VerifyCorpus(const std::string& path, const Corpus& corpus) {
  StoreOptions options;
  options.path = path;
  std::unique_ptr<CaseStore> store = ValueOrDie(CaseStore::Open(options), "opening " + path);
  const StoreCounts counts = ValueOrDie(store->Counts(), "counting");
  if (counts.cases != corpus.cases) Die("the corpus has " + std::to_string(counts.cases) + " cases");
  Log("corpus " + std::to_string(corpus.cases) + ": " + Thousands(static_cast<double>(counts.events)) +
      " log entries, " + Thousands(static_cast<double>(counts.timers)) + " timers, " +
      Thousands(static_cast<double>(counts.outbox_pending)) + " pending outbox items");
  if (corpus.cases <= 20'000) {
    OkOrDie(store->VerifyAudit(), "verifying the audit chains of the corpus");
  }
  // A sample through the read path, for every size.
  for (int j = 0; j < 64; ++j) {
    const int64_t k = 1 + j * (corpus.cases - 1) / 63;
    const std::string id = CaseId(k);
    std::vector<LogEntry> entries = ValueOrDie(store->Entries(id), "reading " + id);
    OkOrDie(VerifyChain(id, entries), "the chain of " + id);
    StoredCase stored = ValueOrDie(store->Load(id), "loading " + id);
    if (stored.snapshot.id != id || entries.empty() || stored.head_hash != entries.back().hash) {
      Die("case " + id + " does not match its log or its snapshot names another id");
    }
  }
  const int64_t due_total = corpus.per_cohort * kCohorts;
  if (!ValueOrDie(store->DueTimers(corpus.cohort_due[0].AddSeconds(-1), 1), "due").empty()) {
    Die("timers are due before the first cohort's moment");
  }
  for (int c = 0; c < kCohorts; ++c) {
    const auto due = ValueOrDie(
        store->DueTimers(corpus.cohort_due[static_cast<size_t>(c)], static_cast<int>(due_total + 1)),
        "due timers");
    if (static_cast<int64_t>(due.size()) != (c + 1) * corpus.per_cohort) {
      Die("at cohort " + std::to_string(c) + "'s moment " + std::to_string(due.size()) +
          " timers are due, expected " + std::to_string((c + 1) * corpus.per_cohort));
    }
  }
}

std::string DbPath(const Options& options, int64_t cases) {
  return options.data_dir + "/cases-" + std::to_string(cases) + ".db";
}
std::string MetaPath(const Options& options, int64_t cases) {
  return options.data_dir + "/cases-" + std::to_string(cases) + ".meta";
}

bool ReadMeta(const std::string& meta_path, Corpus& corpus) {
  std::ifstream in(meta_path);
  if (!in) return false;
  std::map<std::string, std::vector<std::string>> values;
  std::string key, value;
  while (in >> key >> value) values[key].push_back(value);
  if (values["format"] != std::vector<std::string>{std::to_string(kFormat)}) return false;
  if (values["cases"] != std::vector<std::string>{std::to_string(corpus.cases)}) return false;
  if (values["cohort_due"].size() != kCohorts || values["per_cohort"].size() != 1 ||
      values["generated_seconds"].size() != 1) {
    return false;
  }
  corpus.cohorts = kCohorts;
  corpus.per_cohort = std::stoll(values["per_cohort"][0]);
  corpus.generated_seconds = std::stod(values["generated_seconds"][0]);
  for (const std::string& v : values["cohort_due"]) {
    corpus.cohort_due.push_back(Instant::FromUnixSeconds(std::stoll(v)));
  }
  return true;
}

void WriteMeta(const std::string& meta_path, const Corpus& corpus) {
  const std::string tmp = meta_path + ".tmp";
  {
    std::ofstream out(tmp);
    out << "format " << kFormat << "\ncases " << corpus.cases << "\ncohorts " << corpus.cohorts
        << "\nper_cohort " << corpus.per_cohort << "\ngenerated_seconds "
        << Fixed(corpus.generated_seconds, 1) << "\n";
    for (const Instant& due : corpus.cohort_due) out << "cohort_due " << due.unix_seconds() << "\n";
    if (!out) Die("cannot write " + tmp);
  }
  fs::rename(tmp, meta_path);
}

Corpus Generate(const Options& options, int64_t n) {
  const auto start = SteadyClock::now();
  Corpus corpus;
  corpus.cases = n;
  corpus.cohorts = kCohorts;
  corpus.per_cohort = PerCohort(n);
  if (corpus.per_cohort < 1 || n / (corpus.per_cohort * kCohorts) < 2) {
    Die("a corpus needs at least 2 cases per due case; " + std::to_string(n) + " is too small");
  }
  Log("corpus " + std::to_string(n) + ": building (not cached yet)");
  TempDir scratch(options, "templates");
  const Templates templates = BuildTemplates(options, scratch.File("templates.db"));
  corpus.cohort_due = templates.cohort_due;

  const std::string final_path = DbPath(options, n);
  const std::string tmp = final_path + ".tmp";
  RemoveDatabase(tmp);
  {
    StoreOptions store_options;
    store_options.path = tmp;
    ValueOrDie(CaseStore::Open(store_options), "creating " + tmp);  // the schema, then closed
  }
  Rechainer rechainer;
  for (const Template& t : templates.list) rechainer.Add(t);
  {
    Sqlite db(tmp);
    // A scratch file until renamed: no journal, no syncing, a large cache.
    db.Exec("PRAGMA journal_mode = OFF");
    db.Exec("PRAGMA synchronous = OFF");
    db.Exec("PRAGMA cache_size = -1048576");
    db.Exec("PRAGMA temp_store = MEMORY");
    db.Exec("ATTACH DATABASE '" + scratch.File("templates.db") + "' AS tpl");
    db.Exec("CREATE TEMP TABLE plan (k INTEGER PRIMARY KEY, new_id TEXT NOT NULL, tmpl TEXT NOT NULL)");
    if (sqlite3_create_function_v2(db.get(), "bench_hash", 3, SQLITE_UTF8, &rechainer,
                                   BenchHashFunction, nullptr, nullptr, nullptr) != SQLITE_OK) {
      Die("cannot register bench_hash");
    }
    sqlite3_stmt* add_plan = db.Prepare("INSERT INTO temp.plan (k, new_id, tmpl) VALUES (?, ?, ?)");
    std::vector<sqlite3_stmt*> clone;
    for (const char* sql : kCloneStatements) clone.push_back(db.Prepare(sql));

    double last_log = 0;
    for (int64_t lo = 1; lo <= n; lo += kBatch) {
      const int64_t hi = std::min(n, lo + kBatch - 1);
      db.Exec("BEGIN");
      db.Exec("DELETE FROM temp.plan");
      for (int64_t k = lo; k <= hi; ++k) {
        const std::string id = CaseId(k);
        const std::string& tmpl = templates.list[TemplateOf(k, n, corpus.per_cohort)].id;
        sqlite3_bind_int64(add_plan, 1, k);
        sqlite3_bind_text(add_plan, 2, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(add_plan, 3, tmpl.data(), static_cast<int>(tmpl.size()), SQLITE_TRANSIENT);
        db.Run(add_plan);
      }
      for (sqlite3_stmt* stmt : clone) db.Run(stmt);
      db.Exec("COMMIT");
      rechainer.Clear();
      const double elapsed = SecondsSince(start);
      if (elapsed - last_log >= 10 || hi == n) {
        last_log = elapsed;
        Log("corpus " + std::to_string(n) + ": " + Thousands(static_cast<double>(hi)) +
            " cases cloned, " + Fixed(elapsed, 1) + " s");
      }
    }
    db.Exec("INSERT INTO main.case_numbers (year, last) VALUES (" + std::to_string(kYear) + ", " +
            std::to_string(n) + ")");
    db.Exec("DETACH DATABASE tpl");
    db.Exec("PRAGMA journal_mode = WAL");  // as the store keeps it
  }
  VerifyCorpus(tmp, corpus);
  fs::rename(tmp, final_path);
  corpus.path = final_path;
  corpus.generated_seconds = SecondsSince(start);
  corpus.bytes = FileBytes(final_path);
  WriteMeta(MetaPath(options, n), corpus);
  Log("corpus " + std::to_string(n) + ": built in " + Fixed(corpus.generated_seconds, 1) + " s, " +
      Fixed(static_cast<double>(corpus.bytes) / 1e9, 2) + " GB, cached as " + final_path);
  return corpus;
}

}  // namespace

Instant ProbeMoment() { return At(3, 31, 12, 0); }

Corpus EnsureCorpus(const Options& options, int64_t cases) {
  fs::create_directories(options.data_dir);
  Corpus corpus;
  corpus.cases = cases;
  const std::string db = DbPath(options, cases);
  if (ReadMeta(MetaPath(options, cases), corpus) && fs::exists(db) && !fs::exists(db + "-wal")) {
    corpus.path = db;
    corpus.from_cache = true;
    corpus.bytes = FileBytes(db);
    Log("corpus " + std::to_string(cases) + ": cached " + db + " (" +
        Fixed(static_cast<double>(corpus.bytes) / 1e9, 2) + " GB, built in " +
        Fixed(corpus.generated_seconds, 1) + " s)");
    return corpus;
  }
  return Generate(options, cases);
}

std::string WorkingCopy(const Options& options, const Corpus& corpus) {
  static std::unique_ptr<TempDir> dir;
  static std::map<int64_t, std::string> copies;
  auto it = copies.find(corpus.cases);
  if (it != copies.end()) return it->second;
  if (!dir) dir = std::make_unique<TempDir>(options, "work");
  const std::string path = dir->File("cases-" + std::to_string(corpus.cases) + ".db");
  const auto start = SteadyClock::now();
  CopyDatabase(corpus.path, path);
  Log("corpus " + std::to_string(corpus.cases) + ": working copy in " + Fixed(SecondsSince(start), 1) +
      " s");
  copies[corpus.cases] = path;
  return path;
}

}  // namespace uitdaag::bench
