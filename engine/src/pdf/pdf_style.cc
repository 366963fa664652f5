#include "pdf_style.h"

namespace uitdaag::pdf_internal {

LetterStyle::LetterStyle(double s, bool justify_body) {
  body.size = s;
  body.justify = justify_body;
  const double heading_scale[3] = {1.45, 1.15, 1.0};
  for (int i = 0; i < 3; ++i) {
    heading[i].size = s * heading_scale[i];
    heading[i].bold = true;
    heading[i].line_spacing = 1.05;
  }
  heading[2].italic = true;
  heading_space_above[0] = 1.6 * s;
  heading_space_above[1] = 1.3 * s;
  heading_space_above[2] = 1.0 * s;
  heading_space_below[0] = 0.6 * s;
  heading_space_below[1] = 0.35 * s;
  heading_space_below[2] = 0.25 * s;
  paragraph_space = 0.65 * s;
  item_space = 0.25 * s;
  list_indent = 1.6 * s;
  marker_gap = 0.5 * s;

  small.size = 0.75 * s;
  small.gray = 0.3;
  small.line_spacing = 1.1;
  footer.size = 0.75 * s;
  footer.gray = 0.35;
  letterhead_name.size = 1.35 * s;
  letterhead_name.bold = true;
  letterhead_name.align = PANGO_ALIGN_RIGHT;
  table.size = 0.9 * s;
  table.line_spacing = 1.1;
  reference.size = 0.85 * s;
  reference.line_spacing = 1.1;
  cell_padding_x = 0.4 * s;
  cell_padding_y = 0.3 * s;
  reference_gap = 1.2 * s;
  signature_gap = 2.0 * s;
  subject_space = 1.2 * s;
  signature_space = 3.0 * s;
  quote_indent = 1.0 * s;
  rule_width = 0.5;
  rule_gray = 0.45;
  header_fill_gray = 0.92;
}

}  // namespace uitdaag::pdf_internal
