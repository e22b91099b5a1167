// Every form field's rule with the exact message shown to the applicant:
// registration (附件一), the site form, SMS codes, Chinese domain names.
#include "registry/field_validation.h"

#include <catch2/catch.hpp>
#include <string>

#include "registry/chinese_domain_names.h"
#include "registry/sms_verification.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::ValidUnit;
using testing::WorkflowFixture;

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST_CASE("Registration: each invalid field is refused with its message", "[registry]") {
  WorkflowFixture f;
  struct Case {
    const char* what;
    void (*edit)(UnitFields&);
    const char* message;
  };
  const Case cases[] = {
      {"unit name", [](UnitFields& u) { u.name = " "; }, "请填写单位名称。"},
      {"address", [](UnitFields& u) { u.address = ""; }, "请填写单位地址。"},
      {"handler", [](UnitFields& u) { u.handler_name = ""; }, "请填写经办人姓名。"},
      {"mobile missing", [](UnitFields& u) { u.mobile = ""; }, "请填写经办人手机号。"},
      {"mobile short", [](UnitFields& u) { u.mobile = "1380013800"; },
       "手机号“1380013800”不是有效的大陆手机号码（以 13-19 开头的 11 位数字）。"},
      {"mobile landline", [](UnitFields& u) { u.mobile = "01052035000"; },
       "手机号“01052035000”不是有效的大陆手机号码（以 13-19 开头的 11 位数字）。"},
      {"mobile 12", [](UnitFields& u) { u.mobile = "12800138000"; },
       "手机号“12800138000”不是有效的大陆手机号码（以 13-19 开头的 11 位数字）。"},
      {"e-mail missing", [](UnitFields& u) { u.email = ""; }, "请填写电子邮箱。"},
      {"e-mail no at", [](UnitFields& u) { u.email = "handler.example.cn"; },
       "电子邮箱“handler.example.cn”不是有效的邮箱地址。"},
      {"e-mail no dot", [](UnitFields& u) { u.email = "a@localhost"; },
       "电子邮箱“a@localhost”不是有效的邮箱地址。"},
      {"region", [](UnitFields& u) { u.region_code = "99"; }, "所属区域“99”不在行政区划列表中。"},
      {"category", [](UnitFields& u) { u.system_category = "火星"; },
       "系统类别“火星”不在类别列表中。"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      UnitFields fields = ValidUnit(UnitKind::kPartyGovernment, "33", "新单位");
      c.edit(fields);
      Result<Actor> registered = RegisterUnit(*f.registry, fields, "new-unit");
      REQUIRE_FALSE(registered.ok());
      CHECK(registered.status().code() == StatusCode::kInvalidArgument);
      CHECK(registered.status().message(badgewatch::Language::kChinese) == c.message);
    }
  }
  SECTION("a bad login") {
    Result<Actor> registered =
        RegisterUnit(*f.registry, ValidUnit(UnitKind::kPartyGovernment, "33", "新单位"), "a b");
    CHECK(registered.status().message(badgewatch::Language::kChinese) ==
          "登录名“a b”须为 3–64 个英文字母、数字、“.”、“_”或“-”");
  }
  SECTION("a taken login and a duplicate unit name") {
    CHECK(RegisterUnit(*f.registry, ValidUnit(UnitKind::kPartyGovernment, "33", "新单位"), "hz-edu")
              .status()
              .code() == StatusCode::kAlreadyExists);
    CHECK(RegisterUnit(*f.registry, ValidUnit(UnitKind::kPartyGovernment, "33", "杭州市教育局"),
                       "other")
              .status()
              .code() == StatusCode::kAlreadyExists);
  }
}

TEST_CASE("Site form: each invalid field is refused with its message", "[registry]") {
  WorkflowFixture f;
  struct Case {
    const char* what;
    void (*edit)(SiteForm&);
    const char* message;
  };
  const Case cases[] = {
      {"name", [](SiteForm& s) { s.site.name = ""; }, "website name is required"},
      {"chinese suffix", [](SiteForm& s) { s.site.chinese_domain = "教育局.公益"; },
       "Chinese domain '教育局.公益' must end in .政务 (or .政务.cn) for a 党政机关"},
      {"chinese not owned", [](SiteForm& s) { s.site.chinese_domain = "别人的.政务"; },
       "Chinese domain '别人的.政务' is not a registered domain of this unit"},
      {"english suffix", [](SiteForm& s) { s.site.english_domain = "edu.hangzhou.com"; },
       "English domain 'edu.hangzhou.com' must end in .gov.cn (or tick the CONAC hosting "
       "platform box)"},
      {"english missing", [](SiteForm& s) { s.site.english_domain.reset(); },
       "English domain is required (or tick the CONAC hosting platform box)"},
      {"english bad host", [](SiteForm& s) { s.site.english_domain = "edu_x..gov.cn"; },
       "English domain 'edu_x..gov.cn' is not a valid host name"},
      {"platform and english", [](SiteForm& s) { s.site.hosted_on_platform = true; },
       "leave the English domain empty when the site is built on the CONAC hosting platform"},
      {"no ip", [](SiteForm& s) { s.site.ips.clear(); }, "at least one IP address is required"},
      {"bad ipv4", [](SiteForm& s) { s.site.ips = {"10.0.0.256"}; },
       "IP address '10.0.0.256' is neither IPv4 nor IPv6"},
      {"bad ipv6", [](SiteForm& s) { s.site.ips = {"2001:db8:::1"}; },
       "IP address '2001:db8:::1' is neither IPv4 nor IPv6"},
      {"intro missing", [](SiteForm& s) { s.site.introduction = ""; }, "introduction is required"},
      {"intro 501 chars", [](SiteForm& s) { s.site.introduction = Repeat("政", 501); },
       "introduction has 501 characters; at most 500 are allowed"},
      {"intro broken utf-8", [](SiteForm& s) { s.site.introduction = "abc\xE6\x94"; },
       "introduction is not valid UTF-8 text"},
      {"mobile", [](SiteForm& s) { s.handler_mobile = "12345"; },
       "mobile '12345' is not a mainland mobile number (11 digits starting with 13-19)"},
      {"mobile not confirmed", [](SiteForm& s) { s.sms_verification_id = 9999; },
       "the handler's mobile is not confirmed by an SMS code"},
      {"confirmed for another mobile", [](SiteForm& s) { s.handler_mobile = "13900139000"; },
       "the SMS code was confirmed for another mobile number"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      SiteForm form = f.ValidForm(f.agency, "杭州市教育局");
      c.edit(form);
      Result<std::int64_t> submitted = SubmitApplication(*f.registry, f.agency, form);
      REQUIRE_FALSE(submitted.ok());
      CHECK(submitted.status().message() == c.message);
    }
  }
  SECTION("a confirmed SMS code serves one submission") {
    SiteForm form = f.ValidForm(f.agency, "杭州市教育局");
    REQUIRE(SubmitApplication(*f.registry, f.agency, form).ok());
    CHECK(SubmitApplication(*f.registry, f.agency, form).status().message() ==
          "the SMS code was already used for a submission; request a new one");
  }
  SECTION("500 Chinese characters (1500 bytes) are allowed") {
    SiteForm form = f.ValidForm(f.agency, "杭州市教育局");
    form.site.introduction = Repeat("政", 500);
    CHECK(SubmitApplication(*f.registry, f.agency, form).ok());
  }
  SECTION("the hosting platform box replaces the English domain") {
    SiteForm form = f.ValidForm(f.agency, "杭州市教育局");
    form.site.english_domain.reset();
    form.site.hosted_on_platform = true;
    CHECK(SubmitApplication(*f.registry, f.agency, form).ok());
  }
  SECTION("an owned .政务 domain is accepted, in either suffix form") {
    (void)f.RegisteredDomain(f.agency, "杭州教育.政务");
    SiteForm form = f.ValidForm(f.agency, "杭州市教育局");
    form.site.chinese_domain = "杭州教育.政务";
    CHECK(SubmitApplication(*f.registry, f.agency, form).ok());
  }
  SECTION("a public institution's English domain need not be .gov.cn") {
    CHECK(
        SubmitApplication(*f.registry, f.institution, f.ValidForm(f.institution, "浙江大学")).ok());
  }
}

TEST_CASE("Chinese domains: suffix per unit kind, IDNA, length", "[registry]") {
  CHECK(ValidateChineseDomain("教育局.政务", UnitKind::kPartyGovernment).value() ==
        "xn--dgtp5sd2w.xn--zfr164b");
  CHECK(ValidateChineseDomain("教育局.政务.cn", UnitKind::kPartyGovernment).ok());
  CHECK(ValidateChineseDomain("浙江大学.公益", UnitKind::kPublicInstitution).ok());
  CHECK(ValidateChineseDomain("浙江大学.政务", UnitKind::kSocialOrganisation).status().message() ==
        "Chinese domain '浙江大学.政务' must end in .公益 (or .公益.cn) for a 社会组织");
  CHECK(ValidateChineseDomain(".政务", UnitKind::kPartyGovernment).status().message() ==
        "Chinese domain '.政务' needs a name before .政务");
  const std::string long_label = "中华人民共和国国务院办公厅关于加强党政机关网站安全管理的通知";
  CHECK(
      ValidateChineseDomain(long_label + ".政务", UnitKind::kPartyGovernment).status().message() ==
      "Chinese domain '" + long_label +
          ".政务' is too long: a label exceeds 63 bytes in its ASCII (xn--) form");
  std::string long_name;
  for (int i = 0; i < 30; ++i) long_name += "中华人民共和国国务院.";
  CHECK(ValidateChineseDomain(long_name + "政务", UnitKind::kPartyGovernment).status().message() ==
        "Chinese domain '" + long_name +
            "政务' is too long: more than 253 bytes in its ASCII (xn--) form");
  CHECK(ValidateChineseDomain("a b.政务", UnitKind::kPartyGovernment).status().message() ==
        "Chinese domain 'a b.政务' contains ' ', which a domain name may not hold");
  CHECK(ValidateChineseDomain("☃.政务", UnitKind::kPartyGovernment).status().message() ==
        "Chinese domain '☃.政务' is not a valid internationalised name: string contains a "
        "disallowed character");
  CHECK(ValidateChineseDomain("-教育.政务", UnitKind::kPartyGovernment).status().message() ==
        "Chinese domain '-教育.政务' is not a valid internationalised name: string start/ends "
        "with forbidden hyphen");
}

TEST_CASE("SMS code: hashed, 10-minute expiry, 5 attempts", "[registry]") {
  WorkflowFixture f;
  const std::int64_t id = RequestSmsCode(*f.registry, f.agency.account_id, "13800138000").value();
  const std::string code = f.LastSmsCode("13800138000");
  REQUIRE(code.size() == 6);
  {
    Result<Statement> s = f.registry->writer().Prepare(
        "SELECT count(*) FROM sms_verifications WHERE code_sha256 = ? OR salt = ?");
    REQUIRE(s.ok());
    REQUIRE(s->Bind({std::string_view(code), std::string_view(code)}).ok());
    REQUIRE(s->Step().value());
    CHECK(s->Int(0) == 0);  // the code itself is stored nowhere
  }
  const std::string wrong = code == "000000" ? "111111" : "000000";
  SECTION("a wrong code counts down the attempts, then locks") {
    for (int left = 4; left >= 0; --left) {
      Status s = ConfirmSmsCode(*f.registry, f.agency.account_id, id, wrong);
      CHECK(s.message() == "wrong SMS code (" + std::to_string(left) + " attempts left)");
    }
    Status locked = ConfirmSmsCode(*f.registry, f.agency.account_id, id, code);
    CHECK(locked.code() == StatusCode::kFailedPrecondition);
    CHECK(locked.message() == "too many wrong SMS codes; request a new one");
  }
  SECTION("the code expires after 10 minutes") {
    *f.now += kSmsCodeLifetimeSeconds;
    CHECK(ConfirmSmsCode(*f.registry, f.agency.account_id, id, code).message() ==
          "the SMS code has expired; request a new one");
  }
  SECTION("the right code within 10 minutes confirms once") {
    *f.now += kSmsCodeLifetimeSeconds - 1;
    CHECK(ConfirmSmsCode(*f.registry, f.agency.account_id, id, code).ok());
    CHECK(ConfirmSmsCode(*f.registry, f.agency.account_id, id, code).message() ==
          "the SMS code was already confirmed");
  }
  SECTION("another account can neither confirm the code nor submit with it") {
    CHECK(ConfirmSmsCode(*f.registry, f.institution.account_id, id, code).code() ==
          StatusCode::kNotFound);
    REQUIRE(ConfirmSmsCode(*f.registry, f.agency.account_id, id, code).ok());
    SiteForm form = f.ValidForm(f.institution, "浙江大学门户网站");
    form.sms_verification_id = id;  // the agency's confirmed code for the same mobile
    Result<std::int64_t> refused = SubmitApplication(*f.registry, f.institution, form);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == StatusCode::kFailedPrecondition);
  }
  SECTION("an invalid mobile gets no code") {
    CHECK(RequestSmsCode(*f.registry, f.agency.account_id, "1380013800").status().code() ==
          StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace badgewatch::registry
