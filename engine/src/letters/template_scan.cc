#include "template_scan.h"

#include <cctype>

namespace uitdaag::letters_internal {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  if (name == ".") return true;
  for (char c : name) {
    if (!IsNameChar(c)) return false;
  }
  return name.front() != '.' && name.back() != '.' && name.find("..") == std::string_view::npos;
}

}  // namespace

TemplateScan ScanTemplate(std::string_view text) {
  TemplateScan scan;
  struct Open {
    std::string name;
    int line;
    int column;
  };
  std::vector<Open> open;
  int line = 1;
  size_t line_start = 0;
  size_t i = 0;
  auto advance_to = [&](size_t to) {
    for (; i < to; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
  };
  while (true) {
    const size_t start = text.find("{{", i);
    if (start == std::string_view::npos) break;
    advance_to(start);
    TemplateTag tag;
    tag.line = line;
    tag.column = static_cast<int>(start - line_start) + 1;
    const bool triple = text.compare(start, 3, "{{{") == 0;
    const std::string_view closer = triple ? "}}}" : "}}";
    const size_t body = start + (triple ? 3 : 2);
    const size_t end = text.find(closer, body);
    if (end == std::string_view::npos) {
      scan.problems.push_back({tag.line, tag.column, "tag is not closed: no '}}' after '{{'"});
      break;
    }
    std::string inner(text.substr(body, end - body));
    if (triple) {
      tag.kind = TemplateTag::Kind::kUnescaped;
      tag.name = Trim(inner);
    } else {
      const std::string trimmed = Trim(inner);
      const char sigil = trimmed.empty() ? '\0' : trimmed.front();
      const std::string rest = trimmed.empty() ? std::string() : Trim(trimmed.substr(1));
      switch (sigil) {
        case '#': tag.kind = TemplateTag::Kind::kSection; tag.name = rest; break;
        case '^': tag.kind = TemplateTag::Kind::kInverted; tag.name = rest; break;
        case '/': tag.kind = TemplateTag::Kind::kClose; tag.name = rest; break;
        case '>': tag.kind = TemplateTag::Kind::kPartial; tag.name = rest; break;
        case '!': tag.kind = TemplateTag::Kind::kComment; break;
        case '&': tag.kind = TemplateTag::Kind::kUnescaped; tag.name = rest; break;
        case '=': tag.kind = TemplateTag::Kind::kSetDelimiter; break;
        default: tag.kind = TemplateTag::Kind::kVariable; tag.name = trimmed; break;
      }
    }
    advance_to(end + closer.size());
    scan.tags.push_back(tag);

    auto problem = [&](std::string message) {
      scan.problems.push_back({tag.line, tag.column, std::move(message)});
    };
    switch (tag.kind) {
      case TemplateTag::Kind::kUnescaped:
        problem("unescaped output {{{" + tag.name + "}}} / {{& " + tag.name +
                "}} is not allowed: every value is HTML-escaped; write {{" + tag.name + "}}");
        break;
      case TemplateTag::Kind::kSetDelimiter:
        problem("changing the delimiters ({{= =}}) is not allowed");
        break;
      case TemplateTag::Kind::kComment:
        break;
      case TemplateTag::Kind::kSection:
      case TemplateTag::Kind::kInverted:
        if (!ValidName(tag.name)) {
          problem("'" + tag.name + "' is not a valid name");
        } else if (tag.name == ".") {
          problem("a section cannot be opened on '.'");
        }
        open.push_back({tag.name, tag.line, tag.column});
        break;
      case TemplateTag::Kind::kClose:
        if (open.empty()) {
          problem("{{/" + tag.name + "}} closes a section that was never opened");
        } else if (open.back().name != tag.name) {
          problem("{{/" + tag.name + "}} closes '" + open.back().name + "', opened at line " +
                  std::to_string(open.back().line) + ", which must be closed first");
          open.pop_back();
        } else {
          open.pop_back();
        }
        break;
      case TemplateTag::Kind::kPartial:
      case TemplateTag::Kind::kVariable:
        if (!ValidName(tag.name)) problem("'" + tag.name + "' is not a valid name");
        break;
    }
  }
  for (const Open& o : open) {
    scan.problems.push_back({o.line, o.column, "section '" + o.name + "' is never closed"});
  }
  return scan;
}

}  // namespace uitdaag::letters_internal
