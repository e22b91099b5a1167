// The three places a host name is converted to ASCII — the crawler's site
// scope, the URL parser behind the verifier's links, and the registry's
// Chinese domains — given the same names. A host the scope and the link
// parser spelt differently would have every link of its site dropped as
// off-site; a registered name spelt differently would be crawled as another
// site.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "crawler/host_name.h"
#include "crawler/site_scope.h"
#include "foundation/idna.h"
#include "foundation/whatwg_url.h"
#include "registry/chinese_domain_names.h"

namespace {

using badgewatch::crawler::SiteScope;
using badgewatch::registry::UnitKind;

struct Case {
  std::string name;
  std::optional<std::string> ascii;  // nullopt: the strict conversion refuses it
  bool registry_refuses = false;     // by its own rules, though the name converts
};

std::optional<UnitKind> KindBySuffix(const std::string& name) {
  if (name.ends_with(".政务")) return UnitKind::kPartyGovernment;
  if (name.ends_with(".公益")) return UnitKind::kPublicInstitution;
  return std::nullopt;
}

TEST_CASE("Host names: the crawler, the URL parser and the registry agree", "[scan]") {
  const Case cases[] = {
      {"教育局.政务", "xn--dgtp5sd2w.xn--zfr164b"},
      {"教育局.公益", "xn--dgtp5sd2w.xn--55qw42g"},
      {"WWW.Example.GOV.cn", "www.example.gov.cn"},
      {"教育局。政务", "xn--dgtp5sd2w.xn--zfr164b"},  // U+3002 separates labels
      {"教育局．政务", "xn--dgtp5sd2w.xn--zfr164b"},  // U+FF0E
      {"Ｅxample．gov.cn", "example.gov.cn"},
      {"xn--dgtp5sd2w.xn--zfr164b", "xn--dgtp5sd2w.xn--zfr164b"},
      {"XN--DGTP5SD2W.xn--zfr164b", "xn--dgtp5sd2w.xn--zfr164b"},
      {"xn--dgtp5sd2w.政务", "xn--dgtp5sd2w.xn--zfr164b"},
      {"a..b", std::nullopt},
      {"a..政务", std::nullopt},
      {std::string(64, 'a') + ".gov.cn", std::nullopt},
      {std::string(64, 'a') + ".政务", std::nullopt},
      {"-bad-.gov.cn", std::nullopt},
      {"-bad-.政务", std::nullopt},
      {"xn--a.gov.cn", std::nullopt},
      // '_' is a DNS name's, not a host name's: the crawler follows such a
      // site, the registry does not register one — nor its full-width form,
      // which IDNA maps to '_' (and its STD3 rules would have dropped).
      {"_x.gov.cn", "_x.gov.cn"},
      {"_x.政务", "_x.xn--zfr164b", true},
      {"a＿b.政务", "a_b.xn--zfr164b", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::optional<std::string> strict = badgewatch::foundation::HostToAscii(c.name);
    CHECK(strict == c.ascii);

    const auto crawler = badgewatch::crawler::HostToAscii(c.name);
    REQUIRE(crawler.ok() == strict.has_value());
    const auto scope = SiteScope::Create(c.name, {}, 80, {});
    REQUIRE(scope.ok() == strict.has_value());

    const auto url = badgewatch::foundation::ParseHttpUrl("http://" + c.name + "/");
    if (strict) {
      CHECK(crawler.value() == *strict);
      REQUIRE(url);
      CHECK(url->host == *strict);
      CHECK(scope.value().ContainsUrl(url->Serialize()));
    }

    if (const std::optional<UnitKind> kind = KindBySuffix(c.name)) {
      const auto registered = badgewatch::registry::ValidateChineseDomain(c.name, *kind);
      CHECK(registered.ok() == (strict && !c.registry_refuses));
      if (registered.ok()) CHECK(registered.value() == *strict);
    }
  }
}

}  // namespace
