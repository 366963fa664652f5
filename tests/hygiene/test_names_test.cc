// Every test case runs under CTest. catch_discover_tests gives CTest one entry per TEST_CASE and
// runs it by its name as a Catch test spec; CTest cuts a test name at ';' (its list separator), so
// a name with ';' becomes an entry that matches no test case, runs nothing and passes. This
// scan refuses such names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

TEST_CASE("no test case name holds a semicolon (CTest would run nothing for it)", "[hygiene]") {
  const fs::path tests = fs::path(UITDAAG_SOURCE_DIR) / "tests";
  const std::regex test_case(R"re(TEST_CASE\s*\(\s*"((?:[^"\\]|\\.)*)")re");
  int scanned = 0;
  std::vector<std::string> bad;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    if (entry.path().extension() != ".cc") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), test_case), end; it != end; ++it) {
      ++scanned;
      const std::string name = (*it)[1].str();
      if (name.find(';') != std::string::npos) {
        bad.push_back(entry.path().lexically_relative(tests).string() + ": " + name);
      }
    }
  }
  CHECK(scanned > 300);  // the scan sees the suites
  for (const std::string& b : bad) UNSCOPED_INFO(b);
  CHECK(bad.empty());
}

}  // namespace
