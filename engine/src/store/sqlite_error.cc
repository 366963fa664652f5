#include "sqlite_error.h"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include "prepared_statement.h"

namespace uitdaag::store_internal {

Status SqliteCodeError(int code, std::string_view detail, std::string_view doing,
                       std::string_view path, int busy_timeout_ms) {
  const std::string where =
      " while " + std::string(doing) + " (database " + std::string(path) + ")";
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(
          "the database is locked by another connection and stayed locked for " +
              std::to_string(busy_timeout_ms) + " ms" + where + "; nothing was changed, try again",
          std::string(path));
    case SQLITE_FULL:
      return Status::ResourceExhausted(
          "the disk or the database is full" + where + "; nothing was changed", std::string(path));
    case SQLITE_READONLY:
      return Status::IoError("the database is read-only" + where + "; nothing was changed",
                             std::string(path));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::IoError("the database file is corrupt" + where + ": " + std::string(detail),
                             std::string(path));
    default:
      return Status::IoError("database error" + where + ": " + std::string(detail),
                             std::string(path));
  }
}

Status DatabaseError(const std::exception& e, std::string_view doing, std::string_view path,
                     int busy_timeout_ms) {
  namespace sq = Poco::Data::SQLite;
  if (const auto* raw = dynamic_cast<const SqliteError*>(&e); raw != nullptr) {
    return SqliteCodeError(raw->code() & 0xff, raw->what(), doing, path, busy_timeout_ms);
  }
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  const std::string detail = poco != nullptr ? poco->displayText() : std::string(e.what());
  const std::string where =
      " while " + std::string(doing) + " (database " + std::string(path) + ")";
  if (dynamic_cast<const sq::DBLockedException*>(&e) != nullptr ||
      dynamic_cast<const sq::TableLockedException*>(&e) != nullptr) {
    return Status::Unavailable(
        "the database is locked by another connection and stayed locked for " +
            std::to_string(busy_timeout_ms) + " ms" + where + "; nothing was changed, try again",
        std::string(path));
  }
  if (dynamic_cast<const sq::DatabaseFullException*>(&e) != nullptr) {
    return Status::ResourceExhausted(
        "the disk or the database is full" + where + "; nothing was changed", std::string(path));
  }
  if (dynamic_cast<const sq::ReadOnlyException*>(&e) != nullptr) {
    return Status::IoError("the database is read-only" + where + "; nothing was changed",
                           std::string(path));
  }
  if (dynamic_cast<const sq::CantOpenDBFileException*>(&e) != nullptr) {
    return Status::IoError("cannot open the database file" + where + ": " + detail,
                           std::string(path));
  }
  if (dynamic_cast<const sq::CorruptImageException*>(&e) != nullptr) {
    return Status::IoError("the database file is corrupt" + where + ": " + detail,
                           std::string(path));
  }
  return Status::IoError("database error" + where + ": " + detail, std::string(path));
}

}  // namespace uitdaag::store_internal
