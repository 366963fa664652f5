#include "uitdaag/case_letters.h"

#include <cstdio>

#include "uitdaag/case_json.h"
#include "uitdaag/replay.h"

namespace uitdaag {
namespace {

// "2026-000001-03-ontvangstbevestiging": sorts by case and step.
std::string DocumentName(std::string_view case_id, int64_t seq, std::string_view name) {
  char number[24];
  std::snprintf(number, sizeof number, "%02lld", static_cast<long long>(seq));
  return std::string(case_id) + "-" + number + "-" + std::string(name);
}

}  // namespace

StatusOr<RenderedLetter> RenderCaseLetter(CaseStore& store, const WorkflowRegistry& workflows,
                                          const LetterRenderer& renderer,
                                          std::string_view case_id, std::string_view template_name,
                                          std::optional<int64_t> seq) {
  UITDAAG_ASSIGN_OR_RETURN(StoredCase stored, store.Load(case_id));
  const WorkflowDefinition* def =
      workflows.Find(stored.snapshot.workflow_id, stored.snapshot.workflow_version);
  if (def == nullptr) {
    return Status::FailedPrecondition("case " + std::string(case_id) + " runs on workflow " +
                                      stored.snapshot.workflow_id + " version " +
                                      std::to_string(stored.snapshot.workflow_version) +
                                      ", which is not loaded");
  }
  UITDAAG_ASSIGN_OR_RETURN(std::vector<LogEntry> entries, store.Entries(case_id));
  const int64_t step = seq.value_or(stored.snapshot.version);
  UITDAAG_ASSIGN_OR_RETURN(CaseSnapshot snapshot, ReplayCase(*def, entries, step));
  UITDAAG_ASSIGN_OR_RETURN(std::optional<Party> applicant,
                           store.GetParty(case_id, PartyRole::kApplicant));
  UITDAAG_ASSIGN_OR_RETURN(std::optional<Party> handler,
                           store.GetParty(case_id, PartyRole::kHandler));
  LetterRequest request;
  request.workflow = def;
  request.snapshot = &snapshot;
  request.template_name = std::string(template_name);
  request.letter_date = entries[static_cast<size_t>(step - 1)].at.LocalDate();
  request.applicant = std::move(applicant);
  request.handler = std::move(handler);
  return renderer.Render(request);
}

StatusOr<LetterRecord> StoreCaseLetter(CaseStore& store, const WorkflowRegistry& workflows,
                                       const LetterRenderer& renderer, std::string_view case_id,
                                       std::string_view template_name, int64_t seq,
                                       std::optional<int64_t> outbox_id, Instant now) {
  if (outbox_id) {
    UITDAAG_ASSIGN_OR_RETURN(std::optional<LetterRecord> existing,
                             store.LetterForOutbox(*outbox_id));
    if (existing) return *existing;
  }
  UITDAAG_ASSIGN_OR_RETURN(RenderedLetter letter,
                           RenderCaseLetter(store, workflows, renderer, case_id, template_name,
                                            seq));
  NewLetter record;
  record.case_id = std::string(case_id);
  record.seq = seq;
  record.outbox_id = outbox_id;
  record.template_name = letter.template_name;
  record.template_version = letter.template_version;
  record.letter_date = letter.letter_date;
  record.context_json = ValueToJson(letter.context);
  record.document_name = DocumentName(case_id, seq, template_name);
  record.html = std::move(letter.html);
  record.pdf = std::move(letter.pdf);
  record.now = now;
  return store.AddLetter(record);
}

LetterEffectHandler::LetterEffectHandler(CaseStore& store, const WorkflowRegistry& workflows,
                                         const LetterRenderer& renderer, const Clock& clock)
    : store_(store), workflows_(workflows), renderer_(renderer), clock_(clock) {}

Status LetterEffectHandler::Perform(const OutboxItem& item) {
  if (item.effect.kind != Effect::Kind::kRenderLetter) return Status::Ok();
  return StoreCaseLetter(store_, workflows_, renderer_, item.case_id, item.effect.name, item.seq,
                         item.id, clock_.Now())
      .status();
}

}  // namespace uitdaag
