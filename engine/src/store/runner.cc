// Runner (uitdaag/runner.h): load, step, commit.
#include "uitdaag/runner.h"

#include "party_json.h"
#include "uitdaag/audit.h"
#include "uitdaag/case_json.h"

namespace uitdaag {
namespace {

constexpr size_t kMaxIdempotencyKey = 200;

// What identifies a submission for idempotency: the same key with another request is refused.
std::string RequestHash(const SubmitRequest& r) {
  std::string material = r.workflow_id + "\n" + r.event.id + "\n" + r.event.role + "\n" +
                         r.event.actor + "\n" + RecordToJson(r.event.payload);
  if (r.applicant) material += "\n" + store_internal::PartyToJson(*r.applicant);
  return Sha256Hex(material);
}

}  // namespace

Status WorkflowRegistry::Add(std::shared_ptr<const WorkflowDefinition> definition) {
  auto key = std::make_pair(definition->id, definition->version);
  if (definitions_.count(key) != 0) {
    return Status::AlreadyExists("workflow " + definition->id + " version " +
                                     std::to_string(definition->version) + " is registered twice",
                                 definition->id);
  }
  definitions_.emplace(std::move(key), std::move(definition));
  return Status::Ok();
}

const WorkflowDefinition* WorkflowRegistry::Find(std::string_view id, int version) const {
  auto it = definitions_.find(std::make_pair(std::string(id), version));
  return it == definitions_.end() ? nullptr : it->second.get();
}

const WorkflowDefinition* WorkflowRegistry::Latest(std::string_view id) const {
  const WorkflowDefinition* latest = nullptr;
  for (const auto& [key, def] : definitions_) {
    if (key.first == id) latest = def.get();  // the map orders versions ascending
  }
  return latest;
}

std::vector<const WorkflowDefinition*> WorkflowRegistry::All() const {
  std::vector<const WorkflowDefinition*> all;
  for (const auto& [key, def] : definitions_) all.push_back(def.get());
  return all;
}

bool IsOutboxEffect(const Effect& effect) {
  return effect.kind == Effect::Kind::kRenderLetter || effect.kind == Effect::Kind::kNotify;
}

Runner::Runner(CaseStore& store, const WorkflowRegistry& workflows, const Clock& clock)
    : store_(store), workflows_(workflows), clock_(clock) {}

StatusOr<const WorkflowDefinition*> Runner::DefinitionOf(const CaseSnapshot& snapshot) const {
  const WorkflowDefinition* def = workflows_.Find(snapshot.workflow_id, snapshot.workflow_version);
  if (def == nullptr) {
    return Status::FailedPrecondition(
        "case " + snapshot.id + " runs on workflow " + snapshot.workflow_id + " version " +
            std::to_string(snapshot.workflow_version) + ", which is not loaded",
        snapshot.workflow_id);
  }
  return def;
}

StatusOr<RunResult> Runner::Submit(const SubmitRequest& request) {
  const WorkflowDefinition* def = workflows_.Latest(request.workflow_id);
  if (def == nullptr) {
    return Status::NotFound("no workflow '" + request.workflow_id + "'", request.workflow_id);
  }
  std::optional<IdempotencyClaim> claim;
  if (!request.idempotency_key.empty()) {
    if (request.idempotency_key.size() > kMaxIdempotencyKey) {
      return Status::InvalidArgument("the idempotency key is longer than " +
                                         std::to_string(kMaxIdempotencyKey) + " characters",
                                     "idempotency_key");
    }
    claim = IdempotencyClaim{request.idempotency_key, RequestHash(request)};
  }
  // The cheap path for a retry: answer from the stored case without stepping.
  auto replay = [&](const std::string& case_id) -> StatusOr<RunResult> {
    UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, store_.Load(case_id));
    RunResult result;
    result.snapshot = std::move(stored.snapshot);
    result.hash = std::move(stored.head_hash);
    result.replayed = true;
    return result;
  };
  if (claim) {
    UITDAAG_ASSIGN_OR_RETURN(std::optional<std::string> existing,
                             store_.FindIdempotencyKey(*claim));
    if (existing) return replay(*existing);
  }
  const Instant now = clock_.Now();
  const CaseSnapshot fresh = NewCase(*def, "", request.event.at);
  UITDAAG_ASSIGN_OR_RETURN(StepResult step, Step(*def, fresh, request.event, now));
  StatusOr<RunResult> committed =
      Commit(*def, nullptr, std::move(step), request.event, claim, request.applicant);
  // Another connection may have claimed the key between the lookup and the commit.
  if (!committed.ok() && committed.status().code() == StatusCode::kAlreadyExists && claim) {
    return replay(committed.status().subject());
  }
  return committed;
}

StatusOr<RunResult> Runner::Apply(std::string_view case_id, const Event& event,
                                  std::optional<int64_t> expected_version) {
  UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, store_.Load(case_id));
  if (expected_version && *expected_version != stored.snapshot.version) {
    return Status::Conflict("case " + std::string(case_id) + " is at version " +
                                std::to_string(stored.snapshot.version) + ", not " +
                                std::to_string(*expected_version) + "; reload and try again",
                            std::string(case_id));
  }
  UITDAAG_ASSIGN_OR_RETURN(const WorkflowDefinition* def, DefinitionOf(stored.snapshot));
  UITDAAG_ASSIGN_OR_RETURN(StepResult step, Step(*def, stored.snapshot, event, clock_.Now()));
  return Commit(*def, &stored.snapshot, std::move(step), event, std::nullopt);
}

StatusOr<RunResult> Runner::FireTimer(std::string_view case_id, const TimerRef& timer) {
  UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, store_.Load(case_id));
  UITDAAG_ASSIGN_OR_RETURN(const WorkflowDefinition* def, DefinitionOf(stored.snapshot));
  const Instant now = clock_.Now();
  for (const DueTimer& due : DueTimers(*def, stored.snapshot, now)) {
    if (due.ref == timer) {
      const Event event = due.ToEvent();
      UITDAAG_ASSIGN_OR_RETURN(StepResult step, Step(*def, stored.snapshot, event, now));
      return Commit(*def, &stored.snapshot, std::move(step), event, std::nullopt);
    }
  }
  return Status::FailedPrecondition("timer for deadline '" + timer.deadline + "' round " +
                                        std::to_string(timer.round) + " of case " +
                                        std::string(case_id) + " is not due or already fired",
                                    timer.deadline);
}

StatusOr<RunResult> Runner::Commit(const WorkflowDefinition& def, const CaseSnapshot* before,
                                   StepResult step, const Event& event,
                                   std::optional<IdempotencyClaim> claim,
                                   std::optional<Party> applicant) {
  CommitRequest request;
  request.applicant = std::move(applicant);
  request.expected_version = before == nullptr ? 0 : before->version;
  request.now = clock_.Now();
  request.idempotency = std::move(claim);
  const CaseSnapshot& after = step.snapshot;
  const Date as_of = event.at.LocalDate();
  for (const auto& [id, track] : after.deadlines) {
    if (before != nullptr) {
      auto old = before->deadlines.find(id);
      if (old != before->deadlines.end() && old->second == track) continue;
    }
    StatusOr<DeadlineComputation> dates = ComputeCaseDeadline(def, after, id, as_of);
    if (!dates.ok()) return dates.status();
    request.deadlines.push_back(
        DeadlineRecord{track, dates->legal_end, dates->target_end, dates->provisional});
  }
  request.timers = PendingTimers(def, after);
  for (const Effect& effect : step.effects) {
    if (IsOutboxEffect(effect)) request.outbox.push_back(effect);
  }
  LogEntry& entry = request.entry;
  entry.event = event.id;
  entry.timer = event.timer;
  entry.actor = event.actor;
  entry.role = event.role;
  entry.at = event.at;
  entry.payload = event.payload;
  entry.from_state = step.from_state;
  entry.to_state = after.state;
  entry.effects = step.effects;
  request.snapshot = after;

  UITDAAG_ASSIGN_OR_RETURN(CommitResult committed, store_.Commit(std::move(request)));
  RunResult result;
  result.snapshot = std::move(step.snapshot);
  result.snapshot.id = committed.case_id;  // a new case is numbered by the store
  result.effects = std::move(step.effects);
  result.outbox_ids = std::move(committed.outbox_ids);
  result.hash = std::move(committed.hash);
  return result;
}

}  // namespace uitdaag
