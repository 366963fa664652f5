// GET /metrics: the service's counters in the Prometheus text exposition format (metrics.h), for
// administrators only (a scraper uses an API token of an administrator's account). The database
// counts are read per scrape with CaseStore::Gauges, which answers from indexes.
#include "http/caller.h"
#include "http/handlers.h"

namespace uitdaag::http {

void GetMetrics(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kAdmin);
  if (!request) return;
  CaseStore& store = *request->store;
  StatusOr<StoreGauges> gauges = store.Gauges();
  if (!gauges.ok()) return ex.Fail(gauges.status());
  const RateLimiter* limit = ex.state().rate_limit.get();
  ex.Bytes(200, "text/plain; version=0.0.4; charset=utf-8",
           ex.state().metrics.Exposition(*gauges, limit != nullptr ? limit->tracked_clients() : 0));
}

}  // namespace uitdaag::http
