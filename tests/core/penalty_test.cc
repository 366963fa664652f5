// Penalty for a late decision (Awb 4:17): notice of default, grace, tiers, stop on decision.
#include <catch2/catch.hpp>

#include "uitdaag/deadline.h"

namespace uitdaag {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

// The statutory scheme of Awb 4:17 lid 2: 23 euro a day for 14 days, 35 for the next 14,
// 45 for the last 14; at most 42 days and 1,442 euro.
PenaltyScheme Statutory() {
  PenaltyScheme scheme;
  scheme.grace = Duration{2, DurationUnit::kWeeks};
  scheme.tiers = {{14, 2300}, {14, 3500}, {14, 4500}};
  return scheme;
}

const Date kLegalEnd = D(2025, 3, 3);  // a Monday

TEST_CASE("Awb 4:17: no notice of default, no penalty", "[awb-4:17]") {
  const PenaltyExposure p = ComputePenalty(Statutory(), kLegalEnd, std::nullopt, std::nullopt,
                                           D(2025, 6, 1));
  CHECK(p.late);
  CHECK(p.days_late == 90);  // 4 March .. 1 June
  CHECK_FALSE(p.notice.has_value());
  CHECK_FALSE(p.accrues_from.has_value());
  CHECK(p.penalty_days == 0);
  CHECK(p.accrued_cents == 0);
  CHECK(p.maximum_cents == 144200);
}

TEST_CASE("Awb 4:17: not late on or before the legal end", "[awb-4:17]") {
  PenaltyExposure p =
      ComputePenalty(Statutory(), kLegalEnd, std::nullopt, std::nullopt, kLegalEnd);
  CHECK_FALSE(p.late);
  CHECK(p.days_late == 0);
  p = ComputePenalty(Statutory(), kLegalEnd, std::nullopt, std::nullopt, D(2025, 3, 4));
  CHECK(p.late);
  CHECK(p.days_late == 1);
  // Decided in time: not late, whenever it is looked at.
  p = ComputePenalty(Statutory(), kLegalEnd, std::nullopt, kLegalEnd, D(2025, 5, 1));
  CHECK_FALSE(p.late);
  CHECK(p.days_late == 0);
}

TEST_CASE("Awb 4:17: notice and ten penalty days", "[awb-4:17]") {
  // Notice on Wednesday 5 March; two weeks' grace to 19 March; the first penalty day is 20 March.
  const PenaltyExposure p =
      ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 5), std::nullopt, D(2025, 3, 29));
  CHECK(p.late);
  CHECK(p.days_late == 26);
  REQUIRE(p.notice.has_value());
  CHECK(*p.notice == D(2025, 3, 5));
  REQUIRE(p.accrues_from.has_value());
  CHECK(*p.accrues_from == D(2025, 3, 20));
  CHECK(p.penalty_days == 10);
  CHECK(p.accrued_cents == 10 * 2300);
  CHECK(p.maximum_cents == 144200);
}

TEST_CASE("Awb 4:17: the tiers apply in order", "[awb-4:17]") {
  const auto accrued_after = [](int days) {
    // The day before the first penalty day plus `days`.
    return ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 5), std::nullopt,
                          D(2025, 3, 19).AddDays(days));
  };
  CHECK(accrued_after(0).penalty_days == 0);
  CHECK(accrued_after(0).accrued_cents == 0);
  CHECK(accrued_after(1).accrued_cents == 2300);
  CHECK(accrued_after(14).accrued_cents == 14 * 2300);
  CHECK(accrued_after(15).accrued_cents == 14 * 2300 + 3500);
  CHECK(accrued_after(20).accrued_cents == 14 * 2300 + 6 * 3500);
  CHECK(accrued_after(29).accrued_cents == 14 * 2300 + 14 * 3500 + 4500);
  CHECK(accrued_after(42).accrued_cents == 144200);
}

TEST_CASE("Awb 4:17: capped at 42 days", "[awb-4:17]") {
  const PenaltyExposure p =
      ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 5), std::nullopt, D(2025, 12, 31));
  CHECK(p.penalty_days == 42);
  CHECK(p.accrued_cents == 144200);
  CHECK(p.accrued_cents == p.maximum_cents);
}

TEST_CASE("Awb 4:17: the decision stops the accrual", "[awb-4:17]") {
  // Decided on 25 March: penalty days 20..24 March = 5.
  PenaltyExposure p =
      ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 5), D(2025, 3, 25), D(2025, 12, 31));
  CHECK(p.penalty_days == 5);
  CHECK(p.accrued_cents == 5 * 2300);
  CHECK(p.days_late == 21);  // 4 .. 24 March
  CHECK(p.late);
  // Decided before the penalty started: nothing.
  p = ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 5), D(2025, 3, 15), D(2025, 12, 31));
  CHECK(p.penalty_days == 0);
  CHECK(p.accrued_cents == 0);
  // A decision later than as_of has not happened yet on as_of.
  p = ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 5), D(2025, 4, 30), D(2025, 3, 24));
  CHECK(p.penalty_days == 5);
}

TEST_CASE("Awb 4:17: a notice on or before the legal end is ignored", "[awb-4:17]") {
  for (Date notice : {kLegalEnd, D(2025, 2, 20)}) {
    INFO(notice.ToIsoString());
    const PenaltyExposure p =
        ComputePenalty(Statutory(), kLegalEnd, notice, std::nullopt, D(2025, 6, 1));
    CHECK_FALSE(p.notice.has_value());
    CHECK_FALSE(p.accrues_from.has_value());
    CHECK(p.penalty_days == 0);
    CHECK(p.accrued_cents == 0);
  }
  // The day after the legal end counts.
  CHECK(ComputePenalty(Statutory(), kLegalEnd, D(2025, 3, 4), std::nullopt, D(2025, 6, 1))
            .penalty_days == 42);
}

TEST_CASE("Awb 4:17: other schemes", "[awb-4:17]") {
  PenaltyScheme scheme;
  scheme.grace = Duration{1, DurationUnit::kWeeks};
  scheme.tiers = {{5, 1000}};
  PenaltyExposure p =
      ComputePenalty(scheme, kLegalEnd, D(2025, 3, 5), std::nullopt, D(2025, 3, 14));
  CHECK(*p.accrues_from == D(2025, 3, 13));
  CHECK(p.penalty_days == 2);
  CHECK(p.accrued_cents == 2000);
  CHECK(p.maximum_cents == 5000);
  // Grace in working days counts Monday to Friday: Wednesday 5 March + 3 = Monday 10 March.
  scheme.grace = Duration{3, DurationUnit::kWorkingDays};
  p = ComputePenalty(scheme, kLegalEnd, D(2025, 3, 5), std::nullopt, D(2025, 3, 14));
  CHECK(*p.accrues_from == D(2025, 3, 11));
  // No tiers: nothing to accrue.
  p = ComputePenalty(PenaltyScheme{}, kLegalEnd, D(2025, 3, 5), std::nullopt, D(2025, 6, 1));
  CHECK(p.penalty_days == 0);
  CHECK(p.maximum_cents == 0);
}

}  // namespace
}  // namespace uitdaag
