#include "http/chunked_body.h"

#include <cstdint>

namespace uitdaag::http {
namespace {

constexpr size_t kMaxLine = 1024;
constexpr int kMaxTrailerLines = 16;

ChunkedRead Malformed(std::string error) {
  return {ChunkedRead::Outcome::kMalformed, std::move(error)};
}

// One line up to CRLF, without it; false (with `error`) when it is too long, ends in a bare LF
// or the stream ends first.
bool ReadLine(std::istream& in, std::string* line, std::string* error) {
  line->clear();
  while (line->size() <= kMaxLine) {
    const int c = in.get();
    if (c == std::char_traits<char>::eof()) {
      *error = "the body ends inside a chunk line";
      return false;
    }
    if (c == '\n') {
      if (line->empty() || line->back() != '\r') {
        *error = "a chunk line must end in CRLF";
        return false;
      }
      line->pop_back();
      return true;
    }
    line->push_back(static_cast<char>(c));
  }
  *error = "a chunk line is longer than 1024 bytes";
  return false;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The size of a chunk-size line: hex digits, then nothing or an extension.
bool ParseSize(const std::string& line, uint64_t* size, std::string* error) {
  size_t i = 0;
  *size = 0;
  while (i < line.size() && HexValue(line[i]) >= 0) {
    if (i == 16) {
      *error = "a chunk size has more than 16 digits";
      return false;
    }
    *size = *size * 16 + static_cast<uint64_t>(HexValue(line[i]));
    ++i;
  }
  if (i == 0) {
    *error = "a chunk size must be hexadecimal";
    return false;
  }
  size_t j = i;
  while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
  if (j == line.size() && j == i) return true;
  if (j == line.size() || line[j] != ';') {
    *error = "a chunk size must be hexadecimal";
    return false;
  }
  for (; j < line.size(); ++j) {
    const auto c = static_cast<unsigned char>(line[j]);
    if (c < 0x20 && c != '\t') {
      *error = "a chunk extension holds a control character";
      return false;
    }
  }
  return true;
}

}  // namespace

ChunkedRead ReadChunked(std::istream& in, size_t limit, std::string* out) {
  std::string line;
  std::string error;
  while (true) {
    if (!ReadLine(in, &line, &error)) return Malformed(error);
    uint64_t size = 0;
    if (!ParseSize(line, &size, &error)) return Malformed(error);
    if (size == 0) break;
    if (size > limit - std::min(limit, out->size())) return {ChunkedRead::Outcome::kTooLarge, ""};
    const size_t at = out->size();
    out->resize(at + size);
    in.read(out->data() + at, static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size) {
      out->resize(at + static_cast<size_t>(in.gcount()));
      return Malformed("the body ends inside a chunk");
    }
    if (in.get() != '\r' || in.get() != '\n') return Malformed("a chunk's data must end in CRLF");
  }
  for (int n = 0; n <= kMaxTrailerLines; ++n) {
    if (!ReadLine(in, &line, &error)) return Malformed(error);
    if (line.empty()) return {};
    if (line.find(':') == std::string::npos) return Malformed("a trailer line is not a field");
  }
  return Malformed("more than 16 trailer lines");
}

}  // namespace uitdaag::http
