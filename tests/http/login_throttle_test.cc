// LoginThrottle (server/http/login_throttle.h): failed logins per key within a window, and a
// bounded number of keys.
#include "http/login_throttle.h"

#include <catch2/catch.hpp>
#include <string>

namespace uitdaag::http {
namespace {

TEST_CASE("login throttle: five failures in the window refuse the sixth attempt",
          "[http][throttle]") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxFailures; ++i) {
    REQUIRE(t.Allowed("user:a", 1000 + i));
    t.Failed("user:a", 1000 + i);
  }
  CHECK_FALSE(t.Allowed("user:a", 1010));
  CHECK(t.Allowed("user:b", 1010));
  // The first failure leaves the window at 1000 + kWindowSeconds: one attempt is allowed again.
  CHECK_FALSE(t.Allowed("user:a", 1000 + LoginThrottle::kWindowSeconds - 1));
  CHECK(t.Allowed("user:a", 1000 + LoginThrottle::kWindowSeconds));
  t.Succeeded("user:a");
  CHECK(t.size() == 0);
}

TEST_CASE("login throttle: sprayed names cannot grow it past kMaxKeys", "[http][throttle]") {
  LoginThrottle t;
  // Every sprayed name blocked; spray0's failures are one second older than the rest.
  for (size_t i = 0; i < LoginThrottle::kMaxKeys; ++i) {
    for (int n = 0; n < LoginThrottle::kMaxFailures; ++n) {
      t.Failed("user:spray" + std::to_string(i), i == 0 ? 9999 : 10000);
    }
  }
  CHECK(t.size() == LoginThrottle::kMaxKeys);
  // Full, nothing expired: the key with the oldest last failure (spray0) makes room.
  for (int n = 0; n < LoginThrottle::kMaxFailures; ++n) t.Failed("user:victim", 10001);
  CHECK(t.size() == LoginThrottle::kMaxKeys);
  CHECK_FALSE(t.Allowed("user:victim", 10001));
  CHECK(t.Allowed("user:spray0", 10001));
  CHECK_FALSE(t.Allowed("user:spray1", 10001));
  // Once the sprays have left the window, the next new key clears them all at once.
  const int64_t later = 10000 + LoginThrottle::kWindowSeconds;
  t.Failed("user:new", later);
  CHECK(t.size() == 2);  // the victim (its failures are still in the window) and the new key
  CHECK_FALSE(t.Allowed("user:victim", later));
}

}  // namespace
}  // namespace uitdaag::http
