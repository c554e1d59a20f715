/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-domain"

#include <glib/gstdio.h>
#include <string.h>

#include "hs-database-private.h"
#include "hs-facilitator.h"
#include "hs-group.h"
#include "hs-membership.h"
#include "hs-participant.h"
#include "hs-session.h"

typedef struct
{
  char       *dir;
  char       *path;
  HsDatabase *db;
  gint64      musanze;
  gint64      ngoma;
  gint64      musanze_prison;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hs-test-domain-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
  f->musanze = hs_database_find_district (f->db, "Musanze");
  f->ngoma = hs_database_find_district (f->db, "Ngoma");
  f->musanze_prison = hs_database_find_facility (f->db, "Musanze Prison");
  g_assert_cmpint (f->musanze, >, 0);
  g_assert_cmpint (f->ngoma, >, 0);
  g_assert_cmpint (f->musanze_prison, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&f->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *handle = _hs_database_get_handle (f->db);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (f, sql);
}

static gint64
count_audit (Fixture    *f,
             const char *table,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log"
                                          " WHERE table_name = '%s' AND action = '%s'",
                                          table, action);

  return query_int (f, sql);
}

/* The newest audit row: its action, table, row id, before and after. */
typedef struct
{
  char   *action;
  char   *table;
  gint64  row_id;
  char   *before;
  char   *after;
} AuditRow;

static void
audit_row_clear (AuditRow *row)
{
  g_free (row->action);
  g_free (row->table);
  g_free (row->before);
  g_free (row->after);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AuditRow, audit_row_clear)

static void
read_last_audit (Fixture  *f,
                 AuditRow *row)
{
  sqlite3 *handle = _hs_database_get_handle (f->db);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT action, table_name, row_id, before, after"
                                       " FROM audit_log ORDER BY id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row->action = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->table = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->row_id = sqlite3_column_int64 (stmt, 2);
  row->before = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->after = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  sqlite3_finalize (stmt);
}

static gint64
add_participant (Fixture    *f,
                 const char *name,
                 const char *sex)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GError) error = NULL;

  p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", name, "sex", sex,
                    "birth-year", 1980, "district-id", f->musanze, NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  return hs_participant_get_id (p);
}

static gint64
add_group (Fixture    *f,
           const char *name,
           const char *status)
{
  g_autoptr(HsGroup) g = NULL;
  g_autoptr(GError) error = NULL;

  g = g_object_new (HS_TYPE_GROUP, "name", name, "setting", "community", "age-band", "adult",
                    "district-id", f->musanze, "status", status, NULL);
  g_assert_true (hs_group_save (g, f->db, &error));
  g_assert_no_error (error);
  return hs_group_get_id (g);
}

static gint64
add_session (Fixture *f,
             gint64   group_id,
             int      number)
{
  g_autoptr(HsSession) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup_printf ("2024-03-%02d", number);

  s = g_object_new (HS_TYPE_SESSION, "group-id", group_id, "number", number, "date", date,
                    NULL);
  g_assert_true (hs_session_save (s, f->db, &error));
  g_assert_no_error (error);
  return hs_session_get_id (s);
}

static gint64
add_facilitator (Fixture    *f,
                 const char *name)
{
  g_autoptr(HsFacilitator) fa = NULL;
  g_autoptr(GError) error = NULL;

  fa = g_object_new (HS_TYPE_FACILITATOR, "full-name", name, "sex", "F", NULL);
  g_assert_true (hs_facilitator_save (fa, f->db, &error));
  g_assert_no_error (error);
  return hs_facilitator_get_id (fa);
}

static void
test_participant_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(HsParticipant) q = NULL;
  g_autoptr(GError) error = NULL;

  p = g_object_new (HS_TYPE_PARTICIPANT,
                    "full-name", "Épiphanie Mukamana",
                    "sex", "F",
                    "birth-year", 1975,
                    "age-band", "adult",
                    "phone", "+250 788 000 111",
                    "national-id", "1197570012345678",
                    "district-id", f->musanze,
                    "sector", "Muhoza",
                    "cell", "Cyabararika",
                    "village", "Kigombe",
                    "category", "survivor",
                    "is-prisoner", TRUE,
                    "facility-id", f->musanze_prison,
                    "inmate-number", "MP-0042",
                    "expected-release", "2027-06-30",
                    "screening-date", "2024-02-01",
                    "trauma-level", "moderate",
                    "screening-needs", "Sleep problems",
                    "screener", "Jean Habimana",
                    "consent-date", "2024-02-01",
                    "consent-given-by", "self",
                    "consent-withdrawn", "2024-09-01",
                    "notes", "Line one\nLine \"two\"",
                    NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hs_participant_get_id (p), >, 0);
  g_assert_true (g_uuid_string_is_valid (hs_participant_get_uuid (p)));
  g_assert_nonnull (hs_participant_get_created (p));
  g_assert_cmpstr (hs_participant_get_created (p), ==, hs_participant_get_updated (p));
  g_assert_cmpstr (hs_participant_get_search_key (p), ==, "epiphanie mukamana");
  g_assert_cmpstr (hs_participant_get_district (p), ==, "Musanze");

  q = hs_participant_load (f->db, hs_participant_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  g_assert_cmpint (hs_participant_get_id (q), ==, hs_participant_get_id (p));
  g_assert_cmpstr (hs_participant_get_uuid (q), ==, hs_participant_get_uuid (p));
  g_assert_cmpstr (hs_participant_get_full_name (q), ==, "Épiphanie Mukamana");
  g_assert_cmpstr (hs_participant_get_search_key (q), ==, "epiphanie mukamana");
  g_assert_cmpstr (hs_participant_get_sex (q), ==, "F");
  g_assert_cmpint (hs_participant_get_birth_year (q), ==, 1975);
  g_assert_cmpstr (hs_participant_get_age_band (q), ==, "adult");
  g_assert_cmpstr (hs_participant_get_phone (q), ==, "+250788000111");
  g_assert_cmpstr (hs_participant_get_national_id (q), ==, "1197570012345678");
  g_assert_cmpint (hs_participant_get_district_id (q), ==, f->musanze);
  g_assert_cmpstr (hs_participant_get_district (q), ==, "Musanze");
  g_assert_cmpstr (hs_participant_get_sector (q), ==, "Muhoza");
  g_assert_cmpstr (hs_participant_get_cell (q), ==, "Cyabararika");
  g_assert_cmpstr (hs_participant_get_village (q), ==, "Kigombe");
  g_assert_cmpstr (hs_participant_get_category (q), ==, "survivor");
  g_assert_true (hs_participant_get_is_prisoner (q));
  g_assert_cmpint (hs_participant_get_facility_id (q), ==, f->musanze_prison);
  g_assert_cmpstr (hs_participant_get_inmate_number (q), ==, "MP-0042");
  g_assert_cmpstr (hs_participant_get_expected_release (q), ==, "2027-06-30");
  g_assert_cmpstr (hs_participant_get_screening_date (q), ==, "2024-02-01");
  g_assert_cmpstr (hs_participant_get_trauma_level (q), ==, "moderate");
  g_assert_cmpstr (hs_participant_get_screening_needs (q), ==, "Sleep problems");
  g_assert_cmpstr (hs_participant_get_screener (q), ==, "Jean Habimana");
  g_assert_cmpstr (hs_participant_get_consent_date (q), ==, "2024-02-01");
  g_assert_cmpstr (hs_participant_get_consent_given_by (q), ==, "self");
  g_assert_cmpstr (hs_participant_get_consent_withdrawn (q), ==, "2024-09-01");
  g_assert_cmpstr (hs_participant_get_notes (q), ==, "Line one\nLine \"two\"");
  g_assert_cmpstr (hs_participant_get_created (q), ==, hs_participant_get_created (p));
  g_assert_cmpstr (hs_participant_get_updated (q), ==, hs_participant_get_updated (p));
}

static void
test_participant_properties (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HsParticipant) p = hs_participant_new ();
  g_autofree char *category = NULL;
  g_autofree char *name = NULL;
  gboolean is_prisoner = TRUE;
  gint64 district_id = -1;

  /* Defaults match the schema's, and empty strings mean "not given". */
  g_object_set (p, "full-name", "Alice", "phone", "", "district-id", f->ngoma, NULL);
  g_object_get (p, "category", &category, "full-name", &name, "is-prisoner", &is_prisoner,
                "district-id", &district_id, NULL);
  g_assert_cmpstr (category, ==, "other");
  g_assert_cmpstr (name, ==, "Alice");
  g_assert_false (is_prisoner);
  g_assert_cmpint (district_id, ==, f->ngoma);
  g_assert_null (hs_participant_get_phone (p));
  g_assert_cmpint (hs_participant_get_id (p), ==, 0);
}

static void
test_participant_insert_audited (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto(AuditRow) row = { 0, };
  gint64 id;

  g_assert_cmpint (count_rows (f, "audit_log"), ==, 0);
  id = add_participant (f, "Alice Uwase", "F");

  g_assert_cmpint (count_rows (f, "participant"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 1);
  read_last_audit (f, &row);
  g_assert_cmpstr (row.action, ==, "insert");
  g_assert_cmpstr (row.table, ==, "participant");
  g_assert_cmpint (row.row_id, ==, id);
  g_assert_null (row.before);
  g_assert_nonnull (strstr (row.after, "\"full_name\":\"Alice Uwase\""));
}

static void
test_participant_update_audited (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_auto(AuditRow) row = { 0, };

  p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Alice Uwase", "sex", "F", NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  created = g_strdup (hs_participant_get_created (p));
  updated = g_strdup (hs_participant_get_updated (p));
  g_usleep (2000);

  g_object_set (p, "full-name", "Alice Uwamahoro", NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hs_participant_get_created (p), ==, created);
  g_assert_cmpstr (hs_participant_get_updated (p), >, updated);
  g_assert_cmpstr (hs_participant_get_search_key (p), ==, "alice uwamahoro");

  g_assert_cmpint (count_rows (f, "participant"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 2);
  read_last_audit (f, &row);
  g_assert_cmpstr (row.action, ==, "update");
  g_assert_cmpstr (row.table, ==, "participant");
  g_assert_cmpint (row.row_id, ==, hs_participant_get_id (p));
  g_assert_nonnull (strstr (row.before, "\"full_name\":\"Alice Uwase\""));
  g_assert_nonnull (strstr (row.after, "\"full_name\":\"Alice Uwamahoro\""));
  g_assert_nonnull (strstr (row.after, hs_participant_get_updated (p)));

  /* An update of a row that is gone is refused, not turned into an insert. */
  g_object_set (p, "id", (gint64) 9999, NULL);
  g_assert_false (hs_participant_save (p, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f, "participant"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 2);
}

typedef struct
{
  const char *property;
  const char *value;
  const char *message_part;
} BadField;

static void
assert_refused (Fixture       *f,
                HsParticipant *p,
                const char    *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 participants = count_rows (f, "participant");
  gint64 audits = count_rows (f, "audit_log");

  g_assert_false (hs_participant_save (p, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (count_rows (f, "participant"), ==, participants);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);
  g_assert_cmpint (hs_participant_get_id (p), ==, 0);
  g_assert_null (hs_participant_get_uuid (p));
}

static void
test_participant_validation (Fixture       *f,
                             gconstpointer  data)
{
  static const BadField bad[] = {
    { "sex", "X", "“X” is not F or M" },
    { "sex", NULL, "sex" },
    { "full-name", "   ", "full name" },
    { "national-id", "119757001234567", "exactly 16 digits; “119757001234567” has 15" },
    { "national-id", "1 1975 7 0012345 6 78", "other characters" },
    { "trauma-level", "extreme", "“extreme” is not one of" },
    { "category", "visitor", "“visitor” is not one of" },
    { "age-band", "child", "“child” is not one of" },
    { "screening-date", "01/02/2024", "YYYY-MM-DD" },
    { "consent-date", "2023-02-30", "YYYY-MM-DD" },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  add_participant (f, "Existing Person", "M");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HsParticipant) p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Bob",
                                                 "sex", "M", NULL);

      g_object_set (p, bad[i].property, bad[i].value, NULL);
      assert_refused (f, p, bad[i].message_part);
    }

  {
    g_autoptr(HsParticipant) p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Bob",
                                               "sex", "M", "birth-year", 1899, NULL);
    assert_refused (f, p, "1899");
    g_object_set (p, "birth-year", g_date_time_get_year (now) + 1, NULL);
    assert_refused (f, p, "between 1900");
  }
  {
    g_autoptr(HsParticipant) p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Bob",
                                               "sex", "M", "is-prisoner", TRUE, NULL);
    assert_refused (f, p, "prisoner needs a correctional facility");
    g_object_set (p, "is-prisoner", FALSE, "facility-id", f->musanze_prison, NULL);
    assert_refused (f, p, "Only a prisoner");
  }
}

static void
test_participant_duplicate_national_id (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(HsParticipant) first = NULL;
  g_autoptr(HsParticipant) second = NULL;
  g_autoptr(GError) error = NULL;

  first = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Claudine Ingabire", "sex", "F",
                        "national-id", "1198870012345678", NULL);
  g_assert_true (hs_participant_save (first, f->db, &error));
  g_assert_no_error (error);

  second = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Claude Ingabire", "sex", "M",
                         "national-id", "1198870012345678", NULL);
  assert_refused (f, second, "national ID 1198870012345678 is already recorded for "
                  "Claudine Ingabire");

  /* Saving the holder again is not a duplicate of itself. */
  g_object_set (first, "phone", "0788123456", NULL);
  g_assert_true (hs_participant_save (first, f->db, &error));
  g_assert_no_error (error);
}

static const char *
saved_band (Fixture    *f,
            int         birth_year,
            const char *screening_date,
            const char *band)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(HsParticipant) q = NULL;
  g_autoptr(GError) error = NULL;
  static char result[16];

  p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Age Test", "sex", "F",
                    "birth-year", birth_year, "screening-date", screening_date,
                    "age-band", band, NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  q = hs_participant_load (f->db, hs_participant_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_participant_get_age_band (q), ==, hs_participant_get_age_band (p));
  g_strlcpy (result, hs_participant_get_age_band (q), sizeof result);
  return result;
}

static void
test_participant_age_band (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  int year = g_date_time_get_year (now);

  g_assert_cmpstr (hs_age_band_for_age (f->db, 15), ==, "adult");
  g_assert_cmpstr (hs_age_band_for_age (f->db, 16), ==, "youth");
  g_assert_cmpstr (hs_age_band_for_age (f->db, 30), ==, "youth");
  g_assert_cmpstr (hs_age_band_for_age (f->db, 31), ==, "adult");

  /* The age at screening counts, not today's. */
  g_assert_cmpstr (saved_band (f, 1990, "2020-12-31", NULL), ==, "youth");
  g_assert_cmpstr (saved_band (f, 1990, "2021-01-01", NULL), ==, "adult");
  g_assert_cmpstr (saved_band (f, 2004, "2020-06-01", NULL), ==, "youth");
  g_assert_cmpstr (saved_band (f, 2005, "2020-06-01", NULL), ==, "adult");
  /* Without a screening date, this year's age. */
  g_assert_cmpstr (saved_band (f, year - 30, NULL, NULL), ==, "youth");
  g_assert_cmpstr (saved_band (f, year - 31, NULL, NULL), ==, "adult");
  /* Nothing known: adult; a band given explicitly wins. */
  g_assert_cmpstr (saved_band (f, 0, NULL, NULL), ==, "adult");
  g_assert_cmpstr (saved_band (f, 1950, "2020-06-01", "youth"), ==, "youth");

  /* The bounds are settings. */
  g_assert_true (hs_database_set_setting (f->db, "youth.max_age", "35", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hs_age_band_for_age (f->db, 35), ==, "youth");
  g_assert_cmpstr (saved_band (f, 1990, "2021-01-01", NULL), ==, "youth");
}

static void
test_participant_missing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GError) error = NULL;

  p = hs_participant_load (f->db, 4242, &error);
  g_assert_null (p);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (hs_participant_delete (f->db, 4242, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 0);
}

static void
test_participant_delete_cascades (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(AuditRow) row = { 0, };
  gint64 group = add_group (f, "Musanze A", "running");
  gint64 s1 = add_session (f, group, 1);
  gint64 s2 = add_session (f, group, 2);
  gint64 alice = add_participant (f, "Alice", "F");
  gint64 bob = add_participant (f, "Bob", "M");

  g_assert_cmpint (hs_membership_add (f->db, group, alice, "2024-03-01", &error), >, 0);
  g_assert_cmpint (hs_membership_add (f->db, group, bob, "2024-03-01", &error), >, 0);
  g_assert_true (hs_attendance_set (f->db, s1, alice, "present", &error));
  g_assert_true (hs_attendance_set (f->db, s2, alice, "excused", &error));
  g_assert_true (hs_attendance_set (f->db, s1, bob, "absent", &error));
  g_assert_no_error (error);

  g_assert_true (hs_participant_delete (f->db, alice, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (f, "participant"), ==, 1);
  g_assert_cmpint (count_rows (f, "membership"), ==, 1);
  g_assert_cmpint (count_rows (f, "attendance"), ==, 1);
  g_assert_cmpint (count_audit (f, "attendance", "delete"), ==, 2);
  g_assert_cmpint (count_audit (f, "membership", "delete"), ==, 1);
  g_assert_cmpint (count_audit (f, "participant", "delete"), ==, 1);
  read_last_audit (f, &row);
  g_assert_cmpstr (row.action, ==, "delete");
  g_assert_cmpstr (row.table, ==, "participant");
  g_assert_cmpint (row.row_id, ==, alice);
  g_assert_nonnull (strstr (row.before, "\"full_name\":\"Alice\""));
  g_assert_null (row.after);
}

static void
test_participant_in_transaction (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The sample data wraps many saves in one transaction; each save's own
   * savepoint must nest inside it and go away with a rollback. */
  g_assert_true (hs_database_begin (f->db, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    add_participant (f, "Batch", "F");
  g_assert_cmpint (count_rows (f, "participant"), ==, 3);
  hs_database_rollback (f->db);
  g_assert_cmpint (count_rows (f, "participant"), ==, 0);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 0);

  g_assert_true (hs_database_begin (f->db, &error));
  add_participant (f, "Batch", "F");
  {
    g_autoptr(HsParticipant) bad = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Bad",
                                                 "sex", "X", NULL);
    g_assert_false (hs_participant_save (bad, f->db, NULL));
  }
  g_assert_true (hs_database_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "participant"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 1);
}

static void
test_facilitator (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HsFacilitator) fa = NULL;
  g_autoptr(HsFacilitator) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 group = add_group (f, "Ngoma Youth 1", "planned");

  fa = g_object_new (HS_TYPE_FACILITATOR, "full-name", "Jean Habimana", "sex", "M",
                     "phone", "0788000000", "district-id", f->ngoma,
                     "trained-date", "2021-05-10", NULL);
  g_assert_true (hs_facilitator_save (fa, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, "facilitator", "insert"), ==, 1);

  loaded = hs_facilitator_load (f->db, hs_facilitator_get_id (fa), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_facilitator_get_full_name (loaded), ==, "Jean Habimana");
  g_assert_cmpstr (hs_facilitator_get_sex (loaded), ==, "M");
  g_assert_cmpstr (hs_facilitator_get_phone (loaded), ==, "0788000000");
  g_assert_cmpint (hs_facilitator_get_district_id (loaded), ==, f->ngoma);
  g_assert_cmpstr (hs_facilitator_get_trained_date (loaded), ==, "2021-05-10");
  g_assert_cmpstr (hs_facilitator_get_created (loaded), ==, hs_facilitator_get_created (fa));
  g_assert_cmpstr (hs_facilitator_get_updated (loaded), ==, hs_facilitator_get_updated (fa));

  g_object_set (loaded, "sex", "W", NULL);
  g_assert_false (hs_facilitator_save (loaded, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (loaded, "sex", "F", NULL);
  g_assert_true (hs_facilitator_save (loaded, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, "facilitator", "update"), ==, 1);

  /* Someone who runs a group stays until taken off it. */
  g_assert_true (hs_group_add_facilitator (f->db, group, hs_facilitator_get_id (fa), &error));
  g_assert_false (hs_facilitator_delete (f->db, hs_facilitator_get_id (fa), &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hs_group_remove_facilitator (f->db, group, hs_facilitator_get_id (fa), &error));
  g_assert_true (hs_facilitator_delete (f->db, hs_facilitator_get_id (fa), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "facilitator"), ==, 0);
  g_assert_cmpint (count_audit (f, "facilitator", "delete"), ==, 1);
}

static void
test_group_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HsGroup) g = NULL;
  g_autoptr(HsGroup) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g = g_object_new (HS_TYPE_GROUP, "name", "Musanze Prison 1", "approach", "resilience",
                    "setting", "prison", "age-band", "adult",
                    "facility-id", f->musanze_prison, "sector", "Muhoza",
                    "venue", "Chapel", "weekday", 3, "start-time", "09:30",
                    "start-date", "2024-01-10", "planned-sessions", 16, "status", "graduated",
                    "graduation-date", "2024-05-01", "graduation-venue", "Prison hall",
                    "min-sessions", 13, "excused-count", 1, NULL);
  g_assert_true (hs_group_save (g, f->db, &error));
  g_assert_no_error (error);
  /* A prison group lies in its facility's district. */
  g_assert_cmpint (hs_group_get_district_id (g), ==, f->musanze);

  loaded = hs_group_load (f->db, hs_group_get_id (g), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_group_get_name (loaded), ==, "Musanze Prison 1");
  g_assert_cmpstr (hs_group_get_approach (loaded), ==, "resilience");
  g_assert_cmpstr (hs_group_get_setting (loaded), ==, "prison");
  g_assert_cmpstr (hs_group_get_age_band (loaded), ==, "adult");
  g_assert_cmpint (hs_group_get_district_id (loaded), ==, f->musanze);
  g_assert_cmpint (hs_group_get_facility_id (loaded), ==, f->musanze_prison);
  g_assert_cmpstr (hs_group_get_sector (loaded), ==, "Muhoza");
  g_assert_cmpstr (hs_group_get_venue (loaded), ==, "Chapel");
  g_assert_cmpint (hs_group_get_weekday (loaded), ==, 3);
  g_assert_cmpstr (hs_group_get_start_time (loaded), ==, "09:30");
  g_assert_cmpstr (hs_group_get_start_date (loaded), ==, "2024-01-10");
  g_assert_cmpint (hs_group_get_planned_sessions (loaded), ==, 16);
  g_assert_cmpstr (hs_group_get_status (loaded), ==, "graduated");
  g_assert_cmpstr (hs_group_get_graduation_date (loaded), ==, "2024-05-01");
  g_assert_cmpstr (hs_group_get_graduation_venue (loaded), ==, "Prison hall");
  g_assert_cmpint (hs_group_get_min_sessions (loaded), ==, 13);
  g_assert_cmpint (hs_group_get_excused_count (loaded), ==, 1);
  g_assert_nonnull (hs_group_get_created (loaded));
  g_assert_cmpint (count_audit (f, "hgroup", "insert"), ==, 1);

  /* Unset values come back unset. */
  g_clear_object (&g);
  g_clear_object (&loaded);
  g = g_object_new (HS_TYPE_GROUP, "name", "Ngoma Adults 1", "setting", "community",
                    "age-band", "adult", "district-id", f->ngoma, NULL);
  g_assert_true (hs_group_save (g, f->db, &error));
  loaded = hs_group_load (f->db, hs_group_get_id (g), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_group_get_approach (loaded), ==, "sociotherapy");
  g_assert_cmpstr (hs_group_get_status (loaded), ==, "planned");
  g_assert_cmpint (hs_group_get_planned_sessions (loaded), ==, 15);
  g_assert_cmpint (hs_group_get_weekday (loaded), ==, 0);
  g_assert_cmpint (hs_group_get_min_sessions (loaded), ==, 0);
  g_assert_cmpint (hs_group_get_excused_count (loaded), ==, -1);
  g_assert_cmpint (hs_group_get_facility_id (loaded), ==, 0);
}

static void
assert_group_refused (Fixture    *f,
                      HsGroup    *g,
                      const char *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 groups = count_rows (f, "hgroup");
  gint64 audits = count_rows (f, "audit_log");

  g_assert_false (hs_group_save (g, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (count_rows (f, "hgroup"), ==, groups);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);
}

static void
test_group_validation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HsGroup) g = NULL;

  add_group (f, "Taken", "planned");

  g = g_object_new (HS_TYPE_GROUP, "name", "Ngoma Prison 1", "setting", "prison",
                    "age-band", "adult", NULL);
  assert_group_refused (f, g, "prison group needs a correctional facility");

  g_object_set (g, "setting", "community", "facility-id", f->musanze_prison, NULL);
  assert_group_refused (f, g, "community group has no correctional facility");

  g_object_set (g, "facility-id", (gint64) 0, NULL);
  assert_group_refused (f, g, "district");

  g_object_set (g, "district-id", f->ngoma, "planned-sessions", 0, NULL);
  assert_group_refused (f, g, "between 1 and 100; 0");
  g_object_set (g, "planned-sessions", 101, NULL);
  assert_group_refused (f, g, "between 1 and 100; 101");

  g_object_set (g, "planned-sessions", 15, "status", "finished", NULL);
  assert_group_refused (f, g, "“finished” is not one of");

  g_object_set (g, "status", "running", "start-time", "9h30", NULL);
  assert_group_refused (f, g, "HH:MM");

  g_object_set (g, "start-time", NULL, "name", "Taken", NULL);
  assert_group_refused (f, g, "already a group named “Taken”");
}

static void
test_group_facilitators (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 group = add_group (f, "Musanze Youth 2", "running");
  gint64 first = add_facilitator (f, "Marie");
  gint64 second = add_facilitator (f, "Eric");

  g_assert_true (hs_group_add_facilitator (f->db, group, second, &error));
  g_assert_true (hs_group_add_facilitator (f->db, group, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, "group_facilitator", "insert"), ==, 2);

  g_assert_false (hs_group_add_facilitator (f->db, group, first, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hs_group_add_facilitator (f->db, group, 999, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "group_facilitator"), ==, 2);

  ids = hs_group_list_facilitators (f->db, group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, second);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, first);

  g_assert_true (hs_group_remove_facilitator (f->db, group, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, "group_facilitator", "delete"), ==, 1);
  g_assert_false (hs_group_remove_facilitator (f->db, group, second, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f, "group_facilitator"), ==, 1);
}

static void
test_group_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 group = add_group (f, "Nyabihu Adults 1", "running");
  gint64 person = add_participant (f, "Alice", "F");
  gint64 session = add_session (f, group, 1);
  gint64 facilitator = add_facilitator (f, "Marie");
  gint64 audits;

  g_assert_cmpint (hs_membership_add (f->db, group, person, NULL, &error), >, 0);
  g_assert_true (hs_attendance_set (f->db, session, person, "present", &error));
  g_assert_true (hs_group_add_facilitator (f->db, group, facilitator, &error));
  g_assert_no_error (error);

  audits = count_rows (f, "audit_log");
  g_assert_false (hs_group_delete (f->db, group, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Remove the member first"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "hgroup"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);

  /* Removing the member takes their marks at the group's sessions along. */
  g_assert_true (hs_membership_remove (f->db, group, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "attendance"), ==, 0);
  g_assert_cmpint (count_audit (f, "attendance", "delete"), ==, 1);
  g_assert_cmpint (count_audit (f, "membership", "delete"), ==, 1);

  g_assert_true (hs_group_delete (f->db, group, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "hgroup"), ==, 0);
  g_assert_cmpint (count_rows (f, "session"), ==, 0);
  g_assert_cmpint (count_rows (f, "group_facilitator"), ==, 0);
  g_assert_cmpint (count_audit (f, "hgroup", "delete"), ==, 1);
  g_assert_cmpint (count_audit (f, "session", "delete"), ==, 1);
  g_assert_cmpint (count_audit (f, "group_facilitator", "delete"), ==, 1);

  g_assert_false (hs_group_delete (f->db, group, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
}

static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HsSession) s = NULL;
  g_autoptr(HsSession) loaded = NULL;
  g_autoptr(HsSession) twin = NULL;
  g_autoptr(GError) error = NULL;
  gint64 group = add_group (f, "Nyagatare Youth 1", "running");
  gint64 person = add_participant (f, "Alice", "F");
  gint64 audits;

  s = g_object_new (HS_TYPE_SESSION, "group-id", group, "number", 4, "date", "2024-04-08",
                    "time", "14:00", "venue", "Sector office", "topic", "Trust",
                    "status", "moved", "reason", "Kwibuka week", NULL);
  g_assert_true (hs_session_save (s, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, "session", "insert"), ==, 1);

  loaded = hs_session_load (f->db, hs_session_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hs_session_get_group_id (loaded), ==, group);
  g_assert_cmpint (hs_session_get_number (loaded), ==, 4);
  g_assert_cmpstr (hs_session_get_date (loaded), ==, "2024-04-08");
  g_assert_cmpstr (hs_session_get_time (loaded), ==, "14:00");
  g_assert_cmpstr (hs_session_get_venue (loaded), ==, "Sector office");
  g_assert_cmpstr (hs_session_get_topic (loaded), ==, "Trust");
  g_assert_cmpstr (hs_session_get_status (loaded), ==, "moved");
  g_assert_cmpstr (hs_session_get_reason (loaded), ==, "Kwibuka week");

  g_object_set (loaded, "status", "held", "reason", NULL, NULL);
  g_assert_true (hs_session_save (loaded, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, "session", "update"), ==, 1);

  audits = count_rows (f, "audit_log");
  twin = g_object_new (HS_TYPE_SESSION, "group-id", group, "number", 4, "date", "2024-04-15",
                       NULL);
  g_assert_false (hs_session_save (twin, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "session number 4"));
  g_clear_error (&error);
  g_object_set (twin, "number", 5, "date", "15/04/2024", NULL);
  g_assert_false (hs_session_save (twin, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "session"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);

  g_assert_cmpint (hs_membership_add (f->db, group, person, NULL, &error), >, 0);
  g_assert_true (hs_attendance_set (f->db, hs_session_get_id (s), person, "present", &error));
  g_assert_true (hs_session_delete (f->db, hs_session_get_id (s), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "session"), ==, 0);
  g_assert_cmpint (count_rows (f, "attendance"), ==, 0);
  g_assert_cmpint (count_audit (f, "attendance", "delete"), ==, 1);
  g_assert_cmpint (count_audit (f, "session", "delete"), ==, 1);

  g_assert_false (hs_session_delete (f->db, hs_session_get_id (s), &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
}

static void
test_membership_outcome (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_auto(AuditRow) row = { 0, };
  gint64 group = add_group (f, "Nyamagabe Adults 1", "running");
  gint64 person = add_participant (f, "Alice", "F");
  gint64 id;

  id = hs_membership_add (f->db, group, person, "2024-01-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_audit (f, "membership", "insert"), ==, 1);
  outcome = hs_membership_get_outcome (f->db, group, person, &error);
  g_assert_cmpstr (outcome, ==, "ongoing");
  g_clear_pointer (&outcome, g_free);

  g_assert_cmpint (hs_membership_add (f->db, group, person, NULL, &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hs_membership_add (f->db, group, 999, NULL, &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (hs_membership_set_outcome (f->db, group, person, "expelled", NULL, NULL,
                                             &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hs_membership_set_outcome (f->db, group, 999, "dropped", NULL, NULL, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, 3);

  g_assert_true (hs_membership_set_outcome (f->db, group, person, "graduated", "2024-05-01",
                                            NULL, &error));
  g_assert_no_error (error);
  outcome = hs_membership_get_outcome (f->db, group, person, &error);
  g_assert_cmpstr (outcome, ==, "graduated");
  g_clear_pointer (&outcome, g_free);
  read_last_audit (f, &row);
  g_assert_cmpstr (row.action, ==, "update");
  g_assert_cmpstr (row.table, ==, "membership");
  g_assert_cmpint (row.row_id, ==, id);
  g_assert_nonnull (strstr (row.before, "\"outcome\":\"ongoing\""));
  g_assert_nonnull (strstr (row.after, "\"outcome\":\"graduated\""));
  g_assert_nonnull (strstr (row.after, "\"left_date\":\"2024-05-01\""));

  g_assert_true (hs_membership_remove (f->db, group, person, &error));
  g_assert_no_error (error);
  outcome = hs_membership_get_outcome (f->db, group, person, &error);
  g_assert_no_error (error);
  g_assert_null (outcome);
  g_assert_false (hs_membership_remove (f->db, group, person, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
}

static void
test_membership_one_open_group (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = add_group (f, "Ngoma Adults 1", "running");
  gint64 second = add_group (f, "Ngoma Adults 2", "planned");
  gint64 old = add_group (f, "Ngoma Adults 0", "graduated");
  gint64 person = add_participant (f, "Alice", "F");
  gint64 audits;

  g_assert_cmpint (hs_membership_add (f->db, first, person, NULL, &error), >, 0);
  g_assert_no_error (error);

  audits = count_rows (f, "audit_log");
  g_assert_cmpint (hs_membership_add (f->db, second, person, NULL, &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Alice is already in the group “Ngoma Adults 1”"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "membership"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);

  /* A finished group does not hold anyone. */
  g_assert_cmpint (hs_membership_add (f->db, old, person, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Once transferred out, the person may join another open group… */
  g_assert_true (hs_membership_set_outcome (f->db, first, person, "transferred", "2024-02-01",
                                            "Moved to Kibungo", &error));
  g_assert_cmpint (hs_membership_add (f->db, second, person, NULL, &error), >, 0);
  g_assert_no_error (error);
  /* …but not be made ongoing in the first again. */
  g_assert_false (hs_membership_set_outcome (f->db, first, person, "ongoing", NULL, NULL,
                                             &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mark = NULL;
  g_auto(AuditRow) row = { 0, };
  gint64 group = add_group (f, "Huye Adults 1", "running");
  gint64 session = add_session (f, group, 1);
  gint64 member = add_participant (f, "Alice", "F");
  gint64 stranger = add_participant (f, "Bob", "M");
  gint64 audits;

  g_assert_cmpint (hs_membership_add (f->db, group, member, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (hs_attendance_set (f->db, session, member, "present", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "attendance"), ==, 1);
  g_assert_cmpint (count_audit (f, "attendance", "insert"), ==, 1);

  g_assert_true (hs_attendance_set (f->db, session, member, "absent", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "attendance"), ==, 1);
  mark = hs_attendance_get (f->db, session, member, &error);
  g_assert_cmpstr (mark, ==, "absent");
  g_assert_cmpint (count_audit (f, "attendance", "update"), ==, 1);
  read_last_audit (f, &row);
  g_assert_nonnull (strstr (row.before, "\"mark\":\"present\""));
  g_assert_nonnull (strstr (row.after, "\"mark\":\"absent\""));

  /* The same mark again changes no row, so it writes no audit row. */
  audits = count_rows (f, "audit_log");
  g_assert_true (hs_attendance_set (f->db, session, member, "absent", &error));
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);

  g_assert_false (hs_attendance_set (f->db, session, stranger, "present", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a member"));
  g_clear_error (&error);
  g_assert_false (hs_attendance_set (f->db, session, member, "late", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hs_attendance_set (f->db, 999, member, "present", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "attendance"), ==, 1);
  g_assert_cmpint (count_rows (f, "audit_log"), ==, audits);

  /* No mark takes a mistaken one back. */
  g_assert_true (hs_attendance_set (f->db, session, member, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&mark, g_free);
  mark = hs_attendance_get (f->db, session, member, &error);
  g_assert_no_error (error);
  g_assert_null (mark);
  g_assert_cmpint (count_audit (f, "attendance", "delete"), ==, 1);
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/domain/participant/round-trip", test_participant_round_trip);
  add_test ("/domain/participant/properties", test_participant_properties);
  add_test ("/domain/participant/insert-audited", test_participant_insert_audited);
  add_test ("/domain/participant/update-audited", test_participant_update_audited);
  add_test ("/domain/participant/validation", test_participant_validation);
  add_test ("/domain/participant/duplicate-national-id", test_participant_duplicate_national_id);
  add_test ("/domain/participant/age-band", test_participant_age_band);
  add_test ("/domain/participant/missing", test_participant_missing);
  add_test ("/domain/participant/delete-cascades", test_participant_delete_cascades);
  add_test ("/domain/participant/in-transaction", test_participant_in_transaction);
  add_test ("/domain/facilitator/save-load-delete", test_facilitator);
  add_test ("/domain/group/round-trip", test_group_round_trip);
  add_test ("/domain/group/validation", test_group_validation);
  add_test ("/domain/group/facilitators", test_group_facilitators);
  add_test ("/domain/group/delete", test_group_delete);
  add_test ("/domain/session/save-load-delete", test_session);
  add_test ("/domain/membership/outcome", test_membership_outcome);
  add_test ("/domain/membership/one-open-group", test_membership_one_open_group);
  add_test ("/domain/attendance/upsert", test_attendance);

  return g_test_run ();
}
