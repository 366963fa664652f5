// The settings of `uitdaag serve` (server/http/service.h), from its configuration file and the
// command line. Every limit has a default that suits a municipality's service.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace uitdaag::http {

struct ServiceConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  std::string database = "uitdaag.db";
  std::string workflows_dir = "workflows";
  std::string profile;  // empty: profile.yaml in the workflows' template folder
  // Where npm installed the NL Design System styles of the pages; empty: node_modules/ in the
  // folder that holds the workflow folder (the project folder).
  std::string styles_dir;
  // A draft of the online form (uitdaag/draft.h) is deleted this many days after its last save.
  int draft_ttl_days = 30;
  int threads = 64;     // request threads (each connection holds one while it is open)
  int queue = 64;       // connections waiting for a thread; past threads + queue, new ones get 503
  // Connections (connection_guard.h). Open at once from one client address, past which a new
  // one gets 429 and is closed (0: no cap; trusted proxies are exempt).
  int max_connections_per_address = 24;
  // From accepting a connection (or answering its previous request) until the head of the next
  // request has arrived whole, at most keep_alive_seconds + request_head_seconds.
  int request_head_seconds = 10;
  int keep_alive_seconds = 5;  // an idle kept-alive connection is closed after this
  // After the head: reading the body, handling and answering, at most request_seconds plus one
  // second per 64 KiB of declared body. Past a deadline the connection is closed.
  int request_seconds = 60;
  // Proxies whose X-Forwarded-For names the client (its last entry): the rate limit and the
  // login throttle then key the forwarded address. Exact IP addresses, e.g. 127.0.0.1.
  std::vector<std::string> trusted_proxies;
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
