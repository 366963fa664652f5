// The only place in the project that reads the wall clock (see clock.h).
#include <chrono>

#include "uitdaag/clock.h"

namespace uitdaag {
namespace {

class WallClock final : public Clock {
 public:
  Instant Now() const override {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return Instant::FromUnixSeconds(
        std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
  }
};

}  // namespace

const Clock* SystemClock() {
  static const WallClock clock;
  return &clock;
}

}  // namespace uitdaag
