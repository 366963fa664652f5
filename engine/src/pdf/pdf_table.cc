// Tables: column widths from the content, rows as unbreakable slices, the header row repeated on
// every page the table continues on.
//
// Column widths follow the HTML automatic table layout in outline: every column gets at least
// its widest word, and the room left is shared in proportion to how much wider each column
// would like to be; so the column with the long text gets the most. Data tables fill the text
// column; reference tables keep their natural width; signature tables split it evenly.
#include <algorithm>
#include <numeric>

#include "pdf_layout.h"

namespace uitdaag::pdf_internal {
namespace {

struct RowRef {
  const Block* row;
  bool header;  // inside <thead>
};

std::vector<RowRef> RowsOf(const Block& table) {
  std::vector<RowRef> rows;
  for (const Block& child : table.children) {
    if (child.kind == BlockKind::kRow) rows.push_back({&child, false});
    if (child.kind == BlockKind::kTableSection) {
      for (const Block& row : child.children) rows.push_back({&row, child.header});
    }
  }
  return rows;
}

// `fill`: the table takes the whole width when its content is narrower; `label_column`: the
// first column holds row labels and keeps its natural width then.
std::vector<double> ColumnWidths(const std::vector<WidthRange>& columns, double available,
                                 bool fill, bool label_column) {
  const size_t n = columns.size();
  std::vector<double> widths(n);
  double sum_min = 0, sum_max = 0;
  for (const WidthRange& c : columns) {
    sum_min += c.min;
    sum_max += c.max;
  }
  if (sum_max <= available) {
    // Everything fits unwrapped; a filling table shares the rest in proportion (not with the
    // label column).
    const size_t first_growing = label_column && n > 1 ? 1 : 0;
    double growing_max = 0;
    for (size_t i = first_growing; i < n; ++i) growing_max += columns[i].max;
    const double extra = fill ? available - sum_max : 0;
    for (size_t i = 0; i < n; ++i) {
      widths[i] = columns[i].max;
      if (i < first_growing) continue;
      widths[i] += extra * (growing_max > 0 ? columns[i].max / growing_max
                                            : 1.0 / static_cast<double>(n - first_growing));
    }
    return widths;
  }
  if (sum_min > available) {
    // Even the words do not fit. Columns whose widest word fits an even share keep it; the
    // others share the rest in proportion to how much they lack, and their words break inside.
    const double share = available / static_cast<double>(n);
    double kept = 0, lacking = 0;
    for (const WidthRange& c : columns) {
      kept += std::min(c.min, share);
      lacking += std::max(c.min - share, 0.0);
    }
    for (size_t i = 0; i < n; ++i) {
      const double lack = std::max(columns[i].min - share, 0.0);
      widths[i] =
          std::min(columns[i].min, share) + (lacking > 0 ? (available - kept) * lack / lacking : 0);
    }
    return widths;
  }
  // Narrow columns (no wider than an even share of the table) get their natural width, as long
  // as the others keep their minimum; the wide columns share the rest in proportion to how much
  // they would like to grow, so the column with the long text gets the most.
  std::vector<bool> settled(n, false);
  double room = available;
  double wide_min = sum_min;
  const double share = available / static_cast<double>(n);
  for (size_t i = 0; i < n; ++i) {
    if (columns[i].max > share || room - columns[i].max < wide_min - columns[i].min) continue;
    settled[i] = true;
    widths[i] = columns[i].max;
    room -= columns[i].max;
    wide_min -= columns[i].min;
  }
  double wide_stretch = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!settled[i]) wide_stretch += columns[i].max - columns[i].min;
  }
  const double spare = room - wide_min;
  for (size_t i = 0; i < n; ++i) {
    if (settled[i]) continue;
    const double stretch = columns[i].max - columns[i].min;
    widths[i] = columns[i].min + (wide_stretch > 0 ? spare * stretch / wide_stretch : 0);
  }
  return widths;
}

}  // namespace

void FlowBuilder::Table(const Block& block, PdfBlockRole role, const Frame& frame,
                        SliceList& out) const {
  const std::vector<RowRef> rows = RowsOf(block);
  size_t columns = 0;
  for (const RowRef& row : rows) columns = std::max(columns, row.row->children.size());
  if (columns == 0) return;

  const bool reference = role == PdfBlockRole::kReferenceTable;
  const bool signature = role == PdfBlockRole::kSignatureTable;
  const bool ruled = !reference && !signature;

  Frame cell_frame = frame;
  cell_frame.text = reference ? style_.reference : signature ? frame.text : style_.table;
  cell_frame.text.justify = false;
  cell_frame.text.gray = frame.text.gray;
  cell_frame.paragraph_space = ruled ? style_.paragraph_space * 0.5 : style_.paragraph_space;

  // Horizontal room taken by a cell besides its content.
  const double pad_x = ruled ? style_.cell_padding_x : 0;
  const double gap = reference ? style_.reference_gap : signature ? style_.signature_gap : 0;
  const double pad_y = ruled ? style_.cell_padding_y : reference ? 0.1 * style_.body.size : 0;
  const double cell_extra = 2 * pad_x + gap;

  // Column widths.
  std::vector<double> widths;
  if (signature) {
    widths.assign(columns, frame.width / static_cast<double>(columns));
  } else {
    std::vector<WidthRange> ranges(columns);
    for (const RowRef& row : rows) {
      for (size_t c = 0; c < row.row->children.size(); ++c) {
        const WidthRange r = Measure(row.row->children[c].children, cell_frame);
        ranges[c].min = std::max(ranges[c].min, r.min + cell_extra);
        ranges[c].max = std::max(ranges[c].max, r.max + cell_extra);
      }
    }
    const bool label_column = std::all_of(rows.begin(), rows.end(), [](const RowRef& r) {
      return r.header || (!r.row->children.empty() && r.row->children[0].header);
    });
    widths = ColumnWidths(ranges, frame.width + gap, !reference, label_column);
  }

  // The largest row that fits on a page, with the header row above it.
  const double page_room = page_.BodyHeight() * 0.9;
  std::shared_ptr<const Slice> header;
  double table_width = std::accumulate(widths.begin(), widths.end(), 0.0) - gap;
  table_width = std::min(table_width, frame.width);
  bool first_row = true;

  for (const RowRef& row : rows) {
    // Each cell's content as its own vertical list.
    std::vector<SliceList> cells(columns);
    double x = frame.x;
    for (size_t c = 0; c < row.row->children.size(); ++c) {
      Frame inner = cell_frame;
      inner.x = x + pad_x;
      inner.width = std::max(widths[c] - cell_extra, 1.0);
      Blocks(row.row->children[c].children, inner, cells[c]);
      cells[c].TrimSpace();
      x += widths[c];
    }
    // Rows taller than a page are cut into parts of at most `limit`, cell by cell.
    const double limit = page_room - (header ? header->height : 0) - 2 * pad_y;
    std::vector<size_t> next(columns, 0);
    bool more = true;
    while (more) {
      Slice slice;
      double height = 0;
      more = false;
      for (size_t c = 0; c < columns; ++c) {
        double y = pad_y;
        size_t& i = next[c];
        const size_t start = i;
        while (i < cells[c].size() && (i == start || y + cells[c][i].height <= pad_y + limit)) {
          Slice& part = cells[c][i];
          for (DrawOp& op : part.ops) {
            ShiftY(op, y);
            slice.ops.push_back(std::move(op));
          }
          if (slice.baseline < 0 && part.baseline >= 0) slice.baseline = part.baseline + y;
          y += part.height;
          ++i;
        }
        height = std::max(height, y - pad_y);
        more = more || i < cells[c].size();
      }
      slice.height = height + 2 * pad_y;
      const bool has_top_rule = first_row;
      if (ruled) {
        if (row.header) {
          slice.ops.insert(slice.ops.begin(),
                           FillOp{frame.x, 0, table_width, slice.height, style_.header_fill_gray});
        }
        if (first_row) {
          slice.ops.push_back(RuleOp{frame.x, 0, frame.x + table_width, 0, style_.rule_width * 1.6,
                                     style_.rule_gray});
        }
        const double bottom_width = row.header ? style_.rule_width * 1.6 : style_.rule_width;
        slice.ops.push_back(RuleOp{frame.x, slice.height, frame.x + table_width, slice.height,
                                   bottom_width, style_.rule_gray});
      }
      first_row = false;
      if (row.header) {
        slice.keep_with_next = true;
        if (!header) {
          // Repeated copies start with the top rule too.
          Slice copy = slice;
          if (ruled && !has_top_rule) {
            copy.ops.push_back(RuleOp{frame.x, 0, frame.x + table_width, 0, style_.rule_width * 1.6,
                                      style_.rule_gray});
          }
          header = std::make_shared<const Slice>(std::move(copy));
        }
      } else {
        slice.repeat_header = header;
        if (reference) slice.keep_with_next = true;  // a few short lines: never split
      }
      out.Add(std::move(slice));
    }
  }
  if (reference && !out.empty()) out[out.size() - 1].keep_with_next = false;
  out.AddSpace(frame.paragraph_space * 1.4);
}

}  // namespace uitdaag::pdf_internal
