#include "tests/support/hostile_site.h"

#include <atomic>

namespace badgewatch::testing {
namespace {

// Page names are base-36 counters shared by every page of the process, so no
// two pages link the same page.
std::atomic<unsigned long long> next_page{1};

void AppendBase36(std::string& out, unsigned long long n) {
  char digits[16];
  int i = 0;
  do {
    digits[i++] = "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36];
    n /= 36;
  } while (n != 0);
  while (i > 0) out += digits[--i];
}

}  // namespace

TestResponse HostileSitePage(const HostileSite& site, const std::string& target) {
  TestResponse response;
  response.delay = site.delay;
  if (target == "/robots.txt" || target == "/sitemap.xml") {
    response.status = 404;
    response.content_type = "text/plain";
    response.body = "not found";
    return response;
  }
  const unsigned long long first = next_page.fetch_add(site.links);
  std::string& body = response.body;
  body.reserve(site.links * 18 + 512);
  body += "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>";
  body += kHostileSiteName;
  body += "</title></head><body>";
  for (std::size_t i = 0; i < site.links; ++i) {
    body += "<a href=";
    AppendBase36(body, first + i);
    body += "></a>";
  }
  body += "<script src=\"https://dcs.conac.cn/js/33/000/0000/60433378/";
  body += kHostileSiteBadgeId;
  body += ".js\"></script></body></html>";
  return response;
}

}  // namespace badgewatch::testing
