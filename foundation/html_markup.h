// HTML escaping, and Markup: a string known to be HTML, so that text and
// markup cannot be mixed up by accident. A Markup is made only by escaping
// text or by Markup::Trusted (literal markup the code itself writes; grep for
// it to audit every place raw HTML enters a page). Pure; any thread.
//
// Example:
//   Markup cell = Markup::Trusted("<td>") + Markup::Escape(site_name) + Markup::Trusted("</td>");
//   cell.AppendText("<script>");  // appends "&lt;script&gt;"
#ifndef BADGEWATCH_FOUNDATION_HTML_MARKUP_H_
#define BADGEWATCH_FOUNDATION_HTML_MARKUP_H_

#include <string>
#include <string_view>
#include <utility>

namespace badgewatch::foundation {

// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
[[nodiscard]] std::string HtmlEscape(std::string_view text);

// A crawled page's URL as HTML: an http(s) URL as a link that sends no
// referrer, anything else (javascript:, data:, a bare name) as text only.
[[nodiscard]] std::string UrlLinkHtml(std::string_view url);

class Markup {
 public:
  Markup() = default;

  // Text made safe to stand in HTML text or a quoted attribute value.
  [[nodiscard]] static Markup Escape(std::string_view text) { return Markup(HtmlEscape(text)); }
  // Markup taken as it is: literal HTML the code writes, or HTML assembled
  // from parts that were all escaped already.
  [[nodiscard]] static Markup Trusted(std::string html) { return Markup(std::move(html)); }

  Markup& operator+=(const Markup& other) {
    html_ += other.html_;
    return *this;
  }
  // Appends `text`, escaped.
  Markup& AppendText(std::string_view text) {
    html_ += HtmlEscape(text);
    return *this;
  }
  [[nodiscard]] friend Markup operator+(Markup left, const Markup& right) {
    left += right;
    return left;
  }
  [[nodiscard]] friend bool operator==(const Markup&, const Markup&) = default;

  [[nodiscard]] const std::string& html() const { return html_; }
  [[nodiscard]] bool empty() const { return html_.empty(); }

 private:
  explicit Markup(std::string html) : html_(std::move(html)) {}

  std::string html_;
};

}  // namespace badgewatch::foundation

#endif  // BADGEWATCH_FOUNDATION_HTML_MARKUP_H_
