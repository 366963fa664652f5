// Case JSON: how values, case snapshots, effects and timer references are written to the store
// and to audit exports, and read back.
//
// The text is canonical JSON (engine/src/store/json_writer.h: no whitespace, keys sorted, one
// spelling per value), so equal values give equal bytes; the audit hash depends on that.
// Value types JSON lacks are tagged objects with one key:
//   money  {"$money":"12500.00"}      date  {"$date":"2026-01-08"}
// A record key that starts with '$' is written with one more '$' in front ("$x" -> "$$x") and
// read back without it, so no record can be mistaken for a tag. Instants are Dutch local time
// with offset ("2026-01-08T10:00:00+01:00"); dates are ISO days; durations their text form.
// Field names and the layout of every object are listed in engine/DESIGN.md ("Storage").
//
// Reading is strict about types and lenient about unknown keys (a newer writer may add some).
// Errors are kInvalidArgument naming the path of the bad item ("deadlines.beslistermijn.round").
//
// Thread safety: reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/case.h"
#include "uitdaag/effect.h"
#include "uitdaag/engine.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag {

std::string ValueToJson(const Value& value);
StatusOr<Value> ValueFromJson(std::string_view json);

std::string RecordToJson(const ValueRecord& record);
StatusOr<ValueRecord> RecordFromJson(std::string_view json);

std::string SnapshotToJson(const CaseSnapshot& snapshot);
StatusOr<CaseSnapshot> SnapshotFromJson(std::string_view json);

std::string EffectsToJson(const std::vector<Effect>& effects);
StatusOr<std::vector<Effect>> EffectsFromJson(std::string_view json);
std::string EffectToJson(const Effect& effect);
StatusOr<Effect> EffectFromJson(std::string_view json);

// "null" for no timer.
std::string TimerRefToJson(const std::optional<TimerRef>& timer);
StatusOr<std::optional<TimerRef>> TimerRefFromJson(std::string_view json);

}  // namespace uitdaag
