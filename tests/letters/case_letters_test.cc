// Letters of stored cases: the outbox renders each letter once, as the case was at its step,
// stores HTML and PDF immutably with the data and template version, and never half.
#include <catch2/catch.hpp>

#include "support/letter_fixture.h"
#include "uitdaag/case_json.h"
#include "uitdaag/case_letters.h"
#include "uitdaag/replay.h"

namespace uitdaag {
namespace {

using testing::At;
using testing::MakeEvent;
using testing::Payload;
using testing::PdfText;

Party GroenDoet() {
  return Party{"Stichting Groen Doet", "mevrouw A. Jansen", "", "Dorpsstraat 1", "1234 AB",
               "Voorbeeldstad", "info@groendoet.example", ""};
}

struct LetterBed : testing::StoreTestBed {
  std::unique_ptr<LetterRenderer> renderer = testing::ShippedRenderer(*workflows);
  LetterEffectHandler handler{*store, *workflows, *renderer, clock};
  OutboxDispatcher dispatcher{*store, handler, clock};

  std::string Submit() {
    SubmitRequest request = testing::Submission(clock.Now());
    request.applicant = GroenDoet();
    StatusOr<RunResult> result = runner.Submit(request);
    INFO(result.status().ToString());
    REQUIRE(result.ok());
    return result->snapshot.id;
  }
  // Delivers every due outbox item (letters and notifications); none may fail.
  void Deliver() {
    StatusOr<DispatchReport> report = dispatcher.RunOnce();
    REQUIRE(report.ok());
    CHECK(report->done > 0);
    CHECK(report->retried == 0);
    CHECK(report->gave_up == 0);
  }
};

TEST_CASE("a letter is rendered from the case as it was at its step, even when delivered later",
          "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  // The request for completion follows a week later; the acknowledgement is still undelivered.
  f.clock.AdvanceDays(7);
  REQUIRE(f.runner
              .Apply(id, MakeEvent("aanvulling_vragen", "behandelaar", f.clock.Now(),
                                   Payload({{"ontbrekende_gegevens",
                                             Value::Text("De statuten ontbreken.")}})))
              .ok());
  f.Deliver();
  StatusOr<std::vector<LetterRecord>> letters = f.store->Letters(id);
  REQUIRE(letters.ok());
  REQUIRE(letters->size() == 2);
  const LetterRecord& first = (*letters)[0];
  CHECK(first.template_name == "ontvangstbevestiging");
  CHECK(first.seq == 1);
  CHECK(first.letter_date == testing::D("2026-01-08"));
  CHECK(first.outbox_id.has_value());
  CHECK(first.template_version.size() == 64);
  // The data it was rendered from: the case after step 1 (still 'Ontvangen'), not the later state.
  StatusOr<Value> context = ValueFromJson(first.context_json);
  REQUIRE(context.ok());
  CHECK(context->Find("zaak")->Find("status")->as_text() ==
        f.workflows->Latest("uitdaagrecht")->FindState("ontvangen")->label);
  CHECK(context->Find("brief")->Find("datum")->as_text() == "8 januari 2026");

  StatusOr<Document> pdf = f.store->GetDocument(first.pdf_document_id);
  StatusOr<Document> html = f.store->GetDocument(first.html_document_id);
  REQUIRE(pdf.ok());
  REQUIRE(html.ok());
  CHECK(pdf->media_type == "application/pdf");
  CHECK(pdf->name == id + "-01-ontvangstbevestiging.pdf");
  CHECK(html->media_type == "text/html; charset=utf-8");
  CHECK(pdf->sha256 == Sha256Hex(pdf->content));
  const std::string text = PdfText(pdf->content, f.dir);
  CHECK_THAT(text, Catch::Contains(id));
  CHECK_THAT(text, Catch::Contains("Beste mevrouw A. Jansen,"));
  CHECK_THAT(text, Catch::Contains("Stichting Groen Doet"));
  CHECK_THAT(text, Catch::Contains("€ 12.500,00"));
  CHECK_THAT(text, Catch::Contains("5 maart 2026"));  // the decision period: 8 weeks after 8 January
  CHECK_THAT(html->content, Catch::Contains("<!DOCTYPE html>"));
  CHECK_THAT(html->content, Catch::Contains("Beste mevrouw A. Jansen,"));
  CHECK_THAT(html->content, Catch::Contains("data:image/png;base64,"));  // the logo travels along
}

TEST_CASE("delivering the same outbox item again stores no second letter", "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  StatusOr<std::vector<OutboxItem>> items = f.store->Outbox(id);
  REQUIRE(items.ok());
  const OutboxItem* letter = nullptr;
  for (const OutboxItem& item : *items) {
    if (item.effect.kind == Effect::Kind::kRenderLetter) letter = &item;
  }
  REQUIRE(letter != nullptr);
  REQUIRE(f.handler.Perform(*letter).ok());
  const std::string once = testing::DumpDatabase(f.db);
  // A crash between storing the letter and marking the item done repeats the delivery.
  REQUIRE(f.handler.Perform(*letter).ok());
  CHECK(testing::DumpDatabase(f.db) == once);
  f.Deliver();
  CHECK(f.store->Letters(id)->size() == 1);
}

TEST_CASE("a stored letter and its documents cannot be changed or removed", "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  f.Deliver();
  const std::string before = testing::DumpDatabase(f.db);
  for (const char* sql : {"UPDATE letters SET template = 'x'", "DELETE FROM letters",
                          "UPDATE documents SET content = 'x'", "DELETE FROM documents"}) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(f.db.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    CHECK(sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK);
    INFO(sql);
    CHECK_THAT(std::string(error != nullptr ? error : ""), Catch::Contains("immutable"));
    sqlite3_free(error);
    sqlite3_close(db);
  }
  CHECK(testing::DumpDatabase(f.db) == before);
}

TEST_CASE("re-rendering by hand adds a new letter next to the sent one", "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  f.Deliver();
  StatusOr<LetterRecord> again = StoreCaseLetter(*f.store, *f.workflows, *f.renderer, id,
                                                 "ontvangstbevestiging", 1, std::nullopt,
                                                 f.clock.Now());
  REQUIRE(again.ok());
  StatusOr<std::vector<LetterRecord>> letters = f.store->Letters(id);
  REQUIRE(letters->size() == 2);
  CHECK((*letters)[0].outbox_id.has_value());
  CHECK_FALSE((*letters)[1].outbox_id.has_value());
  CHECK((*letters)[0].pdf_document_id != (*letters)[1].pdf_document_id);
  // Rendering is a pure function of the case, the step and the files: the same bytes again.
  CHECK(f.store->GetDocument((*letters)[0].pdf_document_id)->sha256 ==
        f.store->GetDocument((*letters)[1].pdf_document_id)->sha256);
  CHECK((*letters)[0].context_json == (*letters)[1].context_json);
}

TEST_CASE("a failure while storing a letter leaves nothing half-written and is retried",
          "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  const std::string before = testing::DumpDatabase(f.db);
  f.store->SetFaultHookForTesting([](std::string_view point) {
    return point == "after_letter_documents" ? Status::IoError("disk gone") : Status::Ok();
  });
  StatusOr<DispatchReport> failed = f.dispatcher.RunOnce();
  REQUIRE(failed.ok());
  CHECK(failed->retried == 1);  // the letter; the notification has nothing to fail on
  f.store->SetFaultHookForTesting({});
  StatusOr<StoreCounts> counts = f.store->Counts();
  CHECK(counts->documents == 0);
  CHECK(f.store->Letters(id)->empty());
  // The retry waits for its back-off, then succeeds.
  f.clock.AdvanceSeconds(120);
  f.Deliver();
  CHECK(f.store->Letters(id)->size() == 1);
  CHECK(testing::DumpDatabase(f.db) != before);
}

TEST_CASE("a run of the outbox stores all its letters in one transaction", "[letters][store]") {
  LetterBed f;
  const std::vector<std::string> ids = {f.Submit(), f.Submit(), f.Submit()};
  int commits = 0;  // every write transaction passes before_commit once
  f.store->SetFaultHookForTesting([&commits](std::string_view point) {
    if (point == "before_commit") ++commits;
    return Status::Ok();
  });
  StatusOr<DispatchReport> report = f.dispatcher.RunOnce();
  REQUIRE(report.ok());
  CHECK(report->done == 6);  // three letters and three notifications
  CHECK(commits == 2);       // the three letters, then the six outcomes
  for (const std::string& id : ids) {
    StatusOr<std::vector<LetterRecord>> letters = f.store->Letters(id);
    REQUIRE(letters.ok());
    REQUIRE(letters->size() == 1);
    CHECK((*letters)[0].outbox_id.has_value());
    StatusOr<Document> pdf = f.store->GetDocument((*letters)[0].pdf_document_id);
    REQUIRE(pdf.ok());
    CHECK_THAT(PdfText(pdf->content, f.dir), Catch::Contains(id));  // each case its own letter
  }
  CHECK(*f.store->PendingLetters() == 0);
}

TEST_CASE("a letter that cannot be stored holds back no other letter of its run",
          "[letters][store]") {
  LetterBed f;
  const std::string a = f.Submit(), b = f.Submit(), c = f.Submit();
  // The documents of the run's second letter fail to store (in the run's one transaction), and
  // so do b's again when the letters are then stored one by one (a, b, c: the 4th write).
  int letter_writes = 0;
  f.store->SetFaultHookForTesting([&letter_writes](std::string_view point) {
    if (point != "after_letter_documents") return Status::Ok();
    ++letter_writes;
    return letter_writes == 2 || letter_writes == 4 ? Status::IoError("disk gone") : Status::Ok();
  });
  StatusOr<DispatchReport> report = f.dispatcher.RunOnce();
  REQUIRE(report.ok());
  CHECK(report->done == 5);
  CHECK(report->retried == 1);
  CHECK(letter_writes == 5);
  f.store->SetFaultHookForTesting({});
  CHECK(f.store->Letters(a)->size() == 1);
  CHECK(f.store->Letters(b)->empty());
  CHECK(f.store->Letters(c)->size() == 1);
  CHECK(f.store->Counts()->documents == 4);  // nothing of b's letter, not even one document
  CHECK(*f.store->PendingLetters() == 1);
  StatusOr<std::vector<OutboxItem>> outbox_b = f.store->Outbox(b);
  REQUIRE(outbox_b.ok());
  for (const OutboxItem& item : *outbox_b) {
    if (item.effect.kind != Effect::Kind::kRenderLetter) continue;
    CHECK(item.status == OutboxItem::Status::kPending);
    CHECK(item.attempts == 1);
    CHECK_THAT(item.last_error, Catch::Contains("disk gone"));
  }
  // b's retry, after its back-off, stores it.
  f.clock.AdvanceSeconds(120);
  f.Deliver();
  CHECK(f.store->Letters(b)->size() == 1);
  CHECK(*f.store->PendingLetters() == 0);
}

TEST_CASE("the applicant is stored with the submission and validated", "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  StatusOr<std::optional<Party>> applicant = f.store->GetParty(id, PartyRole::kApplicant);
  REQUIRE(applicant.ok());
  REQUIRE(applicant->has_value());
  CHECK(**applicant == GroenDoet());

  SubmitRequest bad = testing::Submission(f.clock.Now());
  bad.applicant = GroenDoet();
  bad.applicant->address = "Dorpsstraat 1\nkamer 2";
  const std::string before = testing::DumpDatabase(f.db);
  StatusOr<RunResult> refused = f.runner.Submit(bad);
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(refused.status().subject() == "address");
  CHECK(testing::DumpDatabase(f.db) == before);

  Party handler{"P. Bakker", "", "", "", "", "", "p.bakker@voorbeeldstad.example", "012 345 6700"};
  REQUIRE(f.store->SetParty(id, PartyRole::kHandler, handler, f.clock.Now()).ok());
  CHECK(**f.store->GetParty(id, PartyRole::kHandler) == handler);
  CHECK(f.store->SetParty("2026-999999", PartyRole::kHandler, handler, f.clock.Now()).code() ==
        StatusCode::kNotFound);
}

TEST_CASE("replaying the log rebuilds the stored snapshot", "[letters][store]") {
  LetterBed f;
  const std::string id = f.Submit();
  f.clock.AdvanceDays(2);
  REQUIRE(f.runner.Apply(id, MakeEvent("ontvankelijk_verklaren", "behandelaar", f.clock.Now(), {}))
              .ok());
  StatusOr<StoredCase> stored = f.store->Load(id);
  StatusOr<std::vector<LogEntry>> entries = f.store->Entries(id);
  REQUIRE(entries.ok());
  const WorkflowDefinition* def = f.workflows->Latest("uitdaagrecht");
  StatusOr<CaseSnapshot> replayed = ReplayCase(*def, *entries, 2);
  REQUIRE(replayed.ok());
  CHECK(replayed->state == stored->snapshot.state);
  CHECK(replayed->data == stored->snapshot.data);
  CHECK(replayed->deadlines == stored->snapshot.deadlines);
  CHECK(ReplayCase(*def, *entries, 3).status().code() == StatusCode::kInvalidArgument);
  StatusOr<CaseSnapshot> first = ReplayCase(*def, *entries, 1);
  REQUIRE(first.ok());
  CHECK(first->state == "ontvangen");
}

}  // namespace
}  // namespace uitdaag
