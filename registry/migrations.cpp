#include "registry/migrations.h"

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>

#include "registry/detail/reference_lists.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

// Version 1: every table of issue 3. Money is in fen (1/100 yuan), times are
// Unix seconds (UTC). States are the workflow states of registry/workflow.h.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE regions (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 2),
  name TEXT NOT NULL UNIQUE
) WITHOUT ROWID;
CREATE TABLE system_categories (
  name TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('party-government', 'public-institution',
                                      'social-organisation')),
  region_code TEXT NOT NULL REFERENCES regions (code),
  system_category TEXT NOT NULL REFERENCES system_categories (name),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  handler_name TEXT NOT NULL,
  mobile TEXT NOT NULL,
  email TEXT NOT NULL,
  unit_number TEXT NOT NULL UNIQUE CHECK (length(unit_number) = 8),
  balance_fen INTEGER NOT NULL DEFAULT 0 CHECK (balance_fen >= 0),
  created_at INTEGER NOT NULL,
  UNIQUE (region_code, name)
);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('unit', 'regional', 'conac')),
  unit_id INTEGER REFERENCES units (id),
  region_code TEXT REFERENCES regions (code),
  created_at INTEGER NOT NULL,
  CHECK ((role = 'unit') = (unit_id IS NOT NULL)),
  CHECK ((role = 'regional') = (region_code IS NOT NULL))
);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE sms_verifications (
  id INTEGER PRIMARY KEY,
  mobile TEXT NOT NULL,
  salt TEXT NOT NULL,
  code_sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  confirmed_at INTEGER
);
CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  sequence INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 9999),
  name TEXT NOT NULL,
  chinese_domain TEXT,
  english_domain TEXT,
  hosted_on_platform INTEGER NOT NULL DEFAULT 0 CHECK (hosted_on_platform IN (0, 1)),
  ips TEXT NOT NULL,
  introduction TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (unit_id, sequence)
);
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('site-opening', 'badge')),
  opening_type TEXT NOT NULL CHECK (opening_type IN ('new', 'recheck')),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  state TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  site_id INTEGER REFERENCES sites (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX applications_by_state ON applications (state, id);
CREATE TABLE application_revisions (
  application_id INTEGER NOT NULL REFERENCES applications (id),
  revision INTEGER NOT NULL,
  form_json TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  PRIMARY KEY (application_id, revision)
) WITHOUT ROWID;
CREATE TABLE review_steps (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('application', 'domain')),
  subject_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_account_id INTEGER NOT NULL REFERENCES accounts (id),
  reason TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL
);
CREATE INDEX review_steps_by_subject ON review_steps (subject_kind, subject_id, id);
CREATE TABLE badges (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 23 AND substr(id, 1, 2) = 'CA'),
  site_id INTEGER NOT NULL UNIQUE REFERENCES sites (id),
  application_id INTEGER REFERENCES applications (id),
  issued_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE domains (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  name TEXT NOT NULL,
  ascii_name TEXT NOT NULL,
  state TEXT NOT NULL,
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 10),
  registered_at INTEGER,
  expires_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX domains_live_name ON domains (ascii_name) WHERE state <> 'rejected';
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  bank_reference TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('recorded', 'confirmed')),
  recorded_by INTEGER NOT NULL REFERENCES accounts (id),
  recorded_at INTEGER NOT NULL,
  confirmed_by INTEGER REFERENCES accounts (id),
  confirmed_at INTEGER
);
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL UNIQUE REFERENCES payments (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  amount_fen INTEGER NOT NULL,
  mailing_address TEXT NOT NULL,
  mailed_at INTEGER NOT NULL
);
CREATE TABLE balance_entries (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  delta_fen INTEGER NOT NULL,
  reason TEXT NOT NULL,
  reference TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE renewals (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 10),
  fee_fen INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('submitted', 'completed')),
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE TABLE renewal_domains (
  renewal_id INTEGER NOT NULL REFERENCES renewals (id),
  domain_id INTEGER NOT NULL REFERENCES domains (id),
  old_expires_at INTEGER,
  new_expires_at INTEGER,
  PRIMARY KEY (renewal_id, domain_id)
) WITHOUT ROWID;
CREATE TABLE domain_reminders (
  domain_id INTEGER NOT NULL REFERENCES domains (id),
  expires_at INTEGER NOT NULL,
  days_before INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  PRIMARY KEY (domain_id, expires_at, days_before)
) WITHOUT ROWID;
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
CREATE TABLE scans (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('nightly', 'self-check')),
  started_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE TABLE compliance_records (
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL REFERENCES scans (id),
  site_id INTEGER NOT NULL REFERENCES sites (id),
  verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail')),
  problems TEXT NOT NULL,
  warnings TEXT NOT NULL,
  pages_total INTEGER NOT NULL CHECK (pages_total >= 0),
  pages_failed INTEGER NOT NULL CHECK (pages_failed >= 0),
  recorded_at INTEGER NOT NULL,
  UNIQUE (scan_id, site_id)
);
CREATE INDEX compliance_records_by_site ON compliance_records (site_id, id);
CREATE TABLE failing_pages (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES compliance_records (id),
  url TEXT NOT NULL,
  http_status INTEGER,
  problems TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX failing_pages_by_record ON failing_pages (record_id, id);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

// Version 2: a confirmed SMS code serves one submission only.
constexpr char kSchemaV2[] = R"sql(
ALTER TABLE sms_verifications ADD COLUMN used_at INTEGER;
)sql";

// Version 3: what the scan saw of each site besides its verdict — the
// addresses its hosts resolved to, its home page title, when its crawl
// started and finished (Unix seconds; 0 for records written before).
constexpr char kSchemaV3[] = R"sql(
ALTER TABLE compliance_records ADD COLUMN resolved_addresses TEXT NOT NULL DEFAULT '';
ALTER TABLE compliance_records ADD COLUMN home_title TEXT;
ALTER TABLE compliance_records ADD COLUMN crawl_started_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE compliance_records ADD COLUMN crawl_finished_at INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 4: web-page logins and scan requests.
// - accounts.password_hash: the KDF record of the account's password (the
//   algorithm and its parameters with the salt and the derived key), NULL
//   until a password is set; an account without one cannot log in.
// - web_sessions: a logged-in browser. Only the SHA-256 of the session
//   cookie is kept; csrf_token is the per-session token every form carries.
// - api_tokens.revoked_at: a revoked token no longer authenticates.
// - sms_verifications.account_id: the account that asked for the code; only
//   it may confirm the code and use it in a submission (NULL: older rows).
// - scans.sites_due and requested_by: how many sites a scan will record
//   (its progress is recorded/due) and the actor label of whoever started
//   it through the API (NULL for scheduled scans).
constexpr char kSchemaV4[] = R"sql(
ALTER TABLE accounts ADD COLUMN password_hash TEXT;
ALTER TABLE accounts ADD COLUMN password_set_at INTEGER;
CREATE TABLE web_sessions (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX web_sessions_by_account ON web_sessions (account_id);
ALTER TABLE api_tokens ADD COLUMN revoked_at INTEGER;
ALTER TABLE sms_verifications ADD COLUMN account_id INTEGER REFERENCES accounts (id);
ALTER TABLE scans ADD COLUMN sites_due INTEGER;
ALTER TABLE scans ADD COLUMN requested_by TEXT;
)sql";

// Version 5: how each compliance record stands, stored when it is written,
// and a running summary of every scan, so that lists read them instead of
// comparing records at query time.
// - compliance_records.unreachable (0/1) and change (the names of
//   registry/site_change.h): the writer applies registry::IsUnreachable and
//   registry::CompareWithPrevious (the previous record: the site's newest
//   record before this one). Records written before are backfilled here with
//   the same rule in SQL, once (tests/registry/schema_v5_test.cpp checks the
//   two agree).
// - scan_summaries: per scan and region (of the site's unit), the records
//   written so far, their verdict classes (failed: reachable), page counts and
//   changes; the writer adds each record in the transaction that inserts it.
constexpr char kSchemaV5[] = R"sql(
ALTER TABLE compliance_records ADD COLUMN unreachable INTEGER NOT NULL DEFAULT 0
  CHECK (unreachable IN (0, 1));
ALTER TABLE compliance_records ADD COLUMN change TEXT NOT NULL DEFAULT 'first-record'
  CHECK (change IN ('first-record', 'still-passing', 'fixed', 'newly-failing', 'still-failing',
                    'newly-unreachable'));
UPDATE compliance_records SET unreachable = (verdict = 'fail' AND pages_failed = pages_total
  AND instr(' ' || problems || ' ', ' fetch-failed ') > 0);
UPDATE compliance_records SET change = ranked.change FROM (
  SELECT id, CASE
    WHEN previous_verdict IS NULL THEN 'first-record'
    WHEN verdict = 'pass' AND previous_verdict = 'pass' THEN 'still-passing'
    WHEN verdict = 'pass' THEN 'fixed'
    WHEN unreachable AND NOT previous_unreachable THEN 'newly-unreachable'
    WHEN previous_verdict = 'pass' THEN 'newly-failing'
    ELSE 'still-failing' END AS change
  FROM (SELECT id, verdict, unreachable,
               lag(verdict) OVER by_site AS previous_verdict,
               lag(unreachable) OVER by_site AS previous_unreachable
        FROM compliance_records WINDOW by_site AS (PARTITION BY site_id ORDER BY id))
) AS ranked WHERE compliance_records.id = ranked.id;
CREATE TABLE scan_summaries (
  scan_id INTEGER NOT NULL REFERENCES scans (id),
  region_code TEXT NOT NULL REFERENCES regions (code),
  sites_recorded INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  unreachable INTEGER NOT NULL,
  pages_total INTEGER NOT NULL,
  pages_failed INTEGER NOT NULL,
  first_records INTEGER NOT NULL,
  still_passing INTEGER NOT NULL,
  fixed INTEGER NOT NULL,
  newly_failing INTEGER NOT NULL,
  still_failing INTEGER NOT NULL,
  newly_unreachable INTEGER NOT NULL,
  PRIMARY KEY (scan_id, region_code)
) WITHOUT ROWID;
INSERT INTO scan_summaries (scan_id, region_code, sites_recorded, passed, failed, unreachable,
                            pages_total, pages_failed, first_records, still_passing, fixed,
                            newly_failing, still_failing, newly_unreachable)
SELECT cr.scan_id, u.region_code, count(*), sum(cr.verdict = 'pass'),
       sum(cr.verdict = 'fail' AND NOT cr.unreachable), sum(cr.unreachable),
       sum(cr.pages_total), sum(cr.pages_failed), sum(cr.change = 'first-record'),
       sum(cr.change = 'still-passing'), sum(cr.change = 'fixed'),
       sum(cr.change = 'newly-failing'), sum(cr.change = 'still-failing'),
       sum(cr.change = 'newly-unreachable')
FROM compliance_records AS cr JOIN sites AS s ON s.id = cr.site_id
JOIN units AS u ON u.id = s.unit_id
GROUP BY cr.scan_id, u.region_code ORDER BY cr.scan_id, u.region_code;
)sql";

// Version 6: compliance_records.dead_links, how many links of the site lead to
// inner pages answering 404 or 410 (the warning dead-link). Older records
// counted such pages as fetch-failed: 0 for them.
constexpr char kSchemaV6[] = R"sql(
ALTER TABLE compliance_records ADD COLUMN dead_links INTEGER NOT NULL DEFAULT 0
  CHECK (dead_links >= 0);
)sql";

// Version 7: the administrative divisions (GB/T 2260: provinces, prefecture-
// level cities, counties; data/administrative_divisions.csv), each the office
// of its level, and each unit's own division (units.division_code, the office
// at the unit's level). Units registered before are at their province's level.
constexpr char kSchemaV7[] = R"sql(
CREATE TABLE divisions (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 6),
  name TEXT NOT NULL,
  parent_code TEXT REFERENCES divisions (code)
) WITHOUT ROWID;
CREATE INDEX divisions_by_parent ON divisions (parent_code, code);
ALTER TABLE units ADD COLUMN division_code TEXT REFERENCES divisions (code);
)sql";
constexpr char kBackfillUnitDivisions[] =
    "UPDATE units SET division_code = region_code || '0000' WHERE division_code IS NULL AND "
    "region_code || '0000' IN (SELECT code FROM divisions)";

// Version 8: each reviewer account bound to one office (accounts.office_code,
// a division: province, city or county). The reviewers before it were their
// province's office, and stay so.
constexpr char kSchemaV8[] = R"sql(
ALTER TABLE accounts ADD COLUMN office_code TEXT REFERENCES divisions (code);
UPDATE accounts SET office_code = region_code || '0000'
WHERE role = 'regional' AND region_code || '0000' IN (SELECT code FROM divisions);
)sql";

// Version 9: accounts can be disabled (accounts.disabled_at): a disabled
// account neither logs in nor uses its tokens; re-enabling clears it.
constexpr char kSchemaV9[] = R"sql(
ALTER TABLE accounts ADD COLUMN disabled_at INTEGER;
)sql";

// Version 10: where each office receives the paper materials of 网站开办审核
// (office_contacts: its address and telephone, kept by the office).
constexpr char kSchemaV10[] = R"sql(
CREATE TABLE office_contacts (
  division_code TEXT PRIMARY KEY,
  address TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
)sql";

// Version 11: Chinese domains expire and lapse, rejected ones are edited and
// resubmitted, renewals are withdrawn. domains gains the reason of the last
// rejection and the time of the last submission, domain_revisions keeps each
// earlier revision, a lapsed name is free again, renewals may be 'withdrawn',
// and review_steps records steps the system takes (expiry: no account).
// renewals and review_steps are rebuilt for their new CHECK and NULL.
constexpr char kSchemaV11[] = R"sql(
ALTER TABLE domains ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE domains ADD COLUMN submitted_at INTEGER NOT NULL DEFAULT 0;
UPDATE domains SET submitted_at = created_at;
UPDATE domains SET reason = COALESCE((SELECT s.reason FROM review_steps AS s
  WHERE s.subject_kind = 'domain' AND s.subject_id = domains.id AND s.to_state = 'rejected'
  ORDER BY s.id DESC LIMIT 1), '') WHERE state = 'rejected';
DROP INDEX domains_live_name;
CREATE UNIQUE INDEX domains_live_name ON domains (ascii_name)
  WHERE state NOT IN ('rejected', 'lapsed');
CREATE TABLE domain_revisions (
  domain_id INTEGER NOT NULL REFERENCES domains (id),
  revision INTEGER NOT NULL,
  name TEXT NOT NULL,
  years INTEGER NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (domain_id, revision)
) WITHOUT ROWID;
CREATE TABLE renewals_v10 (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 10),
  fee_fen INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('submitted', 'completed', 'withdrawn')),
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
INSERT INTO renewals_v10 (id, unit_id, years, fee_fen, state, created_at, completed_at)
  SELECT id, unit_id, years, fee_fen, state, created_at, completed_at FROM renewals;
CREATE TABLE renewal_domains_v10 (
  renewal_id INTEGER NOT NULL REFERENCES renewals_v10 (id),
  domain_id INTEGER NOT NULL REFERENCES domains (id),
  old_expires_at INTEGER,
  new_expires_at INTEGER,
  PRIMARY KEY (renewal_id, domain_id)
) WITHOUT ROWID;
INSERT INTO renewal_domains_v10 (renewal_id, domain_id, old_expires_at, new_expires_at)
  SELECT renewal_id, domain_id, old_expires_at, new_expires_at FROM renewal_domains;
DROP TABLE renewal_domains;
DROP TABLE renewals;
ALTER TABLE renewals_v10 RENAME TO renewals;
ALTER TABLE renewal_domains_v10 RENAME TO renewal_domains;
CREATE INDEX renewal_domains_by_domain ON renewal_domains (domain_id, renewal_id);
CREATE TABLE review_steps_v10 (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('application', 'domain')),
  subject_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_account_id INTEGER REFERENCES accounts (id),
  reason TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL
);
INSERT INTO review_steps_v10 (id, subject_kind, subject_id, action, from_state, to_state,
  actor_account_id, reason, decided_at)
  SELECT id, subject_kind, subject_id, action, from_state, to_state, actor_account_id, reason,
  decided_at FROM review_steps;
DROP TABLE review_steps;
ALTER TABLE review_steps_v10 RENAME TO review_steps;
CREATE INDEX review_steps_by_subject ON review_steps (subject_kind, subject_id, id);
)sql";

// Version 12: the review queue and the searches by name.
// - Indexes on the state and submission time of each kind of work, so that
//   a queue's first page reads the newest rows of one state from an index
//   (registry/review_queue.cpp), and on (unit, time) and (state, unit,
//   time), which hold everything a count of a region's or office's rows
//   reads; units by (region, division) for the office scopes.
// - Trigram full-text indexes (SQLite FTS5, tokenize='trigram': any three
//   characters, Chinese included, case-folded) over the units' names, the
//   domains' names and each application's site name (of its latest
//   revision), kept in step by triggers and filled here for existing rows.
//   A search of 3 characters or more matches them as a phrase: a substring.
//   FTS5 is SQLite's own; on PostgreSQL the same searches would use pg_trgm
//   GIN indexes on the names.
constexpr char kSchemaV12[] = R"sql(
CREATE INDEX applications_by_state_time ON applications (state, created_at);
CREATE INDEX domains_by_state_time ON domains (state, created_at);
CREATE INDEX domains_by_time ON domains (created_at);
CREATE INDEX domains_by_state_unit ON domains (state, unit_id, created_at);
CREATE INDEX payments_by_state_time ON payments (state, recorded_at);
CREATE INDEX payments_by_time ON payments (recorded_at);
CREATE INDEX payments_by_state_unit ON payments (state, unit_id, recorded_at);
CREATE INDEX renewals_by_state_time ON renewals (state, created_at);
CREATE INDEX renewals_by_time ON renewals (created_at);
CREATE INDEX renewals_by_state_unit ON renewals (state, unit_id, created_at);
CREATE INDEX units_by_region_division ON units (region_code, division_code);
CREATE INDEX applications_by_unit ON applications (unit_id, created_at);
CREATE INDEX domains_by_unit ON domains (unit_id, created_at);
CREATE INDEX payments_by_unit ON payments (unit_id, recorded_at);
CREATE INDEX renewals_by_unit ON renewals (unit_id, created_at);
CREATE VIRTUAL TABLE unit_name_search USING fts5(name, content='units', content_rowid='id',
                                                 tokenize='trigram');
CREATE TRIGGER unit_name_search_insert AFTER INSERT ON units BEGIN
  INSERT INTO unit_name_search (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER unit_name_search_delete AFTER DELETE ON units BEGIN
  INSERT INTO unit_name_search (unit_name_search, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER unit_name_search_update AFTER UPDATE OF name ON units BEGIN
  INSERT INTO unit_name_search (unit_name_search, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO unit_name_search (rowid, name) VALUES (new.id, new.name);
END;
INSERT INTO unit_name_search (unit_name_search) VALUES ('rebuild');
CREATE VIRTUAL TABLE domain_name_search USING fts5(name, content='domains', content_rowid='id',
                                                   tokenize='trigram');
CREATE TRIGGER domain_name_search_insert AFTER INSERT ON domains BEGIN
  INSERT INTO domain_name_search (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER domain_name_search_delete AFTER DELETE ON domains BEGIN
  INSERT INTO domain_name_search (domain_name_search, rowid, name)
  VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER domain_name_search_update AFTER UPDATE OF name ON domains BEGIN
  INSERT INTO domain_name_search (domain_name_search, rowid, name)
  VALUES ('delete', old.id, old.name);
  INSERT INTO domain_name_search (rowid, name) VALUES (new.id, new.name);
END;
INSERT INTO domain_name_search (domain_name_search) VALUES ('rebuild');
CREATE VIRTUAL TABLE application_site_search USING fts5(name, tokenize='trigram');
CREATE TRIGGER application_site_search_revision AFTER INSERT ON application_revisions BEGIN
  DELETE FROM application_site_search WHERE rowid = new.application_id;
  INSERT INTO application_site_search (rowid, name)
  VALUES (new.application_id, coalesce(json_extract(new.form_json, '$.site_name'), ''));
END;
INSERT INTO application_site_search (rowid, name)
SELECT a.id, coalesce(json_extract(r.form_json, '$.site_name'), '') FROM applications AS a
JOIN application_revisions AS r ON r.application_id = a.id AND r.revision = a.revision
ORDER BY a.id;
)sql";

struct Migration {
  std::int64_t version;
  const char* sql;
  bool seeds_reference_lists;    // fill regions and system categories afterwards
  bool seeds_divisions = false;  // fill the divisions and place the units in them
};

constexpr std::array kMigrations = {
    Migration{1, kSchemaV1, true},        Migration{2, kSchemaV2, false},
    Migration{3, kSchemaV3, false},       Migration{4, kSchemaV4, false},
    Migration{5, kSchemaV5, false},       Migration{6, kSchemaV6, false},
    Migration{7, kSchemaV7, false, true}, Migration{8, kSchemaV8, false},
    Migration{9, kSchemaV9, false},       Migration{10, kSchemaV10, false},
    Migration{11, kSchemaV11, false},      Migration{12, kSchemaV12, false},
};

// PRAGMA takes no parameters; the version is one of kMigrations' constants.
std::string SetUserVersionSql(std::int64_t version) {
  return fmt::format("PRAGMA user_version = {}", version);
}

Status SchemaTooNew(const Database& db, std::int64_t version) {
  return Error<errors::kSchemaTooNewForBuild>(db.path(), version, kMigrations.back().version);
}

}  // namespace

std::int64_t LatestSchemaVersion() { return kMigrations.back().version; }

Status ApplyMigrations(Database& db) { return ApplyMigrations(db, LatestSchemaVersion()); }

Status CheckSchemaReadable(Database& db) {
  Result<std::int64_t> current = db.UserVersion();
  if (!current) return current.status();
  if (*current > LatestSchemaVersion()) return SchemaTooNew(db, *current);
  if (*current == 0) {
    return Error<errors::kRegistryWithoutSchema>(db.path());
  }
  if (*current < LatestSchemaVersion()) {
    return Error<errors::kSchemaTooOld>(db.path(), *current, LatestSchemaVersion(), db.path());
  }
  return Status::Ok();
}

Status ApplyMigrations(Database& db, std::int64_t up_to_version) {
  Result<std::int64_t> current = db.UserVersion();
  if (!current) return current.status();
  if (*current > LatestSchemaVersion()) return SchemaTooNew(db, *current);
  for (const Migration& migration : kMigrations) {
    if (migration.version <= *current || migration.version > up_to_version) continue;
    Result<Transaction> txn = Transaction::Begin(db);
    if (!txn) return txn.status();
    if (Status s = db.Exec(migration.sql); !s.ok()) {
      return ErrorCausedBy<errors::kMigrationFailed>(s, migration.version, s);
    }
    if (migration.seeds_reference_lists) {
      if (Status s = detail::SeedReferenceLists(db); !s.ok()) return s;
    }
    if (migration.seeds_divisions) {
      if (Status s = detail::SeedDivisions(db); !s.ok()) return s;
      if (Status s = db.Exec(kBackfillUnitDivisions); !s.ok()) return s;
    }
    if (Status s = db.Exec(SetUserVersionSql(migration.version).c_str()); !s.ok()) return s;
    if (Status s = txn->Commit(); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace badgewatch::registry
