// Accounts of the municipality's staff: administrators list, create and change them; every
// account reads itself and changes its own password (with the current one). Who is asking
// (GET /api/session) answers for challengers too. Passwords never leave the store.
#include <Poco/JSON/Array.h>

#include <set>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/json_fields.h"
#include "http/password_check.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object AccountJson(const Account& a) {
  Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("username", a.username);
  o.set("display_name", a.display_name);
  Array::Ptr roles = new Array();
  for (const std::string& role : a.roles) roles->add(role);
  o.set("roles", roles);
  o.set("admin", a.admin);
  o.set("disabled", a.disabled);
  o.set("created_at", a.created_at.ToLocalString());
  return o;
}

// Every role must be a staff role of a loaded workflow: an account with a misspelt role could
// log in and never act.
Status CheckStaffRoles(const ServiceState& state, const std::vector<std::string>& roles) {
  const std::set<std::string> known = StaffRoles(*state.workflows);
  for (const std::string& role : roles) {
    if (known.count(role) == 0) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::InvalidArgument(
          "roles: '" + role + "' is not a staff role of any workflow (known: " + list + ")",
          "roles");
    }
  }
  return Status::Ok();
}

}  // namespace

void GetSession(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kCaller);
  if (!request) return;
  const Caller& caller = request->caller;
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  if (caller.kind == Caller::Kind::kChallenger) {
    out.set("kind", "challenger");
    out.set("case", caller.case_id);
  } else {
    out.set("kind", "staff");
    out.set("account", AccountJson(caller.account));
  }
  ex.Json(200, out);
}

void ListAccounts(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kAdmin);
  if (!request) return;
  CaseStore& store = *request->store;
  StatusOr<std::vector<Account>> accounts = store.Accounts();
  if (!accounts.ok()) return ex.Fail(accounts.status());
  Array list;
  for (const Account& a : *accounts) list.add(AccountJson(a));
  ex.Json(200, list);
}

void CreateAccount(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kAdmin);
  if (!request) return;
  CaseStore& store = *request->store;
  Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  JsonFields fields(*body);
  NewAccount account;
  account.username = fields.String("username").value_or("");
  account.display_name = fields.String("display_name").value_or(account.username);
  account.password = fields.String("password").value_or("");
  account.roles = fields.Strings("roles").value_or(std::vector<std::string>{});
  account.admin = fields.Bool("admin").value_or(false);
  if (Status checked = fields.Finish(); !checked.ok()) return ex.Fail(checked);
  if (Status roles = CheckStaffRoles(ex.state(), account.roles); !roles.ok()) {
    return ex.Fail(roles);
  }
  const Instant now = ex.state().clock->Now();
  if (Status created = store.CreateAccount(account, PasswordPolicy{}, now); !created.ok()) {
    return ex.Fail(created);
  }
  StatusOr<Account> stored = store.GetAccount(account.username);
  if (!stored.ok()) return ex.Fail(stored.status());
  ex.SetHeader("Location", "/api/accounts/" + account.username);
  ex.Json(201, AccountJson(*stored));
}

void GetAccount(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  const std::string& username = ex.Param("username");
  if (!caller.account.admin && caller.account.username != username) {
    ex.Problem(403, "only an administrator may read another account");
    return;
  }
  StatusOr<Account> account = store.GetAccount(username);
  if (!account.ok()) return ex.Fail(account.status());
  ex.Json(200, AccountJson(*account));
}

// An administrator changes any field of any account; anyone changes their own password, and
// must give the current one for that (a stolen session alone cannot take the account over).
void UpdateAccount(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  const std::string& username = ex.Param("username");
  const bool self = caller.account.username == username;
  if (!caller.account.admin && !self) {
    ex.Problem(403, "only an administrator may change another account");
    return;
  }
  Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  JsonFields fields(*body);
  AccountUpdate update;
  update.display_name = fields.String("display_name");
  update.roles = fields.Strings("roles");
  update.admin = fields.Bool("admin");
  update.disabled = fields.Bool("disabled");
  update.password = fields.String("password");
  const std::optional<std::string> current = fields.String("current_password");
  if (Status checked = fields.Finish(); !checked.ok()) return ex.Fail(checked);
  if (!caller.account.admin &&
      (update.display_name || update.roles || update.admin || update.disabled)) {
    ex.Problem(403, "only an administrator may change names, roles and the admin and disabled "
                    "flags; you may change your own password");
    return;
  }
  if (update.roles) {
    if (Status roles = CheckStaffRoles(ex.state(), *update.roles); !roles.ok()) {
      return ex.Fail(roles);
    }
  }
  if (update.password && self) {
    if (!current) {
      ex.Problem(422, "current_password: required to change your own password",
                 "current_password");
      return;
    }
    // Throttled like a login: a stolen session must not become a way to guess the password,
    // nor a way to lock the account's owner out.
    if (!CheckPasswordThrottled(ex, store, username, *current, PasswordPurpose::kPasswordChange)) {
      return;
    }
  }
  const Instant now = ex.state().clock->Now();
  if (Status updated = store.UpdateAccount(username, update, PasswordPolicy{}, now);
      !updated.ok()) {
    return ex.Fail(updated);
  }
  StatusOr<Account> account = store.GetAccount(username);
  if (!account.ok()) return ex.Fail(account.status());
  ex.Json(200, AccountJson(*account));
}

}  // namespace uitdaag::http
