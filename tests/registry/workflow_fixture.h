// A registry populated for workflow tests: reviewers of regions 33 and 11, a
// CONAC staff member, an agency (党政机关) and a public institution in region
// 33, and helpers that confirm an SMS code and fill a valid form. One test
// thread.
#ifndef BADGEWATCH_TESTS_REGISTRY_WORKFLOW_FIXTURE_H_
#define BADGEWATCH_TESTS_REGISTRY_WORKFLOW_FIXTURE_H_

#include <string>

#include "registry/accounts.h"
#include "registry/site_applications.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::registry::testing {

struct WorkflowFixture : RegistryFixture {
  WorkflowFixture();

  // The code in the newest SMS to `mobile` in the outbox.
  [[nodiscard]] std::string LastSmsCode(const std::string& mobile);
  // `unit` requests and confirms a code for `mobile`; returns the
  // verification id.
  [[nodiscard]] std::int64_t ConfirmedMobile(const Actor& unit, const std::string& mobile);
  // A valid form for `unit` (an agency gets a .gov.cn domain).
  [[nodiscard]] SiteForm ValidForm(const Actor& unit, const std::string& site_name);
  // Registers `name` for `unit` through every step, funded by a payment; the
  // regional steps by `office` (reviewer33 when null).
  [[nodiscard]] std::int64_t RegisteredDomain(const Actor& unit, const std::string& name,
                                              const Actor* office = nullptr);

  Actor reviewer33;
  Actor reviewer11;
  Actor conac;
  Actor agency;       // 党政机关, region 33
  Actor institution;  // 事业单位, region 33
  int next_reference = 1;
};

// The unit fields of a valid registration in `region`.
[[nodiscard]] UnitFields ValidUnit(UnitKind kind, const std::string& region,
                                   const std::string& name);

}  // namespace badgewatch::registry::testing

#endif  // BADGEWATCH_TESTS_REGISTRY_WORKFLOW_FIXTURE_H_
