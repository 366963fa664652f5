// The letter commands of `uitdaag`, run as a process: previews from a script, delivering the
// outbox of a real database, listing and exporting stored letters, re-rendering by hand.
#include <catch2/catch.hpp>

#include "support/cli_runner.h"
#include "support/letter_fixture.h"

namespace uitdaag::testing {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Source(const std::string& relative) { return SourcePath(relative); }

TEST_CASE("cli: render --script previews the letters a simulated case sends", "[cli][letters]") {
  TempDir dir;
  Outcome o = RunCli({"render", "--script",
                      Source("examples/scripts/uitdaagrecht-buiten-behandeling.yaml"), "--out",
                      dir.path().string(), Source("workflows/uitdaagrecht.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 0);
  for (const char* name : {"01-ontvangstbevestiging", "02-verzoek_om_aanvulling",
                           "04-buiten_behandeling"}) {
    INFO(name);
    CHECK(Has(o.out, dir.File(std::string(name) + ".pdf")));
    CHECK(std::filesystem::is_regular_file(dir.File(std::string(name) + ".html")));
  }
  const std::string text = PdfText(ReadText(dir.File("04-buiten_behandeling.pdf")), dir, "x.pdf");
  CHECK(Has(text, "Gemeente Voorbeeldstad"));
  CHECK(Has(text, "Dan kunt u bezwaar maken"));

  // Only the letters named; one the workflow never sends is an error.
  TempDir only;
  o = RunCli({"render", "--script", Source("examples/scripts/uitdaagrecht-toegewezen.yaml"),
              "--out", only.path().string(), Source("workflows/uitdaagrecht.yaml"),
              "besluit_toewijzing"});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(std::distance(std::filesystem::directory_iterator(only.path()),
                      std::filesystem::directory_iterator()) == 2);
  o = RunCli({"render", "--script", Source("examples/scripts/uitdaagrecht-toegewezen.yaml"),
              "--out", only.path().string(), Source("workflows/uitdaagrecht.yaml"),
              "besluit_afwijzing"});
  CHECK(o.exit_code == 1);
  CHECK(Has(o.err, "the script never sends 'besluit_afwijzing'"));
  o = RunCli({"render", "--script", Source("examples/scripts/uitdaagrecht-toegewezen.yaml"),
              Source("workflows/uitdaagrecht.yaml"), "--store"});
  CHECK(o.exit_code == 2);
}

TEST_CASE("cli: render uses the profile given, and reports a broken one at its line",
          "[cli][letters]") {
  TempDir dir;
  Outcome o = RunCli({"render", "--script", Source("examples/scripts/subsidie-ingetrokken.yaml"),
                      "--profile", Source("examples/profiles/lindewaard.yaml"), "--out",
                      dir.path().string(), Source("workflows/uitdaagrecht-subsidie.yaml"),
                      "bevestiging_intrekking"});
  SHOW(o);
  REQUIRE(o.exit_code == 0);
  std::string file;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().extension() == ".pdf") file = entry.path().string();
  }
  const std::string text = PdfText(ReadText(file), dir, "x.pdf");
  CHECK(Has(text, "Gemeente Lindewaard"));
  CHECK_FALSE(Has(text, "Gemeente Voorbeeldstad"));

  WriteText(dir.path() / "kapot.yaml", "gemeente:\n  naam: X\n  kleur: blauw\n");
  o = RunCli({"render", "--script", Source("examples/scripts/subsidie-ingetrokken.yaml"),
              "--profile", dir.File("kapot.yaml"), "--out", dir.path().string(),
              Source("workflows/uitdaagrecht-subsidie.yaml")});
  CHECK(o.exit_code == 1);
  CHECK(Has(o.err, dir.File("kapot.yaml") + ":3:3: error: unknown key 'kleur'"));
}

// A database with one submitted case whose letters are waiting in the outbox.
struct LetterDatabase {
  TempDir dir;
  std::string db = dir.File("cases.db");
  std::string id;

  LetterDatabase() {
    auto workflows = ShippedWorkflows();
    FakeClock clock(At("2026-01-08T10:00"));
    auto store = OpenStoreOrFail(db);
    Runner runner(*store, *workflows, clock);
    SubmitRequest request = Submission(clock.Now());
    request.applicant = Party{"Stichting Groen Doet", "mevrouw A. Jansen", "", "Dorpsstraat 1",
                              "1234 AB", "Voorbeeldstad", "", ""};
    StatusOr<RunResult> submitted = runner.Submit(request);
    REQUIRE(submitted.ok());
    id = submitted->snapshot.id;
  }
};

TEST_CASE("cli: deliver stores the letters of the outbox, letters lists and exports them",
          "[cli][letters]") {
  LetterDatabase d;
  const std::string workflows = Source("workflows");
  Outcome listed = RunCli({"letters", "--db", d.db, d.id});
  CHECK(listed.exit_code == 0);
  CHECK(Has(listed.out, "no letters stored for case " + d.id));

  Outcome delivered = RunCli({"deliver", "--db", d.db, "--workflows", workflows});
  SHOW(delivered);
  CHECK(delivered.exit_code == 0);
  CHECK(Has(delivered.out, "delivered 2 effects"));  // the letter and a notification
  delivered = RunCli({"deliver", "--db", d.db, "--workflows", workflows});
  CHECK(Has(delivered.out, "delivered 0 effects"));

  TempDir out;
  listed = RunCli({"letters", "--db", d.db, "--out", out.path().string(), d.id});
  SHOW(listed);
  CHECK(listed.exit_code == 0);
  CHECK(Has(listed.out, "letter 1  step 1  2026-01-08  ontvangstbevestiging  template "));
  CHECK(Has(listed.out, d.id + "-01-ontvangstbevestiging.pdf"));
  const std::string text =
      PdfText(ReadText(out.path() / (d.id + "-01-ontvangstbevestiging.pdf")), out, "x.pdf");
  CHECK(Has(text, "Beste mevrouw A. Jansen,"));
  CHECK(Has(text, "5 maart 2026"));

  Outcome stored = RunCli({"render", "--db", d.db, "--workflows", workflows, "--store", d.id,
                           "ontvangstbevestiging"});
  SHOW(stored);
  CHECK(stored.exit_code == 0);
  CHECK(Has(stored.out, "stored letter 2 (ontvangstbevestiging, step 1)"));
  listed = RunCli({"letters", "--db", d.db, d.id});
  CHECK(Has(listed.out, "(re-rendered by hand)"));

  TempDir preview;
  Outcome rendered = RunCli({"render", "--db", d.db, "--workflows", workflows, "--out",
                             preview.path().string(), d.id, "ontvangstbevestiging"});
  SHOW(rendered);
  CHECK(rendered.exit_code == 0);
  CHECK(std::filesystem::is_regular_file(preview.path() / (d.id + "-ontvangstbevestiging.pdf")));
  Outcome wrong = RunCli({"render", "--db", d.db, "--workflows", workflows, "--seq", "0", d.id,
                          "ontvangstbevestiging"});
  CHECK(wrong.exit_code == 2);
  wrong = RunCli({"render", "--db", d.db, "--workflows", workflows, "2026-999999",
                  "ontvangstbevestiging"});
  CHECK(wrong.exit_code == 1);
  CHECK(Has(wrong.err, "no case '2026-999999'"));
}

}  // namespace
}  // namespace uitdaag::testing
