// Timer events: which deadlines have fallen due, and Step() for a fired timer.
//
// A deadline's expiry falls due at the start (00:00, Dutch time) of the day after its legal end;
// its warning at the start of the warning day. Only running deadlines have timers: a suspended
// one has no known end. A fired timer is remembered on the track (expiry_fired, warning_fired)
// together with the round it belongs to, so firing twice, or firing a previous round's timer,
// is rejected and changes nothing.
#include <algorithm>

#include "engine_internal.h"
#include "uitdaag/engine.h"

namespace uitdaag {
namespace {

std::vector<DueTimer> TimersOf(const WorkflowDefinition& def, const DeadlineTrack& track,
                               Date as_of) {
  std::vector<DueTimer> timers;
  if (track.status != DeadlineStatus::kRunning) return timers;
  const DeadlineComputation dates = ComputeTrack(def, track, as_of);
  const Date expiry_day = dates.legal_end.AddDays(1);
  if (!track.expiry_fired) {
    DueTimer expiry;
    expiry.ref = TimerRef{TimerRef::Kind::kExpiry, track.id, track.round};
    expiry.due_date = expiry_day;
    expiry.due = Instant::StartOfLocalDay(expiry_day);
    expiry.event = def.FindDeadline(track.id)->on_expire;
    timers.push_back(std::move(expiry));
  }
  // A warning that would come on or after the expiry is pointless: the expiry says more.
  if (!track.warning_fired && dates.warn_on && *dates.warn_on < expiry_day) {
    DueTimer warning;
    warning.ref = TimerRef{TimerRef::Kind::kWarning, track.id, track.round};
    warning.due_date = *dates.warn_on;
    warning.due = Instant::StartOfLocalDay(*dates.warn_on);
    timers.push_back(std::move(warning));
  }
  return timers;
}

bool TimerOrder(const DueTimer& a, const DueTimer& b) {
  if (a.due != b.due) return a.due < b.due;
  if (a.ref.kind != b.ref.kind) return a.ref.kind == TimerRef::Kind::kExpiry;
  return a.ref.deadline < b.ref.deadline;
}

std::vector<DueTimer> AllTimers(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                Date as_of) {
  std::vector<DueTimer> timers;
  for (const auto& [id, track] : snapshot.deadlines) {
    std::vector<DueTimer> own = TimersOf(def, track, as_of);
    timers.insert(timers.end(), own.begin(), own.end());
  }
  std::sort(timers.begin(), timers.end(), TimerOrder);
  return timers;
}

}  // namespace

Event DueTimer::ToEvent() const {
  Event fired;
  fired.id = event;
  fired.actor = "timer";
  fired.at = due;
  fired.timer = ref;
  return fired;
}

std::vector<DueTimer> DueTimers(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                Instant now) {
  std::vector<DueTimer> due = AllTimers(def, snapshot, now.LocalDate());
  due.erase(std::remove_if(due.begin(), due.end(), [&](const DueTimer& t) { return t.due > now; }),
            due.end());
  return due;
}

std::vector<DueTimer> PendingTimers(const WorkflowDefinition& def, const CaseSnapshot& snapshot) {
  // A running track's dates do not depend on the day they are looked at (only an open
  // suspension does, and a suspended track has no timer), so any day will do.
  return AllTimers(def, snapshot, snapshot.updated_at.LocalDate());
}

std::optional<DueTimer> NextTimer(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                  Instant now) {
  for (DueTimer& timer : AllTimers(def, snapshot, now.LocalDate())) {
    if (timer.due > now) return std::move(timer);
  }
  return std::nullopt;
}

StatusOr<StepResult> StepTimer(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                               const Event& event) {
  const TimerRef& ref = *event.timer;
  auto it = snapshot.deadlines.find(ref.deadline);
  if (it == snapshot.deadlines.end() || it->second.round != ref.round ||
      it->second.status != DeadlineStatus::kRunning) {
    return Status::FailedPrecondition("timer for deadline '" + ref.deadline + "' round " +
                                          std::to_string(ref.round) + " is stale: the deadline "
                                          "is not running in that round",
                                      ref.deadline);
  }
  const DeadlineTrack& track = it->second;
  const bool expiry = ref.kind == TimerRef::Kind::kExpiry;
  if (expiry ? track.expiry_fired : track.warning_fired) {
    return Status::FailedPrecondition("timer for deadline '" + ref.deadline + "' already fired",
                                      ref.deadline);
  }
  const Date today = event.at.LocalDate();
  const DeadlineComputation dates = ComputeTrack(def, track, today);
  const Date due_day = expiry ? dates.legal_end.AddDays(1) : dates.warn_on.value_or(today);
  if (today < due_day) {
    return Status::FailedPrecondition("timer for deadline '" + ref.deadline + "' is not due before " +
                                          due_day.ToIsoString(),
                                      ref.deadline);
  }

  StepResult result;
  result.snapshot = snapshot;
  result.from_state = snapshot.state;
  DeadlineTrack& next_track = result.snapshot.deadlines[ref.deadline];
  if (!expiry) {
    next_track.warning_fired = true;
    result.effects.push_back(Effect{Effect::Kind::kDeadlineWarning, ref.deadline, dates.legal_end,
                                    std::nullopt, {}});
  } else {
    next_track.expiry_fired = true;
    next_track.status = DeadlineStatus::kExpired;
    result.effects.push_back(Effect{Effect::Kind::kDeadlineExpired, ref.deadline, dates.legal_end,
                                    std::nullopt, {}});
    // The expiry event moves the case only where the current state has a transition for it
    // whose guard holds; otherwise the deadline is simply recorded as passed.
    const std::string& event_id = def.FindDeadline(ref.deadline)->on_expire;
    const std::vector<const TransitionDef*> candidates =
        event_id.empty() ? std::vector<const TransitionDef*>{}
                         : def.CandidateTransitions(snapshot.state, event_id);
    if (!candidates.empty()) {
      // Guards see the deadline as expired; the transition builds on that snapshot.
      const CaseSnapshot expired = result.snapshot;
      const ValueRecord no_values;
      const TransitionContext ctx{def, expired, no_values, event_id, event.actor, today};
      StatusOr<const TransitionDef*> chosen = ChooseTransition(ctx, candidates);
      if (chosen.ok()) {
        UITDAAG_RETURN_IF_ERROR(ApplyTransition(ctx, **chosen, &result.snapshot, &result.effects));
        result.transition = *chosen;
      }
    }
  }
  result.snapshot.version = snapshot.version + 1;
  result.snapshot.updated_at = event.at;
  return result;
}

StatusOr<DeadlineComputation> ComputeCaseDeadline(const WorkflowDefinition& def,
                                                  const CaseSnapshot& snapshot,
                                                  std::string_view deadline, Date as_of) {
  auto it = snapshot.deadlines.find(std::string(deadline));
  if (it == snapshot.deadlines.end() || def.FindDeadline(deadline) == nullptr) {
    return Status::NotFound("case " + snapshot.id + " has no deadline '" + std::string(deadline) +
                                "'",
                            std::string(deadline));
  }
  return ComputeTrack(def, it->second, as_of);
}

std::optional<PenaltyExposure> ComputeCaseExposure(const WorkflowDefinition& def,
                                                   const CaseSnapshot& snapshot,
                                                   std::string_view deadline, Date as_of) {
  const DeadlineDef* deadline_def = def.FindDeadline(deadline);
  auto it = snapshot.deadlines.find(std::string(deadline));
  if (deadline_def == nullptr || !deadline_def->late_penalty || it == snapshot.deadlines.end()) {
    return std::nullopt;
  }
  const DeadlineTrack& track = it->second;
  const DeadlineComputation dates = ComputeTrack(def, track, as_of);
  return ComputePenalty(*deadline_def->late_penalty, dates.legal_end, track.notice_of_default,
                        track.stopped_on, as_of);
}

}  // namespace uitdaag
