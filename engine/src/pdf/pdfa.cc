// ConvertToPdfA: a Ghostscript pdfwrite run in a private temporary directory.
//
// Ghostscript 10 runs with -dSAFER: it may read only the files named on its command line and
// the directories granted with --permit-file-read. The PDF/A definition file (which embeds the
// ICC profile as the output intent) is our own, written next to the input under a name of its
// own, so that Ghostscript's sample PDFA_def.ps in its search path is never picked up instead.
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "subprocess.h"
#include "uitdaag/pdf.h"

namespace uitdaag {
namespace {

namespace fs = std::filesystem;
using pdf_internal::RunProcess;

constexpr size_t kErrorTail = 800;  // how much of Ghostscript's output an error quotes

// A directory that is removed with its contents when this goes out of scope.
class ScratchDir {
 public:
  static StatusOr<std::unique_ptr<ScratchDir>> Create(const std::string& parent) {
    std::string pattern = (fs::path(parent) / "uitdaag-pdfa-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::IoError(
          "cannot create a temporary directory under '" + parent + "': " + std::strerror(errno),
          parent);
    }
    return std::unique_ptr<ScratchDir>(new ScratchDir(pattern));
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string File(const char* name) const { return (fs::path(path_) / name).string(); }

 private:
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

Status WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IoError("cannot write '" + path + "'", path);
  return Status::Ok();
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read '" + path + "'", path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A PostScript string literal: (text) with \, ( and ) escaped.
std::string PostScriptString(std::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '\\' || c == '(' || c == ')') out += '\\';
    out += c;
  }
  return out + ")";
}

// The PDF/A definitions: an RGB output intent whose profile is the ICC file.
std::string PdfADefinitions(const std::string& icc_profile) {
  return "%!\n"
         "/ICCProfile " +
         PostScriptString(icc_profile) +
         " def\n"
         "[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark\n"
         "[{icc_PDFA} << /N 3 >> /PUT pdfmark\n"
         "[{icc_PDFA} ICCProfile (r) file /PUT pdfmark\n"
         "[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark\n"
         "[{OutputIntent_PDFA} <<\n"
         "  /Type /OutputIntent\n"
         "  /S /GTS_PDFA1\n"
         "  /DestOutputProfile {icc_PDFA}\n"
         "  /OutputConditionIdentifier (sRGB)\n"
         ">> /PUT pdfmark\n"
         "[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark\n";
}

std::string Tail(const std::string& text) {
  std::string tail =
      text.size() > kErrorTail ? "..." + text.substr(text.size() - kErrorTail) : text;
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
  return tail;
}

std::string TempParent(const PdfAOptions& options) {
  if (!options.temp_dir.empty()) return options.temp_dir;
  const char* env = std::getenv("TMPDIR");
  return env != nullptr && *env != '\0' ? env : "/tmp";
}

}  // namespace

StatusOr<std::string> ConvertToPdfA(std::string_view pdf, const PdfAOptions& options) {
  if (pdf.substr(0, 5) != "%PDF-") return Status::InvalidArgument("the input is not a PDF");
  std::error_code error;
  const fs::path icc = fs::absolute(options.icc_profile, error);
  if (error || !fs::is_regular_file(icc, error)) {
    return Status::NotFound("ICC profile '" + options.icc_profile + "' does not exist",
                            options.icc_profile);
  }

  StatusOr<std::unique_ptr<ScratchDir>> scratch = ScratchDir::Create(TempParent(options));
  if (!scratch.ok()) return scratch.status();
  const ScratchDir& dir = **scratch;
  const std::string input = dir.File("input.pdf");
  const std::string definitions = dir.File("uitdaag_pdfa2_definitions.ps");
  const std::string output = dir.File("output.pdf");
  const std::string log = dir.File("ghostscript.log");
  UITDAAG_RETURN_IF_ERROR(WriteFile(input, pdf));
  UITDAAG_RETURN_IF_ERROR(WriteFile(definitions, PdfADefinitions(icc.string())));

  std::string output_arg = "-sOutputFile=";
  for (char c : output) output_arg += c == '%' ? std::string("%%") : std::string(1, c);
  const std::vector<std::string> argv = {
      options.ghostscript,
      "-q",
      "-dBATCH",
      "-dNOPAUSE",
      "-dSAFER",
      "-dPDFA=2",
      "-dPDFACompatibilityPolicy=2",  // refuse rather than silently drop what PDF/A forbids
      "-sColorConversionStrategy=RGB",
      "-sDEVICE=pdfwrite",
      "--permit-file-read=" + icc.parent_path().string() + "/",
      output_arg,
      definitions,
      input,
  };
  StatusOr<pdf_internal::ProcessResult> run = RunProcess(argv, log);
  if (!run.ok()) return run.status();
  StatusOr<std::string> messages = ReadFile(log);
  const std::string tail = messages.ok() ? Tail(*messages) : std::string();
  if (run->exit_code == 127) {
    return Status::Unavailable("cannot run '" + options.ghostscript + "': " + tail,
                               options.ghostscript);
  }
  StatusOr<std::string> result = ReadFile(output);
  if (run->exit_code != 0 || !result.ok() || result->substr(0, 5) != "%PDF-") {
    return Status::Internal("ghostscript failed (exit code " + std::to_string(run->exit_code) +
                            "): " + tail);
  }
  return result;
}

}  // namespace uitdaag
