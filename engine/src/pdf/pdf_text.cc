#include "pdf_text.h"

#include <algorithm>
#include <memory>

namespace uitdaag::pdf_internal {
namespace {

double ToPoints(int pango_units) {
  return static_cast<double>(pango_units) / PANGO_SCALE;
}
int ToPango(double points) {
  return static_cast<int>(points * PANGO_SCALE + 0.5);
}

struct AttrListDeleter {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

}  // namespace

TextShaper::TextShaper(PangoContext* context, std::string family)
    : context_(context), family_(std::move(family)) {}

LayoutRef TextShaper::Layout(const std::vector<TextRun>& runs, const TextStyle& style,
                             double width) const {
  std::string text;
  std::unique_ptr<PangoAttrList, AttrListDeleter> attrs(pango_attr_list_new());
  for (const TextRun& run : runs) {
    const auto start = static_cast<guint>(text.size());
    text += run.text;
    const auto end = static_cast<guint>(text.size());
    if (run.bold && !style.bold) {
      PangoAttribute* attr = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert(attrs.get(), attr);
    }
    if (run.italic && !style.italic) {
      PangoAttribute* attr = pango_attr_style_new(PANGO_STYLE_ITALIC);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert(attrs.get(), attr);
    }
  }
  LayoutRef layout = Layout(text, style, width);
  pango_layout_set_attributes(layout.get(), attrs.get());
  return layout;
}

LayoutRef TextShaper::Layout(std::string_view text, const TextStyle& style, double width) const {
  LayoutRef layout = AdoptLayout(pango_layout_new(context_));
  std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> font(pango_font_description_new());
  pango_font_description_set_family(font.get(), family_.c_str());
  pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(),
                                   style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width(layout.get(), width > 0 ? ToPango(width) : -1);
  pango_layout_set_alignment(layout.get(), style.align);
  pango_layout_set_justify(layout.get(), style.justify && width > 0);
  pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double TextShaper::Width(PangoLayout* layout) {
  double widest = 0;
  const int lines = pango_layout_get_line_count(layout);
  for (int i = 0; i < lines; ++i) {
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, i), nullptr, &logical);
    widest = std::max(widest, ToPoints(logical.width));
  }
  return widest;
}

WidthRange TextShaper::Measure(const std::vector<TextRun>& runs, const TextStyle& style) const {
  WidthRange range;
  TextStyle plain = style;
  plain.justify = false;
  plain.align = PANGO_ALIGN_LEFT;
  LayoutRef natural = Layout(runs, plain, 0);
  range.max = Width(natural.get());
  // Wrapped at a tiny width, each word gets a line of its own.
  LayoutRef words = Layout(runs, plain, 0.01);
  pango_layout_set_wrap(words.get(), PANGO_WRAP_WORD);
  range.min = std::min(Width(words.get()), range.max);
  return range;
}

void TextShaper::AppendLines(const LayoutRef& layout, double x, double gray, SliceList& out) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  int index = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const int baseline = pango_layout_iter_get_baseline(iter);
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    Slice slice;
    slice.height = ToPoints(y1 - y0);
    slice.baseline = ToPoints(baseline - y0);
    slice.ops.push_back(TextLineOp{layout, index, x + ToPoints(logical.x), slice.baseline, gray});
    out.Add(std::move(slice));
    ++index;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

}  // namespace uitdaag::pdf_internal
