// OutboxDispatcher (uitdaag/outbox.h).
#include "uitdaag/outbox.h"

#include <algorithm>
#include <vector>

namespace uitdaag {

std::vector<Status> EffectHandler::PerformAll(const std::vector<OutboxItem>& items) {
  std::vector<Status> performed;
  performed.reserve(items.size());
  for (const OutboxItem& item : items) performed.push_back(Perform(item));
  return performed;
}

OutboxDispatcher::OutboxDispatcher(CaseStore& store, EffectHandler& handler, const Clock& clock,
                                   OutboxPolicy policy)
    : store_(store), handler_(handler), clock_(clock), policy_(policy) {}

StatusOr<DispatchReport> OutboxDispatcher::RunOnce(int limit) {
  const Instant now = clock_.Now();
  UITDAAG_ASSIGN_OR_RETURN(std::vector<OutboxItem> items, store_.PendingOutbox(now, limit));
  DispatchReport report;
  std::vector<CaseStore::Outcome> outcomes;
  outcomes.reserve(items.size());
  const std::vector<Status> statuses = handler_.PerformAll(items);
  if (statuses.size() != items.size()) {
    return Status::Internal("the outbox handler answered " + std::to_string(statuses.size()) +
                            " results for " + std::to_string(items.size()) + " items");
  }
  for (size_t k = 0; k < items.size(); ++k) {
    const OutboxItem& item = items[k];
    const Status& performed = statuses[k];
    CaseStore::Outcome outcome;
    outcome.id = item.id;
    if (performed.ok()) {
      outcome.done = true;
      ++report.done;
    } else {
      outcome.error = performed.ToString();
      const int attempt = item.attempts + 1;
      outcome.give_up = attempt >= policy_.max_attempts;
      int64_t delay = policy_.first_retry_seconds;
      for (int i = 1; i < attempt && delay < policy_.max_retry_seconds; ++i) delay *= 2;
      outcome.retry_at = now.AddSeconds(std::min(delay, policy_.max_retry_seconds));
      ++(outcome.give_up ? report.gave_up : report.retried);
    }
    outcomes.push_back(std::move(outcome));
  }
  UITDAAG_RETURN_IF_ERROR(store_.RecordOutbox(outcomes, now));
  return report;
}

}  // namespace uitdaag
