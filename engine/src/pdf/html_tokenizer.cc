#include "html_tokenizer.h"

#include <glib.h>

#include <algorithm>
#include <cctype>

#include "html_entities.h"

namespace uitdaag::pdf_internal {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
}
std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view html) : html_(html) {}

  StatusOr<std::vector<HtmlToken>> Run() {
    while (pos_ < html_.size()) {
      Status status = html_[pos_] == '<' ? Markup() : Text();
      if (!status.ok()) return status;
    }
    return std::move(tokens_);
  }

 private:
  Status Error(int line, const std::string& what, std::string subject = {}) const {
    return Status::InvalidArgument("line " + std::to_string(line) + ": " + what,
                                   std::move(subject));
  }

  // Moves to `to`, counting the newlines passed.
  void Advance(size_t to) {
    for (; pos_ < to && pos_ < html_.size(); ++pos_) {
      if (html_[pos_] == '\n') ++line_;
    }
  }

  Status Text() {
    const size_t end = std::min(html_.find('<', pos_), html_.size());
    const int line = line_;
    StatusOr<std::string> text = DecodeEntities(html_.substr(pos_, end - pos_), line);
    if (!text.ok()) return text.status();
    Advance(end);
    HtmlToken token;
    token.kind = HtmlToken::Kind::kText;
    token.text = std::move(*text);
    token.line = line;
    tokens_.push_back(std::move(token));
    return Status::Ok();
  }

  Status Markup() {
    const int line = line_;
    const std::string_view rest = html_.substr(pos_);
    if (rest.substr(0, 4) == "<!--") {
      const size_t end = html_.find("-->", pos_ + 4);
      if (end == std::string_view::npos) return Error(line, "comment is not closed");
      Advance(end + 3);
      return Status::Ok();
    }
    if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) {
      return Error(line, "declarations and processing instructions are not supported",
                   std::string(rest.substr(0, 2)));
    }
    const bool end_tag = rest.size() >= 2 && rest[1] == '/';
    size_t i = pos_ + (end_tag ? 2 : 1);
    const size_t name_start = i;
    while (i < html_.size() && IsNameChar(html_[i])) ++i;
    if (i == name_start || !std::isalpha(static_cast<unsigned char>(html_[name_start]))) {
      return Error(line, "'<' does not start a tag (write &lt; for a literal '<')", "<");
    }
    HtmlToken token;
    token.kind = end_tag ? HtmlToken::Kind::kEndTag : HtmlToken::Kind::kStartTag;
    token.name = Lower(html_.substr(name_start, i - name_start));
    token.line = line;
    Advance(i);
    if (end_tag) {
      while (pos_ < html_.size() && IsSpace(html_[pos_])) Advance(pos_ + 1);
      if (pos_ >= html_.size() || html_[pos_] != '>') {
        return Error(line, "end tag </" + token.name + "> is not closed with '>'", token.name);
      }
      Advance(pos_ + 1);
    } else {
      Status status = Attributes(token);
      if (!status.ok()) return status;
    }
    tokens_.push_back(std::move(token));
    return Status::Ok();
  }

  // Reads attributes up to and including the '>' of the start tag.
  Status Attributes(HtmlToken& token) {
    for (;;) {
      while (pos_ < html_.size() && IsSpace(html_[pos_])) Advance(pos_ + 1);
      if (pos_ >= html_.size()) break;
      if (html_[pos_] == '>') {
        Advance(pos_ + 1);
        return Status::Ok();
      }
      if (html_.substr(pos_, 2) == "/>") {
        Advance(pos_ + 2);
        return Status::Ok();
      }
      const size_t name_start = pos_;
      while (pos_ < html_.size() && !IsSpace(html_[pos_]) && html_[pos_] != '=' &&
             html_[pos_] != '>' && html_[pos_] != '/' && html_[pos_] != '<') {
        Advance(pos_ + 1);
      }
      if (pos_ == name_start) {
        return Error(line_, "unexpected character in tag <" + token.name + ">", token.name);
      }
      const std::string name = Lower(html_.substr(name_start, pos_ - name_start));
      while (pos_ < html_.size() && IsSpace(html_[pos_])) Advance(pos_ + 1);
      std::string value;
      if (pos_ < html_.size() && html_[pos_] == '=') {
        Advance(pos_ + 1);
        while (pos_ < html_.size() && IsSpace(html_[pos_])) Advance(pos_ + 1);
        const int value_line = line_;
        size_t start = pos_, end = pos_;
        if (pos_ < html_.size() && (html_[pos_] == '"' || html_[pos_] == '\'')) {
          end = html_.find(html_[pos_], pos_ + 1);
          if (end == std::string_view::npos) break;
          start = pos_ + 1;
          Advance(end + 1);
        } else {
          while (end < html_.size() && !IsSpace(html_[end]) && html_[end] != '>') ++end;
          Advance(end);
        }
        StatusOr<std::string> decoded =
            DecodeEntities(html_.substr(start, end - start), value_line);
        if (!decoded.ok()) return decoded.status();
        value = std::move(*decoded);
      }
      token.attributes[name] = std::move(value);
    }
    return Error(token.line, "tag <" + token.name + "> is not closed with '>'", token.name);
  }

  std::string_view html_;
  size_t pos_ = 0;
  int line_ = 1;
  std::vector<HtmlToken> tokens_;
};

// The line of the first invalid byte, or 0 when `html` is valid UTF-8 without NUL bytes.
int FirstInvalidUtf8Line(std::string_view html) {
  if (html.empty()) return 0;
  const gchar* end = nullptr;
  if (g_utf8_validate(html.data(), static_cast<gssize>(html.size()), &end)) return 0;
  const size_t offset = static_cast<size_t>(end - html.data());
  return 1 + static_cast<int>(std::count(html.begin(), html.begin() + offset, '\n'));
}

}  // namespace

StatusOr<std::vector<HtmlToken>> TokenizeHtml(std::string_view html) {
  if (const int line = FirstInvalidUtf8Line(html); line != 0) {
    return Status::InvalidArgument("line " + std::to_string(line) +
                                   ": the fragment is not valid UTF-8 (or contains a NUL byte)");
  }
  return Tokenizer(html).Run();
}

}  // namespace uitdaag::pdf_internal
