#include "pdf_letterhead.h"

#include <algorithm>

namespace uitdaag::pdf_internal {
namespace {

// Places every line of `layout` from y downwards; returns the y below the last line.
double PlaceLines(const LayoutRef& layout, double x, double y, double gray,
                  std::vector<DrawOp>& ops) {
  SliceList lines;
  TextShaper::AppendLines(layout, x, gray, lines);
  for (Slice& line : lines.slices()) {
    for (DrawOp& op : line.ops) {
      ShiftY(op, y);
      ops.push_back(std::move(op));
    }
    y += line.height;
  }
  return y;
}

}  // namespace

StatusOr<Letterhead> BuildLetterhead(const TextShaper& shaper, const PdfLetterhead& letterhead,
                                     const PageGeometry& page, const LetterStyle& style) {
  Letterhead out;
  out.bottom = page.margin_top;
  const double top = page.letterhead_top;
  double text_width = page.ContentWidth();

  if (!letterhead.logo_png.empty()) {
    ImageRef image = AdoptImage(cairo_image_surface_create_from_png(letterhead.logo_png.c_str()));
    const cairo_status_t status = cairo_surface_status(image.get());
    if (status != CAIRO_STATUS_SUCCESS) {
      return Status::IoError("cannot read the logo '" + letterhead.logo_png +
                                 "' as a PNG: " + cairo_status_to_string(status),
                             letterhead.logo_png);
    }
    const double w = cairo_image_surface_get_width(image.get());
    const double h = cairo_image_surface_get_height(image.get());
    if (w > 0 && h > 0) {
      const double scale = std::min(page.logo_max_height / h, page.logo_max_width / w);
      out.ops.push_back(ImageOp{image, page.margin_left, top, scale});
      out.bottom = std::max(out.bottom, top + h * scale);
      text_width -= w * scale + Mm(8);
    }
  }

  const double right = page.width - page.margin_right;
  const double x = right - std::max(text_width, Mm(40));
  double y = top;
  if (!letterhead.name.empty()) {
    y = PlaceLines(shaper.Layout(letterhead.name, style.letterhead_name, right - x), x, y,
                   style.letterhead_name.gray, out.ops);
    y += Mm(1);
  }
  TextStyle line_style = style.small;
  line_style.align = PANGO_ALIGN_RIGHT;
  for (const std::string& line : letterhead.lines) {
    y = PlaceLines(shaper.Layout(line, line_style, right - x), x, y, line_style.gray, out.ops);
  }
  out.bottom = std::max(out.bottom, y);
  return out;
}

std::vector<DrawOp> BuildFooter(const TextShaper& shaper, const PdfOptions& options, int number,
                                int pages, const PageGeometry& page, const LetterStyle& style) {
  std::vector<DrawOp> ops;
  const double half = page.ContentWidth() / 2;
  const auto place_one_line = [&](std::string text, double x, PangoAlignment align) {
    if (text.empty()) return;
    std::replace(text.begin(), text.end(), '\n', ' ');
    TextStyle footer = style.footer;
    footer.align = align;
    LayoutRef layout = shaper.Layout(text, footer, half);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_height(layout.get(), -1);  // one line
    SliceList lines;
    TextShaper::AppendLines(layout, x, footer.gray, lines);
    for (DrawOp& op : lines[0].ops) {
      ShiftY(op, page.footer_baseline - lines[0].baseline);
      ops.push_back(std::move(op));
    }
  };
  place_one_line(options.footer, page.margin_left, PANGO_ALIGN_LEFT);
  if (options.page_label) {
    place_one_line(options.page_label(number, pages), page.margin_left + half, PANGO_ALIGN_RIGHT);
  }
  return ops;
}

}  // namespace uitdaag::pdf_internal
