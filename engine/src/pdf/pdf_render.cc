// RenderPdf: parse, lay out, paginate, draw. The only file that talks to the Cairo PDF surface.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "html_blocks.h"
#include "pdf_layout.h"
#include "pdf_letterhead.h"
#include "pdf_paginate.h"
#include "pdf_style.h"
#include "pdf_text.h"
#include "uitdaag/pdf.h"

namespace uitdaag {
namespace {

using pdf_internal::DrawOp;
using pdf_internal::Page;

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};
struct GObjectDeleter {
  void operator()(gpointer object) const { g_object_unref(object); }
};

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void SetGray(cairo_t* cr, double gray) {
  cairo_set_source_rgb(cr, gray, gray, gray);
}

void Draw(cairo_t* cr, const DrawOp& op) {
  std::visit(
      [cr](const auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, pdf_internal::TextLineOp>) {
          SetGray(cr, o.gray);
          cairo_move_to(cr, o.x, o.baseline);
          pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(o.layout.get(), o.line));
        } else if constexpr (std::is_same_v<T, pdf_internal::RuleOp>) {
          SetGray(cr, o.gray);
          cairo_set_line_width(cr, o.width);
          cairo_move_to(cr, o.x0, o.y0);
          cairo_line_to(cr, o.x1, o.y1);
          cairo_stroke(cr);
        } else if constexpr (std::is_same_v<T, pdf_internal::FillOp>) {
          SetGray(cr, o.gray);
          cairo_rectangle(cr, o.x, o.y, o.width, o.height);
          cairo_fill(cr);
        } else {
          cairo_save(cr);
          cairo_translate(cr, o.x, o.y);
          cairo_scale(cr, o.scale, o.scale);
          cairo_set_source_surface(cr, o.image.get(), 0, 0);
          cairo_paint(cr);
          cairo_restore(cr);
        }
      },
      op);
}

void SetMetadata(cairo_surface_t* surface, const PdfOptions& options) {
  const std::pair<cairo_pdf_metadata_t, const std::string*> fields[] = {
      {CAIRO_PDF_METADATA_TITLE, &options.title},
      {CAIRO_PDF_METADATA_SUBJECT, &options.subject},
      {CAIRO_PDF_METADATA_AUTHOR, &options.author},
      {CAIRO_PDF_METADATA_KEYWORDS, &options.keywords},
      {CAIRO_PDF_METADATA_CREATOR, &options.creator},
  };
  for (const auto& [key, value] : fields) {
    if (!value->empty()) cairo_pdf_surface_set_metadata(surface, key, value->c_str());
  }
  if (options.created) {
    const std::string date = options.created->ToLocalString();
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }
}

// A Pango context of its own for this call, at 72 dpi (one unit is one PDF point), with the
// unhinted metrics that suit a vector surface.
std::unique_ptr<PangoContext, GObjectDeleter> MakeContext(cairo_t* cr, PangoFontMap* font_map) {
  std::unique_ptr<PangoContext, GObjectDeleter> context(pango_font_map_create_context(font_map));
  pango_cairo_update_context(cr, context.get());
  std::unique_ptr<cairo_font_options_t, CairoDeleter> font_options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(font_options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(font_options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), font_options.get());
  pango_cairo_context_set_resolution(context.get(), 72.0);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  return context;
}

// The Pango font map of the calling thread. Pango font maps are not thread-safe, but creating
// one per call costs more than the rest of a one-page letter (a fontconfig start-up thread and
// font matching), so each thread keeps one, released when the thread ends.
PangoFontMap* ThreadFontMap() {
  struct Holder {
    std::unique_ptr<PangoFontMap, GObjectDeleter> font_map{pango_cairo_font_map_new()};
  };
  thread_local Holder holder;
  return holder.font_map.get();
}

Status CairoError(cairo_status_t status, const char* doing) {
  return Status::Internal(std::string("cairo failed ") + doing + ": " +
                          cairo_status_to_string(status));
}

}  // namespace

StatusOr<std::string> RenderPdf(std::string_view html_fragment, const PdfOptions& options) {
  StatusOr<pdf_internal::Block> root = pdf_internal::ParseHtmlBlocks(html_fragment);
  if (!root.ok()) return root.status();

  const pdf_internal::PageGeometry page;
  const pdf_internal::LetterStyle style(std::clamp(options.font_size_pt, 4.0, 72.0),
                                        options.justify);
  std::string pdf;
  {
    std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
        cairo_pdf_surface_create_for_stream(AppendToString, &pdf, page.width, page.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      return CairoError(cairo_surface_status(surface.get()), "creating the PDF surface");
    }
    SetMetadata(surface.get(), options);
    std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));

    std::unique_ptr<PangoContext, GObjectDeleter> context = MakeContext(cr.get(), ThreadFontMap());
    const pdf_internal::TextShaper shaper(context.get(), options.font_family);

    StatusOr<pdf_internal::Letterhead> letterhead =
        pdf_internal::BuildLetterhead(shaper, options.letterhead, page, style);
    if (!letterhead.ok()) return letterhead.status();

    const pdf_internal::FlowBuilder flow(shaper, options, page, style);
    std::vector<Page> pages =
        pdf_internal::Paginate(flow.Build(*root), page,
                               std::max(letterhead->bottom + page.letterhead_gap, page.margin_top));

    const int count = static_cast<int>(pages.size());
    for (int number = 1; number <= count; ++number) {
      if (number == 1) {
        for (const DrawOp& op : letterhead->ops) Draw(cr.get(), op);
      }
      for (const DrawOp& op : pages[static_cast<size_t>(number - 1)].ops) Draw(cr.get(), op);
      for (const DrawOp& op :
           pdf_internal::BuildFooter(shaper, options, number, count, page, style)) {
        Draw(cr.get(), op);
      }
      cairo_show_page(cr.get());
      if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
        return CairoError(cairo_status(cr.get()), "drawing a page");
      }
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      return CairoError(cairo_surface_status(surface.get()), "writing the PDF");
    }
  }
  return pdf;
}

}  // namespace uitdaag

// Leak checking in the sanitizer build (UITDAAG_SANITIZE=ON), for every program that renders a
// PDF: fontconfig keeps about 300 bytes of its configuration, parsed once per process when Pango
// first loads it, without a reference LeakSanitizer can see at exit. It does not grow with the
// number of renders (pdf_tests checks one render against hundreds). With the default fast
// unwinder the stack ends inside libfontconfig, so the suppression names the library. Defined
// here, next to RenderPdf, so that it is linked into exactly the programs that use fontconfig.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif
