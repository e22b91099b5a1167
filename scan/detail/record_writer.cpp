#include "scan/detail/record_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "registry/outbox.h"
#include "registry/transaction.h"
#include "scan/compliance_record_builder.h"
#include "scan/report_messages.h"

namespace badgewatch::scan::detail {

namespace {

// Failing pages named in a notice; the rest are counted and pointed to.
constexpr std::size_t kNoticePages = 5;

// Up to kNoticePages failing pages, one a line with what is wrong, then where
// the site's record lists them all.
std::string FailingPageLines(const FinishedSite& finished) {
  const registry::SiteRecord& record = finished.record;
  std::string lines;
  const std::size_t shown = std::min(record.failing_pages.size(), kNoticePages);
  if (shown > 0) lines += "\n问题页面：";
  for (std::size_t i = 0; i < shown; ++i) {
    const registry::FailingPage& page = record.failing_pages[i];
    std::string what;
    for (const std::string& code : page.problems) {
      if (!what.empty()) what += "；";
      what += ExplainCode(code, ReportLanguage::kChinese);
    }
    if (!page.detail.empty()) what += (what.empty() ? "" : "：") + page.detail;
    lines += fmt::format("\n{}. {}{}", i + 1, page.url, what.empty() ? "" : "（" + what + "）");
  }
  const std::size_t total = std::max(static_cast<std::size_t>(std::max(record.pages_failed, 0)),
                                     record.failing_pages.size());
  if (total > shown) lines += fmt::format("\n另有{}个问题页面未列出。", total - shown);
  lines += fmt::format(
      "\n全部问题页面请登录网站标识服务，在“标识管理”中点“查看全部问题页面”（/sites/{}）；"
      "整改后可在“网站自查”（/self-checks）重新检查。",
      record.site_id);
  return lines;
}

// The SMS/e-mail a unit gets when its site fails (newly, or on its first
// record): what is wrong, in Chinese (the units are Chinese agencies), the
// first failing pages, with the help line.
std::string FailingBody(const FinishedSite& finished) {
  std::string body = fmt::format(
      "您单位网站“{}”在本次网站标识检查中未通过（{}个页面中{}个有问题）：",
      finished.site.fields.name, finished.record.pages_total, finished.record.pages_failed);
  for (const std::string& code : finished.record.problems) {
    body += fmt::format("\n- {}", ExplainCode(code, ReportLanguage::kChinese));
  }
  body += FailingPageLines(finished);
  body += "\n请尽快整改。咨询电话：010-52035000";
  return body;
}

// The SMS/e-mail a unit gets when its site cannot be reached at all: 站点无法
// 访问 is a single-item veto of the national inspection, so it is told at once.
std::string UnreachableBody(const FinishedSite& finished) {
  std::string body = fmt::format(
      "您单位网站“{}”在本次网站标识检查中无法访问：{}个页面均未能获取，网站标识无法核验。"
      "请检查域名解析、服务器和网络是否正常。",
      finished.site.fields.name, finished.record.pages_total);
  body += FailingPageLines(finished);
  body += "\n咨询电话：010-52035000";
  return body;
}

// Whom a record tells, and with what: a site failing on its first record,
// newly failing or newly unreachable; nothing for the others.
struct SiteNotice {
  const FinishedSite* site;
  bool unreachable;
};

}  // namespace

RecordWriter::RecordWriter(registry::Registry& registry, std::int64_t scan_id)
    : registry_(registry), scan_id_(scan_id), thread_([this] { Run(); }) {}

RecordWriter::~RecordWriter() {
  ScanOutcome ignored;
  if (thread_.joinable()) (void)Close(ignored);
}

void RecordWriter::Submit(FinishedSite site) {
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(site));
  }
  wake_.notify_one();
}

Status RecordWriter::Close(ScanOutcome& outcome) {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  outcome.sites_scanned += counts_.sites_scanned;
  outcome.sites_passed += counts_.sites_passed;
  outcome.sites_failed += counts_.sites_failed;
  outcome.sites_unreachable += counts_.sites_unreachable;
  outcome.pages_total += counts_.pages_total;
  outcome.pages_failed += counts_.pages_failed;
  outcome.first_records += counts_.first_records;
  outcome.newly_failing += counts_.newly_failing;
  outcome.fixed += counts_.fixed;
  outcome.still_failing += counts_.still_failing;
  outcome.newly_unreachable += counts_.newly_unreachable;
  outcome.notifications += counts_.notifications;
  return first_error_;
}

void RecordWriter::Run() {
  while (true) {
    std::vector<FinishedSite> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, all written
      // Everything that finished while the last batch was written, up to kMaxBatch.
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    if (failed_.load()) continue;  // drain without writing after a failure
    if (Status status = Write(batch); !status.ok()) {
      first_error_ = status;
      failed_.store(true);
    }
  }
}

Status RecordWriter::Write(const std::vector<FinishedSite>& batch) {
  std::vector<registry::SiteRecord> records;
  for (const FinishedSite& finished : batch) records.push_back(finished.record);
  // Each record's change against the site's previous record, as stored with it.
  std::vector<SiteChange> changes;
  if (Status s = registry::WriteSiteRecords(registry_, scan_id_, records, &changes); !s.ok()) {
    return s;
  }
  std::vector<SiteNotice> notices;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const registry::SiteRecord& record = records[i];
    ++counts_.sites_scanned;
    counts_.pages_total += static_cast<std::size_t>(record.pages_total);
    counts_.pages_failed += static_cast<std::size_t>(record.pages_failed);
    if (record.verdict == "pass") ++counts_.sites_passed;
    if (record.verdict != "pass") ++counts_.sites_failed;
    if (IsUnreachable(record)) ++counts_.sites_unreachable;
    switch (changes[i]) {
      case SiteChange::kFirstRecord:
        ++counts_.first_records;
        if (record.verdict != "pass") notices.push_back({&batch[i], IsUnreachable(record)});
        break;
      case SiteChange::kStillPassing:
        break;
      case SiteChange::kFixed:
        ++counts_.fixed;
        break;
      case SiteChange::kStillFailing:
        ++counts_.still_failing;
        break;
      case SiteChange::kNewlyUnreachable:
        ++counts_.newly_unreachable;
        notices.push_back({&batch[i], true});
        break;
      case SiteChange::kNewlyFailing:
        ++counts_.newly_failing;
        notices.push_back({&batch[i], false});
        break;
    }
  }
  if (notices.empty()) return Status::Ok();
  Result<registry::Transaction> txn = registry::Transaction::Begin(registry_.writer());
  if (!txn) return txn.status();
  for (const SiteNotice& notice : notices) {
    const FinishedSite& finished = *notice.site;
    const std::string subject =
        std::string(notice.unreachable ? "网站无法访问：" : "网站标识检查未通过：") +
        finished.site.fields.name;
    const std::string body = notice.unreachable ? UnreachableBody(finished) : FailingBody(finished);
    if (Status s = registry::NotifyUnit(registry_, finished.unit, subject, body); !s.ok()) {
      return s;
    }
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  counts_.notifications += notices.size();
  return Status::Ok();
}

}  // namespace badgewatch::scan::detail
