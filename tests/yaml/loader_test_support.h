// Helpers shared by the loader suites: fixtures by name, diagnostics asserted at an exact
// file:line:column, and variants of a fixture made by replacing one piece of its text.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "uitdaag/loader.h"

namespace uitdaag::loader_test {

inline std::string Fixture(const std::string& relative) {
  return std::string(UITDAAG_FIXTURES_DIR) + "/" + relative;
}

inline std::string Dump(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += d.ToString() + "\n";
  return out;
}

struct Loaded {
  std::string file;
  LoadResult result;
};

// tests/fixtures/broken/<name>.yaml, loaded.
inline Loaded LoadBroken(const std::string& name) {
  std::string file = Fixture("broken/" + name + ".yaml");
  LoadResult result = LoadWorkflowFile(file);
  return {file, std::move(result)};
}

// Requires an error at exactly file:line:column whose message contains every fragment, and
// that the file gives `errors` errors in all (the check does not cascade).
inline void RequireError(const Loaded& loaded, int line, int column,
                         const std::vector<std::string>& fragments, size_t errors = 1) {
  INFO(Dump(loaded.result));
  CHECK_FALSE(loaded.result.ok());
  CHECK(loaded.result.definition == nullptr);
  CHECK(loaded.result.error_count() == errors);
  const std::string prefix =
      loaded.file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : loaded.result.diagnostics) {
    if (d.ToString().rfind(prefix, 0) == 0) found = &d;
  }
  INFO("expected an error at " << prefix);
  REQUIRE(found != nullptr);
  for (const std::string& fragment : fragments) {
    CHECK_THAT(found->message, Catch::Matchers::Contains(fragment));
  }
}

// The fixture `name` with `from` replaced by `to` (`from` must occur exactly once), loaded as if
// it were tests/fixtures/variant.yaml (so its `templates: templates` still resolves).
inline Loaded LoadVariantOf(const std::string& name, const std::string& from,
                            const std::string& to) {
  std::ifstream in(Fixture(name));
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  const std::string file = Fixture("variant.yaml");
  LoadResult result = LoadWorkflowText(text, file);
  return {file, std::move(result)};
}

inline const Diagnostic* FirstError(const LoadResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) return &d;
  }
  return nullptr;
}

}  // namespace uitdaag::loader_test
