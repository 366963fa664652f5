// ExportCase and CheckExport (uitdaag/case_export.h).
#include "uitdaag/case_export.h"

#include "case_json_internal.h"
#include "uitdaag/audit.h"

namespace uitdaag {

using store_internal::JsonIn;
using store_internal::JsonWriter;

StatusOr<std::string> ExportCase(CaseStore& store, std::string_view case_id) {
  UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, store.Load(case_id));
  UITDAAG_ASSIGN_OR_RETURN(std::vector<LogEntry> entries, store.Entries(case_id));
  UITDAAG_ASSIGN_OR_RETURN(std::vector<DeadlineRow> deadlines, store.Deadlines(case_id));
  UITDAAG_ASSIGN_OR_RETURN(std::vector<Document> documents, store.Documents(case_id));
  JsonWriter w;
  w.BeginObject();
  w.Field("case", stored.snapshot.id);
  w.Key("deadlines");
  w.BeginArray();
  for (const DeadlineRow& row : deadlines) {
    const DeadlineRecord& d = row.record;
    w.BeginObject();
    w.Field("id", d.track.id);
    w.Field("legal_end", d.legal_end.ToIsoString());
    w.Field("provisional", d.provisional);
    w.Key("target");
    if (d.target) {
      w.String(d.target->ToIsoString());
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("documents");
  w.BeginArray();
  for (const Document& doc : documents) {
    w.BeginObject();
    w.Key("created_at");
    store_internal::WriteInstant(w, doc.created_at);
    w.Field("id", doc.id);
    w.Field("kind", doc.kind);
    w.Field("media_type", doc.media_type);
    w.Field("name", doc.name);
    w.Field("seq", doc.seq);
    w.Field("sha256", doc.sha256);
    w.EndObject();
  }
  w.EndArray();
  w.Key("entries");
  w.BeginArray();
  for (const LogEntry& e : entries) w.Raw(EntryToJson(e));
  w.EndArray();
  w.Field("format", kExportFormat);
  w.Field("head_hash", stored.head_hash);
  w.Key("snapshot");
  store_internal::WriteSnapshot(w, stored.snapshot);
  w.EndObject();
  if (!w.ok()) return Status::Internal("export of case " + std::string(case_id) + ": " + w.error());
  return w.Take();
}

StatusOr<ExportSummary> CheckExport(std::string_view json) {
  UITDAAG_ASSIGN_OR_RETURN(JsonIn root, JsonIn::Parse(json));
  if (!root.is_object()) return root.Error("expected an object");
  UITDAAG_ASSIGN_OR_RETURN(std::string format, root.String("format"));
  if (format != kExportFormat) {
    return root.Get("format").Error("unknown export format '" + format + "'");
  }
  ExportSummary summary;
  UITDAAG_ASSIGN_OR_RETURN(summary.case_id, root.String("case"));
  UITDAAG_ASSIGN_OR_RETURN(summary.head_hash, root.String("head_hash"));
  UITDAAG_ASSIGN_OR_RETURN(JsonIn items, root.Array("entries"));
  std::vector<LogEntry> entries;
  for (const JsonIn& item : items.Items()) {
    UITDAAG_ASSIGN_OR_RETURN(LogEntry e, store_internal::ReadEntry(item));
    entries.push_back(std::move(e));
  }
  UITDAAG_RETURN_IF_ERROR(VerifyChain(summary.case_id, entries));
  const std::string last = entries.empty() ? std::string(kGenesisHash) : entries.back().hash;
  if (last != summary.head_hash) {
    return Status::FailedPrecondition(
        "the export's head hash does not match its last entry "
        "(entries were removed from the end)",
        summary.case_id);
  }
  UITDAAG_ASSIGN_OR_RETURN(JsonIn snapshot_in, root.Object("snapshot"));
  UITDAAG_ASSIGN_OR_RETURN(CaseSnapshot snapshot, store_internal::ReadSnapshot(snapshot_in));
  if (snapshot.version != static_cast<int64_t>(entries.size())) {
    return Status::FailedPrecondition("the export's snapshot is at version " +
                                          std::to_string(snapshot.version) + " but it has " +
                                          std::to_string(entries.size()) + " entries",
                                      summary.case_id);
  }
  summary.entries = entries.size();
  return summary;
}

}  // namespace uitdaag
