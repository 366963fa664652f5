#include "http/exchange.h"

#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/HTTPStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

#include "http/chunked_body.h"
#include "http/content_disposition.h"
#include "http/problem.h"
#include "http/strict_json.h"
#include "http/security_headers.h"

namespace uitdaag::http {

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   ServiceState& state, std::map<std::string, std::string> params)
    : request_(request),
      response_(response),
      state_(state),
      params_(std::move(params)),
      framing_(FramingOf(request)) {
  try {
    for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      if (!query_.emplace(key, value).second && repeated_query_.empty()) repeated_query_ = key;
    }
  } catch (const std::exception&) {
    query_malformed_ = true;
  }
}

bool Exchange::body_complete() const {
  return body_complete_ || (framing_.ok && framing_.body == Framing::Body::kNone);
}

const std::string& Exchange::Param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = params_.find(name);
  return it == params_.end() ? kEmpty : it->second;
}

std::optional<std::string> Exchange::Query(const std::string& name) const {
  auto it = query_.find(name);
  if (it == query_.end()) return std::nullopt;
  return it->second;
}

std::string Exchange::Header(const std::string& name) const {
  return request_.has(name) ? request_.get(name) : std::string();
}

std::string Exchange::ClientAddress() const {
  const std::string peer = request_.clientAddress().host().toString();
  const std::vector<std::string>& proxies = state_.config.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), peer) == proxies.end()) return peer;
  // The proxy appends the address it saw to X-Forwarded-For: the last entry is the one it
  // vouches for; anything before it came from the client and proves nothing.
  const std::string forwarded = Header("X-Forwarded-For");
  const std::string last = Poco::trim(forwarded.substr(forwarded.rfind(',') + 1));
  Poco::Net::IPAddress address;
  if (last.empty() || !Poco::Net::IPAddress::tryParse(last, address)) return peer;
  return address.toString();
}

bool Exchange::ReadBody(size_t limit, const std::string& too_large, const std::string& field,
                        std::string* out) {
  BodyRead read = ReadBodyUnanswered(limit, out);
  switch (read.outcome) {
    case BodyRead::Outcome::kComplete:
      return true;
    case BodyRead::Outcome::kTooLarge:
      Problem(413, too_large, field);
      return false;
    case BodyRead::Outcome::kMalformed:
      Problem(400, read.detail, read.field);
      return false;
  }
  return false;
}

Exchange::BodyRead Exchange::ReadBodyUnanswered(size_t limit, std::string* out) {
  using Outcome = BodyRead::Outcome;
  out->clear();
  if (framing_.body == Framing::Body::kNone) {
    body_complete_ = true;
    return {};
  }
  if (framing_.body == Framing::Body::kLength && framing_.length > static_cast<int64_t>(limit)) {
    return {Outcome::kTooLarge, "", ""};
  }
  if (framing_.body == Framing::Body::kChunked) {
    const ChunkedRead read = ReadChunkedBody(limit, out);
    if (read.outcome == ChunkedRead::Outcome::kMalformed) {
      return {Outcome::kMalformed, "the chunked body is malformed: " + read.error,
              "Transfer-Encoding"};
    }
    if (read.outcome == ChunkedRead::Outcome::kTooLarge) return {Outcome::kTooLarge, "", ""};
    body_complete_ = true;
    return {};
  }
  std::istream& in = request_.stream();
  char buffer[64 * 1024];
  try {
    // At most limit + 1 bytes: one more than allowed tells a body that is too large.
    while (in && out->size() <= limit) {
      const size_t want = std::min(sizeof buffer, limit + 1 - out->size());
      in.read(buffer, static_cast<std::streamsize>(want));
      out->append(buffer, static_cast<size_t>(in.gcount()));
    }
  } catch (const Poco::Exception&) {
    // A network failure mid-body: what was read is short of its length (below).
  }
  if (out->size() > limit) return {Outcome::kTooLarge, "", ""};
  if (framing_.body == Framing::Body::kLength && static_cast<int64_t>(out->size()) < framing_.length) {
    // The per-read timeout or the connection's deadline ended a body that stopped short.
    return {Outcome::kMalformed, "the body ended before its Content-Length", "Content-Length"};
  }
  body_complete_ = true;
  return {};
}

ChunkedRead Exchange::ReadChunkedBody(size_t limit, std::string* out) {
  // Poco's own chunked stream is lenient (chunked_body.h): read the connection's raw bytes.
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request_);
  if (impl == nullptr) return {ChunkedRead::Outcome::kMalformed, "no connection to read from"};
  try {
    Poco::Net::HTTPInputStream raw(impl->session());
    return ReadChunked(raw, limit, out);
  } catch (const Poco::Exception& e) {
    return {ChunkedRead::Outcome::kMalformed, "the connection failed: " + e.message()};
  }
}

void Exchange::DrainUnreadBody() {
  if (body_complete_ || !framing_.ok || framing_.body == Framing::Body::kNone) return;
  constexpr size_t kMaxDrain = 1u << 20;
  char buffer[16 * 1024];
  size_t drained = 0;
  std::string tail;  // the last bytes read: a chunked body ends with "0\r\n\r\n"
  auto drain = [&](std::istream& in, bool until_last_chunk) {
    while (in && drained < kMaxDrain) {
      in.readsome(buffer, sizeof buffer);
      std::streamsize got = in.gcount();
      if (got == 0) {
        in.read(buffer, 1);  // nothing buffered: wait for the next byte (or the deadline)
        got = in.gcount();
      }
      drained += static_cast<size_t>(got);
      if (until_last_chunk && got > 0) {
        tail.append(buffer, static_cast<size_t>(got));
        if (tail.size() > 5) tail.erase(0, tail.size() - 5);
        if (tail == "0\r\n\r\n") return;
      }
    }
  };
  try {
    if (framing_.body == Framing::Body::kChunked) {
      // The rest of a chunked body (refused, or malformed) has no end to find: the connection
      // closes after this answer anyway, so the raw bytes still coming are read and dropped,
      // lest closing with unread data reset the connection before the client read the answer.
      // The answer is on the wire; half-closing now tells the client at once that nothing more
      // comes (it reads the answer, then its end), while what it still sends is read below.
      auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request_);
      if (impl == nullptr) return;
      impl->session().socket().shutdownSend();
      Poco::Net::HTTPInputStream raw(impl->session());
      drain(raw, true);
    } else {
      drain(request_.stream(), false);
    }
  } catch (const std::exception&) {
    // A cut-off body: the connection closes anyway.
  }
}

bool Exchange::ReadJsonObject(Poco::JSON::Object::Ptr* out) {
  const std::string type = request_.getContentType();
  if (type.rfind("application/json", 0) != 0) {
    Problem(415, "the body must be JSON (Content-Type: application/json)");
    return false;
  }
  const size_t limit = state_.config.max_body_bytes;
  std::string body;
  if (!ReadBody(limit, "the body is larger than " + std::to_string(limit) + " bytes", "", &body)) {
    return false;
  }
  // Strictly (strict_json.h): text that is not JSON is 400; a duplicate key or a number that
  // would not be kept as written is 422 naming its path.
  StatusOr<Poco::Dynamic::Var> parsed = ReadStrictJson(body);
  if (!parsed.ok()) {
    if (parsed.status().subject().empty()) {
      Problem(400, "the body is " + parsed.status().message());
    } else {
      Fail(parsed.status());
    }
    return false;
  }
  if (parsed->type() != typeid(Poco::JSON::Object::Ptr)) {
    Problem(400, "the body must be a JSON object");
    return false;
  }
  *out = parsed->extract<Poco::JSON::Object::Ptr>();
  return true;
}

void Exchange::Json(int status, const Poco::JSON::Object& body) {
  std::ostringstream text;
  body.stringify(text);
  Bytes(status, "application/json; charset=utf-8", text.str());
}

void Exchange::Json(int status, const Poco::JSON::Array& body) {
  std::ostringstream text;
  body.stringify(text);
  Bytes(status, "application/json; charset=utf-8", text.str());
}

void Exchange::Problem(int status, const std::string& detail, const std::string& field) {
  Bytes(status, "application/problem+json", ProblemJson(status, detail, field));
}

void Exchange::Fail(const Status& status) {
  const int code = HttpStatusOf(status.code());
  // Internal failures go to the log; people get no internals.
  if (code >= 500) {
    Poco::Logger::get("uitdaag.http")
        .error(request_.getMethod() + " " + request_.getURI() + ": " + status.ToString());
  }
  Problem(code, code >= 500 && status.code() != StatusCode::kUnavailable &&
                        status.code() != StatusCode::kResourceExhausted
                    ? "the service could not complete the request"
                    : status.message(),
          status.code() == StatusCode::kInvalidArgument ? status.subject() : std::string());
}

void Exchange::SetHeader(const std::string& name, const std::string& value) {
  response_.set(name, value);
}

void Exchange::AddCookie(const Poco::Net::HTTPCookie& cookie) { response_.addCookie(cookie); }

void Exchange::Bytes(int status, const std::string& media_type, const std::string& bytes,
                     const std::string& download_name) {
  if (answered_) return;
  answered_ = true;
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.setContentType(media_type);
  response_.setContentLength64(static_cast<Poco::Int64>(bytes.size()));
  response_.set("X-Content-Type-Options", "nosniff");
  if (!response_.has("Cache-Control")) response_.set("Cache-Control", "no-store");
  SecurityHeaders(response_, state_.config);
  // The one framing rule: a connection carries another request only after this one's body was
  // read to its end; otherwise what is left of it would be parsed as the next request.
  // A chunked body is read from the raw connection, which may have read past it: the connection
  // ends after it too (chunked_body.h).
  if (!body_complete() || framing_.body == Framing::Body::kChunked) response_.setKeepAlive(false);
  if (!download_name.empty()) {
    response_.set("Content-Disposition", AttachmentDisposition(download_name));
  }
  if (on_answer_ != nullptr) (*on_answer_)(status, bytes.size());
  std::ostream& out = response_.send();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();  // on the wire now, before any draining of an unread body

}

Poco::Dynamic::Var ValueToJsonVar(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull: return Poco::Dynamic::Var();
    case ValueType::kBool: return v.as_bool();
    case ValueType::kNumber: return v.as_number();
    case ValueType::kMoney: return v.as_money().ToString();
    case ValueType::kText: return v.as_text();
    case ValueType::kDate: return v.as_date().ToIsoString();
    case ValueType::kList: {
      Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
      for (const Value& item : v.as_list()) items->add(ValueToJsonVar(item));
      return items;
    }
    case ValueType::kRecord: {
      Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      for (const auto& [key, field] : v.as_record()) object->set(key, ValueToJsonVar(field));
      return object;
    }
  }
  return Poco::Dynamic::Var();
}

namespace {

Value ValueFromVar(const Poco::Dynamic::Var& var) {
  if (var.isEmpty()) return Value::Null();
  if (var.type() == typeid(Poco::JSON::Object::Ptr)) {
    return Value::Record(PayloadFromJson(*var.extract<Poco::JSON::Object::Ptr>()));
  }
  if (var.type() == typeid(Poco::JSON::Array::Ptr)) {
    ValueList items;
    for (const Poco::Dynamic::Var& item : *var.extract<Poco::JSON::Array::Ptr>()) {
      items.push_back(ValueFromVar(item));
    }
    return Value::List(std::move(items));
  }
  if (var.isBoolean()) return Value::Bool(var.convert<bool>());
  if (var.isNumeric()) return Value::Number(var.convert<double>());
  return Value::Text(var.convert<std::string>());
}

}  // namespace

ValueRecord PayloadFromJson(const Poco::JSON::Object& object) {
  ValueRecord record;
  for (const auto& [key, var] : object) record[key] = ValueFromVar(var);
  return record;
}

}  // namespace uitdaag::http
