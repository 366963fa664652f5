// The municipality profile: the shipped one loads; every mistake is reported at its place; the
// legal character comes from the workflow first.
#include <catch2/catch.hpp>

#include "support/letter_fixture.h"
#include "uitdaag/letter_context.h"
#include "uitdaag/profile.h"

namespace uitdaag {
namespace {

using testing::SourcePath;
using testing::TempDir;
using testing::WriteText;

const char* const kMinimal = R"(gemeente:
  naam: Gemeente Lindewaard
  adres: Postbus 50
  postcode: 9999 ZZ
  plaats: Lindewaard
  telefoon: 0900 1234
  email: info@lindewaard.example
  website: www.lindewaard.example
  verordening: Participatieverordening Lindewaard 2025
  bevoegd_orgaan: het college van burgemeester en wethouders van Lindewaard
  ondertekenaar: { naam: M. Smit, functie: afdelingshoofd Samenleving }
  bezwaar: { orgaan: het college, adres: Postbus 50, postcode: 9999 ZZ, plaats: Lindewaard }
)";

std::vector<std::string> Problems(const std::string& yaml) {
  ProfileLoadResult loaded = LoadProfileText(yaml, "p.yaml");
  CHECK_FALSE(loaded.ok());
  std::vector<std::string> shown;
  for (const Diagnostic& d : loaded.diagnostics) shown.push_back(d.ToString());
  return shown;
}

TEST_CASE("the shipped profile loads with its logo", "[letters]") {
  MunicipalityProfile p = testing::ProfileOrFail(SourcePath("templates/profile.yaml"));
  CHECK(p.Text("naam") == "Gemeente Voorbeeldstad");
  CHECK(p.Text("bezwaar.orgaan") ==
        "het college van burgemeester en wethouders van Voorbeeldstad");
  CHECK(p.legal_character == "beschikking");
  CHECK(p.logo_png.find("templates/logo-voorbeeldstad.png") != std::string::npos);
  CHECK_FALSE(p.pdf_a);
}

TEST_CASE("a minimal profile loads, optional keys may be left out", "[letters]") {
  ProfileLoadResult loaded = LoadProfileText(kMinimal, "p.yaml");
  for (const Diagnostic& d : loaded.diagnostics) FAIL(d.ToString());
  REQUIRE(loaded.ok());
  CHECK(loaded.profile->Text("ondertekenaar.functie") == "afdelingshoofd Samenleving");
  CHECK(loaded.profile->Text("rechtbank").empty());
  CHECK_FALSE(loaded.profile->legal_character);
  CHECK(loaded.profile->font == "DejaVu Serif");
}

TEST_CASE("profile mistakes are reported at file:line:column", "[letters]") {
  std::string missing = kMinimal;
  missing.replace(missing.find("  telefoon: 0900 1234\n"), 22, "");
  CHECK(Problems(missing) ==
        std::vector<std::string>{"p.yaml:1:1: error: missing key 'telefoon': every letter needs "
                                 "it (templates/README.md)"});

  std::string unknown = std::string(kMinimal) + "  burgemeester: A. Jansen\n";
  REQUIRE(Problems(unknown).size() == 1);
  CHECK_THAT(Problems(unknown)[0], Catch::StartsWith("p.yaml:13:3: error: unknown key 'burgemeester'"));

  // The legal character moved to the workflow parameter `rechtskarakter`.
  std::string old_key = std::string(kMinimal) + "  besluit_is_beschikking: true\n";
  CHECK_THAT(Problems(old_key)[0], Catch::StartsWith("p.yaml:13:3: error: unknown key 'besluit_is_beschikking'"));

  std::string bad_character = std::string(kMinimal) + "  rechtskarakter: overeenkomst\n";
  CHECK(Problems(bad_character) ==
        std::vector<std::string>{"p.yaml:13:19: error: unknown legal character 'overeenkomst' "
                                 "(known: beschikking, subsidiebeschikking, geen_besluit)"});

  std::string nested = kMinimal;
  nested.replace(nested.find("functie: afdelingshoofd Samenleving"), 35, "rol: x");
  const std::vector<std::string> nested_problems = Problems(nested);
  REQUIRE(nested_problems.size() == 2);
  CHECK_THAT(nested_problems[0], Catch::StartsWith("p.yaml:11:"));

  std::string empty = kMinimal;
  empty.replace(empty.find("Postbus 50\n"), 10, "''");
  CHECK(Problems(empty)[0] ==
        "p.yaml:3:10: error: 'adres' is empty: leave the key out if it is optional");

  CHECK_THAT(Problems(std::string(kMinimal) + "letters: { logo: nergens.png }\n")[0], Catch::StartsWith("p.yaml:13:18: error: logo 'nergens.png' cannot be read"));
}

TEST_CASE("a logo must be a PNG", "[letters]") {
  TempDir dir;
  WriteText(dir.path() / "logo.png", "GIF89a not a png");
  WriteText(dir.path() / "p.yaml", std::string(kMinimal) + "letters: { logo: logo.png }\n");
  ProfileLoadResult loaded = LoadProfileFile(dir.File("p.yaml"));
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].message.find("is not a PNG file") != std::string::npos);
}

TEST_CASE("whether a decision is a beschikking: the workflow's rechtskarakter first, then the "
          "profile, then the Awb default", "[letters][awb-1:3]") {
  ProfileLoadResult base = LoadProfileText(kMinimal, "p.yaml");
  REQUIRE(base.ok());
  MunicipalityProfile profile = *base.profile;
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  WorkflowDefinition changed = *def;

  CHECK(DecisionIsBeschikking(*def, profile));  // the workflow says beschikking
  changed.parameters.at("rechtskarakter").value = Value::Text("geen_besluit");
  profile.legal_character = "beschikking";
  CHECK_FALSE(DecisionIsBeschikking(changed, profile));  // the workflow wins over the profile
  changed.parameters.at("rechtskarakter").value = Value::Text("subsidiebeschikking");
  CHECK(DecisionIsBeschikking(changed, profile));

  changed.parameters.erase("rechtskarakter");
  profile.legal_character = "geen_besluit";
  CHECK_FALSE(DecisionIsBeschikking(changed, profile));  // no parameter: the profile decides
  profile.legal_character.reset();
  CHECK(DecisionIsBeschikking(changed, profile));  // neither: a decision is a beschikking
}

}  // namespace
}  // namespace uitdaag
