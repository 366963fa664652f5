// The adapter around yaml-cpp: parsing without exceptions, 1-based source locations, typed
// scalars and mapping checks that report file:line:column diagnostics.
//
// Every yaml-cpp call that can throw is made here and caught here; callers only see optional
// results and diagnostics. Locations are 1-based (yaml-cpp marks are 0-based); a node that was
// synthesized (no mark) gets line 0.
//
// Thread safety: a Document is used by one thread at a time.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/loader.h"
#include "uitdaag/workflow.h"

namespace uitdaag::yaml_internal {

// One YAML source text and the diagnostics found in it.
class Document {
 public:
  Document(std::string file, std::string_view text);

  // Parses the text. A syntax error becomes an error diagnostic at its line and column, and the
  // result is nullopt. An empty text parses to a null node.
  std::optional<YAML::Node> Parse();

  const std::string& file() const { return file_; }
  // Where `node` starts (for a quoted scalar: its opening quote).
  SourceLocation Where(const YAML::Node& node) const;
  // Where the text of a scalar starts: after an opening quote; for a block scalar (| or >), at
  // the first character of its first line. Expression offsets are added to this column.
  SourceLocation TextStart(const YAML::Node& scalar) const;
  // Where character `offset` of a scalar's text is. A scalar written over several lines (plain,
  // quoted, or a `>-` / `|` block) has one character (a space or a newline) per line break, so
  // the offset is followed across lines. Escapes inside double quotes are not accounted for.
  SourceLocation TextLocation(const YAML::Node& scalar, size_t offset) const;
  SourceLocation At(int line, int column) const { return {file_, line, column}; }

  void Error(const SourceLocation& where, std::string message);
  void Warning(const SourceLocation& where, std::string message);
  size_t error_count() const { return error_count_; }
  // All diagnostics, in file order (stable for diagnostics at the same place).
  std::vector<Diagnostic> TakeDiagnostics();

 private:
  std::string_view Line(int zero_based) const;

  std::string file_;
  std::string text_;
  std::vector<std::string_view> lines_;  // views into text_
  std::vector<Diagnostic> diagnostics_;
  size_t error_count_ = 0;
};

// The text of the file at `path`, or nullopt when it is not a readable regular file. The
// loaders report that as one error: "<path>: error: cannot read the <what> file".
std::optional<std::string> ReadSourceFile(const std::string& path);
Diagnostic CannotRead(const std::string& path, std::string_view what);

// "a mapping", "a list", "text", "nothing": how a node reads to a person.
std::string DescribeNode(const YAML::Node& node);

// One key of a mapping, with its value.
struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
  SourceLocation key_where;
  // Where the value is; the key's place when the value is empty (`key:` with nothing after it).
  SourceLocation value_where;
};

// A mapping read in the order written. Reports a node that is not a mapping (then it has no
// entries) and duplicate keys (the first one is kept).
class Mapping {
 public:
  // `what` names the mapping in messages: "state 'gesprek'", "the workflow file". `owner` is
  // where problems with the mapping as a whole are reported (the key it is the value of); when
  // absent, the mapping's own place. REQUIRES: `doc` outlives the Mapping.
  Mapping(Document& doc, const YAML::Node& node, std::string what,
          const SourceLocation& owner = {});

  bool valid() const { return valid_; }
  const std::vector<Entry>& entries() const { return entries_; }
  const std::string& what() const { return what_; }
  const SourceLocation& where() const { return where_; }
  const Entry* Find(std::string_view key) const;
  // Reports every key not in `allowed` (naming the allowed keys).
  void AllowOnly(std::initializer_list<std::string_view> allowed) const;
  void AllowOnly(const std::vector<std::string_view>& allowed) const;
  // Find(), reporting a missing key at the mapping.
  const Entry* Require(std::string_view key, std::string_view hint = {}) const;

 private:
  Document* doc_;
  std::string what_;
  SourceLocation where_;
  bool valid_ = false;
  std::vector<Entry> entries_;
};

// A scalar with its place.
struct Scalar {
  std::string text;
  SourceLocation where;
  YAML::Node node;
};

// Typed readers: each reports a value of the wrong kind (naming the key) and returns nullopt.
std::optional<Scalar> ReadScalar(Document& doc, const Entry& entry);
std::optional<std::string> ReadText(Document& doc, const Entry& entry);
std::optional<bool> ReadBool(Document& doc, const Entry& entry);
std::optional<long long> ReadInt(Document& doc, const Entry& entry);
std::optional<double> ReadNumber(Document& doc, const Entry& entry);
// A list of scalars (`[a, b]` or a block list); reports items that are not scalars.
std::optional<std::vector<Scalar>> ReadScalarList(Document& doc, const Entry& entry);

// Strict conversions of scalar text (no YAML involved).
std::optional<bool> ParseBoolText(std::string_view text);
std::optional<long long> ParseIntText(std::string_view text);
std::optional<double> ParseNumberText(std::string_view text);

// 'text', for messages.
std::string Quote(std::string_view text);

// A name usable in expression paths: [A-Za-z_][A-Za-z0-9_]*.
bool IsIdentifier(std::string_view name);

// "known: a, b, c" with the names closest to `wrong` first (at most 12, then "and N more"),
// or "none are declared".
std::string KnownNames(std::string_view wrong, std::vector<std::string> known);
// The known name closest to `wrong` when it is a likely typo, else empty.
std::string ClosestName(std::string_view wrong, const std::vector<std::string>& known);

}  // namespace uitdaag::yaml_internal
