// Case queries: what CaseStore filters in SQL when it lists cases (CaseStore::FindCases) or reads
// a work queue (CaseStore::QueueCases), and the deadline facts that listings show, computed
// exactly on a snapshot.
//
// The SQL side reads the `cases` and `deadlines` tables. A deadline row's stored legal_end is
// exact for a running or an expired deadline, and a lower bound for a suspended one (an open
// suspension moves the end on every day; the row holds it as of the case's last step). A
// prefilter on stored ends therefore never misses a case; the functions below decide exactly,
// with ComputeCaseDeadline (uitdaag/engine.h) on the snapshot as of `today`.
//
// Which deadlines count (engine/DESIGN.md, "Case listings, the work queue and figures"):
//  - active: running or suspended (DeadlineTrack::active()).
//  - open: the deadlines someone must act before: a running one, and an expired one (its legal
//    end passed while it ran) that has no on_expire event. A deadline with an on_expire event is
//    the engine's to handle when it passes (the repair period moves the case on, the objection
//    period closes it); once expired it asks nothing of anybody. A suspended deadline is not
//    open: its end is unknown until the suspension is lifted.
//  - overdue: an open deadline without an on_expire event whose legal end is before today, in
//    a non-final state (a decision period that passed without a decision, a target date for a
//    contract that was missed). A running deadline with an on_expire event whose end passed is
//    not overdue: its timer is due and the sweeper will fire it.
//
// Thread safety: value types and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/case.h"
#include "uitdaag/date.h"
#include "uitdaag/instant.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

// Limits on what one store query returns.
inline constexpr int kMaxCaseRows = 1000;

// What CaseStore::FindCases filters on. Empty or absent fields do not filter.
struct CaseFilter {
  std::string workflow_id;
  std::string state;
  std::optional<std::string> handler;  // a username; "" selects the cases nobody handles
  std::string assigned_role;
  // Prefilters on the stored deadline rows (supersets of the exact conditions above):
  std::optional<Date> active_end_before;  // a running or suspended row with legal_end < date
  std::optional<Date> passed_before;      // a running or expired row with legal_end < date
  std::optional<Instant> created_from;    // created at or after
  std::optional<Instant> created_until;   // created before
  std::string after;                      // only case ids greater than this (keyset paging)
  int limit = 100;                        // 1..kMaxCaseRows
};

// A workflow item named with the definition it belongs to ("uitdaagrecht", 1, "afgesloten").
struct DefinitionItem {
  std::string workflow_id;
  int workflow_version = 0;
  std::string name;
};

// What CaseStore::QueueCases selects: the cases assigned to one of `roles` or handled by
// `handler`, except those in `final_states`, ordered by their nearest open deadline's stored
// legal end (running rows, and expired rows of `open_when_expired`), cases without one last,
// then by id.
struct QueueFilter {
  std::vector<std::string> roles;
  std::string handler;  // a username; empty: only by role
  std::vector<DefinitionItem> final_states;
  std::vector<DefinitionItem> open_when_expired;  // deadlines without an on_expire event
  int limit = 50;                                 // 1..kMaxCaseRows
};

// One case as the listing queries read it.
struct CaseRow {
  CaseSnapshot snapshot;
  std::string handler;  // the username handling the case; empty when nobody does
};

// The number of cases created in one Dutch calendar year.
struct YearCount {
  int year = 0;
  int64_t cases = 0;
};

// A deadline as a listing shows it, computed as of a day.
struct OpenDeadline {
  std::string id;
  Date legal_end;
  std::optional<Date> target;
  bool provisional = false;
  DeadlineStatus status = DeadlineStatus::kRunning;
};

// The open deadlines of a case (see above), in deadline id order.
std::vector<OpenDeadline> OpenDeadlines(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                        Date today);
// The open deadline with the earliest legal end (then the smallest id); nullopt when none.
std::optional<OpenDeadline> NextDeadline(const WorkflowDefinition& def,
                                         const CaseSnapshot& snapshot, Date today);
// Whether the case is in a non-final state with an overdue deadline (see above).
bool IsOverdue(const WorkflowDefinition& def, const CaseSnapshot& snapshot, Date today);
// Whether an active deadline's legal end, computed as of `today`, is before `before`.
bool HasActiveDeadlineBefore(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                             Date before, Date today);

// The items of every loaded definition that QueueFilter names: final states, and deadlines
// without an on_expire event.
std::vector<DefinitionItem> FinalStates(const std::vector<const WorkflowDefinition*>& defs);
std::vector<DefinitionItem> DeadlinesWithoutExpiryEvent(
    const std::vector<const WorkflowDefinition*>& defs);

}  // namespace uitdaag
