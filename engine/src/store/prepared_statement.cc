#include "prepared_statement.h"

namespace uitdaag::store_internal {

PreparedStatement::PreparedStatement(sqlite3* db, std::string sql) : db_(db), sql_(std::move(sql)) {
  const int rc = sqlite3_prepare_v3(db_, sql_.c_str(), static_cast<int>(sql_.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) Fail(rc);
}

PreparedStatement::~PreparedStatement() {
  sqlite3_finalize(stmt_);
}

void PreparedStatement::Fail(int code) {
  const std::string message = std::string(sqlite3_errmsg(db_)) + " (in: " + sql_ + ")";
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  throw SqliteError(sqlite3_extended_errcode(db_) != 0 ? sqlite3_extended_errcode(db_) : code,
                    message);
}

PreparedStatement& PreparedStatement::Use(const std::string& value) {
  binders_.push_back([&value](sqlite3_stmt* s, int i) {
    return sqlite3_bind_text(s, i, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  });
  return *this;
}

PreparedStatement& PreparedStatement::Use(const int64_t& value) {
  binders_.push_back([&value](sqlite3_stmt* s, int i) { return sqlite3_bind_int64(s, i, value); });
  return *this;
}

PreparedStatement& PreparedStatement::Use(const int& value) {
  binders_.push_back([&value](sqlite3_stmt* s, int i) { return sqlite3_bind_int(s, i, value); });
  return *this;
}

PreparedStatement& PreparedStatement::Into(std::string& value) {
  readers_.push_back([&value](sqlite3_stmt* s, int i) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    value.assign(text == nullptr ? "" : text, static_cast<size_t>(sqlite3_column_bytes(s, i)));
  });
  return *this;
}

PreparedStatement& PreparedStatement::Into(int64_t& value) {
  readers_.push_back([&value](sqlite3_stmt* s, int i) { value = sqlite3_column_int64(s, i); });
  return *this;
}

PreparedStatement& PreparedStatement::Into(int& value) {
  readers_.push_back([&value](sqlite3_stmt* s, int i) { value = sqlite3_column_int(s, i); });
  return *this;
}

size_t PreparedStatement::Execute() {
  for (size_t i = 0; i < binders_.size(); ++i) {
    const int rc = binders_[i](stmt_, static_cast<int>(i) + 1);
    if (rc != SQLITE_OK) Fail(rc);
  }
  size_t rows = 0;
  for (;;) {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) Fail(rc);
    if (rows == 0) {
      for (size_t i = 0; i < readers_.size(); ++i) readers_[i](stmt_, static_cast<int>(i));
    }
    ++rows;
  }
  const bool query = sqlite3_stmt_readonly(stmt_) != 0 || !readers_.empty();
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return query ? rows : static_cast<size_t>(sqlite3_changes(db_));
}

}  // namespace uitdaag::store_internal
