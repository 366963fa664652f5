// Reading the tags of a Mustache template with their places, for the checks that kainjow's
// parser does not make: the tags the house allows, balanced sections, and (with a schema, see
// context_schema.h) the names a template uses.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace uitdaag::letters_internal {

struct TemplateTag {
  enum class Kind {
    kVariable,      // {{name}}
    kSection,       // {{#name}}
    kInverted,      // {{^name}}
    kClose,         // {{/name}}
    kPartial,       // {{> name}}
    kComment,       // {{! ...}}
    kUnescaped,     // {{{name}}} or {{& name}}: refused
    kSetDelimiter,  // {{= | | =}}: refused
  };
  Kind kind = Kind::kVariable;
  std::string name;  // trimmed; empty for comments
  int line = 1;      // 1-based, of the opening {{
  int column = 1;    // 1-based, in bytes
};

struct TemplateProblem {
  int line = 1;
  int column = 1;
  std::string message;
};

struct TemplateScan {
  std::vector<TemplateTag> tags;        // in order
  std::vector<TemplateProblem> problems;  // refused tags, unclosed tags, unbalanced sections
};

// Scans `text`. Every tag is listed, also the refused ones (they are problems too).
TemplateScan ScanTemplate(std::string_view text);

}  // namespace uitdaag::letters_internal
