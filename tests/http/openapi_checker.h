// Test support: runs tests/http/openapi_check.mjs (node, with ajv and yaml from the repository's
// node_modules, pinned in package-lock.json) on a file of recorded exchanges
// (exchange_recorder.h) and returns its exit code and output.
//
// When node or the packages are missing, NodeToolsMissing() says what is missing: the caller
// fails in CI (CI=true) and may skip with that message elsewhere.
//
// Thread safety: none needed; one call per test.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/letter_fixture.h"

namespace uitdaag::testing {

struct CheckOutcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

// Empty when node and the packages the checker imports are installed; else what is missing.
inline std::string NodeToolsMissing() {
  if (std::system("command -v node >/dev/null 2>&1") != 0) return "node is not installed";
  for (const char* package : {"ajv", "ajv-formats", "yaml"}) {
    if (!std::filesystem::exists(SourcePath(std::string("node_modules/") + package +
                                            "/package.json"))) {
      return std::string("node_modules/") + package + " is missing (run npm ci)";
    }
  }
  return {};
}

// Runs the checker on `exchanges` against docs/openapi.yaml, every operation required to have
// answered successfully at least once (--require-all).
inline CheckOutcome RunOpenApiCheck(const std::string& exchanges, const std::string& output_file) {
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const std::string command = "node " + quote(SourcePath("tests/http/openapi_check.mjs")) + " " +
                              quote(SourcePath("docs/openapi.yaml")) + " " + quote(exchanges) +
                              " --require-all >" + quote(output_file) + " 2>&1";
  const int status = std::system(command.c_str());
  CheckOutcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.output = ReadText(output_file);
  return outcome;
}

}  // namespace uitdaag::testing
