// Attachments, the documents list, the timeline and the deadlines of a case, over real HTTP on
// 127.0.0.1: what each caller sees, and what the service refuses (each refusal with its status,
// a specific problem, and the database unchanged).
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "http/http_client.h"
#include "http/service_config_file.h"
#include "support/store_fixture.h"
#include "uitdaag/audit.h"

namespace uitdaag::testing {
namespace {

const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << >> endobj\ntrailer\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);

// Every byte but unreserved ones percent-encoded (RFC 3986).
std::string Encode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

HttpResult Upload(TestService& s, const std::string& case_id, const std::string& name,
                  const std::string& type, const std::string& body, const Headers& who) {
  return s.Call("POST", "/api/cases/" + case_id + "/attachments?name=" + Encode(name), body, who,
                type);
}

// An upload without Content-Length (chunked), so only reading the body can find its size.
HttpResult UploadChunked(TestService& s, const std::string& path, const std::string& type,
                         const std::string& body, const Headers& who) {
  return s.Call("POST", path, body, who, type, /*chunked=*/true);
}

Poco::JSON::Array::Ptr JsonArray(const HttpResult& r) {
  INFO(r.body);
  REQUIRE(r.status == 200);
  Poco::JSON::Parser parser;
  Poco::Dynamic::Var v = parser.parse(r.body);
  REQUIRE(v.type() == typeid(Poco::JSON::Array::Ptr));
  return v.extract<Poco::JSON::Array::Ptr>();
}

// Fires an event on the case's current version; REQUIREs 200.
void Fire(TestService& s, const std::string& id, const std::string& event, Headers who,
          const std::string& data = "{}") {
  HttpResult now = s.Call("GET", "/api/cases/" + id, "", who);
  REQUIRE(now.status == 200);
  who["If-Match"] = now.Header("ETag");
  HttpResult r =
      s.Call("POST", "/api/cases/" + id + "/events/" + event, "{\"data\": " + data + "}", who);
  INFO(event << ": " << r.body);
  REQUIRE(r.status == 200);
}

std::string Dump(TestService& s) {
  return DumpDatabase(s.dir.File("cases.db"));
}

TEST_CASE("documents: the challenger and staff attach files and download them safely",
          "[http][documents]") {
  TestService s;
  Submitted c = Submit(s);
  Headers staff = s.Login("behandelaar");

  HttpResult pdf = Upload(s, c.id, "Begroting 2027.pdf", "application/pdf", kPdf, c.challenger);
  INFO(pdf.body);
  REQUIRE(pdf.status == 201);
  Poco::JSON::Object::Ptr doc = pdf.Json();
  CHECK(doc->getValue<std::string>("kind") == "upload");
  CHECK(doc->getValue<std::string>("name") == "Begroting 2027.pdf");
  CHECK(doc->getValue<std::string>("media_type") == "application/pdf");
  CHECK(doc->getValue<int64_t>("size") == static_cast<int64_t>(kPdf.size()));
  CHECK(doc->getValue<std::string>("sha256") == Sha256Hex(kPdf));
  CHECK(doc->getValue<std::string>("created_at") == "2026-01-08T10:00:00+01:00");
  CHECK(doc->isNull("step"));
  const std::string url = doc->getValue<std::string>("url");
  CHECK(pdf.Header("Location") == url);

  // Staff may attach too; the declared type is compared without its parameters.
  HttpResult png = Upload(s, c.id, "Kaart Bloemenbuurt.png", "IMAGE/PNG; x=y", kPng, staff);
  INFO(png.body);
  REQUIRE(png.status == 201);
  CHECK(png.Json()->getValue<std::string>("media_type") == "image/png");
  const std::string note = "Zo\xC3\xAB's \"notitie\".txt";
  HttpResult text = Upload(s, c.id, note, "text/plain; charset=utf-8", "Beste gemeente,\n", staff);
  INFO(text.body);
  REQUIRE(text.status == 201);
  CHECK(text.Json()->getValue<std::string>("name") == note);  // stored as given

  // The download is the same bytes, as an attachment that is never sniffed or scripted.
  HttpResult back = s.Call("GET", url, "", c.challenger);
  REQUIRE(back.status == 200);
  CHECK(back.body == kPdf);
  CHECK(back.Header("Content-Type") == "application/pdf");
  CHECK(back.Header("Content-Disposition") == "attachment; filename=\"Begroting 2027.pdf\"");
  CHECK(back.Header("X-Content-Type-Options") == "nosniff");
  CHECK(back.Header("Content-Security-Policy") == "default-src 'none'; frame-ancestors 'none'; sandbox");
  CHECK(back.Header("ETag") == "\"" + Sha256Hex(kPdf) + "\"");
  HttpResult note_back = s.Call("GET", text.Json()->getValue<std::string>("url"), "", staff);
  REQUIRE(note_back.status == 200);
  CHECK(note_back.Header("Content-Type") == "text/plain; charset=utf-8");
  CHECK(note_back.Header("Content-Disposition") ==
        "attachment; filename=\"Zo_'s _notitie_.txt\"; "
        "filename*=UTF-8''Zo%C3%AB%27s%20%22notitie%22.txt");

  // The list: the acknowledgement's two letter documents and the three uploads, without content.
  REQUIRE(s.WaitFor([&] {
    return s.Call("GET", "/api/cases/" + c.id + "/letters", "", staff).body.find("pdf") !=
           std::string::npos;
  }));
  Poco::JSON::Array::Ptr list =
      JsonArray(s.Call("GET", "/api/cases/" + c.id + "/documents", "", c.challenger));
  REQUIRE(list->size() == 5);
  std::map<std::string, int> kinds;
  std::set<std::string> names;
  for (size_t i = 0; i < list->size(); ++i) {
    Poco::JSON::Object::Ptr d = list->getObject(static_cast<unsigned>(i));
    ++kinds[d->getValue<std::string>("kind")];
    names.insert(d->getValue<std::string>("name"));
    CHECK_FALSE(d->has("content"));
    CHECK(d->getValue<int64_t>("size") > 0);
    CHECK(d->getValue<std::string>("sha256").size() == 64);
    if (d->getValue<std::string>("kind") == "letter") {
      CHECK(d->getValue<int64_t>("step") == 1);
      HttpResult letter = s.Call("GET", d->getValue<std::string>("url"), "", c.challenger);
      REQUIRE(letter.status == 200);
      CHECK(Sha256Hex(letter.body) == d->getValue<std::string>("sha256"));
      CHECK_THAT(letter.Header("Content-Disposition"), Catch::StartsWith("attachment; filename="));
    }
  }
  CHECK(kinds["letter"] == 2);
  CHECK(kinds["upload"] == 3);
  CHECK(names.count(note) == 1);
  CHECK(names.count("Begroting 2027.pdf") == 1);
}

TEST_CASE("documents: the upload limits come from the configuration file", "[documents]") {
  TempDir dir;
  http::ServiceConfig defaults;
  CHECK(defaults.max_upload_bytes == 10u * 1024 * 1024);
  CHECK(defaults.max_attachments_per_case == 50);
  StatusOr<http::ServiceConfig> read = http::LoadServiceConfig(
      dir.Write("a.yaml", "max_upload_bytes: 2097152\nmax_attachments_per_case: 7\n"));
  REQUIRE(read.ok());
  CHECK(read->max_upload_bytes == 2097152);
  CHECK(read->max_attachments_per_case == 7);
  CHECK(read->max_body_bytes == defaults.max_body_bytes);
  StatusOr<http::ServiceConfig> zero =
      http::LoadServiceConfig(dir.Write("b.yaml", "max_attachments_per_case: 0\n"));
  REQUIRE_FALSE(zero.ok());
  CHECK_THAT(zero.status().message(),
             Catch::Contains("b.yaml:1:27: error: "
                             "'max_attachments_per_case' must be between"));
  StatusOr<http::ServiceConfig> huge =
      http::LoadServiceConfig(dir.Write("c.yaml", "max_upload_bytes: 1073741824\n"));
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.status().subject() == "max_upload_bytes");
  // The example file documents them with their defaults.
  StatusOr<http::ServiceConfig> example =
      http::LoadServiceConfig(SourcePath("examples/uitdaag.yaml"));
  REQUIRE(example.ok());
  CHECK(example->max_upload_bytes == defaults.max_upload_bytes);
  CHECK(example->max_attachments_per_case == defaults.max_attachments_per_case);
}

TEST_CASE("documents: who may upload and list", "[http][documents][security]") {
  http::ServiceConfig config;
  config.max_attachments_per_case = 2;
  TestService s(config);
  Submitted mine = Submit(s);
  Submitted theirs = Submit(s);
  Headers staff = s.Login("behandelaar");
  REQUIRE(Upload(s, theirs.id, "a.pdf", "application/pdf", kPdf, theirs.challenger).status == 201);
  s.WaitForIdle();
  const std::string before = Dump(s);

  // Nobody, a made-up token, another challenger, an unknown case.
  ExpectProblem(Upload(s, mine.id, "a.pdf", "application/pdf", kPdf, {}), 401, "log in");
  ExpectProblem(
      Upload(s, mine.id, "a.pdf", "application/pdf", kPdf, {{"Authorization", "Bearer verzonnen"}}),
      401, "unknown or has expired");
  ExpectProblem(Upload(s, theirs.id, "a.pdf", "application/pdf", kPdf, mine.challenger), 404,
                "no case '" + theirs.id + "'");
  ExpectProblem(Upload(s, "2026-999999", "a.pdf", "application/pdf", kPdf, staff), 404,
                "no case '2026-999999'");
  for (const char* path : {"/documents", "/timeline", "/deadlines"}) {
    INFO(path);
    ExpectProblem(s.Call("GET", "/api/cases/" + mine.id + path), 401, "log in");
    ExpectProblem(s.Call("GET", "/api/cases/" + theirs.id + path, "", mine.challenger), 404,
                  "no case '" + theirs.id + "'");
    ExpectProblem(s.Call("GET", "/api/cases/2026-999999" + std::string(path), "", staff), 404,
                  "no case '2026-999999'");
  }
  CHECK(Dump(s) == before);
  // Too many: the limit counts uploads only (the letters are documents too).
  REQUIRE(Upload(s, theirs.id, "b.pdf", "application/pdf", kPdf, staff).status == 201);
  const std::string full = Dump(s);
  ExpectProblem(Upload(s, theirs.id, "c.pdf", "application/pdf", kPdf, theirs.challenger), 409,
                "already has 2 attachments, the most allowed");
  ExpectProblem(Upload(s, theirs.id, "c.pdf", "application/pdf", kPdf, staff), 409,
                "already has 2 attachments");
  CHECK(Dump(s) == full);

  // A closed case takes no more attachments from its challenger; staff may still file them.
  Fire(s, mine.id, "intrekken", mine.challenger, R"({"reden_intrekking": "Wij stoppen."})");
  s.WaitForIdle();
  const std::string closed = Dump(s);
  ExpectProblem(Upload(s, mine.id, "a.pdf", "application/pdf", kPdf, mine.challenger), 409,
                "is closed ('Ingetrokken'); attachments can no longer be added");
  CHECK(Dump(s) == closed);
  HttpResult filed = Upload(s, mine.id, "na-intrekking.pdf", "application/pdf", kPdf, staff);
  INFO(filed.body);
  CHECK(filed.status == 201);
}

TEST_CASE("documents: concurrent uploads never pass the attachment limit",
          "[http][documents][limits]") {
  http::ServiceConfig config;
  config.max_attachments_per_case = 3;
  TestService s(config);
  Submitted c = Submit(s);
  Headers staff = s.Login("behandelaar");
  std::vector<int> statuses(8);
  std::vector<std::thread> uploaders;
  for (size_t i = 0; i < statuses.size(); ++i) {
    uploaders.emplace_back([&, i] {
      statuses[i] = Upload(s, c.id, "stuk-" + std::to_string(i) + ".pdf", "application/pdf", kPdf,
                           i % 2 == 0 ? staff : c.challenger)
                        .status;
    });
  }
  for (std::thread& t : uploaders) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 201) == 3);
  CHECK(std::count(statuses.begin(), statuses.end(), 409) == 5);
  // The store refuses the fourth by itself too, inside its write transaction.
  StatusOr<http::StorePool::Lease> store = s.service->state().stores->Take();
  REQUIRE(store.ok());
  Document extra;
  extra.case_id = c.id;
  extra.kind = "upload";
  extra.name = "vierde.pdf";
  extra.media_type = "application/pdf";
  extra.content = kPdf;
  Status refused = (*store)->AddDocument(extra, 3).status();
  CHECK(refused.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(refused.message(), Catch::Contains("already has 3 documents of kind 'upload'"));
  StatusOr<std::vector<Document>> documents = (*store)->Documents(c.id);
  REQUIRE(documents.ok());
  CHECK(std::count_if(documents->begin(), documents->end(),
                      [](const Document& d) { return d.kind == "upload"; }) == 3);
}

TEST_CASE("documents: oversized uploads get 413, by Content-Length and while reading",
          "[http][documents][limits]") {
  http::ServiceConfig config;
  config.max_upload_bytes = 4096;
  config.max_body_bytes = 1024;  // JSON only: uploads have their own limit
  TestService s(config);
  Submitted c = Submit(s);
  s.WaitForIdle();
  const std::string before = Dump(s);
  const std::string path = "/api/cases/" + c.id + "/attachments?name=groot.txt";
  const std::string over(4097, 'x');

  ExpectProblem(Upload(s, c.id, "groot.txt", "text/plain", over, c.challenger), 413,
                "larger than 4096 bytes", "content");
  // Without a Content-Length the body is read up to the limit plus one byte, then refused.
  ExpectProblem(UploadChunked(s, path, "text/plain", over, c.challenger), 413,
                "larger than 4096 bytes", "content");
  ExpectProblem(UploadChunked(s, path, "text/plain", std::string(64 * 1024, 'x'), c.challenger),
                413, "larger than 4096 bytes", "content");
  CHECK(Dump(s) == before);

  // Exactly the limit is accepted, with and without Content-Length (and above max_body_bytes).
  HttpResult exact =
      Upload(s, c.id, "precies.txt", "text/plain", std::string(4096, 'y'), c.challenger);
  INFO(exact.body);
  CHECK(exact.status == 201);
  CHECK(exact.Json()->getValue<int64_t>("size") == 4096);
  HttpResult chunked = UploadChunked(s, path, "text/plain", std::string(4096, 'z'), c.challenger);
  INFO(chunked.body);
  CHECK(chunked.status == 201);
  CHECK(chunked.Json()->getValue<std::string>("sha256") == Sha256Hex(std::string(4096, 'z')));
}

TEST_CASE("documents: types off the allow-list and content that is not its type are refused",
          "[http][documents]") {
  TestService s;
  Submitted c = Submit(s);
  s.WaitForIdle();
  const std::string before = Dump(s);
  auto upload = [&](const std::string& type, const std::string& body) {
    return Upload(s, c.id, "bestand", type, body, c.challenger);
  };
  ExpectProblem(upload("text/html", "<script>alert(1)</script>"), 415,
                "'text/html' is not accepted; send one of application/pdf", "Content-Type");
  ExpectProblem(upload("image/svg+xml", "<svg onload=alert(1)/>"), 415, "'image/svg+xml'",
                "Content-Type");
  ExpectProblem(upload("application/x-msdownload", "MZ\x90"), 415, "not accepted", "Content-Type");
  ExpectProblem(upload("application/json", "{}"), 415, "'application/json' is not accepted",
                "Content-Type");
  ExpectProblem(upload("", kPdf), 415, "Content-Type: missing", "Content-Type");
  ExpectProblem(upload("application/pdf", kPng), 422,
                "the content is not application/pdf: it looks like image/png", "content");
  ExpectProblem(upload("image/png", "GIF89a"), 422, "not image/png", "content");
  ExpectProblem(upload("image/jpeg", kPdf), 422, "it looks like application/pdf", "content");
  ExpectProblem(upload("text/plain", "<!DOCTYPE html><script>alert(1)</script>"), 422, "markup",
                "content");
  ExpectProblem(upload("text/plain", std::string("MZ\0\0\x03", 5)), 422, "binary data", "content");
  ExpectProblem(upload("application/vnd.oasis.opendocument.text", "PK\x03\x04rest"), 422,
                "an OpenDocument text", "content");
  ExpectProblem(upload("application/pdf", ""), 422, "the file is empty", "content");
  CHECK(Dump(s) == before);
}

TEST_CASE("documents: bad file names are refused with 422, never rewritten",
          "[http][documents][security]") {
  TestService s;
  Submitted c = Submit(s);
  s.WaitForIdle();
  const std::string before = Dump(s);
  const std::string base = "/api/cases/" + c.id + "/attachments";
  ExpectProblem(s.Call("POST", base, kPdf, c.challenger, "application/pdf"), 422,
                "give the file name as ?name=", "name");
  for (const std::string& name : std::vector<std::string>{
           "", "../../etc/passwd", "/etc/passwd", "..\\..\\boot.ini", "C:\\Windows\\win.ini",
           ".htaccess", "..", std::string("brief\0.pdf", 10), "brief\r\nX-Evil: 1.pdf",
           "brief\x1b[31m.pdf", std::string(201, 'n'), "caf\xE9.pdf",
           "rapport\xE2\x80\xAE"
           "fdp.exe",
           "spatie.pdf "}) {
    INFO(Encode(name));
    ExpectProblem(Upload(s, c.id, name, "application/pdf", kPdf, c.challenger), 422,
                  "name: ", "name");
  }
  CHECK(Dump(s) == before);
  // The name is decoded once: "%2F" in a name that arrived encoded twice is text, not a
  // separator, and it is kept as given (and made harmless only in the download header).
  HttpResult literal =
      s.Call("POST", base + "?name=a%252Fb.pdf", kPdf, c.challenger, "application/pdf");
  INFO(literal.body);
  REQUIRE(literal.status == 201);
  CHECK(literal.Json()->getValue<std::string>("name") == "a%2Fb.pdf");
  CHECK(s.Call("GET", literal.Header("Location"), "", c.challenger).Header("Content-Disposition") ==
        "attachment; filename=\"a_2Fb.pdf\"; filename*=UTF-8''a%252Fb.pdf");
}

TEST_CASE("documents: traversal in document ids and case ids finds nothing",
          "[http][documents][security]") {
  TestService s;
  Submitted a = Submit(s);
  Submitted b = Submit(s);
  Headers staff = s.Login("behandelaar");
  HttpResult secret = Upload(s, b.id, "geheim.txt", "text/plain", "alleen voor b", b.challenger);
  REQUIRE(secret.status == 201);
  const std::string secret_id = std::to_string(secret.Json()->getValue<int64_t>("id"));
  s.WaitForIdle();
  const std::string before = Dump(s);

  // b's upload is not reachable through a's case, for a's challenger nor for staff.
  for (const Headers& who : {a.challenger, staff}) {
    ExpectProblem(s.Call("GET", "/api/cases/" + a.id + "/documents/" + secret_id, "", who), 404,
                  "no document '" + secret_id + "' in case " + a.id, "document");
  }
  // Encoded or literal traversal, absolute paths and odd numbers never reach a file.
  for (const std::string& doc : std::vector<std::string>{
           "..%2F" + b.id + "%2Fdocuments%2F" + secret_id, "%2e%2e%2f%2e%2e%2f" + secret_id,
           "%2e%2e", "..", "%2Fetc%2Fpasswd", "%2F" + secret_id, "..%5C..%5Cboot.ini",
           secret_id + "%00", secret_id + ".txt", "0x" + secret_id, "+" + secret_id, "-1",
           "99999999999999999999"}) {
    INFO(doc);
    HttpResult r = s.Call("GET", "/api/cases/" + a.id + "/documents/" + doc, "", a.challenger);
    CHECK(r.status == 404);
    CHECK(r.Header("Content-Type") == "application/problem+json");
    CHECK_THAT(r.body, !Catch::Contains("alleen voor b"));
  }
  for (const std::string& id : std::vector<std::string>{
           "..%2F" + b.id, "%2e%2e%2f" + b.id, "%2Fetc%2Fpasswd", b.id + "%2F..%2F" + a.id}) {
    INFO(id);
    HttpResult r = s.Call("GET", "/api/cases/" + id + "/documents/" + secret_id, "", staff);
    CHECK(r.status == 404);
    CHECK_THAT(r.body, !Catch::Contains("alleen voor b"));
    CHECK(s.Call("GET", "/api/cases/" + id + "/documents", "", a.challenger).status == 404);
  }
  // Through its own case, b's upload is there.
  CHECK(s.Call("GET", "/api/cases/" + b.id + "/documents/" + secret_id, "", b.challenger).body ==
        "alleen voor b");
  CHECK(Dump(s) == before);
}

// A text that is SQL, script and an attribute break at once.
const std::string kNasty =
    "'; DROP TABLE cases; -- <script>alert(1)</script> \" onmouseover=alert(2) x=\"";
// How the letters must show it: every markup character escaped (the apostrophe may or may not
// be, so the check starts after it).
const std::string kNastyEscaped =
    "; DROP TABLE cases; -- &lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=alert(2)";

std::string Stringify(const Poco::JSON::Object& object) {
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

// kSubmission with its form data (and applicant) changed by `change`.
std::string SubmissionWith(
    const std::function<void(Poco::JSON::Object& applicant, Poco::JSON::Object& data)>& change) {
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr body = parser.parse(kSubmission).extract<Poco::JSON::Object::Ptr>();
  change(*body->getObject("applicant"), *body->getObject("data"));
  return Stringify(*body);
}

// {"k": "v", ...} with the values JSON-escaped.
std::string JsonOf(const std::vector<std::pair<std::string, Poco::Dynamic::Var>>& fields) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [key, value] : fields) object.set(key, value);
  return Stringify(object);
}

TEST_CASE("documents: SQL and markup in every text field are kept as text and escaped in letters",
          "[http][documents][security]") {
  TestService s;
  Headers staff = s.Login("behandelaar");
  // Typed fields refuse such text with 422 and change nothing.
  s.WaitForIdle();
  const std::string empty = Dump(s);
  for (const char* typed :
       {"soort_indiener", "begroting", "gewenste_startdatum", "aantal_steunbetuigingen"}) {
    INFO(typed);
    ExpectProblem(s.Call("POST", "/api/cases",
                         SubmissionWith([&](auto&, auto& data) { data.set(typed, kNasty); })),
                  422, typed, typed);
  }
  Poco::JSON::Array::Ptr paths = new Poco::JSON::Array();
  paths->add("../../etc/passwd");
  ExpectProblem(s.Call("POST", "/api/cases",
                       SubmissionWith([&](auto&, auto& data) { data.set("bijlagen", paths); })),
                422, "bijlagen[0]", "bijlagen[0]");
  CHECK(Dump(s) == empty);

  // Every applicant field and every text field of the form take it as it is.
  const std::vector<std::string> party_fields = {
      "name", "contact_person", "salutation", "address", "postcode", "city", "email", "phone"};
  const std::vector<std::string> text_fields = {
      "naam_initiatief",           "taak",      "meerwaarde",
      "kennis_en_ervaring",        "draagvlak", "samenwerking",
      "kwaliteit_en_continuiteit", "doelgroep"};
  HttpResult submitted =
      s.Call("POST", "/api/cases", SubmissionWith([&](auto& applicant, auto& data) {
               for (const std::string& f : party_fields) applicant.set(f, f + ": " + kNasty);
               for (const std::string& f : text_fields) data.set(f, f + ": " + kNasty);
             }));
  INFO(submitted.body);
  REQUIRE(submitted.status == 201);
  const std::string id = submitted.Json()->getValue<std::string>("id");
  const Headers challenger = {
      {"Authorization", "Bearer " + submitted.Json()->getValue<std::string>("access_token")}};
  // And the text fields of event forms, from staff and from the challenger.
  Fire(s, id, "aanvulling_vragen", staff,
       JsonOf({{"ontbrekende_gegevens", "ontbrekende_gegevens: " + kNasty}}));
  s.WaitForIdle();
  const std::string waiting = Dump(s);
  Headers asking = challenger;
  asking["If-Match"] = "\"2\"";
  ExpectProblem(
      s.Call("POST", "/api/cases/" + id + "/events/aanvullen",
             "{\"data\": " + JsonOf({{"toelichting", kNasty}, {"bijlagen", paths}}) + "}", asking),
      422, "bijlagen[0]", "bijlagen[0]");
  CHECK(Dump(s) == waiting);
  Fire(s, id, "aanvullen", challenger, JsonOf({{"toelichting", kNasty}}));
  Fire(s, id, "intrekken", challenger,
       JsonOf({{"reden_intrekking", "reden_intrekking: " + kNasty}}));

  // Read back verbatim (the JSON parser undoes the escaping), in the case and the timeline.
  HttpResult seen = s.Call("GET", "/api/cases/" + id, "", staff);
  REQUIRE(seen.status == 200);
  CHECK(seen.Header("Content-Type") == "application/json; charset=utf-8");
  Poco::JSON::Object::Ptr case_data = seen.Json()->getObject("data");
  for (const std::string& f : text_fields) {
    CHECK(case_data->getValue<std::string>(f) == f + ": " + kNasty);
  }
  CHECK(case_data->getValue<std::string>("toelichting") == kNasty);
  Poco::JSON::Array::Ptr timeline =
      JsonArray(s.Call("GET", "/api/cases/" + id + "/timeline", "", challenger));
  REQUIRE(timeline->size() == 4);
  CHECK(timeline->getObject(0)->getObject("payload")->getValue<std::string>("taak") ==
        "taak: " + kNasty);
  CHECK(timeline->getObject(2)->getObject("payload")->getValue<std::string>("toelichting") ==
        kNasty);

  // The letters: the acknowledgement (applicant and form fields), the request for completion
  // and the confirmation of the withdrawal. Their HTML has every value escaped, none raw.
  std::vector<std::string> html;
  REQUIRE(s.WaitFor([&] {
    html.clear();
    Poco::JSON::Array::Ptr letters =
        JsonArray(s.Call("GET", "/api/cases/" + id + "/letters", "", challenger));
    for (size_t i = 0; i < letters->size(); ++i) {
      html.push_back(letters->getObject(static_cast<unsigned>(i))->getValue<std::string>("html"));
    }
    return html.size() == 3;
  }));
  std::string all;
  for (const std::string& url : html) {
    HttpResult letter = s.Call("GET", url, "", challenger);
    REQUIRE(letter.status == 200);
    CHECK_THAT(letter.body, !Catch::Contains("<script>"));
    CHECK_THAT(letter.body, !Catch::Contains("\" onmouseover="));
    CHECK_THAT(letter.body, Catch::Contains(kNastyEscaped));
    all += letter.body;
  }
  for (const char* shown : {"name: ", "address: ", "city: ", "naam_initiatief: ", "taak: ",
                            "ontbrekende_gegevens: ", "reden_intrekking: "}) {
    INFO(shown);
    const size_t at = all.find(shown);
    REQUIRE(at != std::string::npos);
    CHECK(all.substr(at, 120).find(kNastyEscaped) != std::string::npos);
  }
  // And the cases table is still there.
  CHECK(s.Call("GET", "/api/cases/" + id, "", challenger).status == 200);
  CHECK(s.Call("GET", "/health").status == 200);
}

TEST_CASE("documents: the timeline shows staff everything and the challenger no internals",
          "[http][documents]") {
  http::ServiceConfig config;
  config.session_ttl_seconds = 365 * 86400;  // staff stay logged in over the days this spans
  TestService s(config);
  {
    StatusOr<http::StorePool::Lease> store = s.service->state().stores->Take();
    REQUIRE(store.ok());
    NewAccount jan{"j.devries", "Jan de Vries", "een-lang-wachtwoord-42", {"behandelaar"}, false};
    REQUIRE((*store)->CreateAccount(jan, PasswordPolicy{}, s.clock.Now()).ok());
  }
  HttpResult login = s.Call("POST", "/api/session",
                            R"({"username": "j.devries", "password": "een-lang-wachtwoord-42"})");
  REQUIRE(login.status == 201);
  const Headers staff = {
      {"Authorization", "Bearer " + login.Json()->getValue<std::string>("token")}};
  Submitted c = Submit(s);
  s.clock.Set(At("2026-01-09T11:00"));
  Fire(s, c.id, "aanvulling_vragen", staff, R"({"ontbrekende_gegevens": "De begroting."})");
  s.clock.Set(At("2026-01-12T09:30"));
  Fire(s, c.id, "aanvullen", c.challenger, R"({"toelichting": "Hierbij de begroting."})");
  Fire(s, c.id, "ontvankelijk_verklaren", staff);
  Fire(s, c.id, "gesprek_gevoerd", staff, R"({"gespreksverslag": "Het bestuur twijfelt."})");
  Fire(s, c.id, "advies_vastleggen", staff,
       R"({"advies_afdeling": "Openbare Ruimte", "advies": "Intern: liever niet toewijzen."})");
  s.WaitForIdle();
  const std::string before = Dump(s);

  Poco::JSON::Array::Ptr full =
      JsonArray(s.Call("GET", "/api/cases/" + c.id + "/timeline", "", staff));
  HttpResult mine = s.Call("GET", "/api/cases/" + c.id + "/timeline", "", c.challenger);
  Poco::JSON::Array::Ptr limited = JsonArray(mine);
  REQUIRE(full->size() == 6);
  REQUIRE(limited->size() == 6);
  const std::vector<std::string> events = {"indienen",        "aanvulling_vragen",
                                           "aanvullen",       "ontvankelijk_verklaren",
                                           "gesprek_gevoerd", "advies_vastleggen"};
  std::string prev(kGenesisHash);
  for (unsigned i = 0; i < 6; ++i) {
    Poco::JSON::Object::Ptr f = full->getObject(i);
    Poco::JSON::Object::Ptr l = limited->getObject(i);
    INFO(i);
    CHECK(f->getValue<int64_t>("seq") == static_cast<int64_t>(i) + 1);
    CHECK(f->getValue<std::string>("event") == events[i]);
    // The chain: each entry names the hash before it; both views carry the same hashes.
    CHECK(f->getValue<std::string>("prev_hash") == prev);
    prev = f->getValue<std::string>("hash");
    CHECK(prev.size() == 64);
    CHECK(l->getValue<std::string>("hash") == prev);
    CHECK(l->getValue<std::string>("event_label") == f->getValue<std::string>("event_label"));
    CHECK(l->getValue<std::string>("to_state_label") == f->getValue<std::string>("to_state_label"));
    CHECK(f->has("payload"));
  }
  // What the staff view says.
  Poco::JSON::Object::Ptr ask = full->getObject(1);
  CHECK(ask->getValue<std::string>("at") == "2026-01-09T11:00:00+01:00");
  CHECK(ask->getValue<std::string>("event_label") == "Om aanvulling vragen");
  CHECK(ask->getValue<std::string>("from_state") == "ontvangen");
  CHECK(ask->getValue<std::string>("from_state_label") == "Ontvankelijkheid en volledigheid");
  CHECK(ask->getValue<std::string>("to_state_label") == "Wacht op aanvulling");
  CHECK(ask->getValue<std::string>("role") == "behandelaar");
  CHECK(ask->getValue<std::string>("role_label") == "Behandelaar");
  CHECK(ask->getValue<std::string>("actor") == "j.devries");
  CHECK(full->getObject(5)->getObject("payload")->getValue<std::string>("advies") ==
        "Intern: liever niet toewijzen.");
  CHECK(full->getObject(0)->getValue<std::string>("actor") == "Stichting Groen Doet");
  // What the challenger's view says: their own steps in full, the others without payload and
  // without names.
  for (unsigned i : {0u, 2u}) {
    CHECK(limited->getObject(i)->has("payload"));
    CHECK(limited->getObject(i)->getValue<std::string>("actor") == "Initiatiefnemer");
  }
  CHECK(limited->getObject(2)->getObject("payload")->getValue<std::string>("toelichting") ==
        "Hierbij de begroting.");
  for (unsigned i : {1u, 3u, 4u, 5u}) {
    CHECK_FALSE(limited->getObject(i)->has("payload"));
    CHECK(limited->getObject(i)->getValue<std::string>("actor") == "Behandelaar");
  }
  CHECK_THAT(mine.body, !Catch::Contains("j.devries"));
  CHECK_THAT(mine.body, !Catch::Contains("Jan de Vries"));
  CHECK_THAT(mine.body, !Catch::Contains("liever niet"));
  CHECK_THAT(mine.body, !Catch::Contains("twijfelt"));
  CHECK_THAT(mine.body, Catch::Contains("Intern advies vastleggen"));  // the label of the step
  CHECK(Dump(s) == before);
}

TEST_CASE("documents: deadlines with their history, explanation and late-decision exposure",
          "[http][documents]") {
  http::ServiceConfig config;
  config.session_ttl_seconds = 365 * 86400;  // staff stay logged in over the months this spans
  TestService s(config);
  Headers staff = s.Login("behandelaar");
  Submitted c = Submit(s);  // Thursday 8 January 2026
  s.clock.Set(At("2026-01-09T11:00"));
  Fire(s, c.id, "aanvulling_vragen", staff, R"({"ontbrekende_gegevens": "De begroting."})");
  s.clock.Set(At("2026-01-15T09:30"));
  Fire(s, c.id, "aanvullen", c.challenger, R"({"toelichting": "Hierbij."})");
  s.clock.Set(At("2026-01-20T10:00"));
  Fire(s, c.id, "verdagen", staff, R"({"reden_verdaging": "Advies van de wijkraad."})");

  auto deadlines = [&](const Headers& who) {
    std::map<std::string, Poco::JSON::Object::Ptr> by_id;
    Poco::JSON::Array::Ptr list =
        JsonArray(s.Call("GET", "/api/cases/" + c.id + "/deadlines", "", who));
    for (size_t i = 0; i < list->size(); ++i) {
      Poco::JSON::Object::Ptr d = list->getObject(static_cast<unsigned>(i));
      by_id[d->getValue<std::string>("id")] = d;
    }
    return by_id;
  };
  auto seen = deadlines(c.challenger);
  REQUIRE(seen.size() == 2);
  Poco::JSON::Object::Ptr decision = seen["beslistermijn"];
  Poco::JSON::Object::Ptr repair = seen["hersteltermijn"];
  REQUIRE(!decision.isNull());
  REQUIRE(!repair.isNull());
  CHECK(decision->getValue<std::string>("status") == "running");
  CHECK(decision->getValue<int>("round") == 1);
  CHECK(decision->getValue<std::string>("started_by") == "indienen");
  CHECK(decision->getValue<std::string>("start") == "2026-01-08");
  Poco::JSON::Array::Ptr suspensions = decision->getArray("suspensions");
  REQUIRE(suspensions->size() == 1);
  CHECK(suspensions->getObject(0)->getValue<std::string>("start") == "2026-01-09");
  CHECK(suspensions->getObject(0)->getValue<std::string>("end") == "2026-01-15");
  CHECK(suspensions->getObject(0)->getValue<std::string>("reason") ==
        "aanvraag onvolledig (Awb 4:15 lid 1 sub a)");
  Poco::JSON::Array::Ptr extensions = decision->getArray("extensions");
  REQUIRE(extensions->size() == 1);
  CHECK(extensions->getObject(0)->getValue<std::string>("on") == "2026-01-20");
  CHECK(extensions->getObject(0)->getValue<std::string>("by") == "6 weeks");
  CHECK(extensions->getObject(0)->getValue<std::string>("by_text") == "zes weken");
  CHECK(extensions->getObject(0)->getValue<std::string>("reason") == "verdaging (Awb 4:14)");
  CHECK_THAT(decision->getValue<std::string>("explanation"),
             Catch::Contains("De termijn van acht weken begint op de dag na 8 januari 2026"));
  CHECK(decision->isNull("stopped_on"));
  // The exposure exists for the deadline with a penalty scheme only; not late yet.
  Poco::JSON::Object::Ptr exposure = decision->getObject("exposure");
  REQUIRE(!exposure.isNull());
  CHECK_FALSE(exposure->getValue<bool>("late"));
  CHECK(exposure->getValue<std::string>("accrued") == "0.00");
  CHECK(exposure->getValue<std::string>("maximum") == "1442.00");  // 14 x (23 + 35 + 45)
  CHECK_FALSE(repair->has("exposure"));
  CHECK(repair->getValue<std::string>("status") == "stopped");
  CHECK(repair->getValue<std::string>("stopped_on") == "2026-01-15");
  // The case itself keeps its summary of the same deadline.
  HttpResult whole = s.Call("GET", "/api/cases/" + c.id, "", c.challenger);
  REQUIRE(whole.status == 200);
  CHECK_THAT(whole.body, Catch::Contains("\"legal_end\":\"" +
                                         decision->getValue<std::string>("legal_end") + "\""));
  CHECK_THAT(whole.body, !Catch::Contains("suspensions"));

  // Past the legal end the deadline expires; the challenger serves notice of default the day
  // after; penalties accrue from the day after two weeks' grace (Awb 4:17).
  StatusOr<Date> legal_end = Date::Parse(decision->getValue<std::string>("legal_end"));
  REQUIRE(legal_end.ok());
  s.clock.Set(Instant::FromLocal(legal_end->AddDays(1), 10, 0));
  REQUIRE(s.WaitFor([&] {
    return deadlines(staff)["beslistermijn"]->getValue<std::string>("status") == "expired";
  }));
  Fire(s, c.id, "ingebrekestelling", c.challenger, R"({"toelichting": "Beslis nu."})");
  s.clock.Set(Instant::FromLocal(legal_end->AddDays(20), 10, 0));
  s.WaitForIdle();
  const std::string before = Dump(s);
  exposure = deadlines(staff)["beslistermijn"]->getObject("exposure");
  CHECK(exposure->getValue<bool>("late"));
  CHECK(exposure->getValue<int>("days_late") == 20);
  CHECK(exposure->getValue<std::string>("notice_of_default") ==
        legal_end->AddDays(1).ToIsoString());
  CHECK(exposure->getValue<std::string>("accrues_from") == legal_end->AddDays(16).ToIsoString());
  CHECK(exposure->getValue<int>("penalty_days") == 5);
  CHECK(exposure->getValue<std::string>("accrued") == "115.00");  // 5 x 23
  CHECK(Dump(s) == before);
}

}  // namespace
}  // namespace uitdaag::testing
