/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "hs-database-private.h"
#include "hs-sample-data.h"
#include "hs-stats.h"

/* One sample database for all the read-only checks: filling it is the
 * slowest step of this program. */
static char *tmp_dir;
static HsDatabase *sample_db;

static gint64
query_int (HsDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (HsDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static HsDatabase *
make_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(HsDatabase) db = hs_database_open (path, &error);
  GDate today;

  g_assert_no_error (error);
  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (hs_sample_data_fill (db, &today, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static const HsDistrictStats *
find_district (const HsStats *stats,
               const char    *name)
{
  for (guint i = 0; i < stats->districts->len; i++)
    {
      const HsDistrictStats *d = g_ptr_array_index (stats->districts, i);

      if (g_str_equal (d->name, name))
        return d;
    }
  g_assert_not_reached ();
}

static void
test_marginals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStats) stats = hs_stats_compute (sample_db, &error);
  static const struct { const char *name; guint graduates, community, prison; } seed[] = {
    { "Musanze", 178, 132, 46 },
    { "Ngoma", 135, 90, 45 },
    { "Nyabihu", 147, 147, 0 },
    { "Nyagatare", 186, 146, 40 },
    { "Nyamagabe", 190, 148, 42 },
  };
  guint female = 0, youth = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (stats->graduates, ==, 836);
  g_assert_cmpuint (stats->female, ==, 489);
  g_assert_cmpuint (stats->male, ==, 347);
  g_assert_cmpuint (stats->youth, ==, 327);
  g_assert_cmpuint (stats->adults, ==, 509);
  g_assert_cmpuint (stats->prisoners, ==, 173);
  g_assert_cmpuint (stats->prisoners_female, ==, 119);
  g_assert_cmpuint (stats->prisoners_male, ==, 54);
  g_assert_cmpuint (stats->groups_community_adult, ==, 25);
  g_assert_cmpuint (stats->groups_community_youth, ==, 25);
  g_assert_cmpuint (stats->groups_prison, ==, 12);

  g_assert_cmpuint (stats->districts->len, ==, G_N_ELEMENTS (seed));
  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      const HsDistrictStats *d = g_ptr_array_index (stats->districts, i);

      g_assert_cmpstr (d->name, ==, seed[i].name);
      g_assert_cmpuint (d->graduates, ==, seed[i].graduates);
      g_assert_cmpuint (d->community, ==, seed[i].community);
      g_assert_cmpuint (d->prison, ==, seed[i].prison);
      g_assert_cmpuint (d->female + d->male, ==, d->graduates);
      g_assert_cmpuint (d->youth + d->adults, ==, d->graduates);
      female += d->female;
      youth += d->youth;
    }
  g_assert_cmpuint (female, ==, 489);
  g_assert_cmpuint (youth, ==, 327);
  /* Nyagatare's prison graduates are all from the juvenile prison. */
  g_assert_cmpuint (find_district (stats, "Nyagatare")->prison, ==, 40);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM membership m JOIN hgroup g ON g.id = m.group_id"
                              " JOIN facility f ON f.id = g.facility_id"
                              " WHERE f.kind = 'juvenile' AND m.outcome = 'graduated'"), ==, 40);
}

static void
test_groups (void)
{
  /* Two facilitators and 15 sessions for every group. */
  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM hgroup"), ==, 64);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM hgroup g WHERE (SELECT count(*) FROM"
                              " group_facilitator gf WHERE gf.group_id = g.id) != 2"), ==, 0);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM hgroup g WHERE (SELECT count(*) FROM session s"
                              " WHERE s.group_id = g.id) != 15"), ==, 0);
  /* Community groups: five adult and five youth per district. */
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM (SELECT district_id, age_band, count(*) AS n"
                              " FROM hgroup WHERE setting = 'community' AND status = 'graduated'"
                              " GROUP BY 1, 2) WHERE n != 5"), ==, 0);
  /* Sizes as the field has them: 10–15 members, one prison group of 16. */
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM (SELECT group_id, count(*) AS n FROM membership"
                              " GROUP BY 1) WHERE n < 10 OR n > 16"), ==, 0);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM (SELECT group_id, count(*) AS n FROM membership"
                              " GROUP BY 1) WHERE n = 16"), ==, 1);
  /* Nobody is in two groups; prisoners are in prison groups. */
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM (SELECT participant_id FROM membership"
                              " GROUP BY 1 HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM membership m JOIN hgroup g ON g.id = m.group_id"
                              " JOIN participant p ON p.id = m.participant_id"
                              " WHERE p.is_prisoner != (g.setting = 'prison')"), ==, 0);
}

static void
test_attendance_consistent (void)
{
  /* Every graduate attended at least 12 of 15; no drop-out did. */
  static const char attended[] =
    "SELECT count(*) FROM membership m WHERE m.outcome = '%s' AND (SELECT count(*) FROM"
    " attendance a JOIN session s ON s.id = a.session_id WHERE s.group_id = m.group_id"
    " AND a.participant_id = m.participant_id AND a.mark = 'present') %s 12";
  g_autofree char *graduates_short = g_strdup_printf (attended, "graduated", "<");
  g_autofree char *dropouts_long = g_strdup_printf (attended, "dropped", ">=");

  g_assert_cmpint (query_int (sample_db, graduates_short), ==, 0);
  g_assert_cmpint (query_int (sample_db, dropouts_long), ==, 0);
  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM membership"
                                         " WHERE outcome IN ('dropped', 'transferred')"), >=, 40);
  /* Sessions never on fixed holidays or in the Kwibuka week. */
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM session WHERE substr(date, 6) BETWEEN '04-07'"
                              " AND '04-13' OR substr(date, 6) IN ('01-01', '02-01', '07-01',"
                              " '07-04', '12-25')"), ==, 0);
  /* ... nor on any day of the holiday table: Easter, Eid, compensatory days. */
  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM session s"
                                         " JOIN holiday h ON h.date = s.date"), ==, 0);
}

static void
test_running_cohort (void)
{
  /* Sample "today" is 2026-11-26: six sessions held, the rest to come. */
  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM hgroup WHERE status = 'running'"),
                   ==, 2);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM session s JOIN hgroup g ON g.id = s.group_id"
                              " WHERE g.status = 'running' AND s.status IN ('planned', 'moved')"
                              " AND s.date >= '2026-11-26'"), >=, 16);
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM membership m JOIN hgroup g ON g.id = m.group_id"
                              " WHERE g.status = 'running' AND m.outcome != 'ongoing'"), ==, 0);
  /* A waiting list: screened, consenting, not yet in a group. */
  g_assert_cmpint (query_int (sample_db,
                              "SELECT count(*) FROM participant p WHERE NOT EXISTS (SELECT 1"
                              " FROM membership m WHERE m.participant_id = p.id)"
                              " AND p.consent_date IS NOT NULL"), >=, 20);
}

static void
test_audited (void)
{
  gint64 participants = query_int (sample_db, "SELECT count(*) FROM participant");

  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM audit_log WHERE"
                                         " table_name = 'participant' AND action = 'insert'"),
                   ==, participants);
  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM audit_log WHERE"
                                         " table_name = 'attendance'"), ==,
                   query_int (sample_db, "SELECT count(*) FROM attendance"));
}

static void
test_deterministic (void)
{
  g_autoptr(HsDatabase) again = make_sample ("again.db");
  static const char names[] = "SELECT full_name || '|' || sex || '|' || ifnull(birth_year, '')"
                              " FROM participant ORDER BY id";
  g_autofree char *first = query_text (sample_db, names);
  g_autofree char *second = query_text (again, names);

  g_assert_cmpstr (first, ==, second);
  /* Names carry diacritics and are varied. */
  g_assert_nonnull (strstr (first, "é"));
  g_assert_cmpint (query_int (sample_db, "SELECT count(DISTINCT full_name) FROM participant"), >,
                   500);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (sample_db, "SELECT count(*) FROM participant");

  g_assert_false (hs_sample_data_fill (sample_db, NULL, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (sample_db, "SELECT count(*) FROM participant"), ==, before);
}

/* sample-data --scale: groups of 13 with 15 sessions, memberships and
 * attendance that agree with each other, time-ordered UUIDs, the search
 * index filled, the file's settings back as they were; a second batch on top
 * repeats no UUID. */
static void
test_scale (void)
{
  g_autoptr(HsDatabase) db = make_sample ("scale.db");
  g_autoptr(GError) error = NULL;
  gint64 seed = query_int (db, "SELECT count(*) FROM participant");
  gint64 seed_attendance = query_int (db, "SELECT count(*) FROM attendance");
  gint64 last_seed = query_int (db, "SELECT max (id) FROM participant");
  g_autofree char *check = NULL;
  g_autofree char *mode = NULL;

  g_assert_true (hs_sample_data_add_scale (db, 1000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant"), ==, seed + 1000);
  /* Everyone new is in exactly one synthetic group of at most 13 (77 groups). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p WHERE p.id > (SELECT max (id)"
                                  " FROM participant) - 1000 AND (SELECT count(*) FROM membership m"
                                  " WHERE m.participant_id = p.id) != 1"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM hgroup WHERE name LIKE 'Synthetic%'"),
                   ==, 77);
  g_assert_cmpint (query_int (db, "SELECT max (n) FROM (SELECT count(*) AS n FROM membership m"
                                  " JOIN hgroup g ON g.id = m.group_id WHERE g.name LIKE"
                                  " 'Synthetic%' GROUP BY g.id)"), ==, 13);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session s JOIN hgroup g"
                                  " ON g.id = s.group_id WHERE g.name LIKE 'Synthetic%'"),
                   ==, 77 * 15);
  /* A graduate attended (or missed) all 15 sessions of their own group, a
   * drop-out the first 2 to 8, and nobody has a mark in another group. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM membership m WHERE m.participant_id > "
                                  "(SELECT max (id) FROM participant) - 1000 AND (SELECT count(*)"
                                  " FROM attendance a JOIN session s ON s.id = a.session_id"
                                  " WHERE a.participant_id = m.participant_id"
                                  " AND s.group_id = m.group_id) NOT BETWEEN"
                                  " CASE m.outcome WHEN 'graduated' THEN 15 ELSE 2 END"
                                  " AND CASE m.outcome WHEN 'graduated' THEN 15 ELSE 8 END"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance a JOIN session s"
                                  " ON s.id = a.session_id WHERE NOT EXISTS (SELECT 1"
                                  " FROM membership m WHERE m.participant_id = a.participant_id"
                                  " AND m.group_id = s.group_id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM membership m WHERE m.participant_id > "
                                  "(SELECT max (id) FROM participant) - 1000"
                                  " AND m.outcome = 'graduated'"), >, 800);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance WHERE mark = 'absent'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance"), >, seed_attendance + 12000);
  /* Version 7 UUIDs, in insertion order. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE uuid NOT GLOB"
                                  " '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
                                  "[0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-7*'"
                                  " AND id > (SELECT max (id) FROM participant) - 1000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant a JOIN participant b"
                                  " ON b.id = a.id + 1 WHERE a.id > (SELECT max (id) FROM"
                                  " participant) - 1000 AND b.uuid <= a.uuid"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE uuid IS NULL"
                                  " OR updated IS NULL"), ==, 0);
  /* The search finds the new people. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p WHERE p.id > (SELECT max (id)"
                                  " FROM participant) - 1000 AND p.id NOT IN (SELECT rowid FROM"
                                  " participant_fts WHERE participant_fts MATCH"
                                  " '\"' || (SELECT substr (phone, 1, 10) FROM participant q"
                                  " WHERE q.id = p.id) || '\"')"), ==, 0);

  /* A second batch on top. */
  g_assert_true (hs_sample_data_add_scale (db, 30, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant"), ==, seed + 1030);
  g_assert_cmpint (query_int (db, "SELECT max (id) FROM participant") - last_seed, ==, 1030);

  /* The file is as the app keeps it, and consistent. */
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal\n");
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (db, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok\n");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-test-sample-XXXXXX", &error);
  g_assert_no_error (error);
  sample_db = make_sample ("sample.db");

  g_test_add_func ("/sample-data/marginals", test_marginals);
  g_test_add_func ("/sample-data/groups", test_groups);
  g_test_add_func ("/sample-data/attendance-consistent", test_attendance_consistent);
  g_test_add_func ("/sample-data/running-cohort", test_running_cohort);
  g_test_add_func ("/sample-data/audited", test_audited);
  g_test_add_func ("/sample-data/deterministic", test_deterministic);
  g_test_add_func ("/sample-data/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/sample-data/scale", test_scale);
  status = g_test_run ();

  g_clear_object (&sample_db);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
