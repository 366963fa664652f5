// Runs the built `uitdaag` binary as a process and checks its output and exit codes.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli_runner.h"
#include "support/store_fixture.h"

namespace {

namespace fs = std::filesystem;
using uitdaag::testing::Outcome;
using uitdaag::testing::ReadAll;
using uitdaag::testing::RunCli;

std::string Fixture(const std::string& name) {
  return std::string(UITDAAG_FIXTURES_DIR) + "/cli/" + name;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}


TEST_CASE("help and no arguments print the usage listing every command", "[cli]") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{}, {"help"}, {"--help"}}) {
    Outcome o = RunCli(args);
    SHOW(o);
    CHECK(o.exit_code == 0);
    for (const char* command : {"validate", "simulate", "graph", "explain", "audit verify",
                                "audit export", "backup", "restore", "status", "sweep",
                                "--version"}) {
      CHECK(Contains(o.out, command));
    }
    CHECK(o.err.empty());
  }
}

TEST_CASE("The version option prints the version", "[cli]") {
  Outcome o = RunCli({"--version"});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(std::regex_search(o.out, std::regex(R"(^uitdaag \d+\.\d+\.\d+\n$)")));
}

TEST_CASE("Usage errors name the problem and point to help with exit 2", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    std::string names;
  };
  std::vector<Case> cases = {
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"--frobnicate"}, "unknown option '--frobnicate'"},
      {{"validate", "--bogus", Fixture("mini.yaml")}, "unknown option '--bogus'"},
      {{"validate"}, "FILE"},
      {{"validate", "--templates"}, "'--templates' needs a value"},
      {{"graph", "--format", "png", Fixture("mini.yaml")}, "'png'"},
      {{"simulate", Fixture("mini.yaml")}, "SCRIPT"},
      {{"explain", "--start", "2025-13-01", "--duration", "6 weeks"}, "--start"},
      {{"explain", "--start", "2025-11-13", "--duration", "6 fortnights"}, "--duration"},
      {{"explain", "--start", "2025-11-13"}, "--duration"},
      {{"explain", "--start", "2025-11-13", "--duration", "6 weeks", "--suspend", "2025-11-20"},
       "FROM..UNTIL"},
      {{"explain", "--start", "2025-11-13", "--duration", "6 weeks", "--suspend-open",
        "2025-11-20"},
       "--as-of"},
  };
  for (const Case& c : cases) {
    Outcome o = RunCli(c.args);
    SHOW(o);
    CHECK(o.exit_code == 2);
    CHECK(o.out.empty());
    CHECK(Contains(o.err, c.names));
    CHECK(Contains(o.err, "see 'uitdaag help'"));
    CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 1);
  }
}

TEST_CASE("validate accepts a good workflow with a summary line", "[cli]") {
  Outcome o = RunCli({"validate", Fixture("mini.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(Contains(o.out,
                 Fixture("mini.yaml") + ": ok (3 states, 3 events, 1 deadline, 2 letters, version 2"));
}

TEST_CASE("validate checks the names a workflow's letters use, at file:line:column", "[cli]") {
  uitdaag::testing::TempDir tmp;
  struct {
    std::filesystem::path path;
  } dir{tmp.path()};
  std::filesystem::copy(Fixture("mini.yaml"), dir.path / "mini.yaml");
  std::filesystem::create_directories(dir.path / "templates");
  std::filesystem::copy(Fixture("templates/ontvangstbevestiging.mustache"),
                        dir.path / "templates/ontvangstbevestiging.mustache");
  std::filesystem::copy(std::string(UITDAAG_SOURCE_DIR) + "/templates/taal.yaml",
                        dir.path / "templates/taal.yaml");
  {
    std::ofstream broken(dir.path / "templates/besluit.mustache");
    broken << "<p>Besluit</p>\n<p>voor {{data.nam}} {{{data.naam}}}</p>\n";
  }
  Outcome o = RunCli({"validate", (dir.path / "mini.yaml").string()});
  SHOW(o);
  CHECK(o.exit_code == 1);
  const std::string file = (dir.path / "templates/besluit.mustache").string();
  CHECK(Contains(o.out, file + ":2:22: error: unescaped output {{{data.naam}}}"));
  CHECK(Contains(o.out, (dir.path / "mini.yaml").string() + ": 1 error in its letters"));
  // With the unescaped tag fixed, the misspelt name is what remains.
  {
    std::ofstream fixed(dir.path / "templates/besluit.mustache");
    fixed << "<p>Besluit</p>\n<p>voor {{data.nam}}</p>\n";
  }
  o = RunCli({"validate", (dir.path / "mini.yaml").string()});
  SHOW(o);
  CHECK(o.exit_code == 1);
  CHECK(Contains(o.out, file + ":2:9: error: 'data.nam' is not provided to letters of workflow "
                               "'mini': 'data' has no 'nam' (it has: "));
}

TEST_CASE("validate reports every error as file:line:column and exits 1", "[cli]") {
  Outcome o = RunCli({"validate", Fixture("mini.yaml"), Fixture("broken.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 1);
  CHECK(Contains(o.out, Fixture("mini.yaml") + ": ok ("));
  std::regex error_line(R"(broken\.yaml:(\d+):(\d+): error: ([^\n]*))");
  std::set<int> lines;
  for (auto it = std::sregex_iterator(o.out.begin(), o.out.end(), error_line);
       it != std::sregex_iterator(); ++it) {
    lines.insert(std::stoi((*it)[1].str()));
  }
  CHECK(lines.count(22) == 1);  // to: onbekend
  CHECK(lines.count(15) == 1);  // roles: [onbekende_rol]
  CHECK(Contains(o.out, "onbekend"));
  CHECK(std::regex_search(o.out, std::regex(R"(broken\.yaml: \d+ errors?\n)")));
}

TEST_CASE("validate of a missing file is an error, not a crash", "[cli]") {
  Outcome o = RunCli({"validate", Fixture("does_not_exist.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 1);
  CHECK(Contains(o.out, "does_not_exist.yaml: 1 error"));
}

TEST_CASE("graph prints DOT by default and Mermaid on request", "[cli]") {
  Outcome dot = RunCli({"graph", Fixture("mini.yaml")});
  SHOW(dot);
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.rfind("digraph \"mini\" {", 0) == 0);
  CHECK(Contains(dot.out, R"("concept" -> "ontvangen" [label="indienen"];)"));

  Outcome mermaid = RunCli({"graph", "--format", "mermaid", Fixture("mini.yaml")});
  SHOW(mermaid);
  CHECK(mermaid.exit_code == 0);
  CHECK(mermaid.out.rfind("flowchart TB\n", 0) == 0);
  CHECK(Contains(mermaid.out, "concept -->|\"indienen\"| ontvangen"));

  Outcome same = RunCli({"graph", "--format=dot", Fixture("mini.yaml")});
  CHECK(same.out == dot.out);
}

TEST_CASE("graph of a broken workflow prints its errors on stderr and exits 1", "[cli]") {
  Outcome o = RunCli({"graph", Fixture("broken.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 1);
  CHECK(o.out.empty());
  CHECK(Contains(o.err, "broken.yaml:22:"));
}

TEST_CASE("explain: six weeks from 13 November 2025 with the Atw ends on 29 December", "[cli]") {
  Outcome o = RunCli({"explain", "--start", "2025-11-13", "--duration", "6 weeks", "--atw"});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(Contains(o.out, "legal end: Monday 2025-12-29"));
  CHECK(Contains(o.out, "2025-12-25"));
  CHECK(Contains(o.out, "christmas_day"));
  CHECK(Contains(o.out, "boxing_day"));
  CHECK(Contains(o.out, "Atw art. 1"));
}

TEST_CASE("explain without the Atw keeps the nominal end", "[cli]") {
  Outcome o = RunCli({"explain", "--start", "2025-11-13", "--duration", "6 weeks", "--no-atw",
                      "--target", "4 weeks"});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(Contains(o.out, "legal end: Thursday 2025-12-25"));
  CHECK(Contains(o.out, "target: Thursday 2025-12-11"));
}

TEST_CASE("explain with suspensions, an extension and an extra holiday", "[cli]") {
  // 8 weeks from Thursday 3 April 2025: 29 May (Ascension Day) -> Friday 30 May. A suspension
  // from 10 April until 17 April adds 6 days; an extra holiday on the new end moves it on.
  Outcome o = RunCli({"explain", "--start", "2025-04-03", "--duration", "8 weeks", "--atw",
                      "--suspend", "2025-04-10..2025-04-17", "--holiday", "2025-06-04"});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(Contains(o.out, "legal end: Thursday 2025-06-05"));
  CHECK(Contains(o.out, "6 days added"));

  Outcome open = RunCli({"explain", "--start", "2025-04-03", "--duration", "8 weeks",
                         "--suspend-open", "2025-04-10", "--as-of", "2025-04-20",
                         "--extend", "2025-04-25:2 weeks"});
  SHOW(open);
  CHECK(open.exit_code == 0);
  CHECK(Contains(open.out, "(provisional)"));
  CHECK(Contains(open.out, "2 weeks"));
}

TEST_CASE("simulate prints the timeline and meets the script's expectations", "[cli]") {
  Outcome o = RunCli({"simulate", Fixture("mini.yaml"), Fixture("mini_script.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(Contains(o.out, "Thu 2025-11-13 10:00  indienen (initiatiefnemer)"));
  CHECK(Contains(o.out, "concept -> ontvangen"));
  CHECK(Contains(o.out, "letter ontvangstbevestiging"));
  CHECK(Contains(o.out, "beslistermijn: legal end Monday 2025-12-29, target Thursday 2025-12-11"));
  CHECK(Contains(o.out, "christmas_day"));
  CHECK(Contains(o.out, "rejected: permission_denied"));
  CHECK(Contains(o.out, "timer: beslistermijn expired"));
  CHECK(Contains(o.out, "late decision (Awb 4:17) on beslistermijn"));
  CHECK(Contains(o.out, "notice of default: Monday 2026-01-05"));
  CHECK(Contains(o.out, "final state: besloten"));
  CHECK(Contains(o.out, "expectations: all met"));
}

TEST_CASE("simulate lists unmet expectations with their place and exits 1", "[cli]") {
  Outcome o = RunCli({"simulate", Fixture("mini.yaml"), Fixture("failing_script.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 1);
  CHECK(Contains(o.out, "expectations: 2 failures"));
  CHECK(std::regex_search(o.out, std::regex(R"(failing_script\.yaml:\d+:\d+: expected state 'besloten', got 'ontvangen')")));
  CHECK(Contains(o.out, "expected deadline 'beslistermijn' to end on 2025-12-25, got 2025-12-29"));
}

TEST_CASE("simulate stops a workflow whose timers never end, with a failure", "[cli]") {
  Outcome o = RunCli({"simulate", Fixture("loop.yaml"), Fixture("loop_script.yaml")});
  INFO("stderr:\n" << o.err);
  CHECK(o.exit_code == 1);
  CHECK(Contains(o.out, "more than 10000 timer firings"));
  CHECK(Contains(o.out, "final state: lopend (version 10001)"));
}

TEST_CASE("simulate with an unreadable script exits 1 with the reason on stderr", "[cli]") {
  Outcome o = RunCli({"simulate", Fixture("mini.yaml"), Fixture("no_such_script.yaml")});
  SHOW(o);
  CHECK(o.exit_code == 1);
  CHECK(Contains(o.err, "no_such_script.yaml"));
}

TEST_CASE("explain FILE SCRIPT DEADLINE explains a deadline of the simulated case", "[cli]") {
  Outcome o = RunCli({"explain", Fixture("mini.yaml"), Fixture("mini_script.yaml"), "beslistermijn"});
  SHOW(o);
  CHECK(o.exit_code == 0);
  CHECK(Contains(o.out, "deadline: beslistermijn of case T-1"));
  CHECK(Contains(o.out, "legal end: Monday 2025-12-29"));
  CHECK(Contains(o.out, "boxing_day"));

  Outcome unknown = RunCli({"explain", Fixture("mini.yaml"), Fixture("mini_script.yaml"), "nope"});
  SHOW(unknown);
  CHECK(unknown.exit_code == 1);
  CHECK(Contains(unknown.err, "'nope'"));
}

}  // namespace
