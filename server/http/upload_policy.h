// What the service accepts as an attachment (POST /api/cases/{id}/attachments), and how it
// serves stored documents back. Pure functions over bytes; no I/O.
//
// Accepted media types (the declared Content-Type, parameters such as "; charset=utf-8"
// ignored, case-insensitive), each with the content it must have:
//   application/pdf                                  starts with "%PDF-"
//   image/png                                        the 8-byte PNG signature
//   image/jpeg                                       FF D8 FF
//   text/plain                                       valid UTF-8 (an optional BOM), no NUL or
//                                                    other C0 control but tab, LF, CR and form
//                                                    feed; not starting with HTML, SVG or XML
//                                                    markup and not another type's signature
//   application/vnd.oasis.opendocument.text          a ZIP whose first entry is the stored file
//                                                    "mimetype" holding exactly this type (ODF)
//   application/vnd.openxmlformats-officedocument.wordprocessingml.document
//                                                    a ZIP with "[Content_Types].xml" and
//                                                    "word/" entries (OOXML)
// Anything else (HTML, SVG, scripts, archives, executables) is refused.
//
// File names: 1 to 200 bytes of one-line plain text (CheckPlainText, uitdaag/utf8.h: valid
// UTF-8 with no control characters (C0, DEL, C1) and no invisible or direction-changing
// characters, which disguise an extension), no '/', '\\' or ':', not starting with '.' or a
// space and not ending with a space or '.'. A bad name is refused, never rewritten.
//
// Thread safety: reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::http {

inline constexpr size_t kMaxUploadNameBytes = 200;

// "Application/PDF; charset=x" -> "application/pdf"; surrounding spaces removed.
std::string BareMediaType(std::string_view content_type);

// The media types of the allow-list, in the order above.
const std::vector<std::string>& AllowedUploadTypes();
bool IsAllowedUploadType(std::string_view bare_media_type);

// OK when `content` is what `bare_media_type` declares. kInvalidArgument (subject "content")
// saying what is wrong, and naming the type the content looks like when it looks like another
// accepted one: "the content is not application/pdf: it looks like image/png".
// REQUIRES: IsAllowedUploadType(bare_media_type).
Status CheckUploadContent(std::string_view bare_media_type, std::string_view content);

// The accepted type the content's signature says it is, or empty when none matches (text/plain
// has no signature and is never returned).
std::string SniffUploadType(std::string_view content);

// OK, or kInvalidArgument (subject "name") saying which rule the name breaks.
Status CheckUploadName(std::string_view name);

// The media type to serve a stored document with. Letters keep theirs (the service rendered
// them); an upload keeps its type only when it is on the allow-list, and anything else (for
// instance HTML or SVG stored by an older build or by hand) is served as
// application/octet-stream, so a browser never renders it.
std::string DownloadMediaType(std::string_view kind, std::string_view stored_media_type);

}  // namespace uitdaag::http
