#include "registry/registration_form.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "registry/accounts.h"
#include "registry/passwords.h"
#include "registry/registry_errors.h"
#include "registry/statement.h"
#include "registry/unit_names.h"

namespace badgewatch::registry {
namespace {

constexpr char kLoginTaken[] = "SELECT count(*) FROM accounts WHERE login = ?";

}  // namespace

Result<RegistrationCheck> CheckRegistrationForm(Database& db, const UnitFields& given,
                                                std::string_view login, std::string_view password) {
  const UnitFields fields = WithDivision(given);
  Result<std::vector<FieldError>> errors = CheckUnitFields(db, fields);
  if (!errors) return errors.status();
  RegistrationCheck check;
  const auto has_error = [&errors](std::string_view field) {
    return std::any_of(errors->begin(), errors->end(),
                       [field](const FieldError& e) { return e.field == field; });
  };
  if (!has_error("name") && !has_error("region")) {
    Result<std::optional<std::int64_t>> same = FindUnitByName(db, fields.region_code, fields.name);
    if (!same) return same.status();
    if (*same) {
      errors->push_back({"name", Error<errors::kRegisteredNameTaken>(fields.name)});
      ++check.taken;
    }
  }
  if (Status s = ValidateLogin(login); !s.ok()) {
    errors->push_back({"login", std::move(s)});
  } else {
    Result<Statement> taken = db.Prepare(kLoginTaken);
    if (!taken) return taken.status();
    if (Status b = taken->Bind({login}); !b.ok()) return b;
    Result<std::optional<std::int64_t>> count = FirstRow(*taken, FirstColumnInt);
    if (!count) return count.status();
    if (count->value_or(0) > 0) {
      errors->push_back({"login", Error<errors::kLoginTaken>(login)});
      ++check.taken;
    }
  }
  if (Status s = CheckPasswordPolicy(login, password); !s.ok()) {
    errors->push_back({"password", std::move(s)});
  }
  check.errors = std::move(errors).value();
  return check;
}

}  // namespace badgewatch::registry
