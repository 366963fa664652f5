// `uitdaag serve`: the HTTP service (server/http/service.h) in the foreground until SIGINT or
// SIGTERM; then it stops accepting, lets requests in flight finish, and stops the worker after
// its current step. On a database without accounts it creates demo accounts and prints them.
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <signal.h>

#include <ostream>

#include "cli/commands.h"
#include "http/service.h"
#include "http/service_config_file.h"
#include "uitdaag/clock.h"

namespace uitdaag::cli {
namespace {

// One line per event, UTC timestamps, level and source: easy to grep and to ship. `level` is the
// configuration's log_level (checked when it was read).
void SetUpLogging(const std::string& level) {
  Poco::AutoPtr<Poco::PatternFormatter> format(
      new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%SZ level=%p source=%s %t"));
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel());
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(format, console));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));  // the root and every logger
}

}  // namespace

int ServeCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args,
                                          {{"--config", true},
                                           {"--host", true},
                                           {"--port", true},
                                           {"--db", true},
                                           {"--workflows", true},
                                           {"--profile", true}},
                                          "serve");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (!parsed->positional.empty()) return UsageError(err, "serve takes no arguments");
  http::ServiceConfig config;
  config.database = DatabasePath(*parsed);
  if (auto file = parsed->Last("--config")) {
    StatusOr<http::ServiceConfig> loaded = http::LoadServiceConfig(*file, config);
    if (!loaded.ok()) {
      err << loaded.status().message() << "\n";
      return kExitFailure;
    }
    config = *loaded;
    if (auto db = parsed->Last("--db")) config.database = *db;
  }
  if (auto host = parsed->Last("--host")) config.host = *host;
  if (auto port = parsed->Last("--port")) {
    try {
      size_t used = 0;
      const int value = std::stoi(*port, &used);
      if (used != port->size() || value < 0 || value > 65535) throw std::out_of_range(*port);
      config.port = value;
    } catch (const std::exception&) {
      return UsageError(err, "--port must be a number from 0 to 65535");
    }
  }
  if (auto dir = parsed->Last("--workflows")) config.workflows_dir = *dir;
  if (auto profile = parsed->Last("--profile")) config.profile = *profile;

  // Block the stop signals before any thread starts, so that only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  SetUpLogging(config.log_level);
  std::unique_ptr<http::Service> service = http::Service::Create(config, *SystemClock(), err);
  if (service == nullptr) return kExitFailure;
  StatusOr<std::vector<http::DemoAccount>> demo = service->SeedDemoAccounts();
  if (!demo.ok()) {
    err << "uitdaag: " << demo.status().message() << "\n";
    return kExitFailure;
  }
  if (Status started = service->Start(); !started.ok()) {
    err << "uitdaag: " << started.message() << "\n";
    return kExitFailure;
  }
  out << "uitdaag: listening on http://" << config.host << ":" << service->port()
      << " (database " << config.database << ")\n";
  if (!demo->empty()) {
    out << "uitdaag: a new database: demo accounts (change their passwords):\n";
    for (const http::DemoAccount& a : *demo) {
      out << "  " << a.username << "  password " << a.password;
      if (a.admin) out << "  (administrator)";
      for (const std::string& role : a.roles) out << "  role " << role;
      out << "\n";
    }
  }
  out.flush();
  int signal = 0;
  sigwait(&stop_signals, &signal);
  out << "uitdaag: stopping (signal " << signal << ")\n";
  out.flush();
  service->Stop();
  out << "uitdaag: stopped\n";
  return kExitOk;
}

}  // namespace uitdaag::cli
