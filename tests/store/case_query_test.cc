// Case handlers, listings and work queues on a real database (uitdaag/case_query.h,
// uitdaag/case_listing.h): the SQL filters, keyset pages, the exact deadline checks on the
// snapshot, and the queue order.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "support/fast_password.h"
#include "support/store_fixture.h"
#include "uitdaag/case_listing.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::testing {
namespace {

struct Bed : StoreTestBed {
  Bed() {
    for (const char* name : {"anna", "bram"}) {
      NewAccount a;
      a.username = name;
      a.display_name = std::string(name) == "anna" ? "Anna de Vries" : "Bram Bakker";
      a.password = "lange zin als wachtwoord";
      a.roles = {"behandelaar"};
      REQUIRE(store->CreateAccount(a, FastPolicy(), clock.Now()).ok());
    }
  }

  void Fire(const std::string& id, const std::string& event, const std::string& role,
            ValueRecord payload = {}) {
    StatusOr<RunResult> r = runner.Apply(id, MakeEvent(event, role, clock.Now(), payload));
    INFO(id << " " << event << ": " << r.status().ToString());
    REQUIRE(r.ok());
  }
  void Aanvulling(const std::string& id) {
    Fire(id, "aanvulling_vragen", "behandelaar",
         Payload({{"ontbrekende_gegevens", Value::Text("De statuten ontbreken.")}}));
  }
  void NietOntvankelijk(const std::string& id) {
    Fire(id, "niet_ontvankelijk_verklaren", "behandelaar",
         Payload({{"toelichting", Value::Text("Geen bewoner.")}}));
  }
  void Afwijzen(const std::string& id) {
    Fire(id, "besluiten", "teamleider",
         Payload({{"uitkomst", Value::Text("afgewezen")}, {"motivering", Value::Text("Nee.")}}));
  }
  void Sweep() {
    Sweeper sweeper(runner);
    REQUIRE(sweeper.SweepOnce().ok());
  }
  Date Today() const { return clock.Now().LocalDate(); }

  std::vector<std::string> Ids(const CaseQuery& q) {
    StatusOr<CasePage> page = QueryCases(*store, *workflows, q, Today());
    INFO(page.status().ToString());
    REQUIRE(page.ok());
    std::vector<std::string> ids;
    for (const CaseSummary& s : page->items) ids.push_back(s.row.snapshot.id);
    return ids;
  }
  const WorkflowDefinition& Def() const { return *workflows->Latest("uitdaagrecht"); }
  CaseSnapshot Snapshot(const std::string& id) {
    StatusOr<StoredCase> stored = store->Load(id);
    REQUIRE(stored.ok());
    return stored->snapshot;
  }
};

using Ids = std::vector<std::string>;

TEST_CASE("case queries: a handler is set with its party, once or by replacing",
          "[queries][store]") {
  Bed f;
  const std::string id = f.SubmitOne();
  REQUIRE(f.store->Handler(id).value() == "");
  const std::string before = DumpDatabase(f.db);

  // Unknown case or account: kNotFound, nothing stored.
  CHECK(f.store->SetHandler("2026-999999", "anna", f.clock.Now()).status().code() ==
        StatusCode::kNotFound);
  StatusOr<bool> unknown = f.store->SetHandler(id, "nobody", f.clock.Now());
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK(unknown.status().subject() == "nobody");
  CHECK(f.store->Handler("2026-999999").status().code() == StatusCode::kNotFound);
  CHECK(DumpDatabase(f.db) == before);

  StatusOr<bool> set = f.store->SetHandler(id, "anna", f.clock.Now());
  REQUIRE(set.ok());
  CHECK(*set);
  CHECK(f.store->Handler(id).value() == "anna");
  StatusOr<std::optional<Party>> party = f.store->GetParty(id, PartyRole::kHandler);
  REQUIRE(party.ok());
  REQUIRE(party->has_value());
  CHECK((*party)->name == "Anna de Vries");
  // Not case data: the snapshot and its version stay as they were.
  CHECK(f.Snapshot(id).version == 1);

  // Taking a case somebody handles changes nothing; an assignment replaces.
  StatusOr<bool> again = f.store->SetHandler(id, "bram", f.clock.Now(), /*only_if_none=*/true);
  REQUIRE(again.ok());
  CHECK_FALSE(*again);
  CHECK(f.store->Handler(id).value() == "anna");
  REQUIRE(f.store->SetHandler(id, "bram", f.clock.Now()).ok());
  CHECK(f.store->Handler(id).value() == "bram");
  CHECK(f.store->GetParty(id, PartyRole::kHandler).value()->name == "Bram Bakker");
}

TEST_CASE(
    "case queries: filters combine and keyset pages miss nothing, also with a case added "
    "between pages",
    "[queries][store]") {
  Bed f;
  Ids ids;
  for (int i = 0; i < 5; ++i) ids.push_back(f.SubmitOne());
  f.Aanvulling(ids[1]);        // wacht_op_aanvulling, assigned to the challenger
  f.NietOntvankelijk(ids[2]);  // besluitvorming, assigned to the approver
  f.NietOntvankelijk(ids[3]);
  REQUIRE(f.store->SetHandler(ids[0], "anna", f.clock.Now()).ok());
  REQUIRE(f.store->SetHandler(ids[2], "anna", f.clock.Now()).ok());
  REQUIRE(f.store->SetHandler(ids[3], "bram", f.clock.Now()).ok());

  CaseQuery q;
  CHECK(f.Ids(q) == ids);
  q.workflow_id = "uitdaagrecht-subsidie";
  CHECK(f.Ids(q).empty());
  q = {};
  q.state = "besluitvorming";
  CHECK(f.Ids(q) == Ids{ids[2], ids[3]});
  q = {};
  q.assigned_role = "initiatiefnemer";
  CHECK(f.Ids(q) == Ids{ids[1]});
  q = {};
  q.handler = "anna";
  CHECK(f.Ids(q) == Ids{ids[0], ids[2]});
  q.handler = "";
  CHECK(f.Ids(q) == Ids{ids[1], ids[4]});
  // Combinations: every condition at once.
  q = {};
  q.handler = "anna";
  q.state = "besluitvorming";
  q.assigned_role = "teamleider";
  q.workflow_id = "uitdaagrecht";
  CHECK(f.Ids(q) == Ids{ids[2]});
  q.assigned_role = "behandelaar";
  CHECK(f.Ids(q).empty());

  // Pages of two: the cursor is the last id of a page.
  q = {};
  q.limit = 2;
  StatusOr<CasePage> page = QueryCases(*f.store, *f.workflows, q, f.Today());
  REQUIRE(page.ok());
  CHECK(page->items.size() == 2);
  CHECK(page->next_after == ids[1]);
  Ids seen;
  for (const CaseSummary& s : page->items) seen.push_back(s.row.snapshot.id);
  // A new case between the pages: it has the highest number, so a later page shows it.
  ids.push_back(f.SubmitOne());
  while (!page->next_after.empty()) {
    q.after = page->next_after;
    page = QueryCases(*f.store, *f.workflows, q, f.Today());
    REQUIRE(page.ok());
    CHECK(page->items.size() <= 2);
    for (const CaseSummary& s : page->items) seen.push_back(s.row.snapshot.id);
  }
  CHECK(seen == ids);  // each once, in order, the new one included
  // A page that ends exactly at the last case says so (no empty page after it).
  q = {};
  q.limit = 6;
  page = QueryCases(*f.store, *f.workflows, q, f.Today());
  REQUIRE(page.ok());
  CHECK(page->items.size() == 6);
  CHECK(page->next_after.empty());

  q.limit = 0;
  CHECK(QueryCases(*f.store, *f.workflows, q, f.Today()).status().subject() == "limit");
  q.limit = kMaxPageSize + 1;
  CHECK(QueryCases(*f.store, *f.workflows, q, f.Today()).status().subject() == "limit");
}

TEST_CASE("case queries: overdue and deadline_before are decided on the snapshot, not the rows",
          "[queries][store]") {
  Bed f;  // 8 January 2026: the decision period (8 weeks) ends on 5 March
  const std::string waiting = f.SubmitOne();
  const std::string open = f.SubmitOne();
  const std::string decided = f.SubmitOne();
  f.Aanvulling(waiting);  // decision period suspended; repair period (4 weeks) ends 5 February
  f.NietOntvankelijk(decided);
  f.clock.Set(At("2026-01-20T10:00"));
  f.Afwijzen(decided);  // objection period (6 weeks) ends 3 March: it has an on_expire event

  // Before anything passed: nothing is overdue; the next deadline of each.
  CaseQuery overdue;
  overdue.overdue = true;
  CHECK(f.Ids(overdue).empty());
  const WorkflowDefinition& def = f.Def();
  CHECK(NextDeadline(def, f.Snapshot(open), f.Today())->id == "beslistermijn");
  CHECK(NextDeadline(def, f.Snapshot(open), f.Today())->legal_end == D("2026-03-05"));
  // The suspended decision period is not open: the repair period is what comes next.
  CHECK(NextDeadline(def, f.Snapshot(waiting), f.Today())->id == "hersteltermijn");
  CHECK(NextDeadline(def, f.Snapshot(decided), f.Today())->id == "bezwaartermijn");

  // 9 March, before the sweeper ran: the rows say four deadlines passed while running. Only the
  // decision period of `open` is overdue work: the repair period and the objection period have
  // on_expire events the engine fires.
  f.clock.Set(At("2026-03-09T10:00"));
  CHECK(f.Ids(overdue) == Ids{open});
  CHECK_FALSE(IsOverdue(def, f.Snapshot(waiting), f.Today()));
  CHECK_FALSE(IsOverdue(def, f.Snapshot(decided), f.Today()));
  // After the sweep the decision period of `open` is expired: still overdue. The repair period
  // of `waiting` moved it on and started the period to announce that it is set aside (4 weeks
  // from 6 February: 6 March), which has no on_expire event and ran out: overdue too. `decided`
  // was closed by its objection period: final, never overdue.
  f.Sweep();
  f.Sweep();
  CHECK(f.Snapshot(open).deadlines.at("beslistermijn").status == DeadlineStatus::kExpired);
  CHECK(f.Snapshot(waiting).state == "hersteltermijn_verlopen");
  CHECK(f.Snapshot(decided).state == "afgesloten");
  CHECK(f.Ids(overdue) == Ids{waiting, open});
  CHECK(NextDeadline(def, f.Snapshot(open), f.Today())->status == DeadlineStatus::kExpired);

  // deadline_before: an active deadline ending before the day. The stored row of a suspended
  // deadline is a lower bound; the snapshot decides. Here the suspended decision period alone
  // (the repair period left out of the snapshot) ends well after the stored end.
  Bed g;
  const std::string suspended = g.SubmitOne();
  g.Aanvulling(suspended);
  StatusOr<std::vector<DeadlineRow>> rows = g.store->Deadlines(suspended);
  REQUIRE(rows.ok());
  const auto stored = std::find_if(rows->begin(), rows->end(), [](const DeadlineRow& r) {
    return r.record.track.id == "beslistermijn";
  });
  REQUIRE(stored != rows->end());
  CHECK(stored->record.legal_end == D("2026-03-05"));
  CaseSnapshot only_suspended = g.Snapshot(suspended);
  only_suspended.deadlines.erase("hersteltermijn");
  const Date later = D("2026-02-01");  // 24 days into the suspension
  CHECK_FALSE(HasActiveDeadlineBefore(def, only_suspended, D("2026-03-10"), later));
  CHECK(HasActiveDeadlineBefore(def, only_suspended, D("2026-04-30"), later));
  // Through the store: the repair period (5 February) is active, the suspended period too.
  CaseQuery before;
  before.deadline_before = D("2026-02-06");
  CHECK(g.Ids(before) == Ids{suspended});
  before.deadline_before = D("2026-02-05");
  CHECK(g.Ids(before).empty());
}

TEST_CASE("case queries: with deadline conditions a call reads a bounded number of candidates",
          "[queries][store]") {
  Bed f;
  Ids waiting, open;
  for (int i = 0; i < 4; ++i) {
    waiting.push_back(f.SubmitOne());
    f.Aanvulling(waiting.back());
  }
  for (int i = 0; i < 2; ++i) open.push_back(f.SubmitOne());
  // 9 March, unswept: every case has a running deadline row past its end, so all six are
  // candidates; only the two open ones are overdue (the others' repair periods are the engine's).
  f.clock.Set(At("2026-03-09T10:00"));
  CaseQuery q;
  q.overdue = true;
  q.limit = 10;
  q.max_examined = 3;
  Ids seen;
  int calls = 0;
  do {
    StatusOr<CasePage> page = QueryCases(*f.store, *f.workflows, q, f.Today());
    REQUIRE(page.ok());
    ++calls;
    for (const CaseSummary& s : page->items) seen.push_back(s.row.snapshot.id);
    if (calls == 1) {
      CHECK(page->items.empty());             // three candidates read, none overdue
      CHECK(page->next_after == waiting[2]);  // and where the next call goes on
    }
    q.after = page->next_after;
  } while (!q.after.empty() && calls < 10);
  CHECK(seen == open);
  // The second call used up its three candidates exactly, so a third one finds nothing left.
  CHECK(calls == 3);
}

TEST_CASE("case queries: a work queue is ordered by the nearest open deadline",
          "[queries][store]") {
  Bed f;
  const std::string first = f.SubmitOne();  // decision period ends 5 March
  f.clock.Set(At("2026-01-15T10:00"));
  const std::string second = f.SubmitOne();  // ends 12 March
  const std::string approver = f.SubmitOne();
  f.NietOntvankelijk(approver);  // assigned to the approver
  const std::string withdrawn = f.SubmitOne();
  f.Fire(withdrawn, "intrekken", "initiatiefnemer");
  const std::string handled = f.SubmitOne();
  f.Aanvulling(handled);  // assigned to the challenger, but anna handles it
  REQUIRE(f.store->SetHandler(handled, "anna", f.clock.Now()).ok());
  f.clock.Set(At("2026-02-01T10:00"));

  StatusOr<WorkQueue> queue =
      LoadWorkQueue(*f.store, *f.workflows, {"behandelaar"}, "anna", f.Today(), 10);
  REQUIRE(queue.ok());
  Ids order;
  for (const QueueItem& item : queue->items) order.push_back(item.summary.row.snapshot.id);
  // The repair period of `handled` (12 February) comes first, then the decision periods.
  CHECK(order == Ids{handled, first, second});
  CHECK_FALSE(queue->more);
  // The decision period has a penalty scheme: its exposure comes along (not late yet).
  REQUIRE(queue->items[1].exposure.has_value());
  CHECK_FALSE(queue->items[1].exposure->late);
  CHECK(queue->items[1].exposure->maximum_cents == 144200);
  CHECK_FALSE(queue->items[0].exposure.has_value());  // the repair period has none

  // By role only, with a limit.
  queue = LoadWorkQueue(*f.store, *f.workflows, {"behandelaar"}, "", f.Today(), 1);
  REQUIRE(queue.ok());
  REQUIRE(queue->items.size() == 1);
  CHECK(queue->items[0].summary.row.snapshot.id == first);
  CHECK(queue->more);
  queue = LoadWorkQueue(*f.store, *f.workflows, {"teamleider"}, "", f.Today(), 10);
  REQUIRE(queue.ok());
  REQUIRE(queue->items.size() == 1);
  CHECK(queue->items[0].summary.row.snapshot.id == approver);
  queue = LoadWorkQueue(*f.store, *f.workflows, {}, "", f.Today(), 10);
  REQUIRE(queue.ok());
  CHECK(queue->items.empty());
}

}  // namespace
}  // namespace uitdaag::testing
