// The review queue: what waits for each role, every state with awaiting_only
// off, kinds, states, region and office scope, submission dates, the search
// by name (trigram index and the short LIKE fallback), paging.
#include "registry/review_queue.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "registry/domains.h"
#include "registry/name_search.h"
#include "registry/units.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

// kind:asked of each row, in the queue's order.
std::vector<std::string> Asked(Database& db, const QueueFilter& filter, RowWindow window = {}) {
  std::vector<std::string> out;
  for (const QueueRow& row : ListQueueRows(db, filter, window).value())
    out.push_back(row.kind + ":" + row.asked);
  return out;
}

void SetTime(WorkflowFixture& f, const char* table, const char* column, std::int64_t id,
             std::int64_t at) {
  Result<Statement> s = f.registry->writer().Prepare(std::string("UPDATE ") + table + " SET " +
                                                     column + " = ? WHERE id = ?");
  REQUIRE(s.ok());
  REQUIRE(s->Bind({at, id}).ok());
  REQUIRE(s->Run().ok());
}

// The agency's work: one domain in each review state, a registered domain
// (its payment confirmed), its renewal, and a payment recorded; each
// submitted a day after the one before.
struct QueueWorld : WorkflowFixture {
  QueueWorld() {
    submitted = SubmitDomain(*registry, agency, "杭州教育局.政务", 1).value();
    passed = SubmitDomain(*registry, agency, "杭州财政局.政务", 1).value();
    REQUIRE(DecideDomain(*registry, reviewer33, passed, WorkflowAction::kRegionalPass, "").ok());
    rejected = SubmitDomain(*registry, agency, "杭州公安局.政务", 1).value();
    REQUIRE(DecideDomain(*registry, reviewer33, rejected, WorkflowAction::kRegionalReject, "重名")
                .ok());
    registered = RegisteredDomain(agency, "杭州税务局.政务");
    renewal = SubmitRenewal(*registry, agency, {registered}, 3).value();
    payment = RecordPayment(*registry, reviewer33, agency.unit_id, 12345, "BANK-Q1").value();
    std::int64_t day = 1'700'000'000;
    for (std::int64_t id : {submitted, passed, rejected, registered})
      SetTime(*this, "domains", "created_at", id, day += 86'400);
    SetTime(*this, "renewals", "created_at", renewal, day += 86'400);
    SetTime(*this, "payments", "recorded_at", payment, day += 86'400);
  }
  QueueFilter As(Role role) {
    QueueFilter filter;
    filter.role = role;
    if (role == Role::kRegional) {
      filter.region_code = "33";
      filter.office_prefix = "33";
    }
    if (role == Role::kUnit) filter.unit_id = agency.unit_id;
    return filter;
  }
  Database& db() { return registry->writer(); }

  std::int64_t submitted = 0, passed = 0, rejected = 0, registered = 0, renewal = 0, payment = 0;
};

TEST_CASE("Review queue: what waits for each role, newest first", "[registry]") {
  QueueWorld w;
  CHECK(Asked(w.db(), w.As(Role::kRegional)) == std::vector<std::string>{"domain:杭州教育局.政务"});
  CHECK(Asked(w.db(), w.As(Role::kConac)) ==
        std::vector<std::string>{"payment:12345", "renewal:3 years: 杭州税务局.政务",
                                 "domain:杭州财政局.政务"});
  CHECK(Asked(w.db(), w.As(Role::kUnit)) ==
        std::vector<std::string>{"renewal:3 years: 杭州税务局.政务", "domain:杭州公安局.政务"});
  CHECK(CountQueueRows(w.db(), w.As(Role::kConac)).value() == 3);
  const QueueRow first = ListQueueRows(w.db(), w.As(Role::kConac), {}).value().front();
  CHECK(first.id == w.payment);
  CHECK(first.amount_fen == 12345);
  CHECK(first.unit.id == w.agency.unit_id);
  CHECK(first.unit.region_code == "33");
  CHECK(first.state == "recorded");
}

TEST_CASE("Review queue: every state, by kind and state", "[registry]") {
  QueueWorld w;
  QueueFilter all = w.As(Role::kConac);
  all.awaiting_only = false;
  // The registered domain's own payment, confirmed, is listed too.
  CHECK(CountQueueRows(w.db(), all).value() == 7);
  all.kind = "domain";
  CHECK(Asked(w.db(), all) ==
        std::vector<std::string>{"domain:杭州税务局.政务", "domain:杭州公安局.政务",
                                 "domain:杭州财政局.政务", "domain:杭州教育局.政务"});
  all.state = "rejected";
  CHECK(Asked(w.db(), all) == std::vector<std::string>{"domain:杭州公安局.政务"});
  all.kind.clear();
  all.state = "submitted";  // a state of domains and renewals
  CHECK(Asked(w.db(), all) ==
        std::vector<std::string>{"renewal:3 years: 杭州税务局.政务", "domain:杭州教育局.政务"});
  // A state that waits for another role: nothing waits for CONAC there.
  QueueFilter waiting = w.As(Role::kConac);
  waiting.state = "submitted";
  CHECK(Asked(w.db(), waiting) == std::vector<std::string>{"renewal:3 years: 杭州税务局.政务"});
  waiting.kind = "domain";
  CHECK(CountQueueRows(w.db(), waiting).value() == 0);
}

TEST_CASE("Review queue: region and office scope", "[registry]") {
  QueueWorld w;
  QueueFilter filter = w.As(Role::kConac);
  filter.awaiting_only = false;
  filter.region_code = "11";
  CHECK(CountQueueRows(w.db(), filter).value() == 0);
  filter.region_code = "33";
  CHECK(CountQueueRows(w.db(), filter).value() == 7);
  // A city office of the province neither sees nor is waited for by the
  // province's units.
  QueueFilter city = w.As(Role::kRegional);
  city.office_prefix = "3301";
  CHECK(CountQueueRows(w.db(), city).value() == 0);
  city.awaiting_only = false;
  CHECK(CountQueueRows(w.db(), city).value() == 0);
  // The province's office sees them all with awaiting_only off.
  QueueFilter province = w.As(Role::kRegional);
  province.awaiting_only = false;
  CHECK(CountQueueRows(w.db(), province).value() == 7);
  QueueFilter other = w.As(Role::kRegional);
  other.region_code = "11";
  other.office_prefix = "11";
  other.awaiting_only = false;
  CHECK(CountQueueRows(w.db(), other).value() == 0);
}

TEST_CASE("Review queue: submitted between two times, inclusive", "[registry]") {
  QueueWorld w;
  QueueFilter filter = w.As(Role::kConac);
  filter.awaiting_only = false;
  filter.kind = "domain";
  filter.submitted_from = 1'700'000'000 + 2 * 86'400;
  filter.submitted_to = 1'700'000'000 + 3 * 86'400;
  CHECK(Asked(w.db(), filter) ==
        std::vector<std::string>{"domain:杭州公安局.政务", "domain:杭州财政局.政务"});
  filter.submitted_to.reset();
  CHECK(CountQueueRows(w.db(), filter).value() == 3);
}

TEST_CASE("Review queue: search by unit, site or domain name", "[registry]") {
  QueueWorld w;
  QueueFilter filter = w.As(Role::kConac);
  filter.awaiting_only = false;
  filter.search = "财政局";  // 3 characters: the trigram index
  CHECK(Asked(w.db(), filter) == std::vector<std::string>{"domain:杭州财政局.政务"});
  filter.search = "税务";  // 2 characters: LIKE; the renewal names the domain
  CHECK(Asked(w.db(), filter) ==
        std::vector<std::string>{"renewal:3 years: 杭州税务局.政务", "domain:杭州税务局.政务"});
  // The unit's name finds all its rows.
  const std::string unit_name = LoadUnit(w.db(), w.agency.unit_id).value().fields.name;
  filter.search = unit_name;
  CHECK(CountQueueRows(w.db(), filter).value() == 7);
  filter.search = "没有这个名字";
  CHECK(CountQueueRows(w.db(), filter).value() == 0);
  filter.search = "%";  // a LIKE wildcard is a character like any other
  CHECK(CountQueueRows(w.db(), filter).value() == 0);
  // A site application is found by its site name.
  const std::int64_t application =
      SubmitApplication(*w.registry, w.agency, w.ValidForm(w.agency, "杭州市民服务网")).value();
  filter.search = "市民服务";
  const std::vector<QueueRow> rows = ListQueueRows(w.db(), filter, {}).value();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].kind == "application");
  CHECK(rows[0].id == application);
  CHECK(rows[0].asked == "杭州市民服务网");
  // It waits for the regional office.
  QueueFilter regional = w.As(Role::kRegional);
  regional.kind = "application";
  CHECK(CountQueueRows(w.db(), regional).value() == 1);
}

TEST_CASE("Review queue: pages hold the next rows, the total all of them", "[registry]") {
  QueueWorld w;
  QueueFilter filter = w.As(Role::kConac);
  filter.awaiting_only = false;
  const std::vector<std::string> everything = Asked(w.db(), filter);
  REQUIRE(everything.size() == 7);
  const std::vector<std::string> page2 = Asked(w.db(), filter, {3, 3});
  CHECK(page2 == std::vector<std::string>(everything.begin() + 3, everything.begin() + 6));
  CHECK(Asked(w.db(), filter, {6, 3}).size() == 1);
  CHECK(CountQueueRows(w.db(), filter).value() == 7);
}

TEST_CASE("NameSearchOf: a phrase from 3 characters, an escaped pattern below", "[registry]") {
  CHECK(NameSearchOf("教育局").fts_phrase == "\"教育局\"");
  CHECK(NameSearchOf("a\"b").fts_phrase == "\"a\"\"b\"");
  CHECK(NameSearchOf("教育").like_pattern == "%教育%");
  CHECK(NameSearchOf("%_").like_pattern == "%\\%\\_%");
  CHECK(NameSearchOf("").fts_phrase.empty());
}

}  // namespace
}  // namespace badgewatch::registry
