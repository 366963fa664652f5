// Letters of stored cases: rendering a letter as of the step that sends it, storing it once per
// outbox item, and the outbox handler that does both for render_letter effects.
//
// A letter shows the case as it was after its step (templates/README.md, "How a letter is
// rendered"), even when the outbox delivers it later: the snapshot is rebuilt by replaying the
// log up to that step (uitdaag/replay.h), and the letter is dated on the step's day.
//
// A run of the outbox renders its letters first and stores them together, in one transaction.
//
// Immutability: a stored letter is never replaced. The handler stores at most one letter per
// outbox item (a repeated delivery finds the first); `uitdaag render --store` adds a new letter
// next to the old one, never over it.
//
// Errors: the store's and the renderer's; kFailedPrecondition when the case's workflow version
// is not registered.
//
// Thread safety: as CaseStore (one store per thread); the renderer may be shared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/letter_renderer.h"
#include "uitdaag/outbox.h"
#include "uitdaag/runner.h"
#include "uitdaag/store.h"

namespace uitdaag {

// Renders `template_name` for the case as it was after entry `seq` (the latest when absent),
// addressed to the case's stored parties.
StatusOr<RenderedLetter> RenderCaseLetter(CaseStore& store, const WorkflowRegistry& workflows,
                                          const LetterRenderer& renderer,
                                          std::string_view case_id, std::string_view template_name,
                                          std::optional<int64_t> seq = std::nullopt);

// Renders and stores one letter. With an outbox id that already has a letter, returns that one
// without rendering.
StatusOr<LetterRecord> StoreCaseLetter(CaseStore& store, const WorkflowRegistry& workflows,
                                       const LetterRenderer& renderer, std::string_view case_id,
                                       std::string_view template_name, int64_t seq,
                                       std::optional<int64_t> outbox_id, Instant now);

// The outbox handler: render_letter effects become stored letters. Other effects (notify) have
// no delivery channel yet and are completed without action; they stay in the log and the outbox
// table with their status.
class LetterEffectHandler : public EffectHandler {
 public:
  // All references must outlive the handler.
  LetterEffectHandler(CaseStore& store, const WorkflowRegistry& workflows,
                      const LetterRenderer& renderer, const Clock& clock);
  Status Perform(const OutboxItem& item) override;
  // Renders the letters of a run one after the other, outside any transaction, then stores them
  // all in one (CaseStore::AddLetters: one commit instead of one per letter, so the write lock
  // is taken once per run). When that transaction fails, each letter is stored on its own, so
  // a letter that cannot be stored holds back no other.
  std::vector<Status> PerformAll(const std::vector<OutboxItem>& items) override;

 private:
  CaseStore& store_;
  const WorkflowRegistry& workflows_;
  const LetterRenderer& renderer_;
  const Clock& clock_;
};

}  // namespace uitdaag
