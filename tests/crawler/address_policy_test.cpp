#include "crawler/address_policy.h"

#include <catch2/catch.hpp>
#include <string>

using badgewatch::crawler::AddressClass;
using badgewatch::crawler::AddressPolicy;
using badgewatch::crawler::ClassifyAddress;
using badgewatch::crawler::ParseNumericHost;

TEST_CASE("ParseNumericHost: odd numeric forms read as their plain address", "[crawler]") {
  struct Case {
    std::string host;
    std::string address;
  };
  const Case cases[] = {
      {"127.0.0.1", "127.0.0.1"},
      {"2130706433", "127.0.0.1"},
      {"0x7f.1", "127.0.0.1"},
      {"0177.0.0.1", "127.0.0.1"},
      {"0x7f000001", "127.0.0.1"},
      {"127.1", "127.0.0.1"},
      {"[::1]", "::1"},
      {"[::ffff:7f00:1]", "::ffff:127.0.0.1"},
      {"[::ffff:127.0.0.1]", "::ffff:127.0.0.1"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.host);
    const auto parsed = ParseNumericHost(c.host);
    REQUIRE(parsed);
    CHECK(parsed->to_string() == c.address);
  }
  CHECK_FALSE(ParseNumericHost("example.gov.cn"));
  CHECK_FALSE(ParseNumericHost("cafe"));
  CHECK_FALSE(ParseNumericHost("1.2.3.4 x"));
  CHECK_FALSE(ParseNumericHost("[::1"));
}

TEST_CASE("ClassifyAddress: the SSRF table", "[crawler]") {
  struct Case {
    std::string host;
    AddressClass cls;
  };
  const Case cases[] = {
      {"8.8.8.8", AddressClass::kPublic},
      {"202.108.22.5", AddressClass::kPublic},
      {"127.0.0.1", AddressClass::kLoopback},
      {"2130706433", AddressClass::kLoopback},
      {"0x7f.1", AddressClass::kLoopback},
      {"10.1.2.3", AddressClass::kPrivate},
      {"172.16.0.1", AddressClass::kPrivate},
      {"172.31.255.255", AddressClass::kPrivate},
      {"172.32.0.1", AddressClass::kPublic},
      {"192.168.1.1", AddressClass::kPrivate},
      {"169.254.169.254", AddressClass::kLinkLocal},
      {"100.64.0.1", AddressClass::kCgnat},
      {"100.127.255.255", AddressClass::kCgnat},
      {"100.128.0.1", AddressClass::kPublic},
      {"224.0.0.1", AddressClass::kMulticast},
      {"0.0.0.0", AddressClass::kUnspecified},
      {"0", AddressClass::kUnspecified},
      {"255.255.255.255", AddressClass::kReserved},
      {"240.0.0.1", AddressClass::kReserved},
      {"[::1]", AddressClass::kLoopback},
      {"[::]", AddressClass::kUnspecified},
      {"[::ffff:7f00:1]", AddressClass::kLoopback},
      {"[::ffff:10.0.0.1]", AddressClass::kPrivate},
      {"[::ffff:8.8.8.8]", AddressClass::kPublic},
      {"[64:ff9b::7f00:1]", AddressClass::kLoopback},
      {"[64:ff9b::a9fe:a9fe]", AddressClass::kLinkLocal},
      {"[64:ff9b::808:808]", AddressClass::kPublic},
      {"[2002:7f00:1::]", AddressClass::kLoopback},
      {"[2002:c0a8:101::1]", AddressClass::kPrivate},
      {"[fc00::1]", AddressClass::kPrivate},
      {"[fd12:3456::1]", AddressClass::kPrivate},
      {"[fe80::1]", AddressClass::kLinkLocal},
      {"[ff02::1]", AddressClass::kMulticast},
      {"[2001:db8::1]", AddressClass::kReserved},
      {"[2400:3200::1]", AddressClass::kPublic},
  };
  for (const Case& c : cases) {
    CAPTURE(c.host);
    const auto parsed = ParseNumericHost(c.host);
    REQUIRE(parsed);
    CHECK(ClassifyAddress(*parsed) == c.cls);
  }
}

TEST_CASE("AddressPolicy: refuses non-public addresses unless allowed", "[crawler]") {
  const auto loopback = *ParseNumericHost("127.0.0.1");
  const auto pub = *ParseNumericHost("8.8.8.8");
  SECTION("default") {
    const AddressPolicy policy(false);
    CHECK(policy.Check(pub).ok());
    const auto status = policy.Check(loopback);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("loopback") && Catch::Contains("--allow-private"));
  }
  SECTION("--allow-private") {
    const AddressPolicy policy(true);
    CHECK(policy.Check(loopback).ok());
  }
}
