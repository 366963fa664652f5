#include "http/router.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

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
  for (const Route& r : routes_) {
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
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const std::exception&) {
    Exchange exchange(request, response, state_, {});
    exchange.OnAnswer(&counted);
    exchange.Problem(400, "the request URI is malformed");
    return;
  }
  if (state_.rate_limit && path != "/health") {
    const RateLimiter::Decision decision = state_.rate_limit->Take(
        request.clientAddress().host().toString(), state_.clock->Now().unix_seconds());
    if (!decision.allowed) {
      Exchange exchange(request, response, state_, {});
      exchange.OnAnswer(&counted);
      const std::string wait = std::to_string(decision.retry_after_seconds);
      exchange.SetHeader("Retry-After", wait);
      exchange.Problem(429, "too many requests from your address; try again in " + wait +
                                (decision.retry_after_seconds == 1 ? " second" : " seconds"));
      return;
    }
  }
  const std::vector<std::string> parts = Split(path);
  bool path_matched = false;
  for (const Route& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool match = true;
    for (size_t i = 0; i < parts.size() && match; ++i) {
      const std::string& seg = route.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        if (parts[i].empty()) match = false;
        params[seg.substr(1, seg.size() - 2)] = parts[i];
      } else {
        match = seg == parts[i];
      }
    }
    if (!match) continue;
    path_matched = true;
    if (route.method != request.getMethod()) continue;
    *series = route.series;
    Exchange exchange(request, response, state_, std::move(params));
    exchange.OnAnswer(&counted);
    try {
      route.handler(exchange);
      if (!exchange.answered()) exchange.Problem(500, "the handler gave no answer");
    } catch (const std::exception& e) {
      log_.error(request.getMethod() + " " + path + ": " + e.what());
      exchange.Problem(500, "the service could not complete the request");
    }
    return;
  }
  Exchange exchange(request, response, state_, {});
  exchange.OnAnswer(&counted);
  if (path_matched) {
    exchange.Problem(405, request.getMethod() + " is not allowed on " + path);
  } else {
    exchange.Problem(404, "no such resource: " + path);
  }
}

}  // namespace uitdaag::http
