// The pattern table of language files and the `{name}` placeholder mechanics shared by the
// loader (language_loader.cc) and the formatters (letter_format.cc, deadline_explanation.cc).
#include "uitdaag/language.h"

#include <cassert>

namespace uitdaag {

const std::vector<PatternSpec>& PatternSpecs() {
  using P = PatternId;
  static const std::vector<PatternSpec> specs = {
      {P::kAnnualRule, "rules", "annual", {"day_month"}},
      {P::kNamedDay, "explanation", "named_day", {"date", "name"}},
      {P::kReason, "explanation", "reason", {"reason"}},
      {P::kPeriod, "explanation", "period", {"duration", "start", "end"}},
      {P::kAnnual, "explanation", "annual", {"day_month", "start", "end"}},
      {P::kSuspension, "explanation", "suspension", {"days", "from", "until", "reason", "end"}},
      {P::kSuspensionNoDays,
       "explanation",
       "suspension_no_days",
       {"from", "until", "reason", "end"}},
      {P::kOpenSuspension, "explanation", "open_suspension", {"days", "from", "reason", "end"}},
      {P::kExtension, "explanation", "extension", {"duration", "on", "end"}},
      {P::kAtwNotApplied, "explanation", "atw_not_applied", {"end"}},
      {P::kAtwExcluded, "explanation", "atw_excluded", {"duration", "end"}},
      {P::kRollOverOne, "explanation", "roll_over_one", {"day", "end"}},
      {P::kRollOverMany, "explanation", "roll_over_many", {"days", "end"}},
      {P::kTwoWorkingDays, "explanation", "two_working_days", {"from", "end"}},
      {P::kFinal, "explanation", "final", {"end"}},
      {P::kFinalProvisional, "explanation", "final_provisional", {"end"}},
      {P::kPageLabel, "document", "page_label", {"page", "pages"}},
  };
  return specs;
}

const PatternSpec& SpecOf(PatternId id) {
  const std::vector<PatternSpec>& specs = PatternSpecs();
  const size_t index = static_cast<size_t>(id);
  assert(index < specs.size() && specs[index].id == id);
  return specs[index];
}

const std::vector<std::string_view>& NamedDayIds() {
  static const std::vector<std::string_view> ids = {
      "new_years_day", "good_friday", "easter_monday",  "ascension_day",
      "whit_monday",   "kings_day",   "liberation_day", "christmas_day",
      "boxing_day",    "saturday",    "sunday",
  };
  return ids;
}

PatternScan ScanPattern(std::string_view pattern) {
  PatternScan scan;
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '}') {
      scan.error = PatternError{"'}' without a matching '{' (braces are only for placeholders)", i};
      return scan;
    }
    if (c != '{') {
      ++i;
      continue;
    }
    const size_t close = pattern.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || pattern[close] == '{') {
      scan.error = PatternError{"'{' without a closing '}'", i};
      return scan;
    }
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    if (name.empty()) {
      scan.error = PatternError{"empty placeholder '{}'", i};
      return scan;
    }
    scan.placeholders.push_back({std::string(name), i});
    i = close + 1;
  }
  return scan;
}

std::string FillPattern(std::string_view pattern,
                        const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  out.reserve(pattern.size() + 32);
  size_t i = 0;
  while (i < pattern.size()) {
    const size_t open = pattern.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = pattern.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    auto it = values.find(name);
    if (it != values.end()) {
      out += it->second;
    } else {
      out.append(pattern.substr(open, close - open + 1));  // kept visible
    }
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

}  // namespace uitdaag
