// CheckPasswordThrottled: a password checked under the login throttle (login_throttle.h), the
// same way for a login (POST /api/session) and for the current password of a password change
// (PATCH /api/accounts/{username}), keyed by the user name and Exchange::ClientAddress().
//
// Answers itself, and returns nullopt, when the password is not accepted:
//   - the pair (user name, address) or the address has failed too often: 429 with Retry-After,
//     before any password is checked; counted as a refusal (uitdaag_login_refusals_total);
//   - a wrong password (or an unknown or disabled account): counted
//     (uitdaag_login_failures_total), one warning line to the "uitdaag.http" logger with the
//     user name made log-safe and without the client's address (personal data), then the
//     answer waits as the throttle says for that user name: 401 "unknown user or wrong
//     password" for a login, 403 naming current_password for a password change;
//   - the store failing: its problem (5xx).
// A right password returns the account at once and forgets the pair's failures.
//
// Thread safety: one call per request thread; the throttle and the metrics are shared safely.
#pragma once

#include <optional>
#include <string>

#include "http/exchange.h"
#include "uitdaag/store.h"

namespace uitdaag::http {

// PasswordPurpose (kLogin, kPasswordChange) is declared in metrics.h, which labels by it.
std::optional<Account> CheckPasswordThrottled(Exchange& ex, CaseStore& store,
                                              const std::string& username,
                                              const std::string& password, PasswordPurpose purpose);

}  // namespace uitdaag::http
