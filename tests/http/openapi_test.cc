// docs/openapi.yaml describes exactly the routes the service has, and every path it documents
// answers on the running server (nothing falls through to "no such resource").
#include <yaml-cpp/yaml.h>

#include <set>

#include "http/handlers.h"
#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

std::set<std::pair<std::string, std::string>> Documented() {
  const YAML::Node doc = YAML::LoadFile(SourcePath("docs/openapi.yaml"));
  REQUIRE(doc["openapi"].as<std::string>().rfind("3.", 0) == 0);
  std::set<std::pair<std::string, std::string>> routes;
  for (const auto& path : doc["paths"]) {
    for (const auto& op : path.second) {
      std::string method = op.first.as<std::string>();
      if (method == "parameters") continue;
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      routes.emplace(method, path.first.as<std::string>());
    }
  }
  return routes;
}

TEST_CASE("openapi: the document lists exactly the service's routes", "[http][openapi]") {
  TestService s;
  http::Router router(s.service->state());
  http::AddRoutes(router);
  std::set<std::pair<std::string, std::string>> served;
  for (const auto& route : router.Routes()) served.insert(route);
  const auto documented = Documented();
  for (const auto& r : served) {
    INFO(r.first << " " << r.second << " is served but not documented");
    CHECK(documented.count(r) == 1);
  }
  for (const auto& r : documented) {
    INFO(r.first << " " << r.second << " is documented but not served");
    CHECK(served.count(r) == 1);
  }
}

TEST_CASE("openapi: every documented path answers on the running server", "[http][openapi]") {
  TestService s;
  for (const auto& [method, pattern] : Documented()) {
    std::string path = pattern;
    for (size_t at = path.find('{'); at != std::string::npos; at = path.find('{')) {
      path.replace(at, path.find('}', at) - at + 1, "1");
    }
    HttpResult r = s.Call(method, path, method == "POST" ? "{}" : "");
    INFO(method << " " << path << ": " << r.status << " " << r.body);
    CHECK(r.status != 405);
    CHECK_THAT(r.body, !Catch::Contains("no such resource"));
    CHECK(r.status < 500);
  }
}

}  // namespace
}  // namespace uitdaag::testing
