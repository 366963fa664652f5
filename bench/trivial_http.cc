// uitdaag_trivial_http: the floor of the HTTP load run (bench/http_load.sh). Poco's HTTPServer
// with exactly the service's settings (http::ServerParams: request threads, queue, keep-alive,
// timeout) and one handler that answers every request with the same small JSON body and the
// headers the service sends with every answer. What the service does beyond this (routing,
// authentication, the store, JSON of a case) is what the load run's ratio measures.
//
//   uitdaag_trivial_http [--port N]     (default 0: any free port)
//
// Listens on 127.0.0.1 only, prints "listening on http://127.0.0.1:PORT" and serves until SIGINT
// or SIGTERM.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <signal.h>

#include <iostream>
#include <string>

#include "http/service.h"

namespace {

const std::string kBody = R"({"status":"ok","schema":1,"workflows":2})";

class FixedAnswer : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    request.stream().ignore(1 << 20);  // a body, if any, is read and dropped
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength64(static_cast<Poco::Int64>(kBody.size()));
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Cache-Control", "no-store");
    response.send().write(kBody.data(), static_cast<std::streamsize>(kBody.size()));
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new FixedAnswer();
  }
};

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--port" && i + 1 < argc) {
      try {
        port = std::stoi(argv[++i]);
      } catch (const std::exception&) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        std::cerr << "uitdaag_trivial_http: --port must be a number from 0 to 65535\n";
        return 1;
      }
    } else {
      std::cerr << "usage: uitdaag_trivial_http [--port N]\n";
      return 1;
    }
  }
  // As `uitdaag serve`: block the stop signals before any thread starts, then wait for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  try {
    Poco::Net::ServerSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    const uitdaag::http::ServiceConfig defaults;  // the service's default threads and queue
    Poco::Net::HTTPServer server(new Factory(), socket, uitdaag::http::ServerParams(defaults));
    server.start();
    std::cout << "uitdaag_trivial_http: listening on http://127.0.0.1:" << socket.address().port()
              << " (" << defaults.threads << " threads)" << std::endl;
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stopAll(true);
  } catch (const std::exception& e) {
    std::cerr << "uitdaag_trivial_http: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
