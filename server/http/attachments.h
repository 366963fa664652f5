// Adding an attachment to a case: the application service behind
// `POST /api/cases/{id}/attachments` and the upload form of the resident's case page.
//
// In two parts, so that the API can refuse before it reads a body (exchange.h: an answer given
// before the body was read closes the connection):
//   CheckAttachmentHead   what can be decided from the request head: a challenger only while the
//                         case is not closed (kFailedPrecondition), the file name
//                         (kInvalidArgument, subject "name"), the media type against the
//                         allow-list (kInvalidArgument, subject "Content-Type"), the declared
//                         size against max_upload_bytes (kInvalidArgument, subject "size"), the
//                         number of attachments (kFailedPrecondition, subject "count");
//   StoreAttachment       the content against its type (kInvalidArgument, subject "content"),
//                         then the document, the count checked again inside the store's write
//                         transaction (kFailedPrecondition, subject "count").
// upload_policy.h has the rules; engine/DESIGN.md, "Documents and attachments".
//
// Thread safety: uses only the given store (one per request thread) and immutable state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/caller.h"
#include "http/service_state.h"
#include "uitdaag/store.h"

namespace uitdaag::http {

inline constexpr const char* kUploadKind = "upload";

Status CheckAttachmentHead(const ServiceState& state, CaseStore& store, const Caller& caller,
                           const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                           const std::string& name, const std::string& media_type,
                           std::optional<int64_t> declared_size);

// REQUIRES: CheckAttachmentHead passed for the same name and type. Returns the stored document
// without its content.
StatusOr<Document> StoreAttachment(const ServiceState& state, CaseStore& store, const Caller& caller,
                                   const CaseSnapshot& snapshot, const std::string& name,
                                   const std::string& media_type, std::string content);

}  // namespace uitdaag::http
