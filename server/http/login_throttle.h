// LoginThrottle: when a password check (a login, or the current password of a password change)
// is refused and when its answer is slowed down, so that guessing is throttled while nobody can
// lock another person out of their account.
//
// Failures are counted within a sliding window of kWindowSeconds, under three kinds of key:
//   - a user name from one client address: after kMaxPairFailures that pair is refused (429):
//     the guesser at that address, not the user at any other;
//   - a client address, whatever the user names: after kMaxAddressFailures it is refused;
//   - a user name, from any address: never refused (anyone could then lock any account, the
//     administrators' too). Instead the answer to a *wrong* password waits DelayAfter(failures
//     of the name): nothing for the first kFreeUserFailures, then kFirstDelay, doubling per
//     failure, at most kMaxDelay. A right password is never delayed, so the user logs in at once
//     from any address that has not failed.
// A success forgets the failures of its pair only: logging in to one's own account must not wash
// an address clean, nor a user name that others are guessing.
//
// Memory: at most kMaxKeys keys, each with at most its limit of times; when full, keys whose
// failures have all left the window go first, then the key whose last failure is oldest, so
// names sprayed by an attacker cannot grow the memory without bound. In memory only: a restart
// forgets, which is acceptable for a throttle (the passwords themselves are Argon2id).
// Waiting: at most kMaxWaiting answers wait at once (TryStartWait/EndWait); beyond that a wrong
// password is answered without waiting, so sleeping request threads cannot be used to exhaust
// the server (a client that aborts a slow answer learns only what the 401 would say).
//
// Thread safety: all methods may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace uitdaag::http {

class LoginThrottle {
 public:
  static constexpr int kMaxPairFailures = 5;
  static constexpr int kMaxAddressFailures = 20;
  static constexpr int kFreeUserFailures = 5;
  static constexpr std::chrono::milliseconds kFirstDelay{250};
  static constexpr std::chrono::milliseconds kMaxDelay{2000};
  static constexpr int64_t kWindowSeconds = 15 * 60;
  static constexpr size_t kMaxKeys = 10000;
  static constexpr int kMaxWaiting = 4;  // half the default 8 request threads

  // 0 when a password may be checked for `user` from `address` at `now` (unix seconds); else the
  // seconds until the pair and the address are both below their limits again (for Retry-After).
  int64_t SecondsRefused(const std::string& user, const std::string& address, int64_t now);

  // Records a wrong password for `user` from `address`; returns how long its answer should wait
  // (DelayAfter of the user name's failures in the window, this one included).
  std::chrono::milliseconds Failed(const std::string& user, const std::string& address,
                                   int64_t now);
  // The user name's failures within the window at `now`, as Failed counts them (at most
  // kFreeUserFailures plus the failures it takes to reach kMaxDelay).
  int UserFailures(const std::string& user, int64_t now);

  // A right password: forgets the failures of this pair.
  void Succeeded(const std::string& user, const std::string& address);

  // 0 for at most kFreeUserFailures failures, then kFirstDelay doubling up to kMaxDelay.
  static std::chrono::milliseconds DelayAfter(int user_failures);

  // A place among the kMaxWaiting answers that may wait at once; false when all are taken.
  // REQUIRES: EndWait() once after every TryStartWait() that returned true.
  bool TryStartWait();
  void EndWait();

  size_t size();  // keys kept

 private:
  std::vector<int64_t>& Prune(const std::string& key, int64_t now);  // REQUIRES: mu_ held
  void Record(const std::string& key, int64_t now, size_t keep);     // REQUIRES: mu_ held
  void MakeRoom(int64_t now);                                        // REQUIRES: mu_ held
  // Seconds until `key` has fewer than `limit` failures in the window; 0 when it has already.
  int64_t SecondsOver(const std::string& key, int limit, int64_t now);  // REQUIRES: mu_ held

  std::mutex mu_;
  std::map<std::string, std::vector<int64_t>> failures_;  // guarded by mu_; times ascending
  std::atomic<int> waiting_{0};
};

}  // namespace uitdaag::http
