// PageViewer::F fills a message as markup: a text argument is escaped, a
// Markup argument is not, so a page cannot put raw text into HTML by way of
// a message.
#include <catch2/catch.hpp>
#include <string>

#include "api/web/page.h"
#include "foundation/html_markup.h"

namespace {

using badgewatch::scan::ReportLanguage;
using badgewatch::api::PageViewer;
using badgewatch::api::WebText;
using badgewatch::foundation::Markup;

TEST_CASE("PageViewer::F escapes a text argument and keeps a Markup one") {
  PageViewer viewer;
  viewer.language = ReportLanguage::kEnglish;
  CHECK(viewer.F(WebText::kSelfCheckFailed, "<script>alert(1)</script>").html() ==
        viewer.FText(WebText::kSelfCheckFailed, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(viewer.F(WebText::kSelfCheckFailed, std::string("a & b")).html().find("a &amp; b") !=
        std::string::npos);
  CHECK(viewer.F(WebText::kSelfCheckFailed, Markup::Trusted("<b>x</b>")).html().find("<b>x</b>") !=
        std::string::npos);
  CHECK(viewer.F(WebText::kPageNumbered, 3).html() == viewer.FText(WebText::kPageNumbered, 3));
  // FText is plain text: its arguments stand as they are, for a place that escapes.
  CHECK(viewer.FText(WebText::kSelfCheckFailed, "<i>").find("<i>") != std::string::npos);
}

}  // namespace
