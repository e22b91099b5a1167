// The JSON API's error catalog: every refusal the routes make themselves
// (the registry's own errors are in registry/registry_errors.h), with its
// status code, its stable reason and its text in Simplified Chinese and
// English (see foundation/error_text.h). RegistryErrorResponse and
// ErrorResponse answer with the text in the caller's language.
// kApiErrors lists them all for the catalog test.
#ifndef BADGEWATCH_API_SERVICE_API_ERRORS_H_
#define BADGEWATCH_API_SERVICE_API_ERRORS_H_

#include "foundation/error_text.h"

namespace badgewatch::api::errors {

using enum StatusCode;

// --- who may call ---
inline constexpr ErrorText kLoginRequired{kPermissionDenied, "login-required",
                                          "请先登录，或提供 API 令牌。",
                                          "an API token or a login is required"};
inline constexpr ErrorText kTokenInvalid{kPermissionDenied, "token-invalid", "API 令牌无效。",
                                         "the API token is not valid"};
inline constexpr ErrorText kLoginExpired{kPermissionDenied, "login-expired",
                                         "登录已过期或已退出，请重新登录。",
                                         "the login has expired or ended; log in again"};
inline constexpr ErrorText kCsrfTokenMissing{
    kPermissionDenied, "csrf",
    "此请求需要携带本次登录的 CSRF 令牌（X-CSRF-Token 请求头或 csrf_token 表单字段）。",
    "this request needs the session's CSRF token (the X-CSRF-Token header or a csrf_token form "
    "field)"};
inline constexpr ErrorText kRegistryUnavailable{
    kStorage, "registry-unavailable", "登记库暂时无法读写，详情见服务器日志。",
    "the registry could not be read or written; see the log"};
inline constexpr ErrorText kOnlyUnitConfirmsMobile{
    kPermissionDenied, "only-unit-confirms-mobile", "只有单位本身的账号可以验证经办人手机号。",
    "only a unit's own account confirms its handler's mobile"};
inline constexpr ErrorText kOnlyConacConfirmsFunds{kPermissionDenied, "only-conac-confirms-funds",
                                                   "只有CONAC工作人员可以确认到账。",
                                                   "only CONAC staff confirm received funds"};
inline constexpr ErrorText kAvailabilityForUnits{
    kPermissionDenied, "availability-for-units",
    "中文域名是否可申请按单位类型查询，仅供单位账号使用。",
    "a Chinese domain's availability depends on the unit's kind: units only"};
inline constexpr ErrorText kNameParameter{kInvalidArgument, "name-parameter",
                                          "请用 name 参数给出要查询的中文域名。",
                                          "give the Chinese domain to check as ?name="};
inline constexpr ErrorText kScansForReviewers{kPermissionDenied, "scans-for-reviewers",
                                              "检查记录仅供CONAC工作人员和区域审核员查看。",
                                              "scans are for CONAC staff and regional reviewers"};
inline constexpr ErrorText kOnlyConacStartsScan{kPermissionDenied, "only-conac-starts-scan",
                                                "只有CONAC工作人员可以启动检查。",
                                                "only CONAC staff start a scan"};
inline constexpr ErrorText kOutboxForConac{kPermissionDenied, "outbox-for-conac",
                                           "通知发件箱仅供CONAC工作人员查看。",
                                           "the outbox is for CONAC staff"};
inline constexpr ErrorText kUnitChecksOwnSites{
    kPermissionDenied, "unit-checks-own-sites", "单位只能自检本单位已登记的网站：请提供 site_id。",
    "a unit checks its own registered sites: give site_id"};

// --- what does not exist (for this caller) ---
inline constexpr ErrorText kNoSuchApplication{kNotFound, "no-such-application", "没有这个申请。",
                                              "no such application"};
inline constexpr ErrorText kNoSuchSmsCode{kNotFound, "no-such-sms-code", "没有这个短信验证码。",
                                          "no such SMS code"};
inline constexpr ErrorText kNoSuchComplianceRecord{
    kNotFound, "no-such-compliance-record", "没有这条合规记录。", "no such compliance record"};
inline constexpr ErrorText kNoSuchSite{kNotFound, "no-such-site", "没有这个网站。", "no such site"};
inline constexpr ErrorText kNoSuchUnit{kNotFound, "no-such-unit", "没有这个单位。", "no such unit"};
inline constexpr ErrorText kNoSuchDomain{kNotFound, "no-such-domain", "没有这个域名。",
                                         "no such domain"};
inline constexpr ErrorText kNoSuchDomainId{kNotFound, "no-such-domain-id", "没有编号为 {} 的域名。",
                                           "no such domain {}"};
inline constexpr ErrorText kNoSuchPayment{kNotFound, "no-such-payment", "没有这条缴费记录。",
                                          "no such payment"};
inline constexpr ErrorText kNoSuchRenewal{kNotFound, "no-such-renewal", "没有这个续费申请。",
                                          "no such renewal"};
inline constexpr ErrorText kNoSuchScan{kNotFound, "no-such-scan", "没有这次检查。", "no such scan"};
inline constexpr ErrorText kNoSuchSelfCheck{kNotFound, "no-such-self-check", "没有这次自检。",
                                            "no such self-check"};
inline constexpr ErrorText kSiteHasNoBadge{
    kNotFound, "site-has-no-badge", "该网站尚未获得网站标识；申请审核通过后才会发放。",
    "the site has no badge yet; it is issued when its application passes"};

// --- a request that is wrong ---
inline constexpr ErrorText kUnitKindNotChosen{
    kInvalidArgument, "unit-kind-not-chosen", "请选择单位类型：党政机关、事业单位或社会组织。",
    "choose the unit kind: 党政机关 (party or government agency), 事业单位 (public institution) "
    "or 社会组织 (social organisation)"};
inline constexpr ErrorText kPasswordsDiffer{kInvalidArgument, "passwords-differ",
                                            "两次输入的密码不一致。", "the two passwords differ"};
inline constexpr ErrorText kBodyNotJsonType{kInvalidArgument, "body-not-json-type",
                                            "请求体必须是 application/json。",
                                            "the body must be application/json"};
inline constexpr ErrorText kBodyNotJson{kInvalidArgument, "body-not-json",
                                        "请求体不是有效的 JSON。", "the body is not valid JSON"};
inline constexpr ErrorText kBodyNotObject{kInvalidArgument, "body-not-object",
                                          "请求体必须是 JSON 对象。",
                                          "the body must be a JSON object"};
inline constexpr ErrorText kFieldNotSettable{kInvalidArgument, "field-not-settable",
                                             "此处不能设置字段“{}”。",
                                             "field '{}' cannot be set here"};
inline constexpr ErrorText kFieldMissing{kInvalidArgument, "field-missing", "缺少必填字段“{}”。",
                                         "field '{}' is required"};
inline constexpr ErrorText kFieldNotString{kInvalidArgument, "field-not-string",
                                           "字段“{}”必须是字符串。", "field '{}' must be a string"};
inline constexpr ErrorText kFieldNotInteger{
    kInvalidArgument, "field-not-integer", "字段“{}”必须是整数。", "field '{}' must be an integer"};
inline constexpr ErrorText kFieldNotBoolean{kInvalidArgument, "field-not-boolean",
                                            "字段“{}”必须是 true 或 false。",
                                            "field '{}' must be true or false"};
inline constexpr ErrorText kFieldNotStrings{kInvalidArgument, "field-not-strings",
                                            "字段“{}”必须是字符串数组。",
                                            "field '{}' must be an array of strings"};
inline constexpr ErrorText kFieldNotIntegers{kInvalidArgument, "field-not-integers",
                                             "字段“{}”必须是整数数组。",
                                             "field '{}' must be an array of integers"};
inline constexpr ErrorText kFieldNotOneOf{kInvalidArgument, "field-not-one-of",
                                          "字段“{}”必须是以下之一：{}",
                                          "field '{}' must be one of {}"};
inline constexpr ErrorText kUnknownAction{kInvalidArgument, "unknown-action", "未知的操作“{}”。",
                                          "unknown action '{}'"};
inline constexpr ErrorText kKindUnknown{
    kInvalidArgument, "kind-unknown",
    "字段“kind”必须是 party-government（党政机关）、public-institution（事业单位）或 "
    "social-organisation（社会组织）。",
    "field 'kind' must be party-government (党政机关), public-institution (事业单位) or "
    "social-organisation (社会组织)"};
inline constexpr ErrorText kYearsField{kInvalidArgument, "years-field",
                                       "字段“years”必须是 1 到 10 之间的整数。",
                                       "field 'years' must be from 1 to 10"};
inline constexpr ErrorText kPageInvalid{kInvalidArgument, "page-invalid",
                                        "page 必须是从 1 开始的整数，而不是“{}”。",
                                        "page must be a whole number from 1, not '{}'"};
inline constexpr ErrorText kPerPageInvalid{
    kInvalidArgument, "per-page-invalid", "per_page 必须是 1 到 {} 之间的整数，而不是“{}”。",
    "per_page must be a whole number from 1 to {}, not '{}'"};
inline constexpr ErrorText kUnknownParameter{kInvalidArgument, "unknown-parameter",
                                             "未知的参数“{}”（可用的参数：{}）。",
                                             "unknown parameter '{}' (known: {})"};
inline constexpr ErrorText kScanParameter{kInvalidArgument, "scan-parameter",
                                          "scan 必须是检查编号或“latest”，而不是“{}”。",
                                          "scan must be a scan id or 'latest', not '{}'"};
inline constexpr ErrorText kVerdictParameter{kInvalidArgument, "verdict-parameter",
                                             "verdict 必须是以下之一：{}，而不是“{}”。",
                                             "verdict must be one of {}, not '{}'"};
inline constexpr ErrorText kProblemParameter{kInvalidArgument, "problem-parameter",
                                             "problem 必须是一个问题代码（{}），而不是“{}”。",
                                             "problem must be a failure code ({}), not '{}'"};
inline constexpr ErrorText kChangeParameter{kInvalidArgument, "change-parameter",
                                            "change 必须是以下之一：{}，而不是“{}”。",
                                            "change must be one of {}, not '{}'"};
inline constexpr ErrorText kRegionParameter{
    kInvalidArgument, "region-parameter", "region 必须是区域代码（两位数字，如 33），而不是“{}”。",
    "region must be a region code (two digits, e.g. 33), not '{}'"};
inline constexpr ErrorText kStateParameter{kInvalidArgument, "state-parameter",
                                           "state 必须是以下之一：{}，而不是“{}”。",
                                           "state must be one of {}, not '{}'"};
inline constexpr ErrorText kUnitParameter{kInvalidArgument, "unit-parameter",
                                          "unit 必须是单位编号（正整数），而不是“{}”。",
                                          "unit must be a unit id (a positive number), not '{}'"};
inline constexpr ErrorText kSearchParameter{kInvalidArgument, "search-parameter",
                                            "q 必须是 1 到 {} 个字符的文字。",
                                            "q must be text of 1 to {} characters"};
inline constexpr ErrorText kKindParameter{kInvalidArgument, "kind-parameter",
                                          "kind 必须是以下之一：{}，而不是“{}”。",
                                          "kind must be one of {}, not '{}'"};
inline constexpr ErrorText kDateParameter{kInvalidArgument, "date-parameter",
                                          "{} 必须是日期（YYYY-MM-DD，北京时间），而不是“{}”。",
                                          "{} must be a date (YYYY-MM-DD, Beijing time), not '{}'"};
inline constexpr ErrorText kAllParameter{kInvalidArgument, "all-parameter",
                                         "all 必须是 true 或 false，而不是“{}”。",
                                         "all must be true or false, not '{}'"};
inline constexpr ErrorText kOutboxStateParameter{
    kInvalidArgument, "outbox-state-parameter",
    "state 必须是 pending、sent 或 failed，而不是“{}”。",
    "state must be pending, sent or failed, not '{}'"};
inline constexpr ErrorText kSelfCheckUrl{kInvalidArgument, "self-check-url",
                                         "“{}”不是 http(s) 网址。", "'{}' is not an http(s) URL"};
inline constexpr ErrorText kSelfCheckPort{kInvalidArgument, "self-check-port",
                                          "自检只访问 80 和 443 端口。",
                                          "self-checks crawl ports 80 and 443 only"};
inline constexpr ErrorText kSiteHasNoDomain{kFailedPrecondition, "site-has-no-domain",
                                            "该网站没有可供检查的域名。",
                                            "the site has no domain to crawl"};

// --- not now ---
inline constexpr ErrorText kRegistrationsBusy{
    kResourceExhausted, "registrations-busy", "当前注册的单位较多，请稍后再试。",
    "too many registrations at the moment; try again later"};
inline constexpr ErrorText kSelfChecksBusy{
    kResourceExhausted, "self-checks-busy", "当前已有 {} 个自检在运行，已达上限，请稍后再试。",
    "{} self-checks are running, the most allowed at once; try again shortly"};
inline constexpr ErrorText kSelfCheckRunning{kResourceExhausted, "self-check-running",
                                             "本单位有一个自检仍在运行。",
                                             "a self-check of this unit is still running"};
inline constexpr ErrorText kSelfChecksPerHour{kResourceExhausted, "self-checks-per-hour",
                                              "每个单位每小时最多自检 {} 次。",
                                              "at most {} self-checks per unit per hour"};
inline constexpr ErrorText kServerStopping{kFailedPrecondition, "server-stopping",
                                           "服务器正在停止，不再启动新的检查。",
                                           "the server is stopping; no new scan starts"};
inline constexpr ErrorText kScanRunning{kFailedPrecondition, "scan-running",
                                        "检查 {} 仍在进行，请等它结束后再启动。",
                                        "scan {} is still running; wait until it is finished"};
inline constexpr ErrorText kSmsLimitNetwork{
    kResourceExhausted, "sms-limit-network", "当前网络获取验证码的次数已达上限，请 {} 小时后再试。",
    "this network has had its SMS codes; try again in {} h"};
inline constexpr ErrorText kLoginThrottled{
    kResourceExhausted, "login-throttled", "登录失败次数过多，请 {} 秒后再试。",
    "Too many failed attempts. Please try again in {} seconds."};
inline constexpr ErrorText kLoginBusy{
    kResourceExhausted, "login-busy", "当前登录人数较多，请稍候片刻再试。",
    "Many people are logging in at the moment. Please try again in a moment."};
inline constexpr ErrorText kLoginUnavailable{
    kUnavailable, "login-unavailable", "暂时无法登录，请稍后再试。",
    "Logging in is not possible right now. Please try again later."};
inline constexpr ErrorText kUnitNotVisible{kNotFound, "unit-not-visible",
                                           "该单位不存在，或您无权查看。",
                                           "no such unit, or not one you may see"};
inline constexpr ErrorText kUnitEditsOwnDetails{kPermissionDenied, "unit-edits-own-details",
                                                "单位信息只能由本单位的账号修改。",
                                                "a unit's details are changed by its own account"};
inline constexpr ErrorText kUnitChangesOwnPassword{
    kPermissionDenied, "unit-changes-own-password",
    "单位的密码请在“账号管理”中修改，或用短信验证码找回。",
    "a unit changes its password under 账号管理, or resets it by an SMS code"};
inline constexpr ErrorText kReviewerAccountsForStaff{
    kPermissionDenied, "reviewer-accounts-for-staff", "审核员账号由CONAC和各级机构编制部门管理。",
    "reviewer accounts are managed by CONAC and the offices"};

// Every entry above, for the catalog test.
inline constexpr const ErrorText* kApiErrors[] = {
    &kStateParameter,
    &kUnitParameter,
    &kSearchParameter,
    &kUnitKindNotChosen,
    &kPasswordsDiffer,
    &kLoginRequired,
    &kTokenInvalid,
    &kLoginExpired,
    &kCsrfTokenMissing,
    &kRegistryUnavailable,
    &kOnlyUnitConfirmsMobile,
    &kOnlyConacConfirmsFunds,
    &kAvailabilityForUnits,
    &kNameParameter,
    &kScansForReviewers,
    &kOnlyConacStartsScan,
    &kOutboxForConac,
    &kUnitChecksOwnSites,
    &kNoSuchApplication,
    &kNoSuchSmsCode,
    &kNoSuchComplianceRecord,
    &kNoSuchSite,
    &kNoSuchUnit,
    &kNoSuchDomain,
    &kNoSuchDomainId,
    &kNoSuchPayment,
    &kNoSuchRenewal,
    &kNoSuchScan,
    &kNoSuchSelfCheck,
    &kSiteHasNoBadge,
    &kBodyNotJsonType,
    &kBodyNotJson,
    &kBodyNotObject,
    &kFieldNotSettable,
    &kFieldMissing,
    &kFieldNotString,
    &kFieldNotInteger,
    &kFieldNotBoolean,
    &kFieldNotStrings,
    &kFieldNotIntegers,
    &kFieldNotOneOf,
    &kUnknownAction,
    &kKindUnknown,
    &kYearsField,
    &kPageInvalid,
    &kPerPageInvalid,
    &kUnknownParameter,
    &kScanParameter,
    &kVerdictParameter,
    &kProblemParameter,
    &kChangeParameter,
    &kRegionParameter,
    &kKindParameter,
    &kDateParameter,
    &kAllParameter,
    &kOutboxStateParameter,
    &kSelfCheckUrl,
    &kSelfCheckPort,
    &kSiteHasNoDomain,
    &kRegistrationsBusy,
    &kSelfChecksBusy,
    &kSelfCheckRunning,
    &kSelfChecksPerHour,
    &kServerStopping,
    &kScanRunning,
    &kSmsLimitNetwork,
    &kLoginThrottled,
    &kLoginBusy,
    &kLoginUnavailable,
    &kUnitNotVisible,
    &kUnitEditsOwnDetails,
    &kUnitChangesOwnPassword,
    &kReviewerAccountsForStaff,
};

}  // namespace badgewatch::api::errors

#endif  // BADGEWATCH_API_SERVICE_API_ERRORS_H_
