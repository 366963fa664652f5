// LoginThrottle: at most kMaxFailures failed logins per user name and per client address within
// kWindowSeconds; further attempts are refused (429) until the window has passed. In memory: a
// restart forgets, which is acceptable for a throttle (the passwords themselves are Argon2id).
//
// Thread safety: all methods may be called from any thread.
#pragma once

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
    Prune(key, now).push_back(now);
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
  std::mutex mu_;
  std::map<std::string, std::vector<int64_t>> failures_;  // guarded by mu_
};

}  // namespace uitdaag::http
