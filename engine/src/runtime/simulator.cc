// The simulator (uitdaag/simulator.h): runs a script against a workflow on a fake clock.
//
// The clock only moves forward, to each step's time. Before a step, every timer that has fallen
// due by then fires at its own due moment, one at a time, re-reading the snapshot after each (a
// firing may start or stop other deadlines). Expectations and invariants are checked after every
// step; mismatches are collected as "file:line:column: message", never thrown.
#include "uitdaag/simulator.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "uitdaag/join.h"

namespace uitdaag {
namespace {

// A workflow whose timers keep firing (a deadline restarted by its own expiry with a zero period)
// would loop for ever; the simulator stops after this many firings and reports it.
constexpr int kMaxTimerFirings = 10000;

// ---- Comparing script values with case values ------------------------------------------------

std::string NumberText(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<long long>(d));
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec != std::errc()) return "nan";
  return std::string(buf, end);
}

// The canonical text of a value, as a script writes it: money "12500.00", dates ISO, numbers
// without trailing zeros, text as is.
std::string CanonicalText(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return v.as_bool() ? "true" : "false";
    case ValueType::kNumber: return NumberText(v.as_number());
    case ValueType::kMoney: return v.as_money().ToString();
    case ValueType::kText: return v.as_text();
    case ValueType::kDate: return v.as_date().ToIsoString();
    case ValueType::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        if (i > 0) out += ", ";
        out += CanonicalText(v.as_list()[i]);
      }
      return out + "]";
    }
    case ValueType::kRecord: return v.DebugString();
  }
  return v.DebugString();
}

bool ValueMatches(const Value& expected, const Value& actual) {
  if (actual.type() == ValueType::kMoney) {
    StatusOr<Money> m = Money::Parse(CanonicalText(expected));
    return m.ok() && *m == actual.as_money();
  }
  if (actual.type() == ValueType::kNumber &&
      (expected.type() == ValueType::kText || expected.type() == ValueType::kNumber)) {
    std::string text = CanonicalText(expected);
    double d = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec == std::errc() && end == text.data() + text.size()) return d == actual.as_number();
  }
  return CanonicalText(expected) == CanonicalText(actual);
}

// ---- The run -------------------------------------------------------------------------------------

class Run {
 public:
  Run(const WorkflowDefinition& def, const Script& script) : def_(def), script_(script) {}

  SimulationResult Go();

 private:
  std::string Where(const SourceLocation& where) const;
  void Fail(const SourceLocation& where, const std::string& message);
  void FailAt(const std::string& message);

  // Fires every timer due up to `until`; false when the firing limit was hit.
  bool FireTimersUpTo(Instant until, std::vector<std::string>* letters);
  void FireOne(const DueTimer& timer, std::vector<std::string>* letters);
  void RunStep(const ScriptStep& step);
  void Record(TimelineEntry entry);
  void Check(const ScriptStep& step, const TimelineEntry* entry,
             const std::vector<std::string>& letters);
  void CheckInvariantsAfter(const std::string& what);

  const WorkflowDefinition& def_;
  const Script& script_;
  // Changed as the run goes on.
  SimulationResult result_;
  CaseSnapshot snapshot_;
  Instant clock_;
  int firings_ = 0;
  bool aborted_ = false;
  std::set<std::tuple<int, std::string, int>> refused_timers_;  // kind, deadline, round
};

std::string Run::Where(const SourceLocation& where) const {
  if (where.file.empty() && where.line == 0) return script_.file.empty() ? "script" : script_.file;
  if (where.file.empty()) {
    SourceLocation copy = where;
    copy.file = script_.file;
    return copy.ToString();
  }
  return where.ToString();
}

void Run::Fail(const SourceLocation& where, const std::string& message) {
  result_.failures.push_back(Where(where) + ": " + message);
}

void Run::FailAt(const std::string& message) { Fail(SourceLocation{}, message); }

void Run::CheckInvariantsAfter(const std::string& what) {
  Status status = CheckInvariants(def_, snapshot_);
  if (!status.ok()) FailAt("invariant violated after " + what + ": " + status.message());
}

// Adds the deadlines and the late-decision exposure as seen on the entry's date.
void Run::Record(TimelineEntry entry) {
  Date today = entry.at.LocalDate();
  for (const auto& [id, track] : snapshot_.deadlines) {
    if (track.active()) {
      StatusOr<DeadlineComputation> c = ComputeCaseDeadline(def_, snapshot_, id, today);
      if (c.ok()) entry.deadlines.emplace_back(id, *c);
    }
    const DeadlineDef* d = def_.FindDeadline(id);
    if (entry.exposure || d == nullptr || !d->late_penalty) continue;
    std::optional<PenaltyExposure> exposure = ComputeCaseExposure(def_, snapshot_, id, today);
    if (exposure && exposure->late) {
      entry.exposure = exposure;
      entry.exposure_deadline = id;
    }
  }
  result_.timeline.push_back(std::move(entry));
}

void Run::FireOne(const DueTimer& timer, std::vector<std::string>* letters) {
  ++firings_;
  Instant at = timer.due < clock_ ? clock_ : timer.due;
  clock_ = at;
  TimelineEntry entry;
  entry.at = at;
  entry.label = "timer: " + timer.ref.deadline +
                (timer.ref.kind == TimerRef::Kind::kExpiry ? " expired" : " warning");
  entry.from_state = snapshot_.state;
  Event event = timer.ToEvent();
  event.at = at;
  StatusOr<StepResult> step = Step(def_, snapshot_, event, at);
  if (step.ok()) {
    snapshot_ = step->snapshot;
    entry.accepted = true;
    entry.effects = step->effects;
    entry.after = snapshot_;
    for (const Effect& e : entry.effects) {
      if (e.kind == Effect::Kind::kRenderLetter && letters != nullptr) letters->push_back(e.name);
    }
  } else {
    // The engine refuses a timer it no longer wants; remember it so it is not offered again.
    refused_timers_.emplace(static_cast<int>(timer.ref.kind), timer.ref.deadline, timer.ref.round);
    entry.rejection = step.status();
  }
  entry.to_state = snapshot_.state;
  std::string what = entry.label + " at " + at.ToLocalString();
  Record(std::move(entry));
  if (step.ok()) CheckInvariantsAfter(what);
}

bool Run::FireTimersUpTo(Instant until, std::vector<std::string>* letters) {
  while (!aborted_) {
    std::vector<DueTimer> due = DueTimers(def_, snapshot_, until);
    const DueTimer* next = nullptr;
    for (const DueTimer& t : due) {
      if (!refused_timers_.count({static_cast<int>(t.ref.kind), t.ref.deadline, t.ref.round})) {
        next = &t;
        break;
      }
    }
    if (next == nullptr) return true;
    if (firings_ >= kMaxTimerFirings) {
      FailAt("more than " + std::to_string(kMaxTimerFirings) +
             " timer firings; the workflow keeps restarting a deadline (simulation stopped)");
      aborted_ = true;
      return false;
    }
    FireOne(*next, letters);
  }
  return false;
}

void Run::RunStep(const ScriptStep& step) {
  if (step.at < clock_) {
    Fail(step.where, "step at " + step.at.ToLocalString() + " lies before the previous moment " +
                         clock_.ToLocalString());
  }
  std::vector<std::string> letters;
  if (!FireTimersUpTo(step.at, step.advance_only ? &letters : nullptr)) return;
  if (step.at > clock_) clock_ = step.at;
  if (step.advance_only) {
    Check(step, nullptr, letters);
    return;
  }
  TimelineEntry entry;
  entry.at = step.at;
  entry.label = step.event.id;
  entry.role = step.event.role;
  entry.from_state = snapshot_.state;
  Event event = step.event;
  event.at = step.at;
  StatusOr<StepResult> result = Step(def_, snapshot_, event, step.at);
  if (result.ok()) {
    snapshot_ = result->snapshot;
    entry.accepted = true;
    entry.effects = result->effects;
    entry.after = snapshot_;
    for (const Effect& e : entry.effects) {
      if (e.kind == Effect::Kind::kRenderLetter) letters.push_back(e.name);
    }
  } else {
    entry.rejection = result.status();
  }
  entry.to_state = snapshot_.state;
  Record(std::move(entry));
  if (result.ok()) {
    Status status = CheckInvariants(def_, snapshot_);
    if (!status.ok()) Fail(step.where, "invariant violated after '" + step.event.id + "': " +
                                           status.message());
  }
  Check(step, &result_.timeline.back(), letters);
}

void Run::Check(const ScriptStep& step, const TimelineEntry* entry,
                const std::vector<std::string>& letters) {
  const Expectation& x = step.expect;
  if (entry != nullptr && !entry->accepted) {
    const Status& why = entry->rejection;
    if (!x.rejected) {
      Fail(step.where, "event '" + step.event.id + "' was rejected: " + why.ToString());
    } else if (*x.rejected != why.code()) {
      Fail(step.where, std::string("expected rejection '") + StatusCodeName(*x.rejected) +
                           "', got " + why.ToString());
    }
  } else if (x.rejected) {
    Fail(step.where, std::string("expected rejection '") + StatusCodeName(*x.rejected) + "', but " +
                         (entry ? "event '" + step.event.id + "' was accepted"
                                : std::string("an advance step has no event")));
  }
  if (x.state && *x.state != snapshot_.state) {
    Fail(step.where, "expected state '" + *x.state + "', got '" + snapshot_.state + "'");
  }
  Date today = step.at.LocalDate();
  for (const auto& [id, expected] : x.deadlines) {
    StatusOr<DeadlineComputation> c = ComputeCaseDeadline(def_, snapshot_, id, today);
    if (!c.ok()) {
      Fail(step.where, "expected deadline '" + id + "' to end on " + expected.ToIsoString() +
                           ", but " + c.status().message());
    } else if (c->legal_end != expected) {
      Fail(step.where, "expected deadline '" + id + "' to end on " + expected.ToIsoString() +
                           ", got " + c->legal_end.ToIsoString());
    }
  }
  if (x.letters && *x.letters != letters) {
    Fail(step.where,
         "expected letters [" + JoinNames(*x.letters) + "], got [" + JoinNames(letters) + "]");
  }
  for (const auto& [field, expected] : x.data) {
    auto it = snapshot_.data.find(field);
    if (it == snapshot_.data.end()) {
      Fail(step.where, "expected data." + field + " = " + CanonicalText(expected) +
                           ", but the case has no such value");
    } else if (!ValueMatches(expected, it->second)) {
      Fail(step.where, "expected data." + field + " = " + CanonicalText(expected) + ", got " +
                           CanonicalText(it->second));
    }
  }
}

SimulationResult Run::Go() {
  Instant start;
  if (script_.start) {
    start = *script_.start;
  } else if (!script_.steps.empty()) {
    start = script_.steps.front().at;
  } else if (script_.until) {
    start = *script_.until;
  }
  clock_ = start;
  snapshot_ = NewCase(def_, script_.case_id, start);
  CheckInvariantsAfter("creating the case");
  for (const ScriptStep& step : script_.steps) {
    if (aborted_) break;
    RunStep(step);
  }
  if (!aborted_ && script_.until) {
    if (*script_.until < clock_) {
      FailAt("until " + script_.until->ToLocalString() + " lies before the last step");
    } else {
      FireTimersUpTo(*script_.until, nullptr);
    }
  }
  result_.final_snapshot = snapshot_;
  return std::move(result_);
}

}  // namespace

SimulationResult Simulate(const WorkflowDefinition& def, const Script& script) {
  return Run(def, script).Go();
}

}  // namespace uitdaag
