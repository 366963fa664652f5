// LoginThrottle: at most kMaxFailures failed logins per user name and per client address within
// kWindowSeconds; further attempts are refused (429) until the window has passed. In memory: a
// restart forgets, which is acceptable for a throttle (the passwords themselves are Argon2id).
// At most kMaxKeys keys are kept (each with at most kMaxFailures times): when full, keys whose
// failures have all left the window go first, then the key whose last failure is oldest, so
// names sprayed by an attacker cannot grow the memory without bound.
//
// Thread safety: all methods may be called from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace uitdaag::http {

class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int64_t kWindowSeconds = 15 * 60;
  static constexpr size_t kMaxKeys = 10000;

  // Whether another attempt for this key is allowed at `now` (unix seconds).
  bool Allowed(const std::string& key, int64_t now) {
    std::lock_guard<std::mutex> lock(mu_);
    const auto& times = Prune(key, now);
    const bool allowed = static_cast<int>(times.size()) < kMaxFailures;
    if (times.empty()) failures_.erase(key);  // keep only keys with recent failures
    return allowed;
  }
  void Failed(const std::string& key, int64_t now) {
    std::lock_guard<std::mutex> lock(mu_);
    if (failures_.size() >= kMaxKeys && failures_.count(key) == 0) MakeRoom(now);
    Prune(key, now).push_back(now);
  }
  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_.size();
  }
  void Succeeded(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    failures_.erase(key);
  }

 private:
  std::vector<int64_t>& Prune(const std::string& key, int64_t now) {
    std::vector<int64_t>& times = failures_[key];
    std::erase_if(times, [now](int64_t t) { return t <= now - kWindowSeconds; });
    return times;
  }
  // Called with mu_ held when the map is full.
  void MakeRoom(int64_t now) {
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
  std::mutex mu_;
  std::map<std::string, std::vector<int64_t>> failures_;  // guarded by mu_
};

}  // namespace uitdaag::http
