// Figures for the council (uitdaag/case_figures.h).
#include "uitdaag/case_figures.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "uitdaag/engine.h"

namespace uitdaag {
namespace {

constexpr int kLoadBatch = 200;

bool IsDeadlineEffect(const Effect& effect, Effect::Kind kind, const std::string& deadline) {
  return effect.kind == kind && effect.name == deadline;
}

// Whether the step's transition names `deadline` under `deadlines: stop` (and is the transition
// the log says was taken: same event, same source and destination).
bool TransitionStops(const WorkflowDefinition& def, const LogEntry& e,
                     const std::string& deadline) {
  for (const TransitionDef* t : def.CandidateTransitions(e.from_state, e.event)) {
    const std::string& to = t->to.empty() || t->to == "*" ? e.from_state : t->to;
    if (to != e.to_state) continue;
    const std::vector<std::string>& stops = t->deadlines.stop;
    if (std::find(stops.begin(), stops.end(), deadline) != stops.end()) return true;
  }
  return false;
}

// The decision deadline's legal end at the decision in log[at]. When the deadline was not
// started again afterwards, the current snapshot's track is the one the decision stopped and is
// computed exactly; otherwise the last end the log announced for it before the stop.
Date LegalEndAtDecision(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                        const std::vector<LogEntry>& log, size_t at, const std::string& deadline) {
  const Date decided_on = log[at].at.LocalDate();
  bool started_again = false;
  for (size_t j = at + 1; j < log.size() && !started_again; ++j) {
    for (const Effect& effect : log[j].effects) {
      if (IsDeadlineEffect(effect, Effect::Kind::kDeadlineStarted, deadline)) started_again = true;
    }
  }
  if (!started_again) {
    StatusOr<DeadlineComputation> c = ComputeCaseDeadline(def, snapshot, deadline, decided_on);
    if (c.ok()) return c->legal_end;
  }
  Date end = decided_on;
  for (size_t j = 0; j <= at; ++j) {
    for (const Effect& effect : log[j].effects) {
      if (j == at && IsDeadlineEffect(effect, Effect::Kind::kDeadlineStopped, deadline)) break;
      const bool announces_end =
          IsDeadlineEffect(effect, Effect::Kind::kDeadlineStarted, deadline) ||
          IsDeadlineEffect(effect, Effect::Kind::kDeadlineResumed, deadline) ||
          IsDeadlineEffect(effect, Effect::Kind::kDeadlineExtended, deadline) ||
          IsDeadlineEffect(effect, Effect::Kind::kDeadlineExpired, deadline);
      if (announces_end && effect.date) end = *effect.date;
    }
  }
  return end;
}

std::string StateLabel(const WorkflowDefinition* def, const WorkflowDefinition* latest,
                       const std::string& state) {
  for (const WorkflowDefinition* d : {def, latest}) {
    const StateDef* st = d != nullptr ? d->FindState(state) : nullptr;
    if (st != nullptr) return st->label;
  }
  return state;
}

// The counts in the order of the workflow's states; states it does not know last, by id.
std::vector<StateCount> InStateOrder(const WorkflowDefinition* def,
                                     const std::map<std::string, StateCount>& counts) {
  std::vector<StateCount> ordered;
  std::set<std::string> placed;
  if (def != nullptr) {
    for (const StateDef& st : def->states) {
      auto it = counts.find(st.id);
      if (it == counts.end()) continue;
      ordered.push_back(it->second);
      placed.insert(st.id);
    }
  }
  for (const auto& [id, count] : counts) {
    if (placed.count(id) == 0) ordered.push_back(count);
  }
  return ordered;
}

LeadTime LeadTimeOf(std::vector<int> days) {
  LeadTime lead;
  lead.count = static_cast<int64_t>(days.size());
  if (days.empty()) return lead;
  std::sort(days.begin(), days.end());
  const size_t n = days.size();
  lead.median = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
  lead.mean = std::accumulate(days.begin(), days.end(), 0.0) / static_cast<double>(n);
  lead.max = days.back();
  return lead;
}

}  // namespace

const DeadlineDef* DecisionDeadline(const WorkflowDefinition& def) {
  for (const auto& [id, deadline] : def.deadlines) {
    if (deadline.late_penalty) return &deadline;
  }
  return nullptr;
}

std::optional<Decision> FindDecision(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                     const std::vector<LogEntry>& log) {
  const DeadlineDef* deadline = DecisionDeadline(def);
  if (deadline == nullptr) return std::nullopt;
  for (size_t i = 0; i < log.size(); ++i) {
    const LogEntry& e = log[i];
    const bool stopped = std::any_of(e.effects.begin(), e.effects.end(), [&](const Effect& f) {
      return IsDeadlineEffect(f, Effect::Kind::kDeadlineStopped, deadline->id);
    });
    if (!stopped || !TransitionStops(def, e, deadline->id)) continue;
    Decision decision;
    decision.seq = e.seq;
    decision.on = e.at.LocalDate();
    decision.outcome = e.to_state;
    decision.legal_end = LegalEndAtDecision(def, snapshot, log, i, deadline->id);
    return decision;
  }
  return std::nullopt;
}

FiguresBuilder::FiguresBuilder(int year, const std::vector<const WorkflowDefinition*>& workflows)
    : year_(year) {
  for (const WorkflowDefinition* def : workflows) {
    Section& section = SectionFor(def->id);
    section.latest = def;
    section.title = def->title;
  }
}

FiguresBuilder::Section& FiguresBuilder::SectionFor(const std::string& workflow_id) {
  auto it = sections_.find(workflow_id);
  if (it != sections_.end()) return it->second;
  order_.push_back(workflow_id);
  return sections_[workflow_id];
}

void FiguresBuilder::Add(const WorkflowDefinition* def, const CaseSnapshot& snapshot,
                         const std::vector<LogEntry>& log) {
  Section& section = SectionFor(snapshot.workflow_id);
  if (section.title.empty() && def != nullptr) section.title = def->title;
  ++section.submitted;
  StateCount& state = section.states[snapshot.state];
  if (state.state.empty()) {
    state.state = snapshot.state;
    state.label = StateLabel(def, section.latest, snapshot.state);
  }
  ++state.count;
  if (def == nullptr) return;
  const std::optional<Decision> decision = FindDecision(*def, snapshot, log);
  if (!decision) return;
  StateCount& outcome = section.outcomes[decision->outcome];
  if (outcome.state.empty()) {
    outcome.state = decision->outcome;
    outcome.label = StateLabel(def, section.latest, decision->outcome);
  }
  ++outcome.count;
  if (decision->in_time()) ++section.in_time;
  section.lead_days.push_back(decision->on - snapshot.created_at.LocalDate());
}

YearFigures FiguresBuilder::Finish() const {
  YearFigures figures;
  figures.year = year_;
  for (const std::string& id : order_) {
    const Section& section = sections_.at(id);
    WorkflowFigures w;
    w.workflow_id = id;
    w.title = section.title;
    w.submitted = section.submitted;
    w.states = InStateOrder(section.latest, section.states);
    w.decided = static_cast<int64_t>(section.lead_days.size());
    w.decided_in_time = section.in_time;
    w.outcomes = InStateOrder(section.latest, section.outcomes);
    w.lead_time = LeadTimeOf(section.lead_days);
    figures.submitted += w.submitted;
    figures.workflows.push_back(std::move(w));
  }
  return figures;
}

Instant StartOfLocalYear(int year) {
  return Instant::StartOfLocalDay(Date::FromYmd(year, 1, 1));
}

StatusOr<YearFigures> LoadYearFigures(CaseStore& store, const WorkflowRegistry& workflows, int year,
                                      std::string_view workflow_id) {
  if (year < 1980 || year > 9998) {
    return Status::InvalidArgument("year: from 1980 to 9998, not " + std::to_string(year), "year");
  }
  std::vector<const WorkflowDefinition*> sections;
  if (!workflow_id.empty()) {
    const WorkflowDefinition* def = workflows.Latest(workflow_id);
    if (def == nullptr) {
      return Status::InvalidArgument("workflow: no workflow '" + std::string(workflow_id) + "'",
                                     "workflow");
    }
    sections.push_back(def);
  } else {
    for (const WorkflowDefinition* def : workflows.All()) {
      if (def == workflows.Latest(def->id)) sections.push_back(def);
    }
  }
  FiguresBuilder builder(year, sections);
  CaseFilter filter;
  filter.workflow_id = std::string(workflow_id);
  filter.created_from = StartOfLocalYear(year);
  filter.created_until = StartOfLocalYear(year + 1);
  filter.limit = kLoadBatch;
  while (true) {
    UITDAAG_ASSIGN_OR_RETURN(std::vector<CaseRow> rows, store.FindCases(filter));
    for (const CaseRow& row : rows) {
      const CaseSnapshot& s = row.snapshot;
      UITDAAG_ASSIGN_OR_RETURN(std::vector<LogEntry> log, store.Entries(s.id));
      builder.Add(workflows.Find(s.workflow_id, s.workflow_version), s, log);
      filter.after = s.id;
    }
    if (rows.size() < static_cast<size_t>(kLoadBatch)) break;
  }
  return builder.Finish();
}

}  // namespace uitdaag
