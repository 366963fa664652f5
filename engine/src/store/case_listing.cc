// Case listings and work queues (uitdaag/case_listing.h).
#include "uitdaag/case_listing.h"

#include <algorithm>

namespace uitdaag {
namespace {

// Candidates read from the store per round when deadline conditions are checked here.
constexpr int kBatch = 200;

Status CheckPageSize(int limit) {
  if (limit < 1 || limit > kMaxPageSize) {
    return Status::InvalidArgument(
        "limit: from 1 to " + std::to_string(kMaxPageSize) + ", not " + std::to_string(limit),
        "limit");
  }
  return Status::Ok();
}

CaseSummary Summarize(const WorkflowRegistry& workflows, CaseRow row, Date today) {
  CaseSummary summary;
  summary.definition = workflows.Find(row.snapshot.workflow_id, row.snapshot.workflow_version);
  if (summary.definition != nullptr) {
    summary.next_deadline = NextDeadline(*summary.definition, row.snapshot, today);
  }
  summary.row = std::move(row);
  return summary;
}

bool MeetsDeadlineConditions(const WorkflowDefinition* def, const CaseSnapshot& s,
                             const CaseQuery& q, Date today) {
  if (def == nullptr) return false;  // cannot be computed: not shown as matching
  if (q.deadline_before && !HasActiveDeadlineBefore(*def, s, *q.deadline_before, today)) {
    return false;
  }
  return !q.overdue || IsOverdue(*def, s, today);
}

}  // namespace

StatusOr<CasePage> QueryCases(CaseStore& store, const WorkflowRegistry& workflows,
                              const CaseQuery& q, Date today) {
  UITDAAG_RETURN_IF_ERROR(CheckPageSize(q.limit));
  CaseFilter filter;
  filter.workflow_id = q.workflow_id;
  filter.state = q.state;
  filter.handler = q.handler;
  filter.assigned_role = q.assigned_role;
  filter.after = q.after;
  CasePage page;

  if (!q.deadline_before && !q.overdue) {
    // Every row the store returns matches: one more than a page says whether there is more.
    filter.limit = q.limit + 1;
    UITDAAG_ASSIGN_OR_RETURN(std::vector<CaseRow> rows, store.FindCases(filter));
    const bool more = rows.size() > static_cast<size_t>(q.limit);
    if (more) rows.resize(static_cast<size_t>(q.limit));
    for (CaseRow& row : rows) page.items.push_back(Summarize(workflows, std::move(row), today));
    if (more) page.next_after = page.items.back().row.snapshot.id;
    return page;
  }

  filter.active_end_before = q.deadline_before;
  if (q.overdue) filter.passed_before = today;
  int examined = 0;
  while (true) {
    const int budget = std::max(1, q.max_examined) - examined;
    if (budget <= 0) {
      page.next_after = filter.after;  // everything up to here was examined
      return page;
    }
    filter.limit = std::min(kBatch, budget);
    UITDAAG_ASSIGN_OR_RETURN(std::vector<CaseRow> rows, store.FindCases(filter));
    for (size_t i = 0; i < rows.size(); ++i) {
      ++examined;
      filter.after = rows[i].snapshot.id;
      CaseSummary summary = Summarize(workflows, std::move(rows[i]), today);
      if (!MeetsDeadlineConditions(summary.definition, summary.row.snapshot, q, today)) continue;
      page.items.push_back(std::move(summary));
      if (page.items.size() == static_cast<size_t>(q.limit)) {
        const bool more = i + 1 < rows.size() || rows.size() == static_cast<size_t>(filter.limit);
        if (more) page.next_after = filter.after;
        return page;
      }
    }
    if (rows.size() < static_cast<size_t>(filter.limit)) return page;  // no candidates left
  }
}

StatusOr<WorkQueue> LoadWorkQueue(CaseStore& store, const WorkflowRegistry& workflows,
                                  const std::vector<std::string>& roles, std::string_view username,
                                  Date today, int limit) {
  UITDAAG_RETURN_IF_ERROR(CheckPageSize(limit));
  const std::vector<const WorkflowDefinition*> all = workflows.All();
  QueueFilter filter;
  filter.roles = roles;
  filter.handler = std::string(username);
  filter.final_states = FinalStates(all);
  filter.open_when_expired = DeadlinesWithoutExpiryEvent(all);
  filter.limit = limit + 1;
  UITDAAG_ASSIGN_OR_RETURN(std::vector<CaseRow> rows, store.QueueCases(filter));
  WorkQueue queue;
  queue.more = rows.size() > static_cast<size_t>(limit);
  if (queue.more) rows.resize(static_cast<size_t>(limit));
  for (CaseRow& row : rows) {
    QueueItem item;
    item.summary = Summarize(workflows, std::move(row), today);
    if (item.summary.definition != nullptr && item.summary.next_deadline) {
      item.exposure = ComputeCaseExposure(*item.summary.definition, item.summary.row.snapshot,
                                          item.summary.next_deadline->id, today);
    }
    queue.items.push_back(std::move(item));
  }
  return queue;
}

}  // namespace uitdaag
