// CaseStore: accounts, sessions and case tokens (uitdaag/store.h, uitdaag/accounts.h;
// engine/DESIGN.md, "Accounts and sessions").
//
// Tokens never reach the database: a session or case token is looked up by the SHA-256 of its
// text. Passwords are hashed and verified outside any transaction, since one Argon2id run takes
// tens of milliseconds and a write transaction holds the database's single write lock.
#include <sqlite3.h>

#include <utility>

#include "case_json_internal.h"
#include "store_impl.h"
#include "uitdaag/accounts.h"
#include "uitdaag/audit.h"
#include "uitdaag/password.h"
#include "uitdaag/utf8.h"

namespace uitdaag {

using namespace Poco::Data::Keywords;  // NOLINT: use(), into(), now

namespace {

constexpr const char* kLoginDenied = "unknown user or wrong password";
constexpr const char* kSessionDenied = "unknown or expired session";
constexpr const char* kCaseTokenDenied = "unknown case token";

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string RolesToJson(const std::vector<std::string>& roles) {
  return store_internal::JsonOf([&](store_internal::JsonWriter& w) {
    w.BeginArray();
    for (const std::string& role : roles) w.String(role);
    w.EndArray();
  });
}

StatusOr<std::vector<std::string>> RolesFromJson(const std::string& username,
                                                 const std::string& json) {
  auto bad = [&] {
    return Status::IoError(
        "account '" + username + "': the stored roles are not a JSON array of strings", username);
  };
  StatusOr<store_internal::JsonIn> in = store_internal::JsonIn::Parse(json);
  if (!in.ok() || !in->is_array()) return bad();
  std::vector<std::string> roles;
  for (const store_internal::JsonIn& item : in->Items()) {
    StatusOr<std::string> role = item.AsString();
    if (!role.ok()) return bad();
    roles.push_back(std::move(*role));
  }
  return roles;
}

// The columns every account query selects, and the buffers they are read into.
constexpr const char* kAccountColumns =
    "username, display_name, roles, admin, disabled, created_at";

struct AccountRows {
  std::vector<std::string> username, display_name, roles;
  std::vector<int> admin, disabled;
  std::vector<int64_t> created;

  StatusOr<std::vector<Account>> ToAccounts() const {
    std::vector<Account> out;
    for (size_t i = 0; i < username.size(); ++i) {
      Account a;
      a.username = username[i];
      a.display_name = display_name[i];
      UITDAAG_ASSIGN_OR_RETURN(a.roles, RolesFromJson(username[i], roles[i]));
      a.admin = admin[i] != 0;
      a.disabled = disabled[i] != 0;
      a.created_at = Instant::FromUnixSeconds(created[i]);
      out.push_back(std::move(a));
    }
    return out;
  }
};

// The account `username`, or nullopt. Throws like every query here.
StatusOr<std::optional<Account>> SelectAccount(Poco::Data::Session& session,
                                               std::string_view username,
                                               std::string* password_hash = nullptr) {
  std::string name(username);
  AccountRows rows;
  std::vector<std::string> hash;
  session << "SELECT " + std::string(kAccountColumns) +
                 ", password_hash FROM accounts WHERE username = ?",
      use(name), into(rows.username), into(rows.display_name), into(rows.roles), into(rows.admin),
      into(rows.disabled), into(rows.created), into(hash), now;
  UITDAAG_ASSIGN_OR_RETURN(std::vector<Account> found, rows.ToAccounts());
  if (found.empty()) return std::optional<Account>();
  if (password_hash != nullptr) *password_hash = hash.front();
  return std::optional<Account>(std::move(found.front()));
}

// A hash that no password is known for, with the default policy's cost: CheckLogin verifies
// against it when the user does not exist, so that answer takes as long as a wrong password.
const std::string& DummyPasswordHash() {
  static const std::string hash = [] {
    StatusOr<std::string> made = HashPassword(RandomToken(), PasswordPolicy{});
    return made.ok() ? *made : std::string();
  }();
  return hash;
}

Status ValidKind(std::string_view kind) {
  if (kind == kSessionKind || kind == kApiSessionKind) return Status::Ok();
  return Status::InvalidArgument(
      "session kind must be 'session' or 'api', not '" + std::string(kind) + "'", "kind");
}

Status ValidLabel(std::string_view label) {
  if (Status plain = CheckPlainText("label", label, TextLines::kOneLine); !plain.ok()) {
    return plain;
  }
  const std::optional<size_t> length = Utf8Length(label);
  if (!length || *length > kMaxTokenLabel) {
    return Status::InvalidArgument(
        "label: at most " + std::to_string(kMaxTokenLabel) + " characters", "label");
  }
  return Status::Ok();
}

constexpr size_t kSessionIdLength = 16;  // hex digits of the token hash (SessionInfo::id)

}  // namespace

std::string SessionId(std::string_view token) {
  return Sha256Hex(token).substr(0, kSessionIdLength);
}

Status ValidateAccountFields(const NewAccount& a) {
  if (a.username.empty() || a.username.size() > kMaxUsername) {
    return Status::InvalidArgument("username: 1 to " + std::to_string(kMaxUsername) + " characters",
                                   "username");
  }
  for (const char c : a.username) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
      return Status::InvalidArgument(
          "username: only lowercase letters a-z, digits and . _ - are allowed", "username");
    }
  }
  if (Status plain = CheckPlainText("display_name", a.display_name, TextLines::kOneLine);
      !plain.ok()) {
    return plain;
  }
  const std::optional<size_t> length = Utf8Length(a.display_name);
  if (!length || *length == 0 || *length > kMaxDisplayName) {
    return Status::InvalidArgument(
        "display_name: 1 to " + std::to_string(kMaxDisplayName) + " characters", "display_name");
  }
  if (a.roles.size() > kMaxAccountRoles) {
    return Status::InvalidArgument("roles: at most " + std::to_string(kMaxAccountRoles) + " roles",
                                   "roles");
  }
  for (size_t i = 0; i < a.roles.size(); ++i) {
    if (!IsIdentifier(a.roles[i])) {
      return Status::InvalidArgument(
          "roles: '" + a.roles[i] + "' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)", "roles");
    }
    for (size_t j = 0; j < i; ++j) {
      if (a.roles[j] == a.roles[i]) {
        return Status::InvalidArgument("roles: '" + a.roles[i] + "' is listed twice", "roles");
      }
    }
  }
  return Status::Ok();
}

Status CaseStore::CreateAccount(const NewAccount& a, const PasswordPolicy& policy, Instant at) {
  UITDAAG_RETURN_IF_ERROR(ValidateAccountFields(a));
  UITDAAG_ASSIGN_OR_RETURN(std::string hash, HashPassword(a.password, policy));
  Impl& s = *impl_;
  return s.InWriteTransaction("creating account " + a.username, [&]() -> Status {
    std::string name = a.username, display = a.display_name, roles = RolesToJson(a.roles);
    int admin = a.admin ? 1 : 0;
    int64_t created = at.unix_seconds(), inserted = 0;
    // One statement decides, so two concurrent creations of one name cannot both succeed.
    s.session << "INSERT INTO accounts (username, display_name, roles, admin, password_hash, "
                 "disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?) "
                 "ON CONFLICT (username) DO NOTHING",
        use(name), use(display), use(roles), use(admin), use(hash), use(created), use(created), now;
    s.session << "SELECT changes()", into(inserted), now;
    if (inserted == 0) {
      return Status::AlreadyExists("username '" + name + "' is already taken", name);
    }
    return Status::Ok();
  });
}

StatusOr<Account> CaseStore::GetAccount(std::string_view username) {
  try {
    UITDAAG_ASSIGN_OR_RETURN(std::optional<Account> found, SelectAccount(impl_->session, username));
    if (!found) {
      return Status::NotFound("no account '" + std::string(username) + "'", std::string(username));
    }
    return std::move(*found);
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading account " + std::string(username));
  }
}

StatusOr<std::vector<Account>> CaseStore::Accounts() {
  try {
    AccountRows rows;
    impl_->session << "SELECT " + std::string(kAccountColumns) + " FROM accounts ORDER BY username",
        into(rows.username), into(rows.display_name), into(rows.roles), into(rows.admin),
        into(rows.disabled), into(rows.created), now;
    return rows.ToAccounts();
  } catch (const std::exception& e) {
    return impl_->Error(e, "listing accounts");
  }
}

StatusOr<int64_t> CaseStore::CountAccounts() {
  try {
    int64_t count = 0;
    impl_->session << "SELECT count(*) FROM accounts", into(count), now;
    return count;
  } catch (const std::exception& e) {
    return impl_->Error(e, "counting accounts");
  }
}

StatusOr<Account> CaseStore::CheckLogin(std::string_view username, std::string_view password) {
  std::optional<Account> account;
  std::string hash;
  try {
    UITDAAG_ASSIGN_OR_RETURN(account, SelectAccount(impl_->session, username, &hash));
  } catch (const std::exception& e) {
    return impl_->Error(e, "checking a login");
  }
  // Always one verification, and the disabled flag only after it: every refusal costs the same.
  const bool matches = VerifyPassword(password, account ? hash : DummyPasswordHash());
  if (!account || !matches || account->disabled) return Status::PermissionDenied(kLoginDenied);
  return std::move(*account);
}

Status CaseStore::SetAccountDisabled(std::string_view username, bool disabled, Instant at) {
  AccountUpdate update;
  update.disabled = disabled;
  return UpdateAccount(username, update, PasswordPolicy{}, at);
}

Status CaseStore::SetPassword(std::string_view username, std::string_view new_password,
                              const PasswordPolicy& policy, Instant at) {
  AccountUpdate update;
  update.password = std::string(new_password);
  return UpdateAccount(username, update, policy, at);
}

Status CaseStore::UpdateAccount(std::string_view username, const AccountUpdate& update,
                                const PasswordPolicy& policy, Instant at) {
  std::optional<std::string> hash;
  if (update.password) {
    UITDAAG_ASSIGN_OR_RETURN(hash, HashPassword(*update.password, policy));
  }
  Impl& s = *impl_;
  std::string name(username);
  return s.InWriteTransaction("updating account " + name, [&]() -> Status {
    UITDAAG_ASSIGN_OR_RETURN(std::optional<Account> found, SelectAccount(s.session, name));
    if (!found) return Status::NotFound("no account '" + name + "'", name);
    NewAccount changed;
    changed.username = found->username;
    changed.display_name = update.display_name.value_or(found->display_name);
    changed.roles = update.roles.value_or(found->roles);
    UITDAAG_RETURN_IF_ERROR(ValidateAccountFields(changed));
    std::string display = changed.display_name, roles = RolesToJson(changed.roles);
    int admin = update.admin.value_or(found->admin) ? 1 : 0;
    int disabled = update.disabled.value_or(found->disabled) ? 1 : 0;
    int64_t updated = at.unix_seconds();
    s.session << "UPDATE accounts SET display_name = ?, roles = ?, admin = ?, disabled = ?, "
                 "updated_at = ? WHERE username = ?",
        use(display), use(roles), use(admin), use(disabled), use(updated), use(name), now;
    if (hash) {
      s.session << "UPDATE accounts SET password_hash = ? WHERE username = ?", use(*hash),
          use(name), now;
    }
    if (disabled != 0 || hash) s.session << "DELETE FROM sessions WHERE username = ?", use(name), now;
    if (found->admin && !found->disabled && (admin == 0 || disabled != 0)) {
      int64_t admins = 0;
      s.session << "SELECT count(*) FROM accounts WHERE admin = 1 AND disabled = 0", into(admins),
          now;
      if (admins == 0) {
        return Status::FailedPrecondition(
            "'" + name + "' is the last enabled administrator; make another one first", name);
      }
    }
    return Status::Ok();
  });
}

StatusOr<std::string> CaseStore::CreateSession(std::string_view username, std::string_view kind,
                                               Instant at, int64_t ttl_seconds,
                                               std::string_view label) {
  UITDAAG_RETURN_IF_ERROR(ValidKind(kind));
  UITDAAG_RETURN_IF_ERROR(ValidLabel(label));
  if (ttl_seconds <= 0) {
    return Status::InvalidArgument(
        "a session needs a positive lifetime, not " + std::to_string(ttl_seconds) + " seconds",
        "ttl_seconds");
  }
  Impl& s = *impl_;
  return s.InWriteTransaction("creating a session", [&]() -> StatusOr<std::string> {
    UITDAAG_ASSIGN_OR_RETURN(std::optional<Account> account, SelectAccount(s.session, username));
    if (!account) {
      return Status::NotFound("no account '" + std::string(username) + "'", std::string(username));
    }
    if (account->disabled) {
      return Status::FailedPrecondition("account '" + account->username + "' is disabled",
                                        account->username);
    }
    std::string token = RandomToken(), hash = Sha256Hex(token), name = account->username, k(kind),
                text(label);
    int64_t created = at.unix_seconds(), expires = created + ttl_seconds;
    s.session << "INSERT INTO sessions (token_hash, username, created_at, expires_at, kind, label) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
        use(hash), use(name), use(created), use(expires), use(k), use(text), now;
    return token;
  });
}

StatusOr<Account> CaseStore::Authenticate(std::string_view token, Instant at) {
  try {
    std::string hash = Sha256Hex(token);
    int64_t when = at.unix_seconds();
    AccountRows rows;
    impl_->session << "SELECT a.username, a.display_name, a.roles, a.admin, a.disabled, "
                      "a.created_at FROM sessions s JOIN accounts a ON a.username = s.username "
                      "WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0",
        use(hash), use(when), into(rows.username), into(rows.display_name), into(rows.roles),
        into(rows.admin), into(rows.disabled), into(rows.created), now;
    UITDAAG_ASSIGN_OR_RETURN(std::vector<Account> found, rows.ToAccounts());
    if (found.empty()) return Status::PermissionDenied(kSessionDenied);
    return std::move(found.front());
  } catch (const std::exception& e) {
    return impl_->Error(e, "checking a session");
  }
}

StatusOr<std::vector<SessionInfo>> CaseStore::Sessions(std::string_view username,
                                                        std::string_view kind, Instant at) {
  UITDAAG_RETURN_IF_ERROR(ValidKind(kind));
  try {
    std::string name(username), k(kind);
    int64_t when = at.unix_seconds();
    std::vector<std::string> hash, user, label;
    std::vector<int64_t> created, expires;
    impl_->session << "SELECT token_hash, username, label, created_at, expires_at FROM sessions "
                      "WHERE kind = ? AND expires_at > ? AND (? = '' OR username = ?) "
                      "ORDER BY created_at DESC, token_hash",
        use(k), use(when), use(name), use(name), into(hash), into(user), into(label),
        into(created), into(expires), now;
    std::vector<SessionInfo> out;
    for (size_t i = 0; i < hash.size(); ++i) {
      out.push_back({hash[i].substr(0, kSessionIdLength), user[i], k, label[i],
                     Instant::FromUnixSeconds(created[i]), Instant::FromUnixSeconds(expires[i])});
    }
    return out;
  } catch (const std::exception& e) {
    return impl_->Error(e, "listing sessions");
  }
}

Status CaseStore::DeleteSessionById(std::string_view username, std::string_view kind,
                                    std::string_view id) {
  UITDAAG_RETURN_IF_ERROR(ValidKind(kind));
  const Status not_found = Status::NotFound("no token '" + std::string(id) + "'", "id");
  if (id.size() != kSessionIdLength ||
      id.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return not_found;
  }
  Impl& s = *impl_;
  return s.InWriteTransaction("deleting a session", [&]() -> Status {
    // The ids are hex prefixes of the primary key: a range over it, 'g' sorting after 'f'.
    std::string from(id), to = std::string(id) + "g", name(username), k(kind);
    s.session << "DELETE FROM sessions WHERE token_hash >= ? AND token_hash < ? AND kind = ? "
                 "AND (? = '' OR username = ?)",
        use(from), use(to), use(k), use(name), use(name), now;
    return sqlite3_changes(s.db) == 0 ? not_found : Status::Ok();
  });
}

Status CaseStore::DeleteSession(std::string_view token) {
  Impl& s = *impl_;
  return s.InWriteTransaction("deleting a session", [&]() -> Status {
    std::string hash = Sha256Hex(token);
    s.session << "DELETE FROM sessions WHERE token_hash = ?", use(hash), now;
    return Status::Ok();
  });
}

StatusOr<int64_t> CaseStore::DeleteExpiredSessions(Instant at) {
  Impl& s = *impl_;
  return s.InWriteTransaction("deleting expired sessions", [&]() -> StatusOr<int64_t> {
    int64_t when = at.unix_seconds();
    s.session << "DELETE FROM sessions WHERE expires_at <= ?", use(when), now;
    return static_cast<int64_t>(sqlite3_changes64(s.db));
  });
}

StatusOr<std::string> CaseStore::CreateCaseToken(std::string_view case_id, Instant at) {
  Impl& s = *impl_;
  return s.InWriteTransaction("creating a case token", [&]() -> StatusOr<std::string> {
    std::string id(case_id);
    UITDAAG_RETURN_IF_ERROR(s.RequireCase(id));
    std::string token = RandomToken(), hash = Sha256Hex(token);
    int64_t created = at.unix_seconds();
    s.session << "INSERT INTO case_tokens (token_hash, case_id, created_at) VALUES (?, ?, ?)",
        use(hash), use(id), use(created), now;
    return token;
  });
}

StatusOr<std::string> CaseStore::CaseForToken(std::string_view token) {
  try {
    std::string hash = Sha256Hex(token);
    std::vector<std::string> case_id;
    impl_->session << "SELECT case_id FROM case_tokens WHERE token_hash = ?", use(hash),
        into(case_id), now;
    if (case_id.empty()) return Status::PermissionDenied(kCaseTokenDenied);
    return case_id.front();
  } catch (const std::exception& e) {
    return impl_->Error(e, "checking a case token");
  }
}

}  // namespace uitdaag
