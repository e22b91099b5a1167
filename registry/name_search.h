// A search by name as the registry's trigram indexes take it (migration 12):
// an FTS5 phrase for 3 characters or more, a LIKE pattern for fewer (a
// trigram index cannot answer 1 or 2 characters). Any thread.
//
// Example:
//   NameSearch search = NameSearchOf("教育局");  // fts_phrase "\"教育局\""
#ifndef BADGEWATCH_REGISTRY_NAME_SEARCH_H_
#define BADGEWATCH_REGISTRY_NAME_SEARCH_H_

#include <string>
#include <string_view>

namespace badgewatch::registry {

// At most one of the two is set; both empty for an empty search.
struct NameSearch {
  std::string fts_phrase;    // the characters in a row, quotes doubled
  std::string like_pattern;  // %…%, with '\' escaping % _ and '\'
};

[[nodiscard]] NameSearch NameSearchOf(std::string_view search);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_NAME_SEARCH_H_
