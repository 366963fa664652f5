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

// The service on a fresh database, started on a free loopback port.
struct TestService {
  TempDir dir;
  AtomicClock clock{At("2026-01-08T10:00")};
  std::unique_ptr<http::Service> service;
  std::vector<http::DemoAccount> accounts;

  explicit TestService(http::ServiceConfig config = {}) {
    config.host = "127.0.0.1";
    config.port = 0;
    config.database = dir.File("cases.db");
    config.workflows_dir = SourcePath("workflows");
    config.threads = 4;
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

  HttpResult Call(const std::string& method, const std::string& path,
                  const std::string& body = {}, std::map<std::string, std::string> headers = {},
                  const std::string& content_type = "application/json") {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(service->port()));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST") {
      request.setContentType(content_type);
      request.setContentLength(static_cast<std::streamsize>(body.size()));
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

}  // namespace uitdaag::testing
