// `uitdaag render`: a letter as HTML and PDF files — of a stored case (optionally storing it as a
// new letter), or a preview from a simulation script, without a database.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>

#include "cli/commands.h"
#include "uitdaag/case_letters.h"
#include "uitdaag/clock.h"
#include "uitdaag/simulated_letters.h"
#include "uitdaag/simulator.h"

namespace uitdaag::cli {
namespace {

namespace fs = std::filesystem;

bool WriteFile(const fs::path& path, const std::string& bytes, std::ostream& err) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    err << "uitdaag: cannot write " << path.string() << "\n";
    return false;
  }
  return true;
}

// Writes <dir>/<stem>.html and .pdf and names them on `out`.
bool WriteLetter(const fs::path& dir, const std::string& stem, const RenderedLetter& letter,
                 std::ostream& out, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path html = dir / (stem + ".html");
  const fs::path pdf = dir / (stem + ".pdf");
  if (!WriteFile(html, letter.html, err) || !WriteFile(pdf, letter.pdf, err)) return false;
  out << html.string() << "\n" << pdf.string() << "\n";
  return true;
}

std::string Numbered(size_t n, const std::string& name) {
  char number[16];
  std::snprintf(number, sizeof number, "%02zu", n);
  return std::string(number) + "-" + name;
}

int Preview(const ParsedArgs& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional.empty()) return UsageError(err, "render --script needs a WORKFLOW file");
  std::shared_ptr<const WorkflowDefinition> def =
      LoadWorkflowOrReport(parsed.positional[0], parsed.Last("--templates"), err);
  if (def == nullptr) return kExitFailure;
  std::optional<Script> script = LoadScriptOrReport(*parsed.Last("--script"), err);
  if (!script) return kExitFailure;
  std::unique_ptr<LetterRenderer> renderer =
      LoadRendererOrReport({def.get()}, parsed.Last("--profile"), err);
  if (renderer == nullptr) return kExitFailure;
  const std::set<std::string> wanted(parsed.positional.begin() + 1, parsed.positional.end());
  for (const std::string& name : wanted) {
    if (std::find(def->templates.begin(), def->templates.end(), name) == def->templates.end()) {
      err << "uitdaag: workflow " << def->id << " never sends '" << name << "'\n";
      return kExitFailure;
    }
  }
  const SimulationResult run = Simulate(*def, *script);
  for (const std::string& failure : run.failures) err << "script: " << failure << "\n";
  const fs::path dir = parsed.Last("--out").value_or(".");
  std::set<std::string> rendered;
  for (const SimulatedLetter& sent : LettersOf(*def, run, *script)) {
    const std::string& name = sent.request.template_name;
    if (!wanted.empty() && wanted.count(name) == 0) continue;
    StatusOr<RenderedLetter> letter = renderer->Render(sent.request);
    if (!letter.ok()) {
      err << "uitdaag: " << name << ": " << letter.status().message() << "\n";
      return kExitFailure;
    }
    if (!WriteLetter(dir, Numbered(sent.step, name), *letter, out, err)) return kExitFailure;
    rendered.insert(name);
  }
  for (const std::string& name : wanted) {
    if (rendered.count(name) == 0) {
      err << "uitdaag: the script never sends '" << name << "'\n";
      return kExitFailure;
    }
  }
  return run.ok() ? kExitOk : kExitFailure;
}

int FromDatabase(const ParsedArgs& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional.size() != 2) return UsageError(err, "render needs CASE and TEMPLATE");
  const std::string& case_id = parsed.positional[0];
  const std::string& name = parsed.positional[1];
  std::optional<int64_t> seq;
  if (auto text = parsed.Last("--seq")) {
    try {
      size_t used = 0;
      seq = std::stoll(*text, &used);
      if (used != text->size() || *seq < 1) throw std::invalid_argument(*text);
    } catch (const std::exception&) {
      return UsageError(err, "--seq must be a step number (1, 2, ...)");
    }
  }
  const bool store_it = parsed.Has("--store");
  std::unique_ptr<WorkflowRegistry> workflows =
      LoadWorkflowDirOrReport(parsed.Last("--workflows").value_or("workflows"), err);
  if (workflows == nullptr) return kExitFailure;
  std::unique_ptr<LetterRenderer> renderer =
      LoadRendererOrReport(workflows->All(), parsed.Last("--profile"), err);
  if (renderer == nullptr) return kExitFailure;
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(DatabasePath(parsed), !store_it, err);
  if (store == nullptr) return kExitFailure;
  if (store_it) {
    StatusOr<StoredCase> stored = store->Load(case_id);
    if (!stored.ok()) {
      err << "uitdaag: " << stored.status().message() << "\n";
      return kExitFailure;
    }
    StatusOr<LetterRecord> letter =
        StoreCaseLetter(*store, *workflows, *renderer, case_id, name,
                        seq.value_or(stored->snapshot.version), std::nullopt, SystemClock()->Now());
    if (!letter.ok()) {
      err << "uitdaag: " << letter.status().message() << "\n";
      return kExitFailure;
    }
    out << "stored letter " << letter->id << " (" << letter->template_name << ", step "
        << letter->seq << "): documents " << letter->html_document_id << " (HTML) and "
        << letter->pdf_document_id << " (PDF)\n";
    return kExitOk;
  }
  StatusOr<RenderedLetter> letter =
      RenderCaseLetter(*store, *workflows, *renderer, case_id, name, seq);
  if (!letter.ok()) {
    err << "uitdaag: " << letter.status().message() << "\n";
    return kExitFailure;
  }
  const fs::path dir = parsed.Last("--out").value_or(".");
  return WriteLetter(dir, case_id + "-" + name, *letter, out, err) ? kExitOk : kExitFailure;
}

}  // namespace

int RenderCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args,
                                          {{"--db", true},
                                           {"--workflows", true},
                                           {"--templates", true},
                                           {"--profile", true},
                                           {"--script", true},
                                           {"--seq", true},
                                           {"--out", true},
                                           {"--store", false}},
                                          "render");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->Has("--script")) {
    if (parsed->Has("--store") || parsed->Has("--db") || parsed->Has("--seq")) {
      return UsageError(err, "render --script previews without a database: drop --store, --db, --seq");
    }
    return Preview(*parsed, out, err);
  }
  return FromDatabase(*parsed, out, err);
}

}  // namespace uitdaag::cli
