// The terms of Chinese domain registration that come from badgewatch.toml's
// [domains] section, not from code: the fee per year, the grace period after
// expiry during which renewal still works, and CONAC's bank account the unit
// wires the fee to (户名, 开户行, 账号). Plain values; any thread.
//
// Example:
//   DomainTerms terms;                       // 300 元 a year, 30 days' grace
//   terms.bank_account = {"政务和公益机构域名注册管理中心", "某银行", "1234"};
//   RegistryOptions options{.domain_terms = terms};
#ifndef BADGEWATCH_REGISTRY_DOMAIN_TERMS_H_
#define BADGEWATCH_REGISTRY_DOMAIN_TERMS_H_

#include <cstdint>
#include <string>

namespace badgewatch::registry {

struct BankAccount {
  std::string account_name;    // 户名
  std::string bank;            // 开户行
  std::string account_number;  // 账号
  // All three are filled in: the notices and pages show the account.
  [[nodiscard]] bool configured() const {
    return !account_name.empty() && !bank.empty() && !account_number.empty();
  }
};

struct DomainTerms {
  std::int64_t fee_per_year_fen = 300'00;  // one domain, one year
  int grace_days = 30;  // after expiry, renewal still works; then the domain lapses
  BankAccount bank_account;
};

// Fen as yuan, with two decimals only when needed: 30000 -> "300",
// 12345 -> "123.45", 12340 -> "123.40".
[[nodiscard]] std::string YuanText(std::int64_t fen);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAIN_TERMS_H_
