// The letters of a case and its documents (letters' HTML and PDF, uploads), for the case's
// challenger and staff. Documents are addressed by number within their case: there are no file
// names to traverse.
#include <Poco/JSON/Array.h>

#include "http/caller.h"
#include "http/handlers.h"
#include "http/security_headers.h"
#include "http/upload_policy.h"

namespace uitdaag::http {

void ListLetters(Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  Caller caller;
  if (!MaySeeCase(ex, **store, ex.Param("id"), &caller)) return;
  StatusOr<std::vector<LetterRecord>> letters = (*store)->Letters(ex.Param("id"));
  if (!letters.ok()) return ex.Fail(letters.status());
  Poco::JSON::Array list;
  const std::string base = "/api/cases/" + ex.Param("id") + "/documents/";
  for (const LetterRecord& l : *letters) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", l.id);
    o->set("template", l.template_name);
    o->set("template_version", l.template_version);
    o->set("step", l.seq);
    o->set("date", l.letter_date.ToIsoString());
    o->set("html", base + std::to_string(l.html_document_id));
    o->set("pdf", base + std::to_string(l.pdf_document_id));
    list.add(o);
  }
  ex.Json(200, list);
}

void GetDocument(Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) return ex.Fail(store.status());
  Caller caller;
  if (!MaySeeCase(ex, **store, ex.Param("id"), &caller)) return;
  const std::string& text = ex.Param("document");
  const bool numeric = !text.empty() && text.size() <= 18 &&
                       text.find_first_not_of("0123456789") == std::string::npos;
  if (!numeric) {
    ex.Problem(404, "no document '" + text + "' in case " + ex.Param("id"), "document");
    return;
  }
  StatusOr<Document> doc = (*store)->GetDocument(std::stoll(text));
  if (!doc.ok() || doc->case_id != ex.Param("id")) {
    if (!doc.ok() && doc.status().code() != StatusCode::kNotFound) return ex.Fail(doc.status());
    ex.Problem(404, "no document '" + text + "' in case " + ex.Param("id"), "document");
    return;
  }
  // Always a download, never rendered in the service's origin: an attachment, the media type
  // only when it is one the service accepts (upload_policy.h), and no scripts even if opened.
  ex.SetHeader("ETag", "\"" + doc->sha256 + "\"");
  ex.SetHeader("Content-Security-Policy", std::string(kApiContentSecurityPolicy) + "; sandbox");
  ex.Bytes(200, DownloadMediaType(doc->kind, doc->media_type), doc->content,
           doc->name.empty() ? "document-" + text : doc->name);
}

}  // namespace uitdaag::http
