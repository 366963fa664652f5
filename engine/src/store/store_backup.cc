// Online backup and restore (uitdaag/store.h), through SQLite's backup API.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "sqlite_error.h"
#include "store_impl.h"

namespace uitdaag {
namespace {

// Closes a raw SQLite handle when it goes out of scope.
struct RawDb {
  sqlite3* db = nullptr;
  ~RawDb() {
    if (db != nullptr) sqlite3_close(db);
  }
};

// A failed call on a raw connection to the database `path`, through the store's one mapping.
Status SqliteStatus(int rc, sqlite3* db, const std::string& doing, const std::string& path) {
  const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return store_internal::SqliteCodeError(rc & 0xff, detail, doing, path, 0);
}

// Copies every page of `from` into `to` (the file `to_path`) in one step: one consistent read of
// the source.
Status CopyPages(sqlite3* from, sqlite3* to, const std::string& to_path) {
  const std::string doing = "copying the database";
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return SqliteStatus(sqlite3_errcode(to), to, doing, to_path);
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) return SqliteStatus(step, to, doing, to_path);
  if (finish != SQLITE_OK) return SqliteStatus(finish, to, doing, to_path);
  return Status::Ok();
}

// Writes `from` to a new file `dest` through a temporary file and a rename, so that `dest`
// is either absent or complete.
Status WriteCopy(sqlite3* from, const std::string& dest) {
  const std::string temp = dest + ".partial";
  std::error_code ignored;
  std::filesystem::remove(temp, ignored);
  RawDb out;
  int rc =
      sqlite3_open_v2(temp.c_str(), &out.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, out.db, "creating the copy", temp);
  Status copied = CopyPages(from, out.db, temp);
  if (copied.ok()) {
    rc = sqlite3_exec(out.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) copied = SqliteStatus(rc, out.db, "finishing the copy", temp);
  }
  sqlite3_close(out.db);
  out.db = nullptr;
  if (copied.ok()) {
    // The copy is closed; make its bytes durable before it takes the final name.
    if (FILE* f = std::fopen(temp.c_str(), "rb+"); f != nullptr) {
      ::fsync(fileno(f));
      std::fclose(f);
    }
    std::filesystem::rename(temp, dest, ignored);
    if (ignored)
      copied = Status::IoError("renaming " + temp + " to " + dest + ": " + ignored.message());
  }
  if (!copied.ok()) std::filesystem::remove(temp, ignored);
  return copied;
}

}  // namespace

Status CaseStore::Backup(const std::string& dest) {
  if (std::filesystem::exists(dest)) {
    return Status::AlreadyExists(dest + " already exists; choose a new file name", dest);
  }
  return WriteCopy(impl_->db, dest);
}

Status RestoreDatabase(const std::string& source, const std::string& dest) {
  if (!std::filesystem::exists(source)) return Status::NotFound("no backup at " + source, source);
  {
    // The source must be an uitdaag database whose every chain verifies.
    StoreOptions options;
    options.path = source;
    options.read_only = true;
    StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(options);
    if (!store.ok()) {
      return Status(store.status().code(),
                    source + " is not a usable uitdaag database: " + store.status().message(),
                    source);
    }
    if ((*store)->schema_version() == 0) {
      return Status::FailedPrecondition(source + " is not an uitdaag database (no schema)", source);
    }
    Status audit = (*store)->VerifyAudit();
    if (!audit.ok()) {
      return Status::FailedPrecondition(
          "refusing to restore " + source + ": its audit chain is broken: " + audit.message(),
          source);
    }
  }
  RawDb from;
  const std::string uri = store_internal::ReadOnlyUri(source);
  int rc = sqlite3_open_v2(uri.c_str(), &from.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, from.db, "opening the backup", source);
  const std::string staged = dest + ".restoring";
  std::error_code ignored;
  std::filesystem::remove(staged, ignored);
  UITDAAG_RETURN_IF_ERROR(WriteCopy(from.db, staged));
  if (std::filesystem::exists(dest)) {
    // Fold the old database's WAL into it, so the kept copy is complete on its own.
    RawDb old;
    if (sqlite3_open_v2(dest.c_str(), &old.db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
      rc = sqlite3_exec(old.db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
      if (rc != SQLITE_OK) {
        std::filesystem::remove(staged, ignored);
        return SqliteStatus(rc, old.db,
                            "closing the current database (is the service still running?)", dest);
      }
    }
    sqlite3_close(old.db);
    old.db = nullptr;
    std::filesystem::rename(dest, dest + ".before-restore", ignored);
    if (ignored) return Status::IoError("keeping the current database: " + ignored.message(), dest);
  }
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(dest + suffix, ignored);
  std::filesystem::rename(staged, dest, ignored);
  if (ignored)
    return Status::IoError("putting the restored database in place: " + ignored.message());
  return Status::Ok();
}

}  // namespace uitdaag
