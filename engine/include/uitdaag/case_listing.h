// Case listings and work queues: the store's SQL filters (uitdaag/case_query.h) followed by the
// exact deadline conditions on each snapshot.
//
// QueryCases lists cases in case id order, one page at a time (keyset pagination): a page ends
// at a case id and the next page starts after it, so a case added between two pages (a higher
// id: case numbers only grow) shows up on a later page, and no case is missed or repeated. With
// deadline conditions the store returns candidates (a superset) and each is checked exactly; the
// candidates read per call are bounded by `max_examined`, so a page may come back short, with
// `next_after` saying where to go on. `next_after` is empty when nothing more can match.
//
// LoadWorkQueue gives the open cases of a staff member: assigned to one of their roles or
// handled by them, not in a final state, nearest open deadline first, cases without an open
// deadline last; each with the late-decision exposure (ComputeCaseExposure) when that deadline
// has a penalty scheme.
//
// Errors: kInvalidArgument for a limit out of range (subject "limit"); the store's errors.
//
// Thread safety: as CaseStore (one thread per store); the registry is only read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/case_query.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"

namespace uitdaag {

inline constexpr int kMaxPageSize = 200;

struct CaseQuery {
  std::string workflow_id;              // empty: every workflow
  std::string state;                    // empty: every state
  std::optional<std::string> handler;   // a username; "": cases nobody handles
  std::string assigned_role;            // empty: any
  std::optional<Date> deadline_before;  // an active deadline whose legal end is before this day
  bool overdue = false;                 // only overdue cases (uitdaag/case_query.h)
  std::string after;                    // continue after this case id (a page's next_after)
  int limit = 50;                       // 1..kMaxPageSize
  int max_examined = 1000;              // candidates read per call at most (>= 1)
};

struct CaseSummary {
  CaseRow row;
  const WorkflowDefinition* definition = nullptr;  // nullptr when its version is not loaded
  std::optional<OpenDeadline> next_deadline;       // NextDeadline() as of today
};

struct CasePage {
  std::vector<CaseSummary> items;
  std::string next_after;  // empty: no more
};

StatusOr<CasePage> QueryCases(CaseStore& store, const WorkflowRegistry& workflows,
                              const CaseQuery& query, Date today);

struct QueueItem {
  CaseSummary summary;  // summary.next_deadline is the deadline the queue is ordered by
  std::optional<PenaltyExposure> exposure;  // when that deadline has a late_penalty
};

struct WorkQueue {
  std::vector<QueueItem> items;
  bool more = false;  // more cases qualify than `limit`
};

// `roles`: the staff member's roles; `username`: their account (cases they handle).
StatusOr<WorkQueue> LoadWorkQueue(CaseStore& store, const WorkflowRegistry& workflows,
                                  const std::vector<std::string>& roles, std::string_view username,
                                  Date today, int limit);

}  // namespace uitdaag
