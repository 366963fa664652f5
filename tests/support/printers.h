// Catch2 printers so that failed checks show dates, instants, values and statuses readably.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "uitdaag/date.h"
#include "uitdaag/instant.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace Catch {
template <>
struct StringMaker<uitdaag::Date> {
  static std::string convert(const uitdaag::Date& d) { return d.ToIsoString(); }
};
template <>
struct StringMaker<uitdaag::Instant> {
  static std::string convert(const uitdaag::Instant& t) { return t.ToLocalString(); }
};
template <>
struct StringMaker<uitdaag::Value> {
  static std::string convert(const uitdaag::Value& v) { return v.DebugString(); }
};
template <>
struct StringMaker<uitdaag::StatusCode> {
  static std::string convert(uitdaag::StatusCode c) { return uitdaag::StatusCodeName(c); }
};
}  // namespace Catch
