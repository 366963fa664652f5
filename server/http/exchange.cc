#include "http/exchange.h"

#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>

#include "http/content_disposition.h"
#include "http/problem.h"
#include "http/strict_json.h"

namespace uitdaag::http {

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   ServiceState& state, std::map<std::string, std::string> params)
    : request_(request), response_(response), state_(state), params_(std::move(params)) {
  try {
    for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      query_.emplace(key, value);
    }
  } catch (const std::exception&) {
    // A malformed query string is treated as absent; the path already matched.
  }
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
  return request_.clientAddress().host().toString();
}

bool Exchange::ReadJsonObject(Poco::JSON::Object::Ptr* out) {
  const std::string type = request_.getContentType();
  if (type.rfind("application/json", 0) != 0) {
    Problem(415, "the body must be JSON (Content-Type: application/json)");
    return false;
  }
  const size_t limit = state_.config.max_body_bytes;
  if (request_.hasContentLength() && request_.getContentLength64() > static_cast<int64_t>(limit)) {
    Problem(413, "the body is larger than " + std::to_string(limit) + " bytes");
    return false;
  }
  std::string body;
  char buffer[8192];
  std::istream& in = request_.stream();
  while (in) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<size_t>(in.gcount()));
    if (body.size() > limit) {
      Problem(413, "the body is larger than " + std::to_string(limit) + " bytes");
      return false;
    }
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

void Exchange::Bytes(int status, const std::string& media_type, const std::string& bytes,
                     const std::string& download_name) {
  if (answered_) return;
  answered_ = true;
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.setContentType(media_type);
  response_.setContentLength64(static_cast<Poco::Int64>(bytes.size()));
  response_.set("X-Content-Type-Options", "nosniff");
  response_.set("Cache-Control", "no-store");
  if (!download_name.empty()) {
    response_.set("Content-Disposition", AttachmentDisposition(download_name));
  }
  if (on_answer_ != nullptr) (*on_answer_)(status, bytes.size());
  response_.send().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
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
