// Strict input over real HTTP, each found by an attack: a key given twice, numbers that would
// silently change, text that is not UTF-8 or nests without end, unknown applicant fields, and
// characters that hide or reorder what staff and letters show. Every refusal has its status,
// its message and field, and leaves the database as it was.
#include <cctype>
#include <utility>
#include <vector>

#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

// kSubmission with `from` replaced by `to` (which must occur).
std::string Submission(const std::string& from, const std::string& to) {
  std::string body = kSubmission;
  const size_t at = body.find(from);
  REQUIRE(at != std::string::npos);
  return body.replace(at, from.size(), to);
}

const std::string kPdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n";

TEST_CASE("http: a key given twice is refused, never the last one winning", "[http][input]") {
  TestService s;
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  // A second "workflow" used to switch the case to the other workflow.
  ExpectProblem(
      s.Call("POST", "/api/cases",
             Submission(R"("workflow": "uitdaagrecht",)",
                        R"("workflow": "uitdaagrecht", "workflow": "uitdaagrecht-subsidie",)")),
      422, "workflow: given twice", "workflow");
  ExpectProblem(s.Call("POST", "/api/cases",
                       Submission(R"("city": "Voorbeeldstad"})",
                                  R"("city": "Voorbeeldstad", "name": "Iemand anders"})")),
                422, "applicant.name: given twice", "applicant.name");
  ExpectProblem(
      s.Call("POST", "/api/cases",
             Submission(R"("begroting": 12500,)", R"("begroting": 12500, "begroting": 1,)")),
      422, "data.begroting: given twice", "data.begroting");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: numbers that would change on the way in are refused", "[http][input]") {
  TestService s;
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  const auto with = [](const std::string& extra) {
    return Submission(R"("begroting": 12500,)", R"("begroting": 12500, )" + extra + ",");
  };
  // 1e-400 used to arrive as the whole number 0.
  ExpectProblem(s.Call("POST", "/api/cases", with(R"("aantal_steunbetuigingen": 1e-400)")), 422,
                "data.aantal_steunbetuigingen: the number 1e-400 is too close to 0",
                "data.aantal_steunbetuigingen");
  ExpectProblem(
      s.Call("POST", "/api/cases", with(R"("aantal_steunbetuigingen": 9007199254740993)")), 422,
      "beyond what a number keeps exactly", "data.aantal_steunbetuigingen");
  ExpectProblem(
      s.Call("POST", "/api/cases", Submission(R"("begroting": 12500)", R"("begroting": 1e400)")),
      422, "data.begroting: the number 1e400 is too large", "data.begroting");
  ExpectProblem(
      s.Call("POST", "/api/cases",
             Submission(R"("begroting": 12500)", R"("begroting": 12500.000000000000001)")),
      422, "would become 12500", "data.begroting");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
  // Numbers kept as written still pass.
  Submit(s, with(R"("aantal_steunbetuigingen": 1e3)"));
}

TEST_CASE("http: bodies nested too deep, not UTF-8 or with half a surrogate are not JSON",
          "[http][input]") {
  TestService s;
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  ExpectProblem(s.Call("POST", "/api/cases",
                       Submission(R"("Rooster.")", std::string(40, '[') + std::string(40, ']'))),
                400, "the body is nested deeper than 32 levels (line 8");
  ExpectProblem(s.Call("POST", "/api/cases", Submission(R"("Groen")", "\"Gr\xF6n\"")), 400,
                "the body is not valid JSON: bytes that are not UTF-8 in a string (line 5");
  ExpectProblem(s.Call("POST", "/api/cases", Submission(R"("Groen")", R"("Gr\ud800oen")")), 400,
                "first half of a surrogate pair without its second");
  ExpectProblem(s.Call("POST", "/api/cases", Submission(R"("Groen")", R"("Gr\udc00oen")")), 400,
                "second half of a surrogate pair");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: unknown applicant fields are refused like unknown data fields", "[http][input]") {
  TestService s;
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));
  ExpectProblem(s.Call("POST", "/api/cases",
                       Submission(R"("city": "Voorbeeldstad"})",
                                  R"("city": "Voorbeeldstad", "fax": "020-1234567"})")),
                422, "applicant.fax: unknown field (known: ", "applicant.fax");
  ExpectProblem(
      s.Call("POST", "/api/cases", Submission(R"("city": "Voorbeeldstad"})", R"("city": 1234})")),
      422, "applicant.city: must be text", "applicant.city");
  ExpectProblem(s.Call("POST", "/api/cases",
                       R"({"workflow": "uitdaagrecht", "applicant": "Stichting Groen Doet"})"),
                422, "applicant: must be an object", "applicant");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);
}

TEST_CASE("http: hidden, direction-changing and control characters are refused in free text",
          "[http][input][security]") {
  TestService s;
  Submitted c = Submit(s);
  Headers handler = s.Login("behandelaar");
  Headers admin = s.Login("admin");
  s.WaitForIdle();
  const std::string before = DumpDatabase(s.dir.File("cases.db"));

  // The applicant: one-line texts.
  ExpectProblem(s.Call("POST", "/api/cases",
                       Submission("Stichting Groen Doet", R"(Stichting \u202eteoD neorG)")),
                422,
                "applicant.name: contains an invisible or direction-changing character (U+202E)",
                "applicant.name");
  ExpectProblem(s.Call("POST", "/api/cases",
                       Submission("Voorbeeldstad", "Voorbeeld\xE2\x80\x8Bstad")),  // raw U+200B
                422,
                "applicant.city: contains an invisible or direction-changing character (U+200B)",
                "applicant.city");
  ExpectProblem(s.Call("POST", "/api/cases", Submission("Tulpstraat 14", R"(Tulpstraat\n14)")), 422,
                "applicant.address: must be one line (it contains U+000A)", "applicant.address");
  ExpectProblem(s.Call("POST", "/api/cases", Submission("1235 BT", R"(1235\u0085BT)")), 422,
                "applicant.postcode: contains a control character (U+0085)", "applicant.postcode");

  // The submission's form: multi-line texts, so only the line breaks and tabs pass.
  ExpectProblem(s.Call("POST", "/api/cases",
                       Submission("Onderhoud van het groen.", R"(Onderhoud\u2028van het groen.)")),
                422, "taak: contains a line or paragraph separator (U+2028)", "taak");
  ExpectProblem(s.Call("POST", "/api/cases", Submission("Vaker maaien.", R"(Vaker\u0007maaien.)")),
                422, "meerwaarde: contains a control character (U+0007)", "meerwaarde");
  ExpectProblem(s.Call("POST", "/api/cases", Submission(R"("Groen")", R"("\ufeffGroen")")), 422,
                "naam_initiatief: contains an invisible or direction-changing character (U+FEFF)",
                "naam_initiatief");
  ExpectProblem(s.Call("POST", "/api/cases", Submission("Veel.", R"(Veel\u061c.)")), 422,
                "draagvlak: contains an invisible or direction-changing character (U+061C)",
                "draagvlak");
  ExpectProblem(s.Call("POST", "/api/cases", Submission("Hoveniers.", R"(Hoveniers.\r)")), 422,
                "kennis_en_ervaring: contains a control character (U+000D)", "kennis_en_ervaring");

  // Another event's form.
  Headers fire = handler;
  fire["If-Match"] = "\"1\"";
  ExpectProblem(
      s.Call("POST", "/api/cases/" + c.id + "/events/aanvulling_vragen",
             R"({"data": {"ontbrekende_gegevens": "De begroting \u2066ontbreekt"}})", fire),
      422,
      "ontbrekende_gegevens: contains an invisible or direction-changing character "
      "(U+2066)",
      "ontbrekende_gegevens");

  // File names of uploads, account display names, token labels.
  for (const auto& [name, shown] : std::vector<std::pair<std::string, std::string>>{
           {"rapport\xE2\x80\xA8.pdf", "a line or paragraph separator (U+2028)"},
           {"plan\xE2\x80\x8B.pdf", "an invisible or direction-changing character (U+200B)"},
           {"\xEF\xBB\xBF"
            "brief.pdf",
            "an invisible or direction-changing character (U+FEFF)"}}) {
    std::string encoded;
    for (const unsigned char ch : name) {
      static const char kHex[] = "0123456789ABCDEF";
      encoded += std::isalnum(ch) != 0 || ch == '.'
                     ? std::string(1, static_cast<char>(ch))
                     : std::string{'%', kHex[ch >> 4], kHex[ch & 15]};
    }
    ExpectProblem(s.Call("POST", "/api/cases/" + c.id + "/attachments?name=" + encoded, kPdf,
                         c.challenger, "application/pdf"),
                  422, "name: contains " + shown, "name");
  }
  ExpectProblem(s.Call("POST", "/api/accounts",
                       R"({"username": "p.devries", "display_name": "Pieter \u202ede Vries",
                           "password": "lang genoeg wachtwoord", "roles": ["behandelaar"]})",
                       admin),
                422, "display_name: contains an invisible or direction-changing character (U+202E)",
                "display_name");
  ExpectProblem(s.Call("POST", "/api/tokens", R"({"label": "zaak\u200dsysteem"})", handler), 422,
                "label: contains an invisible or direction-changing character (U+200D)", "label");
  CHECK(DumpDatabase(s.dir.File("cases.db")) == before);

  // Line breaks and tabs in a multi-line text are kept as they came.
  const std::string text = "Regel 1\nRegel 2\r\nRegel 3\tmet tab";
  Submitted multi = Submit(
      s, Submission(R"("Onderhoud van het groen.")", R"("Regel 1\nRegel 2\r\nRegel 3\tmet tab")"));
  HttpResult seen = s.Call("GET", "/api/cases/" + multi.id, "", multi.challenger);
  REQUIRE(seen.status == 200);
  CHECK(seen.Json()->getObject("data")->getValue<std::string>("taak") == text);
}

}  // namespace
}  // namespace uitdaag::testing
