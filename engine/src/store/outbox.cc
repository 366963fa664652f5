// OutboxDispatcher (uitdaag/outbox.h).
#include "uitdaag/outbox.h"

#include <algorithm>
#include <vector>

namespace uitdaag {

OutboxDispatcher::OutboxDispatcher(CaseStore& store, EffectHandler& handler, const Clock& clock,
                                   OutboxPolicy policy)
    : store_(store), handler_(handler), clock_(clock), policy_(policy) {}

StatusOr<DispatchReport> OutboxDispatcher::RunOnce(int limit) {
  const Instant now = clock_.Now();
  UITDAAG_ASSIGN_OR_RETURN(std::vector<OutboxItem> items, store_.PendingOutbox(now, limit));
  DispatchReport report;
  std::vector<CaseStore::Outcome> outcomes;
  outcomes.reserve(items.size());
  for (const OutboxItem& item : items) {
    const Status performed = handler_.Perform(item);
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
