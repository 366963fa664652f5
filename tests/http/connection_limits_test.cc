// Idle and slow clients: connections that send nothing, or a header line now and then, may not
// take the service from anyone else. A per-address cap refuses the surplus at once (429), the
// deadlines close the rest, and a normal client keeps being answered quickly throughout.
#include <catch2/catch.hpp>

#include <memory>

#include "http/http_client.h"
#include "http/raw_socket.h"

namespace uitdaag::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// One GET over a fresh connection from `from`; the status (0: no answer) and how long it took.
std::pair<int, milliseconds> Timed(int port, const std::string& from, const std::string& target,
                                   const std::string& auth) {
  const auto start = steady_clock::now();
  RawConnection c(port, from);
  c.Send("GET " + target + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n" +
         (auth.empty() ? "" : "Authorization: " + auth + "\r\n") + "\r\n");
  const std::vector<RawAnswer> answers = SplitAnswers(c.Read(milliseconds(3000)));
  return {answers.empty() ? 0 : answers[0].status,
          std::chrono::duration_cast<milliseconds>(steady_clock::now() - start)};
}

}  // namespace

TEST_CASE("idle and trickling connections do not stop the service", "[front-door][slow]") {
  http::ServiceConfig config;  // the shipped defaults, with shorter deadlines to keep it quick
  config.request_head_seconds = 3;
  config.keep_alive_seconds = 2;
  TestService s(config);
  const int port = s.service->port();
  const Submitted mine = Submit(s);
  const std::string auth = mine.challenger.at("Authorization");

  std::vector<std::unique_ptr<RawConnection>> idle;
  std::vector<std::unique_ptr<RawConnection>> trickling;
  for (int i = 0; i < 20; ++i) {
    trickling.push_back(std::make_unique<RawConnection>(port, "127.0.0.1"));
    trickling.back()->Send("GET /health HTTP/1.1\r\n");
  }
  for (int i = 0; i < 50; ++i) idle.push_back(std::make_unique<RawConnection>(port, "127.0.0.1"));
  for (int i = 0; i < 10; ++i) {
    idle.push_back(std::make_unique<RawConnection>(port, "127.0.0." + std::to_string(i + 2)));
  }
  // Over 7 s (past every deadline), the trickling ones send a header line each second while a
  // normal client from its own address reads /health and the case.
  int normal = 0;
  milliseconds slowest(0);
  const auto until = steady_clock::now() + std::chrono::seconds(7);
  int round = 0;
  while (steady_clock::now() < until) {
    for (auto& t : trickling) t->Send("X-Slow-" + std::to_string(round) + ": 1\r\n");
    for (const char* target : {"/health", ""}) {
      const std::string path = *target ? target : "/api/cases/" + mine.id;
      const auto [status, took] = Timed(port, "127.0.0.200", path, *target ? "" : auth);
      INFO(path << " answered " << status << " after " << took.count() << " ms");
      CHECK(status == 200);
      CHECK(took < milliseconds(1000));
      slowest = std::max(slowest, took);
      ++normal;
    }
    std::this_thread::sleep_for(milliseconds(1000));
    ++round;
  }
  INFO("slowest normal answer " << slowest.count() << " ms over " << normal << " requests");
  CHECK(normal >= 10);

  // Connections past the per-address cap were answered 429 and closed at once; the rest were
  // closed by their deadline. No attacker's connection is still open.
  int refused = 0;
  int closed = 0;
  for (auto* group : {&idle, &trickling}) {
    for (auto& c : *group) {
      const std::string bytes = c->Read(milliseconds(200), milliseconds(500));
      if (bytes.find("HTTP/1.1 429") == 0) ++refused;
      if (c->closed_by_server()) ++closed;
    }
  }
  CHECK(refused >= 70 - config.max_connections_per_address);
  CHECK(closed == 80);
  // After the attackers are gone nothing is left hanging.
  idle.clear();
  trickling.clear();
  CHECK(s.WaitFor([&] { return s.service->open_connections() == 0; }));
}

TEST_CASE("a kept-alive connection is closed once idle past its timeout", "[front-door][slow]") {
  http::ServiceConfig config;
  config.keep_alive_seconds = 1;
  config.request_head_seconds = 1;
  TestService s(config);
  RawConnection c(s.service->port());
  c.Send("GET /health HTTP/1.1\r\nHost: a\r\n\r\n");
  const auto start = steady_clock::now();
  const std::string bytes = c.Read(milliseconds(5000), milliseconds(8000));
  CHECK(SplitAnswers(bytes).size() == 1);
  CHECK(c.closed_by_server());
  CHECK(steady_clock::now() - start < std::chrono::seconds(5));
}

}  // namespace uitdaag::testing
