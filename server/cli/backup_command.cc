// `uitdaag backup DEST` and `uitdaag restore SOURCE`: online copies of the database.
#include <ostream>

#include "cli/commands.h"

namespace uitdaag::cli {

int BackupCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--db", true}}, "backup");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->positional.size() != 1) return UsageError(err, "backup needs one DEST file");
  const std::string path = DatabasePath(*parsed);
  // Read-only: a backup never changes the live database, and works while the service runs.
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(path, true, err);
  if (store == nullptr) return kExitFailure;
  const Status copied = store->Backup(parsed->positional[0]);
  if (!copied.ok()) {
    err << "uitdaag: backup failed: " << copied.message() << "\n";
    return kExitFailure;
  }
  out << "backed up " << path << " to " << parsed->positional[0] << "\n";
  return kExitOk;
}

int RestoreCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--db", true}}, "restore");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->positional.size() != 1) return UsageError(err, "restore needs one SOURCE file");
  const std::string path = DatabasePath(*parsed);
  const Status restored = RestoreDatabase(parsed->positional[0], path);
  if (!restored.ok()) {
    err << "uitdaag: restore failed: " << restored.message() << "\n";
    return kExitFailure;
  }
  out << "restored " << path << " from " << parsed->positional[0] << " (the previous database is "
      << path << ".before-restore)\n";
  return kExitOk;
}

}  // namespace uitdaag::cli
