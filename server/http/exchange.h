// Exchange: one HTTP request and its response, as a handler sees them — path parameters, the
// body read within the size limit and parsed as JSON, the caller, and the ways to answer (JSON,
// a problem, a file). Handlers answer exactly once.
//
// Thread safety: one Exchange per request thread.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "http/service_state.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag::http {

class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
           ServiceState& state, std::map<std::string, std::string> params);

  const std::string& Param(const std::string& name) const;
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

  void Json(int status, const Poco::JSON::Object& body);
  void Json(int status, const Poco::JSON::Array& body);
  void Problem(int status, const std::string& detail, const std::string& field = {});
  // The problem for a non-OK Status (its code mapped once, in problem.cc; its subject as field).
  void Fail(const Status& status);
  // Every answer carries X-Content-Type-Options: nosniff and Cache-Control: no-store. With a
  // download name, also Content-Disposition: attachment with the name made header-safe
  // (content_disposition.h).
  void Bytes(int status, const std::string& media_type, const std::string& bytes,
             const std::string& download_name = {});
  void SetHeader(const std::string& name, const std::string& value);
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
  bool answered_ = false;
  const AnswerHook* on_answer_ = nullptr;
};

// Case data as JSON: texts, numbers and booleans as themselves, money as a decimal string
// ("12500.00"), dates as "YYYY-MM-DD", lists and records nested.
Poco::Dynamic::Var ValueToJsonVar(const Value& value);
// A request body's object as raw form input (the engine's form validation types it).
ValueRecord PayloadFromJson(const Poco::JSON::Object& object);

}  // namespace uitdaag::http
