#include "foundation/status.h"

namespace badgewatch {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid-argument";
    case StatusCode::kNotFound:
      return "not-found";
    case StatusCode::kPermissionDenied:
      return "permission-denied";
    case StatusCode::kFailedPrecondition:
      return "failed-precondition";
    case StatusCode::kAlreadyExists:
      return "already-exists";
    case StatusCode::kStorage:
      return "storage";
    case StatusCode::kSchemaTooNew:
      return "schema-too-new";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kResourceExhausted:
      return "resource-exhausted";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string text(StatusCodeName(code_));
  text += ": ";
  text += message_;
  return text;
}

}  // namespace badgewatch
