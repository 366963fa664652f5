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
// before the body was read closes the connection (exchange.h). The checks are the application
// service's (attachments.h), which the resident's case page shares.
#include <Poco/JSON/Array.h>

#include "http/attachments.h"
#include "http/case_view.h"
#include "http/handlers.h"
#include "http/upload_policy.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Object;

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
  const std::optional<std::string> name = ex.Query("name");
  if (!name) {
    ex.Problem(422, "name: give the file name as ?name=... (percent-encoded UTF-8)", "name");
    return;
  }
  const std::string media_type = BareMediaType(ex.request().getContentType());
  // Everything the head decides, before the body is read (attachments.h).
  std::optional<int64_t> declared;
  if (ex.framing().body == Framing::Body::kLength) declared = ex.framing().length;
  if (Status head = CheckAttachmentHead(ex.state(), *view->store, view->caller, *view->def, snapshot,
                                        *name, media_type, declared);
      !head.ok()) {
    if (head.subject() == "Content-Type") return ex.Problem(415, head.message(), "Content-Type");
    if (head.subject() == "size") return ex.Problem(413, head.message(), "content");
    if (head.subject() == "count") return ex.Problem(409, head.message());
    return ex.Fail(head);
  }
  const size_t limit = ex.state().config.max_upload_bytes;
  const std::string too_large =
      "the file is larger than " + std::to_string(limit) + " bytes, the most accepted";
  std::string content;
  if (!ex.ReadBody(limit, too_large, "content", &content)) return;
  StatusOr<Document> doc = StoreAttachment(ex.state(), *view->store, view->caller, snapshot, *name,
                                           media_type, std::move(content));
  if (!doc.ok()) {
    if (doc.status().subject() == "count") return ex.Problem(409, doc.status().message());
    return ex.Fail(doc.status());
  }
  Object::Ptr out = DocumentJson(snapshot.id, *doc);
  ex.SetHeader("Location", out->getValue<std::string>("url"));
  ex.Json(201, *out);
}

}  // namespace uitdaag::http
