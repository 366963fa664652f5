// CaseStore: open and migrate, load, and the one-transaction commit (uitdaag/store.h).
#include "uitdaag/store.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "case_json_internal.h"
#include "prepared_statement.h"
#include "schema.h"
#include "sqlite_error.h"
#include "party_json.h"
#include "store_impl.h"
#include "uitdaag/case_json.h"

namespace uitdaag {

std::string store_internal::ReadOnlyUri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(c));
      uri += buffer;
    } else {
      uri += c;
    }
  }
  return uri + "?mode=ro";
}

using namespace Poco::Data::Keywords;  // NOLINT: use(), into(), now

namespace {

void RegisterConnectorOnce() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

std::string CaseNumber(int year, int64_t n) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%06lld", year, static_cast<long long>(n));
  return buffer;
}

}  // namespace

// Statements of the commit path, prepared once per connection. Poco binds by reference, so each
// statement reads the buffer fields at execute() time.
struct CaseStore::Impl::CommitStatements {
  // Buffers.
  std::string case_id, workflow_id, state, assigned_role, snapshot, head_hash;
  int workflow_version = 0;
  int64_t version = 0, expected = 0, created_at = 0, updated_at = 0;
  std::string event, timer, actor, role, payload, from_state, to_state, effects, prev_hash, hash;
  int64_t seq = 0, at = 0, recorded_at = 0;
  std::string deadline_id, status, start, legal_end, target, track, kind;
  int round = 0, provisional = 0;
  int64_t due_at = 0;
  std::string outbox_kind, outbox_effect;
  int64_t outbox_id = 0;
  int year = 0;
  int64_t number = 0;
  std::string key, request_hash;
  int found = 0;

  using Prepared = store_internal::PreparedStatement;
  Prepared select_head, insert_case, update_case, insert_event, upsert_deadline, delete_timers,
      insert_timer, insert_outbox, select_outbox_id, next_number, select_key, insert_key;

  explicit CommitStatements(sqlite3* db)
      : select_head(db, "SELECT version, head_hash FROM cases WHERE id = ?"),
        insert_case(db,
                    "INSERT INTO cases (id, workflow_id, workflow_version, state, version, "
                    "assigned_role, snapshot, head_hash, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        update_case(db,
                    "UPDATE cases SET state = ?, version = ?, assigned_role = ?, snapshot = ?, "
                    "head_hash = ?, updated_at = ? WHERE id = ? AND version = ?"),
        insert_event(db,
                     "INSERT INTO events (case_id, seq, workflow_id, workflow_version, event, "
                     "timer, actor, role, at, recorded_at, payload, from_state, to_state, "
                     "effects, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        upsert_deadline(
            db,
            "INSERT INTO deadlines (case_id, deadline_id, round, status, start, legal_end, "
            "target, provisional, track) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (case_id, deadline_id) DO UPDATE SET round = excluded.round, "
            "status = excluded.status, start = excluded.start, legal_end = excluded.legal_end, "
            "target = excluded.target, provisional = excluded.provisional, "
            "track = excluded.track"),
        delete_timers(db, "DELETE FROM timers WHERE case_id = ?"),
        insert_timer(db,
                     "INSERT INTO timers (case_id, deadline_id, kind, round, due_at) "
                     "VALUES (?, ?, ?, ?, ?)"),
        insert_outbox(db,
                      "INSERT INTO outbox (case_id, seq, kind, effect, status, next_attempt_at, "
                      "created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)"),
        select_outbox_id(db, "SELECT last_insert_rowid()"),
        next_number(db,
                    "INSERT INTO case_numbers (year, last) VALUES (?, 1) "
                    "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last"),
        select_key(db,
                   "SELECT count(*), coalesce(max(case_id), ''), "
                   "coalesce(max(request_hash), '') FROM idempotency_keys WHERE key = ?"),
        insert_key(db,
                   "INSERT INTO idempotency_keys (key, request_hash, case_id, created_at) "
                   "VALUES (?, ?, ?, ?)") {
    select_head.Use(case_id).Into(version).Into(head_hash);
    insert_case.Use(case_id)
        .Use(workflow_id)
        .Use(workflow_version)
        .Use(state)
        .Use(version)
        .Use(assigned_role)
        .Use(snapshot)
        .Use(hash)
        .Use(created_at)
        .Use(updated_at);
    update_case.Use(state)
        .Use(version)
        .Use(assigned_role)
        .Use(snapshot)
        .Use(hash)
        .Use(updated_at)
        .Use(case_id)
        .Use(expected);
    insert_event.Use(case_id)
        .Use(seq)
        .Use(workflow_id)
        .Use(workflow_version)
        .Use(event)
        .Use(timer)
        .Use(actor)
        .Use(role)
        .Use(at)
        .Use(recorded_at)
        .Use(payload)
        .Use(from_state)
        .Use(to_state)
        .Use(effects)
        .Use(prev_hash)
        .Use(hash);
    upsert_deadline.Use(case_id)
        .Use(deadline_id)
        .Use(round)
        .Use(status)
        .Use(start)
        .Use(legal_end)
        .Use(target)
        .Use(provisional)
        .Use(track);
    delete_timers.Use(case_id);
    insert_timer.Use(case_id).Use(deadline_id).Use(kind).Use(round).Use(due_at);
    insert_outbox.Use(case_id)
        .Use(seq)
        .Use(outbox_kind)
        .Use(outbox_effect)
        .Use(recorded_at)
        .Use(recorded_at);
    select_outbox_id.Into(outbox_id);
    next_number.Use(year).Into(number);
    select_key.Use(key).Into(found).Into(case_id).Into(request_hash);
    insert_key.Use(key).Use(request_hash).Use(case_id).Use(recorded_at);
  }
};

CaseStore::Impl::Impl(const StoreOptions& opts, Poco::Data::Session s)
    : options(opts), session(std::move(s)) {}
CaseStore::Impl::~Impl() = default;

CaseStore::CaseStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CaseStore::~CaseStore() = default;

int CaseStore::LatestSchemaVersion() {
  return store_internal::Migrations().back().version;
}
int CaseStore::schema_version() const {
  return impl_->schema_version;
}
const std::string& CaseStore::path() const {
  return impl_->options.path;
}

void CaseStore::SetFaultHookForTesting(FaultHook hook) {
  impl_->fault = std::move(hook);
}

void CaseStore::Impl::PrepareStatements() {
  begin_immediate = std::make_unique<store_internal::PreparedStatement>(db, "BEGIN IMMEDIATE");
  commit_transaction = std::make_unique<store_internal::PreparedStatement>(db, "COMMIT");
  // The other statements refer to the tables: only once the schema exists; the commit path
  // never on a read-only connection.
  commit.reset();
  load_case.reset();
  if (schema_version == 0) return;
  load_case = std::make_unique<store_internal::PreparedStatement>(
      db, "SELECT snapshot, head_hash FROM cases WHERE id = ?");
  load_case->Use(load_id).Into(load_snapshot).Into(load_head);
  if (!options.read_only) commit = std::make_unique<CommitStatements>(db);
}

void CaseStore::Impl::RollbackQuietly() {
  if (db == nullptr || !InTransaction()) return;
  try {
    Exec("ROLLBACK");
  } catch (const std::exception&) {
    // A failed rollback leaves SQLite to roll back on close; nothing more can be done here.
  }
}

Status CaseStore::Impl::Error(const std::exception& e, std::string_view doing) const {
  return store_internal::DatabaseError(e, doing, options.path, options.busy_timeout_ms);
}

StatusOr<std::unique_ptr<CaseStore>> CaseStore::Open(const StoreOptions& options) {
  RegisterConnectorOnce();
  if (options.path.empty()) return Status::InvalidArgument("no database path given");
  // Poco reports a failed open only after its whole login timeout, so the common mistakes are
  // caught here first, with a clearer message.
  const std::filesystem::path file(options.path);
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  std::error_code ec;
  if (options.read_only && !std::filesystem::exists(file, ec)) {
    return Status::IoError("cannot open the database: " + options.path + " does not exist",
                           options.path);
  }
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::IoError("cannot open the database " + options.path + ": the directory " +
                               dir.string() + " does not exist",
                           options.path);
  }
  constexpr std::size_t kOpenTimeoutSeconds = 5;
  std::unique_ptr<Impl> impl;
  try {
    impl = std::make_unique<Impl>(
        options,
        Poco::Data::Session(
            "SQLite", options.read_only ? store_internal::ReadOnlyUri(options.path) : options.path,
            kOpenTimeoutSeconds));
  } catch (const std::exception& e) {
    return store_internal::DatabaseError(e, "opening", options.path, options.busy_timeout_ms);
  }
  Impl& s = *impl;
  try {
    s.db = Poco::Data::SQLite::Utility::dbHandle(s.session);
    sqlite3_busy_timeout(s.db, options.busy_timeout_ms);
    s.Exec("PRAGMA foreign_keys = ON");
    if (!options.read_only) {
      std::string mode;
      s.session << "PRAGMA journal_mode = WAL", into(mode), now;
      if (mode != "wal") {
        return Status::IoError(
            "cannot switch " + options.path + " to WAL journaling (got '" + mode + "')",
            options.path);
      }
      s.Exec(options.synchronous_full ? "PRAGMA synchronous = FULL"
                                      : "PRAGMA synchronous = NORMAL");
    }
    if (options.max_size_bytes > 0) {
      int page_size = 4096;
      s.session << "PRAGMA page_size", into(page_size), now;
      s.Exec("PRAGMA max_page_count = " + std::to_string(options.max_size_bytes / page_size));
    }
    s.session << "PRAGMA user_version", into(s.schema_version), now;
  } catch (const std::exception& e) {
    return s.Error(e, "opening");
  }
  if (s.schema_version > LatestSchemaVersion()) {
    return Status::FailedPrecondition(
        options.path + " has schema version " + std::to_string(s.schema_version) +
            ", newer than this build knows (" + std::to_string(LatestSchemaVersion()) +
            "); use a newer uitdaag",
        options.path);
  }
  // Statements are prepared for the schema as it is now (migrations need BEGIN and COMMIT), and
  // once more after migrating, when the tables the commit path uses exist.
  const int opened_at_version = s.schema_version;
  try {
    s.PrepareStatements();
  } catch (const std::exception& e) {
    return s.Error(e, "preparing statements");
  }
  for (const store_internal::Migration& m : store_internal::Migrations()) {
    if (m.version <= s.schema_version) continue;
    if (options.schema_version_for_testing > 0 && m.version > options.schema_version_for_testing) {
      break;
    }
    if (options.read_only) {
      return Status::FailedPrecondition(options.path + " needs schema migration " +
                                            std::to_string(m.version) +
                                            "; open it once read-write first",
                                        options.path);
    }
    Status migrated = s.InWriteTransaction(
        "applying schema migration " + std::to_string(m.version), [&]() -> Status {
          for (std::string_view sql : m.statements) {
            s.Exec(std::string(sql));
          }
          std::string name(m.name);
          int version = m.version;
          s.session << "INSERT INTO schema_migrations "
                       "(version, name) VALUES (?, ?)",
              use(version), use(name), now;
          s.Exec("PRAGMA user_version = " + std::to_string(m.version));
          return Status::Ok();
        });
    if (!migrated.ok()) return migrated;
    s.schema_version = m.version;
  }
  if (s.schema_version != opened_at_version) {
    try {
      s.PrepareStatements();
    } catch (const std::exception& e) {
      return s.Error(e, "preparing statements");
    }
  }
  return std::unique_ptr<CaseStore>(new CaseStore(std::move(impl)));
}

StatusOr<StoredCase> CaseStore::Load(std::string_view case_id) {
  Impl& s = *impl_;
  if (!s.load_case) return Status::NotFound("no case '" + std::string(case_id) + "'");
  try {
    s.load_id.assign(case_id);
    if (s.load_case->Execute() == 0)
      return Status::NotFound("no case '" + s.load_id + "'", s.load_id);
    StatusOr<CaseSnapshot> snapshot = SnapshotFromJson(s.load_snapshot);
    if (!snapshot.ok()) {
      return Status::IoError("the stored snapshot of case " + s.load_id +
                                 " cannot be read: " + snapshot.status().message(),
                             s.load_id);
    }
    return StoredCase{std::move(*snapshot), s.load_head};
  } catch (const std::exception& e) {
    return s.Error(e, "loading case " + std::string(case_id));
  }
}

StatusOr<std::optional<std::string>> CaseStore::FindIdempotencyKey(const IdempotencyClaim& claim) {
  try {
    std::string key = claim.key, case_id, request_hash;
    int found = 0;
    impl_->session << "SELECT count(*), coalesce(max(case_id), ''), "
                      "coalesce(max(request_hash), '') FROM idempotency_keys WHERE key = ?",
        use(key), into(found), into(case_id), into(request_hash), now;
    if (found == 0) return std::optional<std::string>();
    if (request_hash != claim.request_hash) {
      return Status::InvalidArgument(
          "idempotency key '" + claim.key + "' was already used for a different request",
          claim.key);
    }
    return std::optional<std::string>(case_id);
  } catch (const std::exception& e) {
    return impl_->Error(e, "looking up an idempotency key");
  }
}

StatusOr<CommitResult> CaseStore::Commit(CommitRequest r) {
  Impl& s = *impl_;
  if (!s.commit) return Status::FailedPrecondition("the store is open read-only", s.options.path);
  Impl::CommitStatements& c = *s.commit;
  const bool is_new = r.expected_version == 0;
  if (r.applicant) UITDAAG_RETURN_IF_ERROR(ValidateParty(*r.applicant));
  if (r.snapshot.version != r.expected_version + 1) {
    return Status::Internal("commit of version " + std::to_string(r.snapshot.version) +
                            " on top of version " + std::to_string(r.expected_version));
  }
  const std::string doing =
      is_new ? std::string("storing a new case") : "committing case " + r.snapshot.id;
  return s.InWriteTransaction(doing, [&]() -> StatusOr<CommitResult> {
    CommitResult result;
    std::string prev_hash;
    if (is_new) {
      if (r.idempotency) {
        c.key = r.idempotency->key;
        c.select_key.Execute();
        if (c.found != 0) {
          if (c.request_hash != r.idempotency->request_hash) {
            return Status::InvalidArgument(
                "idempotency key '" + c.key + "' was already used for a different request", c.key);
          }
          return Status::AlreadyExists(
              "idempotency key '" + c.key + "' already created case " + c.case_id, c.case_id);
        }
      }
      c.year = r.entry.at.LocalDate().year();
      c.next_number.Execute();
      r.snapshot.id = CaseNumber(c.year, c.number);
      prev_hash = std::string(kGenesisHash);
    } else {
      c.case_id = r.snapshot.id;
      c.version = -1;
      if (c.select_head.Execute() == 0) {
        return Status::NotFound("no case '" + r.snapshot.id + "'", r.snapshot.id);
      }
      if (c.version != r.expected_version) {
        return Status::Conflict("case " + r.snapshot.id + " is at version " +
                                    std::to_string(c.version) +
                                    ", but this change was based on version " +
                                    std::to_string(r.expected_version) + "; reload and try again",
                                r.snapshot.id);
      }
      prev_hash = c.head_hash;
    }
    // The log entry and its place in the chain.
    LogEntry& e = r.entry;
    e.case_id = r.snapshot.id;
    e.seq = r.snapshot.version;
    e.workflow_id = r.snapshot.workflow_id;
    e.workflow_version = r.snapshot.workflow_version;
    e.recorded_at = r.now;
    e.prev_hash = prev_hash;
    e.hash = EntryHash(e);

    // The case row first (the log references it), then the log entry.
    c.case_id = e.case_id;
    c.hash = e.hash;
    c.workflow_id = e.workflow_id;
    c.workflow_version = e.workflow_version;
    c.state = r.snapshot.state;
    c.version = r.snapshot.version;
    c.expected = r.expected_version;
    c.assigned_role = r.snapshot.assigned_role;
    c.snapshot = SnapshotToJson(r.snapshot);
    c.updated_at = r.snapshot.updated_at.unix_seconds();
    if (is_new) {
      c.created_at = r.snapshot.created_at.unix_seconds();
      c.insert_case.Execute();
    } else if (c.update_case.Execute() != 1) {
      return Status::Conflict("case " + r.snapshot.id + " changed during the commit",
                              r.snapshot.id);
    }
    if (is_new && r.applicant) {
      std::string role = PartyRoleName(PartyRole::kApplicant);
      std::string party = store_internal::PartyToJson(*r.applicant);
      s.session << "INSERT INTO parties (case_id, role, party, updated_at) VALUES (?, ?, ?, ?)",
          Poco::Data::Keywords::use(c.case_id), Poco::Data::Keywords::use(role),
          Poco::Data::Keywords::use(party), Poco::Data::Keywords::use(c.updated_at),
          Poco::Data::Keywords::now;
    }
    UITDAAG_RETURN_IF_ERROR(s.Fault("after_case"));

    c.seq = e.seq;
    c.event = e.event;
    c.timer = TimerRefToJson(e.timer);
    c.actor = e.actor;
    c.role = e.role;
    c.at = e.at.unix_seconds();
    c.recorded_at = e.recorded_at.unix_seconds();
    c.payload = RecordToJson(e.payload);
    c.from_state = e.from_state;
    c.to_state = e.to_state;
    c.effects = EffectsToJson(e.effects);
    c.prev_hash = e.prev_hash;
    c.insert_event.Execute();
    UITDAAG_RETURN_IF_ERROR(s.Fault("after_event"));

    for (const DeadlineRecord& d : r.deadlines) {
      c.deadline_id = d.track.id;
      c.round = d.track.round;
      c.status = DeadlineStatusName(d.track.status);
      c.start = d.track.start.ToIsoString();
      c.legal_end = d.legal_end.ToIsoString();
      c.target = d.target ? d.target->ToIsoString() : "";
      c.provisional = d.provisional ? 1 : 0;
      c.track = store_internal::JsonOf(
          [&](store_internal::JsonWriter& w) { store_internal::WriteTrack(w, d.track); });
      c.upsert_deadline.Execute();
    }
    UITDAAG_RETURN_IF_ERROR(s.Fault("after_deadlines"));

    if (!is_new) c.delete_timers.Execute();
    for (const DueTimer& t : r.timers) {
      c.deadline_id = t.ref.deadline;
      c.kind = store_internal::TimerKindName(t.ref.kind);
      c.round = t.ref.round;
      c.due_at = t.due.unix_seconds();
      c.insert_timer.Execute();
    }
    UITDAAG_RETURN_IF_ERROR(s.Fault("after_timers"));

    for (const Effect& effect : r.outbox) {
      c.outbox_kind = Effect::KindName(effect.kind);
      c.outbox_effect = EffectToJson(effect);
      c.insert_outbox.Execute();
      c.select_outbox_id.Execute();
      result.outbox_ids.push_back(c.outbox_id);
    }
    UITDAAG_RETURN_IF_ERROR(s.Fault("after_outbox"));

    if (r.idempotency) {
      c.key = r.idempotency->key;
      c.request_hash = r.idempotency->request_hash;
      c.insert_key.Execute();
    }
    result.case_id = r.snapshot.id;
    result.version = r.snapshot.version;
    result.hash = e.hash;
    return result;
  });
}

}  // namespace uitdaag
