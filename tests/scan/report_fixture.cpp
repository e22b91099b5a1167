#include "tests/scan/report_fixture.h"

#include <stdexcept>

namespace badgewatch::scan::testing {

ReportFixture::ReportFixture() {
  ReportSeed seed(*this);
  const std::int64_t education = seed.AddUnit("11", "北京市教育委员会");
  const std::int64_t health = seed.AddUnit("11", "北京市卫生健康委员会");
  const std::int64_t hangzhou = seed.AddUnit("33", "杭州市教育局");
  site1 = seed.AddSite(education, "北京教育网", "jw.beijing.gov.cn");
  site2 = seed.AddSite(health, "北京卫生健康网", "wjw.beijing.gov.cn");
  site3 = seed.AddSite(hangzhou, "杭州教育网", "edu.hangzhou.gov.cn");
  site4 = seed.AddSite(hangzhou, "杭州教育英文网", "en.edu.hangzhou.gov.cn", false);
  scan1 =
      seed.RunScan({PassingRecord(site1, 48), PassingRecord(site2, 30),
                    FailingRecord(site3, 10, {"badge-missing"}, {"http://edu.hangzhou.gov.cn/"}),
                    PassingRecord(site4, 20)});
  registry::SiteRecord health_record =
      FailingRecord(site2, 30, {"badge-missing", "title-mismatch"},
                    {"http://wjw.beijing.gov.cn/", "http://wjw.beijing.gov.cn/news/1.html",
                     "http://wjw.beijing.gov.cn/news/2.html"});
  health_record.warnings = {"charset-mismatch"};
  health_record.dead_links = 2;
  scan2 = seed.RunScan(
      {PassingRecord(site1, 50), health_record,
       FailingRecord(site3, 10, {"badge-id-mismatch"}, {"https://edu.hangzhou.gov.cn/about.html"}),
       PassingRecord(site4, 20)});
}

ComplianceReport ReportFixture::Build(const ReportRequest& request) {
  Result<ComplianceReport> report = BuildComplianceReport(registry->writer(), request, *now);
  if (!report) throw std::runtime_error(report.status().ToString());
  return std::move(report).value();
}

}  // namespace badgewatch::scan::testing
