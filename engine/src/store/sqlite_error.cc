#include "sqlite_error.h"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>

namespace uitdaag::store_internal {

Status DatabaseError(const std::exception& e, std::string_view doing, std::string_view path,
                     int busy_timeout_ms) {
  namespace sq = Poco::Data::SQLite;
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
