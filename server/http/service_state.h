// What every request handler shares: the configuration, the workflows, the letter renderer, the
// store pool and the clock. Immutable after the service starts, apart from the pool, the login
// throttle, the rate limiter and the metrics (each thread-safe).
#pragma once

#include <functional>
#include <memory>

#include "http/login_throttle.h"
#include "http/metrics.h"
#include "http/rate_limiter.h"
#include "http/service_config.h"
#include "http/store_pool.h"
#include "uitdaag/clock.h"
#include "uitdaag/letter_renderer.h"
#include "uitdaag/runner.h"

namespace uitdaag::http {

struct ServiceState {
  ServiceConfig config;
  std::unique_ptr<WorkflowRegistry> workflows;
  std::unique_ptr<LetterRenderer> renderer;
  const Clock* clock = nullptr;
  std::unique_ptr<StorePool> stores;
  LoginThrottle logins;
  std::unique_ptr<RateLimiter> rate_limit;  // per client address (set by Service::Create)
  Metrics metrics;
  // Wakes the background worker, so that the letters of a step are rendered right after it.
  std::function<void()> nudge_worker = [] {};
};

}  // namespace uitdaag::http
