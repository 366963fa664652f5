// The attachment allow-list, the content checks against the declared type, the file-name rules
// and the Content-Disposition of downloads (server/http/upload_policy.h, content_disposition.h).
#include "http/upload_policy.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "http/content_disposition.h"

namespace uitdaag::testing {
namespace {

using http::AttachmentDisposition;
using http::BareMediaType;
using http::CheckUploadContent;
using http::CheckUploadName;
using http::DownloadMediaType;

const std::string kOdt = "application/vnd.oasis.opendocument.text";
const std::string kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

std::string Le16(unsigned v) {
  return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)};
}

// A ZIP local file header for a stored entry, followed by its data.
std::string ZipEntry(const std::string& name, const std::string& data, unsigned method = 0) {
  std::string h = "PK\x03\x04";
  h += Le16(20) + Le16(0) + Le16(method) + Le16(0) + Le16(0);  // version, flags, method, time, date
  h += std::string(4, '\0');                                   // CRC (not checked)
  h += Le16(static_cast<unsigned>(data.size())) + Le16(0);     // compressed size
  h += Le16(static_cast<unsigned>(data.size())) + Le16(0);     // size
  h += Le16(static_cast<unsigned>(name.size())) + Le16(0);     // name length, extra length
  return h + name + data;
}

std::string Odt() {
  return ZipEntry("mimetype", kOdt) + ZipEntry("content.xml", "<office/>");
}
std::string Docx() {
  return ZipEntry("[Content_Types].xml", "<Types/>", 8) + ZipEntry("word/document.xml", "<w/>", 8);
}
const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10);

void ExpectContentError(const std::string& type, const std::string& content,
                        const std::string& detail_part) {
  INFO(type << " / " << content.substr(0, 20));
  Status s = CheckUploadContent(type, content);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.subject() == "content");
  CHECK_THAT(s.message(), Catch::Contains(detail_part));
}

TEST_CASE("upload policy: media types are compared without parameters and case", "[documents]") {
  CHECK(BareMediaType("Application/PDF; charset=binary") == "application/pdf");
  CHECK(BareMediaType("  text/plain ;charset=utf-8") == "text/plain");
  CHECK(BareMediaType("") == "");
  CHECK(http::IsAllowedUploadType("image/png"));
  CHECK(http::IsAllowedUploadType(kDocx));
  for (const char* refused :
       {"text/html", "image/svg+xml", "application/xhtml+xml", "application/javascript",
        "application/zip", "application/octet-stream", "application/x-msdownload", ""}) {
    INFO(refused);
    CHECK_FALSE(http::IsAllowedUploadType(refused));
  }
}

TEST_CASE("upload policy: each accepted type passes with its own signature", "[documents]") {
  CHECK(CheckUploadContent("application/pdf", kPdf).ok());
  CHECK(CheckUploadContent("image/png", kPng).ok());
  CHECK(CheckUploadContent("image/jpeg", kJpeg).ok());
  CHECK(CheckUploadContent("text/plain", "Beste gemeente,\r\n\tzie bijlage.\f\n").ok());
  CHECK(CheckUploadContent("text/plain", "\xEF\xBB\xBFZo\xC3\xAB's plan").ok());
  // Markup in the middle of a text, or a word that merely starts like a tag, is still text.
  CHECK(CheckUploadContent("text/plain", "Wij schreven <script> in de notulen.").ok());
  CHECK(CheckUploadContent("text/plain", "<ballonnen> voor het feest").ok());
  CHECK(CheckUploadContent(kOdt, Odt()).ok());
  CHECK(CheckUploadContent(kDocx, Docx()).ok());
}

TEST_CASE("upload policy: content that is not the declared type is refused, saying why",
          "[documents]") {
  ExpectContentError("application/pdf", kPng, "it looks like image/png");
  ExpectContentError("image/png", kJpeg, "it looks like image/jpeg");
  ExpectContentError("image/jpeg", "GIF89a....", "a JPEG image");
  ExpectContentError("application/pdf", "<html><body>hi</body></html>", "a PDF file");
  ExpectContentError("text/plain", kPdf, "it looks like application/pdf");
  ExpectContentError("text/plain", std::string("abc\0def", 7), "control characters");
  ExpectContentError("text/plain", "caf\xE9", "not valid UTF-8");
  ExpectContentError("text/plain", "  <!DOCTYPE html><p>x", "markup");
  ExpectContentError("text/plain", "<svg onload=alert(1)>", "markup");
  ExpectContentError("text/plain", "<?xml version=\"1.0\"?><a/>", "markup");
  ExpectContentError("text/plain", "<SCRIPT>alert(1)</SCRIPT>", "markup");
  ExpectContentError(kDocx, Odt(), "it looks like " + kOdt);
  ExpectContentError(kOdt, Docx(), "it looks like " + kDocx);
  // A ZIP that is neither: an OpenDocument needs its stored mimetype entry first.
  ExpectContentError(kOdt, ZipEntry("content.xml", "<office/>"), "an OpenDocument text");
  ExpectContentError(kOdt, ZipEntry("mimetype", kOdt, 8), "an OpenDocument text");
  ExpectContentError(kOdt, ZipEntry("mimetype", kOdt + "-template"), "an OpenDocument text");
  ExpectContentError(kDocx, ZipEntry("evil.exe", "MZ"), "a Word document");
  ExpectContentError("application/pdf", "", "the file is empty");
}

TEST_CASE("upload policy: file names are checked, never rewritten", "[documents]") {
  for (const std::string& good : std::vector<std::string>{
           "plan.pdf", "Begroting 2027 (definitief).pdf", "Zo\xC3\xAB's plan.odt", "a",
           "naam met spaties en-streepjes_en.punten.txt", std::string(200, 'x'),
           "\xE6\x97\xA5\xE6\x9C\xAC.png"}) {
    INFO(good);
    CHECK(CheckUploadName(good).ok());
  }
  for (const std::string& bad : std::vector<std::string>{std::string(),
                                                         std::string(201, 'x'),
                                                         std::string("../../etc/passwd"),
                                                         "a/b.pdf",
                                                         "a\\b.pdf",
                                                         "/etc/passwd",
                                                         "C:\\Windows\\win.ini",
                                                         "C:plan.pdf",
                                                         ".htaccess",
                                                         "..",
                                                         std::string("nul\0byte.pdf", 12),
                                                         "regel\nbreuk.pdf",
                                                         "tab\tstop.pdf",
                                                         "del\x7F.pdf",
                                                         "c1\xC2\x85.pdf",
                                                         "caf\xE9.pdf",
                                                         "\xC0\xAF.pdf",
                                                         "rapport\xE2\x80\xAE"
                                                         "fdp.exe",
                                                         "regel\xE2\x80\xA8scheiding.pdf",
                                                         "nul\xE2\x80\x8B" "breedte.pdf",
                                                         "\xEF\xBB\xBF" "bom.pdf",
                                                         "arabisch\xD8\x9Cteken.pdf",
                                                         " spatie.pdf",
                                                         "spatie.pdf ",
                                                         "punt."}) {
    INFO(bad);
    Status s = CheckUploadName(bad);
    CHECK_FALSE(s.ok());
    CHECK(s.subject() == "name");
    CHECK_THAT(s.message(), Catch::StartsWith("name: "));
  }
}

TEST_CASE("upload policy: a file name's hidden character is named in the refusal",
          "[documents]") {
  CHECK(CheckUploadName("rapport\xE2\x80\xAE" "fdp.exe").message() ==
        "name: contains an invisible or direction-changing character (U+202E)");
  CHECK(CheckUploadName("a\xE2\x80\xA9.pdf").message() ==
        "name: contains a line or paragraph separator (U+2029)");
  CHECK(CheckUploadName("tab\tstop.pdf").message() ==
        "name: contains a control character (U+0009)");
  CHECK(CheckUploadName("regel\nbreuk.pdf").message() ==
        "name: must be one line (it contains U+000A)");
  CHECK(CheckUploadName("caf\xE9.pdf").message() == "name: is not valid UTF-8 text");
}

TEST_CASE("downloads: Content-Disposition is an attachment with a header-safe name",
          "[documents]") {
  CHECK(AttachmentDisposition("brief.pdf") == "attachment; filename=\"brief.pdf\"");
  CHECK(AttachmentDisposition("Zo\xC3\xAB's plan.pdf") ==
        "attachment; filename=\"Zo_'s plan.pdf\"; filename*=UTF-8''Zo%C3%AB%27s%20plan.pdf");
  // Quotes, backslashes and line breaks cannot end the header or the parameter.
  const std::string injected = AttachmentDisposition("a\".pdf\r\nSet-Cookie: x=1");
  CHECK(injected.find('\r') == std::string::npos);
  CHECK(injected.find('\n') == std::string::npos);
  CHECK_THAT(injected, Catch::StartsWith("attachment; filename=\"a_.pdf__Set-Cookie_ x=1\""));
  // No path survives, no hidden name, nothing empty.
  CHECK(AttachmentDisposition("../../etc/passwd") == "attachment; filename=\"_.._etc_passwd\"");
  CHECK(AttachmentDisposition("..\\..\\boot.ini") == "attachment; filename=\"_.._boot.ini\"");
  CHECK(AttachmentDisposition("...") == "attachment; filename=\"document\"");
  CHECK(AttachmentDisposition("") == "attachment; filename=\"document\"");
  // Invalid UTF-8 and bidirectional overrides become '_' in both forms.
  CHECK(AttachmentDisposition("caf\xE9.txt") == "attachment; filename=\"caf_.txt\"");
  CHECK(AttachmentDisposition("x\xE2\x80\xAE"
                              "fdp.exe") == "attachment; filename=\"x_fdp.exe\"");
  // So do the invisible characters the upload check refuses (a name stored by other means).
  CHECK(AttachmentDisposition("a\xE2\x80\x8B" "b\xE2\x80\xA8" "c.pdf") ==
        "attachment; filename=\"a_b_c.pdf\"");
  CHECK(AttachmentDisposition("100%.txt") ==
        "attachment; filename=\"100_.txt\"; filename*=UTF-8''100%25.txt");
}

TEST_CASE("downloads: only accepted media types are served as themselves", "[documents]") {
  CHECK(DownloadMediaType("letter", "text/html; charset=utf-8") == "text/html; charset=utf-8");
  CHECK(DownloadMediaType("letter", "application/pdf") == "application/pdf");
  CHECK(DownloadMediaType("letter", "image/svg+xml") == "application/octet-stream");
  CHECK(DownloadMediaType("upload", "application/pdf") == "application/pdf");
  CHECK(DownloadMediaType("upload", "text/plain") == "text/plain; charset=utf-8");
  CHECK(DownloadMediaType("upload", "text/html") == "application/octet-stream");
  CHECK(DownloadMediaType("upload", "image/svg+xml") == "application/octet-stream");
  CHECK(DownloadMediaType("upload", "text/html; charset=utf-8") == "application/octet-stream");
  CHECK(DownloadMediaType("other", "application/pdf") == "application/octet-stream");
}

}  // namespace
}  // namespace uitdaag::testing
