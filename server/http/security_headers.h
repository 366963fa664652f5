// The security headers every answer of the service carries (Exchange::Bytes sets them):
//   Content-Security-Policy: default-src 'none'; frame-ancestors 'none'
//       unless the handler set its own (downloads add `sandbox`); an API answer loads nothing
//       and may not be framed;
//   Referrer-Policy: no-referrer
//       case links carry a case's access token in no URL, but a page must never pass one on;
//   X-Frame-Options: DENY
//       for browsers that predate frame-ancestors;
//   Strict-Transport-Security: max-age=31536000
//       only with secure_cookie (the service is then served over TLS by a proxy); on plain HTTP
//       the header would be meaningless, and on 127.0.0.1 harmful for other local services.
//
// Thread safety: pure.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include "http/service_config.h"

namespace uitdaag::http {

inline constexpr const char* kApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

void SecurityHeaders(Poco::Net::HTTPResponse& response, const ServiceConfig& config);

}  // namespace uitdaag::http
