// Effect: what a step asks the world to do, as a value. The pure engine never performs effects;
// the runtime stores them (in the same transaction as the new snapshot) and then carries them out.
//
// Thread safety: value type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/duration.h"

namespace uitdaag {

struct Effect {
  enum class Kind {
    kRenderLetter,     // name: template id
    kDeadlineStarted,  // name: deadline id; date: legal end; target: service-level date
    kDeadlineStopped,  // name: deadline id; date: day it stopped
    kDeadlineSuspended,  // name: deadline id; date: suspension start (the event date); detail: reason
    kDeadlineResumed,    // name: deadline id; date: new legal end
    kDeadlineExtended,   // name: deadline id; date: new legal end; detail: duration text
    kDeadlineExpired,    // name: deadline id; date: the legal end that passed
    kDeadlineWarning,    // name: deadline id; date: the legal end that is near
    kNoticeOfDefault,    // name: deadline id; date: the notice date
    kNotify,             // name: role id; detail: event id that caused it
    kAssign,             // name: role id
  };
  Kind kind;
  std::string name;
  std::optional<Date> date;
  std::optional<Date> target;
  std::string detail;

  // "render_letter", "deadline_started", ...
  static const char* KindName(Kind kind);
  // "deadline_started beslistermijn 2025-12-29 (target 2025-12-15)".
  std::string ToString() const;
  bool operator==(const Effect&) const = default;
};

}  // namespace uitdaag
