#include "registry/name_search.h"

#include "registry/field_validation.h"

namespace badgewatch::registry {

NameSearch NameSearchOf(std::string_view search) {
  NameSearch out;
  if (search.empty()) return out;
  if (CountCodePoints(search) >= 3) {
    out.fts_phrase = "\"";
    for (char c : search) {
      if (c == '"') out.fts_phrase += '"';
      out.fts_phrase += c;
    }
    out.fts_phrase += '"';
    return out;
  }
  out.like_pattern = "%";
  for (char c : search) {
    if (c == '%' || c == '_' || c == '\\') out.like_pattern += '\\';
    out.like_pattern += c;
  }
  out.like_pattern += '%';
  return out;
}

}  // namespace badgewatch::registry
