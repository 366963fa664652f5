// Test support for the durable layer: a temporary directory per test, a store on a real SQLite
// file in it, the shipped workflows in a registry, and a dump of every table for "nothing
// changed" checks.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "support/case_driver.h"
#include "support/temp_dir.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"

namespace uitdaag::testing {

inline std::unique_ptr<CaseStore> OpenStoreOrFail(const std::string& path,
                                                  StoreOptions options = {}) {
  options.path = path;
  StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(options);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(*store);
}

inline std::string WorkflowPath(const std::string& name) {
  return std::string(UITDAAG_SOURCE_DIR) + "/workflows/" + name;
}

// A registry with both shipped workflows.
inline std::unique_ptr<WorkflowRegistry> ShippedWorkflows() {
  auto registry = std::make_unique<WorkflowRegistry>();
  for (const char* file : {"uitdaagrecht.yaml", "uitdaagrecht-subsidie.yaml"}) {
    REQUIRE(registry->Add(LoadOrFail(WorkflowPath(file))).ok());
  }
  return registry;
}

// Every row of every table, in a fixed order, as text: equal dumps mean equal databases. A table
// the file does not have (an older schema) dumps like an empty one: it holds no data. Tables in
// `skip` are left out (a migration that adds a column changes every row of its table).
inline std::string DumpDatabase(const std::string& path,
                                const std::vector<std::string>& skip = {}) {
  sqlite3* db = nullptr;
  const std::string uri = "file:" + path + "?mode=ro";
  REQUIRE(sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) ==
          SQLITE_OK);
  std::string dump;
  auto append_rows = [&](const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        dump += text == nullptr ? "NULL" : reinterpret_cast<const char*>(text);
        dump += '|';
      }
      dump += '\n';
    }
    sqlite3_finalize(stmt);
  };
  for (const char* table : {"cases", "events", "deadlines", "timers", "outbox", "documents",
                            "idempotency_keys", "case_numbers", "parties", "letters", "accounts",
                            "sessions", "case_tokens", "drafts"}) {
    if (std::find(skip.begin(), skip.end(), table) != skip.end()) continue;
    dump += std::string("== ") + table + "\n";
    sqlite3_stmt* exists = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               -1, &exists, nullptr) == SQLITE_OK);
    sqlite3_bind_text(exists, 1, table, -1, SQLITE_STATIC);
    const bool present = sqlite3_step(exists) == SQLITE_ROW;
    sqlite3_finalize(exists);
    if (!present) continue;
    append_rows(std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
  }
  sqlite3_close(db);
  return dump;
}

// Runs one SQL statement on the file through a separate raw connection (tampering, locking).
inline void ExecRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error != nullptr ? error : "") << " in: " << sql);
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

using Rows = std::vector<std::vector<std::string>>;

// Every row `sql` selects, read through a separate raw connection, as text ("NULL" for NULL).
inline Rows QueryRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  Rows rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const unsigned char* text = sqlite3_column_text(stmt, i);
      row.push_back(text == nullptr ? "NULL" : reinterpret_cast<const char*>(text));
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// The bytes of the database file and its write-ahead log: what a thief of the disk would get.
inline std::string FileBytes(const std::string& db) {
  std::string all;
  for (const std::string& path : {db, db + "-wal"}) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    all += buffer.str();
  }
  return all;
}

// The submission payload of the default workflow (a complete, valid request).
inline ValueRecord Aanvraag() {
  return Payload({
      {"naam_initiatief", Value::Text("Groen in de Bloemenbuurt")},
      {"soort_indiener", Value::Text("maatschappelijke_organisatie")},
      {"taak", Value::Text("Onderhoud van het openbaar groen in de Bloemenbuurt.")},
      {"meerwaarde", Value::Text("Bewoners onderhouden het groen zelf, vaker en met zorg.")},
      {"kennis_en_ervaring", Value::Text("Twee hoveniers in het bestuur.")},
      {"draagvlak", Value::Text("148 buurtbewoners steunen het plan.")},
      {"aantal_steunbetuigingen", Value::Number(148)},
      {"begroting", Value::Number(12500)},
      {"samenwerking", Value::Text("Groenafval ophalen en gereedschap lenen.")},
      {"kwaliteit_en_continuiteit", Value::Text("Vaste werkschema's en een reservelijst.")},
      {"gewenste_startdatum", Value::Text("2026-05-01")},
      {"doelgroep", Value::Text("Alle bewoners van de Bloemenbuurt.")},
      {"bijlagen", Value::List({Value::Text("begroting-2026.pdf")})},
  });
}

inline SubmitRequest Submission(Instant at, std::string key = {}) {
  SubmitRequest request;
  request.workflow_id = "uitdaagrecht";
  request.event = MakeEvent("indienen", "initiatiefnemer", at, Aanvraag());
  request.idempotency_key = std::move(key);
  return request;
}

// A store on a fresh file with the shipped workflows and a runner on a fake clock that starts on
// Thursday 8 January 2026, 10:00.
struct StoreTestBed {
  TempDir dir;
  std::string db = dir.File("cases.db");
  std::unique_ptr<WorkflowRegistry> workflows = ShippedWorkflows();
  FakeClock clock{At("2026-01-08T10:00")};
  std::unique_ptr<CaseStore> store = OpenStoreOrFail(db);
  Runner runner{*store, *workflows, clock};

  // Submits a complete request of the default workflow now; returns the new case id.
  std::string SubmitOne(std::string key = {}) {
    StatusOr<RunResult> result = runner.Submit(Submission(clock.Now(), std::move(key)));
    INFO(result.status().ToString());
    REQUIRE(result.ok());
    return result->snapshot.id;
  }
};

}  // namespace uitdaag::testing
