// Metrics: what `GET /metrics` reports, in the Prometheus text exposition format (version
// 0.0.4). Counted here, in memory since the start:
//   - requests per route (method and path pattern, never the raw path, so the label set is
//     bounded by routes.cc) and status class, and their latency as a histogram per route;
//     requests that no route answered (404, 405, a malformed URI, refused by the rate limit)
//     are one series, route="unmatched";
//   - every 429 answer (the request rate limit and the login throttle);
//   - the worker's sweeps and the letters it delivered;
//   - connections open, refused at accept and closed for a missed deadline;
//   - the login throttle (password_check.h): wrong passwords, attempts it refused and wrong
//     passwords whose answer it delayed, by what the password was for;
//   - the uptime (monotonic clock).
// The database counts (cases per workflow and state, outbox items pending and failed) and the
// rate limiter's tracked clients are read at each scrape and handed to Exposition().
//
// Thread safety: recording is lock-free (relaxed atomics: a scrape may see one request's counter
// before its histogram bucket, never a torn value). Route() registers under a mutex and returns
// a series whose address stays valid for the life of the Metrics; Exposition() takes that mutex
// only to walk the list of series.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "uitdaag/store.h"

namespace uitdaag::http {

// What a throttled password check was for (password_check.h); the label of the login metrics.
enum class PasswordPurpose { kLogin, kPasswordChange };

// The requests of one route.
class RouteSeries {
 public:
  // Upper bounds of the latency buckets, in seconds (plus +Inf).
  static constexpr std::array<double, 12> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1,    2.5,   10};

  RouteSeries(std::string method, std::string route)
      : method_(std::move(method)), route_(std::move(route)) {}
  void Record(int status, std::chrono::nanoseconds took);
  const std::string& route() const { return route_; }

 private:
  friend class Metrics;
  // Constant after construction.
  const std::string method_;
  const std::string route_;
  // Atomic: any request thread adds, the scrape reads.
  std::array<std::atomic<uint64_t>, 5> by_class_{};                  // 1xx .. 5xx
  std::array<std::atomic<uint64_t>, kBounds.size() + 1> buckets_{};  // per bucket, not cumulative
  std::atomic<uint64_t> sum_nanoseconds_{0};
};

class Metrics {
 public:
  Metrics();  // the uptime counts from here

  // The series of a route; the same one for the same method and pattern (a second router on the
  // same state shares it).
  RouteSeries* Route(const std::string& method, const std::string& pattern);
  RouteSeries* Unmatched() { return &unmatched_; }

  // One answered request: its series (Route or Unmatched), HTTP status and duration.
  void Record(RouteSeries& series, int status, std::chrono::nanoseconds took);

  // The background worker: one sweep run, and letters delivered by one outbox run.
  void SweepRan() { sweeps_.fetch_add(1, std::memory_order_relaxed); }
  void LettersDelivered(int count) {
    if (count > 0) letters_.fetch_add(static_cast<uint64_t>(count), std::memory_order_relaxed);
  }

  // The login throttle: a wrong password, an attempt refused before its password was checked,
  // a wrong password's answer that waited.
  void LoginFailed(PasswordPurpose purpose) { Add(login_failures_, purpose); }
  void LoginRefused(PasswordPurpose purpose) { Add(login_refusals_, purpose); }
  void LoginDelayed(PasswordPurpose purpose) { Add(login_delays_, purpose); }

  // The front door (connection_guard.h): a connection refused at accept (over the cap of its
  // address, or over the service's), one closed because it missed a deadline, and how many are
  // open now.
  enum class Refusal { kPerAddress, kOverloaded };
  void ConnectionRefused(Refusal why) {
    (why == Refusal::kPerAddress ? refused_per_address_ : refused_overloaded_)
        .fetch_add(1, std::memory_order_relaxed);
  }
  void ConnectionTimedOut() { timed_out_.fetch_add(1, std::memory_order_relaxed); }
  void OpenConnections(int64_t open) { open_connections_.store(open, std::memory_order_relaxed); }

  // Everything in the text exposition format, with the database's counts and the number of
  // client addresses the rate limiter tracks.
  std::string Exposition(const StoreGauges& store, size_t rate_limited_clients) const;

 private:
  // Constant after construction.
  const std::chrono::steady_clock::time_point started_;

  mutable std::mutex mu_;
  std::vector<std::unique_ptr<RouteSeries>> routes_;  // guarded by mu_ (the list, not the series)
  RouteSeries unmatched_{"any", "unmatched"};
  std::atomic<uint64_t> responses_429_{0};
  std::atomic<uint64_t> sweeps_{0};
  std::atomic<uint64_t> letters_{0};
  std::atomic<uint64_t> refused_per_address_{0};
  std::atomic<uint64_t> refused_overloaded_{0};
  std::atomic<uint64_t> timed_out_{0};
  std::atomic<int64_t> open_connections_{0};
  using PerPurpose = std::array<std::atomic<uint64_t>, 2>;  // indexed by PasswordPurpose
  PerPurpose login_failures_{};
  PerPurpose login_refusals_{};
  PerPurpose login_delays_{};
  static void Add(PerPurpose& counters, PasswordPurpose purpose) {
    counters[static_cast<size_t>(purpose)].fetch_add(1, std::memory_order_relaxed);
  }
};

}  // namespace uitdaag::http
