// The layout of letters, measured on the PDF with pdftotext -bbox: where the addresses go,
// wrapping and justification inside the text column, page breaks that keep headings, rows and
// paragraph ends together, page labels, and the first page as a picture.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

#include "pdf/pdf_tools.h"
#include "pdf/sample_letters.h"
#include "uitdaag/pdf.h"

namespace uitdaag::testing {
namespace {

constexpr double kMm = 72 / 25.4;
constexpr double kRightEdge = kPageWidth - kMarginPoints;

PdfOptions NumberedOptions() {
  PdfOptions options;
  options.class_roles = LetterClassRoles();
  options.footer = "Zaaknummer 2026-000042";
  options.page_label = [](int page, int pages) {
    return "blad " + std::to_string(page) + "/" + std::to_string(pages);
  };
  return options;
}

const std::string kSentence =
    "Wij hebben uw aanvraag ontvangen en zorgvuldig bekeken. Hieronder leest u wat wij hebben "
    "besloten en waarom wij dat hebben gedaan, met de gevolgen voor u.";

// `count` paragraphs of about two lines, each starting with prefix + its number.
std::string Paragraphs(int count, const std::string& prefix) {
  std::string html;
  for (int i = 1; i <= count; ++i) {
    html += "<p>" + prefix + std::to_string(i) + " " + kSentence + "</p>\n";
  }
  return html;
}

TEST_CASE("pdf: the addresses sit where a window envelope shows them", "[pdf]") {
  PdfTempDir dir;
  const std::string path = dir.Write("window.pdf", RenderOrFail(kRejectionLetter, LetterOptions()));
  const std::vector<PdfWord> words = PdfWords(path);
  PdfWord sender;  // "Postbus" in the sender block, not the one in the letterhead
  for (const PdfWord& w : words) {
    if (w.text == "Postbus" && w.x_min < kMarginPoints + 1) sender = w;
  }
  REQUIRE(sender.page == 1);
  const PdfWord recipient = FindWord(words, "Stichting");
  const PdfWord date_label = FindWord(words, "Datum");
  const PdfWord date_value = FindWord(words, "13");
  const PdfWord subject = FindWord(words, "Onderwerp:");
  const PdfWord name = FindWord(words, "Gemeente");
  REQUIRE(recipient.page == 1);
  // The recipient starts 50 mm from the top, at the left margin.
  CHECK(recipient.y_min == Approx(50 * kMm).margin(2 * kMm));
  CHECK(recipient.x_min == Approx(kMarginPoints).margin(1));
  // The sender is small, just above it.
  CHECK(sender.y_max < recipient.y_min);
  CHECK(sender.y_max > recipient.y_min - 6 * kMm);
  CHECK(sender.y_max - sender.y_min < recipient.y_max - recipient.y_min);
  // The letterhead name is on top, right aligned.
  CHECK(name.y_max < sender.y_min);
  CHECK(FindWord(words, "Voorbeeldstad").x_max == Approx(kRightEdge).margin(1));
  // The reference table is below the window, its values in one column after the labels.
  CHECK(date_label.y_min >= 88 * kMm - 1);
  CHECK(date_value.x_min > FindWord(words, "Behandeld").x_min + 40);
  CHECK(FindWord(words, "2026-000042").x_min == Approx(date_value.x_min).margin(0.5));
  CHECK(subject.y_min > date_label.y_max);
}

TEST_CASE("pdf: wrapping keeps every word inside the text column", "[pdf]") {
  const std::string long_word(400, 'x');
  const std::string html = "<p>Begin " + long_word + " eind.</p>" + Paragraphs(3, "Alinea ") +
                           "<table class=\"criteria\"><tr><td>" + std::string(200, 'y') +
                           "</td><td>kort</td></tr></table>"
                           "<ul><li>" +
                           std::string(200, 'z') + "</li></ul>";
  PdfTempDir dir;
  const std::string path = dir.Write("wrap.pdf", RenderOrFail(html, NumberedOptions()));
  const std::vector<PdfWord> words = PdfWords(path);
  REQUIRE(words.size() > 50);
  for (const PdfWord& w : words) {
    INFO(w.text << " " << w.x_min << ".." << w.x_max);
    CHECK(w.x_min >= kMarginPoints - 0.5);
    CHECK(w.x_max <= kRightEdge + 0.5);
  }
  // The long word is broken, not lost.
  std::string xs;
  for (const PdfWord& w : words) {
    if (w.text.find_first_not_of('x') == std::string::npos) xs += w.text;
  }
  CHECK(xs == long_word);
}

// The right end of each line of the paragraph whose first word is `first`.
std::vector<double> LineEnds(const std::vector<PdfWord>& words, const std::string& first) {
  std::vector<double> ends;
  bool inside = false;
  double line_y = -1;
  for (const PdfWord& w : words) {
    if (w.text == first) inside = true;
    if (!inside) continue;
    if (std::abs(w.y_min - line_y) > 2) {
      if (!ends.empty() && w.text.find("Alinea") == 0) break;  // the next paragraph
      ends.push_back(w.x_max);
      line_y = w.y_min;
    } else {
      ends.back() = w.x_max;
    }
  }
  return ends;
}

TEST_CASE("pdf: body paragraphs are justified unless told otherwise", "[pdf]") {
  const std::string html =
      "<p>Alinea " + kSentence + " " + kSentence + " " + kSentence + "</p><p>Alinea twee.</p>";
  PdfTempDir dir;
  PdfOptions options = NumberedOptions();
  SECTION("justified: every line but the last ends at the right margin") {
    const std::vector<double> ends =
        LineEnds(PdfWords(dir.Write("justify.pdf", RenderOrFail(html, options))), "Alinea");
    REQUIRE(ends.size() >= 3);
    for (size_t i = 0; i + 1 < ends.size(); ++i) CHECK(ends[i] == Approx(kRightEdge).margin(1));
    CHECK(ends.back() < kRightEdge - 20);
  }
  SECTION("ragged: lines end where their last word ends") {
    options.justify = false;
    const std::vector<double> ends =
        LineEnds(PdfWords(dir.Write("ragged.pdf", RenderOrFail(html, options))), "Alinea");
    REQUIRE(ends.size() >= 3);
    int short_lines = 0;
    for (size_t i = 0; i + 1 < ends.size(); ++i) short_lines += ends[i] < kRightEdge - 3 ? 1 : 0;
    CHECK(short_lines >= 1);
  }
}

TEST_CASE("pdf: long text flows onto more pages, labelled by the callback", "[pdf]") {
  PdfTempDir dir;
  const std::string path = dir.Write(
      "long.pdf", RenderOrFail(Paragraphs(40, "Alinea ") + "<p>Slotzin.</p>", NumberedOptions()));
  const int pages = PageCount(path);
  REQUIRE(pages >= 2);
  const std::string total = std::to_string(pages);
  for (int page = 1; page <= pages; ++page) {
    const std::string text = PdfText(path, page, page);
    CHECK_THAT(text, Catch::Contains("blad " + std::to_string(page) + "/" + total));
    CHECK_THAT(text, Catch::Contains("Zaaknummer 2026-000042"));
  }
  CHECK_THAT(PdfText(path, 1, 1), Catch::Contains("Alinea 1 "));
  CHECK_THAT(PdfText(path, pages, pages), Catch::Contains("Slotzin."));
  // Nothing runs into the footer.
  for (const PdfWord& w : PdfWords(path)) {
    if (w.text == "Zaaknummer" || w.text == "2026-000042" || w.text == "blad" ||
        w.text.find('/') != std::string::npos) {
      continue;
    }
    INFO(w.text << " on page " << w.page);
    CHECK(w.y_max <= 297 * kMm - 22 * kMm + 0.5);
  }
}

// A paragraph of `lines` short lines: moves what follows down one line at a time.
std::string Spacer(int lines) {
  std::string html = "<p>";
  for (int i = 0; i < lines; ++i) html += std::string(i ? "<br>" : "") + "regel";
  return html + "</p>\n";
}

TEST_CASE("pdf: a heading is never the last thing on a page", "[pdf]") {
  // Push the heading down one line at a time until it has crossed the page break.
  PdfTempDir dir;
  bool crossed = false;
  for (int lines = 1; lines <= 60 && !crossed; ++lines) {
    const std::string html = Paragraphs(14, "Alinea ") + Spacer(lines) +
                             "<h2>Kopregel</h2><p>Eerste " + kSentence + "</p>";
    const std::vector<PdfWord> words =
        PdfWords(dir.Write("heading.pdf", RenderOrFail(html, NumberedOptions())));
    const PdfWord heading = FindWord(words, "Kopregel");
    const PdfWord next = FindWord(words, "Eerste");
    INFO("spacer lines: " << lines);
    REQUIRE(heading.page >= 1);
    CHECK(heading.page == next.page);
    crossed = heading.page == 2;
  }
  CHECK(crossed);
}

TEST_CASE("pdf: table rows stay whole and the header row repeats", "[pdf]") {
  std::string html = Paragraphs(8, "Alinea ") +
                     "<table class=\"criteria\"><thead><tr><th scope=\"col\">Kolom</th>"
                     "<th scope=\"col\">Toelichting</th></tr></thead><tbody>";
  for (int row = 1; row <= 30; ++row) {
    const std::string n = std::to_string(row);
    html += "<tr><td>rij" + n + "</td><td style=\"white-space: pre-line\">begin" + n + "\nmidden" +
            n + "\neind" + n + "</td></tr>";
  }
  html += "</tbody></table>";
  PdfTempDir dir;
  const std::string path = dir.Write("rows.pdf", RenderOrFail(html, NumberedOptions()));
  const int pages = PageCount(path);
  REQUIRE(pages >= 2);
  const std::vector<PdfWord> words = PdfWords(path);
  for (int row = 1; row <= 30; ++row) {
    const std::string n = std::to_string(row);
    INFO("row " << n);
    const PdfWord begin = FindWord(words, "begin" + n);
    REQUIRE(begin.page >= 1);
    CHECK(FindWord(words, "eind" + n).page == begin.page);
    CHECK(FindWord(words, "rij" + n).page == begin.page);
  }
  for (int page = 1; page <= pages; ++page) {
    CHECK_THAT(PdfText(path, page, page), Catch::Contains("Kolom"));
  }
}

TEST_CASE("pdf: a paragraph never leaves a single line on a page", "[pdf]") {
  // Push a four-line paragraph across the page break one line at a time.
  PdfTempDir dir;
  bool crossed = false;
  for (int lines = 1; lines <= 60 && !crossed; ++lines) {
    const std::string html = Paragraphs(14, "Alinea ") + Spacer(lines) + "<p>Laatste " + kSentence +
                             " " + kSentence + " " + kSentence + "</p>";
    const std::vector<PdfWord> words =
        PdfWords(dir.Write("widow.pdf", RenderOrFail(html, NumberedOptions())));
    // The lines of the last paragraph on each page (the footer excluded).
    std::map<int, std::set<long>> lines_on;
    bool inside = false;
    for (const PdfWord& w : words) {
      if (w.text == "Laatste") inside = true;
      if (inside && w.y_max < 297 * kMm - 22 * kMm) lines_on[w.page].insert(std::lround(w.y_min));
    }
    INFO("spacer lines: " << lines);
    REQUIRE(!lines_on.empty());
    size_t total = 0;
    for (const auto& [page, ys] : lines_on) total += ys.size();
    REQUIRE(total >= 4);
    for (const auto& [page, ys] : lines_on) CHECK(ys.size() >= 2);
    crossed = lines_on.begin()->first == 2;
  }
  CHECK(crossed);
}

TEST_CASE("pdf: the first page of a letter as a picture", "[pdf]") {
  // Renders the rejection letter's first page at 60 dpi, as people look at it to judge the
  // layout; here it only has to be a picture of an A4 page with ink on it.
  PdfTempDir dir;
  const std::string path = dir.Write("letter.pdf", RenderOrFail(kRejectionLetter, LetterOptions()));
  const CommandResult r = RunCommand("pdftoppm -png -r 60 -f 1 -l 1 -singlefile " + Quoted(path) +
                                     " " + Quoted(dir.File("page1")));
  REQUIRE(r.exit_code == 0);
  std::ifstream png(dir.File("page1.png"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(png)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 24);
  CHECK(bytes.substr(1, 3) == "PNG");
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  CHECK(be32(16) == Approx(496).margin(1));  // 210 mm at 60 dpi
  CHECK(be32(20) == Approx(702).margin(1));  // 297 mm
  CHECK(bytes.size() > 20000);               // a blank page compresses to far less
}

}  // namespace
}  // namespace uitdaag::testing
