// The letters a simulated case receives (uitdaag/simulator.h), as requests for the renderer:
// previews (`uitdaag render --script`), the letter tests and the benchmark all start here.
//
// Ownership: each request points at the snapshot of its timeline entry, so `run` must outlive
// the requests (and `def` too).
// Thread safety: pure function of its inputs.
#pragma once

#include <cstddef>
#include <vector>

#include "uitdaag/letter_renderer.h"
#include "uitdaag/script.h"
#include "uitdaag/simulator.h"

namespace uitdaag {

struct SimulatedLetter {
  size_t step = 0;  // 1-based number of the accepted step that sends it
  LetterRequest request;
};

// One request per render_letter effect of each accepted step, in order: the case after that
// step, dated on its day, addressed with the script's applicant and handler.
std::vector<SimulatedLetter> LettersOf(const WorkflowDefinition& def, const SimulationResult& run,
                                       const Script& script);

}  // namespace uitdaag
