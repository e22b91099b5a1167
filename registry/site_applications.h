// Site applications: the site-opening review / recheck of 党政机关 and the
// badge application of 事业单位 and 社会组织 — the same form, two state
// machines (registry/workflow.h). Every step is authorised, recorded with its
// actor, time and reason, audited, and notified where the procedure says so.
// Writer thread for the steps; any connection for the reads.
#ifndef BADGEWATCH_REGISTRY_SITE_APPLICATIONS_H_
#define BADGEWATCH_REGISTRY_SITE_APPLICATIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/registry.h"
#include "registry/sites.h"
#include "registry/workflow.h"

namespace badgewatch::registry {

enum class OpeningType { kNew, kRecheck };  // 新开办网站申请 / 已开办网站复核

struct SiteForm {
  OpeningType opening_type = OpeningType::kNew;
  SiteFields site;
  std::string handler_mobile;
  std::int64_t sms_verification_id = 0;  // from RequestSmsCode, confirmed
};

// The unit submits (workflow chosen by its kind). Returns the application id.
[[nodiscard]] Result<std::int64_t> SubmitApplication(Registry& registry, const Actor& actor,
                                                     const SiteForm& form);

// The unit edits a rejected application and submits it again: a new revision,
// the old one kept.
[[nodiscard]] Status ResubmitApplication(Registry& registry, const Actor& actor,
                                         std::int64_t application_id, const SiteForm& form);

// A step without a form: the reviewers' regional-pass/-reject,
// materials-received, materials-reject, issue-badge, conac-pass/-reject
// (rejections need a reason) and the unit's withdraw. The step that reaches
// "badge-issued" creates (or, for a recheck, updates) the site and issues its
// badge in the same transaction; it is refused (kFailedPrecondition) while a
// site of another unit carries one of the application's domains.
[[nodiscard]] Status DecideApplication(Registry& registry, const Actor& actor,
                                       std::int64_t application_id, WorkflowAction action,
                                       const std::string& reason);

struct ApplicationSummary {
  std::int64_t id = 0;
  Workflow workflow = Workflow::kSiteOpening;
  OpeningType opening_type = OpeningType::kNew;  // always kNew for a badge application
  std::string state;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string region_code;
  std::string division_code;  // the unit's own: its office reviews first
  std::string site_name;      // of the latest revision
  int revision = 0;
  std::optional<std::int64_t> site_id;
};

using ApplicationStep = ReviewStep;

// Applications in `state` (all when empty), in id order.
[[nodiscard]] Result<std::vector<ApplicationSummary>> ListApplications(Database& db,
                                                                       const std::string& state);
// One application; kNotFound when absent.
[[nodiscard]] Result<ApplicationSummary> LoadApplication(Database& db, std::int64_t id);
// The form of `revision` (1 = first submission); kNotFound when absent.
[[nodiscard]] Result<SiteForm> LoadApplicationForm(Database& db, std::int64_t id, int revision);
// Every step, oldest first.
[[nodiscard]] Result<std::vector<ApplicationStep>> ApplicationHistory(Database& db,
                                                                      std::int64_t id);
// A Chinese domain the unit may name on its form: registered and not expired.
struct ChoosableDomain {
  std::string name;        // 浙江大学.公益
  std::string ascii_name;  // xn--...
};
// The unit's choosable Chinese domains at `now`, in registration order.
[[nodiscard]] Result<std::vector<ChoosableDomain>> ChoosableChineseDomains(Database& db,
                                                                           std::int64_t unit_id,
                                                                           std::int64_t now);

// The sites of other units that carry a domain of the application's latest
// form (what the reviewers must see, and what refuses the badge); empty when
// none.
[[nodiscard]] Result<std::vector<DomainHolder>> ApplicationDomainConflicts(
    Database& db, const ApplicationSummary& application);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_SITE_APPLICATIONS_H_
