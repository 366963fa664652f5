// The documents of a case: the list (letters and uploads, without content), and attachments
// uploaded by the case's challenger or by staff (engine/DESIGN.md, "Documents and attachments").
//
// An upload is the raw file as the body, its media type in Content-Type and its file name in
// the query: POST /api/cases/{id}/attachments?name=plan.pdf. The checks, in order, each with its
// own answer: who is asking (401/404), a challenger only while the case is not closed (409), the
// name (422, field "name"), the media type against the allow-list (415, field "Content-Type"),
// the declared length against max_upload_bytes (413), the number of attachments (409), the body
// read up to the limit plus one byte (413), the content against the declared type (422, field
// "content"). The count is checked again inside the store's write transaction. An answer given
// before the body was read closes the connection (exchange.h).
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>

#include <algorithm>

#include "http/case_view.h"
#include "http/handlers.h"
#include "http/upload_policy.h"
#include "uitdaag/audit.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Object;

constexpr const char* kUploadKind = "upload";

Object::Ptr DocumentJson(const std::string& case_id, const Document& d) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", d.id);
  o->set("kind", d.kind);
  o->set("name", d.name);
  o->set("media_type", d.media_type);
  o->set("size", d.size);
  o->set("sha256", d.sha256);
  o->set("created_at", d.created_at.ToLocalString());
  o->set("step", d.seq > 0 ? Poco::Dynamic::Var(d.seq) : Poco::Dynamic::Var());
  o->set("url", "/api/cases/" + case_id + "/documents/" + std::to_string(d.id));
  return o;
}

std::string JoinedTypes() {
  std::string list;
  for (const std::string& t : AllowedUploadTypes()) list += (list.empty() ? "" : ", ") + t;
  return list;
}

}  // namespace

void ListDocuments(Exchange& ex) {
  std::optional<CaseView> view = OpenCase(ex);
  if (!view) return;
  StatusOr<std::vector<Document>> documents = view->store->Documents(view->stored.snapshot.id);
  if (!documents.ok()) return ex.Fail(documents.status());
  Poco::JSON::Array list;
  for (const Document& d : *documents) list.add(DocumentJson(view->stored.snapshot.id, d));
  ex.Json(200, list);
}

void UploadAttachment(Exchange& ex) {
  std::optional<CaseView> view = OpenCase(ex);
  if (!view) return;
  const CaseSnapshot& snapshot = view->stored.snapshot;
  const StateDef* state = view->def->FindState(snapshot.state);
  if (view->caller.kind == Caller::Kind::kChallenger && state != nullptr && state->final) {
    ex.Problem(409, "case " + snapshot.id + " is closed ('" + state->label +
                        "'); attachments can no longer be added");
    return;
  }
  const std::optional<std::string> name = ex.Query("name");
  if (!name) {
    ex.Problem(422, "name: give the file name as ?name=... (percent-encoded UTF-8)", "name");
    return;
  }
  if (Status valid = CheckUploadName(*name); !valid.ok()) return ex.Fail(valid);
  const std::string media_type = BareMediaType(ex.request().getContentType());
  if (!IsAllowedUploadType(media_type)) {
    ex.Problem(
        415,
        "Content-Type: " + (media_type.empty() ? std::string("missing") : "'" + media_type + "'") +
            " is not accepted; send one of " + JoinedTypes(),
        "Content-Type");
    return;
  }
  const size_t limit = ex.state().config.max_upload_bytes;
  const std::string too_large =
      "the file is larger than " + std::to_string(limit) + " bytes, the most accepted";
  if (ex.framing().body == Framing::Body::kLength && ex.framing().length > static_cast<int64_t>(limit)) {
    ex.Problem(413, too_large, "content");
    return;
  }
  const auto max_attachments = static_cast<int64_t>(ex.state().config.max_attachments_per_case);
  const std::string too_many = "case " + snapshot.id + " already has " +
                               std::to_string(max_attachments) + " attachments, the most allowed";
  StatusOr<std::vector<Document>> existing = view->store->Documents(snapshot.id);
  if (!existing.ok()) return ex.Fail(existing.status());
  if (std::count_if(existing->begin(), existing->end(),
                    [](const Document& d) { return d.kind == kUploadKind; }) >= max_attachments) {
    ex.Problem(409, too_many);
    return;
  }
  std::string content;
  if (!ex.ReadBody(limit, too_large, "content", &content)) return;
  if (Status valid = CheckUploadContent(media_type, content); !valid.ok()) return ex.Fail(valid);
  Document doc;  // what the answer describes; the content moves into the store's copy
  doc.case_id = snapshot.id;
  doc.kind = kUploadKind;
  doc.name = *name;
  doc.media_type = media_type;
  doc.created_at = ex.state().clock->Now();
  doc.size = static_cast<int64_t>(content.size());
  doc.sha256 = Sha256Hex(content);
  Document stored = doc;
  stored.content = std::move(content);
  StatusOr<int64_t> id = view->store->AddDocument(std::move(stored), max_attachments);
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kFailedPrecondition) {
      ex.Problem(409, too_many);
      return;
    }
    return ex.Fail(id.status());
  }
  doc.id = *id;
  // The documents table has no uploader column: the log keeps who it was.
  Poco::Logger::get("uitdaag.http")
      .information("case " + snapshot.id + ": attachment " + std::to_string(doc.id) + " (" +
                   std::to_string(doc.size) + " bytes) uploaded by " +
                   (view->caller.kind == Caller::Kind::kStaff ? view->caller.account.username
                                                              : std::string("the challenger")));
  Object::Ptr out = DocumentJson(snapshot.id, doc);
  ex.SetHeader("Location", out->getValue<std::string>("url"));
  ex.Json(201, *out);
}

}  // namespace uitdaag::http
