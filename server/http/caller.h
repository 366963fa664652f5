// Who is asking: a case handler (or approver, administrator) with a session or API token, a
// challenger with the unguessable token of their own case, or nobody. The token comes from
// "Authorization: Bearer <token>" or the session cookie.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "http/exchange.h"
#include "http/store_pool.h"
#include "uitdaag/accounts.h"
#include "uitdaag/store.h"
#include "uitdaag/runner.h"
#include "uitdaag/workflow.h"

namespace uitdaag::http {

inline constexpr const char* kSessionCookie = "uitdaag_session";
// The resident's pages keep the access token of their case in this cookie (HttpOnly,
// SameSite=Lax, set by GET /volgen and after a submission), so that no page URL carries it.
inline constexpr const char* kCaseCookie = "uitdaag_zaak";

struct Caller {
  enum class Kind { kNobody, kStaff, kChallenger };
  Kind kind = Kind::kNobody;
  Account account;      // kStaff
  std::string case_id;  // kChallenger: the only case they may see or act on
};

// The token the request presents: "Authorization: Bearer <token>" (the scheme in any case), else
// the session cookie, else the case cookie; empty when none.
std::string PresentedToken(Exchange& exchange);

// Identifies the caller. An unknown or expired token is kPermissionDenied (answered as 401).
StatusOr<Caller> Identify(Exchange& exchange, CaseStore& store);

// Identifies the caller and checks that they may see `case_id`; answers 401/404 itself and
// returns false otherwise. A challenger asking for another case gets 404, as if it did not exist.
bool MaySeeCase(Exchange& exchange, CaseStore& store, const std::string& case_id, Caller* caller);

// Who a resource is for: anybody known (staff or a challenger), staff (any account), or
// administrators.
enum class Need { kCaller, kStaff, kAdmin };

// The common start of a handler that is not about one case: the request's store connection and
// the caller, checked against `need`. Answers the refusal itself and returns nullopt: 401 (no
// or a bad token), 403 (a challenger where staff are needed, staff who are not administrators
// where administrators are), or the store's failure (503/500).
struct Authorized {
  StorePool::Lease store;
  Caller caller;
};
std::optional<Authorized> Authorize(Exchange& exchange, Need need);

// The role of the workflow's challengers: WorkflowDefinition::challenger_role (as written in
// the workflow, or derived by the loader).
std::string ChallengerRole(const WorkflowDefinition& def);

// The roles of every workflow except their challenger roles: what staff accounts may hold.
std::set<std::string> StaffRoles(const WorkflowRegistry& workflows);

// The role the caller acts in for `event`: for staff the first of their roles the event allows,
// for a challenger the challenger role if the event allows it; empty when they may not fire it.
std::string RoleFor(const Caller& caller, const WorkflowDefinition& def, const EventDef& event);

}  // namespace uitdaag::http
