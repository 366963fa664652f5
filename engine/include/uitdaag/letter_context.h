// The data a letter is rendered from (templates/README.md, "The data contract"), built from the
// case as it is after the step that sends the letter.
//
// Everything is formatted here, in Dutch, with the vocabulary of the language file
// (uitdaag/language.h): dates "22 november 2026", money "€ 12.500,00", durations, the deadline
// explanation. Templates only place values; they never format. The result is a Value record of
// texts, booleans, lists and records; it is stored with the letter as the data it was rendered
// from (letter_json.h), so a letter can be explained and re-rendered exactly.
//
// Thread safety: pure function of its inputs.
#pragma once

#include <optional>

#include "uitdaag/case.h"
#include "uitdaag/date.h"
#include "uitdaag/language.h"
#include "uitdaag/party.h"
#include "uitdaag/profile.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

struct LetterInput {
  // All REQUIRED (non-null) and must outlive the call.
  const WorkflowDefinition* workflow = nullptr;
  const CaseSnapshot* snapshot = nullptr;  // the case after the step (on `workflow`)
  const MunicipalityProfile* profile = nullptr;
  const Language* language = nullptr;
  Date letter_date;                  // the date of the step: brief.datum, and "as of" for deadlines
  std::optional<Party> applicant;    // aanvrager.*
  std::optional<Party> handler;      // behandelaar.*
};

Value BuildLetterContext(const LetterInput& input);

// Whether decisions of `workflow` are beschikkingen open to objection: its `rechtskarakter`
// parameter when it has one, else the profile's, else true (the Awb default for a decision on
// an application). Anything but "geen_besluit" is a beschikking.
bool DecisionIsBeschikking(const WorkflowDefinition& workflow, const MunicipalityProfile& profile);

}  // namespace uitdaag
