#include "uitdaag/effect.h"

namespace uitdaag {

const char* Effect::KindName(Kind kind) {
  switch (kind) {
    case Kind::kRenderLetter: return "render_letter";
    case Kind::kDeadlineStarted: return "deadline_started";
    case Kind::kDeadlineStopped: return "deadline_stopped";
    case Kind::kDeadlineSuspended: return "deadline_suspended";
    case Kind::kDeadlineResumed: return "deadline_resumed";
    case Kind::kDeadlineExtended: return "deadline_extended";
    case Kind::kDeadlineExpired: return "deadline_expired";
    case Kind::kDeadlineWarning: return "deadline_warning";
    case Kind::kNoticeOfDefault: return "notice_of_default";
    case Kind::kNotify: return "notify";
    case Kind::kAssign: return "assign";
  }
  return "unknown";
}

std::string Effect::ToString() const {
  std::string out = KindName(kind);
  out += ' ';
  out += name;
  if (date) out += " " + date->ToIsoString();
  if (target) out += " (target " + target->ToIsoString() + ")";
  if (!detail.empty()) out += " [" + detail + "]";
  return out;
}

}  // namespace uitdaag
