// CaseStore's private state, shared by the files that implement it (store.cc: open, load,
// commit; store_queries.cc: reads, outbox, documents, audit; store_backup.cc: backup, restore).
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "prepared_statement.h"
#include "uitdaag/store.h"

namespace uitdaag {

namespace store_internal {
// "file:PATH?mode=ro" for a read-only open, with the characters that mean something in a URI
// ('?', '#', '%') percent-encoded (store.cc).
std::string ReadOnlyUri(const std::string& path);
}  // namespace store_internal

struct CaseStore::Impl {
  // Both in store.cc, where CommitStatements is complete.
  Impl(const StoreOptions& opts, Poco::Data::Session s);
  ~Impl();

  StoreOptions options;
  Poco::Data::Session session;
  sqlite3* db = nullptr;
  int schema_version = 0;
  FaultHook fault;

  // Runs `sql` once.
  void Exec(const std::string& sql) {
    using Poco::Data::Keywords::now;
    session << sql, now;
  }
  // kNotFound "no case 'X'" unless the case exists. Throws like every query here.
  Status RequireCase(const std::string& case_id) {
    using Poco::Data::Keywords::into;
    using Poco::Data::Keywords::now;
    using Poco::Data::Keywords::use;
    std::string id = case_id;
    int found = 0;
    session << "SELECT count(*) FROM cases WHERE id = ?", use(id), into(found), now;
    return found == 0 ? Status::NotFound("no case '" + id + "'", id) : Status::Ok();
  }
  Status Fault(std::string_view point) const { return fault ? fault(point) : Status::Ok(); }
  bool InTransaction() const { return sqlite3_get_autocommit(db) == 0; }
  // Rolls back an open transaction; never throws (a failed COMMIT may already have ended it).
  void RollbackQuietly();
  Status Error(const std::exception& e, std::string_view doing) const;

  // Runs `body` (returning Status or StatusOr) inside BEGIN IMMEDIATE ... COMMIT. A non-OK
  // result or an exception rolls back; exceptions become a Status.
  template <typename Body>
  auto InWriteTransaction(std::string_view doing, Body body) -> decltype(body());

  // (Re)creates the prepared statements below. Called at open and after any statement threw:
  // Poco leaves a statement that threw in its executing state, unusable for the next call.
  void PrepareStatements();

  // Transaction control and the case load, prepared once (every commit runs them).
  std::unique_ptr<store_internal::PreparedStatement> begin_immediate, commit_transaction, load_case;
  std::string load_id, load_snapshot, load_head;  // load_case's parameter and columns

  // Prepared statements of the commit path, bound to the buffers below.
  struct CommitStatements;
  std::unique_ptr<CommitStatements> commit;
};

template <typename Body>
auto CaseStore::Impl::InWriteTransaction(std::string_view doing, Body body) -> decltype(body()) {
  try {
    begin_immediate->Execute();
    auto result = body();
    if (!result.ok()) {
      RollbackQuietly();
      return result;
    }
    if (Status fault_status = Fault("before_commit"); !fault_status.ok()) {
      RollbackQuietly();
      return fault_status;
    }
    commit_transaction->Execute();
    return result;
  } catch (const std::exception& e) {
    RollbackQuietly();
    Status status = Error(e, doing);
    try {
      PrepareStatements();
    } catch (const std::exception& again) {
      return Error(again, "preparing statements after: " + status.message());
    }
    return status;
  }
}

}  // namespace uitdaag
