#include "registry/domain_availability.h"

#include "registry/chinese_domain_names.h"

namespace badgewatch::registry {
namespace {

// The same rows the unique index domains_live_name keeps apart.
constexpr char kSelectLiveDomainName[] =
    "SELECT 1 FROM domains WHERE ascii_name = ? AND state NOT IN ('rejected', 'lapsed') LIMIT 1";

}  // namespace

Result<DomainAvailability> CheckDomainAvailability(Database& db, std::string_view name,
                                                   UnitKind kind) {
  Result<std::string> ascii = ValidateChineseDomain(name, kind);
  if (!ascii) return ascii.status();
  Result<Statement> s = db.Prepare(kSelectLiveDomainName);
  if (!s) return s.status();
  if (Status b = s->Bind({*ascii}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  return DomainAvailability{*std::move(ascii), !*row};
}

}  // namespace badgewatch::registry
