#include "http/connection_guard.h"

#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/TCPServerConnection.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/problem.h"
#include "http/security_headers.h"

namespace uitdaag::http {
namespace {

using Clock = std::chrono::steady_clock;

// The connection the current thread serves, if any.
struct Current {
  ConnectionGuard* guard = nullptr;
  void* entry = nullptr;
};
thread_local Current current;

// A refusal at accept: a complete answer that closes the connection, sent without blocking (a
// fresh socket's send buffer takes it whole; if not, the client gets the close alone).
void SendRefusal(const Poco::Net::StreamSocket& accepted, int status, const std::string& detail) {
  const std::string body = ProblemJson(status, detail, "");
  const std::string answer = "HTTP/1.1 " + std::to_string(status) +
                             (status == 429 ? " Too Many Requests" : " Service Unavailable") +
                             "\r\nContent-Type: application/problem+json"
                             "\r\nContent-Length: " + std::to_string(body.size()) +
                             "\r\nRetry-After: 1\r\nCache-Control: no-store"
                             "\r\nContent-Security-Policy: " + kApiContentSecurityPolicy +
                             "\r\nConnection: close\r\n\r\n" + body;
  try {
    Poco::Net::StreamSocket socket(accepted);
    socket.setBlocking(false);
    socket.sendBytes(answer.data(), static_cast<int>(answer.size()));
    socket.shutdownSend();
  } catch (const std::exception&) {
    // The client is gone already.
  }
}

}  // namespace

class ConnectionGuard::Filtering final : public Poco::Net::TCPServerConnectionFilter {
 public:
  explicit Filtering(ConnectionGuard& guard) : guard_(guard) {}
  bool accept(const Poco::Net::StreamSocket& socket) override { return guard_.Admit(socket); }

 private:
  ConnectionGuard& guard_;
};

// One HTTP connection run by Poco's HTTPServerConnection, registered with the guard for its life.
class ConnectionGuard::Guarded final : public Poco::Net::TCPServerConnection {
 public:
  Guarded(const Poco::Net::StreamSocket& socket, ConnectionGuard& guard,
          Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
      : TCPServerConnection(socket), guard_(guard), params_(params), handlers_(handlers) {}

  void run() override {
    Entry* entry = guard_.Attach(socket());
    if (entry == nullptr) return;  // it missed its deadline while it waited for a thread
    current = {&guard_, entry};
    struct Leave {
      ConnectionGuard& guard;
      const Poco::Net::StreamSocket& socket;
      ~Leave() {
        current = {};
        guard.Detach(socket);
      }
    } leave{guard_, socket()};
    Poco::Net::HTTPServerConnection http(socket(), params_, handlers_);
    http.run();
  }

 private:
  ConnectionGuard& guard_;
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
};

class ConnectionGuard::Factoring final : public Poco::Net::TCPServerConnectionFactory {
 public:
  Factoring(ConnectionGuard& guard, Poco::Net::HTTPServerParams::Ptr params,
            Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
      : guard_(guard), params_(params), handlers_(handlers) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new Guarded(socket, guard_, params_, handlers_);
  }

 private:
  ConnectionGuard& guard_;
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
};

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, Metrics& metrics)
    : limits_(std::move(limits)), metrics_(metrics), watchdog_([this] { Watch(); }) {}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
  std::lock_guard<std::mutex> lock(mu_);
  while (!entries_.empty()) Remove(entries_.begin());
}

Poco::Net::TCPServerConnectionFilter::Ptr ConnectionGuard::Filter() { return new Filtering(*this); }

Poco::Net::TCPServerConnectionFactory::Ptr ConnectionGuard::Factory(
    Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers) {
  return new Factoring(*this, params, handlers);
}

bool ConnectionGuard::Admit(const Poco::Net::StreamSocket& socket) {
  std::string address;
  try {
    address = socket.peerAddress().host().toString();
  } catch (const std::exception&) {
    return false;  // already gone
  }
  int status = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (static_cast<int>(entries_.size()) >= limits_.max_total) {
      status = 503;
    } else if (limits_.max_per_address > 0 && limits_.exempt.count(address) == 0 &&
               per_address_[address] >= limits_.max_per_address) {
      status = 429;
    } else {
      Entry entry;
      entry.socket = socket;
      entry.shutdown_fd = ::dup(socket.impl()->sockfd());
      entry.address = address;
      entry.deadline = Clock::now() + limits_.head;
      entries_.emplace(socket.impl(), std::move(entry));
      ++per_address_[address];
      metrics_.OpenConnections(static_cast<int64_t>(entries_.size()));
      return true;
    }
    if (per_address_[address] == 0) per_address_.erase(address);
  }
  if (status == 429) {
    metrics_.ConnectionRefused(Metrics::Refusal::kPerAddress);
    SendRefusal(socket, 429,
                "too many connections from your address; close some and try again");
  } else {
    metrics_.ConnectionRefused(Metrics::Refusal::kOverloaded);
    SendRefusal(socket, 503, "the service is busy; try again in a moment");
  }
  return false;
}

ConnectionGuard::Entry* ConnectionGuard::Attach(const Poco::Net::StreamSocket& socket) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(socket.impl());
  if (it == entries_.end()) return nullptr;
  it->second.attached = true;
  return &it->second;
}

void ConnectionGuard::Detach(const Poco::Net::StreamSocket& socket) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(socket.impl());
  if (it != entries_.end()) Remove(it);
}

void ConnectionGuard::Remove(std::map<Key, Entry>::iterator it) {
  if (it->second.shutdown_fd >= 0) ::close(it->second.shutdown_fd);
  auto count = per_address_.find(it->second.address);
  if (count != per_address_.end() && --count->second <= 0) per_address_.erase(count);
  entries_.erase(it);
  metrics_.OpenConnections(static_cast<int64_t>(entries_.size()));
}

void ConnectionGuard::Shut(Entry& entry) {
  if (entry.shut) return;
  entry.shut = true;
  // shutdown() acts on the connection itself, whichever descriptor names it: the thread blocked
  // in a read or write on Poco's descriptor returns at once, and Poco closes as usual.
  if (entry.shutdown_fd >= 0) ::shutdown(entry.shutdown_fd, SHUT_RDWR);
}

void ConnectionGuard::RequestStarted(int64_t body_bytes) {
  if (current.guard == nullptr) return;
  ConnectionGuard& guard = *current.guard;
  const auto per_64k = std::chrono::seconds(std::max<int64_t>(body_bytes, 0) / (64 * 1024));
  guard.Update(static_cast<Entry*>(current.entry), false,
               guard.limits_.request + std::chrono::duration_cast<std::chrono::milliseconds>(per_64k));
}

void ConnectionGuard::RequestFinished() {
  if (current.guard == nullptr) return;
  ConnectionGuard& guard = *current.guard;
  guard.Update(static_cast<Entry*>(current.entry), true, guard.limits_.keep_alive + guard.limits_.head);
}

void ConnectionGuard::Draining() {
  if (current.guard == nullptr) return;
  current.guard->Update(static_cast<Entry*>(current.entry), false, std::chrono::milliseconds(2000));
}

void ConnectionGuard::Update(Entry* entry, bool idle, std::chrono::milliseconds allowed) {
  std::lock_guard<std::mutex> lock(mu_);
  entry->idle = idle;
  entry->deadline = Clock::now() + allowed;
}

void ConnectionGuard::CloseIdle() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [key, entry] : entries_) {
    if (entry.idle) Shut(entry);
  }
}

void ConnectionGuard::CloseAll() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [key, entry] : entries_) Shut(entry);
}

int ConnectionGuard::open() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(entries_.size());
}

void ConnectionGuard::Watch() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(100));
    const Clock::time_point now = Clock::now();
    for (auto it = entries_.begin(); it != entries_.end();) {
      Entry& entry = it->second;
      if (entry.deadline > now || entry.shut) {
        ++it;
        continue;
      }
      Shut(entry);
      metrics_.ConnectionTimedOut();
      // A connection no thread has taken yet is forgotten now; if a thread takes it later, it
      // finds it shut and gone (Attach) and ends at once.
      if (!entry.attached) {
        Remove(it++);
      } else {
        ++it;
      }
    }
  }
}

}  // namespace uitdaag::http
