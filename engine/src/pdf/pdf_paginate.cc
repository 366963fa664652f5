#include "pdf_paginate.h"

#include <algorithm>

namespace uitdaag::pdf_internal {
namespace {

class Paginator {
 public:
  Paginator(const PageGeometry& page, double first_page_top) : page_(page), y_(first_page_top) {
    pages_.emplace_back();
  }

  std::vector<Page> Run(std::vector<Slice>& slices) {
    size_t i = 0;
    while (i < slices.size()) {
      const size_t end = GroupEnd(slices, i);
      if (Fits(slices, i, end)) {
        for (size_t k = i; k < end; ++k) Place(slices[k]);
        i = end;
      } else if (has_content_) {
        NewPage(slices[i]);
      } else {
        // Taller than a page: set slice by slice, breaking wherever one does not fit.
        for (size_t k = i; k < end; ++k) {
          if (has_content_ && !Fits(slices, k, k + 1)) NewPage(slices[k]);
          Place(slices[k]);
        }
        i = end;
      }
    }
    return std::move(pages_);
  }

 private:
  // One past the last slice of the group starting at `begin`.
  static size_t GroupEnd(const std::vector<Slice>& slices, size_t begin) {
    size_t end = begin;
    while (end + 1 < slices.size() && slices[end].keep_with_next) ++end;
    return end + 1;
  }

  double StartOf(const Slice& slice, double y) const {
    if (pages_.size() == 1 && slice.first_page_min_y >= 0)
      return std::max(y, slice.first_page_min_y);
    return y;
  }

  bool Fits(const std::vector<Slice>& slices, size_t begin, size_t end) const {
    double y = y_;
    bool content = has_content_;
    for (size_t k = begin; k < end; ++k) {
      if (slices[k].glue && !content) continue;
      y = StartOf(slices[k], y) + slices[k].height;
      content = content || !slices[k].glue;
    }
    return y <= page_.BodyBottom() + 0.01;
  }

  void Place(Slice& slice) {
    if (slice.glue && !has_content_) return;
    y_ = StartOf(slice, y_);
    for (DrawOp& op : slice.ops) {
      ShiftY(op, y_);
      pages_.back().ops.push_back(std::move(op));
    }
    y_ += slice.height;
    has_content_ = has_content_ || !slice.glue;
  }

  void NewPage(const Slice& next) {
    pages_.emplace_back();
    y_ = page_.margin_top;
    has_content_ = false;
    if (next.repeat_header) {
      Slice header = *next.repeat_header;
      Place(header);
      has_content_ = false;  // a header alone does not make the page used
    }
  }

  const PageGeometry& page_;
  std::vector<Page> pages_;
  double y_;
  bool has_content_ = false;
};

}  // namespace

std::vector<Page> Paginate(SliceList slices, const PageGeometry& page, double first_page_top) {
  return Paginator(page, first_page_top).Run(slices.slices());
}

}  // namespace uitdaag::pdf_internal
