// Tests for ToDot and ToMermaid (uitdaag/graph.h).
#include "uitdaag/graph.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "uitdaag/loader.h"

namespace uitdaag {
namespace {

namespace fs = std::filesystem;

// A small workflow with everything the pictures must show: a label with quotes, a guarded
// transition, a timer event, a self-transition, an any_state transition with an exception, finals.
constexpr const char* kMini = R"yaml(
workflow:
  id: mini
  version: 1
  title: Mini
  municipality: Testdorp
roles:
  behandelaar: { label: Behandelaar }
deadlines:
  termijn:
    label: Termijn
    duration: 2 weeks
    atw: false
    on_expire: verlopen
events:
  starten: { label: Starten, roles: [behandelaar] }
  opmerken: { label: Opmerken, roles: [behandelaar] }
  afronden: { label: Afronden, roles: [behandelaar] }
  verlopen: { label: Verlopen, timer: true }
  intrekken: { label: Intrekken, roles: [behandelaar] }
states:
  nieuw:
    initial: true
    label: 'Nieuw "concept"'
    guarantees: Er loopt niets.
    on:
      starten:
        to: lopend
        deadlines: { start: [termijn] }
  lopend:
    label: Lopend
    guarantees: De termijn loopt.
    on:
      opmerken: {}
      afronden:
        to: klaar
        guard: deadline.termijn.active
        deadlines: { stop: [termijn] }
      verlopen:
        to: klaar
  klaar:
    final: true
    label: Klaar
    guarantees: Klaar.
  ingetrokken:
    final: true
    label: Ingetrokken
    guarantees: Ingetrokken.
any_state:
  intrekken:
    to: ingetrokken
    except: [nieuw]
)yaml";

std::shared_ptr<const WorkflowDefinition> LoadMini() {
  LoadResult loaded = LoadWorkflowText(kMini, "mini.yaml");
  for (const Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(loaded.ok());
  return loaded.definition;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool HaveDot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

// A fresh directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() /
              (name + "_" + std::to_string(static_cast<long>(::getpid())))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs `dot -Tsvg` on the text; true when it succeeds.
bool DotAccepts(const std::string& dot, const TempDir& dir) {
  fs::path in = dir.path() / "graph.dot";
  std::ofstream(in) << dot;
  std::string command = "dot -Tsvg '" + in.string() + "' -o '" + (dir.path() / "graph.svg").string() +
                        "' 2>'" + (dir.path() / "dot.err").string() + "'";
  if (std::system(command.c_str()) != 0) return false;
  return fs::file_size(dir.path() / "graph.svg") > 0;
}

// Every template name under a `letters:` key of the YAML, so the shipped workflow can load
// against a directory of empty templates.
void CollectLetters(const YAML::Node& node, std::set<std::string>* out) {
  if (node.IsMap()) {
    for (const auto& kv : node) {
      if (kv.first.as<std::string>() == "letters" && kv.second.IsSequence()) {
        for (const auto& item : kv.second) out->insert(item.as<std::string>());
      } else {
        CollectLetters(kv.second, out);
      }
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) CollectLetters(item, out);
  }
}

TEST_CASE("ToDot draws states, the initial arrow, finals and every transition", "[graph]") {
  auto def = LoadMini();
  std::string dot = ToDot(*def);
  CHECK(dot.rfind("digraph \"mini\" {", 0) == 0);
  // Labels are "label\n(id)", with the quotes in the label escaped.
  CHECK(Contains(dot, R"x("nieuw" [label="Nieuw \"concept\"\n(nieuw)")x"));
  CHECK(Contains(dot, R"x("klaar" [label="Klaar\n(klaar)", peripheries=2])x"));
  CHECK(Contains(dot, R"x("__start" -> "nieuw";)x"));
  CHECK(Contains(dot, R"x("nieuw" -> "lopend" [label="starten"];)x"));
  CHECK(Contains(dot, R"x("lopend" -> "lopend" [label="opmerken"];)x"));
  CHECK(Contains(dot, R"x("lopend" -> "klaar" [label="afronden [deadline.termijn.active]"];)x"));
  CHECK(Contains(dot, R"x("lopend" -> "klaar" [label="verlopen (timer)"];)x"));
  // any_state: from every non-final state except those excluded, dashed.
  CHECK(Contains(dot, R"x("lopend" -> "ingetrokken" [label="intrekken", style=dashed];)x"));
  CHECK_FALSE(Contains(dot, R"x("nieuw" -> "ingetrokken")x"));
  CHECK_FALSE(Contains(dot, R"x("klaar" -> "ingetrokken")x"));
}

TEST_CASE("ToDot and ToMermaid are deterministic", "[graph]") {
  auto a = LoadMini();
  auto b = LoadMini();
  CHECK(ToDot(*a) == ToDot(*b));
  CHECK(ToMermaid(*a) == ToMermaid(*b));
}

TEST_CASE("ToMermaid uses ids as node names and entity codes for quotes", "[graph]") {
  auto def = LoadMini();
  std::string m = ToMermaid(*def);
  CHECK(m.rfind("flowchart TB\n", 0) == 0);
  CHECK(Contains(m, "  nieuw[\"Nieuw #quot;concept#quot;<br/>(nieuw)\"]\n"));
  CHECK(Contains(m, "  klaar[[\"Klaar<br/>(klaar)\"]]\n"));
  CHECK(Contains(m, "  __start --> nieuw\n"));
  CHECK(Contains(m, "  nieuw -->|\"starten\"| lopend\n"));
  CHECK(Contains(m, "  lopend -->|\"verlopen (timer)\"| klaar\n"));
  CHECK(Contains(m, "  lopend -.->|\"intrekken\"| ingetrokken\n"));
  // No raw quote inside a label: every line has its quotes only as delimiters.
  CHECK_FALSE(Contains(m, "\"concept\""));
}

TEST_CASE("The DOT of the mini workflow renders with Graphviz", "[graph]") {
  if (!HaveDot()) {
    WARN("Graphviz 'dot' not installed; skipping the rendering check");
    return;
  }
  TempDir dir("uitdaag_graph_mini");
  CHECK(DotAccepts(ToDot(*LoadMini()), dir));
}

TEST_CASE("The shipped workflow's graph has every state and renders", "[graph]") {
  std::string path = std::string(UITDAAG_SOURCE_DIR) + "/workflows/uitdaagrecht.yaml";
  TempDir dir("uitdaag_graph_shipped");
  std::set<std::string> letters;
  CollectLetters(YAML::LoadFile(path), &letters);
  REQUIRE_FALSE(letters.empty());
  for (const std::string& name : letters) std::ofstream(dir.path() / (name + ".mustache")) << "";

  LoadResult loaded = LoadWorkflowFile(path, LoadOptions{dir.path().string()});
  for (const Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(loaded.ok());
  const WorkflowDefinition& def = *loaded.definition;
  std::string dot = ToDot(def);
  std::string mermaid = ToMermaid(def);
  for (const StateDef& state : def.states) {
    CHECK(Contains(dot, "\"" + state.id + "\" [label="));
    CHECK(Contains(mermaid, "  " + state.id + (state.final ? "[[\"" : "[\"")));
  }
  CHECK(Contains(dot, R"x("concept" -> "ontvangen" [label="indienen"];)x"));
  CHECK(Contains(dot, R"x("afgewezen" -> "afgesloten" [label="bezwaartermijn_verstreken (timer)"];)x"));
  // intrekken applies everywhere but the excluded and final states.
  CHECK(Contains(dot, R"x("ontvangen" -> "ingetrokken" [label="intrekken", style=dashed];)x"));
  CHECK_FALSE(Contains(dot, R"x("uitvoering" -> "ingetrokken")x"));
  if (HaveDot()) CHECK(DotAccepts(dot, dir));
}

}  // namespace
}  // namespace uitdaag
