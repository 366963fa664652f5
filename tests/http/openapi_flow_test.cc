// docs/openapi.yaml is true of the running service. One run drives the whole API over real HTTP
// (workflows and forms, login, submission, events, handler assignment, letters, documents and
// uploads, timeline, deadlines, listings, figures, accounts, tokens, metrics, and the refusals
// 400 to 429), records every answer (exchange_recorder.h) and has tests/http/openapi_check.mjs
// check each against the document: status documented for its operation, content type declared,
// body valid against the response schema, and every operation answered successfully at least
// once. Every operation that needs a caller is also called without one (401), and every
// rate-limited one over the limit (429).
#include <Poco/JSON/Array.h>
#include <yaml-cpp/yaml.h>

#include <vector>

#include "http/exchange_recorder.h"
#include "http/http_client.h"
#include "http/openapi_checker.h"

namespace uitdaag::testing {
namespace {

struct Operation {
  std::string method;   // upper case
  std::string pattern;  // "/api/cases/{id}"
  bool needs_caller = false;
};

// The operations of the document and whether they require a caller: an operation's own
// `security` (empty, or with an empty alternative `{}`: no), else the document's.
std::vector<Operation> DocumentedOperations() {
  const YAML::Node doc = YAML::LoadFile(SourcePath("docs/openapi.yaml"));
  auto required = [](const YAML::Node& security) {
    if (security.size() == 0) return false;
    for (const auto& alternative : security) {
      if (alternative.size() == 0) return false;
    }
    return true;
  };
  const bool by_default = doc["security"] && required(doc["security"]);
  std::vector<Operation> ops;
  for (const auto& path : doc["paths"]) {
    for (const auto& op : path.second) {
      std::string method = op.first.as<std::string>();
      if (method == "parameters") continue;
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const YAML::Node security = op.second["security"];
      ops.push_back({method, path.first.as<std::string>(),
                     security ? required(security) : by_default});
    }
  }
  return ops;
}

// A concrete path for a pattern, with the ids of this run.
std::string Concrete(const std::string& pattern, const std::string& case_id) {
  std::string path;
  std::string previous;
  size_t start = 1;
  while (start <= pattern.size()) {
    size_t end = pattern.find('/', start);
    if (end == std::string::npos) end = pattern.size();
    std::string segment = pattern.substr(start, end - start);
    if (!segment.empty() && segment.front() == '{') {
      if (previous == "workflows") segment = "uitdaagrecht";
      if (previous == "forms") segment = "indienen";
      if (previous == "cases") segment = case_id;
      if (previous == "events") segment = "aanvulling_vragen";
      if (previous == "documents") segment = "1";
      if (previous == "tokens") segment = "0123456789abcdef";
      if (previous == "accounts") segment = "admin";
    }
    path += "/" + segment;
    previous = segment;
    start = end + 1;
  }
  return path;
}

// Calls an operation with a minimal request (a JSON object for bodies, a small text file for
// the upload).
HttpResult CallOperation(TestService& s, const Operation& op, const std::string& case_id,
                         const Headers& headers = {}) {
  std::string path = Concrete(op.pattern, case_id);
  if (op.pattern == "/api/cases/{id}/attachments") {
    return s.Call(op.method, path + "?name=a.txt", "tekst", headers, "text/plain");
  }
  const bool body = op.method == "POST" || op.method == "PUT" || op.method == "PATCH";
  return s.Call(op.method, path, body ? "{}" : "", headers);
}

std::string Quoted(const std::string& version) { return "\"" + version + "\""; }

// The skip rule of the node-backed tests: fail in CI, warn elsewhere.
bool NodeToolsReady() {
  const std::string missing = NodeToolsMissing();
  if (missing.empty()) return true;
  if (InCi()) FAIL("the OpenAPI check needs node and npm ci: " << missing);
  WARN("skipped: " << missing);
  return false;
}

TEST_CASE("openapi: every answer of a whole run matches the document",
          "[http][openapi][openapi-flow]") {
  if (!NodeToolsReady()) return;
  TempDir scratch;
  ExchangeRecorder recorder(scratch.File("exchanges.jsonl"));
  http::ServiceConfig config;
  config.max_body_bytes = 4096;
  config.max_upload_bytes = 64;
  config.max_attachments_per_case = 2;
  TestService s(config);
  recorder.Attach(s);

  // The service, and the workflow as a form builder reads it.
  CHECK(s.Call("GET", "/health").status == 200);
  CHECK(s.Call("GET", "/api/workflows").status == 200);
  HttpResult workflow = s.Call("GET", "/api/workflows/uitdaagrecht");
  REQUIRE(workflow.status == 200);
  Poco::JSON::Array::Ptr criteria = workflow.Json()->getArray("criteria");
  REQUIRE(criteria->size() == 6);
  Poco::JSON::Object::Ptr first = criteria->getObject(0);
  CHECK(first->getValue<std::string>("id") == "maatschappelijke_meerwaarde");
  CHECK(first->getValue<std::string>("label") == "Maatschappelijke meerwaarde");
  CHECK(first->getValue<double>("weight") == 2);
  CHECK(first->getObject("scale")->getValue<int>("min") == 1);
  CHECK(first->getObject("scale")->getValue<int>("max") == 5);
  CHECK(first->getValue<int>("minimum") == 3);
  CHECK(criteria->getObject(2)->getValue<double>("weight") == 1);
  CHECK(s.Call("GET", "/api/workflows/uitdaagrecht/graph").status == 200);
  CHECK(s.Call("GET", "/api/workflows/uitdaagrecht/graph?format=mermaid").status == 200);
  ExpectProblem(s.Call("GET", "/api/workflows/uitdaagrecht/graph?format=png"), 422,
                "dot or mermaid", "format");
  CHECK(s.Call("GET", "/api/workflows/uitdaagrecht/forms/indienen").status == 200);
  ExpectProblem(s.Call("GET", "/api/workflows/geen"), 404, "no workflow", "id");
  ExpectProblem(s.Call("GET", "/api/workflows/uitdaagrecht/forms/geen"), 404, "no event",
                "event");

  // The scoring form carries the criteria it scores, with the same scales.
  HttpResult scoring = s.Call("GET", "/api/workflows/uitdaagrecht/forms/criteria_scoren");
  REQUIRE(scoring.status == 200);
  Poco::JSON::Array::Ptr fields = scoring.Json()->getArray("fields");
  Poco::JSON::Object::Ptr scores_field;
  for (size_t i = 0; i < fields->size(); ++i) {
    Poco::JSON::Object::Ptr f = fields->getObject(static_cast<unsigned>(i));
    if (f->getValue<std::string>("type") == "criteria") scores_field = f;
  }
  REQUIRE(!scores_field.isNull());
  CHECK(scores_field->getValue<std::string>("name") == "scores");
  Poco::JSON::Array::Ptr scored = scores_field->getArray("criteria");
  REQUIRE(scored->size() == criteria->size());

  // Logging in, and the refusals of a login.
  const Headers handler = s.Login("behandelaar");
  const Headers admin = s.Login("admin");
  ExpectProblem(s.Call("POST", "/api/session",
                       R"({"username":"behandelaar","password":"not-the-password"})"),
                401, "");
  ExpectProblem(s.Call("POST", "/api/session", R"({"password":"x"})"), 422, "username",
                "username");
  ExpectProblem(s.Call("POST", "/api/session", "username=x", {}, "text/plain"), 415, "JSON");
  ExpectProblem(s.Call("POST", "/api/session", R"({"username":)"), 400, "");
  ExpectProblem(s.Call("POST", "/api/session", "[" + std::string(5000, ' ') + "]"), 413, "");
  HttpResult who = s.Call("GET", "/api/session", "", handler);
  REQUIRE(who.status == 200);
  CHECK(who.Json()->getValue<std::string>("kind") == "staff");

  // A submission, its replay, and a different one under the same key: refused, naming the
  // header (not the key's value), and nothing stored.
  HttpResult submitted = s.Call("POST", "/api/cases", kSubmission, {{"Idempotency-Key", "k-7"}});
  INFO(submitted.body);
  REQUIRE(submitted.status == 201);
  const std::string id = submitted.Json()->getValue<std::string>("id");
  const Headers challenger = {
      {"Authorization", "Bearer " + submitted.Json()->getValue<std::string>("access_token")}};
  HttpResult replay = s.Call("POST", "/api/cases", kSubmission, {{"Idempotency-Key", "k-7"}});
  CHECK(replay.status == 200);
  std::string other = kSubmission;
  other.replace(other.find("\"Groen\""), 7, "\"Anders\"");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  ExpectProblem(s.Call("POST", "/api/cases", other, {{"Idempotency-Key", "k-7"}}), 422,
                "already used for a different request", "Idempotency-Key");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
  ExpectProblem(s.Call("POST", "/api/cases", R"({"workflow":"geen","applicant":{"name":"X"}})"),
                422, "no workflow", "workflow");
  std::string unknown_event = kSubmission;
  unknown_event.replace(unknown_event.find("\"applicant\""), 0, R"("event": "bestaat_niet", )");
  ExpectProblem(s.Call("POST", "/api/cases", unknown_event), 404, "bestaat_niet");
  std::string staff_event = kSubmission;
  staff_event.replace(staff_event.find("\"applicant\""), 0, R"("event": "aanvulling_vragen", )");
  ExpectProblem(s.Call("POST", "/api/cases", staff_event), 403, "");
  const Submitted second = Submit(s);

  // Reading the case: its challenger, staff; nobody else.
  HttpResult seen = s.Call("GET", "/api/cases/" + id, "", challenger);
  REQUIRE(seen.status == 200);
  std::string version = std::to_string(seen.Json()->getValue<int>("version"));
  CHECK(s.Call("GET", "/api/cases/" + id, "", handler).status == 200);
  ExpectProblem(s.Call("GET", "/api/cases/" + id), 401, "");
  ExpectProblem(s.Call("GET", "/api/cases/" + second.id, "", challenger), 404, "no case");
  CHECK(s.Call("GET", "/api/session", "", challenger).Json()->getValue<std::string>("kind") ==
        "challenger");

  // Events and their refusals.
  auto fire = [&](const std::string& event, const Headers& who_fires, const std::string& data,
                  const std::string& if_match) {
    Headers headers = who_fires;
    if (!if_match.empty()) headers["If-Match"] = if_match;
    return s.Call("POST", "/api/cases/" + id + "/events/" + event, "{\"data\":" + data + "}",
                  headers);
  };
  auto step = [&](const std::string& event, const std::string& data) {
    HttpResult r = fire(event, handler, data, Quoted(version));
    INFO(event << ": " << r.body);
    REQUIRE(r.status == 200);
    version = std::to_string(r.Json()->getValue<int>("version"));
  };
  ExpectProblem(fire("ontvankelijk_verklaren", handler, "{}", ""), 428, "If-Match", "If-Match");
  ExpectProblem(fire("ontvankelijk_verklaren", handler, "{}", "\"99\""), 412, "version");
  ExpectProblem(fire("ontvankelijk_verklaren", handler, "{}", "geen-versie"), 422, "If-Match",
                "If-Match");
  ExpectProblem(fire("ontvankelijk_verklaren", challenger, "{}", Quoted(version)), 403, "",
                "event");
  ExpectProblem(fire("bestaat_niet", handler, "{}", Quoted(version)), 404, "bestaat_niet",
                "event");
  ExpectProblem(fire("gesprek_gevoerd", handler, R"({"gespreksverslag": "x"})", Quoted(version)),
                409, "");
  ExpectProblem(fire("aanvulling_vragen", handler, R"({"kleur": "rood"})", Quoted(version)), 422,
                "");
  step("ontvankelijk_verklaren", "{}");
  step("gesprek_plannen",
       R"({"gesprek_datum": "2026-01-20", "gesprek_tijd": "10.00 uur", "gesprek_locatie": "Stadskantoor"})");
  step("gesprek_gevoerd", R"({"gespreksverslag": "Goed gesprek."})");
  // The scores, built from the served criteria: one past the scale is refused, then each at
  // the top of its scale is taken.
  auto scores = [&](int past_top) {
    std::string json = "{\"scores\": {";
    for (size_t i = 0; i < scored->size(); ++i) {
      Poco::JSON::Object::Ptr c = scored->getObject(static_cast<unsigned>(i));
      const int top = c->getObject("scale")->getValue<int>("max") + (i == 0 ? past_top : 0);
      json += (i == 0 ? "\"" : ", \"") + c->getValue<std::string>("id") +
              "\": {\"score\": " + std::to_string(top) + ", \"reason\": \"Voldoende.\"}";
    }
    return json + "}}";
  };
  ExpectProblem(fire("criteria_scoren", handler, scores(1), Quoted(version)), 422, "",
                "scores." + scored->getObject(0)->getValue<std::string>("id"));
  step("criteria_scoren", scores(0));

  // Who handles the case.
  CHECK(s.Call("PUT", "/api/cases/" + id + "/handler", R"({"username":"behandelaar"})", admin)
            .status == 200);
  ExpectProblem(s.Call("PUT", "/api/cases/" + id + "/handler", R"({"username":"behandelaar"})",
                       challenger),
                403, "staff");
  ExpectProblem(
      s.Call("PUT", "/api/cases/" + id + "/handler", R"({"username":"niemand"})", admin), 422,
      "no account", "username");
  ExpectProblem(s.Call("PUT", "/api/cases/" + id + "/handler", "username=x", admin, "text/plain"),
                415, "JSON");

  // Letters and documents.
  std::string pdf;
  REQUIRE(s.WaitFor([&] {
    HttpResult letters = s.Call("GET", "/api/cases/" + id + "/letters", "", challenger);
    Poco::JSON::Parser parser;
    auto items = parser.parse(letters.body).extract<Poco::JSON::Array::Ptr>();
    if (items->size() == 0) return false;
    pdf = items->getObject(0)->getValue<std::string>("pdf");
    return true;
  }));
  HttpResult letter = s.Call("GET", pdf, "", challenger);
  CHECK(letter.status == 200);
  CHECK(letter.Header("Content-Type") == "application/pdf");
  CHECK(s.Call("GET", "/api/cases/" + id + "/documents", "", handler).status == 200);
  ExpectProblem(s.Call("GET", "/api/cases/" + id + "/documents/999", "", handler), 404,
                "no document", "document");

  // Uploads: two accepted, then the case is full; a wrong type, a bad name, too large.
  const std::string upload = "/api/cases/" + id + "/attachments?name=";
  CHECK(s.Call("POST", upload + "plan.txt", "Het plan.", challenger, "text/plain").status == 201);
  ExpectProblem(s.Call("POST", upload + "plan.gif", "GIF89a", challenger, "image/gif"), 415,
                "image/gif", "Content-Type");
  ExpectProblem(s.Call("POST", upload + ".verborgen", "Tekst.", challenger, "text/plain"), 422,
                "", "name");
  ExpectProblem(s.Call("POST", upload + "groot.txt", std::string(100, 'a'), challenger,
                       "text/plain"),
                413, "larger than");
  CHECK(s.Call("POST", upload + "begroting.txt", "Begroting.", handler, "text/plain").status ==
        201);
  ExpectProblem(s.Call("POST", upload + "derde.txt", "Nog een.", challenger, "text/plain"), 409,
                "attachments");

  // History and deadlines, as the challenger and as staff see them.
  for (const Headers& who_reads : {challenger, handler}) {
    CHECK(s.Call("GET", "/api/cases/" + id + "/timeline", "", who_reads).status == 200);
    CHECK(s.Call("GET", "/api/cases/" + id + "/deadlines", "", who_reads).status == 200);
  }

  // Listings, the queue and the figures.
  HttpResult page = s.Call("GET", "/api/cases?limit=1", "", handler);
  REQUIRE(page.status == 200);
  const std::string cursor = page.Json()->getValue<std::string>("next_cursor");
  HttpResult next = s.Call("GET", "/api/cases?limit=1&cursor=" + cursor, "", handler);
  CHECK(next.status == 200);
  CHECK(s.Call("GET", "/api/cases?handler=me&overdue=false", "", handler).status == 200);
  ExpectProblem(s.Call("GET", "/api/cases?kleur=rood", "", handler), 422, "not a parameter",
                "kleur");
  ExpectProblem(s.Call("GET", "/api/cases", "", challenger), 403, "staff");
  CHECK(s.Call("GET", "/api/queue", "", handler).status == 200);
  ExpectProblem(s.Call("GET", "/api/queue?limit=1&limit=2", "", handler), 422, "", "limit");
  HttpResult years = s.Call("GET", "/api/figures", "", handler);
  REQUIRE(years.status == 200);
  CHECK(years.Json()->getArray("years")->size() == 1);
  HttpResult figures = s.Call("GET", "/api/figures?year=2026", "", handler);
  REQUIRE(figures.status == 200);
  CHECK(figures.Json()->getValue<int>("submitted") == 2);
  ExpectProblem(s.Call("GET", "/api/figures?year=1", "", handler), 422, "year", "year");

  // Accounts, tokens and metrics.
  CHECK(s.Call("GET", "/api/accounts", "", admin).status == 200);
  ExpectProblem(s.Call("GET", "/api/accounts", "", handler), 403, "administrator");
  const std::string account =
      R"({"username":"nieuw","password":"een-lang-wachtwoord","roles":["behandelaar"]})";
  CHECK(s.Call("POST", "/api/accounts", account, admin).status == 201);
  ExpectProblem(s.Call("POST", "/api/accounts", account, admin), 409, "");
  CHECK(s.Call("GET", "/api/accounts/nieuw", "", admin).status == 200);
  ExpectProblem(s.Call("GET", "/api/accounts/niemand", "", admin), 404, "");
  CHECK(s.Call("PATCH", "/api/accounts/nieuw", R"({"display_name":"Nieuwe collega"})", admin)
            .status == 200);
  ExpectProblem(s.Call("PATCH", "/api/accounts/nieuw", R"({"disabeld":true})", admin), 422, "",
                "disabeld");
  HttpResult token = s.Call("POST", "/api/tokens", R"({"label":"koppeling"})", handler);
  REQUIRE(token.status == 201);
  const std::string token_id = token.Json()->getValue<std::string>("id");
  CHECK(s.Call("GET", "/api/tokens", "", handler).status == 200);
  CHECK(s.Call("DELETE", "/api/tokens/" + token_id, "", handler).status == 204);
  ExpectProblem(s.Call("DELETE", "/api/tokens/" + token_id, "", handler), 404, "");
  CHECK(s.Call("GET", "/metrics", "", admin).status == 200);
  ExpectProblem(s.Call("GET", "/metrics", "", handler), 403, "administrator");

  // What the router refuses before any handler.
  ExpectProblem(s.Call("DELETE", "/api/cases"), 405, "not allowed");
  ExpectProblem(s.Call("GET", "/api/bestaat-niet"), 404, "no such resource");
  ExpectProblem(s.Call("GET", "/api/cases/%zz"), 400, "");

  // Every operation that needs a caller refuses nobody with 401.
  const std::vector<Operation> ops = DocumentedOperations();
  for (const Operation& op : ops) {
    if (!op.needs_caller) continue;
    HttpResult r = CallOperation(s, op, id);
    INFO(op.method << " " << op.pattern << ": " << r.body);
    CHECK(r.status == 401);
  }
  // Every operation with a path parameter refuses one that cannot be decoded with 400; every
  // one that reads a body refuses a body of another type (415) and one too large (413).
  for (const Operation& op : ops) {
    const size_t brace = op.pattern.find('{');
    if (brace == std::string::npos) continue;
    const std::string path = Concrete(op.pattern.substr(0, brace), id) + "%zz" +
                             op.pattern.substr(op.pattern.find('}', brace) + 1);
    HttpResult r = s.Call(op.method, Concrete(path, id), "", admin);
    INFO(op.method << " " << path << ": " << r.body);
    CHECK(r.status == 400);
  }
  for (const Operation& op : ops) {
    if (op.method == "GET" || op.method == "DELETE") continue;
    Headers headers = admin;
    headers["If-Match"] = Quoted(version);
    std::string path = Concrete(op.pattern, id);
    if (op.pattern == "/api/cases/{id}/attachments") path += "?name=a.txt";
    HttpResult wrong_type = s.Call(op.method, path, "<a/>", headers, "application/xml");
    INFO(op.method << " " << path << ": " << wrong_type.body);
    CHECK(wrong_type.status == 415);
    const std::string large = op.pattern == "/api/cases/{id}/attachments"
                                  ? std::string(100, 'a')
                                  : "[" + std::string(5000, ' ') + "]";
    HttpResult too_large = s.Call(
        op.method, path, large, headers,
        op.pattern == "/api/cases/{id}/attachments" ? "text/plain" : "application/json");
    INFO(too_large.body);
    CHECK(too_large.status == 413);
  }
  CHECK(s.Call("DELETE", "/api/session", "", handler).status == 204);

  // Over the rate limit every operation but /health answers 429 with Retry-After.
  http::ServiceConfig limited_config;
  limited_config.rate_limit_burst = 1;
  limited_config.rate_limit_per_second = 1;
  TestService limited(limited_config, TestService::RateLimit::kAsConfigured);
  recorder.Attach(limited);
  CHECK(limited.Call("GET", "/api/workflows").status == 200);  // the one request of the burst
  for (const Operation& op : ops) {
    HttpResult r = CallOperation(limited, op, id);
    INFO(op.method << " " << op.pattern << ": " << r.body);
    CHECK(r.status == (op.pattern == "/health" ? 200 : 429));
    if (r.status == 429) CHECK(!r.Header("Retry-After").empty());
  }

  const CheckOutcome outcome = RunOpenApiCheck(recorder.file(), scratch.File("check.txt"));
  INFO(outcome.output);
  CHECK(recorder.count() > 100);
  REQUIRE(outcome.exit_code == 0);
}

// The checker itself fails on what it must catch: an undocumented status, a body off its
// schema, a wrong content type, a required header missing, an operation never answered
// successfully.
TEST_CASE("openapi: the answer check fails on answers the document does not describe",
          "[http][openapi]") {
  if (!NodeToolsReady()) return;
  TempDir scratch;
  ExchangeRecorder recorder(scratch.File("exchanges.jsonl"));
  auto record = [&](const std::string& method, const std::string& target, int status,
                    const std::string& type, const std::string& body) {
    HttpResult r;
    r.status = status;
    r.headers["Content-Type"] = type;
    r.body = body;
    recorder.Record(method, target, r);
  };
  record("GET", "/health", 429, "application/problem+json",
         R"({"type":"about:blank","title":"Too Many Requests","status":429,"detail":"wait"})");
  record("GET", "/api/figures", 200, "application/json", R"({"years":[{"year":2026}]})");
  record("GET", "/api/workflows", 200, "text/html", "<p>workflows</p>");
  record("GET", "/api/queue", 200, "application/json",
         R"({"today":"2026-01-08","items":[],"more":false,"extra":1})");
  record("GET", "/api/cases", 429, "application/problem+json",
         R"({"type":"about:blank","title":"Too Many Requests","status":429,"detail":"wait"})");
  const CheckOutcome outcome = RunOpenApiCheck(recorder.file(), scratch.File("check.txt"));
  INFO(outcome.output);
  CHECK(outcome.exit_code == 1);
  CHECK_THAT(outcome.output,
             Catch::Contains("#1 GET /health -> 429: status 429 is not documented for GET /health"));
  CHECK_THAT(outcome.output, Catch::Contains("#2 GET /api/figures -> 200: body does not match"));
  CHECK_THAT(outcome.output, Catch::Contains("#3 GET /api/workflows -> 200: content type 'text/html'"));
  CHECK_THAT(outcome.output, Catch::Contains("#4 GET /api/queue -> 200: body does not match"));
  CHECK_THAT(outcome.output,
             Catch::Contains("POST /api/cases: no successful answer was checked"));
  CHECK_THAT(outcome.output, Catch::Contains("#5 GET /api/cases -> 429: header Retry-After is "
                                             "required by the document but missing"));
  CHECK_THAT(outcome.output, Catch::Contains("5 answers on 5 operations"));
}

}  // namespace
}  // namespace uitdaag::testing
