// Router: the request handler factory of the service. Routes are a method and a path pattern
// with `{name}` segments ("/api/cases/{id}/events/{event}"); a request that matches no path is
// 404, one that matches a path but not its method is 405. Every answer, also an unexpected
// exception in a handler, is JSON or problem+json.
//
// Thread safety: routes are added before the server starts and only read afterwards.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>
#include <string>
#include <vector>

#include "http/exchange.h"

namespace uitdaag::http {

using Handler = std::function<void(Exchange&)>;

class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(ServiceState& state) : state_(state) {}
  void Add(std::string method, const std::string& pattern, Handler handler);
  // Every route as (method, pattern), in the order added (the OpenAPI test compares them).
  std::vector<std::pair<std::string, std::string>> Routes() const;
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

  // Runs the matching handler (public for the handler object the factory returns).
  void Dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{id}" captures
    Handler handler;
  };
  ServiceState& state_;
  std::vector<Route> routes_;
};

}  // namespace uitdaag::http
