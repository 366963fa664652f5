// The block tree of a letter fragment: what the HTML subset of uitdaag/pdf.h means, with the
// whitespace already resolved.
//
// Containers (the root, div, li, th, td) hold child blocks; a run of inline content between
// them becomes an anonymous kText child. Paragraphs and headings hold inline runs only. Lists
// hold list items, tables hold sections (thead/tbody) and rows, rows hold cells. Inline markup is
// flattened into runs of text that are bold and/or italic; <br> and the newlines kept by
// white-space: pre-line are '\n' inside a run's text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::pdf_internal {

struct TextRun {
  std::string text;  // UTF-8, whitespace already collapsed; '\n' is a forced line break
  bool bold = false;
  bool italic = false;
};

enum class BlockKind {
  kRoot,
  kText,       // anonymous inline content inside a container
  kParagraph,  // p
  kHeading,    // h1..h3 (level)
  kDiv,
  kList,      // ul, ol (ordered)
  kListItem,  // li
  kTable,
  kTableSection,  // thead (header), tbody
  kRow,           // tr
  kCell,          // th (header), td
  kRule,          // hr
};

struct Block {
  BlockKind kind = BlockKind::kRoot;
  int level = 0;                     // kHeading: 1..3
  bool ordered = false;              // kList: ol
  bool header = false;               // kCell: th; kTableSection: thead
  std::vector<std::string> classes;  // the class attribute, split at whitespace
  int line = 0;                      // line of the start tag in the fragment
  std::vector<TextRun> runs;         // kText, kParagraph, kHeading
  std::vector<Block> children;       // every other kind

  bool HasText() const;  // some run has a character
};

// Parses a fragment into its block tree (kind kRoot).
// kInvalidArgument, naming the element (subject) and the line, for an element outside the subset,
// a block element where only inline content may go, text directly inside a list, table or row,
// a mismatched or missing end tag, nesting deeper than 64 elements, or a tokenizer error.
StatusOr<Block> ParseHtmlBlocks(std::string_view html);

}  // namespace uitdaag::pdf_internal
