#include "http/framing.h"

#include <Poco/String.h>

#include <vector>

namespace uitdaag::http {
namespace {

Framing Refuse(int status, std::string detail, std::string field) {
  Framing f;
  f.ok = false;
  f.status = status;
  f.detail = std::move(detail);
  f.field = std::move(field);
  return f;
}

// Every value of header `name`, in the order received (Poco keeps repeated headers).
std::vector<std::string> ValuesOf(const Poco::Net::HTTPRequest& request, const std::string& name) {
  std::vector<std::string> values;
  for (auto it = request.find(name); it != request.end(); ++it) {
    if (Poco::icompare(it->first, name) != 0) break;
    values.push_back(Poco::trim(it->second));
  }
  return values;
}

}  // namespace

Framing FramingOf(const Poco::Net::HTTPRequest& request) {
  const std::vector<std::string> lengths = ValuesOf(request, "Content-Length");
  const std::vector<std::string> codings = ValuesOf(request, "Transfer-Encoding");
  if (!lengths.empty() && !codings.empty()) {
    return Refuse(400, "a request may not carry both Content-Length and Transfer-Encoding",
                  "Transfer-Encoding");
  }
  if (lengths.size() > 1) {
    return Refuse(400, "the request carries more than one Content-Length header", "Content-Length");
  }
  if (codings.size() > 1) {
    return Refuse(400, "the request carries more than one Transfer-Encoding header",
                  "Transfer-Encoding");
  }
  Framing f;
  if (!codings.empty()) {
    if (Poco::icompare(codings.front(), "chunked") != 0) {
      return Refuse(501,
                    "Transfer-Encoding '" + codings.front().substr(0, 40) +
                        "' is not supported; send the body with Content-Length or as chunked",
                    "Transfer-Encoding");
    }
    if (request.getVersion() != Poco::Net::HTTPMessage::HTTP_1_1) {
      return Refuse(400, "Transfer-Encoding requires HTTP/1.1", "Transfer-Encoding");
    }
    f.body = Framing::Body::kChunked;
    return f;
  }
  if (!lengths.empty()) {
    const std::string& text = lengths.front();
    // At most 18 digits: the value fits in int64_t without overflow.
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
      return Refuse(400, "Content-Length must be one decimal number", "Content-Length");
    }
    f.length = std::stoll(text);
    f.body = f.length > 0 ? Framing::Body::kLength : Framing::Body::kNone;
  }
  return f;
}

}  // namespace uitdaag::http
