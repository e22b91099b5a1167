#include "crawler/host_name.h"

#include <catch2/catch.hpp>
#include <string>

using badgewatch::crawler::HostToAscii;
using badgewatch::crawler::WwwTwin;

TEST_CASE("HostToAscii: Unicode names become punycode", "[crawler]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"政务", "xn--zfr164b"},
      {"公益", "xn--55qw42g"},
      {"教育局.政务", "xn--dgtp5sd2w.xn--zfr164b"},
      {"WWW.Example.GOV.CN", "www.example.gov.cn"},
      {"example.gov.cn.", "example.gov.cn"},
      {"faß.de", "xn--fa-hia.de"},  // non-transitional: ß stays
      {"127.0.0.1", "127.0.0.1"},
      {"[::1]", "[::1]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    const auto ascii = HostToAscii(c.in);
    REQUIRE(ascii.ok());
    CHECK(ascii.value() == c.out);
  }
}

TEST_CASE("HostToAscii: invalid names are clear errors", "[crawler]") {
  SECTION("a label over 63 bytes") {
    const auto ascii = HostToAscii(std::string(64, 'a') + ".gov.cn");
    REQUIRE_FALSE(ascii.ok());
    CHECK_THAT(ascii.status().message(), Catch::Contains("IDN2_TOO_BIG_LABEL"));
  }
  SECTION("a Unicode label too long once encoded") {
    std::string label;
    for (int i = 0; i < 30; ++i) label += "政务";
    const auto ascii = HostToAscii(label + ".政务");
    REQUIRE_FALSE(ascii.ok());
    CHECK_THAT(ascii.status().message(), Catch::Contains("63 bytes"));
  }
  SECTION("empty labels") {
    CHECK_FALSE(HostToAscii("").ok());
    CHECK_FALSE(HostToAscii("a..gov.cn").ok());
    CHECK_FALSE(HostToAscii(".gov.cn").ok());
  }
  SECTION("a name over 253 bytes") {
    std::string name;
    for (int i = 0; i < 5; ++i) name += std::string(60, 'a') + ".";
    name += "cn";
    const auto ascii = HostToAscii(name);
    REQUIRE_FALSE(ascii.ok());
    CHECK_THAT(ascii.status().message(), Catch::Contains("253"));
  }
}

TEST_CASE("WwwTwin: www. and the bare name are twins", "[crawler]") {
  CHECK(WwwTwin("www.example.gov.cn") == "example.gov.cn");
  CHECK(WwwTwin("example.gov.cn") == "www.example.gov.cn");
  CHECK(WwwTwin("www.cn").empty());
  CHECK(WwwTwin("localhost").empty());
  CHECK(WwwTwin("127.0.0.1").empty());
  CHECK(WwwTwin("[::1]").empty());
}
