// Runner: the durable way to move a case. Load the snapshot, apply the pure engine, commit the
// result in one transaction (uitdaag/store.h), then carry out the effects (uitdaag/outbox.h).
//
//   Submit   creates a case: NewCase + Step(first event) + Commit, numbered by the store. With an
//            idempotency key that was already used for the same request, it returns the
//            original case (replayed = true) and stores nothing.
//   Apply    one event on an existing case. With expected_version (an HTTP If-Match) the step
//            is refused with kConflict when the case has moved on; without it, the version the
//            runner loaded is the one checked at commit, so two concurrent writers never both
//            win: the second gets kConflict and nothing of its change is stored.
//   FireTimer one timer (the sweeper's path); a stale or already fired timer is
//   kFailedPrecondition.
//
// Errors: the engine's rejections (uitdaag/engine.h) unchanged, and the store's (uitdaag/store.h).
//
// Thread safety: as CaseStore: one Runner per thread, each with its own store.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/clock.h"
#include "uitdaag/engine.h"
#include "uitdaag/store.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// The workflow definitions a runner knows, by id and version. A case always runs on the version
// it started on; new cases use the latest.
class WorkflowRegistry {
 public:
  // kAlreadyExists when this id and version are registered already.
  Status Add(std::shared_ptr<const WorkflowDefinition> definition);
  const WorkflowDefinition* Find(std::string_view id, int version) const;
  const WorkflowDefinition* Latest(std::string_view id) const;
  std::vector<const WorkflowDefinition*> All() const;

 private:
  std::map<std::pair<std::string, int>, std::shared_ptr<const WorkflowDefinition>, std::less<>>
      definitions_;
};

struct SubmitRequest {
  std::string workflow_id;      // its latest registered version is used
  Event event;                  // the first event (the submission), with role and payload
  std::string idempotency_key;  // optional; at most 200 characters
  std::optional<Party> applicant;  // who submits: stored with the case, addressed in letters
};

struct RunResult {
  CaseSnapshot snapshot;
  std::vector<Effect> effects;  // empty when replayed
  std::vector<int64_t> outbox_ids;
  std::string hash;       // the log entry's hash (the case's new head); when replayed, the head
  bool replayed = false;  // an idempotent resubmission: nothing new was stored
};

class Runner {
 public:
  // The store, registry and clock must outlive the runner.
  Runner(CaseStore& store, const WorkflowRegistry& workflows, const Clock& clock);

  StatusOr<RunResult> Submit(const SubmitRequest& request);
  StatusOr<RunResult> Apply(std::string_view case_id, const Event& event,
                            std::optional<int64_t> expected_version = std::nullopt);
  StatusOr<RunResult> FireTimer(std::string_view case_id, const TimerRef& timer);

  StatusOr<StoredCase> Get(std::string_view case_id) { return store_.Load(case_id); }
  // The definition a stored case runs on; kFailedPrecondition when it is not registered.
  StatusOr<const WorkflowDefinition*> DefinitionOf(const CaseSnapshot& snapshot) const;

  CaseStore& store() { return store_; }
  const Clock& clock() const { return clock_; }

 private:
  StatusOr<RunResult> Commit(const WorkflowDefinition& def, const CaseSnapshot* before,
                             StepResult step, const Event& event,
                             std::optional<IdempotencyClaim> claim,
                             std::optional<Party> applicant = std::nullopt);

  CaseStore& store_;
  const WorkflowRegistry& workflows_;
  const Clock& clock_;
};

// Which effects go to the outbox (they act on the world: letters, notifications). The others
// are already reflected in the committed snapshot and deadline rows, and recorded in the log.
bool IsOutboxEffect(const Effect& effect);

}  // namespace uitdaag
