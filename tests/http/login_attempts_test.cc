// The login throttle over real HTTP (password_check.h): guessing from one address stops that
// address, never the user at another; a user name that many addresses guess only slows the
// answers to wrong passwords; a password change is throttled the same way; every failure is
// counted in /metrics and logged without the client's address. Loopback addresses other than
// 127.0.0.1 (the whole of 127.0.0.0/8 is this machine) stand for other clients.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <regex>

#include "http/http_client.h"
#include "http/log_capture.h"

namespace uitdaag::testing {
namespace {

using std::chrono::milliseconds;

// A request from the loopback address `from`.
HttpResult CallFrom(TestService& s, const std::string& from, const std::string& method,
                    const std::string& path, const std::string& body, const Headers& headers = {}) {
  // Bound and connected here: the session then uses the socket as it is (HTTPClientSession
  // would refuse to change the host of a socket already bound).
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
  socket.impl()->bind(Poco::Net::SocketAddress(from, 0));
  const auto port = static_cast<Poco::UInt16>(s.service->port());
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
  Poco::Net::HTTPClientSession session(socket);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setHost("127.0.0.1", port);
  for (const auto& [name, value] : headers) request.set(name, value);
  request.setContentType("application/json");
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, result.body);
  for (const auto& [name, value] : response) result.headers[name] = value;
  return result;
}

std::string LoginBody(const std::string& username, const std::string& password) {
  return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
}

HttpResult Login(TestService& s, const std::string& from, const std::string& username,
                 const std::string& password) {
  return CallFrom(s, from, "POST", "/api/session", LoginBody(username, password));
}

// The value of one sample line of the exposition ("name{labels} value").
std::string Sample(const std::string& exposition, const std::string& series) {
  const size_t at = exposition.find("\n" + series + " ");
  if (at == std::string::npos) return "absent";
  const size_t start = at + series.size() + 2;
  return exposition.substr(start, exposition.find('\n', start) - start);
}

constexpr const char* kWrong = "fout-fout-fout";

TEST_CASE("http: 100 wrong passwords for admin from one address do not lock admin out",
          "[http][security][throttle]") {
  TestService s;
  LogCapture log;
  const std::string right = s.Password("admin");
  int unauthorized = 0, refused = 0;
  for (int i = 0; i < 100; ++i) {
    HttpResult r = Login(s, "127.0.0.1", "admin", kWrong);
    if (r.status == 401) {
      ++unauthorized;
    } else {
      ExpectProblem(r, 429, "too many failed logins");
      CHECK(r.Header("Retry-After") == "900");  // the test clock stands still
      ++refused;
    }
  }
  // The pair (admin, 127.0.0.1) is stopped after five.
  CHECK(unauthorized == 5);
  CHECK(refused == 95);
  // Another address guesses too: the name has failed often, so wrong answers slow down.
  std::vector<milliseconds> took;
  for (int i = 0; i < 4; ++i) {
    const auto started = std::chrono::steady_clock::now();
    ExpectProblem(Login(s, "127.0.0.3", "admin", kWrong), 401, "unknown user or wrong password");
    took.push_back(
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started));
  }
  CHECK(took[3] >= milliseconds(2000));  // the ninth failure of the name waits the cap

  // The administrator, from an address that has not failed, logs in at once: not refused and
  // not delayed (a wrong password now would wait 2 s; a generous bound for a noisy machine).
  const auto started = std::chrono::steady_clock::now();
  HttpResult admin = Login(s, "127.0.0.2", "admin", right);
  const auto login_took = std::chrono::steady_clock::now() - started;
  INFO(admin.body);
  REQUIRE(admin.status == 201);
  CHECK(login_took < milliseconds(1000));
  // The guessing address stays refused for admin, even with the right password, within the
  // window; it may still log in others (it has not reached the limit of an address).
  ExpectProblem(Login(s, "127.0.0.1", "admin", right), 429, "too many failed logins");
  CHECK(Login(s, "127.0.0.1", "teamleider", s.Password("teamleider")).status == 201);

  // Audit: one warning line per failure, with the name's count and the delay, never the
  // address; counters in /metrics.
  const std::vector<std::string> lines = log.LinesStartingWith("login_failed ");
  REQUIRE(lines.size() == 9);
  CHECK(lines[0] == "login_failed user=admin recent_failures=1 delay_ms=0");
  CHECK(lines[4] == "login_failed user=admin recent_failures=5 delay_ms=0");
  CHECK(lines[5] == "login_failed user=admin recent_failures=6 delay_ms=250");
  CHECK(lines[6] == "login_failed user=admin recent_failures=7 delay_ms=500");
  CHECK(lines[7] == "login_failed user=admin recent_failures=8 delay_ms=1000");
  CHECK(lines[8] == "login_failed user=admin recent_failures=9 delay_ms=2000");
  for (const std::string& line : log.channel->Lines()) CHECK_THAT(line, !Catch::Contains("127.0"));
  const Headers bearer = {
      {"Authorization", "Bearer " + admin.Json()->getValue<std::string>("token")}};
  HttpResult metrics = s.Call("GET", "/metrics", "", bearer);
  REQUIRE(metrics.status == 200);
  CHECK(Sample(metrics.body, "uitdaag_login_failures_total{purpose=\"login\"}") == "9");
  CHECK(Sample(metrics.body, "uitdaag_login_refusals_total{purpose=\"login\"}") == "96");
  CHECK(Sample(metrics.body, "uitdaag_login_delayed_total{purpose=\"login\"}") == "4");
  CHECK(Sample(metrics.body, "uitdaag_login_failures_total{purpose=\"password_change\"}") == "0");

  // Once the window has passed, the guessing address may try again.
  s.clock.Set(At("2026-01-08T10:15"));  // the failures were at 10:00
  CHECK(Login(s, "127.0.0.1", "admin", right).status == 201);
}

TEST_CASE("http: an address failing for many user names is stopped for all of them",
          "[http][security][throttle]") {
  TestService s;
  LogCapture log;
  // Twenty failures spread over names (none fails five times from here), one of them forged to
  // look like a second log line.
  const std::string forged = "x\\nlogin_failed user=admin";
  for (int i = 0; i < 20; ++i) {
    const std::string name = i == 0 ? forged : "naam" + std::to_string(i % 5);
    ExpectProblem(Login(s, "127.0.0.5", name, kWrong), 401, "unknown user or wrong password");
  }
  HttpResult stopped = Login(s, "127.0.0.5", "teamleider", s.Password("teamleider"));
  ExpectProblem(stopped, 429, "too many failed logins");
  CHECK(stopped.Header("Retry-After") == "900");
  CHECK(Login(s, "127.0.0.6", "teamleider", s.Password("teamleider")).status == 201);
  // The forged name stays inside its one line: the line break and the space are encoded.
  const std::vector<std::string> lines = log.LinesStartingWith("login_failed ");
  REQUIRE(lines.size() == 20);
  CHECK(lines[0] == "login_failed user=x%0Alogin_failed%20user=admin recent_failures=1 delay_ms=0");
}

TEST_CASE("http: a password change is throttled like a login and cannot lock its owner out",
          "[http][security][throttle]") {
  TestService s;
  const std::string password = s.Password("behandelaar");
  HttpResult login = Login(s, "127.0.0.1", "behandelaar", password);
  REQUIRE(login.status == 201);
  const Headers bearer = {
      {"Authorization", "Bearer " + login.Json()->getValue<std::string>("token")}};
  const std::string path = "/api/accounts/behandelaar";
  const std::string wrong_change =
      R"({"password": "een-heel-nieuw-wachtwoord", "current_password": "fout-fout-fout"})";
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  for (int i = 0; i < 5; ++i) {
    ExpectProblem(CallFrom(s, "127.0.0.7", "PATCH", path, wrong_change, bearer), 403,
                  "current_password: wrong password", "current_password");
  }
  HttpResult refused = CallFrom(s, "127.0.0.7", "PATCH", path, wrong_change, bearer);
  ExpectProblem(refused, 429, "too many wrong passwords");
  CHECK(refused.Header("Retry-After") == "900");
  // Even the right current password is refused from there, and nothing changed.
  ExpectProblem(CallFrom(s, "127.0.0.7", "PATCH", path,
                         R"({"password": "een-heel-nieuw-wachtwoord", "current_password": ")" +
                             password + "\"}",
                         bearer),
                429, "too many wrong passwords");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
  // The owner, elsewhere, logs in and changes the password.
  CHECK(Login(s, "127.0.0.8", "behandelaar", password).status == 201);
  HttpResult changed = CallFrom(
      s, "127.0.0.8", "PATCH", path,
      R"({"password": "een-heel-nieuw-wachtwoord", "current_password": ")" + password + "\"}",
      bearer);
  INFO(changed.body);
  CHECK(changed.status == 200);
  HttpResult metrics = s.Call("GET", "/metrics", "", s.Login("admin"));
  CHECK(Sample(metrics.body, "uitdaag_login_failures_total{purpose=\"password_change\"}") == "5");
  CHECK(Sample(metrics.body, "uitdaag_login_refusals_total{purpose=\"password_change\"}") == "2");
}

}  // namespace
}  // namespace uitdaag::testing
