#include "scan/report_messages.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <array>
#include <chrono>

#include "foundation/html_markup.h"
#include "verifier/problem_descriptions.h"

namespace badgewatch::scan {
namespace {

struct Translation {
  ReportText text;
  std::string_view chinese;
  std::string_view english;
};

constexpr std::array<Translation, static_cast<std::size_t>(ReportText::kCount)> kMessages = {{
    {ReportText::kReportTitle, "网站标识合规检查报告", "Website badge compliance report"},
    {ReportText::kScanNumber, "第 {} 次扫描", "Scan #{}"},
    {ReportText::kScanKindNightly, "例行扫描", "nightly scan"},
    {ReportText::kScanKindSelfCheck, "单位自查", "self-check"},
    {ReportText::kStartedAt, "开始时间", "Started"},
    {ReportText::kFinishedAt, "完成时间", "Finished"},
    {ReportText::kNotFinished, "未完成", "not finished"},
    {ReportText::kRegion, "所属区域", "Region"},
    {ReportText::kAllRegions, "全部区域", "All regions"},
    {ReportText::kSitesScanned, "检查网站", "Sites scanned"},
    {ReportText::kComplianceRate, "合规率", "Compliance rate"},
    {ReportText::kPagesChecked, "检查页面", "Pages checked"},
    {ReportText::kFailingSites, "不合规网站", "Failing sites"},
    {ReportText::kFailingPages, "不合规页面", "Failing pages"},
    {ReportText::kSitesPassedOf, "{} / {} 个网站合规", "{} of {} sites pass"},
    {ReportText::kShareOfSites, "占检查网站的 {}", "{} of the sites scanned"},
    {ReportText::kSiteCount, "{} 个网站", "{} sites"},
    {ReportText::kRateByRegion, "各区域合规率", "Compliance rate by region"},
    {ReportText::kProblemsByKind, "问题类型分布", "Problems by kind"},
    {ReportText::kTrend, "近期扫描趋势", "Trend over recent scans"},
    {ReportText::kTrendSingleScan, "目前只有一次扫描，尚无趋势。",
     "Only one scan so far: no trend yet."},
    {ReportText::kFailingSitesDetail, "不合规网站明细", "Failing sites in detail"},
    {ReportText::kAllSites, "全部网站", "All sites"},
    {ReportText::kNoFailingSites, "本次扫描的网站全部合规。", "Every site passed in this scan."},
    {ReportText::kMoreFailingPages, "另有 {} 个不合规页面未列出",
     "{} more failing pages not listed"},
    {ReportText::kSiteId, "网站编号", "Site id"},
    {ReportText::kWebsite, "网站名称", "Website"},
    {ReportText::kUnit, "主办单位", "Unit"},
    {ReportText::kRegionCode, "区域代码", "Region code"},
    {ReportText::kBadgeId, "标识编号", "Badge id"},
    {ReportText::kDomains, "域名", "Domains"},
    {ReportText::kVerdict, "结论", "Verdict"},
    {ReportText::kProblems, "问题", "Problems"},
    {ReportText::kWarnings, "提示", "Warnings"},
    {ReportText::kPagesTotal, "页面数", "Pages"},
    {ReportText::kPagesFailed, "不合规页面数", "Failing pages"},
    {ReportText::kDeadLinks, "失效链接数", "Dead links"},
    {ReportText::kFailingPageUrls, "不合规页面地址", "Failing page URLs"},
    {ReportText::kProblemExplanations, "问题说明", "Explanation of problems"},
    {ReportText::kCode, "代码", "Code"},
    {ReportText::kExplanation, "说明", "Explanation"},
    {ReportText::kSites, "网站数", "Sites"},
    {ReportText::kPages, "页面数", "Pages"},
    {ReportText::kHttpStatus, "HTTP 状态", "HTTP status"},
    {ReportText::kDetail, "详情", "Detail"},
    {ReportText::kWarningTag, "提示", "warning"},
    {ReportText::kVerdictPass, "合规", "pass"},
    {ReportText::kVerdictFail, "不合规", "fail"},
    {ReportText::kNone, "无", "none"},
    {ReportText::kGeneratedAt, "报告生成时间", "Report generated"},
    {ReportText::kTimeZoneNote, "时间均为北京时间（UTC+8）", "Times are Beijing time (UTC+8)"},
}};

// The table lists every message once, in enum order.
constexpr bool MessagesInOrder() {
  for (std::size_t i = 0; i < kMessages.size(); ++i) {
    if (static_cast<std::size_t>(kMessages[i].text) != i) return false;
    if (kMessages[i].chinese.empty() || kMessages[i].english.empty()) return false;
  }
  return true;
}
static_assert(MessagesInOrder(),
              "kMessages must list every ReportText in order, in both languages");

}  // namespace

std::string_view Message(ReportText text, ReportLanguage language) {
  const Translation& t = kMessages[static_cast<std::size_t>(text)];
  return language == ReportLanguage::kChinese ? t.chinese : t.english;
}

std::string_view VerdictLabel(std::string_view verdict, ReportLanguage language) {
  if (verdict == "pass") return Message(ReportText::kVerdictPass, language);
  if (verdict == "fail") return Message(ReportText::kVerdictFail, language);
  return verdict;
}

std::string_view ExplainCode(std::string_view code, ReportLanguage language) {
  const std::optional<verifier::ProblemDescription> found = verifier::FindProblemDescription(code);
  if (!found) return code;
  return language == ReportLanguage::kChinese ? found->chinese : found->english;
}

std::string_view NameCode(std::string_view code, ReportLanguage language) {
  const std::optional<verifier::ProblemDescription> found = verifier::FindProblemDescription(code);
  if (!found) return code;
  return language == ReportLanguage::kChinese ? found->chinese_name : found->english_name;
}

std::string CodeNameHtml(std::string_view code, ReportLanguage language, bool warning) {
  return fmt::format("<span class=\"{}\">{}</span> <small class=\"code\">{}</small>",
                     warning ? "warning" : "problem",
                     foundation::HtmlEscape(NameCode(code, language)),
                     foundation::HtmlEscape(code));
}

}  // namespace badgewatch::scan
