// Exchange: one HTTP request and its response, as a handler sees them — path parameters, the
// body read within the size limit and parsed as JSON, the caller, and the ways to answer (JSON,
// a problem, a file). Handlers answer exactly once.
//
// Thread safety: one Exchange per request thread.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "http/chunked_body.h"
#include "http/framing.h"
#include "http/service_state.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag::http {

class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
           ServiceState& state, std::map<std::string, std::string> params);

  const std::string& Param(const std::string& name) const;
  void SetParams(std::map<std::string, std::string> params) { params_ = std::move(params); }
  std::optional<std::string> Query(const std::string& name) const;
  std::string Header(const std::string& name) const;  // empty when absent
  // The address of the client, as the throttles and limits key it: the peer's address, or behind
  // a trusted proxy (ServiceConfig::trusted_proxies) the address that proxy forwarded.
  std::string ClientAddress() const;
  Poco::Net::HTTPServerRequest& request() { return request_; }
  ServiceState& state() { return state_; }

  // The body as a JSON object, read strictly (strict_json.h). On failure answers 413 (too
  // large), 415 (not JSON), 400 (malformed, nested too deep, not an object) or 422 naming the
  // path (a key given twice, a number that would not be kept as written) and returns false.
  bool ReadJsonObject(Poco::JSON::Object::Ptr* out);
  // The whole body, as framed (framing.h): empty when the request has none. Refused before
  // reading when the declared length exceeds `limit`, and after reading limit + 1 bytes of a
  // chunked one: answers 413 with `too_large` (and `field`) and returns false; a malformed chunk
  // or a body that stops short of its length is 400. Every handler reads bodies through this.
  bool ReadBody(size_t limit, const std::string& too_large, const std::string& field,
                std::string* out);
  // The same without answering: the caller (a page) answers a refusal in its own way.
  struct BodyRead {
    enum class Outcome { kComplete, kTooLarge, kMalformed };
    Outcome outcome = Outcome::kComplete;
    std::string detail;  // kMalformed: what is wrong
    std::string field;   // kMalformed: the header at fault
  };
  BodyRead ReadBodyUnanswered(size_t limit, std::string* out);
  // Whether the body has been read to its end (always true for a request without one). An
  // answer sent before that carries Connection: close and ends the connection; so does every
  // answer to a request with a chunked body (chunked_body.h).
  bool body_complete() const;
  // After the answer: reads and discards up to 1 MiB of an unread body (with a Content-Length,
  // or what still comes of a chunked one), so that closing the connection does not reset it
  // under the client before it has read the answer (TCP resets a connection closed with unread
  // data). Nothing for a request whose framing was refused.
  void DrainUnreadBody();
  const Framing& framing() const { return framing_; }
  // The query: a malformed query string, or the first parameter given more than once (empty
  // when none); the router refuses both before any handler runs.
  bool query_malformed() const { return query_malformed_; }
  const std::string& repeated_query() const { return repeated_query_; }

  void Json(int status, const Poco::JSON::Object& body);
  void Json(int status, const Poco::JSON::Array& body);
  void Problem(int status, const std::string& detail, const std::string& field = {});
  // The problem for a non-OK Status (its code mapped once, in problem.cc; its subject as field).
  void Fail(const Status& status);
  // Every answer carries X-Content-Type-Options: nosniff and Cache-Control: no-store (unless the
  // handler set its own Cache-Control, as static assets do). With a
  // download name, also Content-Disposition: attachment with the name made header-safe
  // (content_disposition.h).
  void Bytes(int status, const std::string& media_type, const std::string& bytes,
             const std::string& download_name = {});
  void SetHeader(const std::string& name, const std::string& value);
  // Adds a Set-Cookie header (several cookies may be set on one answer).
  void AddCookie(const Poco::Net::HTTPCookie& cookie);
  bool answered() const { return answered_; }

  // Called once, just before the answer is sent, with its status and body size: the router
  // counts and logs the request there, so a client that has its answer finds it counted.
  // REQUIRES: `hook` outlives this Exchange.
  using AnswerHook = std::function<void(int status, size_t bytes)>;
  void OnAnswer(const AnswerHook* hook) { on_answer_ = hook; }

 private:
  Poco::Net::HTTPServerRequest& request_;
  Poco::Net::HTTPServerResponse& response_;
  ServiceState& state_;
  std::map<std::string, std::string> params_;
  std::map<std::string, std::string> query_;
  Framing framing_;
  bool body_complete_ = false;
  bool query_malformed_ = false;
  std::string repeated_query_;
  bool answered_ = false;
  const AnswerHook* on_answer_ = nullptr;

  ChunkedRead ReadChunkedBody(size_t limit, std::string* out);
};

// Case data as JSON: texts, numbers and booleans as themselves, money as a decimal string
// ("12500.00"), dates as "YYYY-MM-DD", lists and records nested.
Poco::Dynamic::Var ValueToJsonVar(const Value& value);
// A request body's object as raw form input (the engine's form validation types it).
ValueRecord PayloadFromJson(const Poco::JSON::Object& object);

}  // namespace uitdaag::http
