// How many SMS codes may be sent: per mobile, per account and server-wide,
// counted over the stored codes on the fixture's fake clock.
#include <catch2/catch.hpp>
#include <string>

#include "registry/sms_verification.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

std::string Mobile(int i) {
  return "139000000" + std::string(i < 10 ? "0" : "") + std::to_string(i);
}

// Limits where only the ones a test sets can refuse.
constexpr SmsCodeLimits kUnlimited{1'000, 1'000, 1'000, 1'000, 1'000'000};

TEST_CASE("SMS code limits: one a minute and ten a day per mobile (12 codes to one mobile)",
          "[registry]") {
  WorkflowFixture f;
  SmsCodeLimits limits = kUnlimited;
  limits.per_mobile_per_minute = 1;
  limits.per_mobile_per_day = 10;
  const std::string mobile = "13800138000";
  REQUIRE(RequestSmsCode(*f.registry, f.agency.account_id, mobile, limits).ok());
  SmsCodeRefusal refusal;
  Result<std::int64_t> again =
      RequestSmsCode(*f.registry, f.institution.account_id, mobile, limits, &refusal);
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == StatusCode::kResourceExhausted);
  CHECK(again.status().message(badgewatch::Language::kChinese) ==
        "该手机号每分钟只能获取一次验证码，请 60 秒后再试。");
  CHECK(refusal.limit == SmsCodeLimit::kMobileMinute);
  CHECK(refusal.retry_after_seconds == 60);
  *f.now += 59;
  CHECK_FALSE(RequestSmsCode(*f.registry, f.agency.account_id, mobile, limits).ok());
  *f.now += 1;
  REQUIRE(RequestSmsCode(*f.registry, f.agency.account_id, mobile, limits).ok());
  for (int i = 2; i < 10; ++i) {
    *f.now += 60;
    REQUIRE(RequestSmsCode(*f.registry, f.agency.account_id, mobile, limits).ok());
  }
  *f.now += 60;
  Result<std::int64_t> eleventh =
      RequestSmsCode(*f.registry, f.agency.account_id, mobile, limits, &refusal);
  REQUIRE_FALSE(eleventh.ok());
  CHECK(refusal.limit == SmsCodeLimit::kMobileDay);
  // The first code of the day was 10 minutes ago: 23 h 50 min to wait.
  CHECK(refusal.retry_after_seconds == 24 * 3600 - 600);
  CHECK(eleventh.status().message(badgewatch::Language::kChinese) ==
        "该手机号 24 小时内获取验证码的次数已达上限，请 24 小时后再试。");
  CHECK(RequestSmsCode(*f.registry, f.agency.account_id, "13800138001", limits).ok());
  *f.now += 24 * 3600 - 600;
  CHECK(RequestSmsCode(*f.registry, f.agency.account_id, mobile, limits).ok());
}

TEST_CASE("SMS code limits: five an hour and ten a day per account (codes to 40 mobiles)",
          "[registry]") {
  WorkflowFixture f;
  SmsCodeLimits limits = kUnlimited;
  limits.per_account_per_hour = 5;
  limits.per_account_per_day = 10;
  int next = 0;
  const auto request = [&](const Actor& unit, SmsCodeRefusal* refusal = nullptr) {
    return RequestSmsCode(*f.registry, unit.account_id, Mobile(next++), limits, refusal);
  };
  for (int i = 0; i < 5; ++i) REQUIRE(request(f.agency).ok());
  SmsCodeRefusal refusal;
  Result<std::int64_t> sixth = request(f.agency, &refusal);
  REQUIRE_FALSE(sixth.ok());
  CHECK(refusal.limit == SmsCodeLimit::kAccountHour);
  CHECK(refusal.retry_after_seconds == 3600);
  CHECK(sixth.status().message(badgewatch::Language::kChinese) ==
        "本账号获取验证码过于频繁，请 60 分钟后再试。");
  CHECK(request(f.institution).ok());  // accounts are counted apart
  *f.now += 3600;
  for (int i = 0; i < 5; ++i) REQUIRE(request(f.agency).ok());
  *f.now += 3600;
  REQUIRE_FALSE(request(f.agency, &refusal).ok());
  CHECK(refusal.limit == SmsCodeLimit::kAccountDay);
  CHECK(refusal.retry_after_seconds == 22 * 3600);
}

TEST_CASE("SMS code limits: a ceiling for the whole server in 24 hours", "[registry]") {
  WorkflowFixture f;
  SmsCodeLimits limits = kUnlimited;
  limits.server_per_day = 3;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(RequestSmsCode(*f.registry, i % 2 == 0 ? f.agency.account_id : f.institution.account_id,
                           Mobile(i), limits)
                .ok());
    *f.now += 600;
  }
  SmsCodeRefusal refusal;
  Result<std::int64_t> over =
      RequestSmsCode(*f.registry, f.institution.account_id, Mobile(9), limits, &refusal);
  REQUIRE_FALSE(over.ok());
  CHECK(refusal.limit == SmsCodeLimit::kServerDay);
  CHECK(refusal.retry_after_seconds == 24 * 3600 - 1800);
  CHECK(over.status().message(badgewatch::Language::kChinese) ==
        "今日短信验证码发送量已达上限，请 24 小时后再试或联系管理员。");
  // Nothing was stored or queued for the refused one.
  Result<Statement> count = f.registry->writer().Prepare("SELECT count(*) FROM sms_verifications");
  REQUIRE(count.ok());
  REQUIRE(count->Step().value());
  CHECK(count->Int(0) == 3);
  *f.now += 24 * 3600 - 1800;
  CHECK(RequestSmsCode(*f.registry, f.institution.account_id, Mobile(9), limits).ok());
}

}  // namespace
}  // namespace badgewatch::registry
