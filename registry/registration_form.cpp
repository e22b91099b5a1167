#include "registry/registration_form.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "registry/accounts.h"
#include "registry/passwords.h"
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
      errors->push_back({"name", fmt::format("所属区域内已有名为“{}”的单位（不可见字符和空格变体不"
                                             "计），请核对单位名称，或用该单位已有的账号登录",
                                             fields.name)});
      ++check.taken;
    }
  }
  if (Status s = ValidateLogin(login); !s.ok()) {
    errors->push_back({"login", s.message(Language::kChinese)});
  } else {
    Result<Statement> taken = db.Prepare(kLoginTaken);
    if (!taken) return taken.status();
    if (Status b = taken->Bind({login}); !b.ok()) return b;
    Result<std::optional<std::int64_t>> count = FirstRow(*taken, FirstColumnInt);
    if (!count) return count.status();
    if (count->value_or(0) > 0) {
      errors->push_back({"login", fmt::format("登录名“{}”已被使用，请换一个", login)});
      ++check.taken;
    }
  }
  if (Status s = CheckPasswordPolicy(login, password); !s.ok()) {
    errors->push_back({"password", s.message(Language::kChinese)});
  }
  check.errors = std::move(errors).value();
  return check;
}

}  // namespace badgewatch::registry
