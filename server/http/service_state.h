// What every request handler shares: the configuration, the workflows, the letter renderer, the
// store pool and the clock. Immutable after the service starts, apart from the pool (which is
// thread-safe) and the login throttle.
#pragma once

#include <functional>
#include <memory>

#include "http/login_throttle.h"
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
  // Wakes the background worker, so that the letters of a step are rendered right after it.
  std::function<void()> nudge_worker = [] {};
};

}  // namespace uitdaag::http
