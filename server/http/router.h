// Router: the request handler factory of the service. Routes are a method and a path pattern
// with `{name}` segments ("/api/cases/{id}/events/{event}"); a request that matches no path is
// 404, one that matches a path but not its method is 405 with Allow. HEAD is answered for every
// GET route. Every answer, also an unexpected exception in a handler, is JSON or problem+json.
//
// Every request passes here first: its framing is checked (framing.h) before anything reads it,
// and an answer given before the body was read closes the connection (exchange.h). Then the
// request rate limit (rate_limiter.h) is applied per client address: over it the answer is 429
// with Retry-After (/health is exempt). Just before its answer is sent, every
// request is counted in the metrics (metrics.h) under its route pattern and logged as one line
// through the logger "uitdaag.http" at level information, as key=value pairs:
//   method=GET path=/api/cases/2026-000001 route=/api/cases/{id} status=200 duration_ms=1.42
//   bytes=1873 (one line)
// The path is logged without its query string (which may carry secrets) and with anything but
// printable ASCII percent-encoded; the client's address is not logged (personal data).
//
// Thread safety: routes are added before the server starts and only read afterwards.
#pragma once

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/exchange.h"

namespace uitdaag::http {

using Handler = std::function<void(Exchange&)>;

class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(ServiceState& state) : state_(state), log_(Poco::Logger::get("uitdaag.http")) {}
  void Add(std::string method, const std::string& pattern, Handler handler);
  // Every route as (method, pattern), in the order added (the OpenAPI test compares them).
  std::vector<std::pair<std::string, std::string>> Routes() const;
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

  // Runs the matching handler (public for the handler object the factory returns).
  void Dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

 private:
  struct RouteEntry {
    std::string method;
    std::vector<std::string> segments;  // "{id}" captures
    Handler handler;
    RouteSeries* series;  // its metrics; owned by state_.metrics
  };
  // Answers the request through one Exchange, which calls `counted` just before the answer is
  // sent, then drains what is left of an unread body.
  void Answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
              const Exchange::AnswerHook& counted, RouteSeries** series);
  // The checks every request passes, in order: its framing (framing.h: 400/501), its URI and
  // query string (400), the rate limit (429), repeated query parameters (422); then the route
  // whose series it puts in `*series`, or 405 (with Allow) or 404.
  void Route(Exchange& exchange, RouteSeries** series);
  static bool Matches(const RouteEntry& route, const std::vector<std::string>& parts,
                      std::map<std::string, std::string>* params);

  ServiceState& state_;
  Poco::Logger& log_;
  std::vector<RouteEntry> routes_;
};

}  // namespace uitdaag::http
