// The vertical list: what the layout hands to pagination, and what pagination hands to drawing.
//
// A Slice is a horizontal strip of the text column that is never split: one line of a paragraph,
// one table row, a rule, or vertical space (glue). Its drawing operations have page x coordinates
// and y relative to the top of the slice. Pagination moves slices onto pages and makes the y
// coordinates absolute.
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <memory>
#include <variant>
#include <vector>

namespace uitdaag::pdf_internal {

// Shared ownership of a Pango layout (g_object_unref when the last holder goes).
using LayoutRef = std::shared_ptr<PangoLayout>;
inline LayoutRef AdoptLayout(PangoLayout* layout) {
  return LayoutRef(layout, g_object_unref);
}

// Shared ownership of a Cairo image surface.
using ImageRef = std::shared_ptr<cairo_surface_t>;
inline ImageRef AdoptImage(cairo_surface_t* image) {
  return ImageRef(image, cairo_surface_destroy);
}

// Line `line` of `layout` with its baseline at y = `baseline`, its left edge at x.
struct TextLineOp {
  LayoutRef layout;
  int line = 0;
  double x = 0, baseline = 0;
  double gray = 0;  // 0 black .. 1 white
};
struct RuleOp {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  double gray = 0;
};
struct FillOp {
  double x = 0, y = 0, width = 0, height = 0;
  double gray = 0.9;
};
struct ImageOp {
  ImageRef image;
  double x = 0, y = 0, scale = 1;
};
using DrawOp = std::variant<TextLineOp, RuleOp, FillOp, ImageOp>;

// Moves an operation down by dy.
void ShiftY(DrawOp& op, double dy);

struct Slice {
  double height = 0;
  std::vector<DrawOp> ops;
  bool glue = false;             // vertical space: dropped at the top of a page
  bool keep_with_next = false;   // no page break between this slice and the next
  double first_page_min_y = -1;  // on the first page, this slice starts no higher than this y
  double baseline = -1;          // the baseline of its first text line, -1 when none
  // A table row: the header row to draw again when the row starts a new page.
  std::shared_ptr<const Slice> repeat_header;
};

// A sequence of slices with the spacing rules of the layout.
class SliceList {
 public:
  // Adds vertical space. Adjacent spaces collapse to the larger (as CSS margins do); space after
  // a slice that is kept with its successor is kept too.
  void AddSpace(double height);
  void Add(Slice slice);
  void Append(SliceList other);
  // No page break between the slices [begin, end).
  void KeepTogether(size_t begin, size_t end);
  // Removes space at the start and the end.
  void TrimSpace();
  double Height() const;

  size_t size() const { return slices_.size(); }
  bool empty() const { return slices_.empty(); }
  Slice& operator[](size_t i) { return slices_[i]; }
  const Slice& operator[](size_t i) const { return slices_[i]; }
  std::vector<Slice>& slices() { return slices_; }
  const std::vector<Slice>& slices() const { return slices_; }

 private:
  std::vector<Slice> slices_;
};

// A page: operations in absolute page coordinates.
struct Page {
  std::vector<DrawOp> ops;
};

}  // namespace uitdaag::pdf_internal
