// CSV onboarding: a good file imports and exports back the same; one bad row
// and nothing is imported, every bad row reported; a kill -9 in the middle of
// a 10,000-row import leaves nothing, a finished one leaves everything.
#include "registry/site_import.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "registry/sites.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/child_process.h"

namespace badgewatch::registry {
namespace {

using testing::RegistryFixture;

constexpr char kHeader[] =
    "kind,region,system_category,unit_name,address,handler_name,mobile,email,unit_number,"
    "site_name,english_domain,chinese_domain,hosted_on_platform,ips,introduction,badge_id\n";

std::int64_t Count(Database& db, const char* sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->Step().value());
  return s->Int(0);
}

// `rows` units of region 33, each with one badged site.
std::string GeneratedCsv(int rows) {
  std::string csv = kHeader;
  for (int i = 0; i < rows; ++i) {
    const std::string number = std::to_string(10000000 + i);
    csv += "党政机关,33,政府,单位" + std::to_string(i) + ",杭州市某路" + std::to_string(i) +
           "号,张三,13800138000,a@b.cn," + number + ",网站" + std::to_string(i) + ",s" +
           std::to_string(i) + ".hangzhou.gov.cn,,0,127.0.0.1,介绍,CA330000000" + number + "0001\n";
  }
  return csv;
}

TEST_CASE("SiteImport: imports units, sites and existing badges, exports the same", "[registry]") {
  RegistryFixture f;
  const std::string csv =
      std::string(kHeader) +
      "党政机关,33,政府,杭州市教育局,杭州市解放东路18号,王经办,13800138000,edu@hz.gov.cn,"
      "60433378,杭州教育网,edu.hangzhou.gov.cn,教育局.政务,0,10.0.0.1 2001:db8::1,"
      "\"介绍, 含逗号\",CA330000000604333780001\n"
      "党政机关,33,政府,杭州市教育局,杭州市解放东路18号,王经办,13800138000,edu@hz.gov.cn,"
      "60433378,杭州教育考试网,,,1,10.0.0.2,介绍,CA330000000604333780003\n"
      "事业单位,11,教育,北京大学,北京市海淀区颐和园路5号,李四,13900139000,pku@pku.edu.cn,,"
      ",,,,,,\n";
  ImportReport report = ImportUnitsAndSites(*f.registry, csv).value();
  INFO((report.errors.empty() ? std::string() : report.errors[0].message));
  REQUIRE(report.committed);
  CHECK(report.rows == 3);
  CHECK(report.units_created == 2);
  CHECK(report.sites_created == 2);
  std::vector<Site> sites = ListSites(f.registry->writer()).value();
  REQUIRE(sites.size() == 2);
  CHECK(sites[1].sequence == 3);
  CHECK(sites[1].badge_id == "CA330000000604333780003");
  CHECK(sites[1].fields.hosted_on_platform);

  const std::string exported = ExportUnitsAndSites(f.registry->writer()).value();
  std::string expected = csv;  // the unit without a number got the first free one
  expected.replace(expected.find("pku.edu.cn,,"), 12, "pku.edu.cn,90000000,");
  CHECK(exported == expected);

  RegistryFixture other;
  REQUIRE(ImportUnitsAndSites(*other.registry, exported)->committed);
  CHECK(ExportUnitsAndSites(other.registry->writer()).value() == exported);
}

TEST_CASE("SiteImport: any bad row and nothing is imported, every bad row reported", "[registry]") {
  RegistryFixture f;
  std::string csv = GeneratedCsv(50);
  csv += "党政机关,33,政府,坏单位1,地址,张三,1380013800,a@b.cn,,网站,x.gov.cn,,0,1.2.3.4,介绍,\n";
  csv += "党政机关,33,政府,坏单位2,地址,张三,13800138000,a@b.cn,,网站,x.com,,0,1.2.3.4,介绍,\n";
  csv +=
      "党政机关,44,政府,坏单位3,地址,张三,13800138000,a@b.cn,,网站,y.gov.cn,,0,1.2.3.4,介绍,"
      "CA330000000100000000001\n";
  csv += "机关,33,政府,坏单位4,地址,张三,13800138000,a@b.cn,,,,,,,,\n";
  csv += "党政机关,33,政府,坏单位5\n";
  ImportReport report = ImportUnitsAndSites(*f.registry, csv).value();
  CHECK_FALSE(report.committed);
  REQUIRE(report.errors.size() == 5);
  CHECK(report.errors[0].line == 52);
  CHECK(report.errors[0].message ==
        "mobile '1380013800' is not a mainland mobile number (11 digits starting with 13-19)");
  CHECK(report.errors[1].message ==
        "English domain 'x.com' must end in .gov.cn (or tick the CONAC hosting platform box)");
  CHECK(report.errors[2].message == "badge id CA330000000100000000001 is of region 33, not 44");
  CHECK(report.errors[3].message == "kind '机关' is not 党政机关, 事业单位 or 社会组织");
  CHECK(report.errors[4].message == "4 fields, the header has 16");
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM units") == 0);
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM sites") == 0);

  SECTION("a wrong header is refused before any row") {
    Result<ImportReport> bad = ImportUnitsAndSites(*f.registry, "kind,region,colour\n");
    CHECK(bad.status().message() == "the CSV has no 'system_category' column");
  }
  SECTION("a badge id already issued is a row error") {
    REQUIRE(ImportUnitsAndSites(*f.registry, GeneratedCsv(1))->committed);
    std::string again = GeneratedCsv(1);
    again.replace(again.find("网站0"), std::string("网站0").size(), "另一网站");
    ImportReport dup = ImportUnitsAndSites(*f.registry, again).value();
    REQUIRE(dup.errors.size() == 1);
    CHECK_THAT(dup.errors[0].message, Catch::Contains("already has a site number 1"));
  }
}

TEST_CASE(
    "SiteImport: kill -9 in the middle of 10,000 rows leaves nothing, a finished import "
    "leaves all",
    "[registry][slow]") {
  RegistryFixture f;
  const std::string csv = GeneratedCsv(10'000);
  f.registry.reset();  // the child process is the only writer

  int halfway[2];
  int never[2];
  REQUIRE(pipe(halfway) == 0);
  REQUIRE(pipe(never) == 0);
  const pid_t parent = getpid();
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    badgewatch::testing::TieToTestProcess(parent);
    Result<std::unique_ptr<Registry>> registry = Registry::Open(f.path);
    if (!registry) _exit(3);
    (void)ImportUnitsAndSites(**registry, csv, [&](std::size_t rows) {
      if (rows != 5'000) return;
      const char byte = 'h';
      (void)write(halfway[1], &byte, 1);
      char ignored;
      (void)read(never[0], &ignored, 1);  // blocks: the parent kills us here
    });
    _exit(4);  // never reached
  }
  // The parent keeps only the ends it uses, so a child that exits early reads
  // as end of file here instead of a read that never returns.
  close(halfway[1]);
  close(never[0]);
  char byte = 0;
  const ssize_t got = read(halfway[0], &byte, 1);  // the child has written 5,000 rows, uncommitted
  REQUIRE(kill(child, SIGKILL) == 0);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  for (int fd : {halfway[0], never[1]}) close(fd);
  REQUIRE(got == 1);
  CHECK(WIFSIGNALED(status));

  f.Reopen();
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM units") == 0);
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM sites") == 0);
  CHECK(Count(f.registry->writer(), "PRAGMA integrity_check") == 0);  // "ok" reads as 0

  ImportReport report = ImportUnitsAndSites(*f.registry, csv).value();
  CHECK(report.committed);
  f.Reopen();
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM units") == 10'000);
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM badges") == 10'000);
}

}  // namespace
}  // namespace badgewatch::registry

namespace badgewatch::registry {
namespace {

TEST_CASE("SiteImport: invalid UTF-8 and NUL bytes are refused with their line, nothing imported",
          "[registry]") {
  const auto [bad, message] = GENERATE(table<std::string, std::string>({
      {std::string("\xFF", 1), "line 5: bytes that are not UTF-8"},
      {std::string("\xC0\xAF", 2), "line 5: bytes that are not UTF-8"},          // overlong '/'
      {std::string("\xED\xA0\x80", 3), "line 5: bytes that are not UTF-8"},      // a surrogate
      {std::string("\xE6\x9D", 2), "line 5: bytes that are not UTF-8"},          // cut short
      {std::string("\xD5\xE3\xBD\xAD", 4), "line 5: bytes that are not UTF-8"},  // GBK 浙江
      {std::string("a\0b", 3), "line 5: a NUL byte"},
  }));
  CAPTURE(message);
  RegistryFixture f;
  std::string csv = GeneratedCsv(2);
  // The third row spans lines 4 and 5 (a quoted address with a line break);
  // the bad bytes stand on line 5, in its site name.
  csv += "党政机关,33,政府,单位甲,\"杭州市\n某路1号\",张三,13800138000,a@b.cn,,网站" + bad +
         ",jia.hangzhou.gov.cn,,0,127.0.0.1,介绍,\n";
  csv +=
      "党政机关,33,政府,单位乙,地址,张三,13800138000,a@b.cn,,网站,yi.hangzhou.gov.cn,,0,"
      "127.0.0.1,介绍,\n";
  Result<ImportReport> refused = ImportUnitsAndSites(*f.registry, csv);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(refused.status().message() == message + " (the file must be UTF-8 text)");
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM units") == 0);
  CHECK(Count(f.registry->writer(), "SELECT count(*) FROM sites") == 0);
}

}  // namespace
}  // namespace badgewatch::registry
