#include "pdf_slices.h"

#include <algorithm>

namespace uitdaag::pdf_internal {

void ShiftY(DrawOp& op, double dy) {
  std::visit(
      [dy](auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, TextLineOp>) {
          o.baseline += dy;
        } else if constexpr (std::is_same_v<T, RuleOp>) {
          o.y0 += dy;
          o.y1 += dy;
        } else {
          o.y += dy;
        }
      },
      op);
}

void SliceList::AddSpace(double height) {
  if (!slices_.empty() && slices_.back().glue) {
    slices_.back().height = std::max(slices_.back().height, height);
    return;
  }
  Slice space;
  space.glue = true;
  space.height = height;
  space.keep_with_next = !slices_.empty() && slices_.back().keep_with_next;
  slices_.push_back(std::move(space));
}

void SliceList::Add(Slice slice) {
  slices_.push_back(std::move(slice));
}

void SliceList::Append(SliceList other) {
  for (Slice& slice : other.slices_) {
    if (slice.glue) {
      AddSpace(slice.height);
      slices_.back().keep_with_next = slices_.back().keep_with_next || slice.keep_with_next;
      for (DrawOp& op : slice.ops) slices_.back().ops.push_back(std::move(op));
    } else {
      slices_.push_back(std::move(slice));
    }
  }
}

void SliceList::KeepTogether(size_t begin, size_t end) {
  for (size_t i = begin; i + 1 < end && i < slices_.size(); ++i) slices_[i].keep_with_next = true;
}

void SliceList::TrimSpace() {
  while (!slices_.empty() && slices_.back().glue) slices_.pop_back();
  size_t first = 0;
  while (first < slices_.size() && slices_[first].glue) ++first;
  slices_.erase(slices_.begin(), slices_.begin() + static_cast<std::ptrdiff_t>(first));
}

double SliceList::Height() const {
  double height = 0;
  for (const Slice& slice : slices_) height += slice.height;
  return height;
}

}  // namespace uitdaag::pdf_internal
