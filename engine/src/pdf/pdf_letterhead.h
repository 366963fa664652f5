// What is printed around the body: the letterhead on the first page and the footer line on
// every page.
#pragma once

#include <string>
#include <vector>

#include "pdf_slices.h"
#include "pdf_style.h"
#include "pdf_text.h"
#include "uitdaag/pdf.h"

namespace uitdaag::pdf_internal {

struct Letterhead {
  std::vector<DrawOp> ops;  // absolute page coordinates
  double bottom = 0;        // the lowest point drawn; the margin top when nothing is
};

// The logo top left, the name in bold top right, the lines under it.
// kIoError when the logo cannot be read as a PNG.
StatusOr<Letterhead> BuildLetterhead(const TextShaper& shaper, const PdfLetterhead& letterhead,
                                     const PageGeometry& page, const LetterStyle& style);

// The footer of page `number` (1-based) of `pages`: `left` at the left margin, the page label
// (when options.page_label is set) at the right margin.
std::vector<DrawOp> BuildFooter(const TextShaper& shaper, const PdfOptions& options, int number,
                                int pages, const PageGeometry& page, const LetterStyle& style);

}  // namespace uitdaag::pdf_internal
