// Case JSON (uitdaag/case_json.h): the storage and export encoding, written canonically.
#include "uitdaag/case_json.h"

#include <algorithm>
#include <cassert>

#include "case_json_internal.h"

namespace uitdaag {
namespace store_internal {
namespace {

constexpr std::string_view kMoneyTag = "$money";
constexpr std::string_view kDateTag = "$date";

// "$x" -> "$$x": a record key can never look like a type tag.
std::string EscapeKey(const std::string& key) {
  return key.starts_with('$') ? "$" + key : key;
}

void WriteOptionalDate(JsonWriter& w, const std::optional<Date>& date) {
  if (date) {
    w.String(date->ToIsoString());
  } else {
    w.Null();
  }
}

void WriteSuspensions(JsonWriter& w, const std::vector<Suspension>& suspensions) {
  w.BeginArray();
  for (const Suspension& s : suspensions) {
    w.BeginObject();
    w.Field("from", s.from.ToIsoString());
    w.Field("reason", s.reason);
    w.Key("until");
    WriteOptionalDate(w, s.until);
    w.EndObject();
  }
  w.EndArray();
}

void WriteExtensions(JsonWriter& w, const std::vector<Extension>& extensions) {
  w.BeginArray();
  for (const Extension& e : extensions) {
    w.BeginObject();
    w.Field("by", e.by.ToString());
    w.Field("on", e.on.ToIsoString());
    w.Field("reason", e.reason);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteTrack(JsonWriter& w, const DeadlineTrack& track) {
  w.BeginObject();
  w.Field("expiry_fired", track.expiry_fired);
  w.Key("extensions");
  WriteExtensions(w, track.extensions);
  w.Field("id", track.id);
  w.Key("notice_of_default");
  WriteOptionalDate(w, track.notice_of_default);
  w.Field("round", track.round);
  w.Field("start", track.start.ToIsoString());
  w.Field("started_by", track.started_by);
  w.Field("status", DeadlineStatusName(track.status));
  w.Key("stopped_on");
  WriteOptionalDate(w, track.stopped_on);
  w.Key("suspensions");
  WriteSuspensions(w, track.suspensions);
  w.Field("warning_fired", track.warning_fired);
  w.EndObject();
}

namespace {

StatusOr<std::optional<Date>> ReadOptionalDate(const JsonIn& in) {
  if (in.is_null()) return std::optional<Date>();
  UITDAAG_ASSIGN_OR_RETURN(Date date, ReadDate(in));
  return std::optional<Date>(date);
}

StatusOr<Duration> ReadDuration(const JsonIn& in) {
  UITDAAG_ASSIGN_OR_RETURN(std::string text, in.AsString());
  StatusOr<Duration> duration = Duration::Parse(text);
  if (!duration.ok()) return in.Error(duration.status().message());
  return duration;
}

StatusOr<DeadlineStatus> ReadDeadlineStatus(const JsonIn& in) {
  UITDAAG_ASSIGN_OR_RETURN(std::string text, in.AsString());
  for (DeadlineStatus s : {DeadlineStatus::kRunning, DeadlineStatus::kSuspended,
                           DeadlineStatus::kStopped, DeadlineStatus::kExpired}) {
    if (text == DeadlineStatusName(s)) return s;
  }
  return in.Error("unknown deadline status '" + text + "'");
}

}  // namespace

StatusOr<DeadlineTrack> ReadTrack(const JsonIn& in) {
  if (!in.is_object()) return in.Error("expected an object");
  DeadlineTrack track;
  UITDAAG_ASSIGN_OR_RETURN(track.id, in.String("id"));
  UITDAAG_ASSIGN_OR_RETURN(track.status, ReadDeadlineStatus(in.Get("status")));
  UITDAAG_ASSIGN_OR_RETURN(int64_t round, in.Int("round"));
  track.round = static_cast<int>(round);
  UITDAAG_ASSIGN_OR_RETURN(track.started_by, in.String("started_by"));
  UITDAAG_ASSIGN_OR_RETURN(track.start, ReadDate(in.Get("start")));
  UITDAAG_ASSIGN_OR_RETURN(JsonIn suspensions, in.Array("suspensions"));
  for (const JsonIn& item : suspensions.Items()) {
    Suspension s;
    UITDAAG_ASSIGN_OR_RETURN(s.from, ReadDate(item.Get("from")));
    UITDAAG_ASSIGN_OR_RETURN(s.until, ReadOptionalDate(item.Get("until")));
    UITDAAG_ASSIGN_OR_RETURN(s.reason, item.String("reason"));
    track.suspensions.push_back(std::move(s));
  }
  UITDAAG_ASSIGN_OR_RETURN(JsonIn extensions, in.Array("extensions"));
  for (const JsonIn& item : extensions.Items()) {
    Extension e;
    UITDAAG_ASSIGN_OR_RETURN(e.on, ReadDate(item.Get("on")));
    UITDAAG_ASSIGN_OR_RETURN(e.by, ReadDuration(item.Get("by")));
    UITDAAG_ASSIGN_OR_RETURN(e.reason, item.String("reason"));
    track.extensions.push_back(std::move(e));
  }
  UITDAAG_ASSIGN_OR_RETURN(track.stopped_on, ReadOptionalDate(in.Get("stopped_on")));
  UITDAAG_ASSIGN_OR_RETURN(track.notice_of_default, ReadOptionalDate(in.Get("notice_of_default")));
  UITDAAG_ASSIGN_OR_RETURN(track.warning_fired, in.Bool("warning_fired"));
  UITDAAG_ASSIGN_OR_RETURN(track.expiry_fired, in.Bool("expiry_fired"));
  return track;
}

namespace {

// Parses a whole document and hands its root to `read`.
template <typename T, typename Reader>
StatusOr<T> ParseWith(std::string_view json, Reader read) {
  UITDAAG_ASSIGN_OR_RETURN(JsonIn root, JsonIn::Parse(json));
  return read(root);
}

}  // namespace

void WriteInstant(JsonWriter& w, Instant at) {
  w.String(at.ToLocalString());
}

void WriteValue(JsonWriter& w, const Value& value) {
  switch (value.type()) {
    case ValueType::kNull:
      w.Null();
      return;
    case ValueType::kBool:
      w.Bool(value.as_bool());
      return;
    case ValueType::kNumber:
      w.Double(value.as_number());
      return;
    case ValueType::kText:
      w.String(value.as_text());
      return;
    case ValueType::kMoney:
      w.BeginObject();
      w.Field(kMoneyTag, value.as_money().ToString());
      w.EndObject();
      return;
    case ValueType::kDate:
      w.BeginObject();
      w.Field(kDateTag, value.as_date().ToIsoString());
      w.EndObject();
      return;
    case ValueType::kList:
      w.BeginArray();
      for (const Value& item : value.as_list()) WriteValue(w, item);
      w.EndArray();
      return;
    case ValueType::kRecord:
      WriteRecord(w, value.as_record());
      return;
  }
}

void WriteRecord(JsonWriter& w, const ValueRecord& record) {
  // Doubling a leading '$' can change the order of keys, so the escaped keys are sorted again.
  std::vector<std::pair<std::string, const Value*>> fields;
  fields.reserve(record.size());
  for (const auto& [key, value] : record) fields.emplace_back(EscapeKey(key), &value);
  std::sort(fields.begin(), fields.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  w.BeginObject();
  for (const auto& [key, value] : fields) {
    w.Key(key);
    WriteValue(w, *value);
  }
  w.EndObject();
}

StatusOr<Value> ReadValue(const JsonIn& in) {
  if (in.is_null()) return Value::Null();
  if (in.is_array()) {
    ValueList items;
    for (const JsonIn& item : in.Items()) {
      UITDAAG_ASSIGN_OR_RETURN(Value v, ReadValue(item));
      items.push_back(std::move(v));
    }
    return Value::List(std::move(items));
  }
  if (in.is_object()) {
    const std::vector<std::string> keys = in.Keys();
    if (keys.size() == 1 && keys[0] == kMoneyTag) {
      UITDAAG_ASSIGN_OR_RETURN(std::string text, in.String(kMoneyTag));
      StatusOr<Money> money = Money::Parse(text);
      if (!money.ok()) return in.Error(money.status().message());
      return Value::OfMoney(*money);
    }
    if (keys.size() == 1 && keys[0] == kDateTag) {
      UITDAAG_ASSIGN_OR_RETURN(Date date, ReadDate(in.Get(kDateTag)));
      return Value::OfDate(date);
    }
    UITDAAG_ASSIGN_OR_RETURN(ValueRecord record, ReadRecord(in));
    return Value::Record(std::move(record));
  }
  if (StatusOr<bool> b = in.AsBool(); b.ok()) return Value::Bool(*b);
  if (StatusOr<std::string> s = in.AsString(); s.ok()) return Value::Text(std::move(*s));
  UITDAAG_ASSIGN_OR_RETURN(double d, in.AsNumber());
  return Value::Number(d);
}

StatusOr<ValueRecord> ReadRecord(const JsonIn& in) {
  if (!in.is_object()) return in.Error("expected an object");
  ValueRecord record;
  for (const std::string& key : in.Keys()) {
    if (key.starts_with('$') && !key.starts_with("$$")) {
      return in.Error("unknown type tag '" + key + "'");
    }
    UITDAAG_ASSIGN_OR_RETURN(Value v, ReadValue(in.Get(key)));
    record.emplace(key.starts_with("$$") ? key.substr(1) : key, std::move(v));
  }
  return record;
}

StatusOr<Date> ReadDate(const JsonIn& in) {
  UITDAAG_ASSIGN_OR_RETURN(std::string text, in.AsString());
  StatusOr<Date> date = Date::Parse(text);
  if (!date.ok()) return in.Error(date.status().message());
  return date;
}

StatusOr<Instant> ReadInstant(const JsonIn& in) {
  UITDAAG_ASSIGN_OR_RETURN(std::string text, in.AsString());
  StatusOr<Instant> at = Instant::Parse(text);
  if (!at.ok()) return in.Error(at.status().message());
  return at;
}

void WriteSnapshot(JsonWriter& w, const CaseSnapshot& s) {
  w.BeginObject();
  w.Field("assigned_role", s.assigned_role);
  w.Key("created_at");
  WriteInstant(w, s.created_at);
  w.Key("data");
  WriteRecord(w, s.data);
  w.Key("deadlines");
  w.BeginObject();
  for (const auto& [id, track] : s.deadlines) {
    w.Key(id);
    WriteTrack(w, track);
  }
  w.EndObject();
  w.Field("id", s.id);
  w.Key("scores");
  w.BeginObject();
  for (const auto& [id, score] : s.scores) {
    w.Key(id);
    w.BeginObject();
    w.Field("on", score.on.ToIsoString());
    w.Field("reason", score.reason);
    w.Field("score", score.score);
    w.Field("scored_by", score.scored_by);
    w.EndObject();
  }
  w.EndObject();
  w.Field("state", s.state);
  w.Key("updated_at");
  WriteInstant(w, s.updated_at);
  w.Field("version", s.version);
  w.Field("workflow_id", s.workflow_id);
  w.Field("workflow_version", s.workflow_version);
  w.EndObject();
}

StatusOr<CaseSnapshot> ReadSnapshot(const JsonIn& in) {
  if (!in.is_object()) return in.Error("expected an object");
  CaseSnapshot s;
  UITDAAG_ASSIGN_OR_RETURN(s.id, in.String("id"));
  UITDAAG_ASSIGN_OR_RETURN(s.workflow_id, in.String("workflow_id"));
  UITDAAG_ASSIGN_OR_RETURN(int64_t workflow_version, in.Int("workflow_version"));
  s.workflow_version = static_cast<int>(workflow_version);
  UITDAAG_ASSIGN_OR_RETURN(s.state, in.String("state"));
  UITDAAG_ASSIGN_OR_RETURN(s.version, in.Int("version"));
  UITDAAG_ASSIGN_OR_RETURN(s.data, ReadRecord(in.Get("data")));
  UITDAAG_ASSIGN_OR_RETURN(JsonIn scores, in.Object("scores"));
  for (const std::string& id : scores.Keys()) {
    const JsonIn item = scores.Get(id);
    CriterionScore score;
    UITDAAG_ASSIGN_OR_RETURN(int64_t value, item.Int("score"));
    score.score = static_cast<int>(value);
    UITDAAG_ASSIGN_OR_RETURN(score.reason, item.String("reason"));
    UITDAAG_ASSIGN_OR_RETURN(score.scored_by, item.String("scored_by"));
    UITDAAG_ASSIGN_OR_RETURN(score.on, ReadDate(item.Get("on")));
    s.scores.emplace(id, std::move(score));
  }
  UITDAAG_ASSIGN_OR_RETURN(JsonIn deadlines, in.Object("deadlines"));
  for (const std::string& id : deadlines.Keys()) {
    UITDAAG_ASSIGN_OR_RETURN(DeadlineTrack track, ReadTrack(deadlines.Get(id)));
    if (track.id != id) return deadlines.Get(id).Error("id differs from its key");
    s.deadlines.emplace(id, std::move(track));
  }
  UITDAAG_ASSIGN_OR_RETURN(s.assigned_role, in.String("assigned_role"));
  UITDAAG_ASSIGN_OR_RETURN(s.created_at, ReadInstant(in.Get("created_at")));
  UITDAAG_ASSIGN_OR_RETURN(s.updated_at, ReadInstant(in.Get("updated_at")));
  return s;
}

void WriteEffect(JsonWriter& w, const Effect& e) {
  w.BeginObject();
  w.Key("date");
  WriteOptionalDate(w, e.date);
  w.Field("detail", e.detail);
  w.Field("kind", Effect::KindName(e.kind));
  w.Field("name", e.name);
  w.Key("target");
  WriteOptionalDate(w, e.target);
  w.EndObject();
}

void WriteEffects(JsonWriter& w, const std::vector<Effect>& effects) {
  w.BeginArray();
  for (const Effect& e : effects) WriteEffect(w, e);
  w.EndArray();
}

StatusOr<Effect> ReadEffect(const JsonIn& in) {
  if (!in.is_object()) return in.Error("expected an object");
  UITDAAG_ASSIGN_OR_RETURN(std::string kind, in.String("kind"));
  std::optional<Effect::Kind> found;
  for (int k = 0; k <= static_cast<int>(Effect::Kind::kAssign); ++k) {
    if (kind == Effect::KindName(static_cast<Effect::Kind>(k)))
      found = static_cast<Effect::Kind>(k);
  }
  if (!found) return in.Get("kind").Error("unknown effect kind '" + kind + "'");
  Effect e{*found, {}, {}, {}, {}};
  UITDAAG_ASSIGN_OR_RETURN(e.name, in.String("name"));
  UITDAAG_ASSIGN_OR_RETURN(e.date, ReadOptionalDate(in.Get("date")));
  UITDAAG_ASSIGN_OR_RETURN(e.target, ReadOptionalDate(in.Get("target")));
  UITDAAG_ASSIGN_OR_RETURN(e.detail, in.String("detail"));
  return e;
}

StatusOr<std::vector<Effect>> ReadEffects(const JsonIn& in) {
  if (!in.is_array()) return in.Error("expected a list");
  std::vector<Effect> effects;
  for (const JsonIn& item : in.Items()) {
    UITDAAG_ASSIGN_OR_RETURN(Effect e, ReadEffect(item));
    effects.push_back(std::move(e));
  }
  return effects;
}

const char* TimerKindName(TimerRef::Kind kind) {
  return kind == TimerRef::Kind::kExpiry ? "expiry" : "warning";
}

std::optional<TimerRef::Kind> TimerKindFromName(std::string_view name) {
  if (name == "expiry") return TimerRef::Kind::kExpiry;
  if (name == "warning") return TimerRef::Kind::kWarning;
  return std::nullopt;
}

void WriteTimerRef(JsonWriter& w, const std::optional<TimerRef>& timer) {
  if (!timer) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Field("deadline", timer->deadline);
  w.Field("kind", TimerKindName(timer->kind));
  w.Field("round", timer->round);
  w.EndObject();
}

StatusOr<std::optional<TimerRef>> ReadTimerRef(const JsonIn& in) {
  if (in.is_null()) return std::optional<TimerRef>();
  if (!in.is_object()) return in.Error("expected an object or null");
  TimerRef ref;
  UITDAAG_ASSIGN_OR_RETURN(ref.deadline, in.String("deadline"));
  UITDAAG_ASSIGN_OR_RETURN(std::string kind, in.String("kind"));
  const std::optional<TimerRef::Kind> parsed = TimerKindFromName(kind);
  if (!parsed) return in.Get("kind").Error("expected 'expiry' or 'warning'");
  ref.kind = *parsed;
  UITDAAG_ASSIGN_OR_RETURN(int64_t round, in.Int("round"));
  ref.round = static_cast<int>(round);
  return std::optional<TimerRef>(ref);
}

}  // namespace store_internal

using namespace store_internal;  // NOLINT: this file is the public face of these helpers

std::string ValueToJson(const Value& value) {
  return JsonOf([&](JsonWriter& w) { WriteValue(w, value); });
}
StatusOr<Value> ValueFromJson(std::string_view json) {
  return ParseWith<Value>(json, ReadValue);
}
std::string RecordToJson(const ValueRecord& record) {
  return JsonOf([&](JsonWriter& w) { WriteRecord(w, record); });
}
StatusOr<ValueRecord> RecordFromJson(std::string_view json) {
  return ParseWith<ValueRecord>(json, ReadRecord);
}
std::string SnapshotToJson(const CaseSnapshot& snapshot) {
  return JsonOf([&](JsonWriter& w) { WriteSnapshot(w, snapshot); });
}
StatusOr<CaseSnapshot> SnapshotFromJson(std::string_view json) {
  return ParseWith<CaseSnapshot>(json, ReadSnapshot);
}
std::string EffectsToJson(const std::vector<Effect>& effects) {
  return JsonOf([&](JsonWriter& w) { WriteEffects(w, effects); });
}
StatusOr<std::vector<Effect>> EffectsFromJson(std::string_view json) {
  return ParseWith<std::vector<Effect>>(json, ReadEffects);
}
std::string EffectToJson(const Effect& effect) {
  return JsonOf([&](JsonWriter& w) { WriteEffect(w, effect); });
}
StatusOr<Effect> EffectFromJson(std::string_view json) {
  return ParseWith<Effect>(json, ReadEffect);
}
std::string TimerRefToJson(const std::optional<TimerRef>& timer) {
  return JsonOf([&](JsonWriter& w) { WriteTimerRef(w, timer); });
}
StatusOr<std::optional<TimerRef>> TimerRefFromJson(std::string_view json) {
  return ParseWith<std::optional<TimerRef>>(json, ReadTimerRef);
}

}  // namespace uitdaag
