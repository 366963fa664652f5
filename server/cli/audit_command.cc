// `uitdaag audit verify|export|check-export`: prove what happened to a case.
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/commands.h"
#include "uitdaag/case_export.h"

namespace uitdaag::cli {
namespace {

int Verify(const ParsedArgs& parsed, std::ostream& out, std::ostream& err) {
  if (!parsed.positional.empty()) return UsageError(err, "audit verify takes no arguments");
  const std::string path = DatabasePath(parsed);
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(path, true, err);
  if (store == nullptr) return kExitFailure;
  size_t cases = 0;
  const Status verified = store->VerifyAudit([&](std::string_view) { ++cases; });
  if (!verified.ok()) {
    out << path << ": audit chain BROKEN: " << verified.message() << "\n";
    return kExitFailure;
  }
  StatusOr<StoreCounts> counts = store->Counts();
  if (!counts.ok()) {
    err << "uitdaag: " << counts.status().message() << "\n";
    return kExitFailure;
  }
  out << path << ": " << counts->cases << " cases, " << counts->events
      << " log entries: every chain verifies\n";
  return kExitOk;
}

int Export(const ParsedArgs& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional.size() != 1) return UsageError(err, "audit export needs one CASE");
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(DatabasePath(parsed), true, err);
  if (store == nullptr) return kExitFailure;
  StatusOr<std::string> json = ExportCase(*store, parsed.positional[0]);
  if (!json.ok()) {
    err << "uitdaag: " << json.status().message() << "\n";
    return kExitFailure;
  }
  if (auto file = parsed.Last("--out")) {
    std::ofstream f(*file, std::ios::binary | std::ios::trunc);
    f << *json << "\n";
    if (!f.flush()) {
      err << "uitdaag: cannot write " << *file << "\n";
      return kExitFailure;
    }
    return kExitOk;
  }
  out << *json << "\n";
  return kExitOk;
}

int CheckExportFile(const ParsedArgs& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional.size() != 1) return UsageError(err, "audit check-export needs one FILE");
  const std::string& file = parsed.positional[0];
  std::ifstream f(file, std::ios::binary);
  if (!f) {
    err << "uitdaag: cannot read " << file << "\n";
    return kExitFailure;
  }
  std::ostringstream text;
  text << f.rdbuf();
  StatusOr<ExportSummary> summary = CheckExport(text.str());
  if (!summary.ok()) {
    out << file << ": BROKEN: " << summary.status().message() << "\n";
    return kExitFailure;
  }
  out << file << ": case " << summary->case_id << ", " << summary->entries
      << " entries: the chain verifies (head " << summary->head_hash << ")\n";
  return kExitOk;
}

}  // namespace

int AuditCommand(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return UsageError(err, "audit needs verify, export or check-export");
  const std::string sub = args[0];
  StatusOr<ParsedArgs> parsed =
      ParseArgs(Args(args.begin() + 1, args.end()), {{"--db", true}, {"--out", true}}, "audit");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (sub == "verify") return Verify(*parsed, out, err);
  if (sub == "export") return Export(*parsed, out, err);
  if (sub == "check-export") return CheckExportFile(*parsed, out, err);
  return UsageError(err, "unknown audit command '" + sub + "'");
}

}  // namespace uitdaag::cli
