// CaseStore: the read paths, the audit check, the outbox and documents (uitdaag/store.h).
#include <Poco/Data/LOB.h>

#include "case_json_internal.h"
#include "store_impl.h"
#include "uitdaag/case_json.h"

namespace uitdaag {

using namespace Poco::Data::Keywords;  // NOLINT: use(), into(), now
using Poco::Data::Statement;

namespace {

// A stored JSON column that does not parse is damage to the database, not bad user input.
Status Damaged(const std::string& what, const Status& status) {
  return Status::IoError(what + " cannot be read: " + status.message());
}

StatusOr<OutboxItem::Status> OutboxStatusFromName(const std::string& name) {
  for (auto s :
       {OutboxItem::Status::kPending, OutboxItem::Status::kDone, OutboxItem::Status::kFailed}) {
    if (name == OutboxStatusName(s)) return s;
  }
  return Status::IoError("unknown outbox status '" + name + "' in the database");
}

}  // namespace

const char* OutboxStatusName(OutboxItem::Status status) {
  switch (status) {
    case OutboxItem::Status::kPending:
      return "pending";
    case OutboxItem::Status::kDone:
      return "done";
    case OutboxItem::Status::kFailed:
      return "failed";
  }
  return "pending";
}

StatusOr<std::vector<LogEntry>> CaseStore::Entries(std::string_view case_id) {
  try {
    std::string id(case_id);
    UITDAAG_RETURN_IF_ERROR(impl_->RequireCase(id));
    std::vector<int64_t> seq, at, recorded_at;
    std::vector<int> workflow_version;
    std::vector<std::string> workflow_id, event, timer, actor, role, payload, from, to, effects,
        prev, hash;
    impl_->session << "SELECT seq, workflow_id, workflow_version, event, timer, actor, role, at, "
                      "recorded_at, payload, from_state, to_state, effects, prev_hash, hash "
                      "FROM events WHERE case_id = ? ORDER BY seq",
        use(id), into(seq), into(workflow_id), into(workflow_version), into(event), into(timer),
        into(actor), into(role), into(at), into(recorded_at), into(payload), into(from), into(to),
        into(effects), into(prev), into(hash), now;
    std::vector<LogEntry> entries;
    entries.reserve(seq.size());
    for (size_t i = 0; i < seq.size(); ++i) {
      const std::string what = "entry " + std::to_string(seq[i]) + " of case " + id;
      LogEntry e;
      e.case_id = id;
      e.seq = seq[i];
      e.workflow_id = workflow_id[i];
      e.workflow_version = workflow_version[i];
      e.event = event[i];
      StatusOr<std::optional<TimerRef>> timer_ref = TimerRefFromJson(timer[i]);
      if (!timer_ref.ok()) return Damaged(what, timer_ref.status());
      e.timer = *timer_ref;
      e.actor = actor[i];
      e.role = role[i];
      e.at = Instant::FromUnixSeconds(at[i]);
      e.recorded_at = Instant::FromUnixSeconds(recorded_at[i]);
      StatusOr<ValueRecord> record = RecordFromJson(payload[i]);
      if (!record.ok()) return Damaged(what, record.status());
      e.payload = std::move(*record);
      e.from_state = from[i];
      e.to_state = to[i];
      StatusOr<std::vector<Effect>> list = EffectsFromJson(effects[i]);
      if (!list.ok()) return Damaged(what, list.status());
      e.effects = std::move(*list);
      e.prev_hash = prev[i];
      e.hash = hash[i];
      entries.push_back(std::move(e));
    }
    return entries;
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading the log of case " + std::string(case_id));
  }
}

StatusOr<std::vector<DeadlineRow>> CaseStore::Deadlines(std::string_view case_id) {
  // Read from the deadline rows alone (not from the snapshot), so that a row that disagrees
  // with the snapshot can be seen.
  try {
    std::string id(case_id);
    UITDAAG_RETURN_IF_ERROR(impl_->RequireCase(id));
    std::vector<std::string> deadline_id, legal_end, target, track_json;
    std::vector<int> provisional;
    impl_->session << "SELECT deadline_id, legal_end, target, provisional, track FROM deadlines "
                      "WHERE case_id = ? ORDER BY deadline_id",
        use(id), into(deadline_id), into(legal_end), into(target), into(provisional),
        into(track_json), now;
    std::vector<DeadlineRow> rows;
    for (size_t i = 0; i < deadline_id.size(); ++i) {
      const std::string what = "deadline row " + deadline_id[i] + " of case " + id;
      StatusOr<store_internal::JsonIn> parsed = store_internal::JsonIn::Parse(track_json[i]);
      if (!parsed.ok()) return Damaged(what, parsed.status());
      StatusOr<DeadlineTrack> track = store_internal::ReadTrack(*parsed);
      if (!track.ok()) return Damaged(what, track.status());
      StatusOr<Date> end = Date::Parse(legal_end[i]);
      if (!end.ok()) return Damaged(what, end.status());
      std::optional<Date> aim;
      if (!target[i].empty()) {
        StatusOr<Date> parsed_target = Date::Parse(target[i]);
        if (!parsed_target.ok()) return Damaged(what, parsed_target.status());
        aim = *parsed_target;
      }
      rows.push_back(
          DeadlineRow{id, DeadlineRecord{std::move(*track), *end, aim, provisional[i] != 0}});
    }
    return rows;
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading the deadlines of case " + std::string(case_id));
  }
}

StatusOr<std::vector<std::string>> CaseStore::CaseIds() {
  try {
    std::vector<std::string> ids;
    impl_->session << "SELECT id FROM cases ORDER BY id", into(ids), now;
    return ids;
  } catch (const std::exception& e) {
    return impl_->Error(e, "listing cases");
  }
}

Status CaseStore::VerifyAudit(const std::function<void(std::string_view case_id)>& progress) {
  UITDAAG_ASSIGN_OR_RETURN(std::vector<std::string> ids, CaseIds());
  for (const std::string& id : ids) {
    if (progress) progress(id);
    UITDAAG_ASSIGN_OR_RETURN(std::vector<LogEntry> entries, Entries(id));
    UITDAAG_RETURN_IF_ERROR(VerifyChain(id, entries));
    UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, Load(id));
    const int64_t last_seq = entries.empty() ? 0 : entries.back().seq;
    const std::string last_hash = entries.empty() ? std::string(kGenesisHash) : entries.back().hash;
    if (stored.snapshot.version != last_seq || stored.head_hash != last_hash) {
      return Status::FailedPrecondition(
          "case " + id + ": the case is at version " + std::to_string(stored.snapshot.version) +
              " but its log ends at entry " + std::to_string(last_seq) +
              (stored.head_hash != last_hash ? " with another hash" : "") +
              " (entries were removed, or the case row was altered)",
          id);
    }
  }
  return Status::Ok();
}

namespace {

StatusOr<std::vector<TimerRecord>> ReadTimers(Statement& statement,
                                              std::vector<std::string>& case_id,
                                              std::vector<std::string>& deadline,
                                              std::vector<std::string>& kind,
                                              std::vector<int>& round, std::vector<int64_t>& due) {
  statement.execute();
  std::vector<TimerRecord> timers;
  for (size_t i = 0; i < case_id.size(); ++i) {
    const std::optional<TimerRef::Kind> k = store_internal::TimerKindFromName(kind[i]);
    if (!k) return Status::IoError("unknown timer kind '" + kind[i] + "' in the database");
    timers.push_back(TimerRecord{case_id[i], TimerRef{*k, deadline[i], round[i]},
                                 Instant::FromUnixSeconds(due[i])});
  }
  return timers;
}

}  // namespace

StatusOr<std::vector<TimerRecord>> CaseStore::DueTimers(Instant now_at, int limit) {
  try {
    int64_t due_before = now_at.unix_seconds();
    std::vector<std::string> case_id, deadline, kind;
    std::vector<int> round;
    std::vector<int64_t> due;
    // 'expiry' < 'warning' in byte order, which is the engine's order for equal due times.
    Statement select(impl_->session);
    select << "SELECT case_id, deadline_id, kind, round, due_at FROM timers WHERE due_at <= ? "
              "ORDER BY due_at, case_id, kind, deadline_id LIMIT ?",
        use(due_before), use(limit), into(case_id), into(deadline), into(kind), into(round),
        into(due);
    return ReadTimers(select, case_id, deadline, kind, round, due);
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading due timers");
  }
}

StatusOr<std::vector<TimerRecord>> CaseStore::Timers(std::string_view case_id_in) {
  try {
    std::string id(case_id_in);
    std::vector<std::string> case_id, deadline, kind;
    std::vector<int> round;
    std::vector<int64_t> due;
    Statement select(impl_->session);
    select << "SELECT case_id, deadline_id, kind, round, due_at FROM timers WHERE case_id = ? "
              "ORDER BY due_at, kind, deadline_id",
        use(id), into(case_id), into(deadline), into(kind), into(round), into(due);
    return ReadTimers(select, case_id, deadline, kind, round, due);
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading the timers of case " + std::string(case_id_in));
  }
}

namespace {

StatusOr<std::vector<OutboxItem>> ReadOutbox(Poco::Data::Session& session, const std::string& where,
                                             const std::string& key, int64_t number, int limit) {
  std::vector<int64_t> id, seq, next;
  std::vector<std::string> case_id, effect, status, error;
  std::vector<int> attempts;
  std::string key_copy = key;
  Statement select(session);
  select << "SELECT id, case_id, seq, effect, status, attempts, last_error, next_attempt_at "
            "FROM outbox WHERE " +
                where + " ORDER BY id LIMIT ?",
      into(id), into(case_id), into(seq), into(effect), into(status), into(attempts), into(error),
      into(next);
  if (!key.empty()) select, use(key_copy);
  if (number != 0) select, use(number);
  select, use(limit);
  select.execute();
  std::vector<OutboxItem> items;
  for (size_t i = 0; i < id.size(); ++i) {
    OutboxItem item;
    item.id = id[i];
    item.case_id = case_id[i];
    item.seq = seq[i];
    StatusOr<Effect> parsed = EffectFromJson(effect[i]);
    if (!parsed.ok()) return Damaged("outbox item " + std::to_string(id[i]), parsed.status());
    item.effect = std::move(*parsed);
    UITDAAG_ASSIGN_OR_RETURN(item.status, OutboxStatusFromName(status[i]));
    item.attempts = attempts[i];
    item.last_error = error[i];
    item.next_attempt = Instant::FromUnixSeconds(next[i]);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

StatusOr<std::vector<OutboxItem>> CaseStore::PendingOutbox(Instant now_at, int limit) {
  try {
    return ReadOutbox(impl_->session, "status = 'pending' AND next_attempt_at <= ?", "",
                      now_at.unix_seconds(), limit);
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading the outbox");
  }
}

StatusOr<std::vector<OutboxItem>> CaseStore::Outbox(std::string_view case_id) {
  try {
    return ReadOutbox(impl_->session, "case_id = ?", std::string(case_id), 0, 1 << 30);
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading the outbox of case " + std::string(case_id));
  }
}

Status CaseStore::RecordOutbox(const std::vector<Outcome>& outcomes, Instant now_at) {
  if (outcomes.empty()) return Status::Ok();
  Impl& s = *impl_;
  return s.InWriteTransaction("recording outbox results", [&]() -> Status {
    int64_t id = 0, at = now_at.unix_seconds(), retry = 0;
    std::string error, status;
    Statement done(s.session), failed(s.session);
    done << "UPDATE outbox SET status = 'done', done_at = ?, attempts = attempts + 1 "
            "WHERE id = ? AND status = 'pending'",
        use(at), use(id);
    failed << "UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, "
              "next_attempt_at = ? WHERE id = ? AND status = 'pending'",
        use(status), use(error), use(retry), use(id);
    for (const Outcome& o : outcomes) {
      id = o.id;
      if (o.done) {
        done.execute();
      } else {
        status = o.give_up ? "failed" : "pending";
        error = o.error;
        retry = o.retry_at.unix_seconds();
        failed.execute();
      }
      UITDAAG_RETURN_IF_ERROR(s.Fault("after_outbox_outcome"));
    }
    return Status::Ok();
  });
}

StatusOr<int64_t> CaseStore::AddDocument(Document d, int64_t max_of_kind) {
  Impl& s = *impl_;
  d.sha256 = Sha256Hex(d.content);
  return s.InWriteTransaction("storing a document", [&]() -> StatusOr<int64_t> {
    int64_t created = d.created_at.unix_seconds(), id = 0;
    Poco::Data::BLOB content(reinterpret_cast<const unsigned char*>(d.content.data()),
                             d.content.size());
    UITDAAG_RETURN_IF_ERROR(s.RequireCase(d.case_id));
    if (max_of_kind > 0) {
      int64_t stored = 0;
      s.session << "SELECT count(*) FROM documents WHERE case_id = ? AND kind = ?", use(d.case_id),
          use(d.kind), into(stored), now;
      if (stored >= max_of_kind) {
        return Status::FailedPrecondition("case " + d.case_id + " already has " +
                                              std::to_string(stored) + " documents of kind '" +
                                              d.kind + "', the most allowed",
                                          d.kind);
      }
    }
    s.session << "INSERT INTO documents (case_id, seq, kind, name, media_type, content, sha256, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        use(d.case_id), use(d.seq), use(d.kind), use(d.name), use(d.media_type), use(content),
        use(d.sha256), use(created), now;
    s.session << "SELECT last_insert_rowid()", into(id), now;
    return id;
  });
}

StatusOr<Document> CaseStore::GetDocument(int64_t id) {
  try {
    Document d;
    d.id = id;
    int found = 0;
    int64_t created = 0;
    Poco::Data::BLOB content;
    impl_->session << "SELECT count(*) FROM documents WHERE id = ?", use(id), into(found), now;
    if (found == 0) return Status::NotFound("no document " + std::to_string(id));
    impl_->session << "SELECT case_id, seq, kind, name, media_type, content, sha256, created_at "
                      "FROM documents WHERE id = ?",
        use(id), into(d.case_id), into(d.seq), into(d.kind), into(d.name), into(d.media_type),
        into(content), into(d.sha256), into(created), now;
    d.content.assign(reinterpret_cast<const char*>(content.rawContent()), content.size());
    d.size = static_cast<int64_t>(d.content.size());
    d.created_at = Instant::FromUnixSeconds(created);
    if (Sha256Hex(d.content) != d.sha256) {
      return Status::IoError("document " + std::to_string(id) +
                             " does not match its stored SHA-256 (the content was altered)");
    }
    return d;
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading document " + std::to_string(id));
  }
}

StatusOr<std::vector<Document>> CaseStore::Documents(std::string_view case_id) {
  try {
    std::string key(case_id);
    std::vector<int64_t> id, seq, created, size;
    std::vector<std::string> kind, name, media_type, sha;
    impl_->session << "SELECT id, seq, kind, name, media_type, sha256, created_at, "
                      "length(content) FROM documents WHERE case_id = ? ORDER BY id",
        use(key), into(id), into(seq), into(kind), into(name), into(media_type), into(sha),
        into(created), into(size), now;
    std::vector<Document> documents;
    for (size_t i = 0; i < id.size(); ++i) {
      documents.push_back(Document{id[i],
                                   key,
                                   seq[i],
                                   kind[i],
                                   name[i],
                                   media_type[i],
                                   {},
                                   sha[i],
                                   Instant::FromUnixSeconds(created[i]),
                                   size[i]});
    }
    return documents;
  } catch (const std::exception& e) {
    return impl_->Error(e, "listing the documents of case " + std::string(case_id));
  }
}

StatusOr<StoreCounts> CaseStore::Counts() {
  try {
    StoreCounts n;
    Poco::Data::Session& s = impl_->session;
    s << "SELECT count(*) FROM cases", into(n.cases), now;
    s << "SELECT count(*) FROM events", into(n.events), now;
    s << "SELECT count(*) FROM timers", into(n.timers), now;
    s << "SELECT count(*) FROM outbox WHERE status = 'pending'", into(n.outbox_pending), now;
    s << "SELECT count(*) FROM outbox WHERE status = 'failed'", into(n.outbox_failed), now;
    s << "SELECT count(*) FROM documents", into(n.documents), now;
    return n;
  } catch (const std::exception& e) {
    return impl_->Error(e, "counting");
  }
}

}  // namespace uitdaag
