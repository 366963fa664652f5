// The request rate limit (server/http/rate_limiter.h): a token bucket per client address, with
// time passed in, so every case here is exact.
#include "http/rate_limiter.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

namespace uitdaag::testing {
namespace {

using http::RateLimiter;

int Allowed(RateLimiter& limiter, const std::string& client, int64_t now, int attempts) {
  int allowed = 0;
  for (int i = 0; i < attempts; ++i) allowed += limiter.Take(client, now).allowed ? 1 : 0;
  return allowed;
}

TEST_CASE("rate limit: a burst, then the rate, refused requests say when to come back",
          "[ratelimit]") {
  RateLimiter limiter(2, 5);
  CHECK(Allowed(limiter, "10.0.0.1", 1000, 5) == 5);
  RateLimiter::Decision refused = limiter.Take("10.0.0.1", 1000);
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_seconds == 1);  // two tokens a second: the next within a second
  // One second earns two tokens, not more.
  CHECK(Allowed(limiter, "10.0.0.1", 1001, 5) == 2);
  // After a long pause the bucket holds the burst again, never more.
  CHECK(Allowed(limiter, "10.0.0.1", 5000, 10) == 5);
}

TEST_CASE("rate limit: Retry-After is the whole seconds until the next token", "[ratelimit]") {
  RateLimiter slow(1, 1);
  CHECK(slow.Take("a", 100).allowed);
  CHECK(slow.Take("a", 100).retry_after_seconds == 1);
  CHECK(slow.Take("a", 101).allowed);
  // Refused requests take nothing: the client is not punished for asking.
  CHECK(slow.Take("a", 101).retry_after_seconds == 1);
  CHECK(slow.Take("a", 102).allowed);
}

TEST_CASE("rate limit: clients have their own buckets", "[ratelimit]") {
  RateLimiter limiter(1, 3);
  CHECK(Allowed(limiter, "10.0.0.1", 0, 10) == 3);
  CHECK(Allowed(limiter, "10.0.0.2", 0, 10) == 3);
  CHECK(limiter.tracked_clients() == 2);
}

TEST_CASE("rate limit: zero per second is no limit, and tracks nobody", "[ratelimit]") {
  RateLimiter off(0, 60);
  CHECK_FALSE(off.enabled());
  CHECK(Allowed(off, "10.0.0.1", 0, 1000) == 1000);
  CHECK(off.tracked_clients() == 0);
}

TEST_CASE("rate limit: a clock that steps back earns nothing and locks nobody out", "[ratelimit]") {
  RateLimiter limiter(1, 2);
  CHECK(Allowed(limiter, "a", 1000, 2) == 2);
  CHECK_FALSE(limiter.Take("a", 400).allowed);  // stepped back ten minutes: no tokens from it
  CHECK(limiter.Take("a", 401).allowed);        // but one second later one has been earned
}

TEST_CASE("rate limit: memory is bounded, idle clients are forgotten first", "[ratelimit]") {
  RateLimiter limiter(1, 3, /*max_clients=*/4);
  // Two clients that used up their buckets, two that made one request.
  CHECK(Allowed(limiter, "busy-1", 0, 3) == 3);
  CHECK(Allowed(limiter, "busy-2", 0, 3) == 3);
  CHECK(limiter.Take("idle-1", 0).allowed);
  CHECK(limiter.Take("idle-2", 0).allowed);
  CHECK(limiter.tracked_clients() == 4);
  // A second later the idle ones have full buckets again; the busy ones do not. A new client
  // makes room by forgetting the idle ones, so the busy ones stay limited.
  CHECK(limiter.Take("new", 1).allowed);
  CHECK(limiter.tracked_clients() == 3);
  CHECK(Allowed(limiter, "busy-1", 1, 3) == 1);  // one earned token, not a fresh bucket
}

TEST_CASE("rate limit: when every client is limited, the least recently seen are forgotten",
          "[ratelimit]") {
  RateLimiter limiter(1, 100, /*max_clients=*/20);
  for (int i = 0; i < 20; ++i) {
    CHECK(Allowed(limiter, "client-" + std::to_string(i), i, 100) == 100);
  }
  for (int i = 0; i < 200; ++i) limiter.Take("flood-" + std::to_string(i), 30);
  CHECK(limiter.tracked_clients() <= 20);
  // The newest address keeps its bucket (one token taken) ...
  CHECK(Allowed(limiter, "flood-199", 30, 200) == 99);
  // ... while the first twenty, seen before the flood, were forgotten: client-19 (seen last of
  // them, and eleven tokens short of full) starts again with a full bucket.
  CHECK(Allowed(limiter, "client-19", 30, 200) == 100);
}

TEST_CASE("rate limit: concurrent requests never take more than the bucket holds", "[ratelimit]") {
  RateLimiter limiter(1, 50);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (limiter.Take("shared", 7).allowed) allowed.fetch_add(1);
        limiter.Take("own-" + std::to_string(i % 7), 7);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(allowed.load() == 50);
  CHECK(limiter.tracked_clients() == 8);
}

}  // namespace
}  // namespace uitdaag::testing
