#include "sqlite_error.h"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include <string>

#include "prepared_statement.h"

namespace uitdaag::store_internal {
namespace {

// The SQLite result code behind one of Poco's SQLite exception classes (SQLITE_ERROR when the
// class says nothing more specific).
int CodeOf(const std::exception& e) {
  namespace sq = Poco::Data::SQLite;
  if (dynamic_cast<const sq::DBLockedException*>(&e) != nullptr) return SQLITE_BUSY;
  if (dynamic_cast<const sq::TableLockedException*>(&e) != nullptr) return SQLITE_LOCKED;
  if (dynamic_cast<const sq::DatabaseFullException*>(&e) != nullptr) return SQLITE_FULL;
  if (dynamic_cast<const sq::ReadOnlyException*>(&e) != nullptr) return SQLITE_READONLY;
  if (dynamic_cast<const sq::CantOpenDBFileException*>(&e) != nullptr) return SQLITE_CANTOPEN;
  if (dynamic_cast<const sq::CorruptImageException*>(&e) != nullptr) return SQLITE_CORRUPT;
  return SQLITE_ERROR;
}

}  // namespace

Status SqliteCodeError(int code, std::string_view detail, std::string_view doing,
                       std::string_view path, int busy_timeout_ms) {
  const std::string where =
      " while " + std::string(doing) + " (database " + std::string(path) + ")";
  const std::string subject(path);
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(
          "the database is locked by another connection" +
              (busy_timeout_ms > 0
                   ? " and stayed locked for " + std::to_string(busy_timeout_ms) + " ms"
                   : std::string()) +
              where + "; nothing was changed, try again",
          subject);
    case SQLITE_FULL:
      return Status::ResourceExhausted(
          "the disk or the database is full" + where + "; nothing was changed", subject);
    case SQLITE_READONLY:
      return Status::IoError("the database is read-only" + where + "; nothing was changed",
                             subject);
    case SQLITE_CANTOPEN:
      return Status::IoError("cannot open the database file" + where + ": " + std::string(detail),
                             subject);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::IoError("the database file is corrupt" + where + ": " + std::string(detail),
                             subject);
    default:
      return Status::IoError("database error" + where + ": " + std::string(detail), subject);
  }
}

Status DatabaseError(const std::exception& e, std::string_view doing, std::string_view path,
                     int busy_timeout_ms) {
  if (const auto* raw = dynamic_cast<const SqliteError*>(&e); raw != nullptr) {
    return SqliteCodeError(raw->code() & 0xff, raw->what(), doing, path, busy_timeout_ms);
  }
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  const std::string detail = poco != nullptr ? poco->displayText() : std::string(e.what());
  return SqliteCodeError(CodeOf(e), detail, doing, path, busy_timeout_ms);
}

}  // namespace uitdaag::store_internal
