// Pagination: distributes the vertical list over pages.
//
// Greedy, one page at a time: a group of slices that must stay together (keep_with_next) goes on
// the current page when it fits, else on the next page. A group taller than a whole page is set
// slice by slice. Space (glue) at the top of a page is dropped. On the first page a slice may
// ask to start no higher than a given y (the address in the envelope window). A table row that
// starts a page gets its table's header row above it.
#pragma once

#include <vector>

#include "pdf_slices.h"
#include "pdf_style.h"

namespace uitdaag::pdf_internal {

// `first_page_top` is where the body starts on page 1 (below the letterhead). Always returns at
// least one page.
std::vector<Page> Paginate(SliceList slices, const PageGeometry& page, double first_page_top);

}  // namespace uitdaag::pdf_internal
