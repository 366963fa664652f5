// Status and StatusOr<T>: how every function across a module boundary reports failure.
//
// The engine never throws. A function that can fail returns Status (no value) or StatusOr<T>
// (a value or a failure). A Status carries a code, an English message meant for a person, and
// optionally the name of the thing at fault (a form field, a deadline, a YAML key), so that the
// HTTP layer can point at it without parsing the message.
//
// Thread safety: Status and StatusOr are values; distinct objects may be used from distinct
// threads, a shared const object may be read concurrently.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace uitdaag {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // malformed input: a form field, a date, a script line
  kNotFound,            // an unknown name: event, state, deadline, case
  kFailedPrecondition,  // valid input at the wrong moment: wrong state, guard false
  kPermissionDenied,    // the role may not do this
  kConflict,            // optimistic concurrency: the snapshot version is stale
  kAlreadyExists,       // a duplicate: idempotency key, case id
  kIoError,             // the file system or database failed
  kUnavailable,         // busy right now (a database locked by another writer): try again
  kResourceExhausted,   // out of room: disk or database full, a size limit reached
  kInternal,            // a broken invariant: a bug, never the user's fault
};

// Every code, in declaration order (for lookups by name and for listing them in messages).
inline constexpr StatusCode kAllStatusCodes[] = {
    StatusCode::kOk,          StatusCode::kInvalidArgument,  StatusCode::kNotFound,
    StatusCode::kFailedPrecondition, StatusCode::kPermissionDenied, StatusCode::kConflict,
    StatusCode::kAlreadyExists, StatusCode::kIoError,        StatusCode::kUnavailable,
    StatusCode::kResourceExhausted, StatusCode::kInternal,
};

// The stable lower_snake name of a code ("failed_precondition"), for logs and JSON.
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message, std::string subject = {})
      : code_(code), message_(std::move(message)), subject_(std::move(subject)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg, std::string subject = {}) {
    return {StatusCode::kInvalidArgument, std::move(msg), std::move(subject)};
  }
  static Status NotFound(std::string msg, std::string subject = {}) {
    return {StatusCode::kNotFound, std::move(msg), std::move(subject)};
  }
  static Status FailedPrecondition(std::string msg, std::string subject = {}) {
    return {StatusCode::kFailedPrecondition, std::move(msg), std::move(subject)};
  }
  static Status PermissionDenied(std::string msg, std::string subject = {}) {
    return {StatusCode::kPermissionDenied, std::move(msg), std::move(subject)};
  }
  static Status Conflict(std::string msg, std::string subject = {}) {
    return {StatusCode::kConflict, std::move(msg), std::move(subject)};
  }
  static Status AlreadyExists(std::string msg, std::string subject = {}) {
    return {StatusCode::kAlreadyExists, std::move(msg), std::move(subject)};
  }
  static Status IoError(std::string msg, std::string subject = {}) {
    return {StatusCode::kIoError, std::move(msg), std::move(subject)};
  }
  static Status Unavailable(std::string msg, std::string subject = {}) {
    return {StatusCode::kUnavailable, std::move(msg), std::move(subject)};
  }
  static Status ResourceExhausted(std::string msg, std::string subject = {}) {
    return {StatusCode::kResourceExhausted, std::move(msg), std::move(subject)};
  }
  static Status Internal(std::string msg, std::string subject = {}) {
    return {StatusCode::kInternal, std::move(msg), std::move(subject)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The name of the item at fault (field, deadline, key), or empty.
  const std::string& subject() const { return subject_; }

  // "failed_precondition: event 'x' is not allowed in state 'y'".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string subject_;
};

// Either a T or a non-OK Status.
// REQUIRES: value() only when ok(); constructing from an OK Status is a programming error.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr built from an OK status without a value");
    if (status_.ok()) status_ = Status::Internal("StatusOr built from an OK status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace uitdaag

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define UITDAAG_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::uitdaag::Status uitdaag_status_ = (expr); \
    if (!uitdaag_status_.ok()) return uitdaag_status_; \
  } while (0)

// `UITDAAG_ASSIGN_OR_RETURN(auto x, F());` declares x from F()'s value, or returns F()'s
// Status from the enclosing function (which must return Status or a StatusOr).
#define UITDAAG_CONCAT_INNER_(a, b) a##b
#define UITDAAG_CONCAT_(a, b) UITDAAG_CONCAT_INNER_(a, b)
#define UITDAAG_ASSIGN_OR_RETURN(lhs, expr) \
  UITDAAG_ASSIGN_OR_RETURN_IMPL_(UITDAAG_CONCAT_(uitdaag_or_, __LINE__), lhs, expr)
#define UITDAAG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
