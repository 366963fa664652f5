#include "http/caller.h"

#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

#include <algorithm>
#include <optional>

namespace uitdaag::http {
std::string PresentedToken(Exchange& ex) {
  const std::string auth = Poco::trim(ex.Header("Authorization"));
  // The scheme is case-insensitive (RFC 9110 §11.1); one or more spaces separate the token.
  if (auth.size() > 6 && Poco::icompare(auth.substr(0, 6), "bearer") == 0 && auth[6] == ' ') {
    return Poco::trim(auth.substr(7));
  }
  Poco::Net::NameValueCollection cookies;
  ex.request().getCookies(cookies);
  const std::string session = cookies.get(kSessionCookie, "");
  return session.empty() ? cookies.get(kCaseCookie, "") : session;
}

StatusOr<Caller> Identify(Exchange& ex, CaseStore& store) {
  Caller caller;
  const std::string token = PresentedToken(ex);
  if (token.empty()) return caller;
  if (token.size() > 256) return Status::PermissionDenied("the token is not valid");
  const Instant now = ex.state().clock->Now();
  StatusOr<Account> account = store.Authenticate(token, now);
  if (account.ok()) {
    caller.kind = Caller::Kind::kStaff;
    caller.account = std::move(*account);
    return caller;
  }
  if (account.status().code() != StatusCode::kPermissionDenied) return account.status();
  StatusOr<std::string> case_id = store.CaseForToken(token);
  if (case_id.ok()) {
    caller.kind = Caller::Kind::kChallenger;
    caller.case_id = std::move(*case_id);
    return caller;
  }
  if (case_id.status().code() != StatusCode::kPermissionDenied) return case_id.status();
  return Status::PermissionDenied("the token is unknown or has expired; log in again");
}

namespace {

// Identifies the caller; answers 401 (or the store's failure) itself for anybody unknown.
std::optional<Caller> KnownCaller(Exchange& ex, CaseStore& store) {
  StatusOr<Caller> who = Identify(ex, store);
  if (!who.ok()) {
    if (who.status().code() == StatusCode::kPermissionDenied) {
      ex.SetHeader("WWW-Authenticate", "Bearer");
      ex.Problem(401, who.status().message());
    } else {
      ex.Fail(who.status());
    }
    return std::nullopt;
  }
  if (who->kind == Caller::Kind::kNobody) {
    ex.SetHeader("WWW-Authenticate", "Bearer");
    ex.Problem(401, "log in, or use the link to your case");
    return std::nullopt;
  }
  return std::move(*who);
}

}  // namespace

bool MaySeeCase(Exchange& ex, CaseStore& store, const std::string& case_id, Caller* caller) {
  std::optional<Caller> who = KnownCaller(ex, store);
  if (!who) return false;
  if (who->kind == Caller::Kind::kChallenger && who->case_id != case_id) {
    ex.Problem(404, "no case '" + case_id + "'");
    return false;
  }
  *caller = std::move(*who);
  return true;
}

std::optional<Authorized> Authorize(Exchange& ex, Need need) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) {
    ex.Fail(store.status());
    return std::nullopt;
  }
  std::optional<Caller> who = KnownCaller(ex, **store);
  if (!who) return std::nullopt;
  if (need != Need::kCaller && who->kind != Caller::Kind::kStaff) {
    ex.Problem(403, "only the municipality's staff may do this");
    return std::nullopt;
  }
  if (need == Need::kAdmin && !who->account.admin) {
    ex.Problem(403, "only an administrator may do this");
    return std::nullopt;
  }
  return Authorized{std::move(*store), std::move(*who)};
}

std::string ChallengerRole(const WorkflowDefinition& def) {
  return def.challenger_role;
}

std::set<std::string> StaffRoles(const WorkflowRegistry& workflows) {
  std::set<std::string> roles;
  for (const WorkflowDefinition* def : workflows.All()) {
    const std::string challenger = ChallengerRole(*def);
    for (const auto& [id, role] : def->roles) {
      if (id != challenger) roles.insert(id);
    }
  }
  return roles;
}

std::string RoleFor(const Caller& caller, const WorkflowDefinition& def, const EventDef& event) {
  auto allows = [&event](const std::string& role) {
    return std::find(event.roles.begin(), event.roles.end(), role) != event.roles.end();
  };
  if (caller.kind == Caller::Kind::kChallenger) {
    const std::string role = ChallengerRole(def);
    return allows(role) ? role : std::string();
  }
  if (caller.kind == Caller::Kind::kStaff) {
    for (const std::string& role : caller.account.roles) {
      if (allows(role)) return role;
    }
  }
  return {};
}

}  // namespace uitdaag::http
