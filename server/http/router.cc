#include "http/router.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/URI.h>

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
  routes_.push_back({std::move(method), Split(pattern), std::move(handler)});
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
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const std::exception&) {
    Exchange(request, response, state_, {}).Problem(400, "the request URI is malformed");
    return;
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
    Exchange exchange(request, response, state_, std::move(params));
    try {
      route.handler(exchange);
      if (!exchange.answered()) exchange.Problem(500, "the handler gave no answer");
    } catch (const std::exception& e) {
      Poco::Logger::get("uitdaag.http").error(request.getMethod() + " " + path + ": " + e.what());
      exchange.Problem(500, "the service could not complete the request");
    }
    return;
  }
  Exchange exchange(request, response, state_, {});
  if (path_matched) {
    exchange.Problem(405, request.getMethod() + " is not allowed on " + path);
  } else {
    exchange.Problem(404, "no such resource: " + path);
  }
}

}  // namespace uitdaag::http
