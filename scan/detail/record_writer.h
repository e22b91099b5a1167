// The scan's one registry writer: a thread that takes finished sites from the
// crawl loop and writes their records in batches (whatever finished while the
// last batch was written, one transaction each, so a kill loses at most the
// sites in flight and that batch), counts how each compares with the site's
// previous record (the registry works that out as it writes) and queues the
// unit's notification when its site newly fails. Submit from any thread;
// Close from the thread that created it.
#ifndef BADGEWATCH_SCAN_DETAIL_RECORD_WRITER_H_
#define BADGEWATCH_SCAN_DETAIL_RECORD_WRITER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "registry/compliance_records.h"
#include "registry/registry.h"
#include "registry/sites.h"
#include "registry/units.h"
#include "scan/scan_runner.h"

namespace badgewatch::scan::detail {

struct FinishedSite {
  registry::Site site;
  registry::Unit unit;
  registry::SiteRecord record;
};

class RecordWriter {
 public:
  RecordWriter(registry::Registry& registry, std::int64_t scan_id);
  ~RecordWriter();  // closes if Close was not called
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;

  void Submit(FinishedSite site);
  // True once a write failed; the scan should stop launching sites.
  [[nodiscard]] bool failed() const { return failed_.load(); }

  // Writes what is queued, stops the thread, adds the counts to `outcome`.
  // Returns the first failure, if any.
  [[nodiscard]] Status Close(ScanOutcome& outcome);

 private:
  static constexpr std::size_t kMaxBatch = 64;

  void Run();
  Status Write(const std::vector<FinishedSite>& batch);

  registry::Registry& registry_;
  const std::int64_t scan_id_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<FinishedSite> queue_;
  bool closing_ = false;
  std::atomic<bool> failed_{false};
  Status first_error_;
  ScanOutcome counts_;  // the writer thread's tallies, read after join
  std::thread thread_;
};

}  // namespace badgewatch::scan::detail

#endif  // BADGEWATCH_SCAN_DETAIL_RECORD_WRITER_H_
