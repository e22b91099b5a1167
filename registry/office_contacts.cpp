#include "registry/office_contacts.h"

#include <fmt/format.h>

#include "registry/divisions.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr std::size_t kMaxOfficePhoneChars = 30;

constexpr char kSelectOfficeContact[] =
    "SELECT address, phone FROM office_contacts WHERE division_code = ?";
constexpr char kUpsertOfficeContact[] =
    "INSERT INTO office_contacts (division_code, address, phone, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (division_code) DO UPDATE SET address = excluded.address, "
    "phone = excluded.phone, updated_at = excluded.updated_at";

std::optional<FieldError> CheckOfficePhone(std::string_view phone) {
  bool ok = phone.size() <= kMaxOfficePhoneChars;
  for (char c : phone) {
    ok = ok && ((c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '+' || c == '(' || c == ')');
  }
  if (ok) return std::nullopt;
  return FieldError{"phone", Error<errors::kOfficePhoneInvalid>(phone)};
}

}  // namespace

Result<std::optional<OfficeContact>> LoadOfficeContact(Database& db, std::string_view office_code) {
  Result<Statement> s = db.Prepare(kSelectOfficeContact);
  if (!s) return s.status();
  if (Status b = s->Bind({office_code}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) return std::optional<OfficeContact>();
  return std::optional<OfficeContact>(OfficeContact{s->Text(0), s->Text(1)});
}

Result<std::vector<FieldError>> UpdateOfficeContact(Registry& registry, const Actor& actor,
                                                    std::string_view office_code,
                                                    const OfficeContact& contact) {
  const bool may = actor.role == Role::kConac ||
                   (actor.role == Role::kRegional && OfficeCovers(actor.office_code, office_code));
  if (!may) return Error<errors::kOfficeContactNotYours>(office_code);
  Database& db = registry.writer();
  Result<std::optional<Division>> division = FindDivision(db, office_code);
  if (!division) return division.status();
  if (!*division) return Error<errors::kDivisionUnknown>(office_code);
  std::vector<FieldError> errors;
  if (auto e = CheckBoundedText("address", {"机构地址", "office address"}, contact.address,
                                kMaxOfficeAddressChars)) {
    errors.push_back(*std::move(e));
  }
  if (auto e = CheckOfficePhone(contact.phone)) errors.push_back(*std::move(e));
  if (!errors.empty()) return errors;

  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<std::optional<OfficeContact>> before = LoadOfficeContact(db, office_code);
  if (!before) return before.status();
  Result<Statement> upsert = db.Prepare(kUpsertOfficeContact);
  if (!upsert) return upsert.status();
  Status bound = upsert->Bind({office_code, contact.address, contact.phone, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = upsert->Run(); !s.ok()) return s;
  const OfficeContact old = before->value_or(OfficeContact{});
  Status audited =
      registry.Audit({ActorLabel(actor), "office.contact", fmt::format("office:{}", office_code),
                      fmt::format("address '{}' -> '{}'; phone '{}' -> '{}'", old.address,
                                  contact.address, old.phone, contact.phone)});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return errors;
}

}  // namespace badgewatch::registry
