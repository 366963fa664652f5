// The event log and its tamper-evident hash chain.
//
// Every accepted step of a case becomes one LogEntry, numbered by `seq` (equal to the snapshot
// version it produced: 1, 2, 3, ...). Each entry carries the hash of the entry before it in the
// same case (`prev_hash`; the first entry carries kGenesisHash) and its own `hash`:
//
//   hash = lowercase hex SHA-256 of CanonicalEntry(entry)
//
// CanonicalEntry is the canonical JSON (uitdaag/case_json.h) of every field except `hash`, so a
// change to any recorded fact, a removed entry or a reordering breaks the chain from that point.
// The layout is versioned by the "format" member; engine/DESIGN.md ("Audit hash") spells it out
// so that another system can verify an export without this code.
//
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/effect.h"
#include "uitdaag/engine.h"
#include "uitdaag/instant.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::string_view kAuditFormat = "uitdaag-audit-1";

struct LogEntry {
  std::string case_id;
  int64_t seq = 0;  // = the snapshot version this step produced
  std::string workflow_id;
  int workflow_version = 0;
  std::string event;              // event id; empty for a warning timer
  std::optional<TimerRef> timer;  // set for timer events
  std::string actor;
  std::string role;     // empty for timers
  Instant at;           // when the event happened
  Instant recorded_at;  // when the store committed it
  ValueRecord payload;  // the input as submitted
  std::string from_state;
  std::string to_state;
  std::vector<Effect> effects;
  std::string prev_hash;
  std::string hash;

  bool operator==(const LogEntry&) const = default;
};

// The bytes the hash is computed over (all fields but `hash`, plus the format tag).
std::string CanonicalEntry(const LogEntry& entry);
// SHA-256 of CanonicalEntry(entry), lowercase hex.
std::string EntryHash(const LogEntry& entry);
// Lowercase hex SHA-256 of arbitrary bytes (document contents).
std::string Sha256Hex(std::string_view bytes);

// The entry as a JSON object (CanonicalEntry plus "hash"), and back. Used by exports.
std::string EntryToJson(const LogEntry& entry);
StatusOr<LogEntry> EntryFromJson(std::string_view json);

// The first problem in one case's chain, or OK. `entries` in seq order. Names the entry:
// "case 2026-000001 entry 3: stored hash does not match its contents (the entry was altered)".
Status VerifyChain(std::string_view case_id, const std::vector<LogEntry>& entries);

}  // namespace uitdaag
