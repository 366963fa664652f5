// LoadLanguageFile / LoadLanguageText: reads a language file (templates/taal.yaml) through the
// yaml-cpp adapter, checking every key and every pattern and reporting file:line:column.
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "uitdaag/join.h"
#include "uitdaag/language.h"
#include "yaml/yaml_reader.h"

namespace uitdaag {
namespace {

using yaml_internal::Document;
using yaml_internal::Entry;
using yaml_internal::Mapping;
using yaml_internal::Quote;
using yaml_internal::Scalar;

constexpr std::string_view kTopKeys[] = {"months",   "weekdays",  "numbers", "units",
                                         "yes",      "no",        "list_and", "day_names",
                                         "rules",    "explanation", "document"};

// The keys of `units`, in DurationUnit order.
constexpr std::string_view kUnitKeys[] = {"days", "weeks", "months", "years", "working_days"};

std::vector<std::string_view> Keys(const std::string_view* begin, const std::string_view* end) {
  return std::vector<std::string_view>(begin, end);
}

// A single non-empty text.
std::optional<std::string> ReadWord(Document& doc, const Entry& entry) {
  std::optional<Scalar> scalar = yaml_internal::ReadScalar(doc, entry);
  if (!scalar) return std::nullopt;
  if (scalar->text.empty()) {
    doc.Error(scalar->where, Quote(entry.key) + " must not be empty");
    return std::nullopt;
  }
  return std::move(scalar->text);
}

// A list of non-empty names, with exactly `count` items when count > 0.
std::optional<std::vector<std::string>> ReadWordList(Document& doc, const Entry& entry,
                                                     size_t count, std::string_view what) {
  std::optional<std::vector<Scalar>> items = yaml_internal::ReadScalarList(doc, entry);
  if (!items) return std::nullopt;
  if (count > 0 && items->size() != count) {
    doc.Error(entry.value_where, Quote(entry.key) + " must list " + std::to_string(count) + " " +
                                     std::string(what) + ", got " + std::to_string(items->size()));
    return std::nullopt;
  }
  std::vector<std::string> words;
  bool ok = true;
  for (Scalar& item : *items) {
    if (item.text.empty()) {
      doc.Error(item.where.line > 0 ? item.where : entry.value_where,
                "items of " + Quote(entry.key) + " must not be empty");
      ok = false;
    }
    words.push_back(std::move(item.text));
  }
  if (!ok) return std::nullopt;
  return words;
}

template <size_t N>
void ReadFixedList(Document& doc, const Mapping& top, std::string_view key, std::string_view what,
                   std::array<std::string, N>* out) {
  const Entry* entry = top.Require(key, what);
  if (entry == nullptr) return;
  std::optional<std::vector<std::string>> words = ReadWordList(doc, *entry, N, what);
  if (!words) return;
  for (size_t i = 0; i < N; ++i) (*out)[i] = std::move((*words)[i]);
}

void ReadUnits(Document& doc, const Entry& entry, Language* lang) {
  Mapping units(doc, entry.value, "'units'", entry.key_where);
  if (!units.valid()) return;
  const std::vector<std::string_view> keys = Keys(std::begin(kUnitKeys), std::end(kUnitKeys));
  units.AllowOnly(keys);
  for (size_t i = 0; i < keys.size(); ++i) {
    const Entry* unit = units.Require(keys[i], "with 'singular' and 'plural'");
    if (unit == nullptr) continue;
    Mapping names(doc, unit->value, "unit " + Quote(keys[i]), unit->key_where);
    if (!names.valid()) continue;
    names.AllowOnly({"singular", "plural"});
    if (const Entry* e = names.Require("singular", "the name after 1")) {
      lang->units[i].singular = ReadWord(doc, *e).value_or("");
    }
    if (const Entry* e = names.Require("plural", "the name after every other amount")) {
      lang->units[i].plural = ReadWord(doc, *e).value_or("");
    }
  }
}

void ReadDayNames(Document& doc, const Entry& entry, Language* lang) {
  Mapping days(doc, entry.value, "'day_names'", entry.key_where);
  if (!days.valid()) return;
  days.AllowOnly(NamedDayIds());
  for (std::string_view id : NamedDayIds()) {
    const Entry* day = days.Require(id);
    if (day == nullptr) continue;
    if (std::optional<std::string> name = ReadWord(doc, *day)) {
      lang->day_names.emplace(std::string(id), std::move(*name));
    }
  }
}

// Checks the braces and placeholder names of one pattern, at their columns.
void CheckPattern(Document& doc, const Scalar& scalar, const PatternSpec& spec) {
  const std::string name = std::string(spec.section) + "." + std::string(spec.key);
  const PatternScan scan = ScanPattern(scalar.text);
  if (scan.error) {
    doc.Error(doc.TextLocation(scalar.node, scan.error->offset),
              "pattern " + Quote(name) + ": " + scan.error->message);
    return;
  }
  std::vector<std::string> allowed;
  for (std::string_view p : spec.placeholders) allowed.push_back("{" + std::string(p) + "}");
  for (const PlaceholderUse& use : scan.placeholders) {
    bool known = false;
    for (std::string_view p : spec.placeholders) known = known || p == use.name;
    if (known) continue;
    std::string message =
        "unknown placeholder " + Quote("{" + use.name + "}") + " in pattern " + Quote(name);
    const std::string closest = yaml_internal::ClosestName("{" + use.name + "}", allowed);
    if (!closest.empty()) message += " (did you mean " + Quote(closest) + "?)";
    message += "; allowed here: " + JoinNames(allowed);
    doc.Error(doc.TextLocation(scalar.node, use.offset), message);
  }
}

// A section of patterns ("rules", "explanation", "document"): every pattern of that section, nothing else.
void ReadPatterns(Document& doc, const Entry& entry, Language* lang) {
  Mapping section(doc, entry.value, Quote(entry.key), entry.key_where);
  if (!section.valid()) return;
  std::vector<const PatternSpec*> specs;
  std::vector<std::string_view> keys;
  for (const PatternSpec& spec : PatternSpecs()) {
    if (spec.section != entry.key) continue;
    specs.push_back(&spec);
    keys.push_back(spec.key);
  }
  section.AllowOnly(keys);
  for (const PatternSpec* spec : specs) {
    const Entry* e = section.Require(spec->key);
    if (e == nullptr) continue;
    std::optional<Scalar> scalar = yaml_internal::ReadScalar(doc, *e);
    if (!scalar) continue;
    CheckPattern(doc, *scalar, *spec);
    lang->patterns[static_cast<size_t>(spec->id)] = std::move(scalar->text);
  }
}

void ReadLanguage(Document& doc, const YAML::Node& root, Language* lang) {
  const SourceLocation top_where = doc.At(1, 1);
  if (root.IsNull()) {
    doc.Error(top_where, "the language file is empty (it needs " +
                             JoinNames(Keys(std::begin(kTopKeys), std::end(kTopKeys))) + ")");
    return;
  }
  Mapping top(doc, root, "the language file", top_where);
  if (!top.valid()) return;
  top.AllowOnly(Keys(std::begin(kTopKeys), std::end(kTopKeys)));

  ReadFixedList(doc, top, "months", "month names, January first", &lang->months);
  ReadFixedList(doc, top, "weekdays", "weekday names, Monday first", &lang->weekdays);
  if (const Entry* e = top.Require("numbers", "number words from 0 up; [] for digits only")) {
    if (auto words = ReadWordList(doc, *e, 0, "number words")) {
      lang->number_words = std::move(*words);
    }
  }
  if (const Entry* e = top.Require("units", "day, week, month, year and working day names")) {
    ReadUnits(doc, *e, lang);
  }
  if (const Entry* e = top.Require("yes", "how true is printed")) {
    lang->yes = ReadWord(doc, *e).value_or("");
  }
  if (const Entry* e = top.Require("no", "how false is printed")) {
    lang->no = ReadWord(doc, *e).value_or("");
  }
  if (const Entry* e = top.Require("list_and", "the word before the last item of a list")) {
    lang->list_and = ReadWord(doc, *e).value_or("");
  }
  if (const Entry* e = top.Require("day_names", "names of holidays and weekend days by id")) {
    ReadDayNames(doc, *e, lang);
  }
  for (std::string_view section : {"rules", "explanation", "document"}) {
    if (const Entry* e = top.Require(section, "sentence patterns")) ReadPatterns(doc, *e, lang);
  }
}

}  // namespace

LanguageLoadResult LoadLanguageText(std::string_view yaml, const std::string& file_name) {
  Document doc(file_name, yaml);
  LanguageLoadResult result;
  try {
    std::optional<YAML::Node> root = doc.Parse();
    if (root) {
      Language lang;
      lang.source_file = file_name;
      ReadLanguage(doc, *root, &lang);
      if (doc.error_count() == 0) result.language = std::move(lang);
    }
  } catch (const std::exception& e) {
    result.language.reset();
    doc.Error(doc.At(0, 0),
              std::string("internal error while loading the language file: ") + e.what());
  } catch (...) {
    result.language.reset();
    doc.Error(doc.At(0, 0), "internal error while loading the language file");
  }
  result.diagnostics = doc.TakeDiagnostics();
  return result;
}

LanguageLoadResult LoadLanguageFile(const std::string& path) {
  std::optional<std::string> text = yaml_internal::ReadSourceFile(path);
  if (!text) {
    LanguageLoadResult result;
    result.diagnostics.push_back(yaml_internal::CannotRead(path, "language"));
    return result;
  }
  return LoadLanguageText(*text, path);
}

}  // namespace uitdaag
