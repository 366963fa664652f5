#include "http/router.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "http/connection_guard.h"

namespace uitdaag::http {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// A request's method or path as one log token: printable ASCII as is, but space, double quote,
// backslash and every other byte as %XX; at most 200 characters (then "...").
std::string LogSafe(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (out.size() >= 200) {
      out += "...";
      break;
    }
    if (c > 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out.empty() ? "-" : out;
}

class RoutedHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RoutedHandler(Router& router) : router_(router) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    router_.Dispatch(request, response);
  }

 private:
  Router& router_;
};

}  // namespace

void Router::Add(std::string method, const std::string& pattern, Handler handler) {
  RouteSeries* series = state_.metrics.Route(method, pattern);
  routes_.push_back({std::move(method), Split(pattern), std::move(handler), series});
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const RouteEntry& r : routes_) {
    std::string pattern;
    for (const std::string& seg : r.segments) pattern += "/" + seg;
    out.emplace_back(r.method, pattern);
  }
  return out;
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new RoutedHandler(*this);
}

void Router::Dispatch(Poco::Net::HTTPServerRequest& request,
                      Poco::Net::HTTPServerResponse& response) {
  const auto started = std::chrono::steady_clock::now();
  RouteSeries* series = state_.metrics.Unmatched();  // until a route matches
  const Exchange::AnswerHook counted = [&](int status, size_t bytes) {
    const std::chrono::nanoseconds took = std::chrono::steady_clock::now() - started;
    state_.metrics.Record(*series, status, took);
    if (!log_.information()) return;
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.2f",
                  std::chrono::duration<double, std::milli>(took).count());
    const std::string& uri = request.getURI();
    log_.information("method=" + LogSafe(request.getMethod()) +
                     " path=" + LogSafe(uri.substr(0, uri.find_first_of("?#"))) +
                     " route=" + series->route() + " status=" + std::to_string(status) +
                     " duration_ms=" + duration + " bytes=" + std::to_string(bytes));
  };
  Answer(request, response, counted, &series);
}

void Router::Answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                    const Exchange::AnswerHook& counted, RouteSeries** series) {
  Exchange exchange(request, response, state_, {});
  exchange.OnAnswer(&counted);
  const Framing& framing = exchange.framing();
  ConnectionGuard::RequestStarted(framing.body == Framing::Body::kChunked
                                      ? static_cast<int64_t>(state_.config.max_upload_bytes)
                                      : framing.length);
  Route(exchange, series);
  // After the answer: an unread body is drained (bounded) before the connection closes.
  if (!exchange.body_complete()) {
    ConnectionGuard::Draining();
    exchange.DrainUnreadBody();
  }
  ConnectionGuard::RequestFinished();
}

void Router::Route(Exchange& exchange, RouteSeries** series) {
  Poco::Net::HTTPServerRequest& request = exchange.request();
  if (const Framing& framing = exchange.framing(); !framing.ok) {
    exchange.Problem(framing.status, framing.detail, framing.field);
    return;
  }
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const std::exception&) {
    exchange.Problem(400, "the request URI is malformed");
    return;
  }
  if (exchange.query_malformed()) {
    exchange.Problem(400, "the query string is malformed");
    return;
  }
  if (state_.rate_limit && path != "/health") {
    const RateLimiter::Decision decision =
        state_.rate_limit->Take(exchange.ClientAddress(), state_.clock->Now().unix_seconds());
    if (!decision.allowed) {
      const std::string wait = std::to_string(decision.retry_after_seconds);
      exchange.SetHeader("Retry-After", wait);
      exchange.Problem(429, "too many requests from your address; try again in " + wait +
                                (decision.retry_after_seconds == 1 ? " second" : " seconds"));
      return;
    }
  }
  if (!exchange.repeated_query().empty()) {
    exchange.Problem(422, "the query parameter '" + exchange.repeated_query() +
                              "' is given more than once",
                     exchange.repeated_query());
    return;
  }
  // HEAD is GET without the body (Poco's response leaves the body out for HEAD requests).
  const std::string method = request.getMethod() == "HEAD" ? "GET" : request.getMethod();
  const std::vector<std::string> parts = Split(path);
  std::string allowed;  // the methods of the path, when it matches a route but not its method
  for (const RouteEntry& route : routes_) {
    std::map<std::string, std::string> params;
    if (!Matches(route, parts, &params)) continue;
    if (route.method != method) {
      if (allowed.find(route.method) == std::string::npos) {
        allowed += (allowed.empty() ? "" : ", ") + route.method;
        if (route.method == "GET") allowed += ", HEAD";
      }
      continue;
    }
    *series = route.series;
    exchange.SetParams(std::move(params));
    try {
      route.handler(exchange);
      if (!exchange.answered()) exchange.Problem(500, "the handler gave no answer");
    } catch (const std::exception& e) {
      log_.error(request.getMethod() + " " + path + ": " + e.what());
      exchange.Problem(500, "the service could not complete the request");
    }
    return;
  }
  if (!allowed.empty()) {
    exchange.SetHeader("Allow", allowed);
    exchange.Problem(405, request.getMethod() + " is not allowed on " + path);
  } else {
    exchange.Problem(404, "no such resource: " + path);
  }
}

bool Router::Matches(const RouteEntry& route, const std::vector<std::string>& parts,
                     std::map<std::string, std::string>* params) {
  if (route.segments.size() != parts.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = route.segments[i];
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      if (parts[i].empty()) return false;
      (*params)[seg.substr(1, seg.size() - 2)] = parts[i];
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace uitdaag::http
