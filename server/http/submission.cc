#include "http/submission.h"

#include "http/caller.h"

namespace uitdaag::http {
namespace {

// The store's refusal of an Idempotency-Key already used for a different request
// (CaseStore::FindIdempotencyKey and Commit: kInvalidArgument with the key as its subject).
bool IsIdempotencyConflict(const Status& status, const std::string& key) {
  return !key.empty() && status.code() == StatusCode::kInvalidArgument &&
         status.subject() == key && status.message().rfind("idempotency key", 0) == 0;
}

}  // namespace

StatusOr<Submitted> SubmitChallenge(const ServiceState& state, CaseStore& store,
                                    const Submission& submission) {
  const WorkflowDefinition& def = *submission.workflow;
  const std::string event = submission.event.empty() ? def.submission_event : submission.event;
  if (event.empty()) {
    return Status::Internal("workflow '" + def.id + "' has no submission event");
  }
  if (submission.idempotency_key.size() > kMaxIdempotencyKey) {
    return Status::InvalidArgument("Idempotency-Key: at most 200 characters", "Idempotency-Key");
  }
  Runner runner(store, *state.workflows, *state.clock);
  SubmitRequest request;
  request.workflow_id = def.id;
  request.event.id = event;
  request.event.role = ChallengerRole(def);
  request.event.actor = submission.applicant.name;
  request.event.at = state.clock->Now();
  request.event.payload = submission.payload;
  request.idempotency_key = submission.idempotency_key;
  request.applicant = submission.applicant;
  StatusOr<RunResult> result = runner.Submit(request);
  if (!result.ok()) {
    // The store names a reused key by its value; the client is told which header is at fault.
    if (IsIdempotencyConflict(result.status(), submission.idempotency_key)) {
      return Status::InvalidArgument(
          "Idempotency-Key: already used for a different request; send a new key",
          "Idempotency-Key");
    }
    return result.status();
  }
  StatusOr<std::string> token = store.CreateCaseToken(result->snapshot.id, state.clock->Now());
  if (!token.ok()) return token.status();
  state.nudge_worker();
  return Submitted{std::move(*result), std::move(*token)};
}

}  // namespace uitdaag::http
