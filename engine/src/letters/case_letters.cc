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

namespace {

// The letter StoreCaseLetter stores, rendered and not stored yet.
StatusOr<NewLetter> RenderNewLetter(CaseStore& store, const WorkflowRegistry& workflows,
                                    const LetterRenderer& renderer, std::string_view case_id,
                                    std::string_view template_name, int64_t seq,
                                    std::optional<int64_t> outbox_id, Instant now) {
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
  return record;
}

}  // namespace

StatusOr<LetterRecord> StoreCaseLetter(CaseStore& store, const WorkflowRegistry& workflows,
                                       const LetterRenderer& renderer, std::string_view case_id,
                                       std::string_view template_name, int64_t seq,
                                       std::optional<int64_t> outbox_id, Instant now) {
  if (outbox_id) {
    UITDAAG_ASSIGN_OR_RETURN(std::optional<LetterRecord> existing,
                             store.LetterForOutbox(*outbox_id));
    if (existing) return *existing;
  }
  UITDAAG_ASSIGN_OR_RETURN(NewLetter record, RenderNewLetter(store, workflows, renderer, case_id,
                                                             template_name, seq, outbox_id, now));
  return store.AddLetter(record);
}

LetterEffectHandler::LetterEffectHandler(CaseStore& store, const WorkflowRegistry& workflows,
                                         const LetterRenderer& renderer, const Clock& clock)
    : store_(store), workflows_(workflows), renderer_(renderer), clock_(clock) {}

Status LetterEffectHandler::Perform(const OutboxItem& item) { return PerformAll({item}).front(); }

std::vector<Status> LetterEffectHandler::PerformAll(const std::vector<OutboxItem>& items) {
  std::vector<Status> results(items.size(), Status::Ok());
  std::vector<NewLetter> rendered;
  std::vector<size_t> rendered_for;  // the item of each rendered letter
  for (size_t i = 0; i < items.size(); ++i) {
    const OutboxItem& item = items[i];
    if (item.effect.kind != Effect::Kind::kRenderLetter) continue;
    StatusOr<std::optional<LetterRecord>> existing = store_.LetterForOutbox(item.id);
    if (!existing.ok() || existing->has_value()) {  // an error, or delivered before a crash
      results[i] = existing.status();
      continue;
    }
    StatusOr<NewLetter> letter = RenderNewLetter(store_, workflows_, renderer_, item.case_id,
                                                 item.effect.name, item.seq, item.id,
                                                 clock_.Now());
    if (!letter.ok()) {
      results[i] = letter.status();
      continue;
    }
    rendered.push_back(std::move(*letter));
    rendered_for.push_back(i);
  }
  if (rendered.empty() || store_.AddLetters(rendered).ok()) return results;
  // The one transaction failed: store them one by one, so that one bad letter holds back no
  // other (each failure is retried on its own).
  for (size_t k = 0; k < rendered.size(); ++k) {
    results[rendered_for[k]] = store_.AddLetter(rendered[k]).status();
  }
  return results;
}

}  // namespace uitdaag
