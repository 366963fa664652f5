// `uitdaag letters`: the letters stored with a case, and (with --out) their documents as files.
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/commands.h"

namespace uitdaag::cli {

int LettersCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--db", true}, {"--out", true}}, "letters");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->positional.size() != 1) return UsageError(err, "letters needs CASE");
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(DatabasePath(*parsed), true, err);
  if (store == nullptr) return kExitFailure;
  StatusOr<std::vector<LetterRecord>> letters = store->Letters(parsed->positional[0]);
  if (!letters.ok()) {
    err << "uitdaag: " << letters.status().message() << "\n";
    return kExitFailure;
  }
  const std::optional<std::string> dir = parsed->Last("--out");
  for (const LetterRecord& l : *letters) {
    out << "letter " << l.id << "  step " << l.seq << "  " << l.letter_date.ToIsoString() << "  "
        << l.template_name << "  template " << l.template_version.substr(0, 12)
        << (l.outbox_id ? "" : "  (re-rendered by hand)") << "\n";
    for (int64_t id : {l.html_document_id, l.pdf_document_id}) {
      StatusOr<Document> doc = store->GetDocument(id);
      if (!doc.ok()) {
        err << "uitdaag: " << doc.status().message() << "\n";
        return kExitFailure;
      }
      out << "  document " << id << "  " << doc->name << "  " << doc->content.size()
          << " bytes  sha256 " << doc->sha256 << "\n";
      if (!dir) continue;
      std::error_code ec;
      std::filesystem::create_directories(*dir, ec);
      const std::filesystem::path path = std::filesystem::path(*dir) / doc->name;
      std::ofstream file(path, std::ios::binary | std::ios::trunc);
      file.write(doc->content.data(), static_cast<std::streamsize>(doc->content.size()));
      if (!file) {
        err << "uitdaag: cannot write " << path.string() << "\n";
        return kExitFailure;
      }
    }
  }
  if (letters->empty()) out << "no letters stored for case " << parsed->positional[0] << "\n";
  return kExitOk;
}

}  // namespace uitdaag::cli
