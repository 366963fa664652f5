// Request framing: how the body of a request is delimited, decided once from its headers before
// anything else looks at the request. Poco's parser is lenient where leniency lets a request
// hide another one (request smuggling), so every request passes this check first (router.cc):
//
//   - one Content-Length of decimal digits:   the body is that many bytes;
//   - one Transfer-Encoding that is `chunked`: a chunked body (HTTP/1.1 only);
//   - neither:                                no body, whatever the method (RFC 9112 §6.3; Poco
//                                             would read a POST without either until the
//                                             connection closes, i.e. the next request);
//   - anything else is refused and the connection closed: Content-Length together with
//     Transfer-Encoding, several Content-Length headers or values, a length that is not a
//     number (400); a transfer coding other than chunked alone (501).
//
// Thread safety: pure functions.
#pragma once

#include <Poco/Net/HTTPRequest.h>

#include <cstdint>
#include <string>

namespace uitdaag::http {

struct Framing {
  enum class Body { kNone, kLength, kChunked };
  Body body = Body::kNone;
  int64_t length = 0;  // kLength: the declared length

  bool ok = true;      // false: refuse with `status` and close the connection
  int status = 0;      // 400 or 501
  std::string detail;  // what is wrong, for the problem answer
  std::string field;   // the header at fault
};

Framing FramingOf(const Poco::Net::HTTPRequest& request);

}  // namespace uitdaag::http
