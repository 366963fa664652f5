// Test support: load a workflow fixture and drive one case through it, checking the engine's
// invariants after every accepted step (HOUSE habit 6).
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "uitdaag/engine.h"
#include "uitdaag/loader.h"
#include "support/printers.h"

namespace uitdaag::testing {

inline std::shared_ptr<const WorkflowDefinition> LoadOrFail(const std::string& path,
                                                            const LoadOptions& options = {}) {
  LoadResult result = LoadWorkflowFile(path, options);
  for (const Diagnostic& d : result.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(result.ok());
  return result.definition;
}

// "2025-11-13" or "2025-11-13T10:00" in Dutch local time.
inline Instant At(const std::string& text) {
  StatusOr<Instant> at = Instant::Parse(text);
  REQUIRE(at.ok());
  return *at;
}

inline Date D(const std::string& iso) {
  StatusOr<Date> date = Date::Parse(iso);
  REQUIRE(date.ok());
  return *date;
}

// A person's event: `actor` is "<role>-1".
inline Event MakeEvent(const std::string& id, const std::string& role, Instant at,
                       ValueRecord payload = {}) {
  Event e;
  e.id = id;
  e.role = role;
  e.actor = role + "-1";
  e.at = at;
  e.payload = std::move(payload);
  return e;
}

class CaseDriver {
 public:
  explicit CaseDriver(std::shared_ptr<const WorkflowDefinition> def, Instant created)
      : def_(std::move(def)), snapshot_(NewCase(*def_, "TEST-1", created)) {
    REQUIRE(CheckInvariants(*def_, snapshot_).ok());
  }

  // Fires an event at `at` (now == at). On acceptance the snapshot moves on and the invariants
  // are checked; on rejection the snapshot is left exactly as it was.
  Status Fire(const std::string& event, const std::string& role, Instant at,
              ValueRecord payload = {}) {
    return Apply(MakeEvent(event, role, at, std::move(payload)), at);
  }

  Status Apply(const Event& event, Instant now) {
    const CaseSnapshot before = snapshot_;
    StatusOr<StepResult> result = Step(*def_, snapshot_, event, now);
    if (!result.ok()) {
      CHECK(snapshot_ == before);
      return result.status();
    }
    last_effects_ = result->effects;
    snapshot_ = std::move(result->snapshot);
    const Status invariants = CheckInvariants(*def_, snapshot_);
    INFO(invariants.ToString());
    CHECK(invariants.ok());
    return Status::Ok();
  }

  // Fires every timer due up to `until`, each at its own due moment. Returns how many fired.
  int RunTimersUntil(Instant until) {
    int fired = 0;
    for (int guard = 0; guard < 1000; ++guard) {
      std::vector<DueTimer> due = DueTimers(*def_, snapshot_, until);
      if (due.empty()) return fired;
      const Status status = Apply(due.front().ToEvent(), due.front().due);
      INFO(status.ToString());
      REQUIRE(status.ok());
      ++fired;
    }
    FAIL("timer loop did not settle");
    return fired;
  }

  Date LegalEnd(const std::string& deadline, Date as_of) const {
    StatusOr<DeadlineComputation> c = ComputeCaseDeadline(*def_, snapshot_, deadline, as_of);
    REQUIRE(c.ok());
    return c->legal_end;
  }

  const CaseSnapshot& snapshot() const { return snapshot_; }
  const std::vector<Effect>& last_effects() const { return last_effects_; }
  const WorkflowDefinition& def() const { return *def_; }

 private:
  std::shared_ptr<const WorkflowDefinition> def_;
  CaseSnapshot snapshot_;
  std::vector<Effect> last_effects_;
};

// A criteria form payload scoring every criterion of `def` with `score` and a written reason.
inline ValueRecord AllScores(const WorkflowDefinition& def, int score) {
  ValueRecord scores;
  for (const CriterionDef& c : def.criteria) {
    scores[c.id] = Value::Record(
        {{"score", Value::Number(score)}, {"reason", Value::Text("Onderbouwing voor " + c.id)}});
  }
  return ValueRecord{{"scores", Value::Record(scores)}};
}

// The templates of the letters a step rendered, in order.
inline std::vector<std::string> Letters(const std::vector<Effect>& effects) {
  std::vector<std::string> letters;
  for (const Effect& e : effects) {
    if (e.kind == Effect::Kind::kRenderLetter) letters.push_back(e.name);
  }
  return letters;
}

inline ValueRecord Payload(std::initializer_list<std::pair<const std::string, Value>> fields) {
  ValueRecord record;
  for (const auto& [k, v] : fields) record.emplace(k, v);
  return record;
}

}  // namespace uitdaag::testing
