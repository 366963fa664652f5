// The settings of `uitdaag serve` (server/http/service.h), from its configuration file and the
// command line. Every limit has a default that suits a municipality's service.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace uitdaag::http {

struct ServiceConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  std::string database = "uitdaag.db";
  std::string workflows_dir = "workflows";
  std::string profile;  // empty: profile.yaml in the workflows' template folder
  int threads = 8;      // request threads
  int queue = 64;       // connections waiting for a thread before new ones are refused
  size_t max_body_bytes = 256 * 1024;  // JSON request bodies
  size_t max_upload_bytes = 10u << 20;  // one attachment (POST /api/cases/{id}/attachments)
  int max_attachments_per_case = 50;
  int64_t session_ttl_seconds = 8 * 3600;
  // Marks the session cookie Secure (sent over HTTPS only). Set it when a TLS proxy serves the
  // service; off by default because the embedded default serves plain HTTP on 127.0.0.1.
  bool secure_cookie = false;
  int worker_interval_seconds = 30;  // how often deadlines are swept and letters delivered
  // Requests per client address (token bucket, rate_limiter.h): `rate_limit_burst` at once, then
  // `rate_limit_per_second`; over it 429. 0 per second: no limit. /health is never limited.
  int rate_limit_per_second = 20;
  int rate_limit_burst = 60;
  // error, warning, information (adds one line per request) or debug.
  std::string log_level = "information";
};

}  // namespace uitdaag::http
