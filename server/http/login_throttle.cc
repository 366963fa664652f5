#include "http/login_throttle.h"

#include <algorithm>
#include <cstddef>

namespace uitdaag::http {
namespace {

std::string UserKey(const std::string& user) {
  return "user:" + user;
}
std::string AddressKey(const std::string& address) {
  return "address:" + address;
}
// An address has no space, so the first space ends it.
std::string PairKey(const std::string& user, const std::string& address) {
  return "pair:" + address + " " + user;
}

// Failures of a user name worth keeping: the free ones and those it takes to reach kMaxDelay.
constexpr size_t UserFailuresKept() {
  size_t kept = LoginThrottle::kFreeUserFailures + 1;
  for (auto d = LoginThrottle::kFirstDelay; d < LoginThrottle::kMaxDelay; d *= 2) ++kept;
  return kept;
}

}  // namespace

std::chrono::milliseconds LoginThrottle::DelayAfter(int user_failures) {
  if (user_failures <= kFreeUserFailures) return std::chrono::milliseconds(0);
  std::chrono::milliseconds delay = kFirstDelay;
  for (int n = kFreeUserFailures + 1; n < user_failures && delay < kMaxDelay; ++n) delay *= 2;
  return std::min(delay, kMaxDelay);
}

int64_t LoginThrottle::SecondsRefused(const std::string& user, const std::string& address,
                                      int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  return std::max(SecondsOver(PairKey(user, address), kMaxPairFailures, now),
                  SecondsOver(AddressKey(address), kMaxAddressFailures, now));
}

std::chrono::milliseconds LoginThrottle::Failed(const std::string& user, const std::string& address,
                                                int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  Record(PairKey(user, address), now, kMaxPairFailures);
  Record(AddressKey(address), now, kMaxAddressFailures);
  Record(UserKey(user), now, UserFailuresKept());
  return DelayAfter(static_cast<int>(failures_[UserKey(user)].size()));
}

int LoginThrottle::UserFailures(const std::string& user, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(UserKey(user));
  if (it == failures_.end()) return 0;
  const int count = static_cast<int>(Prune(it->first, now).size());
  if (count == 0) failures_.erase(it);
  return count;
}

void LoginThrottle::Succeeded(const std::string& user, const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  failures_.erase(PairKey(user, address));
}

bool LoginThrottle::TryStartWait() {
  int now_waiting = waiting_.load();
  while (now_waiting < kMaxWaiting) {
    if (waiting_.compare_exchange_weak(now_waiting, now_waiting + 1)) return true;
  }
  return false;
}

void LoginThrottle::EndWait() {
  waiting_.fetch_sub(1);
}

size_t LoginThrottle::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_.size();
}

std::vector<int64_t>& LoginThrottle::Prune(const std::string& key, int64_t now) {
  std::vector<int64_t>& times = failures_[key];
  std::erase_if(times, [now](int64_t t) { return t <= now - kWindowSeconds; });
  return times;
}

void LoginThrottle::Record(const std::string& key, int64_t now, size_t keep) {
  if (failures_.size() >= kMaxKeys && failures_.count(key) == 0) MakeRoom(now);
  std::vector<int64_t>& times = Prune(key, now);
  times.push_back(now);
  // Concurrent attempts may all have passed SecondsRefused: the newest `keep` say enough.
  if (times.size() > keep)
    times.erase(times.begin(), times.end() - static_cast<std::ptrdiff_t>(keep));
}

void LoginThrottle::MakeRoom(int64_t now) {
  std::erase_if(failures_, [now](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= now - kWindowSeconds;
  });
  if (failures_.size() < kMaxKeys) return;
  auto oldest = failures_.begin();
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if (it->second.back() < oldest->second.back()) oldest = it;
  }
  failures_.erase(oldest);
}

int64_t LoginThrottle::SecondsOver(const std::string& key, int limit, int64_t now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  const std::vector<int64_t>& times = Prune(it->first, now);
  if (times.empty()) {
    failures_.erase(it);  // keep only keys with recent failures
    return 0;
  }
  if (static_cast<int>(times.size()) < limit) return 0;
  // Allowed again once all but limit - 1 of the failures have left the window.
  const int64_t leaves = times[times.size() - static_cast<size_t>(limit)] + kWindowSeconds;
  return std::max<int64_t>(leaves - now, 1);
}

}  // namespace uitdaag::http
