// PreparedStatement: one SQL statement compiled once on a connection and run many times, with
// its parameters and result columns tied to variables.
//
// Why not Poco::Data::Statement here: Poco 1.11's SQLite connector compiles the SQL again on
// every execute() (measured in bench/: half of the CPU time of a commit went to
// sqlite3_prepare_v2). The commit path, the case load and the sweeper's due-timer query run on
// every transition, so they use this thin wrapper over sqlite3_prepare_v2 / bind / step /
// reset on the connection that Poco opened. Everything else stays on Poco::Data.
//
//   PreparedStatement s(db, "SELECT version FROM cases WHERE id = ?");
//   s.Use(id).Into(version);
//   if (s.Execute() == 0) ...;   // reads `id` now, writes `version` when a row comes
//
// Execute() binds the current values of the Use() variables, runs the statement to completion,
// copies the first row (if any) into the Into() variables, and resets the statement, also when
// it fails. It returns the number of rows for a query, else the number of rows changed.
// Failures throw SqliteError (caught by the store and turned into a Status).
//
// Thread safety: as the connection; the tied variables must outlive the statement.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace uitdaag::store_internal {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }  // the extended SQLite result code

 private:
  int code_;
};

class PreparedStatement {
 public:
  PreparedStatement(sqlite3* db, std::string sql);
  ~PreparedStatement();
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;

  PreparedStatement& Use(const std::string& value);
  PreparedStatement& Use(const int64_t& value);
  PreparedStatement& Use(const int& value);
  PreparedStatement& Into(std::string& value);
  PreparedStatement& Into(int64_t& value);
  PreparedStatement& Into(int& value);

  size_t Execute();

 private:
  [[noreturn]] void Fail(int code);
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
  std::vector<std::function<int(sqlite3_stmt*, int)>> binders_;
  std::vector<std::function<void(sqlite3_stmt*, int)>> readers_;
};

}  // namespace uitdaag::store_internal
