#include "verifier/problem_descriptions.h"

#include <array>

#include "verifier/problem_codes.h"

namespace badgewatch::verifier {
namespace {

// Every known code, failures first, in the order of problem_codes.h.
constexpr std::array<ProblemDescription, 14> kDescriptions = {{
    {codes::kBadgeMissing, "no live CONAC badge script in the page", "页面中没有有效的网站标识脚本",
     "badge missing", "缺少网站标识"},
    {codes::kBadgeMisplaced, "the badge is not inside <body> before </body>",
     "网站标识未放在 </body> 之前的正文区域内", "badge misplaced", "标识位置不正确"},
    {codes::kBadgeIdMismatch, "the badge carries another unit's badge id",
     "网站标识编号不是本单位的编号（疑似冒用）", "another unit's badge id", "标识编号不符"},
    {codes::kBadgeMalformed, "the badge script path and its file-name id disagree",
     "标识脚本路径与文件名中的编号不一致", "badge code damaged", "标识代码有误"},
    {codes::kBadgeStaticCopy, "a pasted copy of the rendered badge, not CONAC's live script",
     "页面粘贴的是标识图片副本，而非中央编办的标识脚本", "badge image copied", "标识为图片副本"},
    {codes::kBadgeMixedContent, "an http: badge script on an https: page; browsers block it",
     "HTTPS 页面以 http: 方式加载标识脚本，浏览器会拦截", "badge over http:", "标识以 http 加载"},
    {codes::kTitleMissing, "the page has no <title>", "页面没有 <title> 标题", "title missing",
     "缺少网页标题"},
    {codes::kTitleMismatch, "the title does not match the registered website name",
     "页面标题与注册的网站名称不一致", "title mismatch", "标题与注册名称不符"},
    {codes::kFetchFailed, "the page could not be fetched",
     "页面无法访问（域名解析、连接、证书或 HTTP 错误）", "page unreachable", "页面无法访问"},
    {codes::kCharsetMismatch, "the declared charset is contradicted by the bytes",
     "页面声明的字符编码与实际内容不符", "charset mismatch", "字符编码不符"},
    {codes::kIpMismatch, "the site resolves to none of its registered IP addresses",
     "网站解析到的地址均不在注册的 IP 地址中", "IP address mismatch", "IP 地址不符"},
    {codes::kBadgeInjected, "the badge is added by the site's own script, not the HTML",
     "标识由网站自身脚本动态插入，而非写在 HTML 中", "badge added by script", "标识由脚本插入"},
    {codes::kDeadLink, "a link of the site leads to a page that answers 404 or 410",
     "网站内链接指向的页面不存在（HTTP 404/410，链接可用性）", "dead link", "死链接"},
    {codes::kTimeBudget, "the crawl ran out of the site's time budget; the rest was not checked",
     "网站检查超出时间上限，其余页面未检查", "time budget exceeded", "检查超时"},
}};

}  // namespace

std::optional<ProblemDescription> FindProblemDescription(std::string_view code) {
  for (const ProblemDescription& description : kDescriptions) {
    if (description.code == code) return description;
  }
  return std::nullopt;
}

}  // namespace badgewatch::verifier
