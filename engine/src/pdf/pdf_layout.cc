#include "pdf_layout.h"

#include <algorithm>
#include <string>

namespace uitdaag::pdf_internal {
namespace {

// List markers: a bullet for unordered lists, an en dash for nested ones.
constexpr const char* kBullet = "\xE2\x80\xA2";
constexpr const char* kDash = "\xE2\x80\x93";

}  // namespace

FlowBuilder::FlowBuilder(const TextShaper& shaper, const PdfOptions& options,
                         const PageGeometry& page, const LetterStyle& style)
    : shaper_(shaper), options_(options), page_(page), style_(style) {}

Frame FlowBuilder::BodyFrame() const {
  Frame frame;
  frame.x = page_.margin_left;
  frame.width = page_.ContentWidth();
  frame.text = style_.body;
  frame.paragraph_space = style_.paragraph_space;
  return frame;
}

SliceList FlowBuilder::Build(const Block& root) const {
  SliceList out;
  Blocks(root.children, BodyFrame(), out);
  out.TrimSpace();
  return out;
}

PdfBlockRole FlowBuilder::RoleOf(const Block& block) const {
  for (const std::string& name : block.classes) {
    const auto found = options_.class_roles.find(name);
    if (found != options_.class_roles.end()) return found->second;
  }
  return PdfBlockRole::kNone;
}

void FlowBuilder::Blocks(const std::vector<Block>& blocks, const Frame& frame,
                         SliceList& out) const {
  for (const Block& block : blocks) {
    const PdfBlockRole role = RoleOf(block);
    switch (block.kind) {
      case BlockKind::kText:
        Text(block.runs, frame.text, frame, out);
        break;
      case BlockKind::kParagraph:
        Paragraph(block, role, frame, out);
        break;
      case BlockKind::kHeading:
        Heading(block, frame, out);
        break;
      case BlockKind::kDiv:
      case BlockKind::kRoot:
        Div(block, role, frame, out);
        break;
      case BlockKind::kList:
        List(block, frame, out);
        break;
      case BlockKind::kTable:
        Table(block, role, frame, out);
        break;
      case BlockKind::kRule:
        Rule(frame, out);
        break;
      case BlockKind::kListItem:
      case BlockKind::kTableSection:
      case BlockKind::kRow:
      case BlockKind::kCell:
        break;  // only inside lists and tables, handled there
    }
  }
}

// Lines of text; a paragraph of three or more lines may break between its second and its
// second-to-last line only.
void FlowBuilder::Text(const std::vector<TextRun>& runs, const TextStyle& style, const Frame& frame,
                       SliceList& out) const {
  if (runs.empty()) return;
  const size_t first = out.size();
  TextShaper::AppendLines(shaper_.Layout(runs, style, frame.width), frame.x, style.gray, out);
  const size_t lines = out.size() - first;
  if (lines >= 2) {
    out[first].keep_with_next = true;
    out[out.size() - 2].keep_with_next = true;
  }
}

void FlowBuilder::Paragraph(const Block& block, PdfBlockRole role, const Frame& frame,
                            SliceList& out) const {
  if (!block.HasText()) return;
  TextStyle text = frame.text;
  const size_t first = out.size();
  switch (role) {
    case PdfBlockRole::kSubject:
      text.bold = true;
      text.justify = false;
      out.AddSpace(style_.subject_space);
      Text(block.runs, text, frame, out);
      out.AddSpace(style_.subject_space * 0.8);
      return;
    case PdfBlockRole::kClosing:
      out.AddSpace(frame.paragraph_space * 1.5);
      text.justify = false;
      Text(block.runs, text, frame, out);
      out.KeepTogether(first, out.size() + 1);  // and with the signer that follows
      out.AddSpace(frame.paragraph_space);
      return;
    case PdfBlockRole::kSigner:
      out.AddSpace(style_.signature_space);
      text.justify = false;
      Text(block.runs, text, frame, out);
      out.KeepTogether(first, out.size());
      out.AddSpace(frame.paragraph_space);
      return;
    default:
      Text(block.runs, text, frame, out);
      out.AddSpace(frame.paragraph_space);
      return;
  }
}

void FlowBuilder::Heading(const Block& block, const Frame& frame, SliceList& out) const {
  if (!block.HasText()) return;
  const int level = std::clamp(block.level, 1, 3) - 1;
  out.AddSpace(style_.heading_space_above[level]);
  const size_t first = out.size();
  TextStyle text = style_.heading[level];
  text.gray = frame.text.gray;
  Text(block.runs, text, frame, out);
  out.KeepTogether(first, out.size() + 1);  // with the next block
  out.AddSpace(style_.heading_space_below[level]);
}

void FlowBuilder::Div(const Block& block, PdfBlockRole role, const Frame& frame,
                      SliceList& out) const {
  Frame inner = frame;
  switch (role) {
    case PdfBlockRole::kSenderAddress:
    case PdfBlockRole::kRecipientAddress: {
      if (role == PdfBlockRole::kSenderAddress) inner.text = style_.small;
      inner.text.justify = false;
      inner.paragraph_space = 0;
      SliceList address;
      Blocks(block.children, inner, address);
      address.TrimSpace();
      if (address.empty()) return;
      address.KeepTogether(0, address.size());
      if (role == PdfBlockRole::kSenderAddress) {
        // Just above the recipient, inside the envelope window.
        address[0].first_page_min_y = page_.window_top - Mm(2) - address.Height();
        address[address.size() - 1].keep_with_next = true;
        address.AddSpace(Mm(2));
      } else {
        address[0].first_page_min_y = page_.window_top;
        Slice below_window;  // what follows starts below the window
        below_window.first_page_min_y = page_.window_bottom;
        address.Add(std::move(below_window));
      }
      out.Append(std::move(address));
      return;
    }
    case PdfBlockRole::kQuotedText: {
      inner.x += style_.quote_indent;
      inner.width -= style_.quote_indent;
      SliceList quoted;
      Blocks(block.children, inner, quoted);
      quoted.TrimSpace();
      // A bar on the left of every slice, so that it follows the text across pages.
      const double bar_x = frame.x + style_.quote_indent * 0.3;
      for (Slice& slice : quoted.slices()) {
        slice.ops.push_back(RuleOp{bar_x, 0, bar_x, slice.height, 1.2, 0.65});
      }
      out.Append(std::move(quoted));
      out.AddSpace(frame.paragraph_space);
      return;
    }
    default:
      Blocks(block.children, inner, out);
      out.AddSpace(frame.paragraph_space);
      return;
  }
}

void FlowBuilder::List(const Block& block, const Frame& frame, SliceList& out) const {
  Frame item_frame = frame;
  item_frame.x += style_.list_indent;
  item_frame.width -= style_.list_indent;
  item_frame.list_depth = frame.list_depth + 1;
  TextStyle marker_style = frame.text;
  marker_style.bold = marker_style.italic = marker_style.justify = false;
  int number = 0;
  for (const Block& item : block.children) {
    ++number;
    SliceList content;
    Blocks(item.children, item_frame, content);
    content.TrimSpace();
    const std::string marker = block.ordered ? std::to_string(number) + "."
                                             : (frame.list_depth % 2 == 0 ? kBullet : kDash);
    LayoutRef layout = shaper_.Layout(marker, marker_style, 0);
    const double marker_x = item_frame.x - style_.marker_gap - TextShaper::Width(layout.get());
    auto with_baseline = std::find_if(content.slices().begin(), content.slices().end(),
                                      [](const Slice& s) { return s.baseline >= 0; });
    if (with_baseline == content.slices().end()) {
      SliceList marker_line;
      TextShaper::AppendLines(layout, marker_x, marker_style.gray, marker_line);
      content.Append(std::move(marker_line));
    } else {
      with_baseline->ops.push_back(
          TextLineOp{layout, 0, marker_x, with_baseline->baseline, marker_style.gray});
    }
    out.Append(std::move(content));
    out.AddSpace(style_.item_space);
  }
  out.AddSpace(frame.paragraph_space);
}

void FlowBuilder::Rule(const Frame& frame, SliceList& out) const {
  out.AddSpace(frame.paragraph_space * 1.5);
  Slice rule;
  rule.height = style_.rule_width;
  rule.ops.push_back(RuleOp{frame.x, rule.height / 2, frame.x + frame.width, rule.height / 2,
                            style_.rule_width, style_.rule_gray});
  out.Add(std::move(rule));
  out.AddSpace(frame.paragraph_space * 1.5);
}

WidthRange FlowBuilder::Measure(const std::vector<Block>& blocks, const Frame& frame) const {
  WidthRange range;
  for (const Block& block : blocks) {
    WidthRange part;
    switch (block.kind) {
      case BlockKind::kText:
      case BlockKind::kParagraph:
        part = shaper_.Measure(block.runs, frame.text);
        break;
      case BlockKind::kHeading: {
        TextStyle text = style_.heading[std::clamp(block.level, 1, 3) - 1];
        part = shaper_.Measure(block.runs, text);
        break;
      }
      case BlockKind::kDiv:
        part = Measure(block.children, frame);
        break;
      case BlockKind::kList:
        for (const Block& item : block.children) {
          const WidthRange item_range = Measure(item.children, frame);
          part.min = std::max(part.min, item_range.min + style_.list_indent);
          part.max = std::max(part.max, item_range.max + style_.list_indent);
        }
        break;
      case BlockKind::kTable:
        // A nested table: its cells side by side.
        for (const Block& row_or_section : block.children) {
          const std::vector<Block>& rows = row_or_section.kind == BlockKind::kRow
                                               ? std::vector<Block>{row_or_section}
                                               : row_or_section.children;
          for (const Block& row : rows) {
            WidthRange row_range;
            for (const Block& cell : row.children) {
              const WidthRange cell_range = Measure(cell.children, frame);
              row_range.min += cell_range.min + 2 * style_.cell_padding_x;
              row_range.max += cell_range.max + 2 * style_.cell_padding_x;
            }
            part.min = std::max(part.min, row_range.min);
            part.max = std::max(part.max, row_range.max);
          }
        }
        break;
      default:
        break;
    }
    range.min = std::max(range.min, part.min);
    range.max = std::max(range.max, part.max);
  }
  return range;
}

}  // namespace uitdaag::pdf_internal
