// The template library: what it refuses at load time (with file:line:column), the name check
// against a workflow's data, escaping, partials and versions.
#include <catch2/catch.hpp>

#include "support/letter_fixture.h"
#include "uitdaag/template_library.h"

namespace uitdaag {
namespace {

using testing::SourcePath;
using testing::TempDir;
using testing::WriteText;

std::shared_ptr<const TemplateLibrary> LibraryOrFail(const std::string& dir) {
  TemplateLibrary::LoadResult loaded = TemplateLibrary::Load(dir);
  for (const Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(loaded.ok());
  return loaded.library;
}

// The one diagnostic of loading a folder with `file` = `text`.
std::string LoadProblem(const std::string& text, const std::string& file = "brief.mustache") {
  TempDir dir;
  WriteText(dir.path() / file, text);
  TemplateLibrary::LoadResult loaded = TemplateLibrary::Load(dir.path().string());
  CHECK_FALSE(loaded.ok());
  REQUIRE(loaded.diagnostics.size() == 1);
  const std::string shown = loaded.diagnostics[0].ToString();
  // Every diagnostic names the file it is about.
  CHECK(shown.find((dir.path() / file).string()) == 0);
  return shown.substr((dir.path() / file).string().size());
}

Value Record(ValueRecord r) { return Value::Record(std::move(r)); }

TEST_CASE("the shipped templates load and every letter of both workflows passes the name check",
          "[letters]") {
  auto library = LibraryOrFail(SourcePath("templates"));
  CHECK(library->Has("ontvangstbevestiging"));
  CHECK(library->Has("_briefhoofd"));
  const std::vector<std::string> letters = library->LetterNames();
  CHECK(std::find(letters.begin(), letters.end(), "_briefhoofd") == letters.end());
  for (const char* file : {"uitdaagrecht.yaml", "uitdaagrecht-subsidie.yaml"}) {
    auto def = testing::LoadOrFail(testing::WorkflowPath(file));
    INFO(file);
    REQUIRE_FALSE(def->templates.empty());
    for (const Diagnostic& d : library->CheckWorkflow(*def)) FAIL(d.ToString());
  }
}

TEST_CASE("templates with unescaped output, changed delimiters or broken sections are refused "
          "at their line and column", "[letters]") {
  CHECK(LoadProblem("<p>\n  {{{data.taak}}}</p>") ==
        ":2:3: error: unescaped output {{{data.taak}}} / {{& data.taak}} is not allowed: every "
        "value is HTML-escaped; write {{data.taak}}");
  CHECK_THAT(LoadProblem("<p>{{& data.taak}}</p>"), Catch::StartsWith(":1:4: error: unescaped output"));
  CHECK_THAT(LoadProblem("{{=<% %>=}}"), Catch::StartsWith(":1:1: error: changing the delimiters"));
  CHECK(LoadProblem("<p>{{#zaak.nummer}}x</p>") == ":1:4: error: section 'zaak.nummer' is never closed");
  CHECK(LoadProblem("x\n{{#a}}{{/b}}") ==
        ":2:7: error: {{/b}} closes 'a', opened at line 2, which must be closed first");
  CHECK(LoadProblem("{{/a}}") == ":1:1: error: {{/a}} closes a section that was never opened");
  CHECK(LoadProblem("<p>{{zaak.nummer</p>") == ":1:4: error: tag is not closed: no '}}' after '{{'");
  CHECK_THAT(LoadProblem("{{> _kop}}") , Catch::StartsWith(":1:1: error: partial '_kop' not found"));
}

TEST_CASE("a partial that includes itself and a letter used as a partial are refused",
          "[letters]") {
  TempDir dir;
  WriteText(dir.path() / "_a.mustache", "{{> _b}}");
  WriteText(dir.path() / "_b.mustache", "{{> _a}}");
  WriteText(dir.path() / "brief.mustache", "{{> anders}}");
  WriteText(dir.path() / "anders.mustache", "x");
  TemplateLibrary::LoadResult loaded = TemplateLibrary::Load(dir.path().string());
  CHECK_FALSE(loaded.ok());
  std::string all;
  for (const Diagnostic& d : loaded.diagnostics) all += d.ToString() + "\n";
  CHECK(all.find("'_a' includes itself through its partials") != std::string::npos);
  CHECK(all.find("'_b' includes itself through its partials") != std::string::npos);
  CHECK(all.find("brief.mustache:1:1: error: 'anders' is a letter, not a partial") !=
        std::string::npos);
}

TEST_CASE("a template over the size limit is refused", "[letters]") {
  TempDir dir;
  WriteText(dir.path() / "groot.mustache", std::string(TemplateLibrary::kMaxTemplateBytes + 1, 'x'));
  TemplateLibrary::LoadResult loaded = TemplateLibrary::Load(dir.path().string());
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].message.find("the limit is 262144") != std::string::npos);
}

TEST_CASE("the name check reports each name a workflow cannot provide, at the tag", "[letters]") {
  TempDir dir;
  // A copy of the shipped folder with one letter that misspells names in three ways.
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("templates"))) {
    std::filesystem::copy(entry.path(), dir.path() / entry.path().filename());
  }
  WriteText(dir.path() / "ontvangstbevestiging.mustache",
            "{{> _briefhoofd}}\n"
            "<p>{{data.naam_initatief}}</p>\n"                                   // typo
            "{{#termijnen.beslistermijn}}<p>{{einddatum}} {{eind_datum}}</p>{{/termijnen.beslistermijn}}\n"
            "{{#criteria}}{{label}} {{punten}}{{/criteria}}\n"                      // no such attribute
            "{{termijnen.plantermijn.einddatum}}\n");                            // other workflow's
  auto library = LibraryOrFail(dir.path().string());
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  std::vector<Diagnostic> found = library->CheckWorkflow(*def);
  std::vector<std::string> shown;
  for (const Diagnostic& d : found) {
    shown.push_back(d.ToString().substr(dir.path().string().size() + 1));
  }
  REQUIRE(shown.size() == 4);
  CHECK_THAT(shown[0], Catch::StartsWith("ontvangstbevestiging.mustache:2:4: error: 'data.naam_initatief' is not "
                      "provided to letters of workflow 'uitdaagrecht': 'data' has no "
                      "'naam_initatief'"));
  CHECK_THAT(shown[1], Catch::StartsWith("ontvangstbevestiging.mustache:3:46: error: 'eind_datum'"));
  CHECK_THAT(shown[2], Catch::StartsWith("ontvangstbevestiging.mustache:4:24: error: 'punten' is "
                                         "not provided to letters of workflow 'uitdaagrecht': no "
                                         "such name here (in this section: gewicht, label, "));
  CHECK_THAT(shown[3], Catch::StartsWith("ontvangstbevestiging.mustache:5:1: error: 'termijnen.plantermijn.einddatum'"
                      " is not provided to letters of workflow 'uitdaagrecht': 'termijnen' has "
                      "no 'plantermijn'"));
}

TEST_CASE("rendering escapes every value and treats empty texts as absent", "[letters][security]") {
  TempDir dir;
  WriteText(dir.path() / "brief.mustache",
            "<p>{{data.taak}}</p>{{#data.leeg}}<p>niet tonen</p>{{/data.leeg}}"
            "{{^data.leeg}}<p>leeg</p>{{/data.leeg}}<p title=\"{{data.titel}}\">x</p>");
  auto library = LibraryOrFail(dir.path().string());
  const Value context = Record(
      {{"data", Record({{"taak", Value::Text("<script>alert('x')</script> & \"meer\"")},
                        {"leeg", Value::Text("")},
                        {"titel", Value::Text("\" onmouseover=\"alert(1)")}})}});
  StatusOr<std::string> html = library->Render("brief", context);
  REQUIRE(html.ok());
  CHECK(*html ==
        "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;meer&quot;</p>"
        "<p>leeg</p><p title=\"&quot; onmouseover=&quot;alert(1)\">x</p>");
  CHECK(library->Render("bestaat_niet", context).status().code() == StatusCode::kNotFound);
  CHECK(library->Render("brief", Value::Text("x")).status().code() ==
        StatusCode::kInvalidArgument);
}

TEST_CASE("a template's version covers its partials", "[letters]") {
  TempDir dir;
  WriteText(dir.path() / "_kop.mustache", "kop");
  WriteText(dir.path() / "brief.mustache", "{{> _kop}} romp");
  const std::string before = *LibraryOrFail(dir.path().string())->Version("brief");
  CHECK(before.size() == 64);
  CHECK(*LibraryOrFail(dir.path().string())->Version("brief") == before);
  WriteText(dir.path() / "_kop.mustache", "kop!");
  CHECK(*LibraryOrFail(dir.path().string())->Version("brief") != before);
}

}  // namespace
}  // namespace uitdaag
