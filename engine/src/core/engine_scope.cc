#include "engine_scope.h"

namespace uitdaag {
namespace {

// Splits "head.rest" at the first dot; rest is empty when there is none.
std::pair<std::string_view, std::string_view> SplitHead(std::string_view path) {
  const size_t dot = path.find('.');
  if (dot == std::string_view::npos) return {path, {}};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

Value FindIn(const ValueRecord& record, std::string_view key) {
  auto it = record.find(key);
  return it == record.end() ? Value::Null() : it->second;
}

}  // namespace

AssessmentFacts Assess(const WorkflowDefinition& def, const CaseSnapshot& snapshot) {
  AssessmentFacts facts;
  for (const CriterionDef& criterion : def.criteria) {
    auto it = snapshot.scores.find(criterion.id);
    if (it == snapshot.scores.end()) continue;
    ++facts.scored;
    facts.total += criterion.weight * it->second.score;
    if (criterion.minimum && it->second.score < *criterion.minimum) ++facts.failed;
  }
  facts.complete = facts.scored == static_cast<int>(def.criteria.size());
  facts.passed = facts.complete && facts.failed == 0;
  return facts;
}

CaseScope::CaseScope(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                     const ValueRecord* event_values, Date today)
    : def_(def), snapshot_(snapshot), event_values_(event_values), today_(today) {}

Value CaseScope::Lookup(std::string_view path) const {
  const auto [head, rest] = SplitHead(path);
  if (head == "data") return FindIn(snapshot_.data, rest);
  if (head == "event") return event_values_ ? FindIn(*event_values_, rest) : Value::Null();
  if (head == "params") {
    const ParameterDef* param = def_.FindParameter(rest);
    return param ? param->value : Value::Null();
  }
  if (head == "assessment") return LookupAssessment(rest);
  if (head == "deadline") return LookupDeadline(rest);
  return Value::Null();
}

Value CaseScope::LookupAssessment(std::string_view name) const {
  const AssessmentFacts facts = Assess(def_, snapshot_);
  if (name == "complete") return Value::Bool(facts.complete);
  if (name == "passed") return Value::Bool(facts.passed);
  if (name == "total") return Value::Number(facts.total);
  if (name == "scored") return Value::Number(facts.scored);
  if (name == "failed") return Value::Number(facts.failed);
  return Value::Null();
}

Value CaseScope::LookupDeadline(std::string_view rest) const {
  const size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos) return Value::Null();
  const std::string_view id = rest.substr(0, dot);
  const std::string_view property = rest.substr(dot + 1);
  auto it = snapshot_.deadlines.find(std::string(id));
  const DeadlineTrack* track = it == snapshot_.deadlines.end() ? nullptr : &it->second;
  if (property == "active") return Value::Bool(track != nullptr && track->active());
  if (property == "expired") {
    return Value::Bool(track != nullptr && track->status == DeadlineStatus::kExpired);
  }
  return Value::Null();
}

}  // namespace uitdaag
