// What people read for the registry's codes, in Chinese and English: roles,
// unit kinds, workflows, application states and review steps ("initial-passed"
// → 初审通过，请报送书面申请材料). The pages show them, and the registry's
// errors carry them (foundation/error_text.h's Localized). Pure; any thread.
#ifndef BADGEWATCH_REGISTRY_WORKFLOW_LABELS_H_
#define BADGEWATCH_REGISTRY_WORKFLOW_LABELS_H_

#include <string_view>

#include "foundation/error_text.h"
#include "registry/unit_kind.h"
#include "registry/workflow.h"

namespace badgewatch::registry {

// 单位 / 区域审核员 / CONAC工作人员.
[[nodiscard]] Localized RoleWords(Role role);
// 党政机关 / 事业单位 / 社会组织.
[[nodiscard]] Localized UnitKindWords(UnitKind kind);
// 网站开办审核 / 网站标识申请 / 域名注册.
[[nodiscard]] Localized WorkflowWords(Workflow workflow);
// An application's state ("submitted" → 已提交，待初审); the code itself, in
// both languages, for a state without a label.
[[nodiscard]] Localized StateWords(std::string_view state);
// A review step as the history shows it ("regional-pass" → 初审通过); the
// code itself for an unknown one.
[[nodiscard]] Localized ActionWords(std::string_view action);

// For the text of an error: the Chinese label, and in English the code itself
// ("submitted", "regional-pass", "conac"), as the API and the command line
// name them.
[[nodiscard]] Localized StateInError(std::string_view state);
[[nodiscard]] Localized ActionInError(WorkflowAction action);
[[nodiscard]] Localized RoleInError(Role role);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_WORKFLOW_LABELS_H_
