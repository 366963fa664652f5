#include "http/service.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/router.h"
#include "http/setup.h"
#include "pages/resident_pages.h"
#include "uitdaag/case_letters.h"
#include "uitdaag/loader.h"
#include "uitdaag/outbox.h"
#include "uitdaag/password.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::http {
namespace {

// Outbox items per dispatcher run. Each run records its outcomes in one short transaction: a
// small batch keeps the pending count current, lets Stop() wait for little, and repeats few
// letters after a crash (a repeated one is found, not rendered again).
constexpr int kOutboxBatch = 16;

// The letter handler, counting the letters it stored for the metrics.
class CountedLetters final : public EffectHandler {
 public:
  CountedLetters(EffectHandler& letters, Metrics& metrics) : letters_(letters), metrics_(metrics) {}
  Status Perform(const OutboxItem& item) override { return PerformAll({item}).front(); }
  std::vector<Status> PerformAll(const std::vector<OutboxItem>& items) override {
    std::vector<Status> done = letters_.PerformAll(items);
    int letters = 0;
    for (size_t i = 0; i < items.size() && i < done.size(); ++i) {
      if (done[i].ok() && items[i].effect.kind == Effect::Kind::kRenderLetter) ++letters;
    }
    metrics_.LettersDelivered(letters);
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
  params->setKeepAliveTimeout(Poco::Timespan(config.keep_alive_seconds, 0));
  params->setTimeout(Poco::Timespan(config.request_head_seconds, 0));
  return params;
}

ConnectionLimits LimitsOf(const ServiceConfig& config) {
  ConnectionLimits limits;
  limits.max_total = config.threads + config.queue;
  limits.max_per_address = config.max_connections_per_address;
  limits.exempt = {config.trusted_proxies.begin(), config.trusted_proxies.end()};
  limits.head = std::chrono::seconds(config.request_head_seconds);
  limits.keep_alive = std::chrono::seconds(config.keep_alive_seconds);
  limits.request = std::chrono::seconds(config.request_seconds);
  return limits;
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
  // The pages: templates/pages/ next to the letters, and the NL Design System styles that npm
  // installed (node_modules/ beside the workflow folder, unless styles_dir says otherwise).
  std::filesystem::path workflows = std::filesystem::path(config.workflows_dir).lexically_normal();
  if (!workflows.has_filename()) workflows = workflows.parent_path();  // "workflows/"
  const std::string styles_dir = !config.styles_dir.empty()
                                     ? config.styles_dir
                                     : (workflows.parent_path() / "node_modules").string();
  pages::Site::LoadResult site = pages::Site::Load(*state, styles_dir);
  for (const Diagnostic& d : site.diagnostics) err << d.ToString() << "\n";
  if (site.site == nullptr) return nullptr;
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
  service->site_ = std::move(site.site);
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
    const ServiceConfig& config = state_->config;
    Poco::Net::HTTPRequestHandlerFactory::Ptr router(new Router(*state_));
    AddRoutes(static_cast<Router&>(*router));
    pages::AddResidentPages(static_cast<Router&>(*router), site_);
    Poco::Net::ServerSocket socket(
        Poco::Net::SocketAddress(config.host, static_cast<Poco::UInt16>(config.port)), 128);
    port_ = socket.address().port();
    guard_ = std::make_unique<ConnectionGuard>(LimitsOf(config), state_->metrics);
    threads_ = std::make_unique<Poco::ThreadPool>(2, config.threads, 60);
    const Poco::Net::HTTPServerParams::Ptr params = ServerParams(config);
    server_ = std::make_unique<Poco::Net::TCPServer>(guard_->Factory(params, router), *threads_,
                                                     socket, params);
    server_->setConnectionFilter(guard_->Filter());
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
    server_->stop();      // no new connections
    guard_->CloseIdle();  // nobody waits for a kept-alive connection to time out
    // Requests in flight finish; give them up to 10 s, then close what is left.
    for (int i = 0; i < 100 && guard_->open() > 0; ++i) {
      guard_->CloseIdle();  // also those that finished their request meanwhile
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    guard_->CloseAll();
    threads_->joinAll();
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
    // Drafts of the online form past their expiry are deleted (data minimisation).
    StatusOr<int64_t> expired = (*store)->DeleteExpiredDrafts(state_->clock->Now());
    if (!expired.ok()) log.error("drafts: " + expired.status().ToString());
    // Batch after batch while a batch comes back full (more is due), so a backlog drains at the
    // renderer's speed instead of one batch per worker_interval_seconds. Letters are rendered
    // outside any transaction and stored one short transaction each, so request commits get
    // the write lock between them.
    while (true) {
      StatusOr<DispatchReport> delivered = dispatcher.RunOnce(kOutboxBatch);
      if (!delivered.ok()) {
        log.error("outbox: " + delivered.status().ToString());
        break;
      }
      if (delivered->attempted() < kOutboxBatch) break;
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    wake_.wait_for(lock, std::chrono::seconds(state_->config.worker_interval_seconds),
                   [this] { return stopping_ || nudged_; });
    if (stopping_) return;
    nudged_ = false;
  }
}

}  // namespace uitdaag::http
