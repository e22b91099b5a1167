// The paper materials of a site-opening application, as print-ready HTML
// (A4, @media print) filled from the application: the letter
// 《关于申请对网站开办审核和资格复核的函》 and the form
// 《党政机关网站开办审核和资格复核申请表》. Read-only; any connection.
#ifndef BADGEWATCH_REGISTRY_PRINT_FORMS_H_
#define BADGEWATCH_REGISTRY_PRINT_FORMS_H_

#include <cstdint>
#include <string>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

// The letter. kFailedPrecondition unless the application is a site-opening
// application whose initial review has passed; kNotFound when absent.
[[nodiscard]] Result<std::string> RenderApplicationLetter(Database& db,
                                                          std::int64_t application_id);

// The application form (to be printed in three copies and sealed); the same
// conditions as the letter.
[[nodiscard]] Result<std::string> RenderApplicationForm(Database& db, std::int64_t application_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_PRINT_FORMS_H_
