#include "registry/workflow_labels.h"

#include <array>
#include <span>

namespace badgewatch::registry {
namespace {

struct CodeLabel {
  std::string_view code;
  Localized words;
};

constexpr std::array kStateLabels = {
    CodeLabel{"submitted", {"已提交，待初审", "submitted, awaiting the initial review"}},
    CodeLabel{"rejected", {"审核未通过，请修改后重新提交", "not approved: edit and submit again"}},
    CodeLabel{
        "initial-passed",
        {"初审通过，请报送书面申请材料", "initial review passed: hand in the paper materials"}},
    CodeLabel{
        "materials-received",
        {"书面申请材料已收到，待下发网站标识", "paper materials received, badge to be issued"}},
    CodeLabel{"regional-passed",
              {"初审通过，待CONAC复审", "passed the initial review, awaiting CONAC's review"}},
    CodeLabel{"badge-issued", {"已发放网站标识", "badge issued"}},
    CodeLabel{"withdrawn", {"已撤回", "withdrawn"}},
    CodeLabel{"conac-passed", {"CONAC审核通过", "Passed by CONAC"}},
    CodeLabel{"registered", {"已注册", "registered"}},
    CodeLabel{"expired", {"已到期，宽限期内可续费", "expired: renewable during the grace period"}},
    CodeLabel{"lapsed", {"已过续费宽限期，域名已失效", "lapsed: the grace period has ended"}},
    CodeLabel{"completed", {"已完成", "completed"}},
    CodeLabel{"recorded", {"已登记，待CONAC确认到账", "recorded, awaiting CONAC's confirmation"}},
    CodeLabel{"confirmed", {"已确认到账", "funds confirmed"}},
};

constexpr std::array kActionLabels = {
    CodeLabel{"submit", {"提交申请", "submitted"}},
    CodeLabel{"resubmit", {"修改后重新提交", "resubmitted"}},
    CodeLabel{"regional-pass", {"初审通过", "initial review passed"}},
    CodeLabel{"regional-reject", {"初审未通过", "not approved in the initial review"}},
    CodeLabel{"materials-received", {"书面申请材料已收到", "paper materials received"}},
    CodeLabel{"materials-reject", {"书面申请材料审核未通过", "paper materials not accepted"}},
    CodeLabel{"issue-badge", {"下发网站标识", "badge issued"}},
    CodeLabel{"conac-pass", {"CONAC复审通过，下发网站标识", "CONAC review passed, badge issued"}},
    CodeLabel{"conac-reject", {"CONAC审核未通过", "not approved by CONAC"}},
    CodeLabel{"withdraw", {"单位撤回申请", "withdrawn by the unit"}},
    CodeLabel{"register", {"缴费完成，域名注册成功", "fee paid, domain registered"}},
    CodeLabel{"expire", {"域名到期", "domain expired"}},
    CodeLabel{"lapse", {"续费宽限期结束，域名失效", "grace period ended, domain lapsed"}},
    CodeLabel{"renew", {"宽限期内续费，恢复注册", "renewed during the grace period"}},
};

Localized Find(std::span<const CodeLabel> labels, std::string_view code) {
  for (const CodeLabel& label : labels) {
    if (label.code == code) return label.words;
  }
  return {code, code};
}

}  // namespace

Localized RoleWords(Role role) {
  switch (role) {
    case Role::kUnit:
      return {"单位", "the unit"};
    case Role::kRegional:
      return {"区域审核员", "the regional reviewer"};
    case Role::kConac:
      return {"CONAC工作人员", "CONAC staff"};
  }
  return {"", ""};
}

Localized UnitKindWords(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPartyGovernment:
      return {"党政机关", "party or government agency"};
    case UnitKind::kPublicInstitution:
      return {"事业单位", "public institution"};
    case UnitKind::kSocialOrganisation:
      return {"社会组织", "social organisation"};
  }
  return {"", ""};
}

Localized WorkflowWords(Workflow workflow) {
  switch (workflow) {
    case Workflow::kSiteOpening:
      return {"网站开办审核", "site-opening review"};
    case Workflow::kBadge:
      return {"网站标识申请", "badge application"};
    case Workflow::kDomain:
      return {"域名注册", "domain registration"};
  }
  return {"", ""};
}

Localized StateWords(std::string_view state) { return Find(kStateLabels, state); }

Localized ActionWords(std::string_view action) { return Find(kActionLabels, action); }

Localized StateInError(std::string_view state) {
  return state.empty() ? Localized{"新申请", "(new)"} : Localized{StateWords(state).chinese, state};
}

Localized ActionInError(WorkflowAction action) {
  return {ActionWords(ActionName(action)).chinese, ActionName(action)};
}

Localized RoleInError(Role role) { return {RoleWords(role).chinese, RoleName(role)}; }

}  // namespace badgewatch::registry
