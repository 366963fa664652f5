// Simulation scripts: a YAML list of dated events (and expectations) to run a workflow through.
//
//   case: 2025-0042                 # case id (optional, default "SIM-1")
//   start: 2025-11-13T09:00         # when the case is created (optional: the first step's time)
//   steps:
//     - at: 2025-11-13T10:00        # Dutch local time, or a date (local midnight)
//       event: indienen
//       role: initiatiefnemer
//       actor: Stichting Groen Doet   # optional
//       data: { omschrijving: "...", begroting: 12500 }
//       expect:                      # optional; all keys optional
//         state: ontvangen
//         deadlines: { beslistermijn: 2026-01-08 }   # legal end as computed after the step
//         letters: [ontvangstbevestiging]           # letters rendered by this step, in order
//         rejected: permission_denied               # the step must be rejected with this code
//         data: { verlengingen: 1 }
//     - at: 2026-03-01
//       advance: true                # no event: only let timers fire up to this moment
//       expect: { state: buiten_behandeling }
//   until: 2027-01-01               # optional: let timers run up to here at the end
//   applicant:                      # optional: who letters are addressed to (previews)
//     name: Stichting Groen Doet
//     contact_person: mevrouw A. Jansen
//     salutation: Beste mevrouw Jansen # optional: the greeting line (without the comma)
//     address: Dorpsstraat 1
//     postcode: 1234 AB
//     city: Voorbeeldstad
//     email: info@groendoet.example
//   handler: { name: P. Bakker, phone: 012 345 6700, email: p.bakker@voorbeeldstad.example }
//
// Timers that fall due between steps fire at their due time, before the next step.
//
// Thread safety: reentrant.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/engine.h"
#include "uitdaag/instant.h"
#include "uitdaag/party.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"
#include "uitdaag/workflow.h"

namespace uitdaag {

struct Expectation {
  std::optional<std::string> state;
  std::map<std::string, Date> deadlines;  // deadline id -> expected legal end
  std::optional<std::vector<std::string>> letters;
  std::optional<StatusCode> rejected;
  ValueRecord data;  // expected values, compared after the step (money/date written as text)
  bool empty() const {
    return !state && deadlines.empty() && !letters && !rejected && data.empty();
  }
};

struct ScriptStep {
  Instant at;
  bool advance_only = false;  // `advance: true`: no event
  Event event;                // id, role, actor, payload (raw); `at` filled from the step
  Expectation expect;
  SourceLocation where;
};

struct Script {
  std::string case_id = "SIM-1";
  std::optional<Instant> start;
  std::vector<ScriptStep> steps;
  std::optional<Instant> until;
  std::optional<Party> applicant;  // the simulator ignores these; letter previews use them
  std::optional<Party> handler;
  std::string file;
};

// Parses a script. Errors are kInvalidArgument with "file:line:column: message" in the message.
StatusOr<Script> LoadScriptFile(const std::string& path);
StatusOr<Script> LoadScriptText(std::string_view yaml, const std::string& file_name);

}  // namespace uitdaag
