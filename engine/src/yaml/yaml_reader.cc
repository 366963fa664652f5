#include "yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "uitdaag/join.h"

namespace uitdaag::yaml_internal {

namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> ReadSourceFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

Diagnostic CannotRead(const std::string& path, std::string_view what) {
  return {Diagnostic::Severity::kError, SourceLocation{path, 0, 0},
          "cannot read the " + std::string(what) + " file"};
}

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// ---- Document --------------------------------------------------------------------------------

Document::Document(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {
  lines_ = SplitLines(text_);
}

std::optional<YAML::Node> Document::Parse() {
  try {
    return YAML::Load(text_);
  } catch (const YAML::Exception& e) {
    const bool has_mark = !e.mark.is_null();
    Error(has_mark ? At(e.mark.line + 1, e.mark.column + 1) : At(0, 0),
          "YAML syntax error: " + e.msg);
  } catch (const std::exception& e) {
    Error(At(0, 0), std::string("YAML could not be read: ") + e.what());
  }
  return std::nullopt;
}

std::string_view Document::Line(int zero_based) const {
  if (zero_based < 0 || static_cast<size_t>(zero_based) >= lines_.size()) return {};
  return lines_[static_cast<size_t>(zero_based)];
}

SourceLocation Document::Where(const YAML::Node& node) const {
  try {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return At(0, 0);
    return At(mark.line + 1, mark.column + 1);
  } catch (const std::exception&) {
    return At(0, 0);
  }
}

SourceLocation Document::TextStart(const YAML::Node& scalar) const {
  SourceLocation where = Where(scalar);
  if (where.line == 0) return where;
  const std::string_view line = Line(where.line - 1);
  const size_t column = static_cast<size_t>(where.column - 1);
  if (column >= line.size()) return where;
  const char first = line[column];
  if (first == '"' || first == '\'') {
    ++where.column;
  } else if (first == '|' || first == '>') {
    for (int next = where.line; static_cast<size_t>(next) < lines_.size(); ++next) {
      const std::string_view text = Line(next);
      const size_t indent = text.find_first_not_of(" \t");
      if (indent == std::string_view::npos) continue;
      return At(next + 1, static_cast<int>(indent) + 1);
    }
  }
  return where;
}

SourceLocation Document::TextLocation(const YAML::Node& scalar, size_t offset) const {
  SourceLocation where = TextStart(scalar);
  if (where.line == 0) return where;
  size_t column = static_cast<size_t>(where.column - 1);
  for (int line = where.line - 1; static_cast<size_t>(line) < lines_.size(); ++line) {
    std::string_view text = Line(line);
    const size_t end = text.find_last_not_of(" \t");
    const size_t length = end == std::string_view::npos || end < column ? 0 : end + 1 - column;
    const bool has_next = static_cast<size_t>(line + 1) < lines_.size();
    if (offset <= length || !has_next) {
      return At(line + 1, static_cast<int>(column + offset) + 1);
    }
    offset -= length + 1;  // the line's text and the break that folds into one character
    const size_t next_indent = Line(line + 1).find_first_not_of(" \t");
    column = next_indent == std::string_view::npos ? 0 : next_indent;
  }
  return where;
}

void Document::Error(const SourceLocation& where, std::string message) {
  diagnostics_.push_back({Diagnostic::Severity::kError, where, std::move(message)});
  ++error_count_;
}

void Document::Warning(const SourceLocation& where, std::string message) {
  diagnostics_.push_back({Diagnostic::Severity::kWarning, where, std::move(message)});
}

std::vector<Diagnostic> Document::TakeDiagnostics() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.where.line != b.where.line) return a.where.line < b.where.line;
                     return a.where.column < b.where.column;
                   });
  return std::exchange(diagnostics_, {});
}

std::string DescribeNode(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return "nothing";
  }
  return "nothing";
}

// ---- Mapping ---------------------------------------------------------------------------------

Mapping::Mapping(Document& doc, const YAML::Node& node, std::string what,
                 const SourceLocation& owner)
    : doc_(&doc), what_(std::move(what)), where_(owner) {
  if (where_.line == 0) where_ = doc.Where(node);
  if (!node.IsMap()) {
    const SourceLocation value_where = node.IsNull() ? where_ : doc.Where(node);
    doc.Error(value_where.line > 0 ? value_where : where_,
              what_ + " must be a mapping of keys, got " + DescribeNode(node));
    return;
  }
  valid_ = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    Entry entry;
    entry.key_node = it->first;
    entry.value = it->second;
    entry.key_where = doc.Where(entry.key_node);
    if (!entry.key_node.IsScalar()) {
      doc.Error(entry.key_where,
                "keys in " + what_ + " must be plain names, got " + DescribeNode(entry.key_node));
      continue;
    }
    entry.key = entry.key_node.Scalar();
    entry.value_where = entry.value.IsNull() ? entry.key_where : doc.Where(entry.value);
    if (entry.value_where.line == 0) entry.value_where = entry.key_where;
    if (Find(entry.key) != nullptr) {
      doc.Error(entry.key_where, "duplicate key " + Quote(entry.key) + " in " + what_);
      continue;
    }
    entries_.push_back(std::move(entry));
  }
}

const Entry* Mapping::Find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

void Mapping::AllowOnly(std::initializer_list<std::string_view> allowed) const {
  AllowOnly(std::vector<std::string_view>(allowed));
}

void Mapping::AllowOnly(const std::vector<std::string_view>& allowed) const {
  for (const Entry& entry : entries_) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    std::string message = "unknown key " + Quote(entry.key) + " in " + what_;
    const std::string closest = ClosestName(entry.key, names);
    if (!closest.empty()) message += " (did you mean " + Quote(closest) + "?)";
    message += "; allowed keys: " + JoinNames(allowed);
    doc_->Error(entry.key_where, message);
  }
}

const Entry* Mapping::Require(std::string_view key, std::string_view hint) const {
  const Entry* entry = Find(key);
  if (entry == nullptr && valid_) {
    std::string message = "missing required key " + Quote(key) + " in " + what_;
    if (!hint.empty()) message += " (" + std::string(hint) + ")";
    doc_->Error(where_, message);
  }
  return entry;
}

// ---- Typed readers ---------------------------------------------------------------------------

std::optional<Scalar> ReadScalar(Document& doc, const Entry& entry) {
  if (entry.value.IsScalar()) return Scalar{entry.value.Scalar(), entry.value_where, entry.value};
  if (entry.value.IsNull()) {
    doc.Error(entry.value_where, Quote(entry.key) + " needs a value");
  } else {
    doc.Error(entry.value_where,
              Quote(entry.key) + " must be a single value, got " + DescribeNode(entry.value));
  }
  return std::nullopt;
}

std::optional<std::string> ReadText(Document& doc, const Entry& entry) {
  std::optional<Scalar> scalar = ReadScalar(doc, entry);
  if (!scalar) return std::nullopt;
  return std::move(scalar->text);
}

std::optional<bool> ReadBool(Document& doc, const Entry& entry) {
  std::optional<Scalar> scalar = ReadScalar(doc, entry);
  if (!scalar) return std::nullopt;
  std::optional<bool> value = ParseBoolText(scalar->text);
  if (!value) {
    doc.Error(scalar->where,
              Quote(entry.key) + " must be true or false, got " + Quote(scalar->text));
  }
  return value;
}

std::optional<long long> ReadInt(Document& doc, const Entry& entry) {
  std::optional<Scalar> scalar = ReadScalar(doc, entry);
  if (!scalar) return std::nullopt;
  std::optional<long long> value = ParseIntText(scalar->text);
  if (!value) {
    doc.Error(scalar->where,
              Quote(entry.key) + " must be a whole number, got " + Quote(scalar->text));
  }
  return value;
}

std::optional<double> ReadNumber(Document& doc, const Entry& entry) {
  std::optional<Scalar> scalar = ReadScalar(doc, entry);
  if (!scalar) return std::nullopt;
  std::optional<double> value = ParseNumberText(scalar->text);
  if (!value) {
    doc.Error(scalar->where, Quote(entry.key) + " must be a number, got " + Quote(scalar->text));
  }
  return value;
}

std::optional<std::vector<Scalar>> ReadScalarList(Document& doc, const Entry& entry) {
  if (!entry.value.IsSequence()) {
    doc.Error(entry.value_where,
              Quote(entry.key) + " must be a list, got " + DescribeNode(entry.value));
    return std::nullopt;
  }
  std::vector<Scalar> items;
  bool ok = true;
  for (const YAML::Node& item : entry.value) {
    const SourceLocation where = doc.Where(item);
    if (!item.IsScalar()) {
      doc.Error(
          where.line == 0 ? entry.value_where : where,
          "items of " + Quote(entry.key) + " must be single values, got " + DescribeNode(item));
      ok = false;
      continue;
    }
    items.push_back({item.Scalar(), where, item});
  }
  if (!ok) return std::nullopt;
  return items;
}

// ---- Scalar text ------------------------------------------------------------------------------

std::optional<bool> ParseBoolText(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

std::optional<long long> ParseIntText(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<double> ParseNumberText(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool IsIdentifier(std::string_view name) {
  if (name.empty()) return false;
  const auto alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  };
  if (!alpha(name.front())) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

std::string KnownNames(std::string_view wrong, std::vector<std::string> known) {
  if (known.empty()) return "none are declared";
  std::stable_sort(known.begin(), known.end(), [&](const std::string& a, const std::string& b) {
    const size_t da = EditDistance(wrong, a);
    const size_t db = EditDistance(wrong, b);
    return da != db ? da < db : a < b;
  });
  constexpr size_t kShown = 12;
  std::string out = "known: ";
  for (size_t i = 0; i < known.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += known[i];
  }
  if (known.size() > kShown) out += " and " + std::to_string(known.size() - kShown) + " more";
  return out;
}

std::string ClosestName(std::string_view wrong, const std::vector<std::string>& known) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, wrong.size() / 3) + 1;
  for (const std::string& name : known) {
    const size_t distance = EditDistance(wrong, name);
    if (distance < best_distance) {
      best_distance = distance;
      best = name;
    }
  }
  return best;
}

}  // namespace uitdaag::yaml_internal
