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
  size_t max_body_bytes = 256 * 1024;
  int64_t session_ttl_seconds = 8 * 3600;
  int worker_interval_seconds = 30;  // how often deadlines are swept and letters delivered
};

}  // namespace uitdaag::http
