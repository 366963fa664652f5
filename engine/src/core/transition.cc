// Applying a chosen transition: payload, scores, assignments, deadline actions, effects.
// Deadline actions run in the documented order: stop, suspend, resume, extend, start,
// notice_of_default (uitdaag/workflow.h, DeadlineActions).
#include "engine_internal.h"
#include "engine_scope.h"

namespace uitdaag {
namespace {

Effect MakeEffect(Effect::Kind kind, std::string name, std::optional<Date> date = std::nullopt,
                  std::string detail = {}) {
  Effect effect{kind, std::move(name), date, std::nullopt, std::move(detail)};
  return effect;
}

void MergePayload(const TransitionContext& ctx, CaseSnapshot* next) {
  const FormDef* form = nullptr;
  if (const EventDef* event = ctx.def.FindEvent(ctx.event_id)) form = ctx.def.FindForm(event->form);
  for (const auto& [name, value] : ctx.values) {
    const FieldDef* field = form ? form->FindField(name) : nullptr;
    if (field != nullptr && field->type == FieldType::kCriteria) {
      for (const auto& [criterion, entry] : value.as_record()) {
        CriterionScore score;
        score.score = static_cast<int>(entry.Find("score")->as_number());
        score.reason = entry.Find("reason")->as_text();
        score.scored_by = ctx.actor;
        score.on = ctx.today;
        next->scores[criterion] = std::move(score);
      }
      continue;
    }
    next->data[name] = value;
  }
}

Status RunAssignments(const TransitionContext& ctx, const TransitionDef& transition,
                      CaseSnapshot* next) {
  const CaseScope scope(ctx.def, ctx.before, &ctx.values, ctx.today);
  for (const Assignment& assignment : transition.set) {
    StatusOr<Value> value = assignment.value.Evaluate(scope);
    if (!value.ok()) {
      return Status::FailedPrecondition("cannot compute " + assignment.field + " = `" +
                                            assignment.value.text() +
                                            "`: " + value.status().message(),
                                        assignment.field);
    }
    next->data[assignment.field] = std::move(value).value();
  }
  return Status::Ok();
}

DeadlineTrack* FindTrack(CaseSnapshot* next, const std::string& id) {
  auto it = next->deadlines.find(id);
  return it == next->deadlines.end() ? nullptr : &it->second;
}

class DeadlineActionRunner {
 public:
  DeadlineActionRunner(const TransitionContext& ctx, CaseSnapshot* next,
                       std::vector<Effect>* effects)
      : ctx_(ctx), next_(next), effects_(effects) {}

  Status Run(const DeadlineActions& actions) {
    for (const std::string& id : actions.stop) Stop(id);
    for (const SuspendAction& action : actions.suspend) UITDAAG_RETURN_IF_ERROR(Suspend(action));
    for (const std::string& id : actions.resume) UITDAAG_RETURN_IF_ERROR(Resume(id));
    for (const ExtendAction& action : actions.extend) UITDAAG_RETURN_IF_ERROR(Extend(action));
    for (const std::string& id : actions.start) Start(id);
    for (const std::string& id : actions.notice_of_default) {
      UITDAAG_RETURN_IF_ERROR(NoticeOfDefault(id));
    }
    return Status::Ok();
  }

 private:
  void Stop(const std::string& id) {
    if (DeadlineTrack* track = FindTrack(next_, id)) StopTrack(track, ctx_.today, effects_);
  }

  Status Suspend(const SuspendAction& action) {
    DeadlineTrack* track = FindTrack(next_, action.deadline);
    if (track == nullptr || track->status != DeadlineStatus::kRunning) {
      return Status::FailedPrecondition("cannot suspend deadline '" + action.deadline +
                                            "': it is not running",
                                        action.deadline);
    }
    track->suspensions.push_back(Suspension{ctx_.today, std::nullopt, action.reason});
    track->status = DeadlineStatus::kSuspended;
    effects_->push_back(
        MakeEffect(Effect::Kind::kDeadlineSuspended, action.deadline, ctx_.today, action.reason));
    return Status::Ok();
  }

  Status Resume(const std::string& id) {
    DeadlineTrack* track = FindTrack(next_, id);
    if (track == nullptr || track->status != DeadlineStatus::kSuspended) {
      return Status::FailedPrecondition("cannot resume deadline '" + id + "': it is not suspended",
                                        id);
    }
    track->suspensions.back().until = ctx_.today;
    track->status = DeadlineStatus::kRunning;
    const DeadlineComputation dates = ComputeTrack(ctx_.def, *track, ctx_.today);
    effects_->push_back(MakeEffect(Effect::Kind::kDeadlineResumed, id, dates.legal_end));
    return Status::Ok();
  }

  // Awb 4:14 lid 3: the extension must be announced before the period ends.
  Status Extend(const ExtendAction& action) {
    DeadlineTrack* track = FindTrack(next_, action.deadline);
    if (track == nullptr || !track->active()) {
      return Status::FailedPrecondition(
          "cannot extend deadline '" + action.deadline + "': it is not running", action.deadline);
    }
    const DeadlineComputation before = ComputeTrack(ctx_.def, *track, ctx_.today);
    if (!before.provisional && ctx_.today > before.legal_end) {
      return Status::FailedPrecondition("cannot extend deadline '" + action.deadline +
                                            "': it ended on " + before.legal_end.ToIsoString() +
                                            " and an extension must be announced before the end "
                                            "(Awb 4:14)",
                                        action.deadline);
    }
    track->extensions.push_back(Extension{ctx_.today, action.by, action.reason});
    const DeadlineComputation after = ComputeTrack(ctx_.def, *track, ctx_.today);
    effects_->push_back(MakeEffect(Effect::Kind::kDeadlineExtended, action.deadline,
                                   after.legal_end, action.by.ToString()));
    return Status::Ok();
  }

  // (Re)starts from the event's date. A previous round, whatever its status, is replaced.
  void Start(const std::string& id) {
    DeadlineTrack track;
    track.id = id;
    track.started_by = ctx_.event_id;
    track.start = ctx_.today;
    if (const DeadlineTrack* previous = FindTrack(next_, id)) track.round = previous->round + 1;
    const DeadlineComputation dates = ComputeTrack(ctx_.def, track, ctx_.today);
    Effect effect = MakeEffect(Effect::Kind::kDeadlineStarted, id, dates.legal_end);
    effect.target = dates.target_end;
    effects_->push_back(std::move(effect));
    next_->deadlines[id] = std::move(track);
  }

  // Awb 4:17: a notice of default counts only once the decision period has passed.
  Status NoticeOfDefault(const std::string& id) {
    DeadlineTrack* track = FindTrack(next_, id);
    if (track == nullptr || track->status != DeadlineStatus::kExpired) {
      return Status::FailedPrecondition("a notice of default on '" + id +
                                            "' counts only after that deadline has passed",
                                        id);
    }
    if (track->notice_of_default) {
      return Status::FailedPrecondition("a notice of default on '" + id +
                                            "' was already recorded on " +
                                            track->notice_of_default->ToIsoString(),
                                        id);
    }
    track->notice_of_default = ctx_.today;
    effects_->push_back(MakeEffect(Effect::Kind::kNoticeOfDefault, id, ctx_.today));
    return Status::Ok();
  }

  const TransitionContext& ctx_;
  CaseSnapshot* next_;
  std::vector<Effect>* effects_;
};

}  // namespace

void StopTrack(DeadlineTrack* track, Date today, std::vector<Effect>* effects) {
  if (track->status == DeadlineStatus::kStopped) return;
  if (track->status == DeadlineStatus::kSuspended) track->suspensions.back().until = today;
  track->status = DeadlineStatus::kStopped;
  track->stopped_on = today;
  effects->push_back(MakeEffect(Effect::Kind::kDeadlineStopped, track->id, today));
}

void StopAllDeadlines(CaseSnapshot* next, Date today, std::vector<Effect>* effects) {
  for (auto& [id, track] : next->deadlines) StopTrack(&track, today, effects);
}

Status ApplyTransition(const TransitionContext& ctx, const TransitionDef& transition,
                       CaseSnapshot* next, std::vector<Effect>* effects) {
  MergePayload(ctx, next);
  UITDAAG_RETURN_IF_ERROR(RunAssignments(ctx, transition, next));
  UITDAAG_RETURN_IF_ERROR(DeadlineActionRunner(ctx, next, effects).Run(transition.deadlines));

  // A transition declared under any_state with no `to` stays where the case is.
  next->state = transition.to == "*" || transition.to.empty() ? ctx.before.state : transition.to;
  for (const std::string& letter : transition.letters) {
    effects->push_back(MakeEffect(Effect::Kind::kRenderLetter, letter, ctx.today));
  }
  for (const std::string& role : transition.notify) {
    effects->push_back(MakeEffect(Effect::Kind::kNotify, role, std::nullopt, ctx.event_id));
  }
  if (!transition.assign.empty()) {
    next->assigned_role = transition.assign;
    effects->push_back(MakeEffect(Effect::Kind::kAssign, transition.assign));
  }
  const StateDef* state = ctx.def.FindState(next->state);
  if (state != nullptr && state->final) StopAllDeadlines(next, ctx.today, effects);
  return Status::Ok();
}

}  // namespace uitdaag
