/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs-certificate.h"
#include "hs-csv-import.h"
#include "hs-database-private.h"
#include "hs-livelihood.h"
#include "hs-participant.h"
#include "hs-sample-data.h"
#include "hs-xml.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static HsDatabase *
open_fresh (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  HsDatabase *db;

  g_unlink (path);
  db = hs_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
count (HsDatabase *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
export_to (HsDatabase *db,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_xml_export (db, path, NULL, &error));
  g_assert_no_error (error);
}

static HsMergeResult
merge_from (HsDatabase *db,
            const char *path,
            GPtrArray **conflicts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HsMergeResult result;

  g_assert_true (hs_xml_merge (db, path, FALSE, &result, &list, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_test_message ("conflict: %s", (const char *) g_ptr_array_index (list, i));
  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&list);
  return result;
}

static void
test_round_trip (void)
{
  g_autoptr(HsDatabase) source = open_fresh ("source.db");
  g_autoptr(HsDatabase) target = open_fresh ("target.db");
  g_autofree char *path = tmp_path ("all.xml");
  g_autoptr(GError) error = NULL;
  HsMergeResult result;
  gint64 memberships;

  g_assert_true (hs_sample_data_fill (source, NULL, &error));
  g_assert_no_error (error);
  export_to (source, path);
  result = merge_from (target, path, NULL);
  memberships = count (source, "SELECT count(*) FROM membership");
  g_assert_cmpuint (result.conflicts, ==, 0);
  g_assert_cmpuint (result.added, ==, count (source, "SELECT count(*) FROM participant")
                                      + count (source, "SELECT count(*) FROM hgroup")
                                      + memberships
                                      + count (source, "SELECT count(*) FROM facilitator")
                                      + count (source, "SELECT count(*) FROM group_facilitator")
                                      + count (source, "SELECT count(*) FROM session")
                                      + count (source, "SELECT count(*) FROM attendance")
                                      + count (source, "SELECT count(*) FROM certificate")
                                      + count (source, "SELECT count(*) FROM business_group")
                                      + count (source, "SELECT count(*) FROM business_member")
                                      + count (source, "SELECT count(*) FROM business_capital")
                                      + count (source, "SELECT count(*) FROM business_visit")
                                      + count (source, "SELECT count(*) FROM tvet")
                                      + count (source, "SELECT count(*) FROM target"));
  g_assert_cmpint (count (target, "SELECT count(*) FROM membership WHERE outcome = 'graduated'"),
                   ==, 836);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant p JOIN membership m"
                                  " ON m.participant_id = p.id WHERE m.outcome = 'graduated'"
                                  " AND p.sex = 'F'"), ==, 489);

  /* Merging the same export again changes nothing and duplicates no one. */
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant"), ==,
                   count (source, "SELECT count(*) FROM participant"));
}

static char *
text (HsDatabase *db,
      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* What a programme did, as text that names records only by UUID: equal in
 * two offices when they hold the same facts. */
static const char * const programme_facts[] = {
  "SELECT group_concat (x, ';') FROM (SELECT f.uuid || '|' || f.full_name || '|' || f.sex"
  " || '|' || coalesce (f.phone, '') || '|' || coalesce (d.name, '') || '|'"
  " || coalesce (f.trained_date, '') AS x FROM facilitator f"
  " LEFT JOIN district d ON d.id = f.district_id ORDER BY f.uuid)",
  "SELECT group_concat (x, ';') FROM (SELECT g.uuid || '|' || f.uuid AS x"
  " FROM group_facilitator gf JOIN hgroup g ON g.id = gf.group_id"
  " JOIN facilitator f ON f.id = gf.facilitator_id ORDER BY x)",
  "SELECT group_concat (x, ';') FROM (SELECT s.uuid || '|' || g.uuid || '|' || s.number || '|'"
  " || s.date || '|' || coalesce (s.time, '') || '|' || coalesce (s.venue, '') || '|'"
  " || coalesce (s.topic, '') || '|' || s.status || '|' || s.updated AS x"
  " FROM session s JOIN hgroup g ON g.id = s.group_id ORDER BY s.uuid)",
  "SELECT group_concat (x, ';') FROM (SELECT s.uuid || '|' || p.uuid || '|' || a.mark AS x"
  " FROM attendance a JOIN session s ON s.id = a.session_id"
  " JOIN participant p ON p.id = a.participant_id ORDER BY x)",
  "SELECT group_concat (x, ';') FROM (SELECT c.uuid || '|' || c.serial || '|' || p.uuid || '|'"
  " || g.uuid || '|' || c.issued || '|' || c.language || '|' || coalesce (r.uuid, '') || '|'"
  " || coalesce (c.voided, '') || '|' || coalesce (c.void_reason, '') AS x"
  " FROM certificate c JOIN participant p ON p.id = c.participant_id"
  " JOIN hgroup g ON g.id = c.group_id LEFT JOIN certificate r ON r.id = c.reprint_of"
  " ORDER BY c.uuid)",
};

static void
assert_same_programme (HsDatabase *a,
                       HsDatabase *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (programme_facts); i++)
    {
      g_autofree char *left = text (a, programme_facts[i]);
      g_autofree char *right = text (b, programme_facts[i]);

      g_assert_nonnull (left);
      g_assert_cmpstr (left, ==, right);
    }
}

/* Office A ran groups (facilitators, sessions, attendance) and printed
 * certificates; office B merges A's export and holds the same facts. */
static void
test_round_trip_programme (void)
{
  g_autoptr(HsDatabase) source = open_fresh ("office-a.db");
  g_autoptr(HsDatabase) target = open_fresh ("office-b.db");
  g_autofree char *path = tmp_path ("office-a.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(HsCertificate) reprint = NULL;
  HsMergeResult result;
  gint64 group_id;

  g_assert_true (hs_sample_data_fill (source, NULL, &error));
  g_assert_no_error (error);
  group_id = count (source, "SELECT group_id FROM membership WHERE outcome = 'graduated'"
                            " ORDER BY id LIMIT 1");
  keys = hs_certificate_graduates_of_group (source, group_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, >, 2);
  certificates = hs_certificate_issue_batch (source, (HsCertificateKey *) keys->data, keys->len,
                                             "rw", "2025-08-20", &error);
  g_assert_no_error (error);
  reprint = hs_certificate_issue (source, g_array_index (keys, HsCertificateKey, 0).participant_id,
                                  group_id, "en", "2025-09-01", &error);
  g_assert_no_error (error);
  g_assert_true (hs_certificate_void (source, hs_certificate_get_serial (
                                        g_ptr_array_index (certificates, 1)),
                                      "Misspelt name", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (source, "SELECT count(*) FROM session"), >, 100);
  g_assert_cmpint (count (source, "SELECT count(*) FROM attendance"), >, 1000);
  g_assert_cmpint (count (source, "SELECT count(*) FROM group_facilitator"), >, 10);

  export_to (source, path);
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.conflicts, ==, 0);
  assert_same_programme (source, target);
  g_assert_cmpint (count (target, "SELECT count(*) FROM certificate WHERE reprint_of IS NOT NULL"),
                   ==, 1);
  /* Every merged row is in the audit log: the added ones in one entry per
   * table, whose id range holds them all. */
  g_assert_cmpint (count (target, "SELECT json_extract (after, '$.rows') FROM audit_log"
                                  " WHERE table_name = 'attendance_merge' AND action = 'insert'"),
                   ==, count (target, "SELECT count(*) FROM attendance"));
  g_assert_cmpint (count (target, "SELECT count(*) FROM attendance, audit_log a"
                                  " WHERE a.table_name = 'attendance_merge' AND attendance.id"
                                  " BETWEEN a.row_id AND json_extract (a.after, '$.last_id')"),
                   ==, count (target, "SELECT count(*) FROM attendance"));
  g_assert_cmpint (count (target, "SELECT json_extract (after, '$.rows') FROM audit_log"
                                  " WHERE table_name = 'session_merge'"),
                   ==, count (target, "SELECT count(*) FROM session"));
  /* B's next certificate does not take a serial A gave. */
  g_assert_cmpint (count (target, "SELECT max (last) FROM certificate_counter"), ==,
                   count (source, "SELECT max (last) FROM certificate_counter"));

  /* Again: nothing new. */
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.conflicts, ==, 0);

  /* A moves a session (newer there), B changes an attendance mark: the
   * session follows A, the mark stays B's and is listed. */
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (source),
                                 "UPDATE session SET venue = 'Church hall', status = 'moved',"
                                 " updated = '2999-01-01T00:00:00.000Z'"
                                 " WHERE id = (SELECT min (id) FROM session);"
                                 "UPDATE attendance SET mark = 'present'"
                                 " WHERE id = (SELECT min (id) FROM attendance"
                                 "   WHERE mark = 'absent')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (target),
                                 "UPDATE attendance SET mark = 'excused'"
                                 " WHERE id = (SELECT min (id) FROM attendance"
                                 "   WHERE mark = 'absent')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  export_to (source, path);
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.conflicts, ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM session WHERE venue = 'Church hall'"
                                  " AND status = 'moved'"), ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM merge_conflict"
                                  " WHERE table_name = 'attendance'"), ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM audit_log"
                                  " WHERE table_name = 'merge_conflict'"), ==, 1);
}

/* The livelihood layer as text naming records by UUID. */
static const char * const livelihood_facts[] = {
  "SELECT group_concat (x, ';') FROM (SELECT b.uuid || '|' || b.name || '|'"
  " || coalesce (d.name, '') || '|' || coalesce (b.activity, '') || '|'"
  " || coalesce (b.training_start, '') || '|' || coalesce (b.start_date, '') || '|' || b.status"
  " || '|' || b.updated AS x FROM business_group b LEFT JOIN district d ON d.id = b.district_id"
  " ORDER BY b.uuid)",
  "SELECT group_concat (x, ';') FROM (SELECT b.uuid || '|' || p.uuid AS x"
  " FROM business_member m JOIN business_group b ON b.id = m.business_group_id"
  " JOIN participant p ON p.id = m.participant_id ORDER BY x)",
  "SELECT group_concat (x, ';') FROM (SELECT c.uuid || '|' || b.uuid || '|' || c.amount_rwf"
  " || '|' || c.date || '|' || coalesce (c.source, '') AS x FROM business_capital c"
  " JOIN business_group b ON b.id = c.business_group_id ORDER BY c.uuid)",
  "SELECT group_concat (x, ';') FROM (SELECT v.uuid || '|' || b.uuid || '|' || v.date || '|'"
  " || v.active || '|' || coalesce (v.members_present, '') || '|' || coalesce (v.notes, '') AS x"
  " FROM business_visit v JOIN business_group b ON b.id = v.business_group_id ORDER BY v.uuid)",
  "SELECT group_concat (x, ';') FROM (SELECT t.uuid || '|' || p.uuid || '|' || t.trade || '|'"
  " || coalesce (t.centre, '') || '|' || t.status || '|' || coalesce (t.release_date, '') || '|'"
  " || coalesce (t.reintegration, '') || '|' || t.updated AS x FROM tvet t"
  " JOIN participant p ON p.id = t.participant_id ORDER BY t.uuid)",
  "SELECT group_concat (x, ';') FROM (SELECT t.uuid || '|' || t.name || '|' || t.metric || '|'"
  " || t.value || '|' || coalesce (t.female, '') || '|' || coalesce (t.male, '') || '|'"
  " || coalesce (d.name, '') || '|' || coalesce (t.start_date, '') || '|' || t.past AS x"
  " FROM target t LEFT JOIN district d ON d.id = t.district_id ORDER BY t.uuid)",
};

static char *
follow_up_csv (HsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodReport) report = hs_livelihood_report_new (db, "2026-11-26", &error);

  g_assert_no_error (error);
  return hs_livelihood_report_csv (report);
}

/* Office A's livelihood groups, members, capital, visits, TVET records and
 * targets arrive whole in office B: the same facts, the same follow-up
 * report; a second merge adds nothing; then the newer side of each change
 * wins and a record a rule refuses here is listed, not merged. */
static void
test_round_trip_livelihoods (void)
{
  g_autoptr(HsDatabase) source = open_fresh ("live-a.db");
  g_autoptr(HsDatabase) target = open_fresh ("live-b.db");
  g_autofree char *path = tmp_path ("live-a.xml");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(HsLivelihoodGroup) group = NULL;
  g_autoptr(HsTvet) tvet = NULL;
  HsMergeResult result;
  GDate today;

  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (hs_sample_data_fill (source, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (source, "SELECT count(*) FROM business_visit"), >, 40);
  g_assert_cmpint (count (source, "SELECT count(*) FROM tvet"), >, 10);

  export_to (source, path);
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.conflicts, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (livelihood_facts); i++)
    {
      g_autofree char *left = text (source, livelihood_facts[i]);
      g_autofree char *right = text (target, livelihood_facts[i]);

      g_assert_nonnull (left);
      g_assert_cmpstr (left, ==, right);
    }
  before = follow_up_csv (source);
  after = follow_up_csv (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (target, "SELECT json_extract (after, '$.rows') FROM audit_log"
                                  " WHERE table_name = 'tvet_merge'"),
                   ==, count (target, "SELECT count(*) FROM tvet"));

  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.conflicts, ==, 0);

  /* A pauses a group and visits it again; B then edits a TVET record that
   * A had edited earlier. */
  group = hs_livelihood_group_load (source, count (source, "SELECT min (id) FROM business_group"),
                                    &error);
  g_assert_no_error (error);
  g_free (group->status);
  group->status = g_strdup ("paused");
  g_usleep (2000);
  g_assert_true (hs_livelihood_group_save (group, source, &error));
  g_assert_cmpint (hs_livelihood_add_visit (source, group->id, "2026-11-20", FALSE, 3,
                                            "Drought", &error), >, 0);
  tvet = hs_tvet_load (source, count (source, "SELECT min (id) FROM tvet"), &error);
  g_assert_no_error (error);
  g_free (tvet->centre);
  tvet->centre = g_strdup ("Centre named in A");
  g_assert_true (hs_tvet_save (tvet, source, &error));
  g_assert_no_error (error);
  g_usleep (2000);
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (target),
                                 "UPDATE tvet SET centre = 'Centre named in B'"
                                 " WHERE id = (SELECT min (id) FROM tvet)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* And a member B cannot take: someone who has not graduated here. */
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (target),
                                 "UPDATE membership SET outcome = 'dropped' WHERE participant_id ="
                                 " (SELECT participant_id FROM business_member"
                                 "  WHERE business_group_id = (SELECT min (id) FROM business_group)"
                                 "  ORDER BY id LIMIT 1);"
                                 "DELETE FROM business_member WHERE id = (SELECT id"
                                 " FROM business_member WHERE business_group_id ="
                                 " (SELECT min (id) FROM business_group) ORDER BY id LIMIT 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  export_to (source, path);
  result = merge_from (target, path, &conflicts);
  /* The group paused in A is paused in B; B's newer TVET edit stays and is
   * listed; the member who did not graduate in B is listed, not added. */
  g_assert_cmpint (count (target, "SELECT count(*) FROM business_group b WHERE status = 'paused'"
                                  " AND b.id = (SELECT min (id) FROM business_group)"), ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM business_group WHERE status = 'paused'"),
                   ==, count (source, "SELECT count(*) FROM business_group"
                                      " WHERE status = 'paused'"));
  g_assert_cmpint (count (target, "SELECT count(*) FROM business_visit WHERE notes = 'Drought'"),
                   ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM tvet WHERE centre = 'Centre named in B'"),
                   ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM merge_conflict WHERE table_name = 'tvet'"
                                  " AND reason LIKE '%newer%'"), ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM merge_conflict"
                                  " WHERE table_name = 'livelihood-member'"), ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM business_member"), ==,
                   count (source, "SELECT count(*) FROM business_member") - 1);
}

static HsDatabase *
small_office (const char *name)
{
  g_autofree char *csv = tmp_path ("people.csv");
  g_autoptr(HsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  HsDatabase *db = open_fresh (name);

  g_assert_true (g_file_set_contents (csv, "name,sex,birth_year,district,national_id,group\n"
                                      "Uwase Marie,F,1990,Musanze,1199070000000001,Musanze A\n"
                                      "Habimana Eric,M,1980,Musanze,,Musanze A\n", -1, NULL));
  import = hs_csv_import_new (db, csv, &error);
  g_assert_no_error (error);
  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE, NULL,
                                    NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return db;
}

static void
set_phone (HsDatabase *db,
           const char *national_id,
           const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM participant WHERE national_id = '%s'",
                                          national_id);
  g_autoptr(HsParticipant) person = hs_participant_load (db, count (db, sql), &error);

  g_assert_no_error (error);
  /* "updated" has microseconds; make sure the clock moved. */
  g_usleep (2000);
  g_object_set (person, "phone", phone, NULL);
  g_assert_true (hs_participant_save (person, db, &error));
  g_assert_no_error (error);
}

static void
test_newer_wins_and_conflicts (void)
{
  g_autoptr(HsDatabase) kigali = small_office ("kigali.db");
  g_autoptr(HsDatabase) musanze = open_fresh ("musanze.db");
  g_autofree char *first = tmp_path ("first.xml");
  g_autofree char *second = tmp_path ("second.xml");
  g_autoptr(GPtrArray) conflicts = NULL;
  HsMergeResult result;

  export_to (kigali, first);
  result = merge_from (musanze, first, NULL);
  g_assert_cmpuint (result.added, ==, 5);

  /* Kigali corrects a phone: the newer record wins in Musanze. */
  set_phone (kigali, "1199070000000001", "0788111222");
  export_to (kigali, second);
  result = merge_from (musanze, second, NULL);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (count (musanze, "SELECT count(*) FROM participant"
                                   " WHERE phone = '+250788111222'"), ==, 1);

  /* Musanze changes it again; the old Kigali file must not undo that. */
  set_phone (musanze, "1199070000000001", "0788333444");
  result = merge_from (musanze, second, &conflicts);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.conflicts, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (conflicts, 0), "newer"));
  g_assert_cmpint (count (musanze, "SELECT count(*) FROM participant"
                                   " WHERE phone = '+250788333444'"), ==, 1);
  g_assert_cmpint (count (musanze, "SELECT count(*) FROM merge_conflict"), ==, 1);
  g_assert_cmpint (count (musanze, "SELECT count(*) FROM audit_log"
                                   " WHERE table_name = 'merge_conflict'"), ==, 1);
}

static char *
text_of (HsDatabase *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A participant and a session the database refuses halfway through the
 * file (a trigger stands in for any refusal after the row was written): each
 * is listed and leaves nothing behind, everything around them is merged, and
 * the search index, written once at the end, holds exactly the merged people
 * — also a renamed one, under the new name only. */
static void
test_refused_rows_mid_file (void)
{
  g_autoptr(HsDatabase) source = open_fresh ("refused-source.db");
  g_autoptr(HsDatabase) target = open_fresh ("refused-target.db");
  g_autofree char *path = tmp_path ("refused.xml");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *session = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *rename = NULL;
  g_autofree char *renamed = NULL;
  HsMergeResult result;
  gboolean listed_person = FALSE, listed_session = FALSE;

  g_assert_true (hs_sample_data_fill (source, NULL, &error));
  g_assert_no_error (error);
  person = text_of (source, "SELECT uuid FROM participant ORDER BY id LIMIT 1 OFFSET 40");
  session = text_of (source, "SELECT uuid FROM session ORDER BY id LIMIT 1 OFFSET 7");
  export_to (source, path);
  /* The person's audit entry is refused, after their row went in. */
  triggers = g_strdup_printf ("CREATE TRIGGER refuse_person BEFORE INSERT ON audit_log"
                              " WHEN NEW.table_name = 'participant'"
                              " AND instr (NEW.after, '%s') > 0"
                              " BEGIN SELECT RAISE (ABORT, 'refused for the test'); END;"
                              "CREATE TRIGGER refuse_session BEFORE INSERT ON session"
                              " WHEN NEW.uuid = '%s'"
                              " BEGIN SELECT RAISE (ABORT, 'refused for the test'); END;",
                              person, session);
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (target), triggers, NULL, NULL, NULL),
                   ==, SQLITE_OK);

  result = merge_from (target, path, &conflicts);
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (target), "DROP TRIGGER refuse_person;"
                                 "DROP TRIGGER refuse_session", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const char *line = g_ptr_array_index (conflicts, i);

      listed_person |= g_str_has_prefix (line, "participant ") && strstr (line, person) != NULL;
      listed_session |= g_str_has_prefix (line, "session ") && strstr (line, session) != NULL;
    }
  g_assert_true (listed_person);
  g_assert_true (listed_session);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant"), ==,
                   count (source, "SELECT count(*) FROM participant") - 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM session"), ==,
                   count (source, "SELECT count(*) FROM session") - 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM merge_conflict"
                                  " WHERE table_name IN ('participant', 'session')"), ==, 2);
  /* Nothing of the refused person stayed: not their row, not their entry. */
  g_assert_cmpint (count (target, "SELECT count(*) FROM audit_log WHERE table_name ="
                                  " 'participant' AND row_id NOT IN (SELECT id FROM participant)"),
                   ==, 0);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant_fts"), ==,
                   count (target, "SELECT count(*) FROM participant"));
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant p"
                                  " JOIN participant_fts f ON f.rowid = p.id"), ==,
                   count (target, "SELECT count(*) FROM participant"));
  g_assert_cmpint (count (target, "SELECT json_extract (after, '$.rows') FROM audit_log"
                                  " WHERE table_name = 'session_merge'"), ==,
                   count (target, "SELECT count(*) FROM session"));

  /* The other office renames someone: the search finds the new name only. */
  rename = g_strdup_printf ("UPDATE participant SET full_name = 'Zéphyrin Kwizerimana',"
                            " updated = '2999-01-01T00:00:00.000Z' WHERE uuid = ("
                            "SELECT uuid FROM participant ORDER BY id LIMIT 1 OFFSET 3)");
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (source), rename, NULL, NULL, NULL),
                   ==, SQLITE_OK);
  renamed = text_of (source, "SELECT uuid FROM participant ORDER BY id LIMIT 1 OFFSET 3");
  export_to (source, path);
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant_fts"
                                  " WHERE participant_fts MATCH 'kwizerimana'"), ==, 1);
  g_free (rename);
  rename = g_strdup_printf ("SELECT p.uuid = '%s' FROM participant_fts f JOIN participant p"
                            " ON p.id = f.rowid WHERE participant_fts MATCH 'kwizerimana'",
                            renamed);
  g_assert_cmpint (count (target, rename), ==, 1);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant_fts"), ==,
                   count (target, "SELECT count(*) FROM participant"));
}

/* The synthetic people of sample-data --scale (the benchmark's) export to a
 * valid file: their sessions carry the time they last changed. */
static void
test_round_trip_scaled (void)
{
  g_autoptr(HsDatabase) source = open_fresh ("scaled-source.db");
  g_autoptr(HsDatabase) target = open_fresh ("scaled-target.db");
  g_autofree char *path = tmp_path ("scaled.xml");
  g_autoptr(GError) error = NULL;
  HsMergeResult result;

  g_assert_true (hs_sample_data_add_scale (source, 300, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (source, "SELECT count(*) FROM session WHERE updated IS NULL"), ==, 0);
  export_to (source, path);
  result = merge_from (target, path, NULL);
  g_assert_cmpuint (result.conflicts, ==, 0);
  g_assert_cmpint (count (target, "SELECT count(*) FROM participant"), ==,
                   count (source, "SELECT count(*) FROM participant"));
  g_assert_cmpint (count (target, "SELECT count(*) FROM attendance"), ==,
                   count (source, "SELECT count(*) FROM attendance"));
}

/* Another office recorded the same person independently: same national ID,
 * another UUID. Not added twice; listed. */
static void
test_same_national_id (void)
{
  g_autoptr(HsDatabase) a = small_office ("a.db");
  g_autoptr(HsDatabase) b = small_office ("b.db");
  g_autofree char *path = tmp_path ("a.xml");
  g_autoptr(GPtrArray) conflicts = NULL;
  HsMergeResult result;

  export_to (a, path);
  result = merge_from (b, path, &conflicts);
  g_assert_cmpint (count (b, "SELECT count(*) FROM participant"
                             " WHERE national_id = '1199070000000001'"), ==, 1);
  g_assert_cmpuint (result.conflicts, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (conflicts, 0), "national ID"));
}

static char *
dump (const char *db_path)
{
  const char *argv[] = { "sqlite3", db_path, ".dump", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

static int
run_cli (const char * const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("HS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &wait_status, &error));
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_hostile_xml (void)
{
  g_autoptr(HsDatabase) db = small_office ("hostile.db");
  g_autofree char *db_path = g_strdup (hs_database_get_path (db));
  g_autofree char *before = dump (db_path);
  static const struct { const char *file; const char *expected; } cases[] = {
    { "xxe.xml", "DOCTYPE" },
    { "billion-laughs.xml", "DOCTYPE" },
    { "doctype.xml", "DOCTYPE" },
    { "schema-invalid.xml", "Line 8:" },
    { "truncated.xml", "not a valid Healing Spaces export" },
    { "nul-bytes.xml", "Line 2:" },
    { "invalid-utf8.xml", "UTF-8" },
    { "nul-bytes.csv", "not a valid Healing Spaces export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("HS_SOURCE_ROOT"), "tests", "data",
                                                "hostile", cases[i].file, NULL);
      const char *args[] = { "--db", db_path, "merge", path, NULL };
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpint (run_cli (args, &err), ==, 1);
      g_test_message ("%s: %s", cases[i].file, err);
      g_assert_nonnull (strstr (err, cases[i].expected));
      g_assert_null (strstr (err, "root:"));
      after = dump (db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* 200 MB on one line (a name that never ends): refused after a few MB.
 * The sanitizer run sets HS_TEST_HUGE_MB lower: there each MB costs 0.5 s. */
static void
test_hostile_long_line (void)
{
  g_autoptr(HsDatabase) db = small_office ("long.db");
  g_autofree char *path = tmp_path ("long.xml");
  g_autofree char *block = g_malloc (1024 * 1024);
  g_autoptr(GError) error = NULL;
  FILE *file = g_fopen (path, "wb");
  gint64 participants = count (db, "SELECT count(*) FROM participant");
  int megabytes = g_getenv ("HS_TEST_HUGE_MB") != NULL ? atoi (g_getenv ("HS_TEST_HUGE_MB")) : 200;

  memset (block, 'A', 1024 * 1024);
  fputs ("<?xml version=\"1.0\"?><export xmlns=\"urn:healing-spaces:export:1\" version=\"1\""
         " exported=\"2026-01-01T00:00:00Z\"><participants><participant"
         " uuid=\"11111111-2222-4333-8444-555555555555\" created=\"2026-01-01T00:00:00Z\""
         " updated=\"2026-01-01T00:00:00Z\"><full-name>", file);
  for (int i = 0; i < megabytes; i++)
    g_assert_cmpuint (fwrite (block, 1, 1024 * 1024, file), ==, 1024 * 1024);
  fclose (file);
  g_assert_false (hs_xml_merge (db, path, FALSE, NULL, NULL, &error));
  g_assert_error (error, HS_XML_ERROR, HS_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"), ==, participants);
  g_unlink (path);
}

static void
test_cli_dry_run (void)
{
  g_autoptr(HsDatabase) source = small_office ("dry-src.db");
  g_autoptr(HsDatabase) target = open_fresh ("dry-dst.db");
  g_autofree char *xml = tmp_path ("dry.xml");
  g_autofree char *target_path = g_strdup (hs_database_get_path (target));
  const char *export_args[] = { "--db", hs_database_get_path (source), "export", "--format",
                                "xml", "-o", xml, NULL };
  const char *dry[] = { "--db", target_path, "merge", xml, "--dry-run", NULL };
  g_autofree char *err1 = NULL, *err2 = NULL;
  g_autofree char *before = dump (target_path);
  g_autofree char *after = NULL;

  g_assert_cmpint (run_cli (export_args, &err1), ==, 0);
  g_assert_cmpint (run_cli (dry, &err2), ==, 0);
  after = dump (target_path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-xml-XXXXXX", NULL);

  g_test_add_func ("/xml/round-trip", test_round_trip);
  g_test_add_func ("/xml/round-trip/programme", test_round_trip_programme);
  g_test_add_func ("/xml/newer-wins-and-conflicts", test_newer_wins_and_conflicts);
  g_test_add_func ("/xml/round-trip/livelihoods", test_round_trip_livelihoods);
  g_test_add_func ("/xml/same-national-id", test_same_national_id);
  g_test_add_func ("/xml/refused-rows-mid-file", test_refused_rows_mid_file);
  g_test_add_func ("/xml/round-trip/scaled", test_round_trip_scaled);
  g_test_add_func ("/xml/hostile", test_hostile_xml);
  g_test_add_func ("/xml/hostile/long-line", test_hostile_long_line);
  g_test_add_func ("/xml/cli-dry-run", test_cli_dry_run);

  status = g_test_run ();
  {
    const char *argv_rm[] = { "rm", "-rf", tmp_dir, NULL };
    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  NULL, NULL);
  }
  return status;
}
