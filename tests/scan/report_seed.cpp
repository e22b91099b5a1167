#include "tests/scan/report_seed.h"

#include <stdexcept>

#include "registry/badges.h"
#include "registry/sites.h"
#include "registry/transaction.h"
#include "registry/units.h"

namespace badgewatch::scan::testing {
namespace {

template <typename T>
T Must(Result<T> result) {
  if (!result) throw std::runtime_error(result.status().ToString());
  return std::move(result).value();
}

void Must(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

}  // namespace

std::int64_t ReportSeed::AddUnit(const std::string& region_code, const std::string& name) {
  registry::Database& db = fixture_.registry->writer();
  registry::Transaction txn = Must(registry::Transaction::Begin(db));
  registry::UnitFields fields;
  fields.kind = registry::UnitKind::kPublicInstitution;
  fields.region_code = region_code;
  fields.system_category = "教育";
  fields.name = name;
  fields.address = "北京市东城区北池子大街";
  fields.handler_name = "李经办";
  fields.mobile = "13800138000";
  fields.email = "handler@example.gov.cn";
  const std::int64_t id = Must(registry::InsertUnit(db, fields, *fixture_.now));
  Must(txn.Commit());
  return id;
}

std::int64_t ReportSeed::AddSite(std::int64_t unit_id, const std::string& name,
                                 const std::string& english_domain, bool badge) {
  registry::Database& db = fixture_.registry->writer();
  registry::Transaction txn = Must(registry::Transaction::Begin(db));
  registry::SiteFields fields;
  fields.name = name;
  fields.english_domain = english_domain;
  fields.ips = {"127.0.0.1"};
  fields.introduction = "测试网站";
  const std::int64_t id =
      Must(registry::InsertSite(db, unit_id, fields, std::nullopt, *fixture_.now));
  if (badge) Must(registry::IssueBadge(db, id, std::nullopt, *fixture_.now));
  Must(txn.Commit());
  return id;
}

std::int64_t ReportSeed::RunScan(const std::vector<registry::SiteRecord>& records) {
  registry::Registry& registry = *fixture_.registry;
  const std::int64_t scan = Must(registry::StartScan(registry, registry::ScanKind::kNightly));
  for (const registry::SiteRecord& record : records) {
    Must(registry::WriteSiteRecord(registry, scan, record));
  }
  *fixture_.now += 3600;
  Must(registry::FinishScan(registry, scan));
  *fixture_.now += 86'400 - 3600;
  return scan;
}

ComplianceReport ReportSeed::LatestReport() const {
  return Must(BuildComplianceReport(fixture_.registry->writer(), {}, *fixture_.now));
}

registry::SiteRecord PassingRecord(std::int64_t site_id, int pages) {
  registry::SiteRecord record;
  record.site_id = site_id;
  record.verdict = "pass";
  record.pages_total = pages;
  return record;
}

registry::SiteRecord FailingRecord(std::int64_t site_id, int pages,
                                   std::vector<std::string> problems,
                                   const std::vector<std::string>& urls) {
  registry::SiteRecord record;
  record.site_id = site_id;
  record.verdict = "fail";
  record.problems = problems;
  record.pages_total = pages;
  record.pages_failed = static_cast<int>(urls.size());
  for (const std::string& url : urls) record.failing_pages.push_back({url, 200, problems, ""});
  return record;
}

}  // namespace badgewatch::scan::testing
