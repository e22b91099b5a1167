// The HTTP layer's error catalog: what the server answers before any route
// runs (no such path, a method not allowed, a request it cannot read, a
// client over its limits), with its status code, stable reason and text in
// Simplified Chinese and English (see foundation/error_text.h). kHttpErrors
// lists them all for the catalog test.
#ifndef BADGEWATCH_API_HTTP_HTTP_ERRORS_H_
#define BADGEWATCH_API_HTTP_HTTP_ERRORS_H_

#include "foundation/error_text.h"

namespace badgewatch::api::errors {

using enum StatusCode;

inline constexpr ErrorText kTargetNotPath{kInvalidArgument, "target-not-path",
                                          "请求目标必须是一个路径。",
                                          "the request target must be a path"};
inline constexpr ErrorText kHandlerFailed{kInternal, "internal-error",
                                          "服务器内部错误，详情见服务器日志。",
                                          "internal error; the server log has the details"};
inline constexpr ErrorText kNoSuchResource{kNotFound, "no-such-resource", "没有这个资源。",
                                           "no such resource"};
inline constexpr ErrorText kMethodNotAllowed{kInvalidArgument, "method-not-allowed",
                                             "此处不允许使用该请求方法。",
                                             "method not allowed here"};
inline constexpr ErrorText kHeadersTooLarge{kInvalidArgument, "headers-too-large", "请求头过大。",
                                            "request headers are too large"};
inline constexpr ErrorText kBodyTooLarge{kInvalidArgument, "body-too-large", "请求体过大。",
                                         "request body is too large"};
inline constexpr ErrorText kMalformedRequest{kInvalidArgument, "malformed-request",
                                             "无法解析的 HTTP 请求：{}",
                                             "malformed HTTP request: {}"};
inline constexpr ErrorText kTooManyInFlight{
    kResourceExhausted, "too-many-in-flight", "同一客户端同时处理中的请求过多，请稍后再试。",
    "too many requests of this client are in progress; try again shortly"};
inline constexpr ErrorText kTooManyRequests{kResourceExhausted, "too-many-requests",
                                            "请求过于频繁，请稍后再试。",
                                            "too many requests; try again shortly"};

// Every entry above, for the catalog test.
inline constexpr const ErrorText* kHttpErrors[] = {
    &kTargetNotPath, &kHandlerFailed,    &kNoSuchResource,  &kMethodNotAllowed, &kHeadersTooLarge,
    &kBodyTooLarge,  &kMalformedRequest, &kTooManyInFlight, &kTooManyRequests,
};

}  // namespace badgewatch::api::errors

#endif  // BADGEWATCH_API_HTTP_HTTP_ERRORS_H_
