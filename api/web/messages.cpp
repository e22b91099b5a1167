#include "api/web/messages.h"

#include <array>
#include <cstddef>
#include <span>

#include "registry/workflow_labels.h"
#include "verifier/problem_codes.h"

namespace badgewatch::api {
namespace {

struct Translation {
  WebText text;
  std::string_view chinese;
  std::string_view english;
};

constexpr std::array<Translation, static_cast<std::size_t>(WebText::kCount)> kMessages = {{
    {WebText::kAppName, "网站标识服务", "Website badge service"},
    {WebText::kOtherLanguage, "English", "中文"},
    {WebText::kNavBadgeManagement, "标识管理", "Badge management"},
    {WebText::kNavApplications, "申请记录", "Applications"},
    {WebText::kNavNewApplication, "点击申请", "Apply"},
    {WebText::kNavSelfCheck, "网站自查", "Self-check"},
    {WebText::kNavReview, "待审核", "Review queue"},
    {WebText::kNavDashboard, "合规概况", "Compliance dashboard"},
    {WebText::kNavReviewerAccounts, "审核员账号", "Reviewer accounts"},
    {WebText::kNavDomainApply, "域名申请", "Apply for a domain"},
    {WebText::kNavMyDomains, "域名业务管理", "Domains"},
    {WebText::kNavDomainPayments, "域名缴费管理", "Domain fees"},
    {WebText::kNavOfficeContact, "本部门信息", "Our office"},
    {WebText::kLogOut, "退出登录", "Log out"},
    {WebText::kSignedInAs, "当前身份：{}", "Signed in as {}"},
    {WebText::kRoleUnit, "申请单位", "applicant unit"},
    {WebText::kRoleRegional, "{}审核员", "reviewer of {}"},
    {WebText::kRoleConac, "中央编办工作人员", "CONAC staff"},
    {WebText::kLogInTitle, "登录", "Log in"},
    {WebText::kLogInName, "登录名", "Login"},
    {WebText::kPassword, "密码", "Password"},
    {WebText::kLogInButton, "登录", "Log in"},
    {WebText::kBadCredentials, "登录名或密码不正确，请重新输入。",
     "The login or the password is wrong. Please try again."},
    {WebText::kNotFoundTitle, "找不到该页面", "Not found"},
    {WebText::kNotFoundText, "该记录不存在，或您无权查看。",
     "There is no such record, or it is not yours to see."},
    {WebText::kForbiddenTitle, "无权执行此操作", "Not allowed"},
    {WebText::kForbiddenText, "您的账号无权执行此操作。", "Your account may not take this step."},
    {WebText::kBadRequestTitle, "无法处理该请求", "The request cannot be processed"},
    {WebText::kServerErrorTitle, "系统错误", "Server error"},
    {WebText::kServerErrorText, "系统暂时无法处理您的请求，请稍后再试。",
     "The server could not handle the request. Please try again later."},
    {WebText::kBackHome, "返回首页", "Back to the home page"},
    {WebText::kMySites, "本单位网站", "Your unit's websites"},
    {WebText::kNoSites, "本单位还没有已登记的网站。提交申请并通过审核后，网站会显示在这里。",
     "Your unit has no registered website yet. Once an application is approved, the site "
     "appears here."},
    {WebText::kSiteName, "网站名称", "Website name"},
    {WebText::kDomains, "域名", "Domains"},
    {WebText::kBadgeId, "标识编号", "Badge id"},
    {WebText::kLatestCheck, "最近一次检查", "Latest check"},
    {WebText::kNotCheckedYet, "尚未检查", "not checked yet"},
    {WebText::kPassLabel, "合规", "pass"},
    {WebText::kFailLabel, "不合规", "fail"},
    {WebText::kBadgeSnippet, "网站标识代码", "Badge code"},
    {WebText::kBadgeSnippetHelp, "请将以下代码粘贴到网站每个页面的 </body> 之前。",
     "Paste this code into every page of the site, just before </body>."},
    {WebText::kCopy, "复制代码", "Copy code"},
    {WebText::kCopied, "已复制", "Copied"},
    {WebText::kApplications, "申请记录", "Applications"},
    {WebText::kNoApplications, "暂无申请。", "No applications yet."},
    {WebText::kApplicationNumber, "申请 #{}", "Application #{}"},
    {WebText::kState, "状态", "State"},
    {WebText::kReviewerReasons, "审核意见", "Reviewers' reasons"},
    {WebText::kWorkflowSiteOpening, "网站开办审核", "Site opening review"},
    {WebText::kWorkflowBadge, "标识申请", "Badge application"},
    {WebText::kNewApplication, "提交网站申请", "Apply for a website"},
    {WebText::kNewApplicationHelp,
     "填写网站信息，先获取并填写经办人手机验证码，再提交申请。带 * 的为必填项。",
     "Fill in the website, get the SMS code for the handler's mobile and enter it, then "
     "submit. Fields marked * are required."},
    {WebText::kOpeningType, "申请类型", "Application type"},
    {WebText::kOpeningNew, "新开办网站", "New website"},
    {WebText::kOpeningRecheck, "已开办网站复核", "Recheck of an existing website"},
    {WebText::kChineseDomain, "中文域名", "Chinese domain"},
    {WebText::kEnglishDomain, "英文域名", "English domain"},
    {WebText::kHostedOnPlatform, "网站建在中央编办网络红页平台上（无英文域名）",
     "Built on CONAC's hosting platform (no English domain)"},
    {WebText::kIps, "网站 IP 地址", "IP addresses of the site"},
    {WebText::kIpsHelp, "多个地址用空格或逗号分隔",
     "Separate several addresses with spaces or commas"},
    {WebText::kIntroduction, "网站简介（不超过 500 字）", "Introduction (at most 500 characters)"},
    {WebText::kHandlerMobile, "经办人手机号", "Handler's mobile"},
    {WebText::kSendSmsCode, "获取验证码", "Send SMS code"},
    {WebText::kSmsCodeSent, "验证码已发送至 {}，10 分钟内有效。",
     "An SMS code was sent to {}; it is valid for 10 minutes."},
    {WebText::kSmsCode, "短信验证码", "SMS code"},
    {WebText::kMobileConfirmed, "手机号已验证。", "The mobile is confirmed."},
    {WebText::kSubmitApplication, "提交申请", "Submit the application"},
    {WebText::kSmsCodeFirst, "请先点击“获取验证码”，并填写收到的短信验证码。",
     "Please click \"Send SMS code\" first and enter the code you receive."},
    {WebText::kHelpLine, "如有疑问，请致电 010-52035000。", "Questions? Call 010-52035000."},
    {WebText::kApplicationDetail, "申请详情", "Application"},
    {WebText::kUnit, "申请单位", "Unit"},
    {WebText::kHistory, "办理记录", "History"},
    {WebText::kStep, "步骤", "Step"},
    {WebText::kTime, "时间", "Time"},
    {WebText::kReason, "理由", "Reason"},
    {WebText::kReviewQueue, "待审核", "Review queue"},
    {WebText::kReviewQueueEmpty, "目前没有等待您办理的事项。", "Nothing is waiting for you."},
    {WebText::kReviewQueueHelp,
     "以下事项正等待您这一级办理：网站申请、域名申请、待认款的缴费和待缴费的续费。",
     "These wait for your level: site applications, Chinese domains, payments to confirm and "
     "renewals to be paid."},
    {WebText::kQueueKind, "办理事项", "Kind of work"},
    {WebText::kQueueAllKinds, "全部事项", "Every kind"},
    {WebText::kQueueKindApplication, "网站申请", "Site application"},
    {WebText::kQueueKindDomain, "域名申请", "Chinese domain"},
    {WebText::kQueueKindPayment, "缴费认款", "Payment"},
    {WebText::kQueueKindRenewal, "域名续费", "Renewal"},
    {WebText::kQueueAllStates, "全部状态", "Any state"},
    {WebText::kQueueAllRegions, "全部区域", "Every region"},
    {WebText::kQueueFrom, "提交时间自", "Submitted from"},
    {WebText::kQueueTo, "至", "to"},
    {WebText::kQueueSearch, "单位、网站或域名", "Unit, site or domain"},
    {WebText::kQueueShowAll, "含已办结的事项", "Include finished work"},
    {WebText::kQueueFilterButton, "筛选", "Filter"},
    {WebText::kQueueClear, "清除条件", "Clear"},
    {WebText::kQueueSubmitted, "提交时间", "Submitted"},
    {WebText::kQueueAsked, "申请内容", "What is asked"},
    {WebText::kQueueAmount, "{} 元", "{} yuan"},
    {WebText::kQueueRenewalAsked, "续费 {} 年：{}", "{} more year(s): {}"},
    {WebText::kQueueCount, "共 {} 项。", "{} in all."},
    {WebText::kQueueNoMatch, "没有符合条件的事项。", "Nothing matches these filters."},
    {WebText::kApprove, "审核通过", "Approve"},
    {WebText::kReject, "驳回", "Reject"},
    {WebText::kRejectReason, "驳回理由（驳回时必填）", "Reason (required to reject)"},
    {WebText::kReasonRequired, "驳回申请时必须填写理由。", "A rejection needs a reason."},
    {WebText::kMaterialsReceivedButton, "确认已收到纸质材料", "Paper materials received"},
    {WebText::kIssueBadgeButton, "发放网站标识", "Issue the badge"},
    {WebText::kOpen, "查看", "Open"},
    {WebText::kPrintMaterials,
     "请打印以下公函和申请表（申请表一式三份并加盖公章），连同经办人身份证复印件交至{}。",
     "Print the letter and the form (the form in three copies, sealed) and hand them, with a "
     "copy of the handler's ID, to {}."},
    {WebText::kOfficeAddressLine, "{}（地址：{}）", "{} (address: {})"},
    {WebText::kOfficeAddressPhoneLine, "{}（地址：{}；电话：{}）", "{} (address: {}; phone: {})"},
    {WebText::kOwnLevelOffice, "同级机构编制部门", "the office at your level"},
    {WebText::kPrintLetter, "打印公函", "Print the letter"},
    {WebText::kPrintForm, "打印申请表", "Print the form"},
    {WebText::kDashboard, "合规概况", "Compliance dashboard"},
    {WebText::kNoScanYet, "还没有完成的扫描。", "No scan has finished yet."},
    {WebText::kRegionFilter, "区域", "Region"},
    {WebText::kSelfCheck, "网站自查", "Self-check"},
    {WebText::kSelfCheckHelp,
     "选择本单位的一个网站，系统将逐页检查网站标识和标题，通常需要几分钟。每个单位每小时最多自查 "
     "10 次。",
     "Pick one of your unit's websites: every page is checked for the badge and the title. "
     "This usually takes a few minutes. At most 10 self-checks per unit per hour."},
    {WebText::kPickSite, "选择网站", "Website"},
    {WebText::kStartSelfCheck, "开始自查", "Start the self-check"},
    {WebText::kNoCheckableSites, "本单位没有可检查的网站（需要已登记域名）。",
     "Your unit has no website with a domain to check."},
    {WebText::kSelfCheckNumber, "自查 #{}", "Self-check #{}"},
    {WebText::kSelfCheckRunning, "正在检查，请稍候……本页面会自动刷新。",
     "Checking… this page refreshes by itself."},
    {WebText::kSelfCheckFailed, "自查未能完成：{}", "The self-check could not run: {}"},
    {WebText::kSelfCheckPass, "全部页面合规。", "Every page passes."},
    {WebText::kSelfCheckFail, "共检查 {1} 个页面，其中 {0} 个页面不合规：",
     "{0} of {1} pages fail:"},
    {WebText::kSelfCheckDeadLinks, "发现 {} 个失效链接（页面不存在，不影响合规结论）：",
     "{} dead links (pages that do not exist; the verdict stands):"},
    {WebText::kPageNumbered, "第 {} 页", "Page {}"},
    {WebText::kPagesPassing, "{} 个合规页面", "{} passing pages"},
    {WebText::kHomePageTag, "首页", "home page"},
    {WebText::kTooManySelfChecks, "自查过于频繁，请 {} 秒后再试。",
     "Too many self-checks. Please try again in {} seconds."},
    {WebText::kStartedUrl, "检查地址", "Checked address"},
    {WebText::kNavSiteOpening, "网站开办审核/资质复核申请", "Site opening review / recheck"},
    {WebText::kNavBadgeApplication, "标识申请", "Badge application"},
    {WebText::kNavNameManagement, "网上名称管理", "Online names"},
    {WebText::kWorkflowRecheck, "资格复核", "Qualification recheck"},
    {WebText::kApplicationKind, "办理事项", "Procedure"},
    {WebText::kWithdrawButton, "撤回申请", "Withdraw the application"},
    {WebText::kWithdrawHelp, "网站标识下发前，可随时撤回本申请；撤回后不能再修改或重新提交。",
     "Until the badge is issued you may withdraw this application; a withdrawn one cannot be "
     "edited or submitted again."},
    {WebText::kDomainConflictTitle, "域名冲突", "Domain conflict"},
    {WebText::kDomainConflict,
     "域名 {0} 已由其他单位“{1}”（所属区域：{2}）的网站“{3}”使用（标识编号：{4}）。"
     "该域名冲突未解决前不能发放网站标识。",
     "The domain {0} is already carried by the site \"{3}\" of another unit, {1} (region {2}; "
     "badge {4}). No badge can be issued while this conflict stands."},
    {WebText::kUnitDetails, "申请单位信息", "The applicant unit"},
    {WebText::kUnitKind, "单位类型", "Kind"},
    {WebText::kRegion, "所属区域", "Region"},
    {WebText::kSystemCategory, "系统类别", "System category"},
    {WebText::kUnitAddress, "单位地址", "Address"},
    {WebText::kHandlerName, "经办人", "Handler"},
    {WebText::kUnitMobile, "经办人手机（注册）", "Handler's mobile (registered)"},
    {WebText::kUnitEmail, "电子邮箱", "E-mail"},
    {WebText::kNoChineseDomain, "不使用中文域名", "No Chinese domain"},
    {WebText::kNoChoosableDomain,
     "本单位还没有可用的中文域名（已注册且未过期）。如需中文域名，请在“网上名称管理”中的“域名申请”"
     "注册。",
     "Your unit has no usable Chinese domain (registered and not expired). To use one, register "
     "it under Online names › Domain application."},
    {WebText::kConacPassButton, "复审通过，下发网站标识", "Pass the review and issue the badge"},
    {WebText::kRejectedBecause, "审核未通过，原因：{}", "Not approved. Reason: {}"},
    {WebText::kEditAndResubmit, "修改申请信息后重新提交",
     "Edit the application and submit it again"},
    {WebText::kSiteRecordTitle, "网站合规记录：{}", "Compliance record: {}"},
    {WebText::kSiteRecordLink, "查看全部问题页面", "See every failing page"},
    {WebText::kRecordedAt, "检查时间：{}", "Checked at {}"},
    {WebText::kSiteFailingPages, "问题页面（共 {} 个）", "Failing pages ({} in all)"},
    {WebText::kSiteNoFailingPages, "本次检查没有问题页面。", "This check found no failing page."},
    {WebText::kPreviousPage, "上一页", "Previous"},
    {WebText::kNextPage, "下一页", "Next"},
    {WebText::kPageOfPages, "第 {} 页，共 {} 页", "Page {} of {}"},
}};

constexpr bool MessagesInOrder() {
  for (std::size_t i = 0; i < kMessages.size(); ++i) {
    if (static_cast<std::size_t>(kMessages[i].text) != i) return false;
    if (kMessages[i].chinese.empty() || kMessages[i].english.empty()) return false;
  }
  return true;
}
static_assert(MessagesInOrder(), "kMessages lists every WebText once, in enum order");

struct Label {
  std::string_view key;
  std::string_view chinese;
  std::string_view english;
};

namespace codes = verifier::codes;

constexpr std::array kPagePhrases = {
    Label{codes::kBadgeMissing, "缺少网站标识", "has no website badge"},
    Label{codes::kBadgeMisplaced, "网站标识位置不正确（应在 </body> 之前）",
          "has the badge in the wrong place (it belongs just before </body>)"},
    Label{codes::kBadgeIdMismatch, "使用了其他单位的标识编号", "carries another unit's badge id"},
    Label{codes::kBadgeMalformed, "标识代码不完整或有误", "has a damaged badge code"},
    Label{codes::kBadgeStaticCopy, "粘贴的是标识图片，而不是标识代码",
          "shows a copied badge image instead of the badge code"},
    Label{codes::kBadgeMixedContent, "以 http: 加载标识，浏览器会拦截",
          "loads the badge over http:, which browsers block"},
    Label{codes::kTitleMissing, "缺少网页标题", "has no title"},
    Label{codes::kTitleMismatch, "网页标题与注册的网站名称不一致",
          "has a title that differs from the registered name"},
    Label{codes::kFetchFailed, "无法访问", "could not be opened"},
};

std::string_view Find(std::span<const Label> labels, std::string_view key,
                      ReportLanguage language) {
  for (const Label& label : labels) {
    if (label.key == key) {
      return language == ReportLanguage::kChinese ? label.chinese : label.english;
    }
  }
  return key;
}

}  // namespace

std::string_view WebMessage(WebText text, ReportLanguage language) {
  const Translation& t = kMessages.at(static_cast<std::size_t>(text));
  return language == ReportLanguage::kChinese ? t.chinese : t.english;
}

std::string_view StateLabel(std::string_view state, ReportLanguage language) {
  return registry::StateWords(state).In(language);
}

std::string_view ActionLabel(std::string_view action, ReportLanguage language) {
  return registry::ActionWords(action).In(language);
}

std::string_view PageProblemPhrase(std::string_view code, ReportLanguage language) {
  const std::string_view phrase = Find(kPagePhrases, code, language);
  return phrase == code ? scan::ExplainCode(code, language) : phrase;
}

}  // namespace badgewatch::api
