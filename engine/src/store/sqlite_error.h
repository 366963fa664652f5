// Maps SQLite failures to a Status with a message a person can act on. One table serves both
// ways a failure reaches the store: a Poco::Data exception and a raw SQLite result code.
#pragma once

#include <exception>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag::store_internal {

// `code` is a primary SQLite result code, `detail` SQLite's message; `doing` says what was being
// attempted ("committing case 2026-000001"); `path` is the database; `busy_timeout_ms` how long
// a lock was waited for (0: not known). Locked -> kUnavailable, full -> kResourceExhausted,
// everything else (read-only, cannot open, corrupt, ...) -> kIoError.
Status SqliteCodeError(int code, std::string_view detail, std::string_view doing,
                       std::string_view path, int busy_timeout_ms);

// The same for what Poco::Data or PreparedStatement throws.
Status DatabaseError(const std::exception& e, std::string_view doing, std::string_view path,
                     int busy_timeout_ms);

}  // namespace uitdaag::store_internal
