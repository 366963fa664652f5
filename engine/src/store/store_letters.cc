// CaseStore: letters (two immutable documents and the row that ties them to the step and the
// data they were rendered from) and the parties of a case.
#include <Poco/Data/LOB.h>

#include "party_json.h"
#include "store_impl.h"
#include "uitdaag/audit.h"

namespace uitdaag {

using namespace Poco::Data::Keywords;  // NOLINT: use(), into(), now

namespace {

constexpr const char* kLetterColumns =
    "id, case_id, seq, coalesce(outbox_id, 0), template, template_version, letter_date, context, "
    "html_document_id, pdf_document_id, created_at";

struct LetterRow {
  int64_t id = 0, seq = 0, outbox_id = 0, html = 0, pdf = 0, created = 0;
  std::string case_id, template_name, template_version, letter_date, context;

  StatusOr<LetterRecord> ToRecord() const {
    LetterRecord r;
    r.id = id;
    r.case_id = case_id;
    r.seq = seq;
    if (outbox_id != 0) r.outbox_id = outbox_id;
    r.template_name = template_name;
    r.template_version = template_version;
    auto date = Date::Parse(letter_date);
    if (!date.ok()) return Status::IoError("letter " + std::to_string(id) + ": bad date");
    r.letter_date = *date;
    r.context_json = context;
    r.html_document_id = html;
    r.pdf_document_id = pdf;
    r.created_at = Instant::FromUnixSeconds(created);
    return r;
  }
};

// Reads the letters a WHERE clause with one parameter selects, in id order.
template <typename Key>
StatusOr<std::vector<LetterRecord>> SelectLetters(Poco::Data::Session& session,
                                                  const std::string& where, Key key) {
  std::vector<int64_t> id, seq, outbox, html, pdf, created;
  std::vector<std::string> case_id, name, version, date, context;
  session << "SELECT " + std::string(kLetterColumns) + " FROM letters WHERE " + where +
                 " ORDER BY id",
      use(key), into(id), into(case_id), into(seq), into(outbox), into(name), into(version),
      into(date), into(context), into(html), into(pdf), into(created), now;
  std::vector<LetterRecord> out;
  for (size_t i = 0; i < id.size(); ++i) {
    LetterRow row{id[i],      seq[i],     outbox[i], html[i],    pdf[i],
                  created[i], case_id[i], name[i],   version[i], date[i], context[i]};
    UITDAAG_ASSIGN_OR_RETURN(LetterRecord record, row.ToRecord());
    out.push_back(std::move(record));
  }
  return out;
}

int64_t InsertDocument(Poco::Data::Session& session, const std::string& case_id, int64_t seq,
                       const std::string& name, const std::string& media_type,
                       const std::string& content, int64_t created) {
  Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(content.data()), content.size());
  std::string kind = "letter", id_text = case_id, n = name, type = media_type,
              sha = Sha256Hex(content);
  int64_t s = seq, c = created, id = 0;
  session << "INSERT INTO documents (case_id, seq, kind, name, media_type, content, sha256, "
             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      use(id_text), use(s), use(kind), use(n), use(type), use(blob), use(sha), use(c), now;
  session << "SELECT last_insert_rowid()", into(id), now;
  return id;
}

}  // namespace

StatusOr<LetterRecord> CaseStore::AddLetter(const NewLetter& l) {
  UITDAAG_ASSIGN_OR_RETURN(std::vector<LetterRecord> stored, AddLetters({l}));
  return stored.front();
}

StatusOr<std::vector<LetterRecord>> CaseStore::AddLetters(const std::vector<NewLetter>& letters) {
  Impl& s = *impl_;
  // Inside the transaction: one letter, or the one stored for its outbox item before.
  const auto store_one = [&s](const NewLetter& l) -> StatusOr<LetterRecord> {
    UITDAAG_RETURN_IF_ERROR(s.RequireCase(l.case_id));
    if (l.outbox_id) {
      UITDAAG_ASSIGN_OR_RETURN(auto existing,
                               SelectLetters(s.session, "outbox_id = ?", *l.outbox_id));
      if (!existing.empty()) return existing.front();
    }
    const int64_t created = l.now.unix_seconds();
    const int64_t html = InsertDocument(s.session, l.case_id, l.seq, l.document_name + ".html",
                                        "text/html; charset=utf-8", l.html, created);
    const int64_t pdf = InsertDocument(s.session, l.case_id, l.seq, l.document_name + ".pdf",
                                       "application/pdf", l.pdf, created);
    UITDAAG_RETURN_IF_ERROR(s.Fault("after_letter_documents"));
    std::string case_id = l.case_id, name = l.template_name, version = l.template_version,
                date = l.letter_date.ToIsoString(), context = l.context_json;
    int64_t seq = l.seq, id = 0;
    Poco::Nullable<int64_t> outbox;
    if (l.outbox_id) outbox = *l.outbox_id;
    int64_t h = html, p = pdf, c = created;
    s.session << "INSERT INTO letters (case_id, seq, outbox_id, template, template_version, "
                 "letter_date, context, html_document_id, pdf_document_id, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(case_id), use(seq), use(outbox), use(name), use(version), use(date), use(context),
        use(h), use(p), use(c), now;
    s.session << "SELECT last_insert_rowid()", into(id), now;
    UITDAAG_ASSIGN_OR_RETURN(auto stored, SelectLetters(s.session, "id = ?", id));
    return stored.front();
  };
  if (letters.empty()) return std::vector<LetterRecord>();
  return s.InWriteTransaction(
      letters.size() == 1 ? "storing a letter" : "storing letters",
      [&]() -> StatusOr<std::vector<LetterRecord>> {
        std::vector<LetterRecord> stored;
        stored.reserve(letters.size());
        for (const NewLetter& l : letters) {
          UITDAAG_ASSIGN_OR_RETURN(LetterRecord record, store_one(l));
          stored.push_back(std::move(record));
        }
        return stored;
      });
}

StatusOr<std::optional<LetterRecord>> CaseStore::LetterForOutbox(int64_t outbox_id) {
  try {
    UITDAAG_ASSIGN_OR_RETURN(auto found,
                             SelectLetters(impl_->session, "outbox_id = ?", outbox_id));
    if (found.empty()) return std::optional<LetterRecord>();
    return std::optional<LetterRecord>(found.front());
  } catch (const std::exception& e) {
    return impl_->Error(e, "looking up the letter of outbox item " + std::to_string(outbox_id));
  }
}

StatusOr<LetterRecord> CaseStore::GetLetter(int64_t id) {
  try {
    UITDAAG_ASSIGN_OR_RETURN(auto found, SelectLetters(impl_->session, "id = ?", id));
    if (found.empty()) return Status::NotFound("no letter " + std::to_string(id));
    return found.front();
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading letter " + std::to_string(id));
  }
}

StatusOr<std::vector<LetterRecord>> CaseStore::Letters(std::string_view case_id) {
  try {
    UITDAAG_RETURN_IF_ERROR(impl_->RequireCase(std::string(case_id)));
    return SelectLetters(impl_->session, "case_id = ?", std::string(case_id));
  } catch (const std::exception& e) {
    return impl_->Error(e, "listing the letters of case " + std::string(case_id));
  }
}

Status CaseStore::SetParty(std::string_view case_id, PartyRole role, const Party& party,
                           Instant at) {
  UITDAAG_RETURN_IF_ERROR(ValidateParty(party));
  Impl& s = *impl_;
  return s.InWriteTransaction("storing a party", [&]() -> Status {
    std::string id(case_id), r = PartyRoleName(role), json = store_internal::PartyToJson(party);
    int64_t updated = at.unix_seconds();
    UITDAAG_RETURN_IF_ERROR(s.RequireCase(id));
    s.session << "INSERT INTO parties (case_id, role, party, updated_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (case_id, role) DO UPDATE SET party = excluded.party, "
                 "updated_at = excluded.updated_at",
        use(id), use(r), use(json), use(updated), now;
    return Status::Ok();
  });
}

StatusOr<std::optional<Party>> CaseStore::GetParty(std::string_view case_id, PartyRole role) {
  try {
    std::string id(case_id), r = PartyRoleName(role);
    std::vector<std::string> json;
    impl_->session << "SELECT party FROM parties WHERE case_id = ? AND role = ?", use(id), use(r),
        into(json), now;
    if (json.empty()) return std::optional<Party>();
    UITDAAG_ASSIGN_OR_RETURN(Party party, store_internal::PartyFromJson(json.front()));
    return std::optional<Party>(std::move(party));
  } catch (const std::exception& e) {
    return impl_->Error(e, "reading a party of case " + std::string(case_id));
  }
}

}  // namespace uitdaag
