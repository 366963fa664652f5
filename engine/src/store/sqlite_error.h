// Maps what Poco::Data / SQLite throw to a Status with a message a person can act on.
#pragma once

#include <exception>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag::store_internal {

// `doing` says what was being attempted ("committing case 2026-000001"); `path` is the database.
// Locked -> kUnavailable, full -> kResourceExhausted, everything else -> kIoError.
// The same for a raw SQLite result code (primary code) and its message.
Status SqliteCodeError(int code, std::string_view detail, std::string_view doing,
                       std::string_view path, int busy_timeout_ms);

Status DatabaseError(const std::exception& e, std::string_view doing, std::string_view path,
                     int busy_timeout_ms);

}  // namespace uitdaag::store_internal
