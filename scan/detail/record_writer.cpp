#include "scan/detail/record_writer.h"

#include <fmt/format.h>

#include <string>
#include <utility>

#include "registry/outbox.h"
#include "registry/transaction.h"
#include "scan/compliance_record_builder.h"
#include "verifier/problem_descriptions.h"

namespace badgewatch::scan::detail {

namespace {

// The SMS/e-mail a unit gets when its site newly fails: what is wrong, in
// Chinese (the units are Chinese agencies), with the help line.
std::string NewlyFailingBody(const FinishedSite& finished) {
  std::string body = fmt::format(
      "您单位网站“{}”在本次网站标识检查中未通过（{}个页面中{}个有问题）：",
      finished.site.fields.name, finished.record.pages_total, finished.record.pages_failed);
  for (const std::string& code : finished.record.problems) {
    const auto description = verifier::FindProblemDescription(code);
    body += fmt::format("\n- {}", description ? description->chinese : std::string_view(code));
  }
  body += "\n请尽快整改。咨询电话：010-52035000";
  return body;
}

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

registry::Status RecordWriter::Close(ScanOutcome& outcome) {
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
    FinishedSite next;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, all written
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    if (failed_.load()) continue;  // drain without writing after a failure
    if (registry::Status status = Write(next); !status.ok()) {
      first_error_ = status;
      failed_.store(true);
    }
  }
}

registry::Status RecordWriter::Write(const FinishedSite& finished) {
  const registry::SiteRecord& record = finished.record;
  registry::Result<std::optional<registry::StoredRecord>> previous =
      registry::PreviousSiteRecord(registry_.writer(), record.site_id, scan_id_);
  if (!previous) return previous.status();
  if (registry::Status s = registry::WriteSiteRecord(registry_, scan_id_, record); !s.ok()) {
    return s;
  }
  ++counts_.sites_scanned;
  counts_.pages_total += static_cast<std::size_t>(record.pages_total);
  counts_.pages_failed += static_cast<std::size_t>(record.pages_failed);
  if (record.verdict == "pass") ++counts_.sites_passed;
  if (record.verdict != "pass") ++counts_.sites_failed;
  if (IsUnreachable(record)) ++counts_.sites_unreachable;

  std::optional<registry::SiteRecord> before;
  if (*previous) before = (*previous)->record;
  switch (CompareWithPrevious(before, record)) {
    case SiteChange::kFirstRecord:
      ++counts_.first_records;
      return registry::Status::Ok();
    case SiteChange::kStillPassing:
      return registry::Status::Ok();
    case SiteChange::kFixed:
      ++counts_.fixed;
      return registry::Status::Ok();
    case SiteChange::kStillFailing:
      ++counts_.still_failing;
      return registry::Status::Ok();
    case SiteChange::kNewlyUnreachable:
      ++counts_.newly_unreachable;
      return registry::Status::Ok();
    case SiteChange::kNewlyFailing:
      ++counts_.newly_failing;
      break;
  }
  registry::Result<registry::Transaction> txn = registry::Transaction::Begin(registry_.writer());
  if (!txn) return txn.status();
  if (registry::Status s =
          registry::NotifyUnit(registry_, finished.unit,
                               fmt::format("网站标识检查未通过：{}", finished.site.fields.name),
                               NewlyFailingBody(finished));
      !s.ok()) {
    return s;
  }
  if (registry::Status s = txn->Commit(); !s.ok()) return s;
  ++counts_.notifications;
  return registry::Status::Ok();
}

}  // namespace badgewatch::scan::detail
