// Test support for letters: the shipped template folder, language and profile, a renderer for
// the shipped workflows, running poppler's pdftotext on a PDF, and template folders written on
// the fly.
#pragma once

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "support/store_fixture.h"
#include "uitdaag/letter_renderer.h"
#include "uitdaag/profile.h"

namespace uitdaag::testing {

inline std::string SourcePath(const std::string& relative) {
  return std::string(UITDAAG_SOURCE_DIR) + "/" + relative;
}

inline void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline MunicipalityProfile ProfileOrFail(const std::string& path) {
  ProfileLoadResult loaded = LoadProfileFile(path);
  for (const Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(loaded.ok());
  return *loaded.profile;
}

// The renderer for the shipped workflows with the shipped profile (or another one).
inline std::unique_ptr<LetterRenderer> ShippedRenderer(
    const WorkflowRegistry& workflows,
    const std::string& profile = SourcePath("templates/profile.yaml")) {
  LetterAssetsResult assets = LoadLetterAssets(workflows.All());
  for (const Diagnostic& d : assets.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(assets.ok());
  return std::make_unique<LetterRenderer>(std::move(assets.by_dir), ProfileOrFail(profile));
}

// The output of a command (stdout), and its exit status.
struct CommandOutput {
  int status = -1;
  std::string out;
};
inline CommandOutput RunCommand(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  result.status = ::pclose(pipe);
  return result;
}

// The text of a PDF as pdftotext sees it (layout off: reading order), with runs of whitespace
// (line breaks of justified text) folded to single spaces so that phrases can be searched.
inline std::string PdfText(const std::string& pdf_bytes, const TempDir& dir,
                           const std::string& name = "letter.pdf") {
  const std::string path = dir.File(name);
  WriteText(path, pdf_bytes);
  CommandOutput text = RunCommand("pdftotext -enc UTF-8 '" + path + "' - 2>&1");
  INFO(text.out);
  REQUIRE(text.status == 0);
  std::string folded;
  bool space = false;
  for (char c : text.out) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !folded.empty()) folded += ' ';
    space = false;
    folded += c;
  }
  return folded;
}

}  // namespace uitdaag::testing
