// Over real HTTP on 127.0.0.1: the request rate limit (429 with Retry-After, per client address,
// /health exempt), GET /metrics (what it counts, its text format, who may read it), the request
// log line, and the configuration keys behind them.
#include <Poco/Net/StreamSocket.h>

#include <fstream>
#include <regex>

#include "http/http_client.h"
#include "http/log_capture.h"
#include "http/service_config_file.h"

namespace uitdaag::testing {
namespace {

// One GET from another loopback address (127.0.0.2), so the service sees another client.
int GetFrom(const std::string& source, int port, const std::string& path) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
  socket.impl()->bind(Poco::Net::SocketAddress(source, 0), false);
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  const std::string request =
      "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  std::string answer;
  char buffer[4096];
  for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) answer.append(buffer, n);
  REQUIRE(answer.rfind("HTTP/1.1 ", 0) == 0);
  return std::stoi(answer.substr(9, 3));
}

// The samples of an exposition, by series ("name{labels}"); REQUIREs the text format: comment
// lines are HELP or TYPE, every other line is `name{labels} value` (labels optional).
std::map<std::string, double> ParseExposition(const std::string& text) {
  static const std::regex kSample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\\n])*")"
      R"((,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\\n])*")*\})?) (\S+)$)");
  static const std::regex kComment(R"(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$)");
  std::map<std::string, double> samples;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    INFO(line);
    if (line.rfind("#", 0) == 0) {
      CHECK(std::regex_match(line, kComment));
      continue;
    }
    std::smatch m;
    REQUIRE(std::regex_match(line, m, kSample));
    const std::string value = m[6].str();
    REQUIRE_NOTHROW(std::stod(value));
    CHECK(samples.count(m[1].str()) == 0);  // every series once
    samples[m[1].str()] = std::stod(value);
  }
  return samples;
}

double Value(const std::map<std::string, double>& samples, const std::string& series) {
  auto it = samples.find(series);
  return it == samples.end() ? 0 : it->second;
}

TEST_CASE("http: over the rate limit the answer is 429 with Retry-After, per client address",
          "[http][ratelimit]") {
  http::ServiceConfig config;
  config.rate_limit_per_second = 1;
  config.rate_limit_burst = 3;
  TestService s(config, TestService::RateLimit::kAsConfigured);  // the test clock stands still
  for (int i = 0; i < 3; ++i) CHECK(s.Call("GET", "/api/workflows").status == 200);
  HttpResult refused = s.Call("GET", "/api/workflows");
  ExpectProblem(refused, 429, "too many requests from your address; try again in 1 second");
  CHECK(refused.Header("Retry-After") == "1");
  CHECK(s.Call("GET", "/api/cases/2026-000001").status == 429);  // before routing and login
  // Health checks are never limited.
  for (int i = 0; i < 5; ++i) CHECK(s.Call("GET", "/health").status == 200);
  // Another address has its own bucket.
  CHECK(GetFrom("127.0.0.2", s.service->port(), "/api/workflows") == 200);
  // One second later one more request is allowed, then none again.
  s.clock.Set(At("2026-01-08T10:00:01"));
  CHECK(s.Call("GET", "/api/workflows").status == 200);
  CHECK(s.Call("GET", "/api/workflows").status == 429);

  // The refusals are counted (read after the bucket has filled again: login and scrape).
  s.clock.Set(At("2026-01-08T10:05"));
  Headers admin = s.Login("admin");
  const auto samples = ParseExposition(s.Call("GET", "/metrics", "", admin).body);
  CHECK(Value(samples, "uitdaag_http_responses_429_total") == 3);
  CHECK(Value(samples,
              "uitdaag_http_requests_total{method=\"any\",route=\"unmatched\","
              "status=\"4xx\"}") == 3);
  CHECK(Value(samples, "uitdaag_http_rate_limit_clients") == 2);
}

TEST_CASE("http: /metrics counts requests by route pattern and status class", "[http][metrics]") {
  TestService s;
  Headers admin = s.Login("admin");
  HttpResult first = s.Call("GET", "/metrics", "", admin);
  REQUIRE(first.status == 200);
  CHECK(first.Header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
  auto before = ParseExposition(first.body);
  const std::string get_case = "method=\"GET\",route=\"/api/cases/{id}\"";
  CHECK(Value(before, "uitdaag_http_requests_total{" + get_case + ",status=\"2xx\"}") == 0);
  CHECK(Value(before,
              "uitdaag_http_requests_total{method=\"POST\",route=\"/api/session\","
              "status=\"2xx\"}") == 1);  // the login above

  Submitted one = Submit(s);
  Submitted two = Submit(s);
  CHECK(s.Call("GET", "/api/cases/" + one.id, "", one.challenger).status == 200);
  CHECK(s.Call("GET", "/api/cases/" + two.id, "", two.challenger).status == 200);
  CHECK(s.Call("GET", "/api/cases/" + one.id, "", two.challenger).status == 404);
  CHECK(s.Call("GET", "/no/such/path").status == 404);
  s.WaitForIdle();  // both acknowledgements delivered

  HttpResult second = s.Call("GET", "/metrics", "", admin);
  REQUIRE(second.status == 200);
  auto after = ParseExposition(second.body);
  CHECK(Value(after, "uitdaag_http_requests_total{" + get_case + ",status=\"2xx\"}") == 2);
  CHECK(Value(after, "uitdaag_http_requests_total{" + get_case + ",status=\"4xx\"}") == 1);
  CHECK(Value(after,
              "uitdaag_http_requests_total{method=\"POST\",route=\"/api/cases\","
              "status=\"2xx\"}") == 2);
  CHECK(Value(after,
              "uitdaag_http_requests_total{method=\"GET\",route=\"/metrics\","
              "status=\"2xx\"}") == 1);  // the first scrape
  CHECK(Value(after,
              "uitdaag_http_requests_total{method=\"any\",route=\"unmatched\","
              "status=\"4xx\"}") == 1);
  // Labels name patterns, never raw paths.
  CHECK_THAT(second.body, !Catch::Contains(one.id));
  CHECK_THAT(second.body, !Catch::Contains("/no/such/path"));

  // The latency histogram of a route: cumulative buckets, +Inf equal to the count.
  const std::string bucket = "uitdaag_http_request_duration_seconds_bucket{" + get_case;
  double previous = 0;
  for (const char* le : {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                         "1", "2.5", "10", "+Inf"}) {
    INFO(le);
    const std::string series = bucket + ",le=\"" + le + "\"}";
    REQUIRE(after.count(series) == 1);
    CHECK(after.at(series) >= previous);
    previous = after.at(series);
  }
  CHECK(previous == 3);
  CHECK(Value(after, "uitdaag_http_request_duration_seconds_count{" + get_case + "}") == 3);
  CHECK(Value(after, "uitdaag_http_request_duration_seconds_sum{" + get_case + "}") > 0);

  // From the store and the worker.
  CHECK(Value(after, "uitdaag_cases{workflow=\"uitdaagrecht\",state=\"ontvangen\"}") == 2);
  CHECK(after.count("uitdaag_outbox_items{status=\"pending\"}") == 1);
  CHECK(Value(after, "uitdaag_outbox_items{status=\"pending\"}") == 0);
  CHECK(after.count("uitdaag_outbox_items{status=\"failed\"}") == 1);
  CHECK(Value(after, "uitdaag_outbox_items{status=\"failed\"}") == 0);
  CHECK(Value(after, "uitdaag_worker_letters_delivered_total") == 2);
  CHECK(Value(after, "uitdaag_worker_sweeps_total") >= 1);
  CHECK(after.count("uitdaag_uptime_seconds") == 1);
  CHECK(Value(after, "uitdaag_http_responses_429_total") == 0);
}

TEST_CASE("http: /metrics is for administrators, by session or API token",
          "[http][metrics][security]") {
  TestService s;
  Submitted c = Submit(s);
  ExpectProblem(s.Call("GET", "/metrics"), 401, "log in");
  ExpectProblem(s.Call("GET", "/metrics", "", c.challenger), 403, "only");
  ExpectProblem(s.Call("GET", "/metrics", "", s.Login("behandelaar")), 403, "administrator");
  CHECK(s.Call("GET", "/metrics", "", s.Login("admin")).status == 200);
  // A scraper uses an API token of an administrator's account.
  auto store = s.service->state().stores->Take();
  REQUIRE(store.ok());
  StatusOr<std::string> scraper =
      (*store)->CreateSession("admin", kApiSessionKind, s.clock.Now(), 86400);
  REQUIRE(scraper.ok());
  HttpResult scraped = s.Call("GET", "/metrics", "", {{"Authorization", "Bearer " + *scraper}});
  CHECK(scraped.status == 200);
  CHECK_THAT(scraped.body, Catch::Contains("uitdaag_cases{workflow=\"uitdaagrecht\""));
  StatusOr<std::string> handler =
      (*store)->CreateSession("behandelaar", kApiSessionKind, s.clock.Now(), 86400);
  REQUIRE(handler.ok());
  CHECK(s.Call("GET", "/metrics", "", {{"Authorization", "Bearer " + *handler}}).status == 403);
  CHECK(s.Call("GET", "/metrics", "", {{"Authorization", "Bearer not-a-token"}}).status == 401);
}

TEST_CASE("http: one key=value log line per request, without the query string", "[http][log]") {
  TestService s;
  Submitted c = Submit(s);
  LogCapture log;
  CHECK(s.Call("GET", "/api/cases/" + c.id + "?access_token=GEHEIM-123", "", c.challenger).status ==
        200);
  CHECK(s.Call("GET", "/nergens%20heen").status == 404);
  // Each line was written before its answer was sent.
  const std::vector<std::string> lines = log.channel->Lines();
  REQUIRE(lines.size() == 2);
  INFO(lines[0] << "\n" << lines[1]);
  const std::regex case_line(
      "method=GET path=/api/cases/" + c.id +
      R"( route=/api/cases/\{id\} status=200 duration_ms=[0-9]+\.[0-9]{2} bytes=[1-9][0-9]*)");
  CHECK(std::regex_match(lines[0], case_line));
  CHECK_THAT(lines[1], Catch::StartsWith("method=GET path=/nergens%20heen route=unmatched "
                                         "status=404 duration_ms="));
  for (const std::string& line : lines) CHECK_THAT(line, !Catch::Contains("GEHEIM"));
}

TEST_CASE("serve configuration: the rate limit and the log level", "[http][config]") {
  const http::ServiceConfig defaults;
  CHECK(defaults.rate_limit_per_second == 20);
  CHECK(defaults.rate_limit_burst == 60);
  CHECK(defaults.log_level == "information");
  TempDir dir;
  auto load = [&](const std::string& yaml) {
    std::ofstream(dir.File("uitdaag.yaml")) << yaml;
    return http::LoadServiceConfig(dir.File("uitdaag.yaml"));
  };
  StatusOr<http::ServiceConfig> set =
      load("rate_limit_per_second: 0\nrate_limit_burst: 5\nlog_level: warning\n");
  REQUIRE(set.ok());
  CHECK(set->rate_limit_per_second == 0);
  CHECK(set->rate_limit_burst == 5);
  CHECK(set->log_level == "warning");

  StatusOr<http::ServiceConfig> bad_level = load("port: 8080\nlog_level: verbose\n");
  REQUIRE_FALSE(bad_level.ok());
  CHECK(bad_level.status().message() ==
        dir.File("uitdaag.yaml") +
            ":2:12: error: 'log_level' must be error, warning, information or debug");
  StatusOr<http::ServiceConfig> bad_rate = load("rate_limit_per_second: -1\n");
  REQUIRE_FALSE(bad_rate.ok());
  CHECK_THAT(bad_rate.status().message(),
             Catch::Contains("'rate_limit_per_second' must be between 0 and 100000"));
  CHECK_FALSE(load("rate_limit_burst: 0\n").ok());

  // The example configuration names every key with its default.
  StatusOr<http::ServiceConfig> example =
      http::LoadServiceConfig(SourcePath("examples/uitdaag.yaml"));
  INFO(example.status().message());
  REQUIRE(example.ok());
  CHECK(example->rate_limit_per_second == defaults.rate_limit_per_second);
  CHECK(example->rate_limit_burst == defaults.rate_limit_burst);
  CHECK(example->log_level == defaults.log_level);
  CHECK(example->threads == defaults.threads);
  CHECK(example->queue == defaults.queue);
  CHECK(example->max_connections_per_address == defaults.max_connections_per_address);
  CHECK(example->request_head_seconds == defaults.request_head_seconds);
  CHECK(example->keep_alive_seconds == defaults.keep_alive_seconds);
  CHECK(example->request_seconds == defaults.request_seconds);
  CHECK(example->trusted_proxies == defaults.trusted_proxies);
}

}  // namespace
}  // namespace uitdaag::testing
