#include "http/upload_policy.h"

#include <algorithm>
#include <cstdint>

#include "uitdaag/utf8.h"

namespace uitdaag::http {
namespace {

constexpr std::string_view kPdf = "application/pdf";
constexpr std::string_view kPng = "image/png";
constexpr std::string_view kJpeg = "image/jpeg";
constexpr std::string_view kText = "text/plain";
constexpr std::string_view kOdt = "application/vnd.oasis.opendocument.text";
constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kJpegMagic = "\xFF\xD8\xFF";
constexpr std::string_view kZipMagic = "PK\x03\x04";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

uint32_t LittleEndian16(std::string_view s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}

// ODF (part 3, "mimetype file"): the first entry of the package is "mimetype", stored without
// compression, its content the document's media type.
bool IsOdfPackageOf(std::string_view content, std::string_view media_type) {
  constexpr size_t kHeader = 30;
  if (!StartsWith(content, kZipMagic) || content.size() < kHeader) return false;
  const uint32_t method = LittleEndian16(content, 8);
  const uint32_t name_length = LittleEndian16(content, 26);
  const uint32_t extra_length = LittleEndian16(content, 28);
  const size_t data = kHeader + name_length + extra_length;
  if (method != 0 || content.substr(kHeader, name_length) != "mimetype") return false;
  const uint32_t size = LittleEndian16(content, 18) | LittleEndian16(content, 20) << 16;
  return size == media_type.size() && content.size() >= data + size &&
         content.substr(data, size) == media_type;
}

// OOXML: a ZIP with the content-types part and the main document under word/. Entry names are
// stored uncompressed in the local headers and the central directory.
bool IsWordPackage(std::string_view content) {
  return StartsWith(content, kZipMagic) &&
         content.find("[Content_Types].xml") != std::string_view::npos &&
         content.find("word/") != std::string_view::npos;
}

// The WHATWG sniffing patterns for HTML, plus SVG and XML: text that a browser (or a careless
// viewer) might render as markup.
bool StartsWithMarkup(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
                             text[i] == '\r' || text[i] == '\f')) {
    ++i;
  }
  std::string head;
  for (size_t k = i; k < text.size() && head.size() < 16; ++k) head += Lower(text[k]);
  static const char* const kTags[] = {
      "<!doctype html", "<html", "<head",  "<script", "<iframe", "<h1",   "<div", "<font",
      "<table",         "<a",    "<style", "<title",  "<b",      "<body", "<br",  "<p",
      "<!--",           "<?xml", "<svg"};
  for (const char* tag : kTags) {
    const std::string_view t(tag);
    if (!StartsWith(head, t)) continue;
    // A tag ends at a space or '>' (so "<ball" is not "<b"); the comment and "<?xml" need not.
    if (t == "<!--" || t == "<?xml" || head.size() == t.size()) return true;
    const char next = head[t.size()];
    if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' || next == '/') {
      return true;
    }
  }
  return false;
}

Status CheckText(std::string_view content) {
  if (!Utf8Length(content)) {
    return Status::InvalidArgument("the content is not text/plain: it is not valid UTF-8 text",
                                   "content");
  }
  std::string_view text = content;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      return Status::InvalidArgument(
          "the content is not text/plain: it contains binary data (control characters)", "content");
    }
  }
  if (StartsWithMarkup(text)) {
    return Status::InvalidArgument(
        "the content is not text/plain: it starts with HTML, SVG or XML markup, which is not "
        "accepted",
        "content");
  }
  return Status::Ok();
}

Status NameError(const std::string& rule) {
  return Status::InvalidArgument("name: " + rule, "name");
}

}  // namespace

std::string BareMediaType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  std::string out;
  for (char c : type) out += Lower(c);
  return out;
}

const std::vector<std::string>& AllowedUploadTypes() {
  static const std::vector<std::string> kTypes = {std::string(kPdf),  std::string(kPng),
                                                  std::string(kJpeg), std::string(kText),
                                                  std::string(kOdt),  std::string(kDocx)};
  return kTypes;
}

bool IsAllowedUploadType(std::string_view bare_media_type) {
  const auto& types = AllowedUploadTypes();
  return std::find(types.begin(), types.end(), bare_media_type) != types.end();
}

std::string SniffUploadType(std::string_view content) {
  if (StartsWith(content, kPdfMagic)) return std::string(kPdf);
  if (StartsWith(content, kPngMagic)) return std::string(kPng);
  if (StartsWith(content, kJpegMagic)) return std::string(kJpeg);
  if (IsOdfPackageOf(content, kOdt)) return std::string(kOdt);
  if (IsWordPackage(content)) return std::string(kDocx);
  return {};
}

Status CheckUploadContent(std::string_view bare_media_type, std::string_view content) {
  if (content.empty()) return Status::InvalidArgument("the file is empty", "content");
  const std::string sniffed = SniffUploadType(content);
  if (sniffed == bare_media_type) return Status::Ok();
  const std::string declared(bare_media_type);
  if (!sniffed.empty()) {
    return Status::InvalidArgument("the content is not " + declared + ": it looks like " + sniffed +
                                       "; send it with that Content-Type",
                                   "content");
  }
  if (bare_media_type == kText) return CheckText(content);
  static const char* const kExpected[][2] = {
      {"application/pdf", "a PDF file (starting with %PDF-)"},
      {"image/png", "a PNG image (the PNG signature)"},
      {"image/jpeg", "a JPEG image (starting with FF D8 FF)"},
      {"application/vnd.oasis.opendocument.text",
       "an OpenDocument text (a ZIP package whose first entry 'mimetype' names this type)"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       "a Word document (a ZIP package with [Content_Types].xml and word/)"}};
  for (const auto& [type, what] : kExpected) {
    if (bare_media_type == type) {
      return Status::InvalidArgument(
          "the content is not " + declared + ": its first bytes do not make it " + what, "content");
    }
  }
  return Status::InvalidArgument("the content does not match " + declared, "content");
}

Status CheckUploadName(std::string_view name) {
  if (name.empty()) return NameError("give the file name (?name=...)");
  if (name.size() > kMaxUploadNameBytes) {
    return NameError("at most " + std::to_string(kMaxUploadNameBytes) + " bytes, not " +
                     std::to_string(name.size()));
  }
  // Control, invisible and direction-changing characters (they disguise an extension).
  if (Status plain = CheckPlainText("name", name, TextLines::kOneLine); !plain.ok()) return plain;
  if (name.front() == '.') return NameError("must not start with '.'");
  if (name.front() == ' ' || name.back() == ' ' || name.back() == '.') {
    return NameError("must not start with a space or end with a space or '.'");
  }
  // ASCII bytes never occur inside a UTF-8 sequence, so the bytes tell.
  if (name.find_first_of("/\\:") != std::string_view::npos) {
    return NameError("must not contain '/', '\\' or ':' (a name, not a path)");
  }
  return Status::Ok();
}

std::string DownloadMediaType(std::string_view kind, std::string_view stored_media_type) {
  const std::string bare = BareMediaType(stored_media_type);
  if (kind == "letter" && (bare == "text/html" || bare == kPdf)) {
    return std::string(stored_media_type);
  }
  if (kind == "upload" && IsAllowedUploadType(bare)) {
    return bare == kText ? "text/plain; charset=utf-8" : bare;
  }
  return "application/octet-stream";
}

}  // namespace uitdaag::http
