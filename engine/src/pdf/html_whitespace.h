// White space processing of inline content, as CSS does it for white-space: normal and pre-line.
#pragma once

#include <string>
#include <vector>

#include "html_blocks.h"

namespace uitdaag::pdf_internal {

// Inline content as written: text with its style, or a forced break (<br>).
struct RawRun {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool pre_line = false;  // newlines in `text` are kept
  bool line_break = false;
};

// Collapses each sequence of spaces, tabs and newlines (newlines only when not pre_line) into one
// space, drops spaces at the start and end of each line, turns breaks into '\n' and drops one
// trailing line break (as a browser does not show an empty last line). U+00A0 is not white
// space. Runs that end up empty are dropped; neighbouring runs of the same style are merged.
std::vector<TextRun> CollapseWhitespace(const std::vector<RawRun>& raw);

}  // namespace uitdaag::pdf_internal
