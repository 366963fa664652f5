// ConvertToPdfA with the real Ghostscript, when it is installed.
#include <catch2/catch.hpp>

#include "pdf/pdf_tools.h"
#include "pdf/sample_letters.h"
#include "uitdaag/pdf.h"

namespace uitdaag::testing {
namespace {

bool HaveGhostscript() {
  return RunCommand("gs --version >/dev/null 2>&1").exit_code == 0;
}

TEST_CASE("pdfa: a letter becomes PDF/A-2b", "[pdf][pdfa]") {
  if (!HaveGhostscript()) {
    WARN("gs is not installed: PDF/A conversion not tested");
    return;
  }
  PdfTempDir scratch;
  PdfAOptions options;
  options.temp_dir = scratch.path().string();
  const std::string pdf = RenderOrFail(kRejectionLetter, LetterOptions());
  const StatusOr<std::string> pdfa = ConvertToPdfA(pdf, options);
  INFO(pdfa.status().ToString());
  REQUIRE(pdfa.ok());
  // The temporary files are gone.
  CHECK(std::filesystem::is_empty(scratch.path()));

  CHECK(std::regex_search(*pdfa, std::regex(R"(pdfaid:part(>|=['"])2)")));
  CHECK(std::regex_search(*pdfa, std::regex(R"(pdfaid:conformance(>|=['"])B)")));
  CHECK(pdfa->find("/GTS_PDFA1") != std::string::npos);
  PdfTempDir dir;
  const std::string path = dir.Write("letter-a.pdf", *pdfa);
  const std::string info = Poppler("pdfinfo", path);
  CHECK(std::regex_search(info, std::regex(R"(PDF version:\s+1\.7)")));
  CHECK(std::regex_search(info, std::regex(R"(Title:\s+Besluit op uw uitdaging)")));
  CHECK(std::regex_search(info, std::regex(R"(Metadata Stream:\s+yes)")));
  CHECK(PageCount(path) == PageCount(dir.Write("letter.pdf", pdf)));
  CHECK_THAT(PdfText(path), Catch::Contains("<script>alert(1)</script>"));
}

TEST_CASE("pdfa: failures are reported and leave nothing behind", "[pdf][pdfa]") {
  PdfTempDir scratch;
  PdfAOptions options;
  options.temp_dir = scratch.path().string();
  const std::string pdf = RenderOrFail("<p>Kort.</p>", PdfOptions{});

  SECTION("no Ghostscript") {
    options.ghostscript = scratch.File("no-such-gs");
    const StatusOr<std::string> r = ConvertToPdfA(pdf, options);
    CHECK(r.status().code() == StatusCode::kUnavailable);
  }
  SECTION("not a PDF") {
    CHECK(ConvertToPdfA("hello", options).status().code() == StatusCode::kInvalidArgument);
  }
  SECTION("no ICC profile") {
    options.icc_profile = scratch.File("none.icc");
    const StatusOr<std::string> r = ConvertToPdfA(pdf, options);
    CHECK(r.status().code() == StatusCode::kNotFound);
    CHECK_THAT(r.status().message(), Catch::Contains("none.icc"));
  }
  SECTION("Ghostscript fails: the status quotes the end of what it printed") {
    const std::string fake = scratch.File("fake-gs");
    {
      std::ofstream script(fake);
      script << "#!/bin/sh\necho 'first line' >&2\necho 'Error: /undefined in boom' >&2\nexit 3\n";
    }
    std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
    options.ghostscript = fake;
    const StatusOr<std::string> r = ConvertToPdfA(pdf, options);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInternal);
    CHECK_THAT(r.status().message(),
               Catch::Contains("exit code 3") && Catch::Contains("Error: /undefined in boom"));
    std::filesystem::remove(fake);
  }
  CHECK(std::filesystem::is_empty(scratch.path()));
}

}  // namespace
}  // namespace uitdaag::testing
