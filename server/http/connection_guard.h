// ConnectionGuard: the connection limits of the service's front door, between Poco's TCPServer
// and the HTTPServerConnection that reads requests. Poco gives each connection a thread for as
// long as it is open and bounds only each single read (a client sending a header line every few
// seconds holds its thread for ever), so the guard adds what a server on the internet needs:
//
//   - at accept (the TCPServer's connection filter): at most `max_per_address` connections open
//     from one client address (0: no cap; `exempt` addresses, the trusted proxies, have none),
//     past which the new connection gets 429 and is closed; at most `max_total` open in all
//     (the request threads plus the waiting queue), past which it gets 503 — a refused client
//     hears so at once instead of waiting in a queue;
//   - deadlines: the head of the first request must have arrived within `head` of the accept,
//     the head of each next one within `keep_alive` + `head` of the previous answer, and a
//     request must be read, handled and answered within `request` plus one second per 64 KiB of
//     its declared body. A connection past its deadline is shut down (its thread's read or write
//     returns at once); a watchdog thread checks every 100 ms.
//
// The router tells the guard where a connection is with RequestStarted() and RequestFinished(),
// called on the connection's own thread (a thread-local names its connection).
//
// Thread safety: every method may be called from any thread. REQUIRES: the guard outlives the
// TCPServer it filters and every connection thread (destroy it after both have stopped).
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "http/metrics.h"

namespace uitdaag::http {

struct ConnectionLimits {
  int max_total = 128;
  int max_per_address = 24;          // 0: no cap
  std::set<std::string> exempt;      // addresses without a per-address cap
  std::chrono::milliseconds head{10'000};
  std::chrono::milliseconds keep_alive{5'000};
  std::chrono::milliseconds request{60'000};
};

class ConnectionGuard {
 public:
  ConnectionGuard(ConnectionLimits limits, Metrics& metrics);
  ~ConnectionGuard();
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  // The filter to set on the TCPServer, and its connection factory: HTTP connections with
  // `params` answered by `handlers`, each watched by this guard.
  Poco::Net::TCPServerConnectionFilter::Ptr Filter();
  Poco::Net::TCPServerConnectionFactory::Ptr Factory(
      Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers);

  // On a connection's thread: the head of a request has arrived (its body declares
  // `body_bytes`, or the most the service accepts when it is chunked); its answer was sent.
  // No effect on a thread that serves no guarded connection.
  static void RequestStarted(int64_t body_bytes);
  static void RequestFinished();
  // The answer was sent before the body was read: what is left of it is drained (exchange.h)
  // for at most two seconds, then the connection is shut down.
  static void Draining();

  // Stopping: shut down every connection that is between requests (or not yet in one), or
  // every connection. Their threads then end.
  void CloseIdle();
  void CloseAll();
  int open() const;  // connections accepted and not yet ended

 private:
  class Filtering;
  class Guarded;
  class Factoring;
  struct Entry {
    Poco::Net::StreamSocket socket;  // keeps the identity (the impl) alive; never used to close
    int shutdown_fd = -1;            // a dup of the socket's descriptor, for shutdown() alone
    std::string address;
    std::chrono::steady_clock::time_point deadline;
    bool attached = false;  // a connection thread runs it
    bool idle = true;       // waiting for the head of a request
    bool shut = false;
  };
  using Key = const Poco::Net::SocketImpl*;

  bool Admit(const Poco::Net::StreamSocket& socket);  // the filter
  Entry* Attach(const Poco::Net::StreamSocket& socket);
  void Detach(const Poco::Net::StreamSocket& socket);
  void Remove(std::map<Key, Entry>::iterator it);      // REQUIRES: mu_ held
  void Shut(Entry& entry);                             // REQUIRES: mu_ held
  void Update(Entry* entry, bool idle, std::chrono::milliseconds allowed);
  void Watch();

  // Constant after construction.
  const ConnectionLimits limits_;
  Metrics& metrics_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::map<Key, Entry> entries_;               // guarded by mu_
  std::map<std::string, int> per_address_;     // guarded by mu_
  bool stopping_ = false;                      // guarded by mu_
  std::thread watchdog_;
};

}  // namespace uitdaag::http
