// HtmlTokenizer: splits an HTML fragment into text, start tags and end tags, with line numbers.
//
// Names are lower-cased; attribute values and text have their character references decoded
// (html_entities.h); comments are dropped. Nothing is checked about which elements exist or how
// they nest: that is html_blocks.cc's job.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::pdf_internal {

struct HtmlToken {
  enum class Kind { kText, kStartTag, kEndTag };
  Kind kind = Kind::kText;
  std::string name;                               // tags: the lower-case element name
  std::string text;                               // kText: decoded text
  std::map<std::string, std::string> attributes;  // kStartTag: lower-case name -> decoded value
  int line = 1;                                   // where the token starts (1-based)
};

// kInvalidArgument for invalid UTF-8, an unterminated tag or comment, a '<' that starts no tag,
// a declaration or processing instruction (<!DOCTYPE>, <?xml?>), or a bad character reference.
StatusOr<std::vector<HtmlToken>> TokenizeHtml(std::string_view html);

}  // namespace uitdaag::pdf_internal
