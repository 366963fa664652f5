// Figures for the council: how many challenges came in in a year, where they stand now, how they
// were decided, how long that took, and how many decisions were in time.
//
// Definitions (engine/DESIGN.md, "Case listings, the work queue and figures"):
//  - A case is submitted in year Y when it was created (its first step) on a Dutch local date in
//    Y: the same year its case number carries.
//  - The decision deadline of a workflow is its deadline with a late_penalty (the decision
//    period, Awb 4:17; the first by id should there be several). A workflow without one has no
//    decisions in the figures.
//  - The decision is the first step whose transition names the decision deadline under
//    `deadlines: stop` and that stopped it. A stop by entering a final state (a withdrawal, a
//    case set aside after an expired repair period) is not a decision.
//  - Its outcome is the state the case entered with that step; its lead time the days from the
//    submission date to the decision date; it is in time when the decision date is on or before
//    the decision deadline's legal end as it stood at the decision.
//
// FiguresBuilder is pure: it works on loaded snapshots and logs, so the figures are tested
// without a database. LoadYearFigures feeds it from a store.
//
// Thread safety: FiguresBuilder is a value used by one thread; the functions are reentrant.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/audit.h"
#include "uitdaag/case.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// The deadline with a late_penalty (the first by id); nullptr when the workflow has none.
const DeadlineDef* DecisionDeadline(const WorkflowDefinition& def);

struct Decision {
  int64_t seq = 0;      // the log entry of the decision
  Date on;              // its Dutch local date
  std::string outcome;  // the state the case entered
  Date legal_end;       // of the decision deadline, as it stood at the decision
  bool in_time() const { return on <= legal_end; }
};

// The decision of a case (see above), from its current snapshot and its log in seq order;
// nullopt when it has none yet.
std::optional<Decision> FindDecision(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                     const std::vector<LogEntry>& log);

struct StateCount {
  std::string state;
  std::string label;
  int64_t count = 0;
};

struct LeadTime {
  int64_t count = 0;
  double median = 0;  // the middle value, or the mean of the two middle values
  double mean = 0;
  int max = 0;
};

struct WorkflowFigures {
  std::string workflow_id;
  std::string title;
  int64_t submitted = 0;
  std::vector<StateCount> states;  // current states, in the workflow's state order
  int64_t decided = 0;
  int64_t decided_in_time = 0;
  std::vector<StateCount> outcomes;  // decisions per outcome, in the workflow's state order
  LeadTime lead_time;                // in days, over the decided cases
};

struct YearFigures {
  int year = 0;
  int64_t submitted = 0;
  std::vector<WorkflowFigures> workflows;
};

class FiguresBuilder {
 public:
  // A section for each of `workflows` (the latest definition of each: title, state order and
  // labels), in this order, also when it has no cases.
  FiguresBuilder(int year, const std::vector<const WorkflowDefinition*>& workflows);

  // Adds a case submitted in the year: its current snapshot and its log in seq order (payloads
  // are not read). `def` is the definition the case runs on; nullptr when it is not loaded (the
  // case then counts as submitted and in its state, without a decision). A case of a workflow
  // without a section gets one.
  void Add(const WorkflowDefinition* def, const CaseSnapshot& snapshot,
           const std::vector<LogEntry>& log);

  YearFigures Finish() const;

 private:
  struct Section {
    const WorkflowDefinition* latest = nullptr;
    std::string title;
    int64_t submitted = 0;
    std::map<std::string, StateCount> states;
    std::map<std::string, StateCount> outcomes;
    int64_t in_time = 0;
    std::vector<int> lead_days;
  };
  Section& SectionFor(const std::string& workflow_id);

  int year_;
  std::vector<std::string> order_;
  std::map<std::string, Section> sections_;
};

// 00:00 on 1 January of `year` in the Netherlands: a year's cases were created from this instant
// up to, not including, StartOfLocalYear(year + 1). REQUIRES: 1980 <= year <= 9999.
Instant StartOfLocalYear(int year);

// Loads the cases submitted in `year` (of `workflow_id` when not empty) in batches and builds
// their figures; sections for every loaded workflow (or the one asked for). kInvalidArgument
// (subject "year") for a year outside 1980..9998; the store's errors.
StatusOr<YearFigures> LoadYearFigures(CaseStore& store, const WorkflowRegistry& workflows, int year,
                                      std::string_view workflow_id);

}  // namespace uitdaag
