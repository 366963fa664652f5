// TemplateLibrary: the letter templates of one folder (templates/README.md is their contract),
// checked when loaded and rendered with Mustache (kainjow).
//
// Load() reads every `<name>.mustache` in the folder: `_<name>` files are partials, the others
// letters. It refuses, with file:line:column, what the house does not allow: unescaped output
// ({{{x}}}, {{& x}}), changed delimiters, unbalanced sections, a partial that does not exist or
// includes itself, and files over kMaxTemplateBytes.
//
// CheckWorkflow() resolves every name the workflow's letters use (through their partials, with
// the section nesting a Mustache renderer applies) against the data the renderer provides for
// that workflow, and reports each name it cannot provide: a misspelt field, a deadline the
// workflow does not have, a criterion attribute that does not exist.
//
// Render() turns a context (a Value record of texts, booleans, lists and records, built by
// letter_context.h) into an HTML fragment; every value is HTML-escaped (& < > " '). Empty texts
// count as absent, so {{^x}} shows and {{#x}} hides.
//
// Errors: kNotFound for an unknown template name; kInvalidArgument when the context is not a
// record; kInternal when the Mustache renderer reports an error.
//
// Thread safety: immutable after Load(); Render() may be called from several threads at once.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/loader.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

class TemplateLibrary {
 public:
  static constexpr size_t kMaxTemplateBytes = 256 * 1024;

  struct LoadResult {
    std::shared_ptr<const TemplateLibrary> library;  // null when there is any error
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return library != nullptr; }
  };
  static LoadResult Load(const std::string& dir);

  const std::string& dir() const { return dir_; }
  bool Has(std::string_view name) const;
  // The letters (not the partials), sorted.
  std::vector<std::string> LetterNames() const;
  // Lowercase hex SHA-256 over the template's text and the texts of every partial it includes
  // (transitively, in name order): stored with each letter as the template version.
  StatusOr<std::string> Version(std::string_view name) const;

  std::vector<Diagnostic> CheckWorkflow(const WorkflowDefinition& def) const;

  StatusOr<std::string> Render(std::string_view name, const Value& context) const;

 private:
  struct Template {
    std::string name;
    std::string file;
    std::string text;
    std::vector<std::string> partials;  // included directly, in order of first use
  };
  std::vector<std::string> PartialClosure(const Template& t) const;

  std::string dir_;
  std::map<std::string, Template, std::less<>> templates_;
};

}  // namespace uitdaag
