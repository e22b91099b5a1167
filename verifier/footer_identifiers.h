// Finds the registration identifiers Chinese government pages carry in their
// footer text: the ICP filing number (京ICP备12345678号-1), the public-security
// filing number (京公网安备 11010502000001号) and the 10-digit 政府网站标识码.
// Pure functions, safe on any thread.
//
// Example:
//   Identifiers ids;
//   FindIdentifiers("主办：某某局 京ICP备12345678号-1 网站标识码：1100000088", ids);
//   // ids.icp == {"京ICP备12345678号-1"}, ids.site_id_codes == {"1100000088"}
#ifndef BADGEWATCH_VERIFIER_FOOTER_IDENTIFIERS_H_
#define BADGEWATCH_VERIFIER_FOOTER_IDENTIFIERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::verifier {

struct Identifiers {
  std::vector<std::string> icp;              // "京ICP备12345678号-1", "浙ICP证000001号"
  std::vector<std::string> public_security;  // "京公网安备11010502000001号" (inner spaces removed)
  std::vector<std::string> site_id_codes;  // "1100000088"
};

// Scans UTF-8 text (the page's visible text, any length) and appends every
// identifier found to `out`, in order of appearance, without duplicates
// (including duplicates already in `out`). Cheap on text that holds none: the
// markers ("ICP", "公网安备", "标识码") are searched for before any pattern runs.
void FindIdentifiers(std::string_view text, Identifiers& out);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_FOOTER_IDENTIFIERS_H_
