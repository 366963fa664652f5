#include "uitdaag/simulated_letters.h"

namespace uitdaag {

std::vector<SimulatedLetter> LettersOf(const WorkflowDefinition& def, const SimulationResult& run,
                                       const Script& script) {
  std::vector<SimulatedLetter> letters;
  size_t step = 0;
  for (const TimelineEntry& entry : run.timeline) {
    if (!entry.accepted) continue;
    ++step;
    for (const Effect& effect : entry.effects) {
      if (effect.kind != Effect::Kind::kRenderLetter) continue;
      SimulatedLetter letter;
      letter.step = step;
      letter.request.workflow = &def;
      letter.request.snapshot = &entry.after;
      letter.request.template_name = effect.name;
      letter.request.letter_date = entry.at.LocalDate();
      letter.request.applicant = script.applicant;
      letter.request.handler = script.handler;
      letters.push_back(std::move(letter));
    }
  }
  return letters;
}

}  // namespace uitdaag
