// LoginThrottle (server/http/login_throttle.h): failures refuse a user name from one address and
// an address, never a user name everywhere; a user name failing often only slows the answers to
// wrong passwords; a bounded number of keys and of waiting answers.
#include "http/login_throttle.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace uitdaag::http {
namespace {

using std::chrono::milliseconds;

TEST_CASE("login throttle: five failures of a pair refuse that pair, not the user elsewhere",
          "[http][throttle]") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxPairFailures; ++i) {
    REQUIRE(t.SecondsRefused("admin", "10.0.0.1", 1000 + i) == 0);
    t.Failed("admin", "10.0.0.1", 1000 + i);
  }
  // Refused until the first failure (at 1000) leaves the window.
  CHECK(t.SecondsRefused("admin", "10.0.0.1", 1010) == LoginThrottle::kWindowSeconds - 10);
  CHECK(t.SecondsRefused("admin", "10.0.0.2", 1010) == 0);       // the user from another address
  CHECK(t.SecondsRefused("teamleider", "10.0.0.1", 1010) == 0);  // the address for another user
  CHECK(t.SecondsRefused("admin", "10.0.0.1", 1000 + LoginThrottle::kWindowSeconds - 1) == 1);
  CHECK(t.SecondsRefused("admin", "10.0.0.1", 1000 + LoginThrottle::kWindowSeconds) == 0);
}

TEST_CASE("login throttle: an address failing for many user names is refused for all of them",
          "[http][throttle]") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxAddressFailures; ++i) {
    const std::string user = "user" + std::to_string(i % 7);
    REQUIRE(t.SecondsRefused(user, "10.0.0.9", 2000) == 0);
    t.Failed(user, "10.0.0.9", 2000);
  }
  CHECK(t.SecondsRefused("someone-new", "10.0.0.9", 2001) == LoginThrottle::kWindowSeconds - 1);
  CHECK(t.SecondsRefused("someone-new", "10.0.0.8", 2001) == 0);
  CHECK(t.SecondsRefused("user1", "10.0.0.8", 2001) == 0);
}

TEST_CASE("login throttle: a success forgets its pair only", "[http][throttle]") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxPairFailures - 1; ++i) t.Failed("admin", "10.0.0.1", 10);
  for (int i = 0; i < 3; ++i) t.Failed("admin", "10.0.0.3", 10);
  t.Succeeded("admin", "10.0.0.1");
  // The name's failures still count (others may be guessing it) ...
  CHECK(t.UserFailures("admin", 12) == LoginThrottle::kMaxPairFailures - 1 + 3);
  // ... but one more failure from .1 does not refuse the pair: its earlier four are forgotten.
  t.Failed("admin", "10.0.0.1", 11);
  CHECK(t.SecondsRefused("admin", "10.0.0.1", 12) == 0);
  t.Failed("admin", "10.0.0.3", 11);
  t.Failed("admin", "10.0.0.3", 11);
  CHECK(t.SecondsRefused("admin", "10.0.0.3", 12) > 0);
}

TEST_CASE("login throttle: the delay for a user name grows with its failures, up to the cap",
          "[http][throttle]") {
  CHECK(LoginThrottle::DelayAfter(0) == milliseconds(0));
  CHECK(LoginThrottle::DelayAfter(LoginThrottle::kFreeUserFailures) == milliseconds(0));
  CHECK(LoginThrottle::DelayAfter(LoginThrottle::kFreeUserFailures + 1) == milliseconds(250));
  CHECK(LoginThrottle::DelayAfter(LoginThrottle::kFreeUserFailures + 2) == milliseconds(500));
  CHECK(LoginThrottle::DelayAfter(LoginThrottle::kFreeUserFailures + 3) == milliseconds(1000));
  CHECK(LoginThrottle::DelayAfter(LoginThrottle::kFreeUserFailures + 4) == milliseconds(2000));
  CHECK(LoginThrottle::DelayAfter(1000000) == LoginThrottle::kMaxDelay);

  // Failed answers with the delay for the name's failures from every address together.
  LoginThrottle t;
  std::vector<milliseconds> delays;
  for (int i = 0; i < 40; ++i) {
    const std::string address = "10.0.1." + std::to_string(i / LoginThrottle::kMaxPairFailures);
    REQUIRE(t.SecondsRefused("admin", address, 500) == 0);
    delays.push_back(t.Failed("admin", address, 500));
  }
  for (size_t i = 0; i < delays.size(); ++i) {
    CHECK(delays[i] == LoginThrottle::DelayAfter(static_cast<int>(i) + 1));
  }
  CHECK(delays.back() == LoginThrottle::kMaxDelay);
  // The count kept stops where the cap is reached, and leaves with the window.
  CHECK(t.UserFailures("admin", 500) == LoginThrottle::kFreeUserFailures + 4);
  CHECK(t.UserFailures("admin", 500 + LoginThrottle::kWindowSeconds) == 0);
  CHECK(t.Failed("admin", "10.0.2.1", 500 + LoginThrottle::kWindowSeconds) == milliseconds(0));
}

TEST_CASE("login throttle: at most kMaxWaiting answers wait at once", "[http][throttle]") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxWaiting; ++i) REQUIRE(t.TryStartWait());
  CHECK_FALSE(t.TryStartWait());
  t.EndWait();
  CHECK(t.TryStartWait());
  CHECK_FALSE(t.TryStartWait());
}

TEST_CASE("login throttle: sprayed names cannot grow it past kMaxKeys", "[http][throttle]") {
  LoginThrottle t;
  // Each failure keeps three keys (pair, address, name); the spray comes from one address.
  // spray0's failure is one second older than the rest.
  const size_t names = (LoginThrottle::kMaxKeys - 1) / 2;
  for (size_t i = 0; i < names; ++i) {
    t.Failed("spray" + std::to_string(i), "10.0.0.66", i == 0 ? 9999 : 10000);
  }
  CHECK(t.size() == 2 * names + 1);
  for (int n = 0; n < 3; ++n) t.Failed("victim", "10.0.0.5", 10001);
  CHECK(t.size() == LoginThrottle::kMaxKeys);
  // Full, nothing expired: the keys with the oldest last failure (spray0's) made room.
  CHECK(t.UserFailures("victim", 10001) == 3);
  CHECK(t.UserFailures("spray0", 10001) == 0);
  CHECK(t.UserFailures("spray1", 10001) == 1);
  CHECK(t.SecondsRefused("anyone", "10.0.0.66", 10001) > 0);  // the spraying address is refused
  // Once the sprays have left the window, the next new key clears them all at once.
  const int64_t later = 10000 + LoginThrottle::kWindowSeconds;
  t.Failed("new", "10.0.0.7", later);
  CHECK(t.size() == 6);  // the victim's three keys (still in the window) and the new three
  CHECK(t.UserFailures("victim", later) == 3);
}

}  // namespace
}  // namespace uitdaag::http
