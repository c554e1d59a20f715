/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-schema"

#include "hs-database-private.h"

/* Each entry takes the file from user_version N to N + 1 and runs inside one
 * transaction together with the new user_version. Never edit a shipped entry:
 * append a new one. */
/* A random (version 4) UUID in SQL. */
#define UUID_SQL \
  "lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2)))" \
  " || '-4' || substr (lower (hex (randomblob (2))), 2) || '-'" \
  " || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2)" \
  " || '-' || lower (hex (randomblob (6)))"

/* A uuid given on insert (unless the row brings one, as a merge does). */
#define UUID_ONLY(table) \
  "ALTER TABLE " table " ADD COLUMN uuid TEXT;" \
  "CREATE UNIQUE INDEX " table "_uuid ON " table " (uuid);" \
  "CREATE TRIGGER " table "_uuid AFTER INSERT ON " table " WHEN NEW.uuid IS NULL BEGIN" \
  "  UPDATE " table " SET uuid = " UUID_SQL " WHERE id = NEW.id;" \
  " END;"

/* A uuid, and an "updated" time that every change moves on unless the
 * change sets it itself (a merge keeps the other office's time). */
#define UUID_UPDATED(table) \
  "ALTER TABLE " table " ADD COLUMN uuid TEXT;" \
  "ALTER TABLE " table " ADD COLUMN updated TEXT;" \
  "CREATE UNIQUE INDEX " table "_uuid ON " table " (uuid);" \
  "CREATE TRIGGER " table "_uuid AFTER INSERT ON " table \
  "  WHEN NEW.uuid IS NULL OR NEW.updated IS NULL BEGIN" \
  "  UPDATE " table " SET uuid = coalesce (NEW.uuid, " UUID_SQL ")," \
  "    updated = coalesce (NEW.updated, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))" \
  "    WHERE id = NEW.id;" \
  " END;" \
  "CREATE TRIGGER " table "_updated AFTER UPDATE ON " table \
  "  WHEN NEW.updated IS OLD.updated AND NEW.uuid IS OLD.uuid BEGIN" \
  "  UPDATE " table " SET updated = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;" \
  " END;"

static const char migration_v1[] =
  "CREATE TABLE district ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  province TEXT NOT NULL);"

  "CREATE TABLE facility ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('prison', 'juvenile')),"
  "  district_id INTEGER NOT NULL REFERENCES district (id));"

  "CREATE TABLE participant ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  full_name TEXT NOT NULL CHECK (length (trim (full_name)) > 0),"
  "  search_key TEXT NOT NULL DEFAULT '',"
  "  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),"
  "  birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200),"
  "  age_band TEXT NOT NULL CHECK (age_band IN ('youth', 'adult')),"
  "  phone TEXT,"
  "  national_id TEXT UNIQUE,"
  "  district_id INTEGER REFERENCES district (id),"
  "  sector TEXT, cell TEXT, village TEXT,"
  "  category TEXT NOT NULL DEFAULT 'other' CHECK ((category = 'survivor'"
  "    OR category = 'perpetrator' OR category = 'descendant' OR category = 'convict'"
  "    OR category = 'ex_combatant' OR category = 'returnee' OR category = 'other')),"
  "  is_prisoner INTEGER NOT NULL DEFAULT 0 CHECK (is_prisoner IN (0, 1)),"
  "  facility_id INTEGER REFERENCES facility (id),"
  "  inmate_number TEXT,"
  "  expected_release TEXT,"
  "  screening_date TEXT,"
  "  trauma_level TEXT CHECK (trauma_level IS NULL OR (trauma_level = 'none'"
  "    OR trauma_level = 'mild' OR trauma_level = 'moderate' OR trauma_level = 'severe')),"
  "  screening_needs TEXT,"
  "  screener TEXT,"
  "  consent_date TEXT,"
  "  consent_given_by TEXT,"
  "  consent_withdrawn TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  CHECK (is_prisoner = 1 OR facility_id IS NULL));"
  "CREATE INDEX participant_name ON participant (full_name COLLATE NOCASE);"
  /* Also the district sort's order (district id, then name; rowid last). */
  "CREATE INDEX participant_district ON participant (district_id, search_key);"

  "CREATE TABLE facilitator ("
  "  id INTEGER PRIMARY KEY,"
  "  full_name TEXT NOT NULL CHECK (length (trim (full_name)) > 0),"
  "  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),"
  "  phone TEXT,"
  "  district_id INTEGER REFERENCES district (id),"
  "  trained_date TEXT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL);"

  /* "group" is an SQL keyword, hence hgroup (healing-space group). */
  "CREATE TABLE hgroup ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  approach TEXT NOT NULL DEFAULT 'sociotherapy' CHECK ((approach = 'sociotherapy'"
  "    OR approach = 'multifamily' OR approach = 'resilience')),"
  "  setting TEXT NOT NULL CHECK (setting IN ('community', 'prison')),"
  "  age_band TEXT NOT NULL CHECK (age_band IN ('youth', 'adult')),"
  "  district_id INTEGER NOT NULL REFERENCES district (id),"
  "  facility_id INTEGER REFERENCES facility (id),"
  "  sector TEXT,"
  "  venue TEXT,"
  "  weekday INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),"
  "  start_time TEXT,"
  "  start_date TEXT,"
  "  planned_sessions INTEGER NOT NULL DEFAULT 15 CHECK (planned_sessions BETWEEN 1 AND 100),"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK ((status = 'planned' OR status = 'running'"
  "    OR status = 'graduated' OR status = 'closed')),"
  "  graduation_date TEXT,"
  "  graduation_venue TEXT,"
  "  min_sessions INTEGER,"
  "  excused_count INTEGER CHECK (excused_count IS NULL OR excused_count IN (0, 1)),"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  CHECK ((setting = 'prison') = (facility_id IS NOT NULL)));"

  "CREATE TABLE group_facilitator ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES hgroup (id) ON DELETE CASCADE,"
  "  facilitator_id INTEGER NOT NULL REFERENCES facilitator (id),"
  "  UNIQUE (group_id, facilitator_id));"

  "CREATE TABLE membership ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES hgroup (id),"
  "  participant_id INTEGER NOT NULL REFERENCES participant (id),"
  "  joined TEXT,"
  "  left_date TEXT,"
  "  outcome TEXT NOT NULL DEFAULT 'ongoing' CHECK ((outcome = 'ongoing' OR outcome = 'graduated'"
  "    OR outcome = 'dropped' OR outcome = 'transferred')),"
  "  reason TEXT,"
  "  UNIQUE (group_id, participant_id));"
  "CREATE INDEX membership_participant ON membership (participant_id);"
  "CREATE INDEX membership_outcome ON membership (outcome, group_id);"

  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES hgroup (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  date TEXT NOT NULL,"
  "  time TEXT,"
  "  venue TEXT,"
  "  topic TEXT,"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK ((status = 'planned' OR status = 'held'"
  "    OR status = 'cancelled' OR status = 'moved')),"
  "  reason TEXT,"
  "  UNIQUE (group_id, number));"
  "CREATE INDEX session_date ON session (date);"

  "CREATE TABLE attendance ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  participant_id INTEGER NOT NULL REFERENCES participant (id),"
  "  mark TEXT NOT NULL CHECK ((mark = 'present' OR mark = 'absent' OR mark = 'excused')),"
  "  UNIQUE (session_id, participant_id));"
  "CREATE INDEX attendance_participant ON attendance (participant_id);"

  /* Certificates: a reprint is a row of its own with the same serial and
   * reprint_of set, so only originals are unique. */
  "CREATE TABLE certificate ("
  "  id INTEGER PRIMARY KEY,"
  "  serial TEXT NOT NULL,"
  "  participant_id INTEGER NOT NULL REFERENCES participant (id),"
  "  group_id INTEGER NOT NULL REFERENCES hgroup (id),"
  "  issued TEXT NOT NULL,"
  "  language TEXT NOT NULL CHECK ((language = 'rw' OR language = 'en' OR language = 'rw+en')),"
  "  reprint_of INTEGER REFERENCES certificate (id),"
  "  voided TEXT,"
  "  void_reason TEXT);"

  "CREATE TABLE business_group ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  district_id INTEGER REFERENCES district (id),"
  "  activity TEXT,"
  "  seed_capital_rwf INTEGER CHECK (seed_capital_rwf IS NULL OR seed_capital_rwf >= 0),"
  "  capital_date TEXT,"
  "  capital_source TEXT,"
  "  start_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK ((status = 'active' OR status = 'paused'"
  "    OR status = 'closed')));"
  "CREATE TABLE business_member ("
  "  id INTEGER PRIMARY KEY,"
  "  business_group_id INTEGER NOT NULL REFERENCES business_group (id) ON DELETE CASCADE,"
  "  participant_id INTEGER NOT NULL REFERENCES participant (id),"
  "  UNIQUE (business_group_id, participant_id));"
  "CREATE TABLE tvet ("
  "  id INTEGER PRIMARY KEY,"
  "  participant_id INTEGER NOT NULL REFERENCES participant (id),"
  "  trade TEXT NOT NULL,"
  "  centre TEXT,"
  "  start_date TEXT,"
  "  end_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'enrolled' CHECK ((status = 'enrolled' OR status = 'completed'"
  "    OR status = 'dropped')));"

  "CREATE TABLE target ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  metric TEXT NOT NULL,"
  "  value INTEGER NOT NULL CHECK (value >= 0),"
  "  district_id INTEGER REFERENCES district (id),"
  "  start_date TEXT,"
  "  end_date TEXT);"

  "CREATE TABLE holiday ("
  "  id INTEGER PRIMARY KEY,"
  "  date TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  UNIQUE (date, name));"

  "CREATE TABLE setting ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT) WITHOUT ROWID;"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK ((action = 'insert' OR action = 'update' OR action = 'delete')),"
  "  table_name TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  before TEXT,"
  "  after TEXT);"
  "CREATE INDEX audit_row ON audit_log (table_name, row_id);"
  /* Append-only: no entry is ever deleted, and only the app's redaction
   * (erasure of a person under Law 058/2021) may blank old values. */
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN NOT hs_redacting ()"
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"

  /* certificates: serials are numbered per year from a counter row that is
   * bumped in the same transaction as the insert, so numbers have no gaps. */
  "CREATE UNIQUE INDEX certificate_serial ON certificate (serial) WHERE reprint_of IS NULL;"
  "CREATE UNIQUE INDEX certificate_valid ON certificate (participant_id, group_id)"
  "  WHERE reprint_of IS NULL AND voided IS NULL;"
  "CREATE INDEX certificate_reprint ON certificate (reprint_of);"
  "CREATE INDEX certificate_group ON certificate (group_id);"
  "CREATE TABLE certificate_counter ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL CHECK (last >= 0));"
  "INSERT INTO setting (key, value) VALUES ('certificate.secret', lower (hex (randomblob (16))));"

  /* participants: search by the start of any word of the name, phone,
   * national ID or village, accent- and case-blind (the tokenizer folds), in
   * milliseconds on a million rows. rowid = participant.id. Core keeps it in
   * step on every write (a trigger may not write a virtual table while
   * trusted_schema is off). */
  /* erased: when the person's data was erased under Law 058/2021. */
  "ALTER TABLE participant ADD COLUMN erased TEXT;"
  "CREATE INDEX participant_search_key ON participant (search_key);"
  "CREATE VIRTUAL TABLE participant_fts USING fts5 (full_name, phone, national_id, village,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  /* Pairs a user said are not the same person (a < b), and merged records. */
  "CREATE TABLE participant_distinct ("
  "  a INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,"
  "  b INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (a, b), CHECK (a < b)) WITHOUT ROWID;"
  "CREATE TABLE participant_merge ("
  "  id INTEGER PRIMARY KEY,"
  "  kept INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,"
  "  merged INTEGER NOT NULL UNIQUE,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX participant_merge_kept ON participant_merge (kept);"
  "CREATE INDEX participant_district_year ON participant (district_id, birth_year);"

  /* groups: the public holidays 2024–2030 (hs_schedule_default_holidays() computes the
   * same list; tests/test-schedule.c checks they agree). Eid dates are estimates. */
  "INSERT INTO holiday (date, name) VALUES"
  "  ('2024-01-01', 'New Year''s Day'), ('2024-01-02', 'Day after New Year''s Day'),"
  "  ('2024-02-01', 'National Heroes'' Day'), ('2024-03-29', 'Good Friday'),"
  "  ('2024-04-01', 'Easter Monday'), ('2024-04-07', 'Genocide against the Tutsi Memorial Day'),"
  "  ('2024-04-10', 'Eid al-Fitr'), ('2024-05-01', 'Labour Day'), ('2024-06-16', 'Eid al-Adha'),"
  "  ('2024-06-17', 'Compensatory holiday'), ('2024-07-01', 'Independence Day'),"
  "  ('2024-07-04', 'Liberation Day'), ('2024-08-02', 'Umuganura Day'),"
  "  ('2024-08-15', 'Assumption Day'), ('2024-12-25', 'Christmas Day'),"
  "  ('2024-12-26', 'Boxing Day'), ('2025-01-01', 'New Year''s Day'),"
  "  ('2025-01-02', 'Day after New Year''s Day'), ('2025-02-01', 'National Heroes'' Day'),"
  "  ('2025-02-03', 'Compensatory holiday'), ('2025-03-30', 'Eid al-Fitr'),"
  "  ('2025-03-31', 'Compensatory holiday'),"
  "  ('2025-04-07', 'Genocide against the Tutsi Memorial Day'), ('2025-04-18', 'Good Friday'),"
  "  ('2025-04-21', 'Easter Monday'), ('2025-05-01', 'Labour Day'),"
  "  ('2025-06-06', 'Eid al-Adha'), ('2025-07-01', 'Independence Day'),"
  "  ('2025-07-04', 'Liberation Day'), ('2025-08-01', 'Umuganura Day'),"
  "  ('2025-08-15', 'Assumption Day'), ('2025-12-25', 'Christmas Day'),"
  "  ('2025-12-26', 'Boxing Day'), ('2026-01-01', 'New Year''s Day'),"
  "  ('2026-01-02', 'Day after New Year''s Day'), ('2026-02-01', 'National Heroes'' Day'),"
  "  ('2026-02-02', 'Compensatory holiday'), ('2026-03-20', 'Eid al-Fitr'),"
  "  ('2026-04-03', 'Good Friday'), ('2026-04-06', 'Easter Monday'),"
  "  ('2026-04-07', 'Genocide against the Tutsi Memorial Day'), ('2026-05-01', 'Labour Day'),"
  "  ('2026-05-27', 'Eid al-Adha'), ('2026-07-01', 'Independence Day'),"
  "  ('2026-07-04', 'Liberation Day'), ('2026-07-06', 'Compensatory holiday'),"
  "  ('2026-08-07', 'Umuganura Day'), ('2026-08-15', 'Assumption Day'),"
  "  ('2026-08-17', 'Compensatory holiday'), ('2026-12-25', 'Christmas Day'),"
  "  ('2026-12-26', 'Boxing Day'), ('2026-12-28', 'Compensatory holiday'),"
  "  ('2027-01-01', 'New Year''s Day'), ('2027-01-02', 'Day after New Year''s Day'),"
  "  ('2027-01-04', 'Compensatory holiday'), ('2027-02-01', 'National Heroes'' Day'),"
  "  ('2027-03-10', 'Eid al-Fitr'), ('2027-03-26', 'Good Friday'),"
  "  ('2027-03-29', 'Easter Monday'), ('2027-04-07', 'Genocide against the Tutsi Memorial Day'),"
  "  ('2027-05-01', 'Labour Day'), ('2027-05-03', 'Compensatory holiday'),"
  "  ('2027-05-16', 'Eid al-Adha'), ('2027-05-17', 'Compensatory holiday'),"
  "  ('2027-07-01', 'Independence Day'), ('2027-07-04', 'Liberation Day'),"
  "  ('2027-07-05', 'Compensatory holiday'), ('2027-08-06', 'Umuganura Day'),"
  "  ('2027-08-15', 'Assumption Day'), ('2027-08-16', 'Compensatory holiday'),"
  "  ('2027-12-25', 'Christmas Day'), ('2027-12-26', 'Boxing Day'),"
  "  ('2027-12-27', 'Compensatory holiday'), ('2028-01-01', 'New Year''s Day'),"
  "  ('2028-01-02', 'Day after New Year''s Day'), ('2028-01-03', 'Compensatory holiday'),"
  "  ('2028-02-01', 'National Heroes'' Day'), ('2028-02-27', 'Eid al-Fitr'),"
  "  ('2028-02-28', 'Compensatory holiday'),"
  "  ('2028-04-07', 'Genocide against the Tutsi Memorial Day'), ('2028-04-14', 'Good Friday'),"
  "  ('2028-04-17', 'Easter Monday'), ('2028-05-01', 'Labour Day'),"
  "  ('2028-05-05', 'Eid al-Adha'), ('2028-07-01', 'Independence Day'),"
  "  ('2028-07-03', 'Compensatory holiday'), ('2028-07-04', 'Liberation Day'),"
  "  ('2028-08-04', 'Umuganura Day'), ('2028-08-15', 'Assumption Day'),"
  "  ('2028-12-25', 'Christmas Day'), ('2028-12-26', 'Boxing Day'),"
  "  ('2029-01-01', 'New Year''s Day'), ('2029-01-02', 'Day after New Year''s Day'),"
  "  ('2029-02-01', 'National Heroes'' Day'), ('2029-02-15', 'Eid al-Fitr'),"
  "  ('2029-03-30', 'Good Friday'), ('2029-04-02', 'Easter Monday'),"
  "  ('2029-04-07', 'Genocide against the Tutsi Memorial Day'), ('2029-04-24', 'Eid al-Adha'),"
  "  ('2029-05-01', 'Labour Day'), ('2029-07-01', 'Independence Day'),"
  "  ('2029-07-02', 'Compensatory holiday'), ('2029-07-04', 'Liberation Day'),"
  "  ('2029-08-03', 'Umuganura Day'), ('2029-08-15', 'Assumption Day'),"
  "  ('2029-12-25', 'Christmas Day'), ('2029-12-26', 'Boxing Day'),"
  "  ('2030-01-01', 'New Year''s Day'), ('2030-01-02', 'Day after New Year''s Day'),"
  "  ('2030-02-01', 'National Heroes'' Day'), ('2030-02-05', 'Eid al-Fitr'),"
  "  ('2030-04-07', 'Genocide against the Tutsi Memorial Day'), ('2030-04-13', 'Eid al-Adha'),"
  "  ('2030-04-15', 'Compensatory holiday'), ('2030-04-19', 'Good Friday'),"
  "  ('2030-04-22', 'Easter Monday'), ('2030-05-01', 'Labour Day'),"
  "  ('2030-07-01', 'Independence Day'), ('2030-07-04', 'Liberation Day'),"
  "  ('2030-08-02', 'Umuganura Day'), ('2030-08-15', 'Assumption Day'),"
  "  ('2030-12-25', 'Christmas Day'), ('2030-12-26', 'Boxing Day');"

  /* io: groups get a stable UUID (set on insert) so that merging another
   * office's XML export finds the same group; conflicts a merge could not
   * settle are kept for the coordinator to read. */
  "ALTER TABLE hgroup ADD COLUMN uuid TEXT;"
  "CREATE UNIQUE INDEX hgroup_uuid ON hgroup (uuid);"
  "CREATE TRIGGER hgroup_uuid AFTER INSERT ON hgroup WHEN NEW.uuid IS NULL BEGIN"
  "  UPDATE hgroup SET uuid = lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2)))"
  "    || '-4' || substr (lower (hex (randomblob (2))), 2) || '-'"
  "    || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2)"
  "    || '-' || lower (hex (randomblob (6))) WHERE id = NEW.id;"
  " END;"
  "CREATE TABLE merge_conflict ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  uuid TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  incoming TEXT);"

  /* io: facilitators, sessions and certificates get a stable UUID too, so the
   * full XML export carries them and a merge recognises them; sessions also
   * get the time of their last change (kept by triggers, so every writer of
   * the table keeps it), which decides the newer side of a merge. */
  "ALTER TABLE facilitator ADD COLUMN uuid TEXT;"
  "CREATE UNIQUE INDEX facilitator_uuid ON facilitator (uuid);"
  "CREATE TRIGGER facilitator_uuid AFTER INSERT ON facilitator WHEN NEW.uuid IS NULL BEGIN"
  "  UPDATE facilitator SET uuid ="
  "    lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2)))"
  "    || '-4' || substr (lower (hex (randomblob (2))), 2) || '-'"
  "    || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2)"
  "    || '-' || lower (hex (randomblob (6))) WHERE id = NEW.id;"
  " END;"
  "ALTER TABLE certificate ADD COLUMN uuid TEXT;"
  "CREATE UNIQUE INDEX certificate_uuid ON certificate (uuid);"
  "CREATE TRIGGER certificate_uuid AFTER INSERT ON certificate WHEN NEW.uuid IS NULL BEGIN"
  "  UPDATE certificate SET uuid ="
  "    lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2)))"
  "    || '-4' || substr (lower (hex (randomblob (2))), 2) || '-'"
  "    || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2)"
  "    || '-' || lower (hex (randomblob (6))) WHERE id = NEW.id;"
  " END;"
  "ALTER TABLE session ADD COLUMN uuid TEXT;"
  "ALTER TABLE session ADD COLUMN updated TEXT;"
  "CREATE UNIQUE INDEX session_uuid ON session (uuid);"
  "CREATE TRIGGER session_uuid AFTER INSERT ON session WHEN NEW.uuid IS NULL BEGIN"
  "  UPDATE session SET uuid ="
  "    lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2)))"
  "    || '-4' || substr (lower (hex (randomblob (2))), 2) || '-'"
  "    || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2)"
  "    || '-' || lower (hex (randomblob (6))),"
  "    updated = coalesce (NEW.updated, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))"
  "    WHERE id = NEW.id;"
  " END;"
  "CREATE TRIGGER session_updated AFTER UPDATE ON session"
  "  WHEN NEW.updated IS OLD.updated AND NEW.uuid IS OLD.uuid BEGIN"
  "  UPDATE session SET updated = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;"
  " END;"
  /* livelihoods: after graduation. Seed capital may come in several
   * disbursements (business_capital; business_group's own capital columns are
   * unused), follow-up visits say whether the group still works, TVET records
   * follow a prison graduate to release and reintegration. A target row with
   * past = 1 holds the figures a past programme reached, not a goal. */
  "ALTER TABLE business_group ADD COLUMN training_start TEXT;"
  "ALTER TABLE business_group ADD COLUMN training_end TEXT;"
  "ALTER TABLE business_group ADD COLUMN notes TEXT;"
  "CREATE INDEX business_member_participant ON business_member (participant_id);"
  "CREATE TABLE business_capital ("
  "  id INTEGER PRIMARY KEY,"
  "  business_group_id INTEGER NOT NULL REFERENCES business_group (id) ON DELETE CASCADE,"
  "  amount_rwf INTEGER NOT NULL CHECK (amount_rwf > 0),"
  "  date TEXT NOT NULL,"
  "  source TEXT);"
  "CREATE INDEX business_capital_group ON business_capital (business_group_id);"
  "CREATE TABLE business_visit ("
  "  id INTEGER PRIMARY KEY,"
  "  business_group_id INTEGER NOT NULL REFERENCES business_group (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  active INTEGER NOT NULL CHECK (active = 0 OR active = 1),"
  "  members_present INTEGER CHECK (members_present IS NULL OR members_present >= 0),"
  "  notes TEXT);"
  "CREATE INDEX business_visit_group ON business_visit (business_group_id, date);"
  "ALTER TABLE tvet ADD COLUMN expected_release TEXT;"
  "ALTER TABLE tvet ADD COLUMN release_date TEXT;"
  "ALTER TABLE tvet ADD COLUMN reintegration TEXT CHECK (reintegration IS NULL"
  "  OR reintegration = 'family' OR reintegration = 'community');"
  "ALTER TABLE tvet ADD COLUMN reintegration_date TEXT;"
  "ALTER TABLE tvet ADD COLUMN notes TEXT;"
  "CREATE INDEX tvet_participant ON tvet (participant_id);"
  "ALTER TABLE target ADD COLUMN female INTEGER CHECK (female IS NULL OR female >= 0);"
  "ALTER TABLE target ADD COLUMN male INTEGER CHECK (male IS NULL OR male >= 0);"
  "ALTER TABLE target ADD COLUMN past INTEGER NOT NULL DEFAULT 0 CHECK (past = 0 OR past = 1);"
  /* Stable identities for the XML export, so that another office's
   * livelihood records merge instead of duplicating; "updated" decides
   * which side of a merge is newer. Capital entries and visits are never
   * edited, only added or removed: a uuid is enough. */
  UUID_UPDATED ("business_group")
  UUID_UPDATED ("tvet")
  UUID_UPDATED ("target")
  UUID_ONLY ("business_capital")
  UUID_ONLY ("business_visit")

  /* In name order, so that id order is name order: the participants list sorts
   * by district with ORDER BY p.district_id, an index scan that stops after a
   * page, where ORDER BY d.name sorted every joined row (4 s at 1M people).
   * The 30 districts are fixed; test-database checks the two orders agree. */
  "INSERT INTO district (name, province) VALUES"
  "  ('Bugesera', 'East'), ('Burera', 'North'), ('Gakenke', 'North'), ('Gasabo', 'Kigali'),"
  "  ('Gatsibo', 'East'), ('Gicumbi', 'North'), ('Gisagara', 'South'), ('Huye', 'South'),"
  "  ('Kamonyi', 'South'), ('Karongi', 'West'), ('Kayonza', 'East'), ('Kicukiro', 'Kigali'),"
  "  ('Kirehe', 'East'), ('Muhanga', 'South'), ('Musanze', 'North'), ('Ngoma', 'East'),"
  "  ('Ngororero', 'West'), ('Nyabihu', 'West'), ('Nyagatare', 'East'), ('Nyamagabe', 'South'),"
  "  ('Nyamasheke', 'West'), ('Nyanza', 'South'), ('Nyarugenge', 'Kigali'),"
  "  ('Nyaruguru', 'South'), ('Rubavu', 'West'), ('Ruhango', 'South'), ('Rulindo', 'North'),"
  "  ('Rusizi', 'West'), ('Rutsiro', 'West'), ('Rwamagana', 'East');"

  "INSERT INTO facility (name, kind, district_id) VALUES"
  "  ('Musanze Prison', 'prison', (SELECT id FROM district WHERE name = 'Musanze')),"
  "  ('Ngoma Prison', 'prison', (SELECT id FROM district WHERE name = 'Ngoma')),"
  "  ('Nyagatare Juvenile Prison', 'juvenile', (SELECT id FROM district WHERE name = 'Nyagatare')),"
  "  ('Nyamagabe Prison', 'prison', (SELECT id FROM district WHERE name = 'Nyamagabe'));"

  "INSERT INTO setting (key, value) VALUES"
  "  ('rule.min_sessions', '12'), ('rule.planned_sessions', '15'),"
  "  ('rule.excused_counts', '0'), ('youth.min_age', '16'), ('youth.max_age', '30');";

const char * const _hs_schema_migrations[] = {
  migration_v1,
};

const guint _hs_schema_n_migrations = G_N_ELEMENTS (_hs_schema_migrations);

G_STATIC_ASSERT (G_N_ELEMENTS (_hs_schema_migrations) == HS_SCHEMA_VERSION);
