// CaseStore: drafts of a submission (uitdaag/draft.h, uitdaag/store.h; engine/DESIGN.md,
// "Drafts").
//
// A draft is found by the SHA-256 of its token, like a session (store_accounts.cc); a text that
// cannot be a token is refused before any read. Values are checked and encoded as JSON before
// the write transaction. The writes that remove draft content (a save replacing values, a
// submission, the expiry sweep) run with SQLite's secure_delete on, so the removed text is
// overwritten in the database file instead of lingering in free space (and in backups, which
// copy free pages too).
#include <sqlite3.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "case_json_internal.h"
#include "store_impl.h"
#include "uitdaag/audit.h"
#include "uitdaag/draft.h"
#include "uitdaag/password.h"
#include "uitdaag/utf8.h"

namespace uitdaag {

using namespace Poco::Data::Keywords;  // NOLINT: use(), into(), now

namespace {

constexpr const char* kDraftNotFound = "unknown or expired draft";
constexpr const char* kEmptyJsonObject = "{}";

// RandomToken(32): kDraftTokenLength characters of base64url.
bool IsDraftToken(std::string_view token) {
  if (token.size() != kDraftTokenLength) return false;
  for (const char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

Status NotFound() {
  return Status::NotFound(kDraftNotFound);
}

// kInvalidArgument unless `name` is a non-empty UTF-8 field name of `part` ("data", "applicant").
Status CheckName(std::string_view part, const std::string& name) {
  if (name.empty() || !Utf8Length(name)) {
    return Status::InvalidArgument(
        std::string(part) + ": a field name must be non-empty UTF-8 text", std::string(part));
  }
  return Status::Ok();
}

Status CheckText(const std::string& field, const std::string& text) {
  if (!Utf8Length(text)) {
    return Status::InvalidArgument(field + ": is not valid UTF-8 text", field);
  }
  return Status::Ok();
}

Status CheckSize(std::string_view part, size_t bytes, size_t limit) {
  if (bytes <= limit) return Status::Ok();
  return Status::InvalidArgument(std::string(part) + ": " + std::to_string(bytes) +
                                     " bytes as JSON, more than the " + std::to_string(limit) +
                                     " a draft may hold",
                                 std::string(part));
}

// The two JSON texts a draft's values are stored as.
struct EncodedValues {
  std::string data;
  std::string applicant;
  int page = 0;
};

StatusOr<EncodedValues> Encode(const DraftValues& values) {
  if (values.page < 0) {
    return Status::InvalidArgument("page: must be 0 or more, not " + std::to_string(values.page),
                                   "page");
  }
  for (const auto& [name, field] : values.data) {
    UITDAAG_RETURN_IF_ERROR(CheckName("data", name));
    if (const auto* text = std::get_if<std::string>(&field)) {
      UITDAAG_RETURN_IF_ERROR(CheckText(name, *text));
    } else {
      for (const std::string& item : std::get<std::vector<std::string>>(field)) {
        UITDAAG_RETURN_IF_ERROR(CheckText(name, item));
      }
    }
  }
  for (const auto& [name, text] : values.applicant) {
    UITDAAG_RETURN_IF_ERROR(CheckName("applicant", name));
    UITDAAG_RETURN_IF_ERROR(CheckText("applicant." + name, text));
  }
  EncodedValues out;
  out.page = values.page;
  // std::map iterates in byte order, the order JsonWriter requires.
  out.data = store_internal::JsonOf([&](store_internal::JsonWriter& w) {
    w.BeginObject();
    for (const auto& [name, field] : values.data) {
      w.Key(name);
      if (const auto* text = std::get_if<std::string>(&field)) {
        w.String(*text);
      } else {
        w.BeginArray();
        for (const std::string& item : std::get<std::vector<std::string>>(field)) w.String(item);
        w.EndArray();
      }
    }
    w.EndObject();
  });
  out.applicant = store_internal::JsonOf([&](store_internal::JsonWriter& w) {
    w.BeginObject();
    for (const auto& [name, text] : values.applicant) w.Field(name, text);
    w.EndObject();
  });
  UITDAAG_RETURN_IF_ERROR(CheckSize("data", out.data.size(), kMaxDraftDataBytes));
  UITDAAG_RETURN_IF_ERROR(CheckSize("applicant", out.applicant.size(), kMaxDraftApplicantBytes));
  return out;
}

Status Corrupt(int64_t id, std::string_view what) {
  return Status::IoError("draft " + std::to_string(id) + ": the stored " + std::string(what) +
                         " is not what the store writes");
}

StatusOr<std::map<std::string, DraftField>> DecodeData(int64_t id, const std::string& json) {
  StatusOr<store_internal::JsonIn> in = store_internal::JsonIn::Parse(json);
  if (!in.ok() || !in->is_object()) return Corrupt(id, "form data");
  std::map<std::string, DraftField> data;
  for (const std::string& name : in->Keys()) {
    const store_internal::JsonIn value = in->Get(name);
    if (value.is_array()) {
      std::vector<std::string> items;
      for (const store_internal::JsonIn& item : value.Items()) {
        StatusOr<std::string> text = item.AsString();
        if (!text.ok()) return Corrupt(id, "form data");
        items.push_back(std::move(*text));
      }
      data.emplace(name, std::move(items));
    } else {
      StatusOr<std::string> text = value.AsString();
      if (!text.ok()) return Corrupt(id, "form data");
      data.emplace(name, std::move(*text));
    }
  }
  return data;
}

StatusOr<std::map<std::string, std::string>> DecodeApplicant(int64_t id, const std::string& json) {
  StatusOr<store_internal::JsonIn> in = store_internal::JsonIn::Parse(json);
  if (!in.ok() || !in->is_object()) return Corrupt(id, "applicant");
  std::map<std::string, std::string> applicant;
  for (const std::string& name : in->Keys()) {
    StatusOr<std::string> text = in->Get(name).AsString();
    if (!text.ok()) return Corrupt(id, "applicant");
    applicant.emplace(name, std::move(*text));
  }
  return applicant;
}

// The state of a draft that has not expired at `at`, as the write paths need it.
struct DraftState {
  int64_t ttl_seconds = 0;
  std::optional<std::string> submitted_case;
};

// Throws like every query here.
std::optional<DraftState> SelectState(Poco::Data::Session& session, std::string& hash, int64_t at) {
  std::vector<int64_t> ttl;
  std::vector<int> submitted;
  std::vector<std::string> case_id;
  session << "SELECT ttl_seconds, submitted_case IS NOT NULL, coalesce(submitted_case, '') "
             "FROM drafts WHERE token_hash = ? AND expires_at > ?",
      use(hash), use(at), into(ttl), into(submitted), into(case_id), now;
  if (ttl.empty()) return std::nullopt;
  DraftState state;
  state.ttl_seconds = ttl.front();
  if (submitted.front() != 0) state.submitted_case = case_id.front();
  return state;
}

// Runs `body` in a write transaction with PRAGMA secure_delete on (see the top of the file),
// and puts the connection's setting back afterwards. `Store` is CaseStore::Impl (private).
template <typename Store, typename Body>
auto ErasingWrite(Store& s, std::string_view doing, Body body) -> decltype(body()) {
  int previous = 0;
  try {
    store_internal::PreparedStatement query(s.db, "PRAGMA secure_delete");
    query.Into(previous).Execute();
    store_internal::PreparedStatement(s.db, "PRAGMA secure_delete = 1").Execute();
  } catch (const std::exception& e) {
    return s.Error(e, doing);
  }
  auto result = s.InWriteTransaction(doing, std::move(body));
  try {
    store_internal::PreparedStatement(s.db, "PRAGMA secure_delete = " + std::to_string(previous))
        .Execute();
  } catch (const std::exception&) {
    // Left on, later writes only overwrite more than they must; nothing is lost.
  }
  return result;
}

}  // namespace

StatusOr<std::string> CaseStore::CreateDraft(const NewDraft& draft, Instant at,
                                             int64_t ttl_seconds) {
  if (draft.workflow_id.empty()) {
    return Status::InvalidArgument("workflow_id: a draft needs a workflow", "workflow_id");
  }
  if (draft.workflow_version < 1) {
    return Status::InvalidArgument(
        "workflow_version: must be 1 or more, not " + std::to_string(draft.workflow_version),
        "workflow_version");
  }
  if (ttl_seconds <= 0 || ttl_seconds > kMaxDraftTtlSeconds) {
    return Status::InvalidArgument("ttl_seconds: a draft lives 1 to " +
                                       std::to_string(kMaxDraftTtlSeconds) + " seconds, not " +
                                       std::to_string(ttl_seconds),
                                   "ttl_seconds");
  }
  UITDAAG_ASSIGN_OR_RETURN(EncodedValues values, Encode(draft.values));
  Impl& s = *impl_;
  return s.InWriteTransaction("creating a draft", [&]() -> StatusOr<std::string> {
    std::string token = RandomToken(), hash = Sha256Hex(token), workflow = draft.workflow_id;
    int version = draft.workflow_version;
    int64_t created = at.unix_seconds(), expires = created + ttl_seconds, ttl = ttl_seconds;
    s.session << "INSERT INTO drafts (token_hash, workflow_id, workflow_version, data, "
                 "applicant, page, ttl_seconds, created_at, updated_at, expires_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(hash), use(workflow), use(version), use(values.data), use(values.applicant),
        use(values.page), use(ttl), use(created), use(created), use(expires), now;
    return token;
  });
}

StatusOr<Draft> CaseStore::LoadDraft(std::string_view token, Instant at) {
  if (!IsDraftToken(token)) return NotFound();
  try {
    std::string hash = Sha256Hex(token);
    int64_t when = at.unix_seconds();
    std::vector<int64_t> id, ttl, created, updated, expires, submitted_at;
    std::vector<std::string> workflow, data, applicant, case_id;
    std::vector<int> version, page, submitted;
    impl_->session << "SELECT id, workflow_id, workflow_version, data, applicant, page, "
                      "ttl_seconds, created_at, updated_at, expires_at, "
                      "submitted_case IS NOT NULL, coalesce(submitted_case, ''), "
                      "coalesce(submitted_at, 0) "
                      "FROM drafts WHERE token_hash = ? AND expires_at > ?",
        use(hash), use(when), into(id), into(workflow), into(version), into(data), into(applicant),
        into(page), into(ttl), into(created), into(updated), into(expires), into(submitted),
        into(case_id), into(submitted_at), now;
    if (id.empty()) return NotFound();
    Draft d;
    d.workflow_id = workflow.front();
    d.workflow_version = version.front();
    UITDAAG_ASSIGN_OR_RETURN(d.values.data, DecodeData(id.front(), data.front()));
    UITDAAG_ASSIGN_OR_RETURN(d.values.applicant, DecodeApplicant(id.front(), applicant.front()));
    d.values.page = page.front();
    d.ttl_seconds = ttl.front();
    d.created_at = Instant::FromUnixSeconds(created.front());
    d.updated_at = Instant::FromUnixSeconds(updated.front());
    d.expires_at = Instant::FromUnixSeconds(expires.front());
    if (submitted.front() != 0) {
      d.submitted_case = case_id.front();
      d.submitted_at = Instant::FromUnixSeconds(submitted_at.front());
    }
    return d;
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading a draft");
  }
}

Status CaseStore::SaveDraft(std::string_view token, const DraftValues& values, Instant at) {
  if (!IsDraftToken(token)) return NotFound();
  UITDAAG_ASSIGN_OR_RETURN(EncodedValues encoded, Encode(values));
  Impl& s = *impl_;
  return ErasingWrite(s, "saving a draft", [&]() -> Status {
    std::string hash = Sha256Hex(token);
    int64_t when = at.unix_seconds();
    std::optional<DraftState> state = SelectState(s.session, hash, when);
    if (!state) return NotFound();
    if (state->submitted_case) {
      return Status::FailedPrecondition(
          "the draft was submitted already, as case " + *state->submitted_case,
          *state->submitted_case);
    }
    int64_t expires = when + state->ttl_seconds;
    s.session << "UPDATE drafts SET data = ?, applicant = ?, page = ?, updated_at = ?, "
                 "expires_at = ? WHERE token_hash = ?",
        use(encoded.data), use(encoded.applicant), use(encoded.page), use(when), use(expires),
        use(hash), now;
    return Status::Ok();
  });
}

Status CaseStore::MarkDraftSubmitted(std::string_view token, std::string_view case_id, Instant at) {
  if (!IsDraftToken(token)) return NotFound();
  Impl& s = *impl_;
  return ErasingWrite(s, "marking a draft submitted", [&]() -> Status {
    std::string hash = Sha256Hex(token), id(case_id);
    int64_t when = at.unix_seconds();
    std::optional<DraftState> state = SelectState(s.session, hash, when);
    if (!state) return NotFound();
    if (state->submitted_case) {
      if (*state->submitted_case == id) return Status::Ok();  // a retried submission
      return Status::FailedPrecondition(
          "the draft was submitted already, as case " + *state->submitted_case,
          *state->submitted_case);
    }
    UITDAAG_RETURN_IF_ERROR(s.RequireCase(id));
    std::string empty = kEmptyJsonObject;
    s.session << "UPDATE drafts SET data = ?, applicant = ?, page = 0, submitted_case = ?, "
                 "submitted_at = ?, updated_at = ? WHERE token_hash = ?",
        use(empty), use(empty), use(id), use(when), use(when), use(hash), now;
    return Status::Ok();
  });
}

StatusOr<int64_t> CaseStore::DeleteExpiredDrafts(Instant at) {
  Impl& s = *impl_;
  return ErasingWrite(s, "deleting expired drafts", [&]() -> StatusOr<int64_t> {
    int64_t when = at.unix_seconds();
    s.session << "DELETE FROM drafts WHERE expires_at <= ?", use(when), now;
    return static_cast<int64_t>(sqlite3_changes64(s.db));
  });
}

StatusOr<int64_t> CaseStore::CountDrafts() {
  try {
    int64_t count = 0;
    impl_->session << "SELECT count(*) FROM drafts", into(count), now;
    return count;
  } catch (const std::exception& e) {
    return impl_->Error(e, "counting drafts");
  }
}

}  // namespace uitdaag
