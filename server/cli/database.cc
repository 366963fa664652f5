// Opening the database and loading the workflow directory for the commands that need them.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "uitdaag/loader.h"

namespace uitdaag::cli {

std::string DatabasePath(const ParsedArgs& parsed) {
  if (auto db = parsed.Last("--db")) return *db;
  if (const char* env = std::getenv("UITDAAG_DB"); env != nullptr && *env != '\0') return env;
  return "uitdaag.db";
}

std::unique_ptr<CaseStore> OpenDatabaseOrReport(const std::string& path, bool read_only,
                                                std::ostream& err) {
  if (read_only && !std::filesystem::exists(path)) {
    err << "uitdaag: no database at " << path << " (give --db PATH or set UITDAAG_DB)\n";
    return nullptr;
  }
  StoreOptions options;
  options.path = path;
  options.read_only = read_only;
  StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(options);
  if (!store.ok()) {
    err << "uitdaag: " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace uitdaag::cli
