// What a response is, for the crawler: an HTML page to verify, a script to
// search, or something else. By Content-Type, else by sniffing the first bytes
// (WHATWG MIME sniffing, simplified). Pure; any thread.
#ifndef BADGEWATCH_CRAWLER_CONTENT_KIND_H_
#define BADGEWATCH_CRAWLER_CONTENT_KIND_H_

#include <string_view>

namespace badgewatch::crawler {

enum class ContentKind { kHtml, kScript, kOther };

[[nodiscard]] ContentKind ClassifyContent(std::string_view content_type, std::string_view body);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_CONTENT_KIND_H_
