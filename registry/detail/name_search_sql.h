// SQL fragments of the searches by name (string literals, pasted into the
// queries' constexpr text): the ids of the rows whose name holds the search,
// read from the trigram indexes of migration 12 when `phrase` binds an FTS5
// phrase (3 characters or more), else by LIKE when `like` binds a pattern
// (registry/name_search.h makes both; the unused one binds '').
//   BADGEWATCH_UNITS_NAMED_SQL(p, l)         units.id
//   BADGEWATCH_DOMAINS_NAMED_SQL(p, l)       domains.id
//   BADGEWATCH_SITES_NAMED_SQL(p, l)         applications.id, by site name
//   BADGEWATCH_DOMAIN_ROWS_SEARCHED_SQL(p, l) domains.id by its or its unit's name
#ifndef BADGEWATCH_REGISTRY_DETAIL_NAME_SEARCH_SQL_H_
#define BADGEWATCH_REGISTRY_DETAIL_NAME_SEARCH_SQL_H_

#define BADGEWATCH_NAMED_IDS_SQL(fts, table, key, phrase, like)                                \
  "SELECT rowid FROM " fts " WHERE " phrase " <> '' AND " fts " MATCH " phrase                 \
  " UNION ALL SELECT n." key " FROM " table " AS n WHERE " like " <> '' AND n.name LIKE " like \
  " ESCAPE '\\'"
#define BADGEWATCH_UNITS_NAMED_SQL(phrase, like) \
  BADGEWATCH_NAMED_IDS_SQL("unit_name_search", "units", "id", phrase, like)
#define BADGEWATCH_DOMAINS_NAMED_SQL(phrase, like) \
  BADGEWATCH_NAMED_IDS_SQL("domain_name_search", "domains", "id", phrase, like)
#define BADGEWATCH_SITES_NAMED_SQL(phrase, like)                                                  \
  BADGEWATCH_NAMED_IDS_SQL("application_site_search", "application_site_search", "rowid", phrase, \
                           like)
#define BADGEWATCH_DOMAIN_ROWS_SEARCHED_SQL(phrase, like)                                        \
  BADGEWATCH_DOMAINS_NAMED_SQL(phrase, like)                                                     \
  " UNION ALL SELECT dd.id FROM domains AS dd WHERE dd.unit_id IN (" BADGEWATCH_UNITS_NAMED_SQL( \
      phrase, like) ")"

#endif  // BADGEWATCH_REGISTRY_DETAIL_NAME_SEARCH_SQL_H_
