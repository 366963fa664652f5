#include "http/password_check.h"

#include <Poco/Logger.h>

#include <thread>

#include "http/log_safe.h"

namespace uitdaag::http {

std::optional<Account> CheckPasswordThrottled(Exchange& ex, CaseStore& store,
                                              const std::string& username,
                                              const std::string& password,
                                              PasswordPurpose purpose) {
  const bool login = purpose == PasswordPurpose::kLogin;
  const int64_t now = ex.state().clock->Now().unix_seconds();
  const std::string address = ex.ClientAddress();
  LoginThrottle& throttle = ex.state().logins;
  if (const int64_t wait = throttle.SecondsRefused(username, address, now); wait > 0) {
    ex.state().metrics.LoginRefused(purpose);
    ex.SetHeader("Retry-After", std::to_string(wait));
    ex.Problem(429, login ? "too many failed logins; try again later"
                          : "too many wrong passwords; try again later");
    return std::nullopt;
  }
  StatusOr<Account> account = store.CheckLogin(username, password);
  if (account.ok()) {
    throttle.Succeeded(username, address);
    return std::move(account).value();
  }
  if (account.status().code() != StatusCode::kPermissionDenied) {
    ex.Fail(account.status());
    return std::nullopt;
  }
  const std::chrono::milliseconds delay = throttle.Failed(username, address, now);
  ex.state().metrics.LoginFailed(purpose);
  const bool waits = delay.count() > 0 && throttle.TryStartWait();
  Poco::Logger::get("uitdaag.http")
      .warning(std::string(login ? "login_failed" : "password_change_failed") +
               " user=" + LogSafe(username) +
               " recent_failures=" + std::to_string(throttle.UserFailures(username, now)) +
               " delay_ms=" + std::to_string(waits ? delay.count() : 0));
  if (waits) {
    ex.state().metrics.LoginDelayed(purpose);
    std::this_thread::sleep_for(delay);
    throttle.EndWait();
  }
  if (login) {
    ex.Problem(401, account.status().message());
  } else {
    ex.Problem(403, "current_password: wrong password", "current_password");
  }
  return std::nullopt;
}

}  // namespace uitdaag::http
