// Errors over HTTP: one mapping from Status codes to HTTP statuses, and the
// application/problem+json body (RFC 9457) every error response carries. Messages are the
// Status messages, which name the field at fault and never contain SQL or stack traces.
#pragma once

#include <string>

#include "uitdaag/status.h"

namespace uitdaag::http {

// 400, 404, 409, 412... for a Status; 500 for kInternal.
int HttpStatusOf(StatusCode code);

// {"type": "...", "title": "...", "status": N, "detail": "...", "field": "..."}; `field` is left
// out when empty.
std::string ProblemJson(int http_status, const std::string& detail, const std::string& field);

}  // namespace uitdaag::http
