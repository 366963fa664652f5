// The deadline facts of case listings (uitdaag/case_query.h): pure functions on a snapshot.
#include "uitdaag/case_query.h"

#include "uitdaag/engine.h"

namespace uitdaag {

std::vector<OpenDeadline> OpenDeadlines(const WorkflowDefinition& def, const CaseSnapshot& s,
                                        Date today) {
  std::vector<OpenDeadline> open;
  for (const auto& [id, track] : s.deadlines) {
    const DeadlineDef* dd = def.FindDeadline(id);
    if (dd == nullptr) continue;
    const bool counts = track.status == DeadlineStatus::kRunning ||
                        (track.status == DeadlineStatus::kExpired && dd->on_expire.empty());
    if (!counts) continue;
    StatusOr<DeadlineComputation> c = ComputeCaseDeadline(def, s, id, today);
    if (!c.ok()) continue;
    open.push_back(OpenDeadline{id, c->legal_end, c->target_end, c->provisional, track.status});
  }
  return open;
}

std::optional<OpenDeadline> NextDeadline(const WorkflowDefinition& def, const CaseSnapshot& s,
                                         Date today) {
  std::optional<OpenDeadline> next;
  for (OpenDeadline& d : OpenDeadlines(def, s, today)) {
    // In id order already, so a strict comparison keeps the smallest id on equal ends.
    if (!next || d.legal_end < next->legal_end) next = std::move(d);
  }
  return next;
}

bool IsOverdue(const WorkflowDefinition& def, const CaseSnapshot& s, Date today) {
  const StateDef* state = def.FindState(s.state);
  if (state == nullptr || state->final) return false;
  for (const OpenDeadline& d : OpenDeadlines(def, s, today)) {
    const DeadlineDef* dd = def.FindDeadline(d.id);
    if (d.legal_end < today && dd != nullptr && dd->on_expire.empty()) return true;
  }
  return false;
}

bool HasActiveDeadlineBefore(const WorkflowDefinition& def, const CaseSnapshot& s, Date before,
                             Date today) {
  for (const auto& [id, track] : s.deadlines) {
    if (!track.active()) continue;
    StatusOr<DeadlineComputation> c = ComputeCaseDeadline(def, s, id, today);
    if (c.ok() && c->legal_end < before) return true;
  }
  return false;
}

std::vector<DefinitionItem> FinalStates(const std::vector<const WorkflowDefinition*>& defs) {
  std::vector<DefinitionItem> items;
  for (const WorkflowDefinition* def : defs) {
    for (const StateDef& state : def->states) {
      if (state.final) items.push_back(DefinitionItem{def->id, def->version, state.id});
    }
  }
  return items;
}

std::vector<DefinitionItem> DeadlinesWithoutExpiryEvent(
    const std::vector<const WorkflowDefinition*>& defs) {
  std::vector<DefinitionItem> items;
  for (const WorkflowDefinition* def : defs) {
    for (const auto& [id, deadline] : def->deadlines) {
      if (deadline.on_expire.empty()) items.push_back(DefinitionItem{def->id, def->version, id});
    }
  }
  return items;
}

}  // namespace uitdaag
