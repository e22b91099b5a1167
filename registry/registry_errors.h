// The registry's error catalog: every error the registry returns, with its
// status code, its stable reason and its text in Simplified Chinese and
// English (see foundation/error_text.h). The API sends the reason as
// `reason` and the text in the caller's language; the pages show the
// Chinese or English text. kRegistryErrors lists them all for the catalog
// test; scripts/check-error-catalogs checks that nothing is left out of it.
#ifndef BADGEWATCH_REGISTRY_REGISTRY_ERRORS_H_
#define BADGEWATCH_REGISTRY_REGISTRY_ERRORS_H_

#include "foundation/error_text.h"

namespace badgewatch::registry::errors {

using enum StatusCode;

// --- form fields (field_validation, units, site applications) ---
inline constexpr ErrorText kFieldRequired{kInvalidArgument, "field-required", "请填写{}。",
                                          "{} is required"};
inline constexpr ErrorText kFieldNotChosen{kInvalidArgument, "field-not-chosen", "请选择{}。",
                                           "choose the {}"};
inline constexpr ErrorText kFieldNotText{kInvalidArgument, "field-not-text", "{}含有无效字符。",
                                         "the {} holds bytes that are not UTF-8 text"};
inline constexpr ErrorText kFieldTooLong{kInvalidArgument, "field-too-long",
                                         "{}最多 {} 个字符（现为 {} 个）。",
                                         "the {} may have at most {} characters ({} given)"};
inline constexpr ErrorText kEmailTooLong{kInvalidArgument, "email-too-long",
                                         "电子邮箱最多 {} 个字符。",
                                         "an e-mail address may have at most {} characters"};
inline constexpr ErrorText kRegisteredNameTaken{
    kAlreadyExists, "registered-name-taken",
    "所属区域内已有名为“{}”的单位（不可见字符和空格变体不计），请核对单位名称，或用该单位已有的"
    "账号登录。",
    "a unit named '{}' is registered in this region already (invisible characters and space "
    "variants do not count): check the name, or log in with that unit's account"};
inline constexpr ErrorText kMobileInvalid{
    kInvalidArgument, "mobile-invalid",
    "手机号“{}”不是有效的大陆手机号码（以 13-19 开头的 11 位数字）。",
    "mobile '{}' is not a mainland mobile number (11 digits starting with 13-19)"};
inline constexpr ErrorText kEmailInvalid{kInvalidArgument, "email-invalid",
                                         "电子邮箱“{}”不是有效的邮箱地址。",
                                         "e-mail '{}' is not an e-mail address"};
inline constexpr ErrorText kIpInvalid{kInvalidArgument, "ip-invalid",
                                      "IP 地址“{}”既不是 IPv4 地址，也不是 IPv6 地址。",
                                      "IP address '{}' is neither IPv4 nor IPv6"};
inline constexpr ErrorText kIntroductionNotUtf8{kInvalidArgument, "introduction-not-utf8",
                                                "网站简介含有无法识别的字符，请重新填写。",
                                                "introduction is not valid UTF-8 text"};
inline constexpr ErrorText kIntroductionTooLong{
    kInvalidArgument, "introduction-too-long", "网站简介有 {} 个字，最多允许 {} 个字。",
    "introduction has {} characters; at most {} are allowed"};
inline constexpr ErrorText kEnglishDomainRequired{
    kInvalidArgument, "english-domain-required",
    "请填写英文域名（网站建在CONAC集约化平台上的，请勾选相应选项）。",
    "English domain is required (or tick the CONAC hosting platform box)"};
inline constexpr ErrorText kEnglishDomainNotGovCn{
    kInvalidArgument, "english-domain-not-gov-cn",
    "党政机关网站的英文域名“{}”必须以 .gov.cn "
    "结尾（网站建在CONAC集约化平台上的，请勾选相应选项）。",
    "English domain '{}' must end in .gov.cn (or tick the CONAC hosting platform box)"};
inline constexpr ErrorText kEnglishDomainInvalid{kInvalidArgument, "english-domain-invalid",
                                                 "英文域名“{}”不是有效的主机名。",
                                                 "English domain '{}' is not a valid host name"};
inline constexpr ErrorText kEnglishDomainTooLong{
    kInvalidArgument, "english-domain-too-long", "英文域名“{}”超过 253 个字符。",
    "English domain '{}' is longer than 253 characters"};
inline constexpr ErrorText kEnglishDomainOnPlatform{
    kInvalidArgument, "english-domain-on-platform", "网站建在CONAC集约化平台上时，英文域名请留空。",
    "leave the English domain empty when the site is built on the CONAC hosting platform"};
inline constexpr ErrorText kIpRequired{kInvalidArgument, "ip-required", "请至少填写一个 IP 地址。",
                                       "at least one IP address is required"};
inline constexpr ErrorText kRegionUnknown{kInvalidArgument, "region-unknown",
                                          "所属区域“{}”不在行政区划列表中。",
                                          "region '{}' is not in the region list"};
inline constexpr ErrorText kCategoryUnknown{kInvalidArgument, "category-unknown",
                                            "系统类别“{}”不在类别列表中。",
                                            "system category '{}' is not in the category list"};
inline constexpr ErrorText kUnitNumberInvalid{kInvalidArgument, "unit-number-invalid",
                                              "单位编号“{}”不是 8 位数字。",
                                              "unit number '{}' is not 8 digits"};
inline constexpr ErrorText kUnitNameTaken{
    kAlreadyExists, "unit-name-taken",
    "区域 {1} 已有名为“{0}”的单位（比较名称时不计不可见字符和空格的差异）。",
    "a unit named '{}' already exists in region {} (names are compared as they read: "
    "invisible characters and space variants do not count)"};

// --- Chinese domain names ---
inline constexpr ErrorText kChineseDomainForbiddenCharacter{
    kInvalidArgument, "chinese-domain-forbidden-character",
    "中文域名“{}”含有域名中不允许的字符“{}”。",
    "Chinese domain '{}' contains '{}', which a domain name may not hold"};
inline constexpr ErrorText kChineseDomainWrongSuffix{
    kInvalidArgument, "chinese-domain-wrong-suffix", "{3}的中文域名“{0}”必须以 {1}（或 {2}）结尾。",
    "Chinese domain '{}' must end in {} (or {}) for a {}"};
inline constexpr ErrorText kChineseDomainNoName{kInvalidArgument, "chinese-domain-no-name",
                                                "中文域名“{}”在 {} 之前缺少名称。",
                                                "Chinese domain '{}' needs a name before {}"};
inline constexpr ErrorText kChineseDomainLabelTooLong{
    kInvalidArgument, "chinese-domain-label-too-long",
    "中文域名“{}”过长：有一段转换为 ASCII（xn--）形式后超过 63 个字节。",
    "Chinese domain '{}' is too long: a label exceeds 63 bytes in its ASCII (xn--) form"};
inline constexpr ErrorText kChineseDomainTooLong{
    kInvalidArgument, "chinese-domain-too-long",
    "中文域名“{}”过长：转换为 ASCII（xn--）形式后超过 253 个字节。",
    "Chinese domain '{}' is too long: more than 253 bytes in its ASCII (xn--) form"};
inline constexpr ErrorText kChineseDomainNotIdna{
    kInvalidArgument, "chinese-domain-not-idna", "中文域名“{}”不是有效的国际化域名：{}",
    "Chinese domain '{}' is not a valid internationalised name: {}"};
inline constexpr ErrorText kChineseDomainEmptyLabel{kInvalidArgument, "chinese-domain-empty-label",
                                                    "中文域名“{}”中有空的一段（连续的点）。",
                                                    "Chinese domain '{}' has an empty label"};
inline constexpr ErrorText kChineseDomainNotTheUnits{
    kInvalidArgument, "chinese-domain-not-the-units",
    "中文域名“{}”不是本单位已注册的域名，请从本单位的域名中选择。",
    "Chinese domain '{}' is not a registered domain of this unit"};

// --- accounts, passwords, sessions ---
inline constexpr ErrorText kLoginMalformed{
    kInvalidArgument, "login-malformed", "登录名“{}”须为 3–64 个英文字母、数字、“.”、“_”或“-”",
    "login '{}' must be 3-64 letters, digits, '.', '_' or '-'"};
inline constexpr ErrorText kAccountNotFound{kNotFound, "account-not-found",
                                            "没有编号为 {} 的账号。", "no account {}"};
inline constexpr ErrorText kAccountOfLoginNotFound{
    kNotFound, "login-not-found", "没有登录名为“{}”的账号。", "no account with login '{}'"};
inline constexpr ErrorText kAccountMissing{kNotFound, "account-missing", "没有这个账号。",
                                           "no such account"};
inline constexpr ErrorText kUnitAccountByRegistration{
    kInvalidArgument, "unit-account-by-registration", "单位账号须通过单位注册创建。",
    "unit accounts are created by registering the unit"};
inline constexpr ErrorText kConacAccountHasNoRegion{kInvalidArgument, "conac-account-has-no-region",
                                                    "CONAC工作人员账号不属于任何区域。",
                                                    "CONAC staff accounts have no region"};
inline constexpr ErrorText kApiTokenUnknown{kPermissionDenied, "api-token-unknown",
                                            "API 令牌无效或已吊销。",
                                            "unknown or revoked API token"};
inline constexpr ErrorText kApiTokenNotFound{kNotFound, "api-token-not-found",
                                             "没有编号为 {} 的 API 令牌。", "no API token {}"};
inline constexpr ErrorText kApiTokenRevoked{kFailedPrecondition, "api-token-revoked",
                                            "API 令牌 {} 已吊销。",
                                            "API token {} is revoked already"};
inline constexpr ErrorText kPasswordTooShort{kInvalidArgument, "password-too-short",
                                             "密码至少需要 {} 个字符",
                                             "the password must have at least {} characters"};
inline constexpr ErrorText kPasswordTooLong{kInvalidArgument, "password-too-long",
                                            "密码最多 {} 个字符",
                                            "the password must have at most {} characters"};
inline constexpr ErrorText kPasswordOneCharacter{kInvalidArgument, "password-one-character",
                                                 "密码不能由同一个字符重复组成",
                                                 "the password must not repeat one character only"};
inline constexpr ErrorText kPasswordIsLogin{kInvalidArgument, "password-is-login",
                                            "密码不能与登录名相同",
                                            "the password must not be the login"};
inline constexpr ErrorText kPasswordCostOutOfBounds{kInvalidArgument, "password-cost-out-of-bounds",
                                                    "密码散列参数 ln={} r={} p={} 超出允许范围。",
                                                    "scrypt cost ln={} r={} p={} is out of bounds"};
inline constexpr ErrorText kPasswordRecordMalformed{kInvalidArgument, "password-record-malformed",
                                                    "登记库中保存的密码记录已损坏。",
                                                    "the stored password record is malformed"};
inline constexpr ErrorText kPasswordCheckFailed{kStorage, "password-check-failed",
                                                "无法核对账号 {} 的密码：{}", "account {}: {}"};
inline constexpr ErrorText kBadLogin{kPermissionDenied, "bad-login", "登录名或密码错误。",
                                     "wrong login or password"};
inline constexpr ErrorText kSessionTooShort{kInvalidArgument, "session-too-short",
                                            "登录会话的有效期至少为 1 秒。",
                                            "a web session must last at least one second"};
inline constexpr ErrorText kSessionUnknown{kPermissionDenied, "session-unknown",
                                           "登录已失效，请重新登录。", "unknown web session"};
inline constexpr ErrorText kSessionEnded{kPermissionDenied, "session-ended",
                                         "您已退出登录，请重新登录。", "the web session has ended"};
inline constexpr ErrorText kSessionExpired{kPermissionDenied, "session-expired",
                                           "登录已过期，请重新登录。",
                                           "the web session has expired"};

// --- SMS codes ---
inline constexpr ErrorText kSmsCodeAlreadyConfirmed{
    kFailedPrecondition, "sms-code-already-confirmed", "该短信验证码已经验证过。",
    "the SMS code was already confirmed"};
inline constexpr ErrorText kSmsCodeExpired{kFailedPrecondition, "sms-code-expired",
                                           "短信验证码已过期，请重新获取。",
                                           "the SMS code has expired; request a new one"};
inline constexpr ErrorText kSmsCodeTooManyAttempts{
    kFailedPrecondition, "sms-code-too-many-attempts", "短信验证码输错次数过多，请重新获取。",
    "too many wrong SMS codes; request a new one"};
inline constexpr ErrorText kSmsCodeWrong{kInvalidArgument, "sms-code-wrong",
                                         "短信验证码不正确（还可再试 {} 次）。",
                                         "wrong SMS code ({} attempts left)"};
inline constexpr ErrorText kSmsCodeNotFound{
    kNotFound, "sms-code-not-found", "没有编号为 {} 的短信验证记录。", "no SMS verification {}"};
inline constexpr ErrorText kMobileNotConfirmed{
    kFailedPrecondition, "mobile-not-confirmed", "经办人手机号尚未通过短信验证码验证。",
    "the handler's mobile is not confirmed by an SMS code"};
inline constexpr ErrorText kSmsCodeOtherMobile{
    kFailedPrecondition, "sms-code-other-mobile", "该短信验证码是为另一个手机号验证的。",
    "the SMS code was confirmed for another mobile number"};
inline constexpr ErrorText kSmsCodeUsed{
    kFailedPrecondition, "sms-code-used", "该短信验证码已用于一次提交，请重新获取。",
    "the SMS code was already used for a submission; request a new one"};
inline constexpr ErrorText kSmsCodeUsedOrForeign{
    kFailedPrecondition, "sms-code-used-or-foreign",
    "该短信验证码已用于一次提交，或由其他账号获取，请重新获取。",
    "the SMS code was already used for a submission, or asked for by another account; request "
    "a new one"};
inline constexpr ErrorText kSmsLimitMobileMinute{
    kResourceExhausted, "sms-limit-mobile-minute",
    "该手机号每分钟只能获取一次验证码，请 {}后再试。",
    "this mobile gets one SMS code a minute; try again in {}"};
inline constexpr ErrorText kSmsLimitMobileDay{
    kResourceExhausted, "sms-limit-mobile-day",
    "该手机号 24 小时内获取验证码的次数已达上限，请 {}后再试。",
    "this mobile has had its SMS codes for 24 hours; try again in {}"};
inline constexpr ErrorText kSmsLimitAccount{
    kResourceExhausted, "sms-limit-account", "本账号获取验证码过于频繁，请 {}后再试。",
    "this account asks for SMS codes too often; try again in {}"};
inline constexpr ErrorText kSmsLimitServer{
    kResourceExhausted, "sms-limit-server",
    "今日短信验证码发送量已达上限，请 {}后再试或联系管理员。",
    "today's SMS codes are all sent; try again in {} or ask the administrator"};

// --- units, sites, badges ---
inline constexpr ErrorText kUnitNotFound{kNotFound, "unit-not-found", "没有编号为 {} 的单位。",
                                         "no unit {}"};
inline constexpr ErrorText kSiteNotFound{kNotFound, "site-not-found", "没有编号为 {} 的网站。",
                                         "no site {}"};
inline constexpr ErrorText kBadgeIdUncomposable{
    kInvalidArgument, "badge-id-uncomposable",
    "无法由区域“{}”、级别“{}”、区县“{}”、单位编号“{}”和网站序号 {} 组成网站标识编号。",
    "cannot compose a badge id from region '{}', level '{}', district '{}', unit '{}', site {}"};
inline constexpr ErrorText kBadgeIdMalformed{kInvalidArgument, "badge-id-malformed",
                                             "网站标识编号“{}”不是 CA 加 21 位数字。",
                                             "badge id '{}' is not CA followed by 21 digits"};

// --- applications and workflows ---
inline constexpr ErrorText kApplicationNotFound{kNotFound, "application-not-found",
                                                "没有编号为 {} 的申请。", "no application {}"};
inline constexpr ErrorText kRevisionNotFound{kNotFound, "revision-not-found",
                                             "申请 {} 没有第 {} 次修改。",
                                             "application {} has no revision {}"};
inline constexpr ErrorText kApplicationFormDamaged{kStorage, "application-form-damaged",
                                                   "登记库中的申请表已损坏。",
                                                   "an application form is not JSON"};
inline constexpr ErrorText kDomainHeldByOtherUnit{
    kFailedPrecondition, "domain-held-by-other-unit",
    "域名“{}”已由其他单位（{}，所属区域 "
    "{}）的网站“{}”使用，不能为本申请发放网站标识。请核实域名归属，或驳回申请。",
    "the domain '{0}' is carried by the site '{3}' of another unit ({1}, region {2}); no badge "
    "is issued for this application: check who holds the domain, or reject the application"};
inline constexpr ErrorText kSubmitIsForUnits{kPermissionDenied, "submit-is-for-units",
                                             "只有单位可以提交申请，{}不能提交。",
                                             "'submit' is for the unit role, not {}"};
inline constexpr ErrorText kActionCarriesForm{
    kFailedPrecondition, "action-carries-form",
    "“{}”需要随附申请表，请通过提交或重新提交申请进行。",
    "'{}' carries a form: use Submit/ResubmitApplication"};
inline constexpr ErrorText kNotAStepOfWorkflow{kFailedPrecondition, "not-a-step",
                                               "“{}”不是{}流程中的步骤。",
                                               "'{}' is not a step of the {} workflow"};
inline constexpr ErrorText kStepNotPossible{
    kFailedPrecondition, "step-not-possible",
    "当前状态为“{1}”，不能执行“{0}”（仅在以下状态可以：{2}）。",
    "'{}' is not possible in state '{}' (only from: {})"};
inline constexpr ErrorText kStepIsForAnotherRole{kPermissionDenied, "step-is-for-another-role",
                                                 "状态“{1}”下的“{0}”由{2}办理，{3}不能办理。",
                                                 "'{}' in state '{}' is for the {} role, not {}"};
inline constexpr ErrorText kActsForAnotherUnit{kPermissionDenied, "acts-for-another-unit",
                                               "账号 {} 属于单位 {}，不能为单位 {} 办理。",
                                               "account {} acts for unit {}, not unit {}"};
inline constexpr ErrorText kOutsideReviewerRegion{
    kPermissionDenied, "outside-reviewer-region", "区域 {0} 的审核员不能办理区域 {2} 的单位 {1}。",
    "the reviewer of region {} may not act on unit {} of region {}"};
inline constexpr ErrorText kOutsideReviewerOffice{
    kPermissionDenied, "outside-reviewer-office",
    "行政区划 {0} 机构编制部门的审核员不能办理行政区划 {2} 的单位 {1}。",
    "the reviewer of the office of division {} may not act on unit {} of division {}"};
inline constexpr ErrorText kReviewAtUnitsOwnOffice{
    kPermissionDenied, "review-at-units-own-office",
    "单位 {0} 由同级机构编制部门（行政区划 {1}）初审，上级机构编制部门只能查看。",
    "unit {} is reviewed by the office at its own level (division {}); higher offices may only "
    "look"};
inline constexpr ErrorText kAccountDisabled{kPermissionDenied, "account-disabled",
                                            "该账号已停用，请联系上级机构编制部门或CONAC。",
                                            "this account is disabled"};
inline constexpr ErrorText kOfficeNotBelowYours{
    kPermissionDenied, "office-not-below-yours",
    "只能为下级机构编制部门管理审核员账号（行政区划 {} 不在本部门之下）。",
    "reviewer accounts are managed for the offices below yours only (division {} is not)"};
inline constexpr ErrorText kOfficeContactNotYours{
    kPermissionDenied, "office-contact-not-yours",
    "只能维护本机构编制部门及下级部门的地址（行政区划 {} 不在本部门之下）。",
    "an office keeps its own address and those of the offices below it (division {} is not)"};
inline constexpr ErrorText kOfficePhoneInvalid{
    kInvalidArgument, "office-phone-invalid",
    "联系电话“{}”无效：只能包含数字、空格和 - + ( )，最多 30 个字符。",
    "phone '{}' is not a phone number: digits, spaces and - + ( ) only, at most 30 characters"};
inline constexpr ErrorText kReviewerAccountNotFound{kNotFound, "reviewer-account-not-found",
                                                    "没有编号为 {} 的审核员账号。",
                                                    "no reviewer account {}"};
inline constexpr ErrorText kReviewerAlreadySo{kFailedPrecondition, "reviewer-already-so",
                                              "审核员账号 {} 已经是{}状态。",
                                              "reviewer account {} is {} already"};
inline constexpr ErrorText kNoPaperMaterials{
    kFailedPrecondition, "no-paper-materials",
    "申请 {} 是网站标识申请，只有网站开办审核申请需要书面申请材料。",
    "application {} is a badge application; only site-opening applications have paper materials"};
inline constexpr ErrorText kMaterialsBeforeInitialPass{
    kFailedPrecondition, "materials-before-initial-pass",
    "申请 {} 当前为“{}”：通过初审后才能打印书面申请材料。",
    "application {} is '{}': the materials are printed after the initial review has passed"};

// --- Chinese domains, payments, renewals ---
inline constexpr ErrorText kYearsOutOfRange{kInvalidArgument, "years-out-of-range",
                                            "年限须在 1 到 10 年之间（填写的是 {}）。",
                                            "years must be between 1 and 10 (got {})"};
inline constexpr ErrorText kNotAReviewDecision{kFailedPrecondition, "not-a-review-decision",
                                               "“{}”不是审核决定。",
                                               "'{}' is not a review decision"};
inline constexpr ErrorText kPaymentsByRegionalAdmin{
    kPermissionDenied, "payments-by-regional-admin", "缴费由区域管理员登记，{}不能登记。",
    "payments are recorded by the regional admin, not {}"};
inline constexpr ErrorText kPaymentNotPositive{kInvalidArgument, "payment-not-positive",
                                               "缴费金额必须大于零。",
                                               "a payment amount must be positive"};
inline constexpr ErrorText kBankReferenceRequired{kInvalidArgument, "bank-reference-required",
                                                  "请填写银行流水号。",
                                                  "the bank reference is required"};
inline constexpr ErrorText kFundsByConac{kPermissionDenied, "funds-by-conac",
                                         "到账由CONAC工作人员确认，{}不能确认。",
                                         "funds are confirmed by CONAC staff, not {}"};
inline constexpr ErrorText kPaymentNotFound{kNotFound, "payment-not-found",
                                            "没有编号为 {} 的缴费记录。", "no payment {}"};
inline constexpr ErrorText kPaymentConfirmed{kFailedPrecondition, "payment-confirmed",
                                             "缴费记录 {} 已确认到账。",
                                             "payment {} is already confirmed"};
inline constexpr ErrorText kRenewalsByUnit{kPermissionDenied, "renewals-by-unit",
                                           "续费由单位提交，{}不能提交。",
                                           "renewals are submitted by the unit, not {}"};
inline constexpr ErrorText kRenewalNeedsDomain{kInvalidArgument, "renewal-needs-domain",
                                               "请至少选择一个要续费的域名。",
                                               "select at least one domain to renew"};
inline constexpr ErrorText kDomainOfAnotherUnit{kPermissionDenied, "domain-of-another-unit",
                                                "域名 {} 属于其他单位。",
                                                "domain {} belongs to another unit"};
inline constexpr ErrorText kDomainNotRegistered{
    kFailedPrecondition, "domain-not-registered",
    "域名“{}”当前为“{}”，尚未注册；只有已注册（或到期后仍在宽限期内）的域名可以续费。",
    "domain '{}' is '{}', not registered; only registered domains (or expired ones within the "
    "grace period) are renewed"};
inline constexpr ErrorText kDomainNotFound{kNotFound, "domain-not-found", "没有编号为 {} 的域名。",
                                           "no domain {}"};
inline constexpr ErrorText kRenewalAlreadyOpen{
    kFailedPrecondition, "renewal-already-open",
    "域名“{}”已在待缴费的续费申请 {} 中；请缴费，或撤回该申请后重新提交。",
    "domain '{}' is in the open renewal {} already: pay it, or withdraw it and submit again"};
inline constexpr ErrorText kRenewalGraceEnded{
    kFailedPrecondition, "renewal-grace-ended",
    "域名“{}”的续费宽限期已于{}结束，域名已失效，不能再续费。",
    "the grace period of domain '{}' ended on {}: it has lapsed and can no longer be renewed"};
inline constexpr ErrorText kRenewalNotFound{kNotFound, "renewal-not-found",
                                            "没有编号为 {} 的续费申请。", "no renewal {}"};
inline constexpr ErrorText kRenewalOfAnotherUnit{kPermissionDenied, "renewal-of-another-unit",
                                                 "续费申请 {} 属于其他单位。",
                                                 "renewal {} belongs to another unit"};
inline constexpr ErrorText kRenewalNotWithdrawable{
    kFailedPrecondition, "renewal-not-withdrawable",
    "续费申请 {} 当前为“{}”：只有待缴费的续费申请可以撤回。",
    "renewal {} is '{}': only a submitted, unpaid renewal can be withdrawn"};
inline constexpr ErrorText kWithdrawalByUnit{kPermissionDenied, "withdrawal-by-unit",
                                             "续费申请由单位撤回，{}不能撤回。",
                                             "renewals are withdrawn by the unit, not {}"};
inline constexpr ErrorText kChineseDomainExpired{
    kInvalidArgument, "chinese-domain-expired", "中文域名“{}”已于{}到期，请续费后再选择。",
    "Chinese domain '{}' expired on {}: renew it before choosing it"};

// --- scans and compliance records ---
inline constexpr ErrorText kVerdictUnknown{kInvalidArgument, "verdict-unknown",
                                           "检查结论“{}”既不是合格也不是不合格。",
                                           "verdict '{}' is neither pass nor fail"};
inline constexpr ErrorText kDeadLinksNegative{kInvalidArgument, "dead-links-negative",
                                              "失效链接数 {} 不可能为负。",
                                              "{} dead links is impossible"};
inline constexpr ErrorText kPageCountsImpossible{kInvalidArgument, "page-counts-impossible",
                                                 "页面数不合理：共 {1} 页，却有 {0} 页不合格。",
                                                 "page counts {} failed of {} are impossible"};
inline constexpr ErrorText kScanNotFound{kNotFound, "scan-not-found", "没有编号为 {} 的检查。",
                                         "no scan {}"};
inline constexpr ErrorText kScanNotOpen{kFailedPrecondition, "scan-not-open",
                                        "检查 {} 不存在或已结束，不再接收检查记录。",
                                        "scan {} does not exist or is already finished"};
inline constexpr ErrorText kScanFinished{kFailedPrecondition, "scan-finished",
                                         "检查 {} 已结束，不再接收检查记录。",
                                         "scan {} is finished; it takes no more records"};
inline constexpr ErrorText kOutboxRowNotFound{
    kNotFound, "outbox-row-not-found", "通知发件箱中没有编号为 {} 的记录。", "no outbox row {}"};

// --- CSV files and site imports ---
inline constexpr ErrorText kCsvNotUtf8{kInvalidArgument, "csv-not-utf8",
                                       "第 {} 行：{}（文件必须是 UTF-8 文本）",
                                       "line {}: {} (the file must be UTF-8 text)"};
inline constexpr ErrorText kCsvStrayQuote{kInvalidArgument, "csv-stray-quote",
                                          "第 {} 行：未加引号的字段中出现了引号。",
                                          "line {}: a quote inside an unquoted field"};
inline constexpr ErrorText kCsvBytesNotUtf8{
    kInvalidArgument, "csv-bytes-not-utf8",
    "第 {} 行：含有不是 UTF-8 的字节（文件必须是 UTF-8 文本）。",
    "line {}: bytes that are not UTF-8 (the file must be "
    "UTF-8 text)"};
inline constexpr ErrorText kCsvUnclosedQuote{kInvalidArgument, "csv-unclosed-quote",
                                             "第 {} 行：带引号的字段没有结束引号。",
                                             "line {}: a quoted field is never closed"};
inline constexpr ErrorText kCsvNoHeader{kInvalidArgument, "csv-no-header", "CSV 文件没有表头行。",
                                        "the CSV has no header line"};
inline constexpr ErrorText kCsvMissingColumn{kInvalidArgument, "csv-missing-column",
                                             "CSV 文件缺少“{}”列。", "the CSV has no '{}' column"};
inline constexpr ErrorText kCsvUnknownColumn{kInvalidArgument, "csv-unknown-column",
                                             "CSV 文件有未知的列“{}”。",
                                             "the CSV has an unknown column '{}'"};
inline constexpr ErrorText kImportKindUnknown{kInvalidArgument, "import-kind-unknown",
                                              "单位类型“{}”不是党政机关、事业单位或社会组织。",
                                              "kind '{}' is not 党政机关, 事业单位 or 社会组织"};
inline constexpr ErrorText kImportBadgeRegion{kInvalidArgument, "import-badge-region",
                                              "网站标识编号 {} 属于区域 {}，而不是 {}。",
                                              "badge id {} is of region {}, not {}"};
inline constexpr ErrorText kImportBadgeUnit{kInvalidArgument, "import-badge-unit",
                                            "网站标识编号 {} 带有单位编号 {}，而不是 {}。",
                                            "badge id {} carries unit number {}, not {}"};
inline constexpr ErrorText kImportBadgeNeedsSite{
    kInvalidArgument, "import-badge-needs-site",
    "有网站标识编号的行必须填写网站名称（site_name）。", "a badge id needs a site_name"};
inline constexpr ErrorText kImportHostedFlag{kInvalidArgument, "import-hosted-flag",
                                             "hosted_on_platform 的值“{}”不是 0 或 1。",
                                             "hosted_on_platform '{}' is not 0 or 1"};
inline constexpr ErrorText kReferenceRowShort{kInvalidArgument, "reference-row-short",
                                              "参考列表中有一行的列数不足。",
                                              "reference list row too short"};

// --- the registry file ---
inline constexpr ErrorText kNotARegistry{kInvalidArgument, "not-a-registry",
                                         "“{}”不是 badgewatch 登记库（{}）。",
                                         "'{}' is not a badgewatch registry ({})"};
inline constexpr ErrorText kRegistryUnreadable{kNotFound, "registry-unreadable", "无法读取“{}”：{}",
                                               "cannot read '{}': {}"};
inline constexpr ErrorText kRegistryWithoutSchema{
    kInvalidArgument, "registry-without-schema",
    "“{}”不是 badgewatch 登记库（是没有登记库结构的 SQLite 数据库；请用“badgewatch registry "
    "init”创建登记库）。",
    "'{}' is not a badgewatch registry (an SQLite database without its schema; create a "
    "registry with 'badgewatch registry init')"};
inline constexpr ErrorText kSchemaTooNewForBuild{
    kSchemaTooNew, "schema-too-new",
    "“{}”的结构版本为 {}，由更新的 badgewatch 写入；本版本只认识到第 {} 版。请升级 badgewatch "
    "后再打开。",
    "'{}' has schema version {}, written by a newer badgewatch; this build knows versions up to "
    "{}. Upgrade badgewatch to open it."};
inline constexpr ErrorText kSchemaTooOld{
    kFailedPrecondition, "schema-too-old",
    "“{}”的结构版本为 {}，低于本版本的 {}；请先运行“badgewatch registry init --db {}”迁移。",
    "'{}' has schema version {}, older than this build's {}; migrate it first with 'badgewatch "
    "registry init --db {}'"};
inline constexpr ErrorText kRegistryDamaged{
    kStorage, "registry-damaged", "“{}”已损坏：{}（PRAGMA quick_check；请从备份恢复）",
    "'{}' is damaged: {} (PRAGMA quick_check; restore it from a backup)"};
inline constexpr ErrorText kPageCacheRelease{kStorage, "page-cache-release", "无法释放页面缓存：{}",
                                             "cannot release the page cache: {}"};
inline constexpr ErrorText kSqliteFailed{kStorage, "storage-failed", "登记库读写失败：{}", "{}"};
inline constexpr ErrorText kSqliteDuplicate{kAlreadyExists, "duplicate-record",
                                            "与登记库中已有的记录重复：{}", "{}"};
inline constexpr ErrorText kSqliteConstraint{kFailedPrecondition, "constraint-failed",
                                             "违反登记库的约束：{}", "{}"};
inline constexpr ErrorText kCryptoFailed{kInternal, "crypto-failed", "OpenSSL 调用 {} 失败。",
                                         "openssl: {} failed"};

// --- the demo registry ---
inline constexpr ErrorText kDemoFileUnreadable{kInvalidArgument, "demo-file-unreadable",
                                               "无法打开“{}”。", "cannot open '{}'"};
inline constexpr ErrorText kDemoNoSmsCode{kNotFound, "demo-no-sms-code",
                                          "没有发给 {} 的短信验证码。", "no SMS code for {}"};
inline constexpr ErrorText kDemoBadValue{kInvalidArgument, "demo-bad-value",
                                         "演示数据中的“{}”值不正确。", "bad {} in the demo data"};
inline constexpr ErrorText kDemoUnknownLogin{kInvalidArgument, "demo-unknown-login",
                                             "演示数据中没有登录名“{}”。", "unknown login '{}'"};
inline constexpr ErrorText kDemoNoDomain{kInvalidArgument, "demo-no-domain",
                                         "演示数据中的单位没有这个域名。",
                                         "no such domain of the unit"};
inline constexpr ErrorText kDemoNotEmpty{
    kFailedPrecondition, "demo-not-empty", "“{}”中已有单位；演示登记库须建在新的数据库中。",
    "'{}' already holds units; the demo is built into a new database"};
inline constexpr ErrorText kDemoSitesLine{kInvalidArgument, "demo-sites-line",
                                          "sites.csv 第 {} 行：{}", "sites.csv line {}: {}"};

// --- a uniqueness rule or another error, explained ---
inline constexpr ErrorText kLoginTaken{kAlreadyExists, "login-taken", "登录名“{}”已被使用。",
                                       "login '{}' is taken"};
inline constexpr ErrorText kBadgeIdIssued{kAlreadyExists, "badge-id-issued",
                                          "网站标识编号 {} 已发放给其他网站。",
                                          "badge id {} is already issued to another site"};
inline constexpr ErrorText kRecordDuplicate{kAlreadyExists, "record-duplicate",
                                            "检查 {} 已有网站 {} 的检查记录。",
                                            "scan {} already has a record of site {}"};
inline constexpr ErrorText kRecordNotWritten{kStorage, "record-not-written",
                                             "网站 {} 的检查记录未能写入：{}", "site {}: {}"};
inline constexpr ErrorText kRegistryUnopenable{kStorage, "registry-unopenable", "无法打开“{}”：{}",
                                               "cannot open '{}': {}"};
inline constexpr ErrorText kDemoTable{kInvalidArgument, "demo-table", "读取“{}”时出错：{}",
                                      "{}: {}"};
inline constexpr ErrorText kDemoAtLine{kInvalidArgument, "demo-line", "{} 第 {} 行：{}",
                                       "{} line {}: {}"};
inline constexpr ErrorText kDomainTaken{kAlreadyExists, "domain-taken",
                                        "域名“{}”已被注册或已有单位申请。",
                                        "domain '{}' is already registered or applied for"};
inline constexpr ErrorText kBankReferenceRecorded{kAlreadyExists, "bank-reference-recorded",
                                                  "银行流水号“{}”已登记过。",
                                                  "bank reference '{}' is already recorded"};
inline constexpr ErrorText kDomainSelectedTwice{kAlreadyExists, "domain-selected-twice",
                                                "域名 {} 被选择了两次。",
                                                "domain {} is selected twice"};
inline constexpr ErrorText kMigrationFailed{kStorage, "migration-failed",
                                            "第 {} 版结构迁移失败：{}", "migration {}: {}"};
inline constexpr ErrorText kSiteNumberTaken{kAlreadyExists, "site-number-taken",
                                            "单位 {} 已有序号为 {} 的网站。",
                                            "unit {} already has a site number {}"};
inline constexpr ErrorText kSiteNumberInvalid{
    kFailedPrecondition, "site-number-invalid",
    "网站序号 {} 超出 1-9999 的范围，或单位 {} 不存在。",
    "site number {} of unit {} is out of range 1-9999 or the unit does not exist"};
inline constexpr ErrorText kUnitNameOrNumberTaken{
    kAlreadyExists, "unit-name-or-number-taken",
    "区域 {1} 已有名为“{0}”的单位，或单位编号 {2} 已被使用。",
    "a unit named '{}' already exists in region {} or unit number {} is taken"};

// --- account care, divisions, forms ---
inline constexpr ErrorText kResetRefused{
    kInvalidArgument, "password-reset-refused",
    "登录名或验证码不正确，或验证码已失效。请核对后重试，或重新获取验证码。",
    "the login or the code is wrong, or the code is no longer valid: check them, or ask for a "
    "new code"};
inline constexpr ErrorText kOnlyUnitEditsUnit{kPermissionDenied, "only-unit-edits-unit",
                                              "只有本单位的账号可以修改本单位信息。",
                                              "only the unit's own account changes its details"};
inline constexpr ErrorText kCurrentPasswordWrong{kPermissionDenied, "current-password-wrong",
                                                 "当前密码不正确。",
                                                 "the current password is wrong"};
inline constexpr ErrorText kStaffResetsPasswords{
    kPermissionDenied, "staff-resets-passwords",
    "只有CONAC和机构编制部门的工作人员可以重置单位密码。",
    "only CONAC and office staff reset a unit's password"};
inline constexpr ErrorText kUnitHasNoAccount{
    kNotFound, "unit-has-no-account", "单位 {} 没有登录账号。", "unit {} has no login account"};
inline constexpr ErrorText kDivisionUnknown{
    kNotFound, "division-unknown", "行政区划代码“{}”不存在。", "no administrative division '{}'"};
inline constexpr ErrorText kDivisionRowShort{kInvalidArgument, "division-row-short",
                                             "行政区划列表中有一行的列数不足。",
                                             "division row too short"};
inline constexpr ErrorText kFormFieldsInvalid{kInvalidArgument, "form-fields-invalid",
                                              "表单有误：{}", "the form has errors: {}"};

// Every entry above, for the catalog test.
inline constexpr const ErrorText* kRegistryErrors[] = {
    &kFieldRequired,
    &kFieldNotChosen,
    &kFieldNotText,
    &kFieldTooLong,
    &kEmailTooLong,
    &kRegisteredNameTaken,
    &kMobileInvalid,
    &kEmailInvalid,
    &kIpInvalid,
    &kIntroductionNotUtf8,
    &kIntroductionTooLong,
    &kEnglishDomainRequired,
    &kEnglishDomainNotGovCn,
    &kEnglishDomainInvalid,
    &kEnglishDomainTooLong,
    &kEnglishDomainOnPlatform,
    &kIpRequired,
    &kRegionUnknown,
    &kCategoryUnknown,
    &kUnitNumberInvalid,
    &kUnitNameTaken,
    &kChineseDomainForbiddenCharacter,
    &kChineseDomainWrongSuffix,
    &kChineseDomainNoName,
    &kChineseDomainLabelTooLong,
    &kChineseDomainTooLong,
    &kChineseDomainNotIdna,
    &kChineseDomainEmptyLabel,
    &kChineseDomainNotTheUnits,
    &kLoginMalformed,
    &kAccountNotFound,
    &kAccountOfLoginNotFound,
    &kAccountMissing,
    &kUnitAccountByRegistration,
    &kConacAccountHasNoRegion,
    &kApiTokenUnknown,
    &kApiTokenNotFound,
    &kApiTokenRevoked,
    &kPasswordTooShort,
    &kPasswordTooLong,
    &kPasswordOneCharacter,
    &kPasswordIsLogin,
    &kPasswordCostOutOfBounds,
    &kPasswordRecordMalformed,
    &kPasswordCheckFailed,
    &kBadLogin,
    &kSessionTooShort,
    &kSessionUnknown,
    &kSessionEnded,
    &kSessionExpired,
    &kSmsCodeAlreadyConfirmed,
    &kSmsCodeExpired,
    &kSmsCodeTooManyAttempts,
    &kSmsCodeWrong,
    &kSmsCodeNotFound,
    &kMobileNotConfirmed,
    &kSmsCodeOtherMobile,
    &kSmsCodeUsed,
    &kSmsCodeUsedOrForeign,
    &kSmsLimitMobileMinute,
    &kSmsLimitMobileDay,
    &kSmsLimitAccount,
    &kSmsLimitServer,
    &kUnitNotFound,
    &kSiteNotFound,
    &kBadgeIdUncomposable,
    &kBadgeIdMalformed,
    &kApplicationNotFound,
    &kRevisionNotFound,
    &kApplicationFormDamaged,
    &kDomainHeldByOtherUnit,
    &kSubmitIsForUnits,
    &kActionCarriesForm,
    &kNotAStepOfWorkflow,
    &kStepNotPossible,
    &kStepIsForAnotherRole,
    &kActsForAnotherUnit,
    &kOutsideReviewerRegion,
    &kOutsideReviewerOffice,
    &kReviewAtUnitsOwnOffice,
    &kAccountDisabled,
    &kOfficeNotBelowYours,
    &kOfficeContactNotYours,
    &kOfficePhoneInvalid,
    &kReviewerAccountNotFound,
    &kReviewerAlreadySo,
    &kNoPaperMaterials,
    &kMaterialsBeforeInitialPass,
    &kYearsOutOfRange,
    &kNotAReviewDecision,
    &kPaymentsByRegionalAdmin,
    &kPaymentNotPositive,
    &kBankReferenceRequired,
    &kFundsByConac,
    &kPaymentNotFound,
    &kPaymentConfirmed,
    &kRenewalsByUnit,
    &kRenewalNeedsDomain,
    &kDomainOfAnotherUnit,
    &kDomainNotRegistered,
    &kDomainNotFound,
    &kRenewalAlreadyOpen,
    &kRenewalGraceEnded,
    &kRenewalNotFound,
    &kRenewalOfAnotherUnit,
    &kRenewalNotWithdrawable,
    &kWithdrawalByUnit,
    &kChineseDomainExpired,
    &kVerdictUnknown,
    &kDeadLinksNegative,
    &kPageCountsImpossible,
    &kScanNotFound,
    &kScanNotOpen,
    &kScanFinished,
    &kOutboxRowNotFound,
    &kCsvNotUtf8,
    &kCsvStrayQuote,
    &kCsvBytesNotUtf8,
    &kCsvUnclosedQuote,
    &kCsvNoHeader,
    &kCsvMissingColumn,
    &kCsvUnknownColumn,
    &kImportKindUnknown,
    &kImportBadgeRegion,
    &kImportBadgeUnit,
    &kImportBadgeNeedsSite,
    &kImportHostedFlag,
    &kReferenceRowShort,
    &kNotARegistry,
    &kRegistryUnreadable,
    &kRegistryWithoutSchema,
    &kSchemaTooNewForBuild,
    &kSchemaTooOld,
    &kRegistryDamaged,
    &kPageCacheRelease,
    &kSqliteFailed,
    &kSqliteDuplicate,
    &kSqliteConstraint,
    &kCryptoFailed,
    &kDemoFileUnreadable,
    &kDemoNoSmsCode,
    &kDemoBadValue,
    &kDemoUnknownLogin,
    &kDemoNoDomain,
    &kDemoNotEmpty,
    &kDemoSitesLine,
    &kLoginTaken,
    &kBadgeIdIssued,
    &kRecordDuplicate,
    &kRecordNotWritten,
    &kRegistryUnopenable,
    &kDemoTable,
    &kDemoAtLine,
    &kDomainTaken,
    &kBankReferenceRecorded,
    &kDomainSelectedTwice,
    &kMigrationFailed,
    &kSiteNumberTaken,
    &kSiteNumberInvalid,
    &kUnitNameOrNumberTaken,
    &kResetRefused,
    &kOnlyUnitEditsUnit,
    &kCurrentPasswordWrong,
    &kStaffResetsPasswords,
    &kUnitHasNoAccount,
    &kDivisionUnknown,
    &kDivisionRowShort,
    &kFormFieldsInvalid,
};

}  // namespace badgewatch::registry::errors

#endif  // BADGEWATCH_REGISTRY_REGISTRY_ERRORS_H_
