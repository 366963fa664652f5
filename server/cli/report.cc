// Printing deadlines, effects and late-decision exposure for people (commands.h).
#include <ostream>
#include <string>

#include "cli/cli.h"
#include "cli/commands.h"

namespace uitdaag::cli {

std::string Euros(long long cents) {
  bool negative = cents < 0;
  unsigned long long abs = negative ? 0ULL - static_cast<unsigned long long>(cents)
                                    : static_cast<unsigned long long>(cents);
  std::string whole = std::to_string(abs / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  std::string frac = std::to_string(abs % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::string("EUR ") + (negative ? "-" : "") + grouped + "." + frac;
}

namespace {

std::string DateOr(const std::optional<Date>& d) { return d ? LongDate(*d) : "?"; }

}  // namespace

std::string DescribeEffect(const Effect& e) {
  using Kind = Effect::Kind;
  switch (e.kind) {
    case Kind::kRenderLetter:
      return "letter " + e.name;
    case Kind::kDeadlineStarted:
      return "deadline " + e.name + " started: legal end " + DateOr(e.date) +
             (e.target ? ", target " + LongDate(*e.target) : "");
    case Kind::kDeadlineStopped:
      return "deadline " + e.name + " stopped on " + DateOr(e.date);
    case Kind::kDeadlineSuspended:
      return "deadline " + e.name + " suspended from " + DateOr(e.date) +
             (e.detail.empty() ? "" : " (" + e.detail + ")");
    case Kind::kDeadlineResumed:
      return "deadline " + e.name + " resumed: legal end " + DateOr(e.date);
    case Kind::kDeadlineExtended:
      return "deadline " + e.name + " extended" + (e.detail.empty() ? "" : " by " + e.detail) +
             ": legal end " + DateOr(e.date);
    case Kind::kDeadlineExpired:
      return "deadline " + e.name + " expired (legal end was " + DateOr(e.date) + ")";
    case Kind::kDeadlineWarning:
      return "deadline " + e.name + " warning: legal end " + DateOr(e.date) + " is near";
    case Kind::kNoticeOfDefault:
      return "notice of default on " + e.name + " dated " + DateOr(e.date);
    case Kind::kNotify:
      return "notify " + e.name;
    case Kind::kAssign:
      return "assigned to " + e.name;
  }
  return e.ToString();
}

void PrintDeadline(std::ostream& out, const std::string& indent, const std::string& id,
                   const DeadlineComputation& c, bool explain) {
  out << indent << id << ": legal end " << LongDate(c.legal_end);
  if (c.target_end) out << ", target " << LongDate(*c.target_end);
  if (c.warn_on) out << ", warning on " << LongDate(*c.warn_on);
  if (c.provisional) out << " (provisional: a suspension is open)";
  out << "\n";
  if (!explain) return;
  for (const std::string& line : c.ExplainLegal()) out << indent << "    " << line << "\n";
}

void PrintExposure(std::ostream& out, const std::string& indent, const std::string& deadline,
                   const PenaltyExposure& x) {
  out << indent << "late decision (Awb 4:17) on " << deadline << ": " << x.days_late
      << (x.days_late == 1 ? " day" : " days") << " late\n";
  if (x.notice) {
    out << indent << "  notice of default: " << LongDate(*x.notice);
    if (x.accrues_from) out << "; penalty accrues from " << LongDate(*x.accrues_from);
    out << "\n";
  } else {
    out << indent << "  no notice of default yet: no penalty accrues\n";
  }
  out << indent << "  penalty: " << Euros(x.accrued_cents) << " accrued over " << x.penalty_days
      << (x.penalty_days == 1 ? " day" : " days") << ", at most " << Euros(x.maximum_cents)
      << "\n";
}

}  // namespace uitdaag::cli
