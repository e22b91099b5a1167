// The notices a unit gets after a review decision and a domain rejection:
// written Chinese, the state in words in the subject, a reviewer's reason as
// one clause of the sentence (no "。。").
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "registry/outbox.h"
#include "registry/site_applications.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

// The e-mail rows queued so far whose subject or body mentions `text`.
std::vector<Notification> MailsMentioning(WorkflowFixture& f, const std::string& text) {
  std::vector<Notification> mails;
  for (const OutboxRow& row : ListOutbox(f.registry->writer()).value()) {
    const Notification& n = row.notification;
    if (n.channel != Channel::kEmail) continue;
    if (n.subject.find(text) != std::string::npos || n.body.find(text) != std::string::npos) {
      mails.push_back(n);
    }
  }
  return mails;
}

TEST_CASE("Decision notices: a rejection reads as one sentence, the subject names the state",
          "[registry]") {
  WorkflowFixture f;
  const std::int64_t id =
      SubmitApplication(*f.registry, f.agency, f.ValidForm(f.agency, "杭州市教育局")).value();
  REQUIRE(DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalReject,
                            "网站名称与单位名称不符，请删除。")
              .ok());
  const std::vector<Notification> rejected = MailsMentioning(f, "未通过审核");
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].subject ==
        "网站“杭州市教育局”的申请（编号" + std::to_string(id) + "）未通过审核");
  CHECK(rejected[0].body.find("。。") == std::string::npos);
  CHECK_THAT(rejected[0].body,
             Catch::EndsWith("原因：网站名称与单位名称不符，请删除。请修改后重新提交。"));

  REQUIRE(
      ResubmitApplication(*f.registry, f.agency, id, f.ValidForm(f.agency, "杭州市教育局")).ok());
  REQUIRE(DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalPass, "").ok());
  const std::vector<Notification> passed = MailsMentioning(f, "已通过初审");
  REQUIRE(passed.size() == 1);
  CHECK(passed[0].subject ==
        "网站“杭州市教育局”的申请（编号" + std::to_string(id) + "）已通过初审");
  for (const Notification& n : MailsMentioning(f, "杭州市教育局")) {
    INFO(n.subject);
    // No raw state code ("rejected", "initial-passed") reaches a unit.
    CHECK(n.subject.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos);
  }
}

}  // namespace
}  // namespace badgewatch::registry
