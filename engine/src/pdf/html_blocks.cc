// The tree builder: a recursive descent over the tokens, one function per content model.
#include "html_blocks.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "html_tokenizer.h"
#include "html_whitespace.h"

namespace uitdaag::pdf_internal {
namespace {

// What an element may contain.
enum class Content {
  kFlow,      // blocks and inline content: root, div, li, th, td
  kInline,    // inline content only: p, h1..h3 and the inline elements
  kItems,     // li only: ul, ol
  kSections,  // thead, tbody, tr: table
  kRows,      // tr: thead, tbody
  kCells,     // th, td: tr
  kNothing,   // void: br, hr
};

struct Element {
  std::string_view name;
  BlockKind kind;  // kText for inline elements
  Content content;
};

constexpr Element kElements[] = {
    {"p", BlockKind::kParagraph, Content::kInline},
    {"h1", BlockKind::kHeading, Content::kInline},
    {"h2", BlockKind::kHeading, Content::kInline},
    {"h3", BlockKind::kHeading, Content::kInline},
    {"div", BlockKind::kDiv, Content::kFlow},
    {"ul", BlockKind::kList, Content::kItems},
    {"ol", BlockKind::kList, Content::kItems},
    {"li", BlockKind::kListItem, Content::kFlow},
    {"table", BlockKind::kTable, Content::kSections},
    {"thead", BlockKind::kTableSection, Content::kRows},
    {"tbody", BlockKind::kTableSection, Content::kRows},
    {"tr", BlockKind::kRow, Content::kCells},
    {"th", BlockKind::kCell, Content::kFlow},
    {"td", BlockKind::kCell, Content::kFlow},
    {"hr", BlockKind::kRule, Content::kNothing},
    {"strong", BlockKind::kText, Content::kInline},
    {"b", BlockKind::kText, Content::kInline},
    {"em", BlockKind::kText, Content::kInline},
    {"i", BlockKind::kText, Content::kInline},
    {"span", BlockKind::kText, Content::kInline},
    {"a", BlockKind::kText, Content::kInline},
    {"br", BlockKind::kText, Content::kNothing},
};

const Element* FindElement(std::string_view name) {
  for (const Element& element : kElements) {
    if (element.name == name) return &element;
  }
  return nullptr;
}

// Which blocks a content model admits.
bool Admits(Content content, BlockKind kind) {
  switch (content) {
    case Content::kFlow:
      return kind == BlockKind::kParagraph || kind == BlockKind::kHeading ||
             kind == BlockKind::kDiv || kind == BlockKind::kList || kind == BlockKind::kTable ||
             kind == BlockKind::kRule;
    case Content::kItems:
      return kind == BlockKind::kListItem;
    case Content::kSections:
      return kind == BlockKind::kTableSection || kind == BlockKind::kRow;
    case Content::kRows:
      return kind == BlockKind::kRow;
    case Content::kCells:
      return kind == BlockKind::kCell;
    case Content::kInline:
    case Content::kNothing:
      return false;
  }
  return false;
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
}

// The inherited inline style.
struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool pre_line = false;
};

// Applies an element's own style (its kind and its style attribute) to the inherited one.
InlineStyle StyleOf(const HtmlToken& tag, InlineStyle style) {
  if (tag.name == "strong" || tag.name == "b" || tag.name == "th") style.bold = true;
  if (tag.name == "em" || tag.name == "i") style.italic = true;
  const auto css = tag.attributes.find("style");
  if (css == tag.attributes.end()) return style;
  // Only white-space matters: "white-space: pre-line" on, "white-space: normal" off.
  std::string compact;
  for (char c : css->second) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  std::istringstream declarations(compact);
  std::string declaration;
  while (std::getline(declarations, declaration, ';')) {
    if (declaration == "white-space:pre-line") style.pre_line = true;
    if (declaration == "white-space:normal") style.pre_line = false;
  }
  return style;
}

std::vector<std::string> SplitClasses(const HtmlToken& tag) {
  std::vector<std::string> classes;
  const auto attribute = tag.attributes.find("class");
  if (attribute == tag.attributes.end()) return classes;
  std::istringstream words(attribute->second);
  std::string word;
  while (words >> word) classes.push_back(word);
  return classes;
}

constexpr int kMaxDepth = 64;

class TreeBuilder {
 public:
  explicit TreeBuilder(const std::vector<HtmlToken>& tokens) : tokens_(tokens) {}

  StatusOr<Block> Run() {
    Block root;
    root.kind = BlockKind::kRoot;
    Status status = Container(root, Content::kFlow, nullptr, InlineStyle{}, 0);
    if (!status.ok()) return status;
    return root;
  }

 private:
  static Status Error(int line, const std::string& what, std::string_view subject) {
    return Status::InvalidArgument("line " + std::to_string(line) + ": " + what,
                                   std::string(subject));
  }

  static Status Unclosed(const HtmlToken& open) {
    return Error(open.line, "element <" + open.name + "> is not closed", open.name);
  }

  // Checks an end tag against the open element; true when it closes it.
  static Status CheckEnd(const HtmlToken& end, const HtmlToken* open) {
    if (open == nullptr) {
      return Error(end.line, "end tag </" + end.name + "> has no matching start tag", end.name);
    }
    if (end.name != open->name) {
      return Error(end.line,
                   "end tag </" + end.name + "> does not close <" + open->name +
                       "> (opened on line " + std::to_string(open->line) + ")",
                   end.name);
    }
    return Status::Ok();
  }

  // The content of a block element (or the root when `open` is null), up to its end tag.
  Status Container(Block& block, Content content, const HtmlToken* open, InlineStyle style,
                   int depth) {
    std::vector<RawRun> pending;  // inline content not yet placed in a block
    const auto flush = [&] {
      std::vector<TextRun> runs = CollapseWhitespace(pending);
      pending.clear();
      if (runs.empty()) return;
      if (content == Content::kInline) {
        block.runs = std::move(runs);
        return;
      }
      Block text;
      text.kind = BlockKind::kText;
      text.line = block.line;
      text.runs = std::move(runs);
      block.children.push_back(std::move(text));
    };
    while (pos_ < tokens_.size()) {
      const HtmlToken& token = tokens_[pos_++];
      switch (token.kind) {
        case HtmlToken::Kind::kText:
          if (content == Content::kFlow || content == Content::kInline) {
            pending.push_back(RawRun{token.text, style.bold, style.italic, style.pre_line, false});
          } else if (!IsBlank(token.text)) {
            const size_t first = token.text.find_first_not_of(" \t\r\n\f");
            const int line = token.line + static_cast<int>(std::count(
                                              token.text.begin(),
                                              token.text.begin() + static_cast<long>(first), '\n'));
            return Error(line, "text is not allowed directly inside <" + open->name + ">",
                         open->name);
          }
          break;
        case HtmlToken::Kind::kEndTag: {
          UITDAAG_RETURN_IF_ERROR(CheckEnd(token, open));
          flush();
          return Status::Ok();
        }
        case HtmlToken::Kind::kStartTag: {
          const Element* element = FindElement(token.name);
          if (element == nullptr) {
            return Error(token.line, "element <" + token.name + "> is not supported", token.name);
          }
          if (depth >= kMaxDepth) {
            return Error(token.line, "elements are nested too deeply", token.name);
          }
          if (element->kind == BlockKind::kText) {
            if (content != Content::kFlow && content != Content::kInline) {
              return Error(
                  token.line,
                  "element <" + token.name + "> is not allowed inside <" + open->name + ">",
                  token.name);
            }
            UITDAAG_RETURN_IF_ERROR(Inline(token, StyleOf(token, style), pending, depth + 1));
            break;
          }
          if (!Admits(content, element->kind)) {
            const std::string where = open ? "inside <" + open->name + ">" : "at the top level";
            return Error(token.line, "element <" + token.name + "> is not allowed " + where,
                         token.name);
          }
          flush();
          Block child;
          child.kind = element->kind;
          child.line = token.line;
          child.classes = SplitClasses(token);
          child.ordered = token.name == "ol";
          child.header = token.name == "th" || token.name == "thead";
          if (element->kind == BlockKind::kHeading) child.level = token.name[1] - '0';
          if (element->content != Content::kNothing) {
            UITDAAG_RETURN_IF_ERROR(
                Container(child, element->content, &token, StyleOf(token, style), depth + 1));
          }
          block.children.push_back(std::move(child));
          break;
        }
      }
    }
    if (open != nullptr) return Unclosed(*open);
    flush();
    return Status::Ok();
  }

  // An inline element: its runs go into `pending` of the enclosing block.
  Status Inline(const HtmlToken& open, InlineStyle style, std::vector<RawRun>& pending, int depth) {
    if (open.name == "br") {
      pending.push_back(RawRun{{}, style.bold, style.italic, style.pre_line, true});
      return Status::Ok();
    }
    while (pos_ < tokens_.size()) {
      const HtmlToken& token = tokens_[pos_++];
      switch (token.kind) {
        case HtmlToken::Kind::kText:
          pending.push_back(RawRun{token.text, style.bold, style.italic, style.pre_line, false});
          break;
        case HtmlToken::Kind::kEndTag:
          return CheckEnd(token, &open);
        case HtmlToken::Kind::kStartTag: {
          const Element* child = FindElement(token.name);
          if (child == nullptr) {
            return Error(token.line, "element <" + token.name + "> is not supported", token.name);
          }
          if (child->kind != BlockKind::kText) {
            return Error(
                token.line,
                "block element <" + token.name + "> is not allowed inside <" + open.name + ">",
                token.name);
          }
          if (depth >= kMaxDepth) {
            return Error(token.line, "elements are nested too deeply", token.name);
          }
          UITDAAG_RETURN_IF_ERROR(Inline(token, StyleOf(token, style), pending, depth + 1));
          break;
        }
      }
    }
    return Unclosed(open);
  }

  const std::vector<HtmlToken>& tokens_;
  size_t pos_ = 0;
};

}  // namespace

bool Block::HasText() const {
  return std::any_of(runs.begin(), runs.end(), [](const TextRun& r) { return !r.text.empty(); });
}

StatusOr<Block> ParseHtmlBlocks(std::string_view html) {
  StatusOr<std::vector<HtmlToken>> tokens = TokenizeHtml(html);
  if (!tokens.ok()) return tokens.status();
  return TreeBuilder(*tokens).Run();
}

}  // namespace uitdaag::pdf_internal
