// Test support for the HTTP service: the real service on 127.0.0.1 (port 0) over a fresh SQLite
// file, a clock the test moves (atomic: request and worker threads read it), and a small client
// over real sockets.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>

#include "http/service.h"
#include "support/letter_fixture.h"

namespace uitdaag::testing {

class AtomicClock final : public Clock {
 public:
  explicit AtomicClock(Instant start) : seconds_(start.unix_seconds()) {}
  Instant Now() const override { return Instant::FromUnixSeconds(seconds_.load()); }
  void Set(Instant t) { seconds_.store(t.unix_seconds()); }

 private:
  std::atomic<int64_t> seconds_;
};

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  Poco::JSON::Object::Ptr Json() const {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var v = parser.parse(body);
    REQUIRE(v.type() == typeid(Poco::JSON::Object::Ptr));
    return v.extract<Poco::JSON::Object::Ptr>();
  }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// The service on a fresh database, started on a free loopback port. The request rate limit is
// off (tests poll, and the test clock stands still, so no bucket would refill) unless a test
// asks for the configured one with RateLimit::kAsConfigured.
struct TestService {
  enum class RateLimit { kOff, kAsConfigured };
  TempDir dir;
  AtomicClock clock{At("2026-01-08T10:00")};
  std::unique_ptr<http::Service> service;
  std::vector<http::DemoAccount> accounts;
  // When set, called with every exchange Call makes: the method, the request target (path and
  // query) and the answer. The OpenAPI flow test records them (exchange_recorder.h).
  std::function<void(const std::string& method, const std::string& target, const HttpResult&)>
      on_exchange;

  explicit TestService(http::ServiceConfig config = {}, RateLimit rate_limit = RateLimit::kOff) {
    if (rate_limit == RateLimit::kOff) config.rate_limit_per_second = 0;
    config.host = "127.0.0.1";
    config.port = 0;
    config.database = dir.File("cases.db");
    config.workflows_dir = SourcePath("workflows");
    config.worker_interval_seconds = 3600;  // the tests wake the worker themselves
    std::ostringstream err;
    service = http::Service::Create(config, clock, err);
    INFO(err.str());
    REQUIRE(service != nullptr);
    StatusOr<std::vector<http::DemoAccount>> demo = service->SeedDemoAccounts();
    REQUIRE(demo.ok());
    accounts = *demo;
    REQUIRE(service->Start().ok());
  }

  std::string Password(const std::string& username) const {
    for (const auto& a : accounts) {
      if (a.username == username) return a.password;
    }
    FAIL("no demo account " << username);
    return {};
  }

  // `chunked`: the body without Content-Length, so only reading it tells its size.
  HttpResult Call(const std::string& method, const std::string& path,
                  const std::string& body = {}, std::map<std::string, std::string> headers = {},
                  const std::string& content_type = "application/json", bool chunked = false) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(service->port()));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST") {
      request.setContentType(content_type);
      if (chunked) {
        request.setChunkedTransferEncoding(true);
      } else {
        request.setContentLength(static_cast<std::streamsize>(body.size()));
      }
      session.sendRequest(request) << body;
    } else {
      session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResult result;
    result.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, result.body);
    for (const auto& [name, value] : response) result.headers[name] = value;
    if (on_exchange) on_exchange(method, path, result);
    return result;
  }

  // Logs in; returns the bearer header.
  std::map<std::string, std::string> Login(const std::string& username) {
    HttpResult r = Call("POST", "/api/session",
                        "{\"username\":\"" + username + "\",\"password\":\"" +
                            Password(username) + "\"}");
    INFO(r.body);
    REQUIRE(r.status == 201);
    return {{"Authorization", "Bearer " + r.Json()->getValue<std::string>("token")}};
  }

  // Waits until the background worker has nothing left to do: no outbox item pending (letters
  // rendered and recorded). Tests that compare database dumps start from there.
  void WaitForIdle() {
    const std::string db = dir.File("cases.db");
    REQUIRE(WaitFor([&] {
      sqlite3* handle = nullptr;
      if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(handle);
        return false;
      }
      sqlite3_busy_timeout(handle, 1000);
      sqlite3_stmt* stmt = nullptr;
      int pending = -1;
      if (sqlite3_prepare_v2(handle, "SELECT count(*) FROM outbox WHERE status = 'pending'", -1,
                             &stmt, nullptr) == SQLITE_OK &&
          sqlite3_step(stmt) == SQLITE_ROW) {
        pending = sqlite3_column_int(stmt, 0);
      }
      sqlite3_finalize(stmt);
      sqlite3_close(handle);
      return pending == 0;
    }));
  }

  // Polls `done` (with the worker woken) for up to ten seconds.
  template <typename Done>
  bool WaitFor(Done done) {
    for (int i = 0; i < 200; ++i) {
      service->state().nudge_worker();
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
};

using Headers = std::map<std::string, std::string>;

// A complete submission of the default workflow.
inline const char* const kSubmission = R"({
    "workflow": "uitdaagrecht",
    "applicant": {"name": "Stichting Groen Doet", "address": "Tulpstraat 14",
                  "postcode": "1235 BT", "city": "Voorbeeldstad"},
    "data": {"naam_initiatief": "Groen", "soort_indiener": "bewonersgroep",
             "taak": "Onderhoud van het groen.", "meerwaarde": "Vaker maaien.",
             "kennis_en_ervaring": "Hoveniers.", "draagvlak": "Veel.", "begroting": 12500,
             "kwaliteit_en_continuiteit": "Rooster."}})";

struct Submitted {
  std::string id;
  Headers challenger;
};

// Submits (201 required); the case id and the challenger's bearer header.
inline Submitted Submit(TestService& s, const std::string& body = kSubmission,
                        Headers headers = {}) {
  HttpResult r = s.Call("POST", "/api/cases", body, headers);
  INFO(r.body);
  REQUIRE(r.status == 201);
  return {r.Json()->getValue<std::string>("id"),
          {{"Authorization", "Bearer " + r.Json()->getValue<std::string>("access_token")}}};
}

// A problem+json answer with this status, a detail containing `detail_part`, the field (when
// given), and nothing of the database inside.
inline void ExpectProblem(const HttpResult& r, int status, const std::string& detail_part,
                   const std::string& field = {}) {
  INFO(r.body);
  CHECK(r.status == status);
  CHECK(r.Header("Content-Type") == "application/problem+json");
  Poco::JSON::Object::Ptr problem = r.Json();
  CHECK(problem->getValue<int>("status") == status);
  CHECK_THAT(problem->getValue<std::string>("detail"), Catch::Contains(detail_part));
  if (!field.empty()) CHECK(problem->optValue<std::string>("field", "") == field);
  CHECK_THAT(r.body, !Catch::Contains("SELECT"));
  CHECK_THAT(r.body, !Catch::Contains("sqlite"));
}

}  // namespace uitdaag::testing
