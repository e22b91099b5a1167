#include "crawler/content_kind.h"

#include <array>
#include <string>

#include "foundation/ascii.h"

namespace badgewatch::crawler {
namespace {

std::string LowerEssence(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  std::string out;
  for (char c : content_type) {
    if (c != ' ' && c != '\t') out.push_back(foundation::AsciiLower(c));
  }
  return out;
}

bool LooksLikeHtml(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t' || body.front() == '\r' ||
                           body.front() == '\n' || body.front() == '\f')) {
    body.remove_prefix(1);
  }
  constexpr std::array<std::string_view, 8> kOpenings{"<!doctype html", "<html",   "<head", "<body",
                                                      "<title",         "<script", "<!--",  "<div"};
  for (std::string_view opening : kOpenings) {
    if (foundation::StartsWithIgnoreCase(body, opening)) return true;
  }
  return false;
}

}  // namespace

ContentKind ClassifyContent(std::string_view content_type, std::string_view body) {
  const std::string essence = LowerEssence(content_type);
  if (essence == "text/html" || essence == "application/xhtml+xml") return ContentKind::kHtml;
  if (essence == "application/javascript" || essence == "text/javascript" ||
      essence == "application/x-javascript" || essence == "application/ecmascript" ||
      essence == "text/ecmascript") {
    return ContentKind::kScript;
  }
  const bool unknown = essence.empty() || essence == "text/plain" ||
                       essence == "application/octet-stream" || essence == "unknown/unknown";
  if (unknown && LooksLikeHtml(body)) return ContentKind::kHtml;
  return ContentKind::kOther;
}

}  // namespace badgewatch::crawler
