// RenderPdf on real letters: the text, its order and escaping, metadata, fonts, the letterhead,
// the refusal of markup outside the subset, and rendering from several threads at once. Every
// PDF is checked with poppler-utils, as a reader of the letter would see it.
#include "uitdaag/pdf.h"

#include <catch2/catch.hpp>
#include <thread>

#include "pdf/pdf_tools.h"
#include "pdf/sample_letters.h"

namespace uitdaag::testing {
namespace {

PdfOptions PlainOptions() {
  PdfOptions options;
  options.class_roles = LetterClassRoles();
  return options;
}

// The positions of `needles` in `haystack`, in order; fails when one is missing.
void CheckInOrder(const std::string& haystack, const std::vector<std::string>& needles) {
  size_t at = 0;
  for (const std::string& needle : needles) {
    INFO("looking for '" << needle << "' after offset " << at << " in:\n" << haystack);
    const size_t found = haystack.find(needle, at);
    REQUIRE(found != std::string::npos);
    at = found + needle.size();
  }
}

TEST_CASE("pdf: a letter's text appears in reading order", "[pdf]") {
  PdfTempDir dir;
  const std::string path = dir.Write("letter.pdf", RenderOrFail(kRejectionLetter, LetterOptions()));
  const std::string text = Flatten(PdfText(path, 0, 0, true));
  CheckInOrder(text, {
                         "Gemeente Voorbeeldstad",  // letterhead
                         "Stadhuisplein 1",
                         "Postbus 1234 1000 AB Voorbeeldstad",  // sender
                         "Stichting Buurtgroen Oost t.a.v. mevrouw J. de Vries Lindelaan 12",
                         "Datum 13 maart 2026",
                         "Zaaknummer 2026-000042",
                         "Onderwerp: besluit over uw uitdaging “Groen onderhoud Lindelaan”",
                         "Beste mevrouw J. de Vries,",
                         "Ons besluit",
                         "Waarom nemen wij dit besluit?",
                         "Het plan is sympathiek",
                         "Punt Score Voldoende? Waarom",
                         "Maatschappelijke 4 van 5 ja Het plan betrekt veel buurtbewoners",
                         "Continuïteit 1 van 5 nee (minimaal 3 Er is één hovenier",
                         "De begroting van € 18.500 per jaar is reëel.",
                         "Gewogen totaalscore",
                         "Bent u het niet eens met dit besluit?",
                         "Termijn:",
                         "Met vriendelijke groet,",
                         "drs. A.B. de Boer teamleider Wijken",
                     });
}

TEST_CASE("pdf: escaped markup in values prints as literal text", "[pdf]") {
  PdfTempDir dir;
  const std::string path =
      dir.Write("escaped.pdf",
                RenderOrFail("<p>Waarde: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; "
                             "&#39;y&#39; &#x27;z&#x27; &#8364;&#x20AC;</p>",
                             PlainOptions()));
  const std::string text = PdfText(path);
  CHECK_THAT(text, Catch::Contains("<script>alert(1)</script>"));
  CHECK_THAT(text, Catch::Contains("& \"x\" 'y' 'z' €€"));
}

TEST_CASE("pdf: no-break spaces do not collapse", "[pdf]") {
  PdfTempDir dir;
  const std::vector<PdfWord> words = PdfWords(
      dir.Write("nbsp.pdf", RenderOrFail("<p>a&nbsp;&nbsp;&nbsp;b c   d</p>", PlainOptions())));
  const double three = FindWord(words, "b").x_min - FindWord(words, "a").x_max;
  const double one = FindWord(words, "d").x_min - FindWord(words, "c").x_max;
  REQUIRE(one > 1);
  CHECK(three == Approx(3 * one).epsilon(0.15));
}

TEST_CASE("pdf: white space collapses, except newlines under pre-line", "[pdf]") {
  PdfTempDir dir;
  const std::string path = dir.Write(
      "space.pdf", RenderOrFail("<p>  een   twee\n\n   drie  <br>\n   vier</p>\n"
                                "<div style=\"white-space: pre-line\">vijf   zes\n  zeven</div>\n"
                                "<p><strong>vet</strong> <em>schuin</em>tekst</p>",
                                PlainOptions()));
  const std::string text = PdfText(path);
  CHECK_THAT(text, Catch::Contains("een twee drie\nvier\n"));
  CHECK_THAT(text, Catch::Contains("vijf zes\nzeven\n"));
  CHECK_THAT(text, Catch::Contains("vet schuintekst"));
}

TEST_CASE("pdf: lists get bullets and numbers", "[pdf]") {
  PdfTempDir dir;
  const std::string path = dir.Write(
      "lists.pdf", RenderOrFail("<ul><li>appel</li><li>peer<ul><li>conference</li></ul></li></ul>"
                                "<ol><li>eerste</li><li>tweede</li><li>derde</li></ol>",
                                PlainOptions()));
  const std::vector<PdfWord> words = PdfWords(path);
  const PdfWord bullet = FindWord(words, "\xE2\x80\xA2");
  const PdfWord dash = FindWord(words, "\xE2\x80\x93");
  const PdfWord apple = FindWord(words, "appel");
  const PdfWord nested = FindWord(words, "conference");
  const PdfWord three = FindWord(words, "3.");
  const PdfWord third = FindWord(words, "derde");
  REQUIRE(bullet.page == 1);
  REQUIRE(dash.page == 1);
  REQUIRE(three.page == 1);
  // The marker hangs left of its text, on the same line; a nested list is indented further.
  CHECK(bullet.x_max < apple.x_min);
  CHECK(bullet.y_max > apple.y_min);
  CHECK(bullet.y_min < apple.y_max);
  CHECK(nested.x_min > apple.x_min + 10);
  CHECK(dash.x_max < nested.x_min);
  CHECK(three.x_max < third.x_min);
  CHECK(FindWord(words, "eerste").x_min == Approx(third.x_min).margin(0.5));
}

TEST_CASE("pdf: metadata shows in pdfinfo", "[pdf]") {
  PdfTempDir dir;
  PdfOptions options = LetterOptions();
  options.created = Instant::FromLocal(Date::FromYmd(2026, 3, 13), 10, 30);
  const std::string path = dir.Write("meta.pdf", RenderOrFail(kRejectionLetter, options));
  const std::string info = Poppler("pdfinfo -isodates", path);
  CHECK(std::regex_search(info, std::regex(R"(Title:\s+Besluit op uw uitdaging)")));
  CHECK(std::regex_search(info, std::regex(R"(Subject:\s+Zaak 2026-000042)")));
  CHECK(std::regex_search(info, std::regex(R"(Author:\s+Gemeente Voorbeeldstad)")));
  CHECK(std::regex_search(info, std::regex(R"(Keywords:\s+besluit_afwijzing 2026-000042)")));
  CHECK(std::regex_search(info, std::regex(R"(Creator:\s+uitdaag)")));
  CHECK(std::regex_search(info, std::regex(R"(CreationDate:\s+2026-03-13T10:30:00\+01)")));
  CHECK(std::regex_search(info, std::regex(R"(Page size:\s+595\.276 x 841\.89 pts \(A4\))")));
}

TEST_CASE("pdf: the same input gives the same bytes", "[pdf]") {
  PdfOptions options = LetterOptions();
  options.created = Instant::FromLocal(Date::FromYmd(2026, 3, 13), 10, 30);
  CHECK(RenderOrFail(kRejectionLetter, options) == RenderOrFail(kRejectionLetter, options));
}

TEST_CASE("pdf: the fonts are embedded as subsets", "[pdf]") {
  PdfTempDir dir;
  const std::string path = dir.Write("fonts.pdf", RenderOrFail(kRejectionLetter, LetterOptions()));
  const std::string fonts = Poppler("pdffonts", path);
  std::istringstream lines(fonts);
  std::string line;
  int rows = 0;
  bool bold = false;
  while (std::getline(lines, line)) {
    if (line.find("DejaVuSerif") == std::string::npos) continue;
    ++rows;
    bold = bold || line.find("DejaVuSerif-Bold") != std::string::npos;
    INFO(line);
    CHECK(std::regex_search(line, std::regex(R"(^[A-Z]{6}\+)")));      // a subset tag
    CHECK(std::regex_search(line, std::regex(R"(\s+yes\s+yes\s+)")));  // emb, sub
  }
  CHECK(rows >= 2);
  CHECK(bold);
}

TEST_CASE("pdf: the font family comes from the options", "[pdf]") {
  PdfTempDir dir;
  PdfOptions options = PlainOptions();
  options.font_family = "DejaVu Sans";
  const std::string fonts =
      Poppler("pdffonts", dir.Write("sans.pdf", RenderOrFail("<p>Schreefloos.</p>", options)));
  CHECK_THAT(fonts, Catch::Contains("+DejaVuSans "));
  CHECK_THAT(fonts, !Catch::Contains("DejaVuSerif"));
}

TEST_CASE("pdf: the letterhead logo is drawn on the first page only", "[pdf]") {
  // An 8x4 red RGB PNG.
  const unsigned char kPng[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3c,
      0xaf, 0xe9, 0xa7, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x38,
      0x21, 0x27, 0x87, 0x15, 0x31, 0x50, 0x4f, 0x02, 0x00, 0x6e, 0xfe, 0x20, 0x81, 0x40, 0x47,
      0x2a, 0x01, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  PdfTempDir dir;
  PdfOptions options = LetterOptions();
  options.letterhead.logo_png =
      dir.Write("logo.png", std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));

  SECTION("a readable PNG is embedded once, on page 1") {
    const std::string path = dir.Write("logo.pdf", RenderOrFail(kRejectionLetter, options));
    REQUIRE(PageCount(path) >= 2);
    const std::string images = Poppler("pdfimages -list", path);
    CHECK(std::regex_search(images, std::regex(R"(\n\s+1\s+\d+\s+image\s+8\s+4\s)")));
    CHECK_FALSE(std::regex_search(images, std::regex(R"(\n\s+2\s+\d+\s+image)")));
  }
  SECTION("a missing file is an I/O error naming it") {
    options.letterhead.logo_png = dir.File("missing.png");
    const StatusOr<std::string> pdf = RenderPdf(kRejectionLetter, options);
    REQUIRE_FALSE(pdf.ok());
    CHECK(pdf.status().code() == StatusCode::kIoError);
    CHECK_THAT(pdf.status().message(), Catch::Contains("missing.png"));
  }
}

TEST_CASE("pdf: markup outside the subset is refused with the element and line", "[pdf]") {
  struct Case {
    const char* html;
    const char* subject;
    const char* message;
  };
  const Case cases[] = {
      {"<p>a</p>\n<p>b</p>\n<img src=\"x.png\">", "img", "line 3: element <img> is not supported"},
      {"<p>a</p>\n<script>alert(1)</script>", "script", "line 2: element <script>"},
      {"<style>p{}</style>", "style", "line 1: element <style>"},
      {"<p>a</p>\n<P>b<IFRAME></iframe></P>", "iframe", "line 2: element <iframe>"},
      {"<p>a\n</div>", "div", "line 2: end tag </div> does not close <p> (opened on line 1)"},
      {"<div>\n<p>a</p>", "div", "line 1: element <div> is not closed"},
      {"<p>a<div>b</div></p>", "div", "element <div> is not allowed inside <p>"},
      {"<p><strong>a<p>b</p></strong></p>", "p",
       "block element <p> is not allowed inside <strong>"},
      {"<table>\ntekst<tr><td>a</td></tr></table>", "table", "line 2: text is not allowed"},
      {"<ul><p>a</p></ul>", "p", "element <p> is not allowed inside <ul>"},
      {"<tr><td>a</td></tr>", "tr", "element <tr> is not allowed at the top level"},
      {"<p>a &euro; b</p>", "&euro;", "entity &euro; is not supported"},
      {"<p>a &#0; b</p>", "&#0;", "is not a valid character"},
      {"<p>a < b</p>", "<", "'<' does not start a tag"},
      {"<!DOCTYPE html><p>a</p>", "<!", "declarations"},
      {"<p class=\"x</p>", "p", "tag <p> is not closed"},
      {"<p>a</p>\n<p>\xff</p>", "", "line 2: the fragment is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    INFO(c.html);
    const StatusOr<std::string> pdf = RenderPdf(c.html, PlainOptions());
    REQUIRE_FALSE(pdf.ok());
    CHECK(pdf.status().code() == StatusCode::kInvalidArgument);
    CHECK(pdf.status().subject() == c.subject);
    CHECK_THAT(pdf.status().message(), Catch::Contains(c.message));
  }
}

TEST_CASE("pdf: nesting deeper than 64 elements is refused", "[pdf]") {
  std::string html;
  for (int i = 0; i < 70; ++i) html += "<div>";
  html += "diep";
  for (int i = 0; i < 70; ++i) html += "</div>";
  const StatusOr<std::string> pdf = RenderPdf(html, PlainOptions());
  CHECK(pdf.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(pdf.status().message(), Catch::Contains("nested too deeply"));
  std::string shallow;
  for (int i = 0; i < 30; ++i) shallow += "<div>";
  shallow += "ondiep";
  for (int i = 0; i < 30; ++i) shallow += "</div>";
  CHECK(RenderPdf(shallow, PlainOptions()).ok());
}

TEST_CASE("pdf: every element and entity of the subset is accepted", "[pdf]") {
  const char* html =
      "<!-- a comment -->\n<h1>Kop 1</h1><h2>Kop 2</h2><h3>Kop 3</h3>\n"
      "<div class=\"onbekend andere\" data-x=\"1\"><p>Tekst met <b>b</b>, <i>i</i>, <em>em</em>, "
      "<span>span</span> en <a href=\"https://example.org\">a</a>.<br/>Na br.</p></div>\n"
      "<table><thead><tr><th scope=\"col\">x</th></tr></thead><tbody><tr><td>y</td></tr>"
      "</tbody></table><hr><hr/>\n<ol><li>een</li></ol><ul><li></li></ul>"
      "<p>&amp;&lt;&gt;&quot;&#39;&#x27;&apos;&nbsp;&#233;&#xE9; & los</p>";
  PdfTempDir dir;
  const std::string path = dir.Write("subset.pdf", RenderOrFail(html, PlainOptions()));
  const std::string text = Flatten(PdfText(path));
  CHECK_THAT(text, Catch::Contains("Kop 1 Kop 2 Kop 3 Tekst met b, i, em, span en a. Na br."));
  CHECK_THAT(text, Catch::Contains("&<>\"''' \xC3\xA9\xC3\xA9 & los"));
}

TEST_CASE("pdf: several threads render at the same time", "[pdf]") {
  PdfOptions options = LetterOptions();
  options.created = Instant::FromLocal(Date::FromYmd(2026, 3, 13), 10, 30);
  const std::string expected = RenderOrFail(kRejectionLetter, options);
  constexpr int kThreads = 4;
  constexpr int kRounds = 5;
  std::vector<int> same(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const StatusOr<std::string> pdf = RenderPdf(kRejectionLetter, options);
        if (pdf.ok() && *pdf == expected) ++same[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) CHECK(same[static_cast<size_t>(t)] == kRounds);
}

}  // namespace
}  // namespace uitdaag::testing
