// Accounts of the people who work cases (handlers, administrators), as the store keeps them
// (uitdaag/store.h: CreateAccount, CheckLogin, CreateSession, Authenticate, ...).
//
// An account has a username, a name to show, the workflow role ids it may act in (the `roles`
// of the workflow YAML, e.g. "behandelaar") and an admin flag for managing accounts. Its
// password is stored only as an Argon2id hash (uitdaag/password.h). Challengers have no
// account: they reach their own case through a case token (CaseStore::CreateCaseToken).
//
// Thread safety: value types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/instant.h"
#include "uitdaag/status.h"

namespace uitdaag {

struct Account {
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;  // workflow role ids, in the order given at creation
  bool admin = false;
  bool disabled = false;  // a disabled account cannot log in and its sessions do not authenticate
  Instant created_at;

  bool operator==(const Account&) const = default;
};

struct NewAccount {
  std::string username;
  std::string display_name;
  std::string password;  // plain text; only its hash is stored
  std::vector<std::string> roles;
  bool admin = false;
};

inline constexpr size_t kMaxUsername = 64;      // bytes of [a-z0-9._-]
inline constexpr size_t kMaxDisplayName = 200;  // UTF-8 code points
inline constexpr size_t kMaxAccountRoles = 16;

// A change to an account: only the fields that are set change, all in one transaction.
struct AccountUpdate {
  std::optional<std::string> display_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> admin;
  std::optional<bool> disabled;     // disabling also ends every session and API token
  std::optional<std::string> password;  // plain text; a new password ends every session too
};

// Session kinds: a browser login, or a long-lived token for scripts.
inline constexpr std::string_view kSessionKind = "session";
inline constexpr std::string_view kApiSessionKind = "api";

inline constexpr size_t kMaxTokenLabel = 100;  // UTF-8 code points, one line

// A session or API token as it can be listed: never the token itself. `id` is the first 16 hex
// digits of the token's SHA-256, enough to tell a user's tokens apart and to revoke one.
struct SessionInfo {
  std::string id;
  std::string username;
  std::string kind;   // kSessionKind or kApiSessionKind
  std::string label;  // what an API token is for ("zaaksysteem"); empty for a login
  Instant created_at;
  Instant expires_at;
};

// The id of a session or API token (SessionInfo::id): the first 16 hex digits of its SHA-256.
std::string SessionId(std::string_view token);

// The checks CreateAccount makes, except the password and whether the name is taken:
// username 1..kMaxUsername characters of [a-z0-9._-]; display name 1..kMaxDisplayName code
// points of one-line UTF-8 (no control characters); at most kMaxAccountRoles roles, each an
// identifier [A-Za-z_][A-Za-z0-9_]*, none twice. kInvalidArgument naming the field otherwise.
Status ValidateAccountFields(const NewAccount& account);

}  // namespace uitdaag
