#include "foundation/html_markup.h"

namespace badgewatch::foundation {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string UrlLinkHtml(std::string_view url) {
  const bool web = url.starts_with("http://") || url.starts_with("https://");
  const std::string escaped = HtmlEscape(url);
  if (!web) return escaped;
  return "<a href=\"" + escaped + "\" rel=\"noopener noreferrer\">" + escaped + "</a>";
}

}  // namespace badgewatch::foundation
