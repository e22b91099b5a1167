// Records one workflow step: a review_steps row (actor, time, from, to,
// reason) and its audit entry, inside the caller's transaction. Writer thread.
#ifndef BADGEWATCH_REGISTRY_DETAIL_WORKFLOW_STEP_H_
#define BADGEWATCH_REGISTRY_DETAIL_WORKFLOW_STEP_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "registry/accounts.h"
#include "registry/registry.h"
#include "registry/workflow.h"

namespace badgewatch::registry::detail {

// `subject_kind` is "application" or "domain". An actor without an account
// (SystemActor) is recorded as the system.
[[nodiscard]] Status RecordStep(Registry& registry, const Actor& actor,
                                std::string_view subject_kind, std::int64_t subject_id,
                                const Transition& transition, std::string_view reason);

// The steps of one subject, oldest first.
[[nodiscard]] Result<std::vector<ReviewStep>> ReviewHistory(Database& db,
                                                            std::string_view subject_kind,
                                                            std::int64_t subject_id);

// The reason a transition needs, trimmed; kInvalidArgument when it needs one
// and `reason` is blank.
[[nodiscard]] Status CheckReason(const Transition& transition, std::string_view reason);

}  // namespace badgewatch::registry::detail

#endif  // BADGEWATCH_REGISTRY_DETAIL_WORKFLOW_STEP_H_
