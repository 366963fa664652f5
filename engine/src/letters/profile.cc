// Loading the municipality profile (uitdaag/profile.h) with file:line:column diagnostics.
#include "uitdaag/profile.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "contract_names.h"
#include "yaml/yaml_reader.h"

namespace uitdaag {
namespace {

namespace c = contract;
namespace fs = std::filesystem;
using yaml_internal::Document;
using yaml_internal::Entry;
using yaml_internal::Mapping;
using yaml_internal::Quote;

constexpr size_t kMaxValueBytes = 500;

bool IsLeafKey(const std::string& path) {
  for (const c::ProfileKey& key : c::kProfileKeys) {
    if (key.path == path) return true;
  }
  return false;
}

bool IsGroupKey(const std::string& path) {
  for (const c::ProfileKey& key : c::kProfileKeys) {
    if (key.path.size() > path.size() && key.path.substr(0, path.size()) == path &&
        key.path[path.size()] == '.') {
      return true;
    }
  }
  return false;
}

// The keys allowed directly under `prefix` ("" for the top of gemeente).
std::vector<std::string_view> AllowedUnder(const std::string& prefix) {
  std::vector<std::string_view> allowed;
  std::set<std::string> seen;
  for (const c::ProfileKey& key : c::kProfileKeys) {
    std::string_view path = key.path;
    if (!prefix.empty()) {
      if (path.substr(0, prefix.size() + 1) != prefix + ".") continue;
      path.remove_prefix(prefix.size() + 1);
    }
    const std::string_view head = path.substr(0, path.find('.'));
    if (seen.insert(std::string(head)).second) allowed.push_back(head);
  }
  if (prefix.empty()) allowed.push_back(c::kLegalCharacter);
  return allowed;
}

class ProfileReader {
 public:
  explicit ProfileReader(Document& doc) : doc_(doc) {}

  // Reads the mapping at `prefix` into `out`, recursing into the groups.
  void ReadGroup(const YAML::Node& node, const std::string& prefix, const SourceLocation& owner,
                 ValueRecord* out) {
    Mapping map(doc_, node,
                prefix.empty() ? "section " + Quote(c::kProfileRoot) : Quote(prefix), owner);
    if (!map.valid()) return;
    map.AllowOnly(AllowedUnder(prefix));
    for (const Entry& e : map.entries()) {
      const std::string path = prefix.empty() ? e.key : prefix + "." + e.key;
      if (prefix.empty() && e.key == c::kLegalCharacter) {
        ReadLegalCharacter(e);
      } else if (IsLeafKey(path)) {
        if (auto text = ReadValue(e)) (*out)[e.key] = Value::Text(*text);
      } else if (IsGroupKey(path)) {
        ValueRecord group;
        ReadGroup(e.value, path, e.key_where, &group);
        (*out)[e.key] = Value::Record(std::move(group));
      }
    }
    for (const c::ProfileKey& key : c::kProfileKeys) {
      if (!key.required) continue;
      std::string_view path = key.path;
      if (!prefix.empty()) {
        if (path.substr(0, prefix.size() + 1) != prefix + ".") continue;
        path.remove_prefix(prefix.size() + 1);
      }
      const std::string head(path.substr(0, path.find('.')));
      if (map.Find(head) == nullptr) {
        doc_.Error(map.where(), "missing key " + Quote(prefix.empty() ? head : prefix + "." + head) +
                                    ": every letter needs it (templates/README.md)");
      }
    }
  }

  std::optional<std::string> legal_character;

 private:
  std::optional<std::string> ReadValue(const Entry& e) {
    auto text = yaml_internal::ReadText(doc_, e);
    if (!text) return std::nullopt;
    if (text->empty()) {
      doc_.Error(e.value_where, Quote(e.key) + " is empty: leave the key out if it is optional");
      return std::nullopt;
    }
    if (text->size() > kMaxValueBytes) {
      doc_.Error(e.value_where, Quote(e.key) + " is " + std::to_string(text->size()) +
                                    " bytes; the limit is " + std::to_string(kMaxValueBytes));
      return std::nullopt;
    }
    for (unsigned char ch : *text) {
      if (ch < 0x20) {
        doc_.Error(e.value_where, Quote(e.key) + " must be one line of text");
        return std::nullopt;
      }
    }
    return text;
  }

  void ReadLegalCharacter(const Entry& e) {
    auto text = yaml_internal::ReadText(doc_, e);
    if (!text) return;
    for (auto option : {c::kCharacterBeschikking, c::kCharacterGrant, c::kCharacterNone}) {
      if (*text == option) {
        legal_character = *text;
        return;
      }
    }
    doc_.Error(e.value_where, "unknown legal character " + Quote(*text) + " (known: " +
                                  std::string(c::kCharacterBeschikking) + ", " +
                                  std::string(c::kCharacterGrant) + ", " +
                                  std::string(c::kCharacterNone) + ")");
  }

  Document& doc_;
};

void ReadLettersSection(Document& doc, const Entry& entry, MunicipalityProfile* profile) {
  Mapping map(doc, entry.value, "section 'letters'", entry.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"logo", "font", "pdf_a"});
  if (const Entry* logo = map.Find("logo")) {
    if (auto text = yaml_internal::ReadText(doc, *logo)) {
      fs::path path(*text);
      if (path.is_relative()) path = fs::path(doc.file()).parent_path() / path;
      std::error_code ec;
      std::ifstream in(path, std::ios::binary);
      char magic[8] = {};
      if (!fs::is_regular_file(path, ec) || !in.read(magic, sizeof magic)) {
        doc.Error(logo->value_where, "logo " + Quote(path.string()) + " cannot be read");
      } else if (std::string_view(magic, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8)) {
        doc.Error(logo->value_where, "logo " + Quote(path.string()) + " is not a PNG file");
      } else {
        profile->logo_png = path.lexically_normal().string();
      }
    }
  }
  if (const Entry* font = map.Find("font")) {
    if (auto text = yaml_internal::ReadText(doc, *font)) profile->font = *text;
  }
  if (const Entry* pdf_a = map.Find("pdf_a")) {
    if (auto flag = yaml_internal::ReadBool(doc, *pdf_a)) profile->pdf_a = *flag;
  }
}

// pages: the look of the web pages. theme: a CSS file of custom properties, relative to the
// profile, that must exist.
void ReadPagesSection(Document& doc, const Entry& entry, MunicipalityProfile* profile) {
  Mapping map(doc, entry.value, "section 'pages'", entry.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"theme"});
  if (const Entry* theme = map.Find("theme")) {
    if (auto text = yaml_internal::ReadText(doc, *theme)) {
      fs::path path(*text);
      if (path.is_relative()) path = fs::path(doc.file()).parent_path() / path;
      std::error_code ec;
      if (path.extension() != ".css") {
        doc.Error(theme->value_where, "theme " + Quote(path.string()) + " must be a .css file");
      } else if (!fs::is_regular_file(path, ec)) {
        doc.Error(theme->value_where, "theme " + Quote(path.string()) + " cannot be read");
      } else {
        profile->pages_theme_css = path.lexically_normal().string();
      }
    }
  }
}

}  // namespace

std::string MunicipalityProfile::Text(std::string_view dotted) const {
  const Value* v = &municipality;
  while (v != nullptr && !dotted.empty()) {
    const size_t dot = dotted.find('.');
    v = v->Find(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return v != nullptr && v->type() == ValueType::kText ? v->as_text() : std::string();
}

ProfileLoadResult LoadProfileText(std::string_view yaml, const std::string& file_name) {
  ProfileLoadResult result;
  Document doc(file_name, yaml);
  MunicipalityProfile profile;
  profile.source_file = file_name;
  if (auto root = doc.Parse()) {
    Mapping top(doc, *root, "the profile file");
    if (top.valid()) {
      top.AllowOnly({c::kProfileRoot, "letters", "pages"});
      if (const Entry* g = top.Require(c::kProfileRoot)) {
        ProfileReader reader(doc);
        ValueRecord municipality;
        reader.ReadGroup(g->value, "", g->key_where, &municipality);
        profile.municipality = Value::Record(std::move(municipality));
        profile.legal_character = reader.legal_character;
      }
      if (const Entry* letters = top.Find("letters")) ReadLettersSection(doc, *letters, &profile);
      if (const Entry* pages = top.Find("pages")) ReadPagesSection(doc, *pages, &profile);
    }
  }
  const bool ok = doc.error_count() == 0;
  result.diagnostics = doc.TakeDiagnostics();
  if (ok) result.profile = std::move(profile);
  return result;
}

ProfileLoadResult LoadProfileFile(const std::string& path) {
  std::optional<std::string> text = yaml_internal::ReadSourceFile(path);
  if (!text) {
    ProfileLoadResult result;
    result.diagnostics.push_back(yaml_internal::CannotRead(path, "profile"));
    return result;
  }
  return LoadProfileText(*text, path);
}

}  // namespace uitdaag
