// What the crawler hands to its user: every HTML page and site script it
// fetched, and the fate of every other URL it met. The crawler knows nothing
// about badges; the handler decides which links to follow. OnPage and OnScript
// run on the crawl's worker threads, possibly concurrently; OnRecord runs on
// the io_context thread. Implementations synchronise their own state.
#ifndef BADGEWATCH_CRAWLER_PAGE_HANDLER_H_
#define BADGEWATCH_CRAWLER_PAGE_HANDLER_H_

#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::crawler {

// One fetched response, body decoded from its Content-Encoding.
struct FetchedPage {
  std::string url;            // the final URL, after redirects
  std::string requested_url;  // the URL as it was queued
  long status = 0;
  std::string content_type;
  std::string body;
  bool is_home = false;  // the start URL (after redirects)
};

// What a page asks the crawler to do next.
struct PageLinks {
  std::vector<std::string> links;    // absolute, normalised; out-of-scope ones are recorded
  std::vector<std::string> scripts;  // scripts the page loads; each fetched once per site
};

// The fate of a URL that did not become an OnPage or OnScript call.
enum class UrlOutcome {
  kFailed,      // DNS, connect, TLS, timeout, too large, HTTP error, redirect loop, refused address
  kNotPage,     // fetched, but not HTML (a PDF, an image ...)
  kRedirected,  // a redirect to a URL fetched under its own name
  kOutOfScope,  // a link or redirect off the site: recorded, never fetched
  kRobots,      // disallowed by robots.txt, or all of its origin's: robots.txt unreachable
  kTrap,        // over the URL length/depth/repetition limits
  kPageLimit,   // over the per-site page limit
  kTimeBudget,  // not fetched: the site's time budget ran out first
};
[[nodiscard]] std::string_view UrlOutcomeName(UrlOutcome outcome);  // "failed", ...

struct UrlRecord {
  std::string url;
  UrlOutcome outcome = UrlOutcome::kFailed;
  long status = 0;       // the last HTTP status; 0 when there was no response
  std::string detail;    // why: "NXDOMAIN: ...", "timeout: ...", "HTTP 404", "too-large: ..."
  bool is_home = false;  // the start URL
  // The page whose link led here (after its redirects); empty for the start
  // URL, sitemap entries and robots.txt.
  std::string referrer;
};

class PageHandler {
 public:
  virtual ~PageHandler() = default;
  // An HTML page (by Content-Type, else by sniffing). Returns what to follow.
  [[nodiscard]] virtual PageLinks OnPage(const FetchedPage& page) = 0;
  // A script of the site that a page loads; called once per script URL.
  virtual void OnScript(const FetchedPage& script) = 0;
  // Every other URL met during the crawl.
  virtual void OnRecord(const UrlRecord& record) = 0;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_PAGE_HANDLER_H_
