// Hygiene: the engine core stays pure and the municipality's vocabulary stays out of C++.
//
//  - engine/src/core and engine/include: no I/O, no clock, no randomness, no `throw`.
//  - only engine/src/runtime/system_clock.cc may read the wall clock (whole project).
//  - no Dutch word inside a string literal anywhere in engine/ (texts for people live in YAML
//    and templates; the engine speaks English ids and messages), except the names of the letter
//    data contract, which are Dutch by design and spelled once in engine/src/letters/
//    contract_names.h.
// The scanner is tested on samples first, so a scanner that finds nothing cannot pass unnoticed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Scanned {
  std::string code;                  // the source with comments and string literals blanked
  std::vector<std::string> strings;  // the contents of every string literal
};

// Splits C++ source into code and string literals, dropping comments. Handles escapes,
// character literals and raw strings R"delim(...)delim".
Scanned Scan(const std::string& src) {
  Scanned out;
  size_t i = 0;
  const size_t n = src.size();
  while (i < n) {
    if (src.compare(i, 2, "//") == 0) {
      while (i < n && src[i] != '\n') ++i;
    } else if (src.compare(i, 2, "/*") == 0) {
      const size_t end = src.find("*/", i + 2);
      i = end == std::string::npos ? n : end + 2;
    } else if (src[i] == 'R' && i + 1 < n && src[i + 1] == '"') {
      const size_t open = src.find('(', i + 2);
      const std::string delim = src.substr(i + 2, open - i - 2);
      const std::string close = ")" + delim + "\"";
      const size_t end = src.find(close, open);
      out.strings.push_back(src.substr(open + 1, end - open - 1));
      i = end + close.size();
      out.code += "\"\"";
    } else if (src[i] == '"' || src[i] == '\'') {
      const char quote = src[i++];
      std::string literal;
      while (i < n && src[i] != quote) {
        if (src[i] == '\\' && i + 1 < n) literal += src[i++];
        literal += src[i++];
      }
      ++i;
      if (quote == '"') out.strings.push_back(literal);
      out.code += "\"\"";
    } else {
      out.code += src[i++];
    }
  }
  return out;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// Common Dutch words and the domain's Dutch vocabulary. None of these is an English word.
const std::set<std::string>& DutchWords() {
  static const std::set<std::string> words = {
      "de", "het", "een", "van", "voor", "niet", "wordt", "zijn", "naar", "bij", "uit", "ook",
      "termijn", "termijnen", "dagen", "weken", "maanden", "jaar", "werkdag", "werkdagen",
      "feestdag", "aanvraag", "aanvulling", "besluit", "beschikking", "zaak", "brief", "bezwaar",
      "beslistermijn", "hersteltermijn", "opschorting", "verdaging", "kerstdag", "pasen",
      "paasdag", "pinksteren", "pinksterdag", "hemelvaartsdag", "koningsdag", "bevrijdingsdag",
      "nieuwjaarsdag", "vrijdag", "maandag", "dinsdag", "woensdag", "donderdag", "zaterdag",
      "zondag", "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
      "gemeente", "initiatiefnemer", "behandelaar", "toegewezen", "afgewezen", "ingetrokken",
      "verstreken", "ingediend", "uitdaging", "uitdaagrecht", "ingebrekestelling", "dwangsom"};
  return words;
}

std::vector<std::string> DutchWordsIn(const std::vector<std::string>& literals) {
  std::vector<std::string> found;
  for (const std::string& literal : literals) {
    for (const std::string& word : Words(literal)) {
      if (DutchWords().count(word)) found.push_back(word + " in \"" + literal + "\"");
    }
  }
  return found;
}

// Tokens that mean I/O, a clock, randomness or an exception in pure code.
const std::vector<std::string>& ImpureTokens() {
  static const std::vector<std::string> tokens = {
      "<fstream>", "<iostream>", "<filesystem>", "std::cout", "std::cerr", "std::cin",
      "fopen(", "fread(", "fwrite(", "std::printf", " printf(", "puts(", "getenv(",
      "system_clock", "steady_clock", "high_resolution_clock", "time(nullptr)", "time(NULL)",
      "gettimeofday", "clock_gettime", "localtime", "gmtime", "std::rand", "random_device",
      "throw "};
  return tokens;
}

std::vector<std::string> ImpureTokensIn(const std::string& code) {
  std::vector<std::string> found;
  for (const std::string& token : ImpureTokens()) {
    if (code.find(token) != std::string::npos) found.push_back(token);
  }
  return found;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> SourcesUnder(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".cc" || ext == ".h")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

const fs::path kRoot = UITDAAG_SOURCE_DIR;

}  // namespace

TEST_CASE("the scanner separates code, comments and string literals", "[hygiene]") {
  const Scanned s = Scan("int a; // throw in a comment\n/* std::cout */ f(\"de termijn\", 'x');\n"
                         "g(R\"(raw \"text\")\");");
  CHECK(s.code.find("throw") == std::string::npos);
  CHECK(s.code.find("cout") == std::string::npos);
  REQUIRE(s.strings.size() == 2);
  CHECK(s.strings[0] == "de termijn");
  CHECK(s.strings[1] == "raw \"text\"");
}

TEST_CASE("the scanner finds Dutch words and impure tokens in samples", "[hygiene]") {
  CHECK(DutchWordsIn({"de termijn is verstreken"}).size() == 3);
  CHECK(DutchWordsIn({"deadline 'beslistermijn' is not running"}).size() == 1);
  CHECK(DutchWordsIn({"the period ends on the next working day"}).empty());
  CHECK(ImpureTokensIn("auto t = std::chrono::system_clock::now();").size() == 1);
  CHECK(ImpureTokensIn("if (x) throw std::runtime_error(\"\");").size() == 1);
  CHECK(ImpureTokensIn("return Status::Ok();").empty());
}

TEST_CASE("the engine core does no I/O, reads no clock and throws nothing", "[hygiene]") {
  const std::vector<fs::path> files = [] {
    std::vector<fs::path> all = SourcesUnder(kRoot / "engine/src/core");
    for (const fs::path& header : SourcesUnder(kRoot / "engine/include")) all.push_back(header);
    return all;
  }();
  REQUIRE(files.size() > 20);
  for (const fs::path& file : files) {
    INFO(file.string());
    CHECK(ImpureTokensIn(Scan(ReadFile(file)).code).empty());
  }
}

TEST_CASE("only system_clock.cc reads the wall clock", "[hygiene]") {
  int readers = 0;
  for (const char* dir : {"engine", "server"}) {
    for (const fs::path& file : SourcesUnder(kRoot / dir)) {
      const std::string code = Scan(ReadFile(file)).code;
      if (code.find("system_clock::now") == std::string::npos &&
          code.find("time(nullptr)") == std::string::npos) {
        continue;
      }
      INFO(file.string());
      CHECK(file.filename() == "system_clock.cc");
      ++readers;
    }
  }
  CHECK(readers == 1);
}

// The names of the letter data contract are Dutch by design (templates/README.md); they are
// spelled in one file, which is the only exemption.
const fs::path kContractNames = kRoot / "engine/src/letters/contract_names.h";

TEST_CASE("no Dutch words in string literals of the engine", "[hygiene]") {
  const std::vector<fs::path> files = SourcesUnder(kRoot / "engine");
  REQUIRE(files.size() > 20);
  for (const fs::path& file : files) {
    if (file == kContractNames) continue;
    INFO(file.string());
    CHECK(DutchWordsIn(Scan(ReadFile(file)).strings).empty());
  }
}

TEST_CASE("the one exempt file holds the letter contract's Dutch names", "[hygiene]") {
  // If the contract moved, the exemption above would silently cover nothing.
  REQUIRE(fs::is_regular_file(kContractNames));
  CHECK_FALSE(DutchWordsIn(Scan(ReadFile(kContractNames)).strings).empty());
}
