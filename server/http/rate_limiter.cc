#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace uitdaag::http {

void TokenBucket::Refill(int64_t now, int per_second, int burst) {
  if (now > updated) {
    tokens = std::min<double>(burst, tokens + static_cast<double>(now - updated) * per_second);
  }
  // A clock that stepped back earns nothing, and counts on from where it is now (so a client is
  // never locked out until the clock has caught up again).
  updated = now;
}

RateLimiter::RateLimiter(int per_second, int burst, size_t max_clients)
    : per_second_(std::max(per_second, 0)),
      burst_(std::max(burst, 1)),
      max_clients_(std::max<size_t>(max_clients, 1)) {}

RateLimiter::Decision RateLimiter::Take(const std::string& client, int64_t now) {
  if (!enabled()) return {};
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) MakeRoom(now);
    it = buckets_.emplace(client, TokenBucket{static_cast<double>(burst_), now}).first;
  }
  TokenBucket& bucket = it->second;
  bucket.Refill(now, per_second_, burst_);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return {};
  }
  const double missing = 1 - bucket.tokens;
  const auto wait = static_cast<int64_t>(std::ceil(missing / per_second_));
  return {false, std::max<int64_t>(wait, 1)};
}

size_t RateLimiter::tracked_clients() const {
  std::lock_guard<std::mutex> lock(mu_);
  return buckets_.size();
}

void RateLimiter::MakeRoom(int64_t now) {
  // Full buckets first: those clients are as good as new.
  // (Computed without Refill, which would mark every client as seen now.)
  std::erase_if(buckets_, [&](const auto& entry) {
    const TokenBucket& b = entry.second;
    const int64_t idle = std::max<int64_t>(now - b.updated, 0);
    return b.tokens + static_cast<double>(idle) * per_second_ >= burst_;
  });
  if (buckets_.size() < max_clients_) return;
  // Every client is still short of tokens: forget the tenth seen longest ago in one pass, so
  // this scan is paid once per max_clients / 10 new addresses, not for every one.
  // A bucket's `updated` is when its client was last seen (only Take refills).
  std::vector<std::pair<int64_t, const std::string*>> by_age;
  by_age.reserve(buckets_.size());
  for (const auto& [client, bucket] : buckets_) by_age.emplace_back(bucket.updated, &client);
  const size_t drop = std::max<size_t>(buckets_.size() / 10, 1);
  std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(drop - 1),
                   by_age.end());
  std::vector<std::string> forget;
  forget.reserve(drop);
  for (size_t i = 0; i < drop; ++i) forget.push_back(*by_age[i].second);
  for (const std::string& client : forget) buckets_.erase(client);
}

}  // namespace uitdaag::http
