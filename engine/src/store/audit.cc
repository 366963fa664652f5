// The audit hash chain (uitdaag/audit.h).
#include "uitdaag/audit.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "case_json_internal.h"

namespace uitdaag {
namespace {

using store_internal::JsonIn;
using store_internal::JsonWriter;

// Writes every member of the entry in key order; `with_hash` adds "hash" (between "from" and
// "payload" in byte order).
void WriteEntry(JsonWriter& w, const LogEntry& e, bool with_hash) {
  w.BeginObject();
  w.Field("actor", e.actor);
  w.Key("at");
  store_internal::WriteInstant(w, e.at);
  w.Field("case", e.case_id);
  w.Key("effects");
  store_internal::WriteEffects(w, e.effects);
  w.Field("event", e.event);
  w.Field("format", kAuditFormat);
  w.Field("from", e.from_state);
  if (with_hash) w.Field("hash", e.hash);
  w.Key("payload");
  store_internal::WriteRecord(w, e.payload);
  w.Field("prev", e.prev_hash);
  w.Key("recorded_at");
  store_internal::WriteInstant(w, e.recorded_at);
  w.Field("role", e.role);
  w.Field("seq", e.seq);
  w.Key("timer");
  store_internal::WriteTimerRef(w, e.timer);
  w.Field("to", e.to_state);
  w.Field("workflow", e.workflow_id);
  w.Field("workflow_version", e.workflow_version);
  w.EndObject();
}

}  // namespace

std::string CanonicalEntry(const LogEntry& entry) {
  JsonWriter w;
  WriteEntry(w, entry, false);
  return w.Take();
}

std::string Sha256Hex(std::string_view bytes) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string EntryHash(const LogEntry& entry) {
  return Sha256Hex(CanonicalEntry(entry));
}

std::string EntryToJson(const LogEntry& entry) {
  JsonWriter w;
  WriteEntry(w, entry, true);
  return w.Take();
}

StatusOr<LogEntry> EntryFromJson(std::string_view json) {
  UITDAAG_ASSIGN_OR_RETURN(JsonIn in, JsonIn::Parse(json));
  return store_internal::ReadEntry(in);
}

StatusOr<LogEntry> store_internal::ReadEntry(const JsonIn& in) {
  if (!in.is_object()) return in.Error("expected an object");
  UITDAAG_ASSIGN_OR_RETURN(std::string format, in.String("format"));
  if (format != kAuditFormat) {
    return in.Get("format").Error("unknown format '" + format + "' (this build reads '" +
                                  std::string(kAuditFormat) + "')");
  }
  LogEntry e;
  UITDAAG_ASSIGN_OR_RETURN(e.case_id, in.String("case"));
  UITDAAG_ASSIGN_OR_RETURN(e.seq, in.Int("seq"));
  UITDAAG_ASSIGN_OR_RETURN(e.workflow_id, in.String("workflow"));
  UITDAAG_ASSIGN_OR_RETURN(int64_t workflow_version, in.Int("workflow_version"));
  e.workflow_version = static_cast<int>(workflow_version);
  UITDAAG_ASSIGN_OR_RETURN(e.event, in.String("event"));
  UITDAAG_ASSIGN_OR_RETURN(e.timer, store_internal::ReadTimerRef(in.Get("timer")));
  UITDAAG_ASSIGN_OR_RETURN(e.actor, in.String("actor"));
  UITDAAG_ASSIGN_OR_RETURN(e.role, in.String("role"));
  UITDAAG_ASSIGN_OR_RETURN(e.at, store_internal::ReadInstant(in.Get("at")));
  UITDAAG_ASSIGN_OR_RETURN(e.recorded_at, store_internal::ReadInstant(in.Get("recorded_at")));
  UITDAAG_ASSIGN_OR_RETURN(e.payload, store_internal::ReadRecord(in.Get("payload")));
  UITDAAG_ASSIGN_OR_RETURN(e.from_state, in.String("from"));
  UITDAAG_ASSIGN_OR_RETURN(e.to_state, in.String("to"));
  UITDAAG_ASSIGN_OR_RETURN(e.effects, store_internal::ReadEffects(in.Get("effects")));
  UITDAAG_ASSIGN_OR_RETURN(e.prev_hash, in.String("prev"));
  UITDAAG_ASSIGN_OR_RETURN(e.hash, in.String("hash"));
  return e;
}

Status VerifyChain(std::string_view case_id, const std::vector<LogEntry>& entries) {
  std::string expected_prev(kGenesisHash);
  int64_t expected_seq = 1;
  for (const LogEntry& e : entries) {
    const std::string where =
        "case " + std::string(case_id) + " entry " + std::to_string(e.seq) + ": ";
    if (e.case_id != case_id) {
      return Status::FailedPrecondition(where + "belongs to case " + e.case_id, e.case_id);
    }
    if (e.seq != expected_seq) {
      return Status::FailedPrecondition(where + "expected entry " + std::to_string(expected_seq) +
                                            " here (an entry is missing or out of order)",
                                        std::string(case_id));
    }
    if (e.prev_hash != expected_prev) {
      return Status::FailedPrecondition(
          where + "its link to the previous entry is broken (prev " + e.prev_hash.substr(0, 12) +
              "..., previous entry hashes to " + expected_prev.substr(0, 12) + "...)",
          std::string(case_id));
    }
    const std::string actual = EntryHash(e);
    if (actual != e.hash) {
      return Status::FailedPrecondition(
          where + "stored hash does not match its contents (the entry was altered)",
          std::string(case_id));
    }
    expected_prev = e.hash;
    ++expected_seq;
  }
  return Status::Ok();
}

}  // namespace uitdaag
