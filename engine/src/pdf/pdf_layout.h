// FlowBuilder: turns the block tree into the vertical list of slices, with the letter's house
// style (pdf_style.h) and the layout roles of the class names (uitdaag/pdf.h, PdfBlockRole).
//
// Keep rules it sets for pagination: all lines of a heading, an address, a closing and a signer
// together, a heading with what follows, the first two and the last two lines of a paragraph
// together (no single line left on a page), a table's header row with its first row.
//
// Thread safety: one builder per RenderPdf call.
#pragma once

#include <vector>

#include "html_blocks.h"
#include "pdf_slices.h"
#include "pdf_style.h"
#include "pdf_text.h"
#include "uitdaag/pdf.h"

namespace uitdaag::pdf_internal {

// Where and how a sequence of blocks is set.
struct Frame {
  double x = 0, width = 0;
  TextStyle text;  // the style of paragraphs and anonymous text in this frame
  double paragraph_space = 0;
  int list_depth = 0;
};

class FlowBuilder {
 public:
  // REQUIRES: all arguments outlive the builder.
  FlowBuilder(const TextShaper& shaper, const PdfOptions& options, const PageGeometry& page,
              const LetterStyle& style);

  // The body of the letter: every block of `root` in the text column.
  SliceList Build(const Block& root) const;

 private:
  Frame BodyFrame() const;
  PdfBlockRole RoleOf(const Block& block) const;

  void Blocks(const std::vector<Block>& blocks, const Frame& frame, SliceList& out) const;
  void Text(const std::vector<TextRun>& runs, const TextStyle& style, const Frame& frame,
            SliceList& out) const;
  void Paragraph(const Block& block, PdfBlockRole role, const Frame& frame, SliceList& out) const;
  void Heading(const Block& block, const Frame& frame, SliceList& out) const;
  void Div(const Block& block, PdfBlockRole role, const Frame& frame, SliceList& out) const;
  void List(const Block& block, const Frame& frame, SliceList& out) const;
  void Rule(const Frame& frame, SliceList& out) const;

  // pdf_table.cc
  void Table(const Block& block, PdfBlockRole role, const Frame& frame, SliceList& out) const;

  // The narrowest and natural widths of blocks set in `frame`'s style.
  WidthRange Measure(const std::vector<Block>& blocks, const Frame& frame) const;

  const TextShaper& shaper_;
  const PdfOptions& options_;
  const PageGeometry& page_;
  const LetterStyle& style_;
};

}  // namespace uitdaag::pdf_internal
