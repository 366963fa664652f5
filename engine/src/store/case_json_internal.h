// The pieces of case_json.cc that other store files compose into larger documents (the audit
// entry, the export): writers into a JsonWriter and readers from a JsonIn.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.h"
#include "json_writer.h"
#include "uitdaag/audit.h"
#include "uitdaag/case.h"
#include "uitdaag/effect.h"
#include "uitdaag/engine.h"
#include "uitdaag/value.h"

namespace uitdaag::store_internal {

// The text of a document written by `write(JsonWriter&)`. Every writer here produces sorted,
// balanced output by construction; a non-finite number is the one input that can fail, and the
// form layer never admits one (checked by assert).
template <typename Writer>
std::string JsonOf(Writer write) {
  JsonWriter w;
  write(w);
  assert(w.ok() && "case JSON writer failed");
  return w.Take();
}

// "expiry" / "warning": the spelling of a timer kind in JSON and in the timers table.
const char* TimerKindName(TimerRef::Kind kind);
std::optional<TimerRef::Kind> TimerKindFromName(std::string_view name);

void WriteValue(JsonWriter& w, const Value& value);
void WriteRecord(JsonWriter& w, const ValueRecord& record);
void WriteSnapshot(JsonWriter& w, const CaseSnapshot& snapshot);
void WriteEffect(JsonWriter& w, const Effect& effect);
void WriteEffects(JsonWriter& w, const std::vector<Effect>& effects);
void WriteTimerRef(JsonWriter& w, const std::optional<TimerRef>& timer);
void WriteInstant(JsonWriter& w, Instant at);
void WriteTrack(JsonWriter& w, const DeadlineTrack& track);

StatusOr<Value> ReadValue(const JsonIn& in);
StatusOr<ValueRecord> ReadRecord(const JsonIn& in);
StatusOr<CaseSnapshot> ReadSnapshot(const JsonIn& in);
StatusOr<Effect> ReadEffect(const JsonIn& in);
StatusOr<std::vector<Effect>> ReadEffects(const JsonIn& in);
StatusOr<std::optional<TimerRef>> ReadTimerRef(const JsonIn& in);
StatusOr<Instant> ReadInstant(const JsonIn& in);
StatusOr<Date> ReadDate(const JsonIn& in);
StatusOr<DeadlineTrack> ReadTrack(const JsonIn& in);
// An audit entry (audit.cc).
StatusOr<LogEntry> ReadEntry(const JsonIn& in);

}  // namespace uitdaag::store_internal
