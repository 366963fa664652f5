// The house style of a letter: page geometry and the sizes and spacing derived from the body
// font size. One place to change how letters look.
#pragma once

#include "pdf_text.h"

namespace uitdaag::pdf_internal {

inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline constexpr double Mm(double mm) {
  return mm * kPointsPerMm;
}

struct PageGeometry {
  double width = Mm(210);
  double height = Mm(297);
  double margin_left = Mm(25);
  double margin_right = Mm(25);
  double margin_top = Mm(20);     // pages after the first
  double margin_bottom = Mm(22);  // the footer sits inside it
  double footer_baseline = Mm(297 - 12);
  double letterhead_top = Mm(14);
  double logo_max_height = Mm(20);
  double logo_max_width = Mm(70);
  double window_top = Mm(50);     // the recipient address starts here (window envelope)
  double window_bottom = Mm(88);  // what follows the address starts no higher than this
  double letterhead_gap = Mm(4);  // between the letterhead and the body on the first page

  double ContentWidth() const { return width - margin_left - margin_right; }
  double BodyBottom() const { return height - margin_bottom; }
  // The height available to content on a page after the first.
  double BodyHeight() const { return BodyBottom() - margin_top; }
};

// Sizes and spaces, all in points, derived from the body size.
struct LetterStyle {
  explicit LetterStyle(double body_size, bool justify_body);

  TextStyle body;        // paragraphs
  TextStyle heading[3];  // h1, h2, h3
  double heading_space_above[3];
  double heading_space_below[3];
  double paragraph_space;  // after a paragraph, list, table or div
  double item_space;       // between list items
  double list_indent;      // the hanging indent of list items
  double marker_gap;       // between a list marker and its text

  TextStyle small;   // sender address, letterhead lines
  TextStyle footer;  // the footer line
  TextStyle letterhead_name;
  TextStyle table;      // data tables
  TextStyle reference;  // the reference table
  double cell_padding_x, cell_padding_y;
  double reference_gap;    // between label and value of the reference table
  double signature_gap;    // between the columns of a signature table
  double subject_space;    // above and below the subject line
  double signature_space;  // above the signer's name
  double quote_indent;     // of quoted text
  double rule_width;       // table rules and <hr>
  double rule_gray;
  double header_fill_gray;
};

}  // namespace uitdaag::pdf_internal
