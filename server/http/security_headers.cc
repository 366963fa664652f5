#include "http/security_headers.h"

namespace uitdaag::http {

void SecurityHeaders(Poco::Net::HTTPResponse& response, const ServiceConfig& config) {
  if (!response.has("Content-Security-Policy")) {
    response.set("Content-Security-Policy", kApiContentSecurityPolicy);
  }
  response.set("Referrer-Policy", "no-referrer");
  response.set("X-Frame-Options", "DENY");
  if (config.secure_cookie) response.set("Strict-Transport-Security", "max-age=31536000");
}

}  // namespace uitdaag::http
