// Every letter of both shipped workflows, rendered from the example cases (examples/scripts),
// read back from the PDF with pdftotext: the case number, the dates and amounts the letter
// states, the objection clause only where the decision is a beschikking; and a case whose
// challenger typed markup.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "support/letter_fixture.h"
#include "uitdaag/case_letters.h"
#include "uitdaag/simulated_letters.h"
#include "uitdaag/simulator.h"

namespace uitdaag {
namespace {

using testing::PdfText;
using testing::SourcePath;
using testing::TempDir;

struct ExampleCase {
  const char* workflow;
  const char* script;
  const char* profile;
};
constexpr const char* kVoorbeeldstad = "templates/profile.yaml";
constexpr const char* kLindewaard = "examples/profiles/lindewaard.yaml";
constexpr ExampleCase kExamples[] = {
    {"uitdaagrecht.yaml", "uitdaagrecht-toegewezen.yaml", kVoorbeeldstad},
    {"uitdaagrecht.yaml", "uitdaagrecht-afgewezen.yaml", kVoorbeeldstad},
    {"uitdaagrecht.yaml", "uitdaagrecht-buiten-behandeling.yaml", kVoorbeeldstad},
    {"uitdaagrecht.yaml", "uitdaagrecht-deels-beeindigd.yaml", kVoorbeeldstad},
    {"uitdaagrecht.yaml", "uitdaagrecht-ingetrokken.yaml", kVoorbeeldstad},
    {"uitdaagrecht-subsidie.yaml", "subsidie-verlengd.yaml", kLindewaard},
    {"uitdaagrecht-subsidie.yaml", "subsidie-afgewezen.yaml", kLindewaard},
    {"uitdaagrecht-subsidie.yaml", "subsidie-buiten-behandeling.yaml", kLindewaard},
    {"uitdaagrecht-subsidie.yaml", "subsidie-beeindigd.yaml", kLindewaard},
    {"uitdaagrecht-subsidie.yaml", "subsidie-ingetrokken.yaml", kLindewaard},
};

// The visible text of an HTML fragment: tags dropped, the escapes Mustache writes decoded,
// whitespace folded.
std::string VisibleText(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<[^>]*>"), " ");
  for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, entity.size(), ch);
    }
  }
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// Every Dutch date ("5 maart 2026") and amount ("€ 12.500,00") in `text`.
std::set<std::string> DatesAndAmounts(const std::string& text) {
  static const std::regex kFact(
      "\\b\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
      "november|december) \\d{4}|€ -?[0-9.]+,\\d\\d");
  std::set<std::string> facts;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kFact);
       it != std::sregex_iterator(); ++it) {
    facts.insert(it->str());
  }
  return facts;
}

std::string Text(const Value& context, const std::string& a, const std::string& b) {
  const Value* section = context.Find(a);
  const Value* v = section != nullptr ? section->Find(b) : nullptr;
  return v != nullptr && v->type() == ValueType::kText ? v->as_text() : std::string();
}

TEST_CASE("every letter of both shipped workflows renders to a PDF that states its case, dates "
          "and amounts", "[letters][pdf][scenario]") {
  TempDir dir;
  std::map<std::string, std::set<std::string>> sent_letters;  // workflow -> letters rendered
  int rendered = 0;
  for (const ExampleCase& example : kExamples) {
    auto def = testing::LoadOrFail(testing::WorkflowPath(example.workflow));
    WorkflowRegistry registry;
    REQUIRE(registry.Add(def).ok());
    auto renderer = testing::ShippedRenderer(registry, SourcePath(example.profile));
    StatusOr<Script> script = LoadScriptFile(SourcePath("examples/scripts/") + example.script);
    REQUIRE(script.ok());
    REQUIRE(script->applicant.has_value());
    const SimulationResult run = Simulate(*def, *script);
    for (const std::string& failure : run.failures) FAIL(example.script << ": " << failure);
    for (const SimulatedLetter& sent : LettersOf(*def, run, *script)) {
      const std::string& name = sent.request.template_name;
      INFO(example.script << " step " << sent.step << ": " << name);
      StatusOr<RenderedLetter> letter = renderer->Render(sent.request);
      INFO(letter.status().ToString());
      REQUIRE(letter.ok());
      const std::string pdf = PdfText(letter->pdf, dir);
      const std::string html = VisibleText(letter->fragment);

      CHECK_THAT(pdf, Catch::Contains(script->case_id));
      CHECK_THAT(pdf, Catch::Contains(Text(letter->context, "brief", "datum")));
      CHECK_THAT(pdf, Catch::Contains(Text(letter->context, "gemeente", "naam")));
      CHECK_THAT(pdf, Catch::Contains(script->applicant->name));
      CHECK_THAT(pdf, Catch::Contains("pagina 1 van "));
      // What the letter states in HTML, the PDF states too: every date and every amount.
      const std::set<std::string> facts = DatesAndAmounts(html);
      CHECK_FALSE(facts.empty());
      for (const std::string& fact : facts) CHECK_THAT(pdf, Catch::Contains(fact));
      // The objection clause: in a decision of a beschikking, with the last day once the
      // objection period runs.
      const bool clause = html.find("Dan kunt u bezwaar maken") != std::string::npos;
      if (clause) {
        CHECK(letter->context.Find("gemeente")->Find("besluit_is_beschikking")->as_bool());
        CHECK_THAT(pdf, Catch::Contains("binnen zes weken"));
        const Value* objection = letter->context.Find("termijnen")->Find("bezwaartermijn");
        if (objection != nullptr && objection->Find("actief")->as_bool()) {
          CHECK_THAT(pdf, Catch::Contains("uiterlijk op " +
                                          objection->Find("einddatum")->as_text()));
        }
      }
      sent_letters[def->id].insert(name);
      ++rendered;
    }
  }
  // Together the examples send every letter each workflow names.
  for (const char* file : {"uitdaagrecht.yaml", "uitdaagrecht-subsidie.yaml"}) {
    auto def = testing::LoadOrFail(testing::WorkflowPath(file));
    const std::set<std::string>& names = sent_letters[def->id];
    CHECK(std::vector<std::string>(names.begin(), names.end()) == def->templates);
  }
  CHECK(rendered > 40);
}

// The first letter `script` sends with `name`, rendered with `profile` on `def`.
RenderedLetter RenderFirst(const WorkflowDefinition& def, const std::string& script_file,
                           const std::string& name, const std::string& profile) {
  WorkflowRegistry registry;
  REQUIRE(registry.Add(std::make_shared<const WorkflowDefinition>(def)).ok());
  auto renderer = testing::ShippedRenderer(registry, SourcePath(profile));
  StatusOr<Script> script = LoadScriptFile(SourcePath("examples/scripts/") + script_file);
  REQUIRE(script.ok());
  const SimulationResult run = Simulate(def, *script);
  for (const SimulatedLetter& sent : LettersOf(def, run, *script)) {
    if (sent.request.template_name != name) continue;
    StatusOr<RenderedLetter> letter = renderer->Render(sent.request);
    REQUIRE(letter.ok());
    return *letter;
  }
  FAIL(script_file << " never sends " << name);
  return {};
}

TEST_CASE("the letters show the acknowledged deadline, the repair period and the amounts",
          "[letters][pdf][awb-4:3a][awb-4:5]") {
  TempDir dir;
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  const std::string receipt = PdfText(
      RenderFirst(*def, "uitdaagrecht-toegewezen.yaml", "ontvangstbevestiging", kVoorbeeldstad).pdf,
      dir);
  CHECK_THAT(receipt, Catch::Contains("2026-0042"));
  CHECK_THAT(receipt, Catch::Contains("8 januari 2026"));  // received
  CHECK_THAT(receipt, Catch::Contains("5 maart 2026"));    // eight weeks later (Awb 4:13)
  CHECK_THAT(receipt, Catch::Contains("€ 12.500,00"));
  const std::string repair = PdfText(
      RenderFirst(*def, "uitdaagrecht-toegewezen.yaml", "verzoek_om_aanvulling", kVoorbeeldstad)
          .pdf,
      dir);
  CHECK_THAT(repair, Catch::Contains("12 februari 2026"));  // four weeks from 15 January
  CHECK_THAT(repair, Catch::Contains("De lijst met steunbetuigingen ontbreekt."));
}

TEST_CASE("the objection clause appears only when the decision is a beschikking",
          "[letters][pdf][awb-3:45]") {
  TempDir dir;
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  const std::string with = PdfText(
      RenderFirst(*def, "uitdaagrecht-afgewezen.yaml", "besluit_afwijzing", kVoorbeeldstad).pdf,
      dir);
  CHECK_THAT(with, Catch::Contains("Dan kunt u bezwaar maken"));
  CHECK_THAT(with, Catch::Contains("het college van burgemeester en wethouders van Voorbeeldstad, "
                                   "Postbus 1234, 1234 AB Voorbeeldstad"));
  CHECK_THAT(with, !Catch::Contains("geen besluit in de zin van de Algemene wet bestuursrecht"));

  // The same municipality, the same case, a procedure that makes private-law agreements.
  WorkflowDefinition private_law = *def;
  private_law.parameters.at("rechtskarakter").value = Value::Text("geen_besluit");
  const std::string without = PdfText(
      RenderFirst(private_law, "uitdaagrecht-afgewezen.yaml", "besluit_afwijzing", kVoorbeeldstad)
          .pdf,
      dir);
  CHECK_THAT(without, !Catch::Contains("bezwaar maken binnen"));
  CHECK_THAT(without, !Catch::Contains("Dan kunt u bezwaar maken"));
  CHECK_THAT(without, Catch::Contains("geen besluit in de zin van de Algemene wet bestuursrecht"));
}

TEST_CASE("another municipality's profile changes the letters without code changes",
          "[letters][pdf]") {
  TempDir dir;
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  const RenderedLetter voorbeeldstad =
      RenderFirst(*def, "uitdaagrecht-afgewezen.yaml", "besluit_afwijzing", kVoorbeeldstad);
  const RenderedLetter lindewaard =
      RenderFirst(*def, "uitdaagrecht-afgewezen.yaml", "besluit_afwijzing", kLindewaard);
  const std::string a = PdfText(voorbeeldstad.pdf, dir, "a.pdf");
  const std::string b = PdfText(lindewaard.pdf, dir, "b.pdf");
  CHECK_THAT(a, Catch::Contains("J. de Vries"));
  CHECK_THAT(a, Catch::Contains("Participatieverordening Voorbeeldstad 2026"));
  // (The challengers live in Voorbeeldstad; the municipality's details are gone.)
  for (const char* gone : {"Gemeente Voorbeeldstad", "J. de Vries", "Postbus 1234",
                           "Participatieverordening Voorbeeldstad", "wethouders van Voorbeeldstad"}) {
    CHECK_THAT(b, !Catch::Contains(gone));
  }
  CHECK_THAT(b, Catch::Contains("Gemeente Lindewaard"));
  CHECK_THAT(b, Catch::Contains("M. Smit"));
  CHECK_THAT(b, Catch::Contains("afdelingshoofd Samenleving"));
  CHECK_THAT(b, Catch::Contains("Participatieverordening Lindewaard 2025"));
  CHECK_THAT(b, Catch::Contains("Rechtbank Noord-Nederland"));
  // The same case and template: the same template version, a different letter.
  CHECK(voorbeeldstad.template_version == lindewaard.template_version);
  CHECK(voorbeeldstad.pdf != lindewaard.pdf);
}

TEST_CASE("markup typed by a challenger is escaped in HTML and printed as text in the PDF",
          "[letters][pdf][security]") {
  testing::StoreTestBed f;
  auto renderer = testing::ShippedRenderer(*f.workflows);
  SubmitRequest request = testing::Submission(f.clock.Now());
  ValueRecord payload = request.event.payload;
  payload["naam_initiatief"] = Value::Text("<script>alert('x')</script>");
  payload["taak"] = Value::Text("Maaien & snoeien <b>vet</b> \"quote\" <img src=x onerror=alert(1)>");
  request.event.payload = payload;
  request.applicant = Party{"<i>Stichting</i> & Co", "", "", "Dorpsstraat 1", "1234 AB",
                           "Voorbeeldstad", "", ""};
  StatusOr<RunResult> submitted = f.runner.Submit(request);
  REQUIRE(submitted.ok());
  StatusOr<LetterRecord> stored =
      StoreCaseLetter(*f.store, *f.workflows, *renderer, submitted->snapshot.id,
                      "ontvangstbevestiging", 1, std::nullopt, f.clock.Now());
  INFO(stored.status().ToString());
  REQUIRE(stored.ok());
  const std::string html = f.store->GetDocument(stored->html_document_id)->content;
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, !Catch::Contains("<img src=x"));
  CHECK_THAT(html, !Catch::Contains("<b>vet"));
  CHECK_THAT(html, !Catch::Contains("<i>Stichting"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("Maaien &amp; snoeien &lt;b&gt;vet&lt;/b&gt; &quot;quote&quot;"));
  const std::string pdf = PdfText(f.store->GetDocument(stored->pdf_document_id)->content, f.dir);
  CHECK_THAT(pdf, Catch::Contains("<script>alert('x')</script>"));
  CHECK_THAT(pdf, Catch::Contains("<img src=x onerror=alert(1)>"));
  CHECK_THAT(pdf, Catch::Contains("<i>Stichting</i> & Co"));
}

TEST_CASE("a profile that asks for PDF/A gets its letters archived as PDF/A-2b",
          "[letters][pdf][pdfa]") {
  if (testing::RunCommand("command -v gs >/dev/null 2>&1").status != 0) {
    WARN("Ghostscript (gs) is not installed: PDF/A not checked");
    return;
  }
  TempDir dir;
  std::string profile = testing::ReadText(SourcePath(kVoorbeeldstad));
  profile.replace(profile.find("pdf_a: false"), 12, "pdf_a: true");
  profile.replace(profile.find("logo: logo-voorbeeldstad.png"), 28,
                  "logo: " + SourcePath("templates/logo-voorbeeldstad.png"));
  testing::WriteText(dir.path() / "profile.yaml", profile);
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  WorkflowRegistry registry;
  REQUIRE(registry.Add(def).ok());
  auto renderer = testing::ShippedRenderer(registry, dir.File("profile.yaml"));
  REQUIRE(renderer->profile().pdf_a);
  StatusOr<Script> script =
      LoadScriptFile(SourcePath("examples/scripts/uitdaagrecht-ingetrokken.yaml"));
  REQUIRE(script.ok());
  const SimulationResult run = Simulate(*def, *script);
  const std::vector<SimulatedLetter> letters = LettersOf(*def, run, *script);
  REQUIRE_FALSE(letters.empty());
  StatusOr<RenderedLetter> letter = renderer->Render(letters.back().request);
  INFO(letter.status().ToString());
  REQUIRE(letter.ok());
  CHECK_THAT(letter->pdf, Catch::Contains("pdfaid:part"));
  CHECK_THAT(PdfText(letter->pdf, dir), Catch::Contains(script->case_id));
}

}  // namespace
}  // namespace uitdaag
