#include "html_text.h"

#include <cctype>

namespace uitdaag::letters_internal {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string TextOfClass(std::string_view html, std::string_view css_class) {
  const std::string marker = "class=\"" + std::string(css_class) + "\"";
  const size_t attr = html.find(marker);
  if (attr == std::string_view::npos) return {};
  const size_t open_end = html.find('>', attr);
  if (open_end == std::string_view::npos) return {};
  // The element's name, to find where it closes.
  const size_t open_start = html.rfind('<', attr);
  size_t name_end = open_start + 1;
  while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) {
    ++name_end;
  }
  const std::string close = "</" + std::string(html.substr(open_start + 1, name_end - open_start - 1)) + ">";
  const size_t close_at = html.find(close, open_end);
  const std::string_view inner =
      html.substr(open_end + 1, (close_at == std::string_view::npos ? html.size() : close_at) -
                                    open_end - 1);
  std::string text;
  bool in_tag = false;
  bool space = false;
  for (size_t i = 0; i < inner.size(); ++i) {
    const char c = inner[i];
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    if (c == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool decoded = false;
      for (const auto& [entity, ch] : kEntities) {
        if (inner.substr(i, entity.size()) == entity) {
          text += ch;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    text += c;
  }
  return text;
}

}  // namespace uitdaag::letters_internal
