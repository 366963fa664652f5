// CaseStore: the case handler, case listings, work queues and cases per year (uitdaag/store.h,
// uitdaag/case_query.h). The conditions are built as SQL text with their parameters bound in
// order; nothing a caller gives is ever pasted into the SQL.
#include <cstdint>
#include <variant>

#include "party_json.h"
#include "store_impl.h"
#include "uitdaag/case_json.h"

namespace uitdaag {

using namespace Poco::Data::Keywords;  // NOLINT: use(), into(), now
using Poco::Data::Statement;

namespace {

// SQL text and its parameters, in the order they appear.
class Sql {
 public:
  Sql& Text(std::string_view text) {
    text_ += text;
    return *this;
  }
  Sql& Param(std::string value) {
    text_ += '?';
    params_.emplace_back(std::move(value));
    return *this;
  }
  Sql& Param(int64_t value) {
    text_ += '?';
    params_.emplace_back(value);
    return *this;
  }
  // "(?, ?, ?)". REQUIRES: !values.empty() (an empty list means something else in each place).
  Sql& List(const std::vector<std::string>& values) {
    text_ += '(';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) text_ += ", ";
      Param(values[i]);
    }
    text_ += ')';
    return *this;
  }
  // The statement with every parameter bound (by reference: keep this Sql alive while it runs).
  void Prepare(Statement& statement) {
    statement << text_;
    for (auto& param : params_) {
      std::visit([&statement](auto& value) { statement, use(value); }, param);
    }
  }

 private:
  std::string text_;
  std::vector<std::variant<std::string, int64_t>> params_;
};

// "workflow version item" keys, as the SQL builds them from a case row.
std::vector<std::string> Keys(const std::vector<DefinitionItem>& items) {
  std::vector<std::string> keys;
  for (const DefinitionItem& i : items) {
    keys.push_back(i.workflow_id + " " + std::to_string(i.workflow_version) + " " + i.name);
  }
  return keys;
}

Status CheckLimit(int limit) {
  if (limit < 1 || limit > kMaxCaseRows) {
    return Status::InvalidArgument(
        "limit: from 1 to " + std::to_string(kMaxCaseRows) + ", not " + std::to_string(limit),
        "limit");
  }
  return Status::Ok();
}

// Runs a statement whose columns are (snapshot, handler) and parses the snapshots.
StatusOr<std::vector<CaseRow>> ReadRows(Poco::Data::Session& session, Sql& sql) {
  std::vector<std::string> snapshot, handler;
  Statement select(session);
  sql.Prepare(select);
  select, into(snapshot), into(handler);
  select.execute();
  std::vector<CaseRow> rows;
  rows.reserve(snapshot.size());
  for (size_t i = 0; i < snapshot.size(); ++i) {
    StatusOr<CaseSnapshot> parsed = SnapshotFromJson(snapshot[i]);
    if (!parsed.ok()) {
      return Status::IoError("a stored snapshot cannot be read: " + parsed.status().message());
    }
    rows.push_back(CaseRow{std::move(*parsed), handler[i]});
  }
  return rows;
}

}  // namespace

StatusOr<std::string> CaseStore::Handler(std::string_view case_id) {
  try {
    std::string id(case_id);
    std::vector<std::string> handler;
    impl_->session << "SELECT handler FROM cases WHERE id = ?", use(id), into(handler), now;
    if (handler.empty()) return Status::NotFound("no case '" + id + "'", id);
    return handler.front();
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading the handler of case " + std::string(case_id));
  }
}

StatusOr<bool> CaseStore::SetHandler(std::string_view case_id, std::string_view username,
                                     Instant at, bool only_if_none) {
  Impl& s = *impl_;
  return s.InWriteTransaction(
      "assigning the handler of case " + std::string(case_id), [&]() -> StatusOr<bool> {
        std::string id(case_id), user(username), role = PartyRoleName(PartyRole::kHandler);
        std::vector<std::string> current, display_name;
        s.session << "SELECT handler FROM cases WHERE id = ?", use(id), into(current), now;
        if (current.empty()) return Status::NotFound("no case '" + id + "'", id);
        if (only_if_none && !current.front().empty()) return false;
        s.session << "SELECT display_name FROM accounts WHERE username = ?", use(user),
            into(display_name), now;
        if (display_name.empty()) return Status::NotFound("no account '" + user + "'", user);
        Party party;
        party.name = display_name.front();
        if (Status valid = ValidateParty(party); !valid.ok()) {
          return Status::InvalidArgument(
              "the display name of '" + user + "' cannot address letters: " + valid.message(),
              "display_name");
        }
        std::string json = store_internal::PartyToJson(party);
        int64_t updated = at.unix_seconds();
        s.session << "UPDATE cases SET handler = ? WHERE id = ?", use(user), use(id), now;
        s.session << "INSERT INTO parties (case_id, role, party, updated_at) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (case_id, role) DO UPDATE SET party = excluded.party, "
                     "updated_at = excluded.updated_at",
            use(id), use(role), use(json), use(updated), now;
        return true;
      });
}

StatusOr<std::vector<CaseRow>> CaseStore::FindCases(const CaseFilter& f) {
  UITDAAG_RETURN_IF_ERROR(CheckLimit(f.limit));
  try {
    Sql sql;
    sql.Text("SELECT c.snapshot, c.handler FROM cases c WHERE c.id > ").Param(f.after);
    if (!f.workflow_id.empty()) sql.Text(" AND c.workflow_id = ").Param(f.workflow_id);
    if (!f.state.empty()) sql.Text(" AND c.state = ").Param(f.state);
    if (f.handler) sql.Text(" AND c.handler = ").Param(*f.handler);
    if (!f.assigned_role.empty()) sql.Text(" AND c.assigned_role = ").Param(f.assigned_role);
    if (f.created_from) sql.Text(" AND c.created_at >= ").Param(f.created_from->unix_seconds());
    if (f.created_until) sql.Text(" AND c.created_at < ").Param(f.created_until->unix_seconds());
    if (f.active_end_before) {
      sql.Text(
             " AND EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.status IN "
             "('running', 'suspended') AND d.legal_end < ")
          .Param(f.active_end_before->ToIsoString())
          .Text(")");
    }
    if (f.passed_before) {
      sql.Text(
             " AND EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.status IN "
             "('running', 'expired') AND d.legal_end < ")
          .Param(f.passed_before->ToIsoString())
          .Text(")");
    }
    sql.Text(" ORDER BY c.id LIMIT ").Param(int64_t{f.limit});
    return ReadRows(impl_->session, sql);
  } catch (const std::exception& e) {
    return impl_->Error(e, "listing cases");
  }
}

StatusOr<std::vector<CaseRow>> CaseStore::QueueCases(const QueueFilter& f) {
  UITDAAG_RETURN_IF_ERROR(CheckLimit(f.limit));
  if (f.roles.empty() && f.handler.empty()) return std::vector<CaseRow>();
  try {
    Sql sql;
    sql.Text(
        "SELECT snapshot, handler FROM (SELECT c.id AS id, c.snapshot AS snapshot, "
        "c.handler AS handler, (SELECT min(d.legal_end) FROM deadlines d "
        "WHERE d.case_id = c.id AND (d.status = 'running'");
    if (const std::vector<std::string> open = Keys(f.open_when_expired); !open.empty()) {
      sql.Text(
             " OR (d.status = 'expired' AND (c.workflow_id || ' ' || c.workflow_version || ' ' "
             "|| d.deadline_id) IN ")
          .List(open)
          .Text(")");
    }
    sql.Text(")) AS next_end FROM cases c WHERE (");
    if (f.roles.empty()) {
      sql.Text("0");
    } else {
      sql.Text("c.assigned_role IN ").List(f.roles);
    }
    if (!f.handler.empty()) sql.Text(" OR c.handler = ").Param(f.handler);
    sql.Text(")");
    if (const std::vector<std::string> finals = Keys(f.final_states); !finals.empty()) {
      sql.Text(" AND (c.workflow_id || ' ' || c.workflow_version || ' ' || c.state) NOT IN ")
          .List(finals);
    }
    sql.Text(") ORDER BY next_end IS NULL, next_end, id LIMIT ").Param(int64_t{f.limit});
    return ReadRows(impl_->session, sql);
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading a work queue");
  }
}

StatusOr<std::vector<YearCount>> CaseStore::CasesPerYear(std::string_view workflow_id) {
  try {
    std::string workflow(workflow_id);
    const std::string where = workflow.empty() ? "" : " AND workflow_id = ?";
    int64_t count = 0, first = 0, last = 0;
    {
      Statement range(impl_->session);
      range << "SELECT count(*), coalesce(min(created_at), 0), coalesce(max(created_at), 0) "
               "FROM cases WHERE 1" +
                   where,
          into(count), into(first), into(last);
      if (!workflow.empty()) range, use(workflow);
      range.execute();
    }
    std::vector<YearCount> years;
    if (count == 0) return years;
    // Local years: a case created on 31 December at 23:30 in Amsterdam belongs to that year.
    const int from = Instant::FromUnixSeconds(first).LocalDate().year();
    const int until = Instant::FromUnixSeconds(last).LocalDate().year();
    for (int year = from; year <= until; ++year) {
      int64_t begin = Instant::StartOfLocalDay(Date::FromYmd(year, 1, 1)).unix_seconds();
      int64_t end = year < 9999
                        ? Instant::StartOfLocalDay(Date::FromYmd(year + 1, 1, 1)).unix_seconds()
                        : INT64_MAX;
      int64_t cases = 0;
      Statement per_year(impl_->session);
      per_year << "SELECT count(*) FROM cases WHERE created_at >= ? AND created_at < ?" + where,
          use(begin), use(end), into(cases);
      if (!workflow.empty()) per_year, use(workflow);
      per_year.execute();
      if (cases > 0) years.push_back(YearCount{year, cases});
    }
    return years;
  } catch (const std::exception& e) {
    return impl_->Error(e, "counting cases per year");
  }
}

}  // namespace uitdaag
