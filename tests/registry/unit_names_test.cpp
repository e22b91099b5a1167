// Unit names compared as they read: a name that differs only by a zero-width
// character, a space variant or a compatibility form (NFKC) does not register
// a second unit, whether the unit registers itself or comes in an import.
#include "registry/unit_names.h"

#include <catch2/catch.hpp>
#include <string>

#include "registry/site_import.h"
#include "registry/units.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

TEST_CASE("UnitNames: the key drops zero-width characters, folds spaces and applies NFKC",
          "[registry]") {
  const std::string key = UnitNameKey("浙江 大学");
  for (const char* same : {"浙江\u00A0大学", "浙江\u3000大学", "浙江\u2002大学", "\u200B浙江 大学",
                           "浙江 \u200C大\u200D学", "浙江 大学\u2060", "\uFEFF浙江 大学"}) {
    INFO(same);
    CHECK(UnitNameKey(same) == key);
  }
  CHECK(UnitNameKey("ＺＪＵ（杭州）") == UnitNameKey("ZJU(杭州)"));
  CHECK(UnitNameKey("浙江大学") != key);  // a space that is there is not nothing
  CHECK(UnitNameKey("浙江工业大学") != UnitNameKey("浙江大学"));
  CHECK(UnitNameKey(std::string("\xFF\xFE", 2)) == std::string("\xFF\xFE", 2));
}

TEST_CASE("UnitNames: a unit name that differs only by U+200B or U+00A0 does not register twice",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const UnitFields first = testing::ValidUnit(UnitKind::kPublicInstitution, "33", "浙江 大学");
  REQUIRE(InsertUnit(db, first, *f.now).ok());
  for (const char* variant : {"浙江\u00A0大学", "浙江 \u200B大学", "浙江\u3000大学\uFEFF"}) {
    INFO(variant);
    Result<std::int64_t> again =
        InsertUnit(db, testing::ValidUnit(UnitKind::kPublicInstitution, "33", variant), *f.now);
    REQUIRE_FALSE(again.ok());
    CHECK(again.status().code() == StatusCode::kAlreadyExists);
    CHECK_THAT(again.status().message(),
               Catch::StartsWith("a unit named '浙江 大学' already exists in region 33"));
  }
  CHECK(InsertUnit(db, testing::ValidUnit(UnitKind::kPublicInstitution, "11", "浙江\u00A0大学"),
                   *f.now)
            .ok());  // another region
  CHECK(InsertUnit(db, testing::ValidUnit(UnitKind::kPublicInstitution, "33", "浙江 大学 医院"),
                   *f.now)
            .ok());

  // An import finds the unit under either spelling, and refuses two new
  // spellings of one new name.
  const std::string header =
      "kind,region,system_category,unit_name,address,handler_name,mobile,email,unit_number,"
      "site_name,english_domain,chinese_domain,hosted_on_platform,ips,introduction,badge_id\n";
  const auto row = [](const std::string& name, const std::string& site) {
    return "事业单位,33,教育," + name + ",地址,张三,13800138000,a@b.cn,,网站," + site +
           ".zju.edu.cn,,0,127.0.0.1,介绍,\n";
  };
  Result<std::optional<std::int64_t>> before = FindUnitByName(db, "33", "浙江\u200B 大学");
  REQUIRE(before.ok());
  REQUIRE(before->has_value());
  ImportReport joined =
      ImportUnitsAndSites(*f.registry, header + row("浙江\u00A0大学", "www")).value();
  INFO((joined.errors.empty() ? std::string() : joined.errors[0].message));
  CHECK(joined.committed);
  CHECK(joined.units_created == 0);
  ImportReport twice = ImportUnitsAndSites(*f.registry, header + row("宁波 大学", "nb") +
                                                            row("宁波\u00A0大学", "nb2"))
                           .value();
  CHECK(twice.committed);
  CHECK(twice.units_created == 1);  // the second row joined the unit the first created
  CHECK(FindUnitByName(db, "33", "宁波\u3000大学")->has_value());
}

}  // namespace
}  // namespace badgewatch::registry
