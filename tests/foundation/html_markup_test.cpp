// HTML escaping and Markup: text becomes markup only escaped, and literal
// markup only through Markup::Trusted.
#include "foundation/html_markup.h"

#include <catch2/catch.hpp>
#include <string>

namespace {

using badgewatch::foundation::HtmlEscape;
using badgewatch::foundation::Markup;

TEST_CASE("HtmlEscape escapes the five characters of text and attribute values") {
  CHECK(HtmlEscape("<script>alert(\"x\" & 'y')</script>") ==
        "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  CHECK(HtmlEscape("教育局 a=b; {}") == "教育局 a=b; {}");
  CHECK(HtmlEscape("") == "");
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");  // text, never taken as markup
}

TEST_CASE("Markup is escaped text or trusted literal markup, concatenated") {
  const Markup name = Markup::Escape("<b>单位</b>");
  CHECK(name.html() == "&lt;b&gt;单位&lt;/b&gt;");
  Markup cell = Markup::Trusted("<td>") + name + Markup::Trusted("</td>");
  CHECK(cell.html() == "<td>&lt;b&gt;单位&lt;/b&gt;</td>");
  cell.AppendText(" & <script>");
  CHECK(cell.html() == "<td>&lt;b&gt;单位&lt;/b&gt;</td> &amp; &lt;script&gt;");
  cell += Markup::Trusted("<br>");
  CHECK(cell.html().ends_with("<br>"));
  CHECK(Markup().empty());
  CHECK(Markup::Escape("a") == Markup::Trusted("a"));
}

}  // namespace
