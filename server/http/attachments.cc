#include "http/attachments.h"

#include <Poco/Logger.h>

#include <algorithm>

#include "http/upload_policy.h"
#include "uitdaag/audit.h"

namespace uitdaag::http {
namespace {

std::string JoinedTypes() {
  std::string list;
  for (const std::string& t : AllowedUploadTypes()) list += (list.empty() ? "" : ", ") + t;
  return list;
}

Status TooMany(const ServiceState& state, const CaseSnapshot& snapshot) {
  return Status::FailedPrecondition("case " + snapshot.id + " already has " +
                                        std::to_string(state.config.max_attachments_per_case) +
                                        " attachments, the most allowed",
                                    "count");
}

}  // namespace

Status CheckAttachmentHead(const ServiceState& state, CaseStore& store, const Caller& caller,
                           const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                           const std::string& name, const std::string& media_type,
                           std::optional<int64_t> declared_size) {
  const StateDef* st = def.FindState(snapshot.state);
  if (caller.kind == Caller::Kind::kChallenger && st != nullptr && st->final) {
    return Status::FailedPrecondition("case " + snapshot.id + " is closed ('" + st->label +
                                      "'); attachments can no longer be added");
  }
  UITDAAG_RETURN_IF_ERROR(CheckUploadName(name));
  if (!IsAllowedUploadType(media_type)) {
    return Status::InvalidArgument(
        "Content-Type: " + (media_type.empty() ? std::string("missing") : "'" + media_type + "'") +
            " is not accepted; send one of " + JoinedTypes(),
        "Content-Type");
  }
  const size_t limit = state.config.max_upload_bytes;
  if (declared_size && *declared_size > static_cast<int64_t>(limit)) {
    return Status::InvalidArgument(
        "the file is larger than " + std::to_string(limit) + " bytes, the most accepted", "size");
  }
  UITDAAG_ASSIGN_OR_RETURN(std::vector<Document> existing, store.Documents(snapshot.id));
  const auto uploads = std::count_if(existing.begin(), existing.end(),
                                     [](const Document& d) { return d.kind == kUploadKind; });
  if (uploads >= static_cast<int64_t>(state.config.max_attachments_per_case)) {
    return TooMany(state, snapshot);
  }
  return Status::Ok();
}

StatusOr<Document> StoreAttachment(const ServiceState& state, CaseStore& store, const Caller& caller,
                                   const CaseSnapshot& snapshot, const std::string& name,
                                   const std::string& media_type, std::string content) {
  UITDAAG_RETURN_IF_ERROR(CheckUploadContent(media_type, content));
  Document doc;  // what the caller is told; the content moves into the store's copy
  doc.case_id = snapshot.id;
  doc.kind = kUploadKind;
  doc.name = name;
  doc.media_type = media_type;
  doc.created_at = state.clock->Now();
  doc.size = static_cast<int64_t>(content.size());
  doc.sha256 = Sha256Hex(content);
  Document stored = doc;
  stored.content = std::move(content);
  StatusOr<int64_t> id =
      store.AddDocument(std::move(stored), static_cast<int64_t>(state.config.max_attachments_per_case));
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kFailedPrecondition) return TooMany(state, snapshot);
    return id.status();
  }
  doc.id = *id;
  // The documents table has no uploader column: the log keeps who it was.
  Poco::Logger::get("uitdaag.http")
      .information("case " + snapshot.id + ": attachment " + std::to_string(doc.id) + " (" +
                   std::to_string(doc.size) + " bytes) uploaded by " +
                   (caller.kind == Caller::Kind::kStaff ? caller.account.username
                                                        : std::string("the challenger")));
  return doc;
}

}  // namespace uitdaag::http
