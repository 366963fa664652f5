// Case handlers, listings, the work queue and the council's figures over real HTTP on 127.0.0.1:
// who may assign whom, every listing filter alone and combined, keyset pages with a case added
// between them, the queue order with a late case and its penalty exposure, and figures whose
// numbers are worked out by hand from the dates in the test.
#include <Poco/JSON/Array.h>

#include "http/http_client.h"

namespace uitdaag::testing {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* const kPassword = "lange zin als wachtwoord";

const char* const kSubsidie = R"({
    "workflow": "uitdaagrecht-subsidie",
    "applicant": {"name": "Vereniging Dorpsbelang", "address": "Kerkstraat 1",
                  "postcode": "9999 AA", "city": "Lindewaard"},
    "data": {"naam_initiatief": "Dorpshuis", "soort_indiener": "bewonersgroep",
             "rechtsvorm": "vereniging", "taak": "Beheer van het dorpshuis.",
             "meerwaarde": "Meer open.", "kennis_en_ervaring": "Bestuur.", "draagvlak": "Groot.",
             "begroting": 8000, "kwaliteit_en_continuiteit": "Rooster."}})";

// An extra staff account, created directly in the store (the accounts API is not under test).
void AddAccount(TestService& s, const std::string& username, const std::string& display_name,
                std::vector<std::string> roles, bool disabled = false) {
  StatusOr<http::StorePool::Lease> store = s.service->state().stores->Take();
  REQUIRE(store.ok());
  NewAccount account;
  account.username = username;
  account.display_name = display_name;
  account.password = kPassword;
  account.roles = std::move(roles);
  REQUIRE((*store)->CreateAccount(account, PasswordPolicy{}, s.clock.Now()).ok());
  if (disabled) REQUIRE((*store)->SetAccountDisabled(username, true, s.clock.Now()).ok());
}

Headers LoginAs(TestService& s, const std::string& username) {
  HttpResult r = s.Call("POST", "/api/session",
                        "{\"username\":\"" + username + "\",\"password\":\"" + kPassword + "\"}");
  INFO(r.body);
  REQUIRE(r.status == 201);
  return {{"Authorization", "Bearer " + r.Json()->getValue<std::string>("token")}};
}

Object::Ptr GetJson(TestService& s, const std::string& path, const Headers& who) {
  HttpResult r = s.Call("GET", path, "", who);
  INFO(path << ": " << r.body);
  REQUIRE(r.status == 200);
  return r.Json();
}

// Fires an event on the case's current version (read first; the worker may have moved it on,
// so a stale version is retried).
Object::Ptr Fire(TestService& s, const std::string& id, const std::string& event,
                 const Headers& who, const Headers& reader, const std::string& data = "{}") {
  for (int attempt = 0; attempt < 5; ++attempt) {
    HttpResult current = s.Call("GET", "/api/cases/" + id, "", reader);
    REQUIRE(current.status == 200);
    Headers headers = who;
    headers["If-Match"] = current.Header("ETag");
    HttpResult r =
        s.Call("POST", "/api/cases/" + id + "/events/" + event, "{\"data\":" + data + "}", headers);
    if (r.status == 412) continue;
    INFO(id << " " << event << ": " << r.body);
    REQUIRE(r.status == 200);
    return r.Json();
  }
  FAIL("the case kept moving");
  return nullptr;
}

// The tests move the clock by months; the staff stay logged in throughout.
http::ServiceConfig LongSessions() {
  http::ServiceConfig config;
  config.session_ttl_seconds = 3 * 365 * 86400;
  return config;
}

std::vector<std::string> PageIds(const Object::Ptr& page) {
  std::vector<std::string> ids;
  Array::Ptr items = page->getArray("items");
  for (size_t i = 0; i < items->size(); ++i) {
    ids.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
  }
  return ids;
}

std::vector<std::string> List(TestService& s, const std::string& query, const Headers& who) {
  return PageIds(GetJson(s, "/api/cases?" + query, who));
}

// Waits until GET /api/cases/{id} satisfies `done` (the worker fires what fell due).
template <typename Done>
void WaitForCase(TestService& s, const std::string& id, const Headers& who, Done done) {
  const bool reached = s.WaitFor([&] {
    HttpResult r = s.Call("GET", "/api/cases/" + id, "", who);
    return r.status == 200 && done(r.Json());
  });
  INFO(id);
  REQUIRE(reached);
}

std::string DeadlineStatus(const Object::Ptr& c, const std::string& deadline) {
  Array::Ptr list = c->getArray("deadlines");
  for (size_t i = 0; i < list->size(); ++i) {
    Object::Ptr d = list->getObject(static_cast<unsigned>(i));
    if (d->getValue<std::string>("id") == deadline) return d->getValue<std::string>("status");
  }
  return "";
}

const char* const kNietOntvankelijk = R"({"toelichting": "Geen bewoner van de gemeente."})";
const char* const kAfwijzen = R"({"uitkomst": "afgewezen", "motivering": "Onvoldoende."})";
const char* const kAanvulling = R"({"ontbrekende_gegevens": "De statuten."})";

TEST_CASE("queries: who may assign a case's handler, and who takes a case by acting on it",
          "[http][queries]") {
  TestService s;
  AddAccount(s, "bea", "Bea de Boer", {"behandelaar"});
  AddAccount(s, "oud", "Oud Medewerker", {"behandelaar"}, /*disabled=*/true);
  const Headers admin = s.Login("admin");
  const Headers handler = s.Login("behandelaar");
  const Headers bea = LoginAs(s, "bea");
  Submitted c = Submit(s);
  Submitted other = Submit(s);
  const std::string path = "/api/cases/" + c.id + "/handler";
  auto put = [&](const Headers& who, const std::string& body) {
    return s.Call("PUT", path, body, who);
  };
  CHECK(GetJson(s, "/api/cases/" + c.id, admin)->isNull("handler"));

  ExpectProblem(put({}, R"({"username": "behandelaar"})"), 401, "log in");
  ExpectProblem(put(c.challenger, R"({"username": "behandelaar"})"), 403, "staff");
  ExpectProblem(s.Call("PUT", "/api/cases/" + other.id + "/handler",
                       R"({"username": "behandelaar"})", c.challenger),
                404, "no case");
  // Staff other than administrators take a case themselves; they do not hand it to others.
  ExpectProblem(put(handler, R"({"username": "bea"})"), 403, "administrator", "username");
  ExpectProblem(put(s.Login("teamleider"), R"({"username": "bea"})"), 403, "administrator");
  HttpResult self = put(handler, R"({"username": "behandelaar"})");
  INFO(self.body);
  REQUIRE(self.status == 200);
  CHECK(self.Json()->getValue<std::string>("handler") == "behandelaar");
  CHECK(GetJson(s, "/api/cases/" + c.id, c.challenger)->getValue<std::string>("handler") ==
        "behandelaar");

  // An administrator assigns anybody who can handle the case, and only them.
  ExpectProblem(put(admin, R"({"username": "spook"})"), 422, "no account 'spook'", "username");
  ExpectProblem(put(admin, R"({"username": "oud"})"), 422, "disabled", "username");
  ExpectProblem(put(admin, R"({"username": "admin"})"), 422, "staff roles", "username");
  ExpectProblem(put(admin, R"({})"), 422, "required", "username");
  ExpectProblem(put(admin, R"({"username": 7})"), 422, "text", "username");
  ExpectProblem(put(admin, R"({"username": "bea", "also": 1})"), 422, "also", "also");
  ExpectProblem(s.Call("PUT", "/api/cases/2026-999999/handler", R"({"username": "bea"})", admin),
                404, "no case");
  HttpResult assigned = put(admin, R"({"username": "bea"})");
  REQUIRE(assigned.status == 200);
  CHECK(assigned.Json()->getValue<std::string>("display_name") == "Bea de Boer");
  CHECK(GetJson(s, "/api/cases/" + c.id, admin)->getValue<std::string>("handler") == "bea");

  // Acting in the role the case is assigned to takes it when nobody handles it yet.
  Object::Ptr after = Fire(s, other.id, "ontvankelijk_verklaren", bea, admin);
  CHECK(after->getValue<std::string>("handler") == "bea");
  after = Fire(s, other.id, "gesprek_plannen", handler, admin,
               R"({"gesprek_datum": "2026-01-20", "gesprek_tijd": "10.00 uur",
                   "gesprek_locatie": "Stadhuis"})");
  CHECK(after->getValue<std::string>("handler") == "bea");  // kept
  // A challenger's step never makes anybody the handler.
  Submitted third = Submit(s);
  after = Fire(s, third.id, "intrekken", third.challenger, admin);
  CHECK(after->isNull("handler"));
}

TEST_CASE("queries: every listing filter, alone and combined, and pages across a new case",
          "[http][queries]") {
  TestService s(LongSessions());  // Thursday 8 January 2026, 10:00
  const Headers admin = s.Login("admin");
  const Headers handler = s.Login("behandelaar");
  const Headers lead = s.Login("teamleider");
  std::vector<std::string> c;
  for (int i = 0; i < 5; ++i) c.push_back(Submit(s).id);
  c.push_back(Submit(s, kSubsidie).id);
  Fire(s, c[0], "ontvankelijk_verklaren", handler, admin);                          // gesprek
  Fire(s, c[1], "niet_ontvankelijk_verklaren", handler, admin, kNietOntvankelijk);  // approver
  Fire(s, c[2], "aanvulling_vragen", handler, admin, kAanvulling);  // the challenger's turn
  REQUIRE(s.Call("PUT", "/api/cases/" + c[3] + "/handler", R"({"username": "teamleider"})", admin)
              .status == 200);
  using Ids = std::vector<std::string>;

  CHECK(List(s, "", handler) == c);
  CHECK(List(s, "workflow=uitdaagrecht", handler) == Ids(c.begin(), c.begin() + 5));
  CHECK(List(s, "workflow=uitdaagrecht-subsidie", handler) == Ids{c[5]});
  CHECK(List(s, "state=besluitvorming", handler) == Ids{c[1]});
  CHECK(List(s, "state=ontvangen", handler) == Ids{c[3], c[4], c[5]});
  CHECK(List(s, "role=teamleider", handler) == Ids{c[1]});
  CHECK(List(s, "role=initiatiefnemer", handler) == Ids{c[2]});
  CHECK(List(s, "handler=behandelaar", lead) == Ids{c[0], c[1], c[2]});
  CHECK(List(s, "handler=me", handler) == Ids{c[0], c[1], c[2]});
  CHECK(List(s, "handler=me", lead) == Ids{c[3]});
  CHECK(List(s, "handler=", handler) == Ids{c[4], c[5]});
  // The repair period of c[2] ends 5 February; the decision periods 5 March (10 weeks, 19 March,
  // for the grant track).
  CHECK(List(s, "deadline_before=2026-02-06", handler) == Ids{c[2]});
  CHECK(List(s, "deadline_before=2026-02-05", handler).empty());
  CHECK(List(s, "deadline_before=2026-03-06", handler) == Ids(c.begin(), c.begin() + 5));
  CHECK(List(s, "overdue=true", handler).empty());
  CHECK(List(s, "overdue=false", handler) == c);
  // Combinations: every condition holds at once.
  CHECK(List(s, "workflow=uitdaagrecht&state=ontvangen", handler) == Ids{c[3], c[4]});
  CHECK(List(s, "handler=me&state=gesprek", handler) == Ids{c[0]});
  CHECK(List(s, "handler=me&state=ontvangen", handler).empty());
  CHECK(List(s, "role=behandelaar&handler=", handler) == Ids{c[4], c[5]});
  CHECK(List(s, "workflow=uitdaagrecht&role=behandelaar&handler=&deadline_before=2026-03-06",
             handler) == Ids{c[4]});

  // One item in full.
  Object::Ptr item =
      GetJson(s, "/api/cases?state=gesprek", handler)->getArray("items")->getObject(0);
  CHECK(item->getValue<std::string>("id") == c[0]);
  CHECK(item->getValue<std::string>("workflow") == "uitdaagrecht");
  CHECK(item->getValue<std::string>("state_label") == "Kennismakingsgesprek");
  CHECK(item->getValue<int>("version") == 2);
  CHECK(item->getValue<std::string>("handler") == "behandelaar");
  CHECK(item->getValue<std::string>("assigned_role") == "behandelaar");
  CHECK(item->getValue<std::string>("created_at") == "2026-01-08T10:00:00+01:00");
  Object::Ptr next = item->getObject("next_deadline");
  REQUIRE(!next.isNull());
  CHECK(next->getValue<std::string>("id") == "beslistermijn");
  CHECK(next->getValue<std::string>("label") == "Beslistermijn");
  CHECK(next->getValue<std::string>("legal_end") == "2026-03-05");

  // Pages of two, with a case submitted between the first and the second page.
  Ids seen;
  Object::Ptr page = GetJson(s, "/api/cases?limit=2", handler);
  for (const std::string& id : PageIds(page)) seen.push_back(id);
  CHECK(seen.size() == 2);
  const std::string added = Submit(s).id;
  int pages = 1;
  while (!page->isNull("next_cursor") && pages < 10) {
    page = GetJson(s, "/api/cases?limit=2&cursor=" + page->getValue<std::string>("next_cursor"),
                   handler);
    ++pages;
    const Ids ids = PageIds(page);
    CHECK(ids.size() <= 2);
    seen.insert(seen.end(), ids.begin(), ids.end());
  }
  Ids all = c;
  all.push_back(added);
  CHECK(seen == all);  // nothing missed, nothing twice, the new case at the end
  CHECK(pages == 4);

  // Overdue, 9 March: after the worker fired what fell due. c[1] was rejected on 20 January
  // and closed when its objection period ended (3 March): final, never overdue. The others
  // passed their decision period (or, c[2], the period to announce it is set aside).
  s.clock.Set(At("2026-01-20T10:00"));
  Fire(s, c[1], "besluiten", lead, admin, kAfwijzen);
  s.clock.Set(At("2026-03-09T10:00"));
  WaitForCase(s, c[1], admin, [](const Object::Ptr& o) {
    return o->getValue<std::string>("state") == "afgesloten";
  });
  WaitForCase(s, c[2], admin, [](const Object::Ptr& o) {
    return DeadlineStatus(o, "mededelingstermijn") == "expired";
  });
  CHECK(List(s, "overdue=true&workflow=uitdaagrecht", handler) ==
        Ids{c[0], c[2], c[3], c[4], added});
  CHECK(List(s, "overdue=true&handler=me", handler) == Ids{c[0], c[2]});
  CHECK(List(s, "overdue=true&state=afgesloten", handler).empty());

  // Refusals: each names the parameter at fault.
  ExpectProblem(s.Call("GET", "/api/cases?limit=0", "", handler), 422, "limit", "limit");
  ExpectProblem(s.Call("GET", "/api/cases?limit=201", "", handler), 422, "limit", "limit");
  ExpectProblem(s.Call("GET", "/api/cases?limit=tien", "", handler), 422, "limit", "limit");
  ExpectProblem(s.Call("GET", "/api/cases?cursor=bm9n", "", handler), 422, "cursor", "cursor");
  ExpectProblem(s.Call("GET", "/api/cases?cursor=%21%21", "", handler), 422, "cursor", "cursor");
  ExpectProblem(s.Call("GET", "/api/cases?deadline_before=2026-13-01", "", handler), 422,
                "deadline_before", "deadline_before");
  ExpectProblem(s.Call("GET", "/api/cases?workflow=elders", "", handler), 422,
                "no workflow 'elders'", "workflow");
  ExpectProblem(s.Call("GET", "/api/cases?state=nergens", "", handler), 422, "no state", "state");
  ExpectProblem(
      s.Call("GET", "/api/cases?workflow=uitdaagrecht&state=plantermijn_verlopen", "", handler),
      422, "workflow 'uitdaagrecht'", "state");
  ExpectProblem(s.Call("GET", "/api/cases?role=burgemeester", "", handler), 422, "no role", "role");
  ExpectProblem(s.Call("GET", "/api/cases?handler=spook", "", handler), 422, "no account",
                "handler");
  ExpectProblem(s.Call("GET", "/api/cases?overdue=ja", "", handler), 422, "true or false",
                "overdue");
  ExpectProblem(s.Call("GET", "/api/cases?staat=ontvangen", "", handler), 422, "not a parameter",
                "staat");
  ExpectProblem(s.Call("GET", "/api/cases?state=ontvangen&state=gesprek", "", handler), 422,
                "more than once", "state");
}

TEST_CASE("queries: the work queue puts the late case first, with its penalty exposure",
          "[http][queries]") {
  TestService s(LongSessions());  // Thursday 8 January 2026, 10:00
  const Headers admin = s.Login("admin");
  const Headers handler = s.Login("behandelaar");
  const Headers lead = s.Login("teamleider");
  Submitted late = Submit(s);       // decision period ends 5 March
  Submitted objected = Submit(s);   // rejected, in objection: no open deadline
  Submitted approver = Submit(s);   // the approver handles it
  Submitted withdrawn = Submit(s);  // final
  Fire(s, objected.id, "niet_ontvankelijk_verklaren", handler, admin, kNietOntvankelijk);
  REQUIRE(s.Call("PUT", "/api/cases/" + approver.id + "/handler", R"({"username": "teamleider"})",
                 admin)
              .status == 200);
  Fire(s, approver.id, "niet_ontvankelijk_verklaren", handler, admin, kNietOntvankelijk);
  Fire(s, withdrawn.id, "intrekken", withdrawn.challenger, admin);
  s.clock.Set(At("2026-01-20T10:00"));
  Fire(s, objected.id, "besluiten", lead, admin, kAfwijzen);
  Fire(s, objected.id, "bezwaar_registreren", handler, admin,
       R"({"bezwaar_ontvangen_op": "2026-01-20"})");

  // 9 March: the decision period of `late` expired on the 6th; the challenger gives notice of
  // default. A new case comes in (its period ends Monday 4 May).
  s.clock.Set(At("2026-03-09T10:00"));
  WaitForCase(s, late.id, admin,
              [](const Object::Ptr& o) { return DeadlineStatus(o, "beslistermijn") == "expired"; });
  Fire(s, late.id, "ingebrekestelling", late.challenger, admin);
  const std::string fresh = Submit(s).id;
  // 30 March: penalty days run from 24 March (notice + two weeks + one day): 7 days at 23 euro.
  s.clock.Set(At("2026-03-30T10:00"));
  WaitForCase(s, objected.id, admin, [](const Object::Ptr& o) {
    return DeadlineStatus(o, "bezwaartermijn") == "expired";
  });

  Object::Ptr queue = GetJson(s, "/api/queue", handler);
  CHECK(queue->getValue<std::string>("today") == "2026-03-30");
  CHECK_FALSE(queue->getValue<bool>("more"));
  Array::Ptr items = queue->getArray("items");
  std::vector<std::string> order;
  for (size_t i = 0; i < items->size(); ++i) {
    order.push_back(
        items->getObject(static_cast<unsigned>(i))->getObject("case")->getValue<std::string>("id"));
  }
  // Neither the approver's case nor the withdrawn one; the case in objection last.
  CHECK(order == std::vector<std::string>{late.id, fresh, objected.id});

  Object::Ptr first = items->getObject(0);
  Object::Ptr deadline = first->getObject("deadline");
  CHECK(deadline->getValue<std::string>("id") == "beslistermijn");
  CHECK(deadline->getValue<std::string>("status") == "expired");
  CHECK(deadline->getValue<std::string>("legal_end") == "2026-03-05");
  CHECK(deadline->getValue<std::string>("target") == "2026-02-19");
  CHECK(deadline->getValue<int>("days_left") == -25);
  CHECK_FALSE(deadline->getValue<bool>("provisional"));
  Object::Ptr exposure = first->getObject("exposure");
  REQUIRE(!exposure.isNull());
  CHECK(exposure->getValue<bool>("late"));
  CHECK(exposure->getValue<int>("days_late") == 25);
  CHECK(exposure->getValue<std::string>("notice_of_default") == "2026-03-09");
  CHECK(exposure->getValue<std::string>("accrues_from") == "2026-03-24");
  CHECK(exposure->getValue<int>("penalty_days") == 7);
  CHECK(exposure->getValue<std::string>("accrued") == "161.00");
  CHECK(exposure->getValue<std::string>("maximum") == "1442.00");

  Object::Ptr second = items->getObject(1);
  CHECK(second->getObject("deadline")->getValue<std::string>("legal_end") == "2026-05-04");
  CHECK(second->getObject("deadline")->getValue<int>("days_left") == 35);
  CHECK_FALSE(second->getObject("exposure")->getValue<bool>("late"));
  CHECK(second->getObject("exposure")->getValue<std::string>("accrued") == "0.00");
  Object::Ptr third = items->getObject(2);
  CHECK(third->isNull("deadline"));
  CHECK(third->isNull("exposure"));

  // The approver's queue: the case they handle (late too) and nothing assigned to handlers.
  Object::Ptr theirs = GetJson(s, "/api/queue", lead);
  Array::Ptr their_items = theirs->getArray("items");
  REQUIRE(their_items->size() == 1);
  CHECK(their_items->getObject(0)->getObject("case")->getValue<std::string>("id") == approver.id);
  CHECK(their_items->getObject(0)->getObject("exposure")->getValue<bool>("late"));

  // A limit: the most urgent first, and `more`.
  Object::Ptr one = GetJson(s, "/api/queue?limit=1", handler);
  CHECK(one->getArray("items")->size() == 1);
  CHECK(one->getValue<bool>("more"));
  ExpectProblem(s.Call("GET", "/api/queue?limit=0", "", handler), 422, "limit", "limit");
  ExpectProblem(s.Call("GET", "/api/queue?mine=1", "", handler), 422, "not a parameter", "mine");
  // An administrator without roles handles nothing.
  CHECK(GetJson(s, "/api/queue", admin)->getArray("items")->size() == 0);
}

TEST_CASE("queries: figures for the council, worked out by hand", "[http][queries]") {
  TestService s(LongSessions());
  const Headers admin = s.Login("admin");
  const Headers handler = s.Login("behandelaar");
  const Headers lead = s.Login("teamleider");
  // 31 December 2025, 23:30 in Amsterdam (22:30 UTC): a 2025 case. 1 January 2026, 00:30 in
  // Amsterdam (still 31 December in UTC): a 2026 case.
  s.clock.Set(At("2025-12-31T23:30"));
  Submit(s);
  s.clock.Set(At("2026-01-01T00:30"));
  Submit(s);
  s.clock.Set(At("2026-01-08T10:00"));
  const std::string in_time = Submit(s).id;
  const std::string late = Submit(s).id;
  Submitted withdrawn = Submit(s);
  Fire(s, in_time, "niet_ontvankelijk_verklaren", handler, admin, kNietOntvankelijk);
  Fire(s, late, "niet_ontvankelijk_verklaren", handler, admin, kNietOntvankelijk);
  Fire(s, withdrawn.id, "intrekken", withdrawn.challenger, admin);
  // Decided after 12 days, in time (the decision period ends 5 March) ...
  s.clock.Set(At("2026-01-20T10:00"));
  Fire(s, in_time, "besluiten", lead, admin, kAfwijzen);
  // ... and after 67 days, late.
  s.clock.Set(At("2026-03-16T10:00"));
  Fire(s, late, "besluiten", lead, admin, kAfwijzen);
  // The first one's objection period ended on 3 March: the worker closes it.
  WaitForCase(s, in_time, admin, [](const Object::Ptr& o) {
    return o->getValue<std::string>("state") == "afgesloten";
  });

  Object::Ptr years = GetJson(s, "/api/figures", handler);
  Array::Ptr list = years->getArray("years");
  REQUIRE(list->size() == 2);
  CHECK(list->getObject(0)->getValue<int>("year") == 2025);
  CHECK(list->getObject(0)->getValue<int>("submitted") == 1);
  CHECK(list->getObject(1)->getValue<int>("year") == 2026);
  CHECK(list->getObject(1)->getValue<int>("submitted") == 4);

  Object::Ptr figures = GetJson(s, "/api/figures?year=2026&workflow=uitdaagrecht", handler);
  CHECK(figures->getValue<int>("year") == 2026);
  CHECK(figures->getValue<int>("submitted") == 4);
  Array::Ptr sections = figures->getArray("workflows");
  REQUIRE(sections->size() == 1);
  Object::Ptr w = sections->getObject(0);
  CHECK(w->getValue<std::string>("workflow") == "uitdaagrecht");
  std::map<std::string, int> states;
  Array::Ptr state_list = w->getArray("states");
  for (size_t i = 0; i < state_list->size(); ++i) {
    Object::Ptr st = state_list->getObject(static_cast<unsigned>(i));
    states[st->getValue<std::string>("state")] = st->getValue<int>("count");
  }
  CHECK(states == std::map<std::string, int>{
                      {"ontvangen", 1}, {"afgewezen", 1}, {"afgesloten", 1}, {"ingetrokken", 1}});
  Object::Ptr decisions = w->getObject("decisions");
  CHECK(decisions->getValue<int>("count") == 2);
  CHECK(decisions->getValue<int>("in_time") == 1);
  CHECK(decisions->getValue<double>("share_in_time") == 0.5);
  Array::Ptr outcomes = decisions->getArray("outcomes");
  REQUIRE(outcomes->size() == 1);  // both rejected; the withdrawal is no decision
  CHECK(outcomes->getObject(0)->getValue<std::string>("state") == "afgewezen");
  CHECK(outcomes->getObject(0)->getValue<std::string>("label") == "Afgewezen");
  CHECK(outcomes->getObject(0)->getValue<int>("count") == 2);
  Object::Ptr lead_time = w->getObject("lead_time_days");
  CHECK(lead_time->getValue<int>("count") == 2);
  CHECK(lead_time->getValue<double>("median") == 39.5);
  CHECK(lead_time->getValue<double>("mean") == 39.5);
  CHECK(lead_time->getValue<int>("max") == 67);

  // Every workflow when none is named: the grant track has nothing this year.
  figures = GetJson(s, "/api/figures?year=2026", handler);
  REQUIRE(figures->getArray("workflows")->size() == 2);
  Object::Ptr grant = figures->getArray("workflows")->getObject(1);
  CHECK(grant->getValue<int>("submitted") == 0);
  CHECK(grant->getObject("decisions")->isNull("share_in_time"));
  CHECK(grant->getObject("lead_time_days")->isNull("median"));
  figures = GetJson(s, "/api/figures?year=2025", handler);
  CHECK(figures->getValue<int>("submitted") == 1);

  ExpectProblem(s.Call("GET", "/api/figures?year=1979", "", handler), 422, "year", "year");
  ExpectProblem(s.Call("GET", "/api/figures?year=twintig", "", handler), 422, "year", "year");
  ExpectProblem(s.Call("GET", "/api/figures?year=2026&workflow=elders", "", handler), 422,
                "no workflow", "workflow");
  ExpectProblem(s.Call("GET", "/api/figures?jaar=2026", "", handler), 422, "not a parameter",
                "jaar");
}

TEST_CASE("queries: listings, the queue and figures are for staff only", "[http][queries]") {
  TestService s;
  Submitted c = Submit(s);
  for (const char* path : {"/api/cases", "/api/queue", "/api/figures", "/api/figures?year=2026"}) {
    INFO(path);
    ExpectProblem(s.Call("GET", path, "", c.challenger), 403, "staff");
    ExpectProblem(s.Call("GET", path), 401, "log in");
    ExpectProblem(s.Call("GET", path, "", {{"Authorization", "Bearer verzonnen"}}), 401,
                  "unknown or has expired");
  }
}

}  // namespace
}  // namespace uitdaag::testing
