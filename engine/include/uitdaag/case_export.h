// A case's full history as one JSON document, for auditors, courts and other systems.
//
// Layout (canonical JSON, keys sorted; engine/DESIGN.md, "Export"):
//   {"case": "2026-000001",
//    "deadlines": [ {"id", "legal_end", "target", "provisional", "track": {...}} ],
//    "documents": [ {"id", "seq", "kind", "name", "media_type", "sha256", "created_at"} ],
//    "entries":   [ <the audit entries, uitdaag/audit.h EntryToJson, in seq order> ],
//    "format": "uitdaag-export-1",
//    "head_hash": "<hash of the last entry>",
//    "snapshot":  { <the current snapshot, uitdaag/case_json.h> }}
// Everything needed to check the chain is inside: CheckExport() recomputes every hash from the
// document alone and confirms the head, without the database or this build's workflows.
//
// Thread safety: as CaseStore.
#pragma once

#include <string>
#include <string_view>

#include "uitdaag/store.h"

namespace uitdaag {

inline constexpr std::string_view kExportFormat = "uitdaag-export-1";

StatusOr<std::string> ExportCase(CaseStore& store, std::string_view case_id);

struct ExportSummary {
  std::string case_id;
  size_t entries = 0;
  std::string head_hash;
};
// kInvalidArgument for a malformed document; kFailedPrecondition naming the first broken link.
StatusOr<ExportSummary> CheckExport(std::string_view json);

}  // namespace uitdaag
