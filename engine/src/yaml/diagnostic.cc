// Diagnostic rendering and LoadResult counting.
#include <algorithm>

#include "uitdaag/loader.h"

namespace uitdaag {

std::string Diagnostic::ToString() const {
  std::string out = where.ToString();
  if (!out.empty()) out += ": ";
  out += severity == Severity::kError ? "error: " : "warning: ";
  out += message;
  return out;
}

size_t LoadResult::error_count() const {
  return static_cast<size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(),
      [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::kError; }));
}

}  // namespace uitdaag
