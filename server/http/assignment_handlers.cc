// PUT /api/cases/{id}/handler: who handles a case (http/assignment.h).
#include <Poco/Logger.h>

#include <algorithm>

#include "http/assignment.h"
#include "http/case_view.h"
#include "http/handlers.h"
#include "http/json_fields.h"

namespace uitdaag::http {
namespace {

bool HoldsAny(const Account& account, const std::set<std::string>& roles) {
  return std::any_of(account.roles.begin(), account.roles.end(),
                     [&roles](const std::string& r) { return roles.count(r) != 0; });
}

std::string Listed(const std::set<std::string>& items) {
  std::string list;
  for (const std::string& item : items) list += (list.empty() ? "" : ", ") + item;
  return list;
}

}  // namespace

std::set<std::string> WorkflowStaffRoles(const WorkflowDefinition& def) {
  std::set<std::string> roles;
  const std::string challenger = ChallengerRole(def);
  for (const auto& [id, role] : def.roles) {
    if (id != challenger) roles.insert(id);
  }
  return roles;
}

std::string HandlerAfterStep(CaseStore& store, const Caller& caller, const std::string& role,
                             const CaseSnapshot& before, Instant now) {
  StatusOr<std::string> handler = store.Handler(before.id);
  if (!handler.ok()) {
    Poco::Logger::get("uitdaag.http")
        .error("reading the handler of case " + before.id + ": " + handler.status().ToString());
    return {};
  }
  if (!handler->empty() || caller.kind != Caller::Kind::kStaff || role != before.assigned_role) {
    return *handler;
  }
  StatusOr<bool> taken =
      store.SetHandler(before.id, caller.account.username, now, /*only_if_none=*/true);
  if (!taken.ok()) {
    Poco::Logger::get("uitdaag.http")
        .error("making " + caller.account.username + " the handler of case " + before.id + ": " +
               taken.status().ToString());
    return {};
  }
  if (*taken) return caller.account.username;
  // Someone else took it between the read and the write.
  StatusOr<std::string> winner = store.Handler(before.id);
  return winner.ok() ? *winner : std::string();
}

void SetCaseHandler(Exchange& ex) {
  std::optional<CaseView> view = OpenCase(ex);
  if (!view) return;
  const Caller& caller = view->caller;
  if (caller.kind != Caller::Kind::kStaff) {
    ex.Problem(403, "only the municipality's staff may assign a handler");
    return;
  }
  Poco::JSON::Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  JsonFields fields(*body);
  const std::optional<std::string> username = fields.String("username");
  if (Status status = fields.Finish(); !status.ok()) return ex.Fail(status);
  if (!username || username->empty()) {
    ex.Problem(422, "username: required", "username");
    return;
  }
  if (username->size() > kMaxUsername) {
    ex.Problem(422, "username: at most " + std::to_string(kMaxUsername) + " characters",
               "username");
    return;
  }
  const WorkflowDefinition& def = *view->def;
  const std::set<std::string> staff_roles = WorkflowStaffRoles(def);
  if (!caller.account.admin) {
    if (*username != caller.account.username) {
      ex.Problem(403,
                 "only an administrator assigns a case to someone else; you may take it "
                 "yourself",
                 "username");
      return;
    }
    if (!HoldsAny(caller.account, staff_roles)) {
      ex.Problem(403, "you hold none of the staff roles of workflow '" + def.id + "' (" +
                          Listed(staff_roles) + ")");
      return;
    }
  }
  CaseStore& store = *view->store;
  StatusOr<Account> target = store.GetAccount(*username);
  if (!target.ok()) {
    if (target.status().code() != StatusCode::kNotFound) return ex.Fail(target.status());
    ex.Problem(422, "username: no account '" + *username + "'", "username");
    return;
  }
  if (target->disabled) {
    ex.Problem(422, "username: the account '" + *username + "' is disabled", "username");
    return;
  }
  if (!HoldsAny(*target, staff_roles)) {
    ex.Problem(422,
               "username: '" + *username + "' holds none of the staff roles of workflow '" +
                   def.id + "' (" + Listed(staff_roles) + ")",
               "username");
    return;
  }
  StatusOr<bool> set =
      store.SetHandler(view->stored.snapshot.id, *username, ex.state().clock->Now());
  if (!set.ok()) return ex.Fail(set.status());
  Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("id", view->stored.snapshot.id);
  out.set("handler", target->username);
  out.set("display_name", target->display_name);
  ex.Json(200, out);
}

}  // namespace uitdaag::http
