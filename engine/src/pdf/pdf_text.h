// TextShaper: turns styled runs into Pango layouts, measures them, and cuts them into line
// slices. All lengths are PDF points (the Pango context runs at 72 dpi).
//
// Styling goes through PangoAttrList over byte ranges, never Pango markup, so no text needs
// escaping. Wrapping is at word boundaries, and inside a word only when the word alone is
// wider than the column.
//
// Thread safety: a TextShaper belongs to one RenderPdf call (its Pango context is not shared).
#pragma once

#include <pango/pango.h>

#include <string>
#include <string_view>
#include <vector>

#include "html_blocks.h"
#include "pdf_slices.h"

namespace uitdaag::pdf_internal {

struct TextStyle {
  double size = 10.5;  // points
  bool bold = false;
  bool italic = false;
  bool justify = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double gray = 0;             // 0 black .. 1 white
  double line_spacing = 1.15;  // times the font's natural line height
};

struct WidthRange {
  double min = 0;  // the widest word: narrower than this, words break
  double max = 0;  // the widest line without wrapping
};

class TextShaper {
 public:
  // REQUIRES: `context` outlives the shaper and every layout it makes.
  TextShaper(PangoContext* context, std::string family);

  // A layout of `runs` wrapped at `width` points (width <= 0: no wrapping).
  LayoutRef Layout(const std::vector<TextRun>& runs, const TextStyle& style, double width) const;
  LayoutRef Layout(std::string_view text, const TextStyle& style, double width) const;

  WidthRange Measure(const std::vector<TextRun>& runs, const TextStyle& style) const;

  // The natural width of a layout's widest line.
  static double Width(PangoLayout* layout);

  // Appends one slice per line of `layout`, its left edge at x.
  static void AppendLines(const LayoutRef& layout, double x, double gray, SliceList& out);

 private:
  PangoContext* context_;
  std::string family_;
};

}  // namespace uitdaag::pdf_internal
