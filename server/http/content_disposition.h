// The Content-Disposition header of a download (RFC 6266): always "attachment", so a browser
// saves the file instead of rendering it, with the file name made safe for a header.
//
//   AttachmentDisposition("brief.pdf")    attachment; filename="brief.pdf"
//   AttachmentDisposition("Zoë's plan.pdf")
//       attachment; filename="Zo_'s plan.pdf"; filename*=UTF-8''Zo%C3%AB%27s%20plan.pdf
//
// The quoted `filename` is an ASCII fallback: every byte outside printable ASCII, and '"', '\\',
// '/', ':' and '%', becomes '_'. The RFC 5987 `filename*` (percent-encoded UTF-8) is added when
// the fallback differs from the name. Control characters, path separators and invisible or
// direction-changing characters (IsInvisibleOrDirectional, uitdaag/utf8.h) are replaced by '_'
// in both (a defence for names stored by other means than the upload check); leading dots are
// dropped; an empty result becomes "document".
//
// Thread safety: reentrant.
#pragma once

#include <string>
#include <string_view>

namespace uitdaag::http {

std::string AttachmentDisposition(std::string_view file_name);

}  // namespace uitdaag::http
