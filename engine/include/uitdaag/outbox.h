// The outbox: effects that act on the world (letters, notifications) are stored with the step
// that caused them (uitdaag/store.h) and carried out afterwards by an OutboxDispatcher.
//
// Delivery is at least once: an item is marked done only after its handler succeeded, so a crash
// between the two repeats it. Handlers must therefore be idempotent per item id (a letter
// renderer stores at most one document per outbox item). A failing item is retried with
// exponential back-off and stays visible (attempts, last error); after max_attempts it is marked
// failed, never dropped, and shows up in `uitdaag status`.
//
// Thread safety: as CaseStore.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "uitdaag/clock.h"
#include "uitdaag/status.h"
#include "uitdaag/store.h"

namespace uitdaag {

class EffectHandler {
 public:
  virtual ~EffectHandler() = default;
  // Carries out one effect. A non-OK status is recorded and the item retried later.
  virtual Status Perform(const OutboxItem& item) = 0;
  // Carries out the items of one dispatcher run; returns one status per item, in order. By
  // default Perform() one after the other; a handler that can store several results in one
  // transaction (LetterEffectHandler) overrides it. Each item's status means what Perform's
  // would.
  virtual std::vector<Status> PerformAll(const std::vector<OutboxItem>& items);
};

struct OutboxPolicy {
  int max_attempts = 8;
  int64_t first_retry_seconds = 60;  // then doubled per attempt
  int64_t max_retry_seconds = 6 * 3600;
};

struct DispatchReport {
  int done = 0;
  int retried = 0;  // failed this time, will be tried again
  int gave_up = 0;  // failed for the last time: marked failed
  // Items the run attempted: fewer than its limit means nothing else was due.
  int attempted() const { return done + retried + gave_up; }
};

class OutboxDispatcher {
 public:
  // All references must outlive the dispatcher.
  OutboxDispatcher(CaseStore& store, EffectHandler& handler, const Clock& clock,
                   OutboxPolicy policy = {});
  // Attempts the pending items due now (at most `limit`, oldest first, through the handler's
  // PerformAll) and then records every outcome in one transaction.
  StatusOr<DispatchReport> RunOnce(int limit = 100);

 private:
  CaseStore& store_;
  EffectHandler& handler_;
  const Clock& clock_;
  OutboxPolicy policy_;
};

}  // namespace uitdaag
