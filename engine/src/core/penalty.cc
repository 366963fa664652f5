#include <algorithm>

#include "uitdaag/deadline.h"

namespace uitdaag {
namespace {

// The end of the grace period after the notice. The scheme has no calendar: a grace period in
// working days counts Monday to Friday only. (Awb 4:17 lid 3 itself says two weeks.)
Date GraceEnd(const Duration& grace, Date notice) {
  if (grace.unit != DurationUnit::kWorkingDays) return grace.AddTo(notice);
  Date d = notice;
  for (int counted = 0; counted < grace.amount;) {
    d = d.AddDays(1);
    if (!d.IsWeekend()) ++counted;
  }
  return d;
}

long long SumOfTiers(const std::vector<PenaltyTier>& tiers, int days_to_cover) {
  long long cents = 0;
  int remaining = days_to_cover;
  for (const PenaltyTier& tier : tiers) {
    const int in_tier = std::clamp(remaining, 0, std::max(0, tier.days));
    cents += in_tier * tier.cents_per_day;
    remaining -= in_tier;
  }
  return cents;
}

}  // namespace

PenaltyExposure ComputePenalty(const PenaltyScheme& scheme, Date legal_end,
                               std::optional<Date> notice, std::optional<Date> decided_on,
                               Date as_of) {
  PenaltyExposure out;
  int tier_days = 0;
  for (const PenaltyTier& tier : scheme.tiers) tier_days += std::max(0, tier.days);
  out.maximum_cents = SumOfTiers(scheme.tiers, tier_days);

  // The last day that counts: as_of, or the day before the decision once it has been given.
  Date last = as_of;
  if (decided_on && decided_on->AddDays(-1) < last) last = decided_on->AddDays(-1);

  out.days_late = std::max(0, last - legal_end);
  // Late: the legal end has passed on as_of without a decision given on or before it.
  out.late = as_of > legal_end && !(decided_on && *decided_on <= legal_end);

  // Awb 4:17 lid 1 and 3: the penalty runs only after a notice of default given once the period
  // has ended; a notice on or before the legal end is premature and is ignored.
  if (!notice || *notice <= legal_end) return out;
  out.notice = notice;
  // Awb 4:17 lid 3: the first penalty day is the day after the grace period (two weeks) that
  // follows the day the notice was received.
  out.accrues_from = GraceEnd(scheme.grace, *notice).AddDays(1);

  // Awb 4:17 lid 2: at most the days the tiers cover (42 days in the statutory scheme).
  out.penalty_days = std::clamp(last - *out.accrues_from + 1, 0, tier_days);
  out.accrued_cents = SumOfTiers(scheme.tiers, out.penalty_days);
  return out;
}

}  // namespace uitdaag
