// CaseScope: the values behind the names of names.h, for one case at one step. Internal to the
// engine.
#pragma once

#include <string_view>

#include "uitdaag/case.h"
#include "uitdaag/expr.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// Facts about the assessment derived from the scores (see names.h: assessment.*).
struct AssessmentFacts {
  bool complete = false;
  bool passed = false;
  double total = 0;
  int scored = 0;
  int failed = 0;
};
AssessmentFacts Assess(const WorkflowDefinition& def, const CaseSnapshot& snapshot);

class CaseScope final : public Scope {
 public:
  // `event_values` may be null (no event.* names). All references must outlive the scope.
  CaseScope(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
            const ValueRecord* event_values, Date today);
  Value Lookup(std::string_view path) const override;
  Date Today() const override { return today_; }

 private:
  Value LookupAssessment(std::string_view name) const;
  Value LookupDeadline(std::string_view rest) const;

  const WorkflowDefinition& def_;
  const CaseSnapshot& snapshot_;
  const ValueRecord* event_values_;
  Date today_;
};

}  // namespace uitdaag
