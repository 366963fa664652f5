#include "uitdaag/case.h"

namespace uitdaag {

const char* DeadlineStatusName(DeadlineStatus status) {
  switch (status) {
    case DeadlineStatus::kRunning: return "running";
    case DeadlineStatus::kSuspended: return "suspended";
    case DeadlineStatus::kStopped: return "stopped";
    case DeadlineStatus::kExpired: return "expired";
  }
  return "unknown";
}

}  // namespace uitdaag
