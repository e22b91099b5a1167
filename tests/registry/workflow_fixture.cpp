#include "tests/registry/workflow_fixture.h"

#include <stdexcept>

#include "registry/domains.h"
#include "registry/outbox.h"
#include "registry/sms_verification.h"

namespace badgewatch::registry::testing {
namespace {

template <typename T>
T Must(Result<T> result) {
  if (!result) throw std::runtime_error(result.status().ToString());
  return std::move(result).value();
}

void Must(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

}  // namespace

UnitFields ValidUnit(UnitKind kind, const std::string& region, const std::string& name) {
  UnitFields f;
  f.kind = kind;
  f.region_code = region;
  f.system_category = kind == UnitKind::kPartyGovernment ? "政府" : "教育";
  f.name = name;
  f.address = "浙江省杭州市解放东路18号";
  f.handler_name = "王经办";
  f.mobile = "13800138000";
  f.email = "handler@example.gov.cn";
  return f;
}

WorkflowFixture::WorkflowFixture() {
  reviewer33 = Must(CreateStaffAccount(*registry, "zj-reviewer", Role::kRegional, "33"));
  reviewer11 = Must(CreateStaffAccount(*registry, "bj-reviewer", Role::kRegional, "11"));
  conac = Must(CreateStaffAccount(*registry, "conac-staff", Role::kConac, ""));
  agency = Must(RegisterUnit(*registry, ValidUnit(UnitKind::kPartyGovernment, "33", "杭州市教育局"),
                             "hz-edu"));
  institution = Must(
      RegisterUnit(*registry, ValidUnit(UnitKind::kPublicInstitution, "33", "浙江大学"), "zju"));
}

std::string WorkflowFixture::LastSmsCode(const std::string& mobile) {
  std::vector<OutboxRow> rows = Must(ListOutbox(registry->writer()));
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    const Notification& n = it->notification;
    if (n.channel != Channel::kSms || n.recipient != mobile) continue;
    const std::size_t at = n.body.find_first_of("0123456789");
    if (at != std::string::npos) return n.body.substr(at, 6);
  }
  throw std::runtime_error("no SMS code for " + mobile);
}

std::int64_t WorkflowFixture::ConfirmedMobile(const Actor& unit, const std::string& mobile) {
  // Fixtures confirm a mobile for every form they submit: no per-mobile limits.
  constexpr SmsCodeLimits kFixtureLimits{1'000, 1'000, 1'000, 1'000, 1'000'000};
  const std::int64_t id = Must(RequestSmsCode(*registry, unit.account_id, mobile, kFixtureLimits));
  Must(ConfirmSmsCode(*registry, unit.account_id, id, LastSmsCode(mobile)));
  return id;
}

SiteForm WorkflowFixture::ValidForm(const Actor& unit, const std::string& site_name) {
  SiteForm form;
  form.site.name = site_name;
  form.site.english_domain =
      unit.unit_id == agency.unit_id ? "edu.hangzhou.gov.cn" : "www.zju.edu.cn";
  form.site.ips = {"10.0.0.1", "2001:db8::1"};
  form.site.introduction = "网站介绍：发布政务信息，提供在线服务。";
  form.handler_mobile = "13800138000";
  form.sms_verification_id = ConfirmedMobile(unit, form.handler_mobile);
  return form;
}

std::int64_t WorkflowFixture::RegisteredDomain(const Actor& unit, const std::string& name,
                                               const Actor* office) {
  const std::int64_t id = Must(SubmitDomain(*registry, unit, name, 1));
  const Actor& reviewer = office != nullptr ? *office : reviewer33;
  Must(DecideDomain(*registry, reviewer, id, WorkflowAction::kRegionalPass, ""));
  Must(DecideDomain(*registry, conac, id, WorkflowAction::kConacPass, ""));
  const std::int64_t payment = Must(RecordPayment(*registry, reviewer, unit.unit_id,
                                                  registry->domain_terms().fee_per_year_fen,
                                                  "BANK-" + std::to_string(next_reference++)));
  Must(ConfirmPayment(*registry, conac, payment));
  return id;
}

}  // namespace badgewatch::registry::testing
