// SQL fragments of the office scope (string literals, pasted into the
// queries' constexpr text), so that every query reads a unit's division and
// an office's subtree the same way:
//   BADGEWATCH_UNIT_DIVISION_SQL("u.")   a unit's own division; units
//       registered before divisions count as their province's office
//   BADGEWATCH_UNIT_IN_OFFICE_SQL("?8")  true when that division (of the units
//       table aliased `u`) lies in the subtree whose prefix the parameter
//       binds (registry::OfficeSubtreePrefix)
//   BADGEWATCH_OFFICE_RECORDS_SQL("?1")  the compliance records (`cr.*`) of
//       the units in that subtree
#ifndef BADGEWATCH_REGISTRY_DETAIL_OFFICE_SCOPE_SQL_H_
#define BADGEWATCH_REGISTRY_DETAIL_OFFICE_SCOPE_SQL_H_

#define BADGEWATCH_UNIT_DIVISION_SQL(prefix) \
  "coalesce(" prefix "division_code, " prefix "region_code || '0000')"
#define BADGEWATCH_UNIT_IN_OFFICE_SQL(param) \
  "substr(" BADGEWATCH_UNIT_DIVISION_SQL("u.") ", 1, length(" param ")) = " param
#define BADGEWATCH_OFFICE_RECORDS_SQL(param)                                          \
  "SELECT cr.* FROM compliance_records AS cr JOIN sites AS s ON s.id = cr.site_id " \
  "JOIN units AS u ON u.id = s.unit_id WHERE " BADGEWATCH_UNIT_IN_OFFICE_SQL(param)

#endif  // BADGEWATCH_REGISTRY_DETAIL_OFFICE_SCOPE_SQL_H_
