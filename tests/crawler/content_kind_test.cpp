#include "crawler/content_kind.h"

#include <catch2/catch.hpp>

using badgewatch::crawler::ClassifyContent;
using badgewatch::crawler::ContentKind;

TEST_CASE("ClassifyContent: by Content-Type, else by sniffing", "[crawler]") {
  CHECK(ClassifyContent("text/html; charset=GBK", "") == ContentKind::kHtml);
  CHECK(ClassifyContent("Application/XHTML+XML", "") == ContentKind::kHtml);
  CHECK(ClassifyContent("application/javascript", "") == ContentKind::kScript);
  CHECK(ClassifyContent("text/javascript;charset=utf-8", "") == ContentKind::kScript);
  CHECK(ClassifyContent("application/pdf", "<html>") == ContentKind::kOther);
  CHECK(ClassifyContent("image/png", "") == ContentKind::kOther);
  CHECK(ClassifyContent("", "\xEF\xBB\xBF  <!DOCTYPE HTML><html>") == ContentKind::kHtml);
  CHECK(ClassifyContent("text/plain", "<html><body>") == ContentKind::kHtml);
  CHECK(ClassifyContent("", "%PDF-1.4") == ContentKind::kOther);
}
