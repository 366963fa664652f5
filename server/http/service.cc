#include "http/service.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/router.h"
#include "http/setup.h"
#include "uitdaag/case_letters.h"
#include "uitdaag/loader.h"
#include "uitdaag/outbox.h"
#include "uitdaag/password.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::http {
namespace {

// The letter handler, counting the letters it stored for the metrics.
class CountedLetters final : public EffectHandler {
 public:
  CountedLetters(EffectHandler& letters, Metrics& metrics) : letters_(letters), metrics_(metrics) {}
  Status Perform(const OutboxItem& item) override {
    Status done = letters_.Perform(item);
    if (done.ok() && item.effect.kind == Effect::Kind::kRenderLetter) metrics_.LettersDelivered(1);
    return done;
  }

 private:
  EffectHandler& letters_;
  Metrics& metrics_;
};

}  // namespace

Poco::Net::HTTPServerParams::Ptr ServerParams(const ServiceConfig& config) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams();
  params->setMaxThreads(config.threads);
  params->setMaxQueued(config.queue);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(30, 0));
  return params;
}

std::unique_ptr<Service> Service::Create(const ServiceConfig& config, const Clock& clock,
                                         std::ostream& err) {
  auto state = std::make_unique<ServiceState>();
  state->config = config;
  state->clock = &clock;
  state->workflows = LoadWorkflowDirOrReport(config.workflows_dir, err);
  if (state->workflows == nullptr) return nullptr;
  std::optional<std::string> profile;
  if (!config.profile.empty()) profile = config.profile;
  state->renderer = LoadRendererOrReport(state->workflows->All(), profile, err);
  if (state->renderer == nullptr) return nullptr;
  state->stores = std::make_unique<StorePool>(config.database);
  state->rate_limit =
      std::make_unique<RateLimiter>(config.rate_limit_per_second, config.rate_limit_burst);
  // Open once now: creates or migrates the database, and fails early on a bad path.
  StatusOr<StorePool::Lease> store = state->stores->Take();
  if (!store.ok()) {
    err << "uitdaag: " << store.status().message() << "\n";
    return nullptr;
  }
  std::unique_ptr<Service> service(new Service());
  service->state_ = std::move(state);
  return service;
}

Service::~Service() { Stop(); }

StatusOr<std::vector<DemoAccount>> Service::SeedDemoAccounts() {
  UITDAAG_ASSIGN_OR_RETURN(StorePool::Lease store, state_->stores->Take());
  UITDAAG_ASSIGN_OR_RETURN(int64_t existing, store->CountAccounts());
  std::vector<DemoAccount> created;
  if (existing > 0) return created;
  std::vector<DemoAccount> accounts;
  for (const std::string& role : StaffRoles(*state_->workflows)) {
    accounts.push_back({role, "", {role}, false});
  }
  accounts.push_back({"admin", "", {}, true});
  for (DemoAccount& a : accounts) {
    a.password = RandomToken(12);
    NewAccount account;
    account.username = a.username;
    account.display_name = a.username;
    account.password = a.password;
    account.roles = a.roles;
    account.admin = a.admin;
    UITDAAG_RETURN_IF_ERROR(store->CreateAccount(account, PasswordPolicy{}, state_->clock->Now()));
    created.push_back(a);
  }
  return created;
}

Status Service::Start() {
  try {
    auto router = new Router(*state_);  // owned by the server
    AddRoutes(*router);
    Poco::Net::ServerSocket socket(
        Poco::Net::SocketAddress(state_->config.host, static_cast<Poco::UInt16>(state_->config.port)));
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::HTTPServer>(router, socket, ServerParams(state_->config));
    server_->start();
  } catch (const std::exception& e) {
    return Status::Unavailable(std::string("cannot listen on ") + state_->config.host + ":" +
                               std::to_string(state_->config.port) + ": " + e.what());
  }
  state_->nudge_worker = [this] {
    {
      std::lock_guard<std::mutex> lock(mu_);
      nudged_ = true;
    }
    wake_.notify_all();
  };
  worker_ = std::thread([this] { WorkerLoop(); });
  return Status::Ok();
}

void Service::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (server_) {
    server_->stop();  // no new connections
    // Requests in flight finish; give them up to 10 s, then close what is left.
    for (int i = 0; i < 100 && server_->currentConnections() > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server_->stopAll(true);
  }
  if (worker_.joinable()) worker_.join();
}

int Service::port() const { return port_; }

void Service::WorkerLoop() {
  Poco::Logger& log = Poco::Logger::get("uitdaag.worker");
  StoreOptions options;
  options.path = state_->config.database;
  StatusOr<std::unique_ptr<CaseStore>> store = CaseStore::Open(options);
  if (!store.ok()) {
    log.error("the worker cannot open the database: " + store.status().ToString());
    return;
  }
  Runner runner(**store, *state_->workflows, *state_->clock);
  Sweeper sweeper(runner);
  LetterEffectHandler letters(**store, *state_->workflows, *state_->renderer, *state_->clock);
  CountedLetters counted(letters, state_->metrics);
  OutboxDispatcher dispatcher(**store, counted, *state_->clock);
  while (true) {
    StatusOr<SweepReport> swept = sweeper.SweepOnce();
    if (swept.ok()) {
      state_->metrics.SweepRan();
    } else {
      log.error("sweep: " + swept.status().ToString());
    }
    StatusOr<DispatchReport> delivered = dispatcher.RunOnce();
    if (!delivered.ok()) log.error("outbox: " + delivered.status().ToString());
    std::unique_lock<std::mutex> lock(mu_);
    wake_.wait_for(lock, std::chrono::seconds(state_->config.worker_interval_seconds),
                   [this] { return stopping_ || nudged_; });
    if (stopping_) return;
    nudged_ = false;
  }
}

}  // namespace uitdaag::http
