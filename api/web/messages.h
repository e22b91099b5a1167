// Every text of the web pages in Simplified Chinese (the default) and
// English: one table of messages, plus labels for application states, review
// steps and short per-page problem phrases ("第 3 页缺少网站标识"). Texts of
// the compliance report itself come from scan/report_messages.h. Pure; any
// thread.
#ifndef BADGEWATCH_API_WEB_MESSAGES_H_
#define BADGEWATCH_API_WEB_MESSAGES_H_

#include <string_view>

#include "scan/report_messages.h"

namespace badgewatch::api {

using scan::ReportLanguage;

enum class WebText {
  kAppName,
  kOtherLanguage,       // the switch link: "English" on Chinese pages, "中文" on English ones
  kNavBadgeManagement,  // 标识管理: the unit's sites and badge codes (the home page)
  kNavApplications,
  kNavNewApplication,
  kNavSelfCheck,
  kNavReview,
  kNavDashboard,
  kNavReviewerAccounts,
  kNavDomainApply,     // 域名申请 (附件二)
  kNavMyDomains,       // 域名业务管理 (附件三: 我的域名, renewals)
  kNavDomainPayments,  // 域名缴费管理
  kNavOfficeContact,   // 本部门信息: where the office receives materials
  kLogOut,
  kSignedInAs,  // "{}" = role label
  kRoleUnit,
  kRoleRegional,  // "{}" = the office's name (the region code when unknown)
  kRoleConac,
  kLogInTitle,
  kLogInName,
  kPassword,
  kLogInButton,
  kBadCredentials,
  kNotFoundTitle,
  kNotFoundText,
  kForbiddenTitle,
  kForbiddenText,
  kBadRequestTitle,
  kServerErrorTitle,
  kServerErrorText,
  kBackHome,
  kMySites,
  kNoSites,
  kSiteName,
  kDomains,
  kBadgeId,
  kLatestCheck,
  kNotCheckedYet,
  kPassLabel,
  kFailLabel,
  kBadgeSnippet,
  kBadgeSnippetHelp,
  kCopy,
  kCopied,
  kApplications,
  kNoApplications,
  kApplicationNumber,  // "{}" = id
  kState,
  kReviewerReasons,
  kWorkflowSiteOpening,
  kWorkflowBadge,
  kNewApplication,
  kNewApplicationHelp,
  kOpeningType,
  kOpeningNew,
  kOpeningRecheck,
  kChineseDomain,
  kEnglishDomain,
  kHostedOnPlatform,
  kIps,
  kIpsHelp,
  kIntroduction,
  kHandlerMobile,
  kSendSmsCode,
  kSmsCodeSent,  // "{}" = mobile
  kSmsCode,
  kMobileConfirmed,
  kSubmitApplication,
  kSmsCodeFirst,
  kHelpLine,
  kApplicationDetail,
  kUnit,
  kHistory,
  kStep,
  kTime,
  kReason,
  kReviewQueue,
  kReviewQueueEmpty,
  kReviewQueueHelp,
  kQueueKind,
  kQueueAllKinds,
  kQueueKindApplication,
  kQueueKindDomain,
  kQueueKindPayment,
  kQueueKindRenewal,
  kQueueAllStates,
  kQueueAllRegions,
  kQueueFrom,
  kQueueTo,
  kQueueSearch,
  kQueueShowAll,
  kQueueFilterButton,
  kQueueClear,
  kQueueSubmitted,
  kQueueAsked,
  kQueueAmount,
  kQueueRenewalAsked,  // "{}" years, "{}" the domains
  kQueueCount,
  kQueueNoMatch,
  kApprove,
  kReject,
  kRejectReason,
  kReasonRequired,
  kMaterialsReceivedButton,
  kIssueBadgeButton,
  kOpen,
  kPrintMaterials,
  kOfficeAddressLine,       // "{}" office, "{}" address
  kOfficeAddressPhoneLine,  // "{}" office, "{}" address, "{}" phone
  kOwnLevelOffice,
  kPrintLetter,
  kPrintForm,
  kDashboard,
  kNoScanYet,
  kRegionFilter,
  kSelfCheck,
  kSelfCheckHelp,
  kPickSite,
  kStartSelfCheck,
  kNoCheckableSites,
  kSelfCheckNumber,  // "{}" = job id
  kSelfCheckRunning,
  kSelfCheckFailed,  // "{}" = why
  kSelfCheckPass,
  kSelfCheckFail,       // "{}" pages failing of "{}"
  kSelfCheckDeadLinks,  // "{}" dead links
  kPageNumbered,        // "{}" = page number
  kPagesPassing,        // "{}" = count
  kHomePageTag,
  kTooManySelfChecks,  // "{}" = seconds to wait
  kStartedUrl,
  kNavSiteOpening,       // 网站开办审核/资质复核申请 (党政机关)
  kNavBadgeApplication,  // 标识申请 (事业单位, 社会组织)
  kNavNameManagement,    // 网上名称管理: the menu of 标识申请 and 标识管理
  kWorkflowRecheck,      // 资格复核
  kApplicationKind,
  kWithdrawButton,
  kWithdrawHelp,
  kDomainConflictTitle,
  kDomainConflict,  // "{}" domain, unit, region, site, badge id
  kUnitDetails,
  kUnitKind,
  kRegion,
  kSystemCategory,
  kUnitAddress,
  kHandlerName,
  kUnitMobile,
  kUnitEmail,
  kNoChineseDomain,
  kNoChoosableDomain,
  kConacPassButton,
  kRejectedBecause,  // "{}" = the reason
  kEditAndResubmit,
  kSiteRecordTitle,     // "{}" = the site's name
  kSiteRecordLink,      // on the home page: the latest record's failing pages
  kRecordedAt,          // "{}" = when
  kSiteFailingPages,    // "{}" = how many
  kSiteNoFailingPages,  // the latest record has none
  kPreviousPage,
  kNextPage,
  kPageOfPages,  // "{}" page, "{}" pages
  kCount,        // not a message: the number of messages
};

// The message in `language`; never empty.
[[nodiscard]] std::string_view WebMessage(WebText text, ReportLanguage language);

// An application state ("submitted", "initial-passed", ...) for people; the
// state itself when unknown.
[[nodiscard]] std::string_view StateLabel(std::string_view state, ReportLanguage language);

// A workflow action ("regional-pass", ...) for people; the name when unknown.
[[nodiscard]] std::string_view ActionLabel(std::string_view action, ReportLanguage language);

// What a failure code means for one page, short enough to follow "第 3 页"
// ("缺少网站标识" / "has no website badge"); the report's explanation for a
// code without a short form.
[[nodiscard]] std::string_view PageProblemPhrase(std::string_view code, ReportLanguage language);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_MESSAGES_H_
