#include "verifier/page_verifier.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "verifier/charset_decoding.h"
#include "verifier/detail/gumbo_arena.h"
#include "verifier/detail/nesting_guard.h"
#include "verifier/detail/page_walk.h"
#include "verifier/link_resolution.h"
#include "verifier/page_verdict.h"
#include "verifier/title_matching.h"

namespace badgewatch::verifier {
namespace {

// `hrefs` as absolute, normalised, distinct URLs in page order, at most
// `max_links` of them; the hrefs left unread are added to `*over_limit`.
std::vector<std::string> ResolveLinks(const LinkResolver& resolver,
                                      const std::vector<std::string_view>& hrefs,
                                      std::size_t max_links, std::size_t* over_limit) {
  std::vector<std::string> links;
  std::unordered_set<std::string_view> seen_hrefs;
  std::unordered_set<std::string> seen_links;
  for (std::size_t i = 0; i < hrefs.size(); ++i) {
    if (links.size() >= max_links) {
      *over_limit += hrefs.size() - i;
      break;
    }
    if (!seen_hrefs.insert(hrefs[i]).second) continue;
    if (auto link = resolver.Resolve(hrefs[i]); link && seen_links.insert(*link).second) {
      links.push_back(std::move(*link));
    }
  }
  return links;
}

// The document's encoding as the URL parser encodes queries in it: the gb18030
// decoder also reads gbk pages (declared gb2312/gbk, or sniffed, as a zh-CN
// browser falls back to GBK), whose queries the gbk encoder writes.
std::string QueryEncoding(const DecodedPage& decoded) {
  if (decoded.encoding != "gb18030") return decoded.encoding;
  const std::optional<std::string> declared = EncodingNameForLabel(decoded.declared_label);
  return declared == std::optional<std::string>("gb18030") ? "gb18030" : "gbk";
}

}  // namespace

std::string_view BadgeFormName(BadgeForm form) {
  switch (form) {
    case BadgeForm::kScript:
      return "script";
    case BadgeForm::kDocumentWrite:
      return "document-write";
    case BadgeForm::kStaticCopy:
      return "static-copy";
    case BadgeForm::kMirror:
      return "mirror";
  }
  return "unknown";
}

std::string_view PagePlacementName(PagePlacement placement) {
  switch (placement) {
    case PagePlacement::kBody:
      return "body";
    case PagePlacement::kHead:
      return "head";
    case PagePlacement::kAfterBody:
      return "after-body";
    case PagePlacement::kAfterHtml:
      return "after-html";
    case PagePlacement::kOutside:
      return "outside-body";
  }
  return "unknown";
}

std::string_view VerdictName(Verdict verdict) {
  return verdict == Verdict::kPass ? "pass" : "fail";
}

PageVerifier::PageVerifier()
    : arena_(std::make_unique<detail::GumboArena>()),
      urls_(std::make_unique<NormalizedUrlCache>()) {}
PageVerifier::~PageVerifier() = default;

PageReport PageVerifier::Verify(std::string_view bytes, const PageExpectation& expectation) {
  DecodedPage decoded = DecodePage(bytes, expectation.content_type);
  PageReport report;
  report.encoding = decoded.encoding;
  report.encoding_source = std::string(EncodingSourceName(decoded.source));
  const detail::CappedMarkup capped = detail::CapMarkup(decoded.utf8);
  report.nesting_truncated = capped.depth_capped;
  report.elements_truncated = capped.elements_dropped > 0;
  report.links_over_limit = capped.links_dropped;

  const GumboOutput* output = arena_->Parse(decoded.utf8);
  detail::PageFacts facts = detail::WalkPage(*output, decoded.utf8);

  if (facts.raw_title) report.title = NormalizeTitle(*facts.raw_title);
  report.site_meta = std::move(facts.site_meta);
  FindIdentifiers(facts.visible_text, report.identifiers);
  const LinkResolver resolver(expectation.url, facts.base_href, urls_.get(),
                              QueryEncoding(decoded));
  report.links =
      ResolveLinks(resolver, facts.hrefs, expectation.max_links, &report.links_over_limit);
  report.scripts =
      ResolveLinks(resolver, facts.script_srcs, expectation.max_links, &report.links_over_limit);
  for (detail::BadgeCandidate& candidate : facts.badges) {
    candidate.badge.placement = detail::PlaceBadge(candidate, facts);
    const std::string& id = candidate.badge.id;
    if (!id.empty() &&
        std::find(report.badge_ids.begin(), report.badge_ids.end(), id) == report.badge_ids.end()) {
      report.badge_ids.push_back(id);
    }
    report.badges.push_back(std::move(candidate.badge));
  }
  arena_->Reset();

  JudgePage(expectation, decoded.charset_mismatch, report);
  return report;
}

PageReport VerifyPage(std::string_view bytes, const PageExpectation& expectation) {
  PageVerifier verifier;
  return verifier.Verify(bytes, expectation);
}

}  // namespace badgewatch::verifier
