// Submitting a challenge: the one application service behind `POST /api/cases` and the
// resident's form page. It starts a case of the workflow with its submission event
// (WorkflowDefinition::submission_event) in the challenger role, stores the applicant with it
// in the same transaction, and issues the access token of the new case, which is the
// challenger's only key to it.
//
// With an idempotency key, a repeated submission (a lost answer, a double click) gets the case
// of the first one back (`replayed`) with a fresh token that is as good as the first; a key
// used for a different request is kInvalidArgument with subject "Idempotency-Key".
//
// Errors: as Runner::Submit (kInvalidArgument naming the field for invalid input; kUnavailable
// or kIoError when the store fails); kInternal when the workflow has no submission event.
//
// Thread safety: uses only the given store (one per request thread) and immutable state.
#pragma once

#include <string>

#include "http/service_state.h"
#include "uitdaag/party.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag::http {

inline constexpr size_t kMaxIdempotencyKey = 200;

struct Submission {
  const WorkflowDefinition* workflow = nullptr;  // REQUIRED
  std::string event;    // empty: the workflow's submission event
  Party applicant;      // checked by the runner (ValidateParty)
  ValueRecord payload;  // the form's values, raw (the engine validates them)
  std::string idempotency_key;
};

struct Submitted {
  RunResult result;
  std::string access_token;
};

StatusOr<Submitted> SubmitChallenge(const ServiceState& state, CaseStore& store,
                                    const Submission& submission);

}  // namespace uitdaag::http
