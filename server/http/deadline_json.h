// One deadline of a case as JSON, the same for the case itself (GET /api/cases/{id}: the summary)
// and for the deadlines resource (GET /api/cases/{id}/deadlines: everything about it).
//
// Summary: id, label, status, legal_end, target (when the rule has one), provisional and the
// Dutch explanation of the legal end (when the workflow's letter language is loaded).
// Full, in addition: round, started_by, start, warn_on, stopped_on, notice_of_default, the
// suspensions (start, end or null while open, reason), the extensions (on, by as "6 weeks",
// by_text in Dutch, reason) and, for a deadline with a late-decision penalty scheme (Awb 4:17),
// the exposure on `today` (amounts as decimal euro strings, like money elsewhere).
//
// Thread safety: reentrant; the definition and the snapshot are only read.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "uitdaag/case.h"
#include "uitdaag/date.h"
#include "uitdaag/deadline.h"
#include "uitdaag/language.h"
#include "uitdaag/workflow.h"

namespace uitdaag::http {

enum class DeadlineDetail { kSummary, kFull };

// Late-decision exposure (Awb 4:17) as JSON: late, days_late, notice_of_default, accrues_from,
// penalty_days, accrued and maximum (decimal euro strings). The queue and the deadlines share it.
Poco::JSON::Object::Ptr ExposureJson(const PenaltyExposure& exposure);

// The deadline `id` of `snapshot` as seen on `today`; null when the snapshot has no such track
// or the definition no such deadline. `language` may be null (no explanation then).
Poco::JSON::Object::Ptr DeadlineJson(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                     const std::string& id, Date today, const Language* language,
                                     DeadlineDetail detail);

}  // namespace uitdaag::http
