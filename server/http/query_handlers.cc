// Case listings for staff: GET /api/cases (filters, keyset pages) and GET /api/queue (the
// caller's open cases, nearest deadline first, with the late-decision exposure). The filtering
// and ordering live in the store (uitdaag/case_listing.h); this file reads the query string
// strictly and writes the JSON.
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <sstream>

#include "http/caller.h"
#include "http/deadline_json.h"
#include "http/handlers.h"
#include "http/query_params.h"
#include "uitdaag/case_listing.h"
#include "uitdaag/value.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr int kDefaultPageSize = 50;
constexpr std::string_view kCursorTag = "c1:";
constexpr int kBase64Options = Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING;

// The cursor of a page: the last case id examined, opaque to clients.
std::string EncodeCursor(const std::string& case_id) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, kBase64Options);
  encoder << kCursorTag << case_id;
  encoder.close();
  return out.str();
}

std::optional<std::string> DecodeCursor(const std::string& cursor) {
  std::string text;
  try {
    std::istringstream in(cursor);
    Poco::Base64Decoder decoder(in, kBase64Options);
    std::ostringstream out;
    out << decoder.rdbuf();
    text = out.str();
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (text.rfind(kCursorTag, 0) != 0) return std::nullopt;
  std::string id = text.substr(kCursorTag.size());
  if (id.empty() || id.size() > 64) return std::nullopt;
  for (char c : id) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    c == '-' || c == '_';
    if (!ok) return std::nullopt;
  }
  return id;
}

Poco::Dynamic::Var TextOrNull(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::Dynamic::Var DateOrNull(const std::optional<Date>& date) {
  return date ? Poco::Dynamic::Var(date->ToIsoString()) : Poco::Dynamic::Var();
}

std::string DeadlineLabel(const WorkflowDefinition* def, const std::string& id) {
  const DeadlineDef* dd = def != nullptr ? def->FindDeadline(id) : nullptr;
  return dd != nullptr ? dd->label : id;
}

Object::Ptr SummaryJson(const CaseSummary& summary) {
  const CaseSnapshot& s = summary.row.snapshot;
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", s.id);
  o->set("workflow", s.workflow_id);
  o->set("workflow_version", s.workflow_version);
  o->set("state", s.state);
  const StateDef* st =
      summary.definition != nullptr ? summary.definition->FindState(s.state) : nullptr;
  o->set("state_label", st != nullptr ? st->label : s.state);
  o->set("version", s.version);
  o->set("handler", TextOrNull(summary.row.handler));
  o->set("assigned_role", s.assigned_role);
  o->set("created_at", s.created_at.ToLocalString());
  o->set("updated_at", s.updated_at.ToLocalString());
  if (summary.next_deadline) {
    Object::Ptr d = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    d->set("id", summary.next_deadline->id);
    d->set("label", DeadlineLabel(summary.definition, summary.next_deadline->id));
    d->set("legal_end", summary.next_deadline->legal_end.ToIsoString());
    o->set("next_deadline", d);
  } else {
    o->set("next_deadline", Poco::Dynamic::Var());
  }
  return o;
}

Object::Ptr QueueItemJson(const QueueItem& item, Date today) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("case", SummaryJson(item.summary));
  const std::optional<OpenDeadline>& next = item.summary.next_deadline;
  if (next) {
    Object::Ptr d = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    d->set("id", next->id);
    d->set("label", DeadlineLabel(item.summary.definition, next->id));
    d->set("status", DeadlineStatusName(next->status));
    d->set("legal_end", next->legal_end.ToIsoString());
    d->set("target", DateOrNull(next->target));
    d->set("days_left", next->legal_end - today);
    d->set("provisional", next->provisional);
    o->set("deadline", d);
  } else {
    o->set("deadline", Poco::Dynamic::Var());
  }
  if (item.exposure) {
    o->set("exposure", ExposureJson(*item.exposure));
  } else {
    o->set("exposure", Poco::Dynamic::Var());
  }
  return o;
}

// The definitions a filter value must belong to: the workflow's versions, or every one.
std::vector<const WorkflowDefinition*> Scope(const WorkflowRegistry& workflows,
                                             const std::string& workflow_id) {
  std::vector<const WorkflowDefinition*> scope;
  for (const WorkflowDefinition* def : workflows.All()) {
    if (workflow_id.empty() || def->id == workflow_id) scope.push_back(def);
  }
  return scope;
}

std::string InScope(const std::string& workflow_id) {
  return workflow_id.empty() ? "any workflow" : "workflow '" + workflow_id + "'";
}

// Fills the query from the parameters; answers 422 itself and returns false for a bad value.
bool ReadCaseQuery(Exchange& ex, CaseStore& store, const Caller& caller,
                   const std::map<std::string, std::string>& params, CaseQuery* q) {
  const WorkflowRegistry& workflows = *ex.state().workflows;
  auto param = [&params](const char* name) -> std::optional<std::string> {
    auto it = params.find(name);
    return it == params.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  if (auto workflow = param("workflow")) {
    if (workflows.Latest(*workflow) == nullptr) {
      ex.Problem(422, "workflow: no workflow '" + *workflow + "'", "workflow");
      return false;
    }
    q->workflow_id = *workflow;
  }
  const std::vector<const WorkflowDefinition*> scope = Scope(workflows, q->workflow_id);
  if (auto state = param("state")) {
    const bool known = std::any_of(scope.begin(), scope.end(), [&](const WorkflowDefinition* d) {
      return d->FindState(*state) != nullptr;
    });
    if (!known) {
      ex.Problem(422, "state: no state '" + *state + "' in " + InScope(q->workflow_id), "state");
      return false;
    }
    q->state = *state;
  }
  if (auto role = param("role")) {
    const bool known = std::any_of(scope.begin(), scope.end(), [&](const WorkflowDefinition* d) {
      return d->roles.count(*role) != 0;
    });
    if (!known) {
      ex.Problem(422, "role: no role '" + *role + "' in " + InScope(q->workflow_id), "role");
      return false;
    }
    q->assigned_role = *role;
  }
  if (auto handler = param("handler")) {
    if (*handler == "me") {
      q->handler = caller.account.username;
    } else if (handler->empty()) {
      q->handler = "";  // the cases nobody handles
    } else {
      StatusOr<Account> account = store.GetAccount(*handler);
      if (!account.ok()) {
        if (account.status().code() != StatusCode::kNotFound) {
          ex.Fail(account.status());
        } else {
          ex.Problem(422, "handler: no account '" + *handler + "'", "handler");
        }
        return false;
      }
      q->handler = account->username;
    }
  }
  if (auto before = param("deadline_before")) {
    StatusOr<Date> date = Date::Parse(*before);
    if (!date.ok()) {
      ex.Problem(422, "deadline_before: " + date.status().message(), "deadline_before");
      return false;
    }
    q->deadline_before = *date;
  }
  if (auto overdue = param("overdue")) {
    if (*overdue != "true" && *overdue != "false") {
      ex.Problem(422, "overdue: true or false", "overdue");
      return false;
    }
    q->overdue = *overdue == "true";
  }
  if (auto limit = param("limit")) {
    const std::optional<int> n = BoundedInt(*limit, 1, kMaxPageSize);
    if (!n) {
      ex.Problem(422, "limit: a whole number from 1 to " + std::to_string(kMaxPageSize), "limit");
      return false;
    }
    q->limit = *n;
  }
  if (auto cursor = param("cursor")) {
    const std::optional<std::string> after = DecodeCursor(*cursor);
    if (!after) {
      ex.Problem(422, "cursor: not a cursor of this listing (use next_cursor as given)", "cursor");
      return false;
    }
    q->after = *after;
  }
  return true;
}

}  // namespace

void ListCases(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  const auto params = ReadQueryParams(ex, {"workflow", "state", "handler", "role",
                                           "deadline_before", "overdue", "limit", "cursor"});
  if (!params) return;
  CaseQuery query;
  query.limit = kDefaultPageSize;
  if (!ReadCaseQuery(ex, store, caller, *params, &query)) return;
  const Date today = ex.state().clock->Now().LocalDate();
  StatusOr<CasePage> page = QueryCases(store, *ex.state().workflows, query, today);
  if (!page.ok()) return ex.Fail(page.status());
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  Array::Ptr items = new Array();
  for (const CaseSummary& summary : page->items) items->add(SummaryJson(summary));
  out.set("items", items);
  out.set("next_cursor", page->next_after.empty()
                             ? Poco::Dynamic::Var()
                             : Poco::Dynamic::Var(EncodeCursor(page->next_after)));
  ex.Json(200, out);
}

void GetQueue(Exchange& ex) {
  std::optional<Authorized> request = Authorize(ex, Need::kStaff);
  if (!request) return;
  CaseStore& store = *request->store;
  const Caller& caller = request->caller;
  const auto params = ReadQueryParams(ex, {"limit"});
  if (!params) return;
  int limit = kDefaultPageSize;
  if (auto it = params->find("limit"); it != params->end()) {
    const std::optional<int> n = BoundedInt(it->second, 1, kMaxPageSize);
    if (!n) {
      ex.Problem(422, "limit: a whole number from 1 to " + std::to_string(kMaxPageSize), "limit");
      return;
    }
    limit = *n;
  }
  const Date today = ex.state().clock->Now().LocalDate();
  StatusOr<WorkQueue> queue = LoadWorkQueue(store, *ex.state().workflows, caller.account.roles,
                                            caller.account.username, today, limit);
  if (!queue.ok()) return ex.Fail(queue.status());
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("today", today.ToIsoString());
  Array::Ptr items = new Array();
  for (const QueueItem& item : queue->items) items->add(QueueItemJson(item, today));
  out.set("items", items);
  out.set("more", queue->more);
  ex.Json(200, out);
}

}  // namespace uitdaag::http
