// CheckInvariants: the properties every snapshot must have (engine/DESIGN.md, "Invariants").
// Each check returns the first violation as kInternal; tests run this after every step.
#include "engine_internal.h"
#include "uitdaag/engine.h"

namespace uitdaag {
namespace {

Status Violation(const CaseSnapshot& snapshot, const std::string& what) {
  return Status::Internal("invariant violated in case " + snapshot.id + ": " + what);
}

// I1: the case is on this definition, in a state it declares.
Status CheckIdentity(const WorkflowDefinition& def, const CaseSnapshot& s) {
  if (s.workflow_id != def.id || s.workflow_version != def.version) {
    return Violation(s, "runs on another workflow or version");
  }
  if (def.FindState(s.state) == nullptr) return Violation(s, "unknown state '" + s.state + "'");
  if (s.version < 0) return Violation(s, "negative version");
  return Status::Ok();
}

// I2-I5: deadline tracks are declared, their suspensions are well formed and match their
// status, and a final state has no active deadline.
Status CheckDeadlines(const WorkflowDefinition& def, const CaseSnapshot& s) {
  const bool final = def.FindState(s.state)->final;
  for (const auto& [id, track] : s.deadlines) {
    if (track.id != id || def.FindDeadline(id) == nullptr) {
      return Violation(s, "undeclared deadline '" + id + "'");
    }
    if (final && track.active()) {
      return Violation(s, "deadline '" + id + "' is still active in final state " + s.state);
    }
    int open = 0;
    for (size_t i = 0; i < track.suspensions.size(); ++i) {
      const Suspension& suspension = track.suspensions[i];
      if (suspension.from < track.start) {
        return Violation(s, "deadline '" + id + "' suspended before it started");
      }
      if (i > 0 && suspension.from < track.suspensions[i - 1].from) {
        return Violation(s, "suspensions of '" + id + "' out of order");
      }
      if (!suspension.until) {
        ++open;
        if (i + 1 != track.suspensions.size()) {
          return Violation(s, "an open suspension of '" + id + "' is not the last one");
        }
      } else if (*suspension.until < suspension.from) {
        return Violation(s, "a suspension of '" + id + "' ends before it starts");
      }
    }
    if ((track.status == DeadlineStatus::kSuspended) != (open == 1)) {
      return Violation(s, "deadline '" + id + "' has status " + DeadlineStatusName(track.status) +
                              " with " + std::to_string(open) + " open suspension(s)");
    }
    if (track.expiry_fired && track.status == DeadlineStatus::kRunning) {
      return Violation(s, "deadline '" + id + "' fired its expiry but is still running");
    }
    if (track.round < 1) return Violation(s, "deadline '" + id + "' has round < 1");
  }
  return Status::Ok();
}

// I6: every score belongs to a criterion, lies within its scale and has a written reason.
Status CheckScores(const WorkflowDefinition& def, const CaseSnapshot& s) {
  for (const auto& [id, score] : s.scores) {
    const CriterionDef* criterion = def.FindCriterion(id);
    if (criterion == nullptr) return Violation(s, "score for unknown criterion '" + id + "'");
    if (score.score < criterion->scale_min || score.score > criterion->scale_max) {
      return Violation(s, "score of '" + id + "' outside its scale");
    }
    if (score.reason.empty()) return Violation(s, "score of '" + id + "' has no reason");
  }
  return Status::Ok();
}

bool Conforms(const Value& value, const Type& type) {
  if (value.is_null()) return true;
  if (value.type() != type.kind) return false;
  if (!type.options.empty() && type.kind == ValueType::kText) {
    for (const std::string& option : type.options) {
      if (option == value.as_text()) return true;
    }
    return false;
  }
  if (type.kind == ValueType::kList && type.element) {
    for (const Value& item : value.as_list()) {
      if (!Conforms(item, *type.element)) return false;
    }
  }
  return true;
}

// I7: stored data holds declared fields only, each of its declared type.
Status CheckData(const WorkflowDefinition& def, const CaseSnapshot& s) {
  const std::map<std::string, Type> types = def.DataTypes();
  for (const auto& [name, value] : s.data) {
    auto it = types.find(name);
    if (it == types.end()) return Violation(s, "undeclared data field '" + name + "'");
    if (!Conforms(value, it->second)) {
      return Violation(s, "data field '" + name + "' holds " + ValueTypeName(value.type()) +
                              ", declared " + it->second.ToString());
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckInvariants(const WorkflowDefinition& def, const CaseSnapshot& snapshot) {
  UITDAAG_RETURN_IF_ERROR(CheckIdentity(def, snapshot));
  UITDAAG_RETURN_IF_ERROR(CheckDeadlines(def, snapshot));
  UITDAAG_RETURN_IF_ERROR(CheckScores(def, snapshot));
  return CheckData(def, snapshot);
}

}  // namespace uitdaag
