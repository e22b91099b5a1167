#include "verifier/detail/nesting_guard.h"

#include <catch2/catch.hpp>
#include <string>

using badgewatch::verifier::detail::CapMarkup;
using badgewatch::verifier::detail::CapNestingDepth;
using badgewatch::verifier::detail::CappedMarkup;

namespace {
std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("NestingGuard: ordinary pages are left alone", "[verifier]") {
  std::string page = "<html><body>" + Repeat("<div><p>x<br><img src=a.png></div>", 5000) +
                     Repeat("<li>item", 2000) + "</body></html>";
  const std::string before = page;
  CHECK_FALSE(CapNestingDepth(page, 64));
  CHECK(page == before);
}

TEST_CASE("NestingGuard: deep nesting is cut at the limit, offsets kept", "[verifier]") {
  std::string page =
      "<body>" + Repeat("<div>", 100) + "<script src=x></script>" + Repeat("</div>", 100);
  const std::size_t size = page.size();
  CHECK(CapNestingDepth(page, 10));
  CHECK(page.size() == size);
  // The first 10 <div>s stay tags, the 11th became text; the script is untouched.
  CHECK(page.substr(6 + 10 * 5, 5) == " div>");
  CHECK(page.substr(6 + 9 * 5, 5) == "<div>");
  CHECK(page.find("<script src=x>") != std::string::npos);
}

TEST_CASE("NestingGuard: comments, raw text and quoted values do not count", "[verifier]") {
  std::string page = "<body><!--" + Repeat("<div>", 50) + "--><script>" + Repeat("<div>", 50) +
                     "</script><p title='" + Repeat("<div>", 50) + "'>x</p><textarea>" +
                     Repeat("<div>", 50) + "</textarea>";
  CHECK_FALSE(CapNestingDepth(page, 10));
}

TEST_CASE("NestingGuard: truncated tags and odd input do not crash", "[verifier]") {
  for (std::string page :
       {std::string("<"), std::string("<div"), std::string("</"), std::string("<!--"),
        std::string("<script>"), std::string("<a '"), std::string("<div title=\"x")}) {
    CHECK_FALSE(CapNestingDepth(page, 1));
  }
}

TEST_CASE("NestingGuard: quotes open a value only after '='", "[verifier]") {
  SECTION("a quote inside a name is no value: the tag ends at its '>'") {
    std::string page = "<div><div x\"y>";
    CHECK(CapNestingDepth(page, 1));
    CHECK(page == "<div> div x\"y>");
  }
  SECTION("a closed value hides its '>'") {
    std::string page = "<div><div title='a>b'>";
    CHECK(CapNestingDepth(page, 1));
    CHECK(page == "<div> div title='a>b'>");
  }
  SECTION("an unclosed value runs to the end; a final '/' makes the tag self-closing") {
    std::string open_page = "<div><span title='x />";
    CHECK(CapNestingDepth(open_page, 1));
    std::string self_closing_page = "<div><span title='x / \n";
    CHECK_FALSE(CapNestingDepth(self_closing_page, 1));
  }
}

TEST_CASE("ElementCap: start tags past the limit are read as text, offsets kept", "[verifier]") {
  const std::string head = "<html><head><title>网站</title></head><body>";
  std::string page = head + Repeat("<a href=x></a>", 10) + Repeat("<p>x", 5) +
                     "<script src=\"b.js\"></script><template><script></script></template>"
                     "</body></html>";
  const std::size_t size = page.size();
  const CappedMarkup capped = CapMarkup(page, {.max_elements = 8});
  CHECK(page.size() == size);
  // html, head and body count (raw-text elements such as <title> are skipped
  // whole): 5 links pass, 5 links and 5 paragraphs do not.
  CHECK(capped.elements_dropped == 5 + 5);
  CHECK(capped.links_dropped == 5);
  CHECK_FALSE(capped.depth_capped);
  CHECK(page.find("<title>") != std::string::npos);
  CHECK(page.find("<script src=\"b.js\">") != std::string::npos);  // a badge is never dropped
  CHECK(page.find("<template>") != std::string::npos);             // nor what keeps it inert
  CHECK(page.find("<p>") == std::string::npos);
  CHECK(page.find("<body>" + Repeat("<a href=x></a>", 5) + " a href=x>") != std::string::npos);
}

TEST_CASE("ElementCap: an ordinary page is left alone", "[verifier]") {
  std::string page = "<html><body>" + Repeat("<div><a href=x>y</a></div>", 1000) + "</body></html>";
  const std::string before = page;
  const CappedMarkup capped = CapMarkup(page);
  CHECK(capped.elements_dropped == 0);
  CHECK(page == before);
}
