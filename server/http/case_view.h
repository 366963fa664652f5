// The common start of the handlers of a case's sub-resources (documents, attachments, timeline,
// deadlines): who is asking, whether they may see the case, the case itself and its workflow.
#pragma once

#include <optional>

#include "http/caller.h"
#include "http/exchange.h"
#include "http/store_pool.h"

namespace uitdaag::http {

struct CaseView {
  StorePool::Lease store;  // the request's connection, for further reads and writes
  Caller caller;
  StoredCase stored;
  const WorkflowDefinition* def = nullptr;  // never null in a returned view
};

// The case of the path parameter "id" as the caller may see it. Answers the refusal itself and
// returns nullopt: 401 without (valid) credentials, 404 for an unknown case or a challenger
// asking about another case, 503/500 when the store fails.
std::optional<CaseView> OpenCase(Exchange& exchange);

}  // namespace uitdaag::http
