#include "http/problem.h"

#include <Poco/JSON/Object.h>

#include <sstream>

namespace uitdaag::http {
namespace {

const char* Title(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    case 507: return "Insufficient Storage";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 422;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kConflict: return 412;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kResourceExhausted: return 507;
    case StatusCode::kIoError:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

std::string ProblemJson(int http_status, const std::string& detail, const std::string& field) {
  Poco::JSON::Object problem(Poco::JSON_PRESERVE_KEY_ORDER);
  problem.set("type", "about:blank");
  problem.set("title", Title(http_status));
  problem.set("status", http_status);
  problem.set("detail", detail);
  if (!field.empty()) problem.set("field", field);
  std::ostringstream out;
  problem.stringify(out);
  return out.str();
}

}  // namespace uitdaag::http
