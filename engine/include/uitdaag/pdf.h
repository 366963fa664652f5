// The letter typesetter: an HTML fragment (what a Mustache letter template renders) in, an A4 PDF
// out, laid out with Pango and drawn with Cairo; plus an optional PDF/A-2b conversion with
// Ghostscript.
//
// The input is an HTML body fragment (no html/head/body) in UTF-8, written in a small subset:
//   block:  p h1 h2 h3 div ul ol li table thead tbody tr th td hr
//   inline: strong b em i br span a (a link prints as its text)
//   attributes: class (mapped to a layout role through PdfOptions::class_roles),
//     style="white-space: pre-line" (keeps the newlines of the text), scope, href; any other
//     attribute is ignored
//   entities: &amp; &lt; &gt; &quot; &#39; &apos; &nbsp; &#NNN; &#xHH;
//   comments <!-- ... --> are skipped.
// Whitespace collapses as in HTML, except that under pre-line the newlines stay. Every element
// outside the subset (img, script, style, ...) is refused, as is malformed markup (a closing tag
// that does not match, a block inside a paragraph, text directly inside a table). Values that
// Mustache escaped (&lt;script&gt;) are printed as literal text.
//
// Page layout: A4 with 25 mm side margins. The letterhead goes on top of the first page; the
// footer line (PdfOptions::footer left, page_label right) on every page. Headings are kept with
// the block that follows them, paragraphs are not split to leave a single line on either page,
// table rows are never split across pages unless a row is taller than a page, and the header row
// of a table is repeated on the next page. The fonts used are embedded as subsets.
//
// Thread safety: RenderPdf and ConvertToPdfA are reentrant and may run concurrently from any
// number of threads. RenderPdf builds its layouts and Cairo surface per call; the Pango font map
// (the font matching cache) is kept per thread, created on a thread's first call and released
// when the thread ends, so fonts installed later are seen by new threads only. ConvertToPdfA
// works in a temporary directory of its own. Options are only read.
//
// Cost (release build, one core): about 2.5 ms for a one-page letter, 6 ms for a two-page letter
// with a table; the first call in a process adds 25-45 ms of font set-up, a thread's first call
// about 5-15 ms. ConvertToPdfA takes about 0.5 s (a Ghostscript process).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/instant.h"
#include "uitdaag/status.h"

namespace uitdaag {

// What a `class` attribute asks of the layout. The class names themselves are the
// municipality's vocabulary (the templates' data contract) and are supplied by the caller in
// PdfOptions::class_roles. For templates/ the mapping is:
//   afzender -> kSenderAddress, geadresseerde -> kRecipientAddress, kenmerken -> kReferenceTable,
//   onderwerp -> kSubject, vrije-tekst -> kQuotedText, criteria and overzicht -> kDataTable,
//   ondertekening -> kClosing, ondertekenaar -> kSigner, handtekeningen -> kSignatureTable.
enum class PdfBlockRole {
  kNone,              // the default style of the element
  kSenderAddress,     // small grey lines just above the recipient, inside the envelope window
  kRecipientAddress,  // first page, left, starting 50 mm from the top (window envelope)
  kReferenceTable,    // a compact two-column table (date, case number) without rules, labels bold
  kSubject,           // bold, with room above and below
  kQuotedText,        // text written by someone else: indented with a thin bar on its left
  kDataTable,         // full width, thin rules, a shaded header row (the default for tables)
  kClosing,           // the closing formula; kept on the page of the signer block
  kSigner,            // the signer's name: room above it for a handwritten signature
  kSignatureTable,    // side-by-side signature columns of equal width, without rules
};

struct PdfLetterhead {
  std::string name;                // printed top right in bold (e.g. the municipality's name)
  std::vector<std::string> lines;  // address and contact lines under the name
  std::string logo_png;            // optional path to a PNG, drawn top left, scaled to fit
};

struct PdfOptions {
  // Document metadata (the PDF Info dictionary). Empty fields are left out.
  std::string title, subject, author, keywords, creator;
  // The creation and modification date. Unset: Cairo's own default (the time of rendering).
  std::optional<Instant> created;

  PdfLetterhead letterhead;  // drawn on the first page only; all fields may be empty
  std::string footer;        // left footer text on every page (e.g. the case number)
  // Right footer text for page `page` (1-based) of `pages`; an empty function prints none.
  // Called on the calling thread, during RenderPdf, once per page.
  std::function<std::string(int page, int pages)> page_label;

  std::string font_family = "DejaVu Serif";
  double font_size_pt = 10.5;  // body text; headings, tables and footer are sized from it
  bool justify = true;         // justify body paragraphs (tables, addresses are never justified)

  // Layout role per class name (see PdfBlockRole). Classes not in the map are ignored.
  std::map<std::string, PdfBlockRole, std::less<>> class_roles;
};

// Typesets `html_fragment` into a PDF document (the bytes of the file).
// Errors:
//   kInvalidArgument  an element outside the subset, malformed markup, an unknown entity or
//                     invalid UTF-8; the message names the element and the line of the fragment
//                     ("line 7: element <img> is not supported"); subject() is the element
//                     name (or the entity) at fault, empty for invalid UTF-8
//   kIoError          the letterhead logo cannot be read as a PNG
//   kInternal         Cairo reports an error
// REQUIRES: font_size_pt in [4, 72]; a smaller or larger size is clamped to that range.
StatusOr<std::string> RenderPdf(std::string_view html_fragment, const PdfOptions& options);

struct PdfAOptions {
  std::string ghostscript = "gs";  // a program name looked up in PATH, or a path
  std::string icc_profile = "/usr/share/color/icc/ghostscript/srgb.icc";  // an RGB profile
  std::string temp_dir;  // where the temporary files go; empty: $TMPDIR, else /tmp
};

// Converts a PDF to PDF/A-2b with Ghostscript (pdfwrite, -dPDFA=2, colours converted to RGB,
// the ICC profile as output intent). Ghostscript is told to fail rather than drop anything PDF/A
// forbids (-dPDFACompatibilityPolicy=2). The work happens in a fresh private directory under
// temp_dir that is always removed, whatever the outcome. There is no time limit.
// Errors:
//   kInvalidArgument  `pdf` does not start with "%PDF-"
//   kUnavailable      the Ghostscript program cannot be found or started
//   kNotFound         the ICC profile does not exist
//   kIoError          the temporary directory or its files cannot be created or read
//   kInternal         Ghostscript failed; the message ends with the tail of its error output
StatusOr<std::string> ConvertToPdfA(std::string_view pdf, const PdfAOptions& options);

}  // namespace uitdaag
