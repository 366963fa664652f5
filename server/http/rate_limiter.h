// RateLimiter: how many requests one client address may make. Each address has a token bucket
// that holds at most `burst` tokens and gains `per_second` tokens a second; a request takes one
// token, and a request that finds none is refused with the whole seconds until the next token
// (the router answers 429 with Retry-After). A client may therefore make `burst` requests at once
// and then keeps to `per_second`. `per_second` 0 turns the limit off.
//
// Memory is bounded: at most `max_clients` addresses are tracked. When a new address needs room,
// the addresses whose bucket has filled up again are forgotten first (such a client is no
// different from a new one, so nothing is lost); when every tracked client is still short of
// tokens, the tenth seen longest ago is forgotten. A forgotten client starts again with a full
// bucket: under such pressure the limit gets weaker for some clients, never stricter for anyone.
//
// Time is passed in as unix seconds (the router uses the service clock, so tests control it); a
// clock that steps back adds no tokens, and refilling goes on from the new reading.
//
// This is not the login throttle (login_throttle.h): that one counts failed logins per user name
// and address in a sliding window, this one meters every request; they share no state.
//
// Thread safety: all methods may be called from any thread (one mutex, held for a lookup).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace uitdaag::http {

// One bucket: `tokens` as of `updated` (unix seconds). Not synchronised; the owner locks.
struct TokenBucket {
  double tokens = 0;
  int64_t updated = 0;

  // Adds what `per_second` earned between `updated` and `now`, up to `burst`.
  void Refill(int64_t now, int per_second, int burst);
};

class RateLimiter {
 public:
  static constexpr size_t kDefaultMaxClients = 10000;

  // REQUIRES: per_second >= 0; burst >= 1 when per_second > 0; max_clients >= 1.
  RateLimiter(int per_second, int burst, size_t max_clients = kDefaultMaxClients);

  struct Decision {
    bool allowed = true;
    int64_t retry_after_seconds = 0;  // when refused: >= 1
  };
  // Takes a token of `client` (an address) at `now`, or says how long until the next one.
  Decision Take(const std::string& client, int64_t now);

  bool enabled() const { return per_second_ > 0; }
  size_t tracked_clients() const;  // how many addresses are remembered now

 private:
  void MakeRoom(int64_t now);  // REQUIRES: mu_ held

  // Constant after construction.
  const int per_second_;
  const int burst_;
  const size_t max_clients_;

  mutable std::mutex mu_;
  std::unordered_map<std::string, TokenBucket> buckets_;  // guarded by mu_
};

}  // namespace uitdaag::http
