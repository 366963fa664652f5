// Test support for the PDF typesetter: a scratch directory, and the poppler-utils tools
// (pdftotext, pdfinfo, pdffonts, pdfimages, pdftoppm) run as processes on real files.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.h"
#include "uitdaag/pdf.h"

namespace uitdaag::testing {

// The scratch directory of the PDF tests.
using PdfTempDir = TempDir;

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout
};

// Runs a shell command and captures its standard output.
inline CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string Quoted(const std::string& path) {
  return "'" + path + "'";
}

// Runs a poppler tool on `path` and returns what it prints; fails the test when it fails.
inline std::string Poppler(const std::string& tool_and_flags, const std::string& path,
                           const std::string& tail = "") {
  const CommandResult r =
      RunCommand(tool_and_flags + " " + Quoted(path) + " " + tail + " 2>/dev/null");
  INFO(tool_and_flags << " " << path);
  REQUIRE(r.exit_code == 0);
  return r.output;
}

// The text of pages [first, last] (0: all), in reading order; `layout`: lines as laid out on
// the page (table cells side by side) rather than pdftotext's text flow.
inline std::string PdfText(const std::string& path, int first = 0, int last = 0,
                           bool layout = false) {
  std::string flags = layout ? "pdftotext -enc UTF-8 -layout" : "pdftotext -enc UTF-8";
  if (first > 0) flags += " -f " + std::to_string(first);
  if (last > 0) flags += " -l " + std::to_string(last);
  return Poppler(flags, path, "-");
}

inline int PageCount(const std::string& path) {
  std::smatch m;
  const std::string info = Poppler("pdfinfo", path);
  REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
  return std::stoi(m[1]);
}

// Text with runs of white space as one space (pdftotext breaks lines where the PDF does).
inline std::string Flatten(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// A word as pdftotext -bbox sees it, in PDF points from the top left of its page.
struct PdfWord {
  std::string text;
  int page = 0;  // 1-based
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

inline std::vector<PdfWord> PdfWords(const std::string& path) {
  const std::string html = Poppler("pdftotext -enc UTF-8 -bbox", path, "-");
  std::vector<PdfWord> words;
  int page = 0;
  const std::regex token(
      R"re(<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), token);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (m[0].str().rfind("<page", 0) == 0) {
      ++page;
      continue;
    }
    words.push_back(
        {m[5], page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])});
  }
  return words;
}

// The first word with this exact text, or a word with page 0 when there is none.
inline PdfWord FindWord(const std::vector<PdfWord>& words, const std::string& text) {
  for (const PdfWord& w : words) {
    if (w.text == text) return w;
  }
  return PdfWord{};
}

inline std::string RenderOrFail(std::string_view html, const PdfOptions& options) {
  StatusOr<std::string> pdf = RenderPdf(html, options);
  INFO(pdf.status().ToString());
  REQUIRE(pdf.ok());
  REQUIRE(pdf->rfind("%PDF-", 0) == 0);
  return *pdf;
}

inline constexpr double kPageWidth = 595.276;
inline constexpr double kMarginPoints = 25 * 72 / 25.4;  // 25 mm

}  // namespace uitdaag::testing
