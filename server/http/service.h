// Service: the HTTP API of `uitdaag serve` — Poco's HTTPServer on a configured address with the
// router of routes.cc, plus one background worker that fires due deadlines (Sweeper) and
// delivers letters (OutboxDispatcher with LetterEffectHandler) every worker_interval_seconds.
//
// Lifecycle: Create() loads and checks everything (workflows, letters, profile, database) and
// reports every problem; Start() binds and serves; Stop() stops accepting, lets requests in
// flight finish, and stops the worker after its current step. Stop() is idempotent and the
// destructor calls it.
//
// Thread safety: Start/Stop from one thread; requests run on the server's own threads, each with
// its own CaseStore from the pool.
#pragma once

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>

#include <atomic>
#include <condition_variable>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/service_config.h"
#include "http/service_state.h"

namespace uitdaag::http {

// The HTTPServer settings of the service: config.threads request threads, config.queue waiting
// connections, keep-alive, a 30 s idle timeout (bench/trivial_http.cc serves with the same).
Poco::Net::HTTPServerParams::Ptr ServerParams(const ServiceConfig& config);

struct DemoAccount {
  std::string username;
  std::string password;
  std::vector<std::string> roles;
  bool admin = false;
};

class Service {
 public:
  // Diagnostics of the workflows, letters and profile go to `err`; null on any error.
  static std::unique_ptr<Service> Create(const ServiceConfig& config, const Clock& clock,
                                         std::ostream& err);
  ~Service();

  // On an empty account table: creates one account per staff role of the workflows (named after
  // the role) and an administrator, with random passwords, and returns them; else nothing.
  StatusOr<std::vector<DemoAccount>> SeedDemoAccounts();

  Status Start();
  void Stop();
  int port() const;  // after Start(): the bound port (the real one when config.port was 0)
  ServiceState& state() { return *state_; }

 private:
  Service() = default;
  void WorkerLoop();

  std::unique_ptr<ServiceState> state_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  bool nudged_ = false;    // guarded by mu_
  int port_ = 0;
};

}  // namespace uitdaag::http
