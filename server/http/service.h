// Service: the HTTP API of `uitdaag serve` — Poco's TCPServer with HTTP connections behind the
// connection guard (connection_guard.h) on a configured address, with the router of routes.cc, plus one background worker that fires due deadlines (Sweeper) and
// delivers letters (OutboxDispatcher with LetterEffectHandler) every worker_interval_seconds
// and after every accepted request, batch after batch until none is due.
//
// Lifecycle: Create() loads and checks everything (workflows, letters, profile, database) and
// reports every problem; Start() binds and serves; Stop() stops accepting, lets requests in
// flight finish, and stops the worker after its current step. Stop() is idempotent and the
// destructor calls it.
//
// Thread safety: Start/Stop from one thread; requests run on the server's own threads, each with
// its own CaseStore from the pool.
#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <condition_variable>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/connection_guard.h"
#include "http/service_config.h"
#include "http/service_state.h"
#include "pages/site.h"

namespace uitdaag::http {

// The HTTP settings of the service: config.threads request threads, config.queue waiting
// connections, keep-alive closed after config.keep_alive_seconds idle, each read or write at
// most config.request_head_seconds (bench/trivial_http.cc serves with the same).
Poco::Net::HTTPServerParams::Ptr ServerParams(const ServiceConfig& config);
// The connection limits of the service (connection_guard.h) from its settings.
ConnectionLimits LimitsOf(const ServiceConfig& config);

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
  int open_connections() const { return guard_ ? guard_->open() : 0; }
  ServiceState& state() { return *state_; }

 private:
  Service() = default;
  void WorkerLoop();

  std::unique_ptr<ServiceState> state_;
  std::shared_ptr<const pages::Site> site_;  // the pages' templates, styles and CSRF key
  // Destroyed in reverse: the server first, then its threads, then the guard they report to.
  std::unique_ptr<ConnectionGuard> guard_;
  std::unique_ptr<Poco::ThreadPool> threads_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  bool nudged_ = false;    // guarded by mu_
  int port_ = 0;
};

}  // namespace uitdaag::http
