// Test support: records HTTP exchanges of a TestService as JSON Lines, one object per answer:
//   {"method": "GET", "path": "/api/cases/2026-000001", "query": "a=1", "status": 200,
//    "headers": {"content-type": "application/json; charset=utf-8", ...},
//    "body_base64": "eyJpZCI6..."}
// The path is the request target up to '?' (still percent-encoded), header names are lowercase,
// and the body is base64 so that any bytes (a PDF) survive. tests/http/openapi_check.mjs reads
// the file and checks every answer against docs/openapi.yaml.
//
// Thread safety: Record may be called from several threads (one mutex); Attach before the
// service is called. REQUIRES: the recorder outlives every service it is attached to.
#pragma once

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Object.h>

#include <cctype>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>

#include "http/http_client.h"

namespace uitdaag::testing {

class ExchangeRecorder {
 public:
  explicit ExchangeRecorder(std::string file) : file_(std::move(file)), out_(file_) {}

  const std::string& file() const { return file_; }
  size_t count() const {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }

  // Records every exchange the service's client makes from now on.
  void Attach(TestService& service) {
    service.on_exchange = [this](const std::string& method, const std::string& target,
                                 const HttpResult& result) { Record(method, target, result); };
  }

  void Record(const std::string& method, const std::string& target, const HttpResult& result) {
    const size_t q = target.find('?');
    Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
    line.set("method", method);
    line.set("path", target.substr(0, q));
    line.set("query", q == std::string::npos ? std::string() : target.substr(q + 1));
    line.set("status", result.status);
    Poco::JSON::Object::Ptr headers = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [name, value] : result.headers) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      headers->set(lower, value);
    }
    line.set("headers", headers);
    std::ostringstream body;
    Poco::Base64Encoder encoder(body);
    encoder.rdbuf()->setLineLength(0);
    encoder << result.body;
    encoder.close();
    line.set("body_base64", body.str());
    std::lock_guard<std::mutex> lock(mu_);
    line.stringify(out_);
    out_ << '\n';
    out_.flush();
    ++count_;
  }

 private:
  const std::string file_;
  mutable std::mutex mu_;
  std::ofstream out_;  // guarded by mu_
  size_t count_ = 0;   // guarded by mu_
};

}  // namespace uitdaag::testing
