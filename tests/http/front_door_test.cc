// The front door over raw sockets: request framing (no request may hide another one), one
// answer per request, the connection closed whenever a body was left unread; HEAD, the
// Authorization scheme, repeated query parameters and the security headers of every answer.
#include <catch2/catch.hpp>

#include "http/http_client.h"
#include "http/raw_socket.h"

namespace uitdaag::testing {
namespace {

// A request that would be answered 200 if it were ever parsed: the payload smuggled in bodies.
const std::string kHidden = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n";

std::string Request(const std::string& method, const std::string& target,
                    const std::string& headers, const std::string& body) {
  return method + " " + target + " HTTP/1.1\r\nHost: a\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Sends `bytes` on a fresh connection; the answers, and whether the server closed.
struct Exchanged {
  std::vector<RawAnswer> answers;
  bool closed = false;
  std::string raw;
};
Exchanged SendRaw(TestService& s, const std::string& bytes, bool head = false) {
  RawConnection c(s.service->port());
  REQUIRE(c.connected());
  c.Send(bytes);
  Exchanged e;
  e.raw = c.Read();
  e.answers = SplitAnswers(e.raw, head);
  e.closed = c.closed_by_server();
  return e;
}

}  // namespace

TEST_CASE("every early refusal with a body answers once and closes the connection",
          "[front-door][smuggling]") {
  TestService s;
  const Submitted mine = Submit(s);
  const std::string staff = s.Login("behandelaar").at("Authorization");
  const std::string own = mine.challenger.at("Authorization");
  struct Row {
    const char* what;
    std::string method, target, headers;
    int status;
  };
  const std::vector<Row> rows = {
      {"415: not JSON", "POST", "/api/cases", "Content-Type: text/plain\r\n", 415},
      {"401: no token", "GET", "/api/cases/" + mine.id, "", 401},
      {"401: a bad token", "POST", "/api/cases/" + mine.id + "/events/intrekken",
       "Authorization: Bearer nonsense\r\nContent-Type: application/json\r\n", 401},
      {"403: a challenger on staff routes", "GET", "/api/accounts", "Authorization: " + own + "\r\n",
       403},
      {"404: no route", "POST", "/api/nothing-here", "", 404},
      {"404: another case", "POST", "/api/cases/2026-999999/attachments?name=a.txt",
       "Authorization: " + own + "\r\nContent-Type: text/plain\r\n", 404},
      {"405: wrong method", "DELETE", "/api/cases", "", 405},
      {"428: no If-Match", "POST", "/api/cases/" + mine.id + "/events/intrekken",
       "Authorization: " + own + "\r\nContent-Type: application/json\r\n", 428},
      {"415: an upload of a refused type", "POST", "/api/cases/" + mine.id + "/attachments?name=x.exe",
       "Authorization: " + staff + "\r\nContent-Type: application/x-msdownload\r\n", 415},
      {"422: a repeated query parameter", "POST",
       "/api/cases/" + mine.id + "/attachments?name=a.txt&name=b.txt",
       "Authorization: " + staff + "\r\nContent-Type: text/plain\r\n", 422},
      {"200: a GET with a body", "GET", "/health", "", 200},
      {"200: a GET of a case with a body", "GET", "/api/cases/" + mine.id,
       "Authorization: " + staff + "\r\n", 200},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    // The body is itself a request, followed by another pipelined request in the same write.
    const Exchanged e =
        SendRaw(s, Request(row.method, row.target, row.headers, kHidden) + kHidden);
    INFO(e.raw);
    REQUIRE(e.answers.size() == 1);
    CHECK(e.answers[0].status == row.status);
    CHECK(e.answers[0].Has("Connection: close"));
    CHECK(e.closed);
  }
  // Nothing was stored by any of them: the case has no attachment.
  HttpResult docs = s.Call("GET", "/api/cases/" + mine.id + "/documents", "", mine.challenger);
  CHECK_THAT(docs.body, !Catch::Contains("\"kind\":\"upload\""));
}

TEST_CASE("a body read to its end answers each pipelined request in turn",
          "[front-door][smuggling]") {
  TestService s;
  SECTION("with Content-Length") {
    const std::string login = R"({"username": "", "password": "x"})";
    const Exchanged e = SendRaw(
        s, Request("POST", "/api/session", "Content-Type: application/json\r\n", login) + kHidden);
    INFO(e.raw);
    REQUIRE(e.answers.size() == 2);
    CHECK(e.answers[0].status == 422);
    CHECK(e.answers[1].status == 200);
    CHECK_FALSE(e.answers[0].Has("Connection: close"));
  }
  SECTION("chunked") {
    const std::string login = R"({"username": "", "password": "x"})";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", login.size());
    const Exchanged e = SendRaw(
        s, "POST /api/session HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
           "Transfer-Encoding: chunked\r\n\r\n" + std::string(size) + "\r\n" + login +
               "\r\n0\r\n\r\n" + kHidden);
    INFO(e.raw);
    // Read strictly, but the connection ends after a chunked body (chunked_body.h).
    REQUIRE(e.answers.size() == 1);
    CHECK(e.answers[0].status == 422);
    CHECK(e.answers[0].Has("Connection: close"));
    CHECK(e.closed);
  }
  SECTION("a POST with neither Content-Length nor Transfer-Encoding has no body") {
    // Poco alone would read such a body until the connection closes: the next request.
    const Exchanged e = SendRaw(s, "POST /api/session HTTP/1.1\r\nHost: a\r\n"
                                   "Content-Type: application/json\r\n\r\n" + kHidden);
    INFO(e.raw);
    REQUIRE(e.answers.size() == 2);
    CHECK(e.answers[0].status == 400);
    CHECK(e.answers[1].status == 200);
  }
}

TEST_CASE("ambiguous framing is refused with 400 or 501 and the connection closed",
          "[front-door][smuggling]") {
  TestService s;
  struct Row {
    const char* what;
    std::string request;
    int status;
    std::string field;
  };
  const std::string post = "POST /api/session HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n";
  const std::vector<Row> rows = {
      {"Content-Length with Transfer-Encoding",
       post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
       "Transfer-Encoding"},
      {"two Content-Length headers", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400,
       "Content-Length"},
      {"two equal Content-Length headers", post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
       400, "Content-Length"},
      {"a signed Content-Length", post + "Content-Length: +2\r\n\r\n{}", 400, "Content-Length"},
      {"gzip", post + "Transfer-Encoding: gzip\r\n\r\n", 501, "Transfer-Encoding"},
      {"gzip, chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
       "Transfer-Encoding"},
      {"chunked twice", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400, "Transfer-Encoding"},
      {"a chunk size that is not hex", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
       400, "Transfer-Encoding"},
      {"a negative chunk size", post + "Transfer-Encoding: chunked\r\n\r\n-2\r\n{}\r\n0\r\n\r\n",
       400, "Transfer-Encoding"},
      {"a chunk longer than its size", post + "Transfer-Encoding: chunked\r\n\r\n1\r\n{}\r\n0\r\n\r\n",
       400, "Transfer-Encoding"},
      {"a bare LF after the size", post + "Transfer-Encoding: chunked\r\n\r\n2\n{}\r\n0\r\n\r\n",
       400, "Transfer-Encoding"},
      {"a chunk size of 17 digits",
       post + "Transfer-Encoding: chunked\r\n\r\n00000000000000002\r\n{}\r\n0\r\n\r\n", 400,
       "Transfer-Encoding"},
      {"chunked in HTTP/1.0",
       "POST /api/session HTTP/1.0\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400, "Transfer-Encoding"},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    const Exchanged e = SendRaw(s, row.request + kHidden);
    INFO(e.raw);
    REQUIRE(e.answers.size() == 1);
    CHECK(e.answers[0].status == row.status);
    CHECK(e.answers[0].Has("Connection: close"));
    CHECK_THAT(e.answers[0].body, Catch::Contains("\"field\":\"" + row.field + "\""));
    CHECK(e.closed);
  }
}

TEST_CASE("a Content-Length Poco cannot read closes the connection without an answer",
          "[front-door][smuggling]") {
  // Poco's request parser throws on such a length before the router sees the request; the
  // connection is closed and nothing after it is read as a request.
  TestService s;
  const std::string post = "POST /api/session HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n";
  for (const std::string length : {"2, 2", "x", "-1"}) {
    INFO(length);
    const Exchanged e = SendRaw(s, post + "Content-Length: " + length + "\r\n\r\n{}" + kHidden);
    INFO(e.raw);
    CHECK(e.closed);
    for (const RawAnswer& a : e.answers) CHECK(a.status >= 400);
    CHECK(e.answers.size() <= 1);
  }
}

TEST_CASE("an upload past the limit is refused before its body and the connection closed",
          "[front-door][smuggling]") {
  http::ServiceConfig config;
  config.max_upload_bytes = 4096;
  TestService s(config);
  const Submitted mine = Submit(s);
  // The declared length is over the limit: 413 at once, only part of the body ever sent.
  RawConnection c(s.service->port());
  c.Send("POST /api/cases/" + mine.id + "/attachments?name=a.txt HTTP/1.1\r\nHost: a\r\n"
         "Authorization: " + mine.challenger.at("Authorization") +
         "\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n" + std::string(1000, 'x') +
         kHidden);
  // The answer comes at once; the rest of the body is awaited (drained) for two seconds at most.
  const auto start = std::chrono::steady_clock::now();
  const std::vector<RawAnswer> answers =
      SplitAnswers(c.Read(std::chrono::milliseconds(4000), std::chrono::milliseconds(8000)));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].status == 413);
  CHECK(answers[0].Has("Connection: close"));
  CHECK(c.closed_by_server());
}

TEST_CASE("HEAD is answered for every GET route, without a body", "[front-door][head]") {
  TestService s;
  const Submitted mine = Submit(s);
  const Exchanged e = SendRaw(s, "HEAD /api/cases/" + mine.id + " HTTP/1.1\r\nHost: a\r\n"
                                 "Authorization: " + mine.challenger.at("Authorization") +
                                     "\r\n\r\n" + kHidden,
                              /*head=*/true);
  INFO(e.raw);
  REQUIRE(e.answers.size() == 2);
  CHECK(e.answers[0].status == 200);
  CHECK(e.answers[0].body.empty());
  CHECK_THAT(e.answers[0].head, Catch::Contains("Content-Type: application/json"));
  // What follows the first head is the second answer, not a body.
  CHECK(e.answers[1].status == 200);
  // A path without GET answers 405 naming what it allows.
  HttpResult r = s.Call("HEAD", "/api/session/nothing");
  CHECK(r.status == 404);
  r = s.Call("PUT", "/api/cases");
  CHECK(r.status == 405);
  CHECK(r.Header("Allow") == "GET, HEAD, POST");
}

TEST_CASE("the Authorization scheme is case-insensitive", "[front-door][auth]") {
  TestService s;
  const Submitted mine = Submit(s);
  const std::string token = mine.challenger.at("Authorization").substr(7);
  for (const std::string scheme : {"Bearer ", "bearer ", "BEARER ", "Bearer   "}) {
    INFO(scheme);
    HttpResult r = s.Call("GET", "/api/cases/" + mine.id, "", {{"Authorization", scheme + token}});
    CHECK(r.status == 200);
  }
  HttpResult r = s.Call("GET", "/api/cases/" + mine.id, "", {{"Authorization", "Bearertoken" + token}});
  CHECK(r.status == 401);
  r = s.Call("GET", "/api/cases/" + mine.id, "", {{"Authorization", "Basic " + token}});
  CHECK(r.status == 401);
}

TEST_CASE("a query parameter given twice is refused on every route", "[front-door][query]") {
  TestService s;
  const Headers staff = s.Login("behandelaar");
  ExpectProblem(s.Call("GET", "/api/cases?state=ontvangen&state=besluit", "", staff), 422,
                "'state' is given more than once", "state");
  ExpectProblem(s.Call("GET", "/api/figures?year=2026&year=2025", "", staff), 422,
                "'year' is given more than once", "year");
  ExpectProblem(s.Call("GET", "/health?x=1&x=2"), 422, "'x' is given more than once", "x");
  ExpectProblem(s.Call("GET", "/api/cases?state=%zz", "", staff), 400, "query string is malformed");
}

TEST_CASE("every answer carries the security headers", "[front-door][headers]") {
  SECTION("plain HTTP") {
    TestService s;
    for (const HttpResult& r : {s.Call("GET", "/health"), s.Call("GET", "/api/nothing"),
                                s.Call("POST", "/api/cases", "{", {})}) {
      INFO(r.status);
      CHECK(r.Header("Content-Security-Policy") == "default-src 'none'; frame-ancestors 'none'");
      CHECK(r.Header("Referrer-Policy") == "no-referrer");
      CHECK(r.Header("X-Content-Type-Options") == "nosniff");
      CHECK(r.Header("X-Frame-Options") == "DENY");
      CHECK(r.Header("Strict-Transport-Security").empty());
    }
  }
  SECTION("behind TLS (secure_cookie)") {
    http::ServiceConfig config;
    config.secure_cookie = true;
    TestService s(config);
    CHECK(s.Call("GET", "/health").Header("Strict-Transport-Security") == "max-age=31536000");
  }
}

}  // namespace uitdaag::testing
