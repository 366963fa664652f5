// A chunked request body (RFC 9112 §7.1), read strictly. Poco's own chunked reader takes a chunk
// size it cannot parse for the end of the body and leaves the rest on the connection, where it
// would be read as the next request; this reader refuses anything but the grammar:
//
//   chunk      = 1*16HEXDIG [ BWS ";" chunk-ext ] CRLF  chunk-data CRLF
//   last-chunk = 1*"0" [ BWS ";" chunk-ext ] CRLF  *( field-line CRLF )  CRLF
//
// with lines of at most 1,024 bytes, at most 16 trailer lines (read and dropped), and CRLF
// exactly (a bare LF is malformed). Extensions are ignored.
//
// It reads from the connection's raw byte stream, which may read ahead past the body: the
// connection carries no further request after a chunked one (exchange.h closes it).
//
// Thread safety: a pure function of its stream.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

namespace uitdaag::http {

struct ChunkedRead {
  enum class Outcome { kComplete, kTooLarge, kMalformed };
  Outcome outcome = Outcome::kComplete;
  std::string error;  // kMalformed: what is wrong, e.g. "a chunk size must be hexadecimal"
};

// Appends the body's data to `out`, at most `limit` bytes: a body with more is kTooLarge (read
// no further than the chunk that passes the limit).
ChunkedRead ReadChunked(std::istream& in, size_t limit, std::string* out);

}  // namespace uitdaag::http
