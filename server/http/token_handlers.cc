// API tokens for integrations (the document system, the website): long-lived bearer tokens of
// a staff account, with a label saying what they are for. The token is shown once, at creation;
// afterwards only its id (a prefix of its hash) is listed and can be revoked. Staff manage their
// own tokens; administrators also those of others (`username`).
#include <Poco/JSON/Array.h>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/json_fields.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Object;

constexpr int64_t kDefaultTokenDays = 365;
constexpr int64_t kMaxTokenDays = 730;

Object TokenJson(const SessionInfo& s) {
  Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("id", s.id);
  o.set("username", s.username);
  o.set("label", s.label);
  o.set("created_at", s.created_at.ToLocalString());
  o.set("expires_at", s.expires_at.ToLocalString());
  return o;
}

// The account the request is about: the caller's own, or for an administrator the one named.
// Answers 403 itself and returns nullopt when a non-administrator names someone else.
std::optional<std::string> Subject(Exchange& ex, const Caller& caller,
                                   const std::optional<std::string>& named) {
  if (!named || *named == caller.account.username) return caller.account.username;
  if (!caller.account.admin) {
    ex.Problem(403, "only an administrator may manage another account's tokens", "username");
    return std::nullopt;
  }
  return *named;
}

}  // namespace

void CreateToken(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  Object::Ptr body;
  if (!ex.ReadJsonObject(&body)) return;
  JsonFields fields(*body);
  const std::optional<std::string> label = fields.String("label");
  const std::optional<int64_t> days = fields.Integer("ttl_days");
  const std::optional<std::string> named = fields.String("username");
  if (Status checked = fields.Finish(); !checked.ok()) return ex.Fail(checked);
  if (!label || label->empty()) {
    ex.Problem(422, "label: say what the token is for (at most 100 characters)", "label");
    return;
  }
  if (days && (*days < 1 || *days > kMaxTokenDays)) {
    ex.Problem(422, "ttl_days: 1 to " + std::to_string(kMaxTokenDays) + " days", "ttl_days");
    return;
  }
  const std::optional<std::string> username = Subject(ex, caller, named);
  if (!username) return;
  const Instant now = ex.state().clock->Now();
  const int64_t ttl = days.value_or(kDefaultTokenDays) * 24 * 3600;
  StatusOr<std::string> token = store.CreateSession(*username, kApiSessionKind, now, ttl, *label);
  if (!token.ok()) {
    // An administrator naming an unknown or disabled account: the field is at fault.
    if (token.status().code() == StatusCode::kNotFound ||
        token.status().code() == StatusCode::kFailedPrecondition) {
      ex.Problem(422, "username: " + token.status().message(), "username");
      return;
    }
    return ex.Fail(token.status());
  }
  // What the store now lists for it, without reading it back.
  const SessionInfo info{SessionId(*token), *username, std::string(kApiSessionKind), *label, now,
                         now.AddSeconds(ttl)};
  Object out = TokenJson(info);
  out.set("token", *token);
  ex.Json(201, out);
}

void ListTokens(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  // An administrator without ?username= sees every account's tokens.
  const std::optional<std::string> named = ex.Query("username");
  std::string username;
  if (named || !caller.account.admin) {
    const std::optional<std::string> subject = Subject(ex, caller, named);
    if (!subject) return;
    username = *subject;
  }
  StatusOr<std::vector<SessionInfo>> tokens =
      store.Sessions(username, kApiSessionKind, ex.state().clock->Now());
  if (!tokens.ok()) return ex.Fail(tokens.status());
  Poco::JSON::Array list;
  for (const SessionInfo& t : *tokens) list.add(TokenJson(t));
  ex.Json(200, list);
}

void DeleteToken(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  // Staff revoke only their own tokens; to them another's token does not exist.
  const std::string owner = caller.account.admin ? std::string() : caller.account.username;
  if (Status deleted = store.DeleteSessionById(owner, kApiSessionKind, ex.Param("id")); !deleted.ok()) {
    return ex.Fail(deleted);
  }
  ex.Bytes(204, "text/plain", "");
}

}  // namespace uitdaag::http
