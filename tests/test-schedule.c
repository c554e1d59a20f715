/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-schedule"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "hs-database.h"
#include "hs-schedule.h"

static GHashTable *
default_holidays (void)
{
  return hs_schedule_default_holidays (HS_HOLIDAY_FIRST_YEAR, HS_HOLIDAY_LAST_YEAR);
}

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (hs_schedule_parse_date (iso, &date));
  return date;
}

static char *
session_date (GArray *sessions,
              guint   n)
{
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, sessions->len);
  return hs_schedule_format_date (&g_array_index (sessions, HsScheduledSession, n - 1).date);
}

static const char *
session_reason (GArray *sessions,
                guint   n)
{
  return g_array_index (sessions, HsScheduledSession, n - 1).reason;
}

static GArray *
generate (GHashTable   *holidays,
          const char   *start,
          GDateWeekday  weekday,
          int           n,
          const char   *time)
{
  GDate date = day (start);

  return hs_schedule_generate (holidays, &date, weekday, n, time);
}

static void
test_easter (void)
{
  static const char * const expected[] = {
    "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
    "2030-04-21",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GDate easter;
      g_autofree char *iso = NULL;

      hs_schedule_easter (2024 + (int) i, &easter);
      iso = hs_schedule_format_date (&easter);
      g_assert_cmpstr (iso, ==, expected[i]);
    }
}

static void
test_holidays_default (void)
{
  g_autoptr(GHashTable) holidays = default_holidays ();

  g_assert_cmpstr (g_hash_table_lookup (holidays, "2025-04-18"), ==, "Good Friday");
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2025-04-21"), ==, "Easter Monday");
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2026-08-07"), ==, "Umuganura Day");
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2024-08-02"), ==, "Umuganura Day");
  /* 25 and 26 Dec 2027 fall on a weekend: one working day makes up for both. */
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2027-12-27"), ==, "Compensatory holiday");
  g_assert_null (g_hash_table_lookup (holidays, "2027-12-28"));
  /* 26 Dec 2026 is a Saturday. */
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2026-12-28"), ==, "Compensatory holiday");
  /* 1 Feb 2025 is a Saturday. */
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2025-02-03"), ==, "Compensatory holiday");
  /* 7 April on a Sunday (2024) is not made up for. */
  g_assert_null (g_hash_table_lookup (holidays, "2024-04-08"));
  /* 1–2 Jan 2028 are Saturday and Sunday: Monday 3 Jan. */
  g_assert_cmpstr (g_hash_table_lookup (holidays, "2028-01-03"), ==, "Compensatory holiday");
  g_assert_null (g_hash_table_lookup (holidays, "2023-12-25"));
  g_assert_null (g_hash_table_lookup (holidays, "2031-01-01"));
}

/* Audit rows of one holiday, read straight from the file. */
static int
count_audited (const char *path,
               gint64      id)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM audit_log WHERE "
                                       "table_name = 'holiday' AND row_id = ?1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

/* The rows migration_v1 ships are what the code computes. */
static void
test_holidays_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-test-schedule-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(HsDatabase) db = hs_database_open (path, &error);
  g_autoptr(GHashTable) expected = default_holidays ();
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GHashTableIter iter;
  const char *key, *name;
  gboolean found = FALSE;
  gint64 id;

  g_assert_no_error (error);
  stored = hs_schedule_load_holidays (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (stored), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &name))
    g_assert_cmpstr (g_hash_table_lookup (stored, key), ==, name);

  /* The coordinator corrects an Eid estimate. */
  id = hs_schedule_add_holiday (db, "2026-03-21", "Eid al-Fitr", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (hs_schedule_add_holiday (db, "2026-03-21", "Eid al-Fitr", &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hs_schedule_add_holiday (db, "21/03/2026", "Eid", &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hs_schedule_add_holiday (db, "2026-03-22", "  ", &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&stored, g_hash_table_unref);
  stored = hs_schedule_load_holidays (db, &error);
  g_assert_cmpstr (g_hash_table_lookup (stored, "2026-03-21"), ==, "Eid al-Fitr");

  /* Listed by year, corrected, and the corrections checked like additions. */
  list = hs_schedule_list_holidays (db, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      HsHoliday *holiday = g_ptr_array_index (list, i);

      g_assert_true (g_str_has_prefix (holiday->date, "2026-"));
      if (i > 0)
        g_assert_cmpstr (((HsHoliday *) g_ptr_array_index (list, i - 1))->date, <=,
                         holiday->date);
      found = found || holiday->id == id;
    }
  g_assert_true (found);
  g_assert_false (hs_schedule_update_holiday (db, id, "2026-02-30", "Eid al-Fitr", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hs_schedule_update_holiday (db, id, "2026-03-20", "Eid al-Fitr", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hs_schedule_update_holiday (db, id + 1000, "2026-03-23", "Eid", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (hs_schedule_update_holiday (db, id, "2026-03-22", "Eid al-Fitr", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_hash_table_unref);
  stored = hs_schedule_load_holidays (db, &error);
  g_assert_null (g_hash_table_lookup (stored, "2026-03-21"));
  g_assert_cmpstr (g_hash_table_lookup (stored, "2026-03-22"), ==, "Eid al-Fitr");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hs_schedule_list_holidays (db, 0, &error);
  g_assert_cmpuint (list->len, ==, g_hash_table_size (expected) + 1);
  g_assert_cmpint (count_audited (path, id), ==, 2);
  g_assert_true (hs_schedule_remove_holiday (db, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_hash_table_unref);
  stored = hs_schedule_load_holidays (db, &error);
  g_assert_null (g_hash_table_lookup (stored, "2026-03-21"));

  g_clear_object (&db);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_kwibuka_week (void)
{
  g_autoptr(GHashTable) holidays = default_holidays ();
  g_autoptr(GArray) s = generate (holidays, "2025-03-31", G_DATE_TUESDAY, 15, "09:00");
  g_autofree char *first = session_date (s, 1);
  g_autofree char *second = session_date (s, 2);
  g_autofree char *third = session_date (s, 3);

  g_assert_cmpuint (s->len, ==, 15);
  g_assert_cmpstr (first, ==, "2025-04-01");
  g_assert_null (session_reason (s, 1));
  /* 8–12 April are all in the Kwibuka week: the session goes a week later. */
  g_assert_cmpstr (second, ==, "2025-04-15");
  g_assert_nonnull (strstr (session_reason (s, 2), "08.04.2025"));
  g_assert_nonnull (strstr (session_reason (s, 2), "Kwibuka"));
  g_assert_cmpstr (third, ==, "2025-04-22");
  g_assert_null (session_reason (s, 3));
}

static void
test_easter_moves (void)
{
  g_autoptr(GHashTable) holidays = default_holidays ();
  g_autoptr(GArray) mon = generate (holidays, "2025-04-14", G_DATE_MONDAY, 3, "14:00");
  g_autoptr(GArray) fri = generate (holidays, "2029-03-23", G_DATE_FRIDAY, 3, "14:00");
  g_autofree char *mon2 = session_date (mon, 2);
  g_autofree char *mon3 = session_date (mon, 3);
  g_autofree char *fri2 = session_date (fri, 2);
  g_autofree char *fri3 = session_date (fri, 3);

  /* Easter Monday 2025 → Tuesday of the same week. */
  g_assert_cmpstr (mon2, ==, "2025-04-22");
  g_assert_cmpstr (session_reason (mon, 2), ==, "Moved from 21.04.2025: Easter Monday");
  g_assert_cmpstr (mon3, ==, "2025-04-28");
  /* Good Friday 2029 (30 March) → Saturday 31 March: the last Saturday, but
   * an afternoon session does not meet Umuganda. */
  g_assert_cmpstr (fri2, ==, "2029-03-31");
  g_assert_nonnull (strstr (session_reason (fri, 2), "Good Friday"));
  g_assert_cmpstr (fri3, ==, "2029-04-06");
}

static void
test_umuganda (void)
{
  g_autoptr(GHashTable) holidays = default_holidays ();
  g_autoptr(GArray) morning = generate (holidays, "2025-01-18", G_DATE_SATURDAY, 4, "09:00");
  g_autoptr(GArray) afternoon = generate (holidays, "2025-01-18", G_DATE_SATURDAY, 4, "14:00");
  g_autofree char *m2 = session_date (morning, 2);
  g_autofree char *m3 = session_date (morning, 3);
  g_autofree char *a2 = session_date (afternoon, 2);
  g_autofree char *a3 = session_date (afternoon, 3);

  /* 25 Jan 2025 is the last Saturday; 1 Feb is Heroes' Day; 8 Feb is open. */
  g_assert_cmpstr (m2, ==, "2025-02-08");
  g_assert_nonnull (strstr (session_reason (morning, 2), "Umuganda"));
  g_assert_nonnull (strstr (session_reason (morning, 2), "25.01.2025"));
  g_assert_cmpstr (m3, ==, "2025-02-15");
  /* Umuganda is over by the afternoon. */
  g_assert_cmpstr (a2, ==, "2025-01-25");
  g_assert_null (session_reason (afternoon, 2));
  g_assert_cmpstr (a3, ==, "2025-02-08");
  g_assert_nonnull (strstr (session_reason (afternoon, 3), "Heroes"));
}

static void
test_year_end (void)
{
  g_autoptr(GHashTable) holidays = default_holidays ();
  g_autoptr(GArray) s = generate (holidays, "2025-12-18", G_DATE_THURSDAY, 4, "09:00");
  g_autofree char *d2 = session_date (s, 2);
  g_autofree char *d3 = session_date (s, 3);
  g_autofree char *d4 = session_date (s, 4);

  /* Thu 25 Dec, Fri 26 Dec are holidays, Sat 27 Dec has Umuganda: the week is lost;
   * Thu 1 and Fri 2 Jan are holidays too, so Saturday 3 Jan. */
  g_assert_cmpstr (d2, ==, "2026-01-03");
  g_assert_cmpstr (session_reason (s, 2), ==,
                   "Moved from 25.12.2025 to a later week: Christmas Day");
  g_assert_cmpstr (d3, ==, "2026-01-08");
  g_assert_cmpstr (d4, ==, "2026-01-15");
}

/* Every start week of 2024–2030, every weekday: no session on a closed day,
 * one session a week at most, the reason exactly when it moved. */
static void
test_all_years (void)
{
  g_autoptr(GHashTable) holidays = default_holidays ();
  GDate start = day ("2024-01-01"), last = day ("2030-06-30");
  guint moved = 0;

  for (; g_date_compare (&start, &last) <= 0; g_date_add_days (&start, 7))
    for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
      {
        g_autoptr(GArray) s = hs_schedule_generate (holidays, &start, w, 15, "09:00");

        g_assert_cmpuint (s->len, ==, 15);
        for (guint i = 0; i < s->len; i++)
          {
            HsScheduledSession *it = &g_array_index (s, HsScheduledSession, i);

            g_assert_cmpint (it->number, ==, (int) i + 1);
            g_assert_cmpint (hs_schedule_check_day (holidays, &it->date, "09:00", NULL), ==,
                             HS_DAY_OPEN);
            g_assert_true ((it->reason != NULL) == (g_date_compare (&it->date, &it->regular) != 0));
            g_assert_cmpint (g_date_compare (&it->date, &it->regular), >=, 0);
            if (w != G_DATE_SUNDAY)
              g_assert_cmpint (g_date_get_weekday (&it->date), !=, G_DATE_SUNDAY);
            moved += it->reason != NULL;
            if (i > 0)
              {
                HsScheduledSession *prev = &g_array_index (s, HsScheduledSession, i - 1);
                GDate prev_monday = prev->date, monday = it->date;

                g_date_subtract_days (&prev_monday, g_date_get_weekday (&prev->date) - 1);
                g_date_subtract_days (&monday, g_date_get_weekday (&it->date) - 1);
                g_assert_cmpint (g_date_days_between (&prev_monday, &monday), >=, 7);
              }
          }
      }
  g_assert_cmpuint (moved, >, 1000);
}

static void
test_parse (void)
{
  GDate date;

  g_assert_cmpint (hs_schedule_parse_weekday ("mon"), ==, G_DATE_MONDAY);
  g_assert_cmpint (hs_schedule_parse_weekday ("Sunday"), ==, G_DATE_SUNDAY);
  g_assert_cmpint (hs_schedule_parse_weekday ("3"), ==, G_DATE_WEDNESDAY);
  g_assert_cmpint (hs_schedule_parse_weekday ("mo"), ==, G_DATE_BAD_WEEKDAY);
  g_assert_cmpint (hs_schedule_parse_weekday ("sunny"), ==, G_DATE_BAD_WEEKDAY);
  g_assert_true (hs_schedule_parse_date ("2028-02-29", &date));
  g_assert_false (hs_schedule_parse_date ("2027-02-29", &date));
  g_assert_false (hs_schedule_parse_date ("2027-2-28", &date));
  g_assert_true (hs_schedule_parse_time ("23:59"));
  g_assert_false (hs_schedule_parse_time ("24:00"));
  g_assert_false (hs_schedule_parse_time ("9:00"));
}

/* healing-spaces-cli schedule-preview prints what hs_schedule_generate() gives. */
static void
test_cli_preview (void)
{
  const char *cli = g_getenv ("HS_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-test-schedule-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "none.db", NULL);
  g_auto(GStrv) lines = NULL;
  int status = 0;
  const char *argv[] = { cli, "--db", db, "schedule-preview", "--start", "2025-03-31",
                         "--weekday", "tue", "--sessions", "3", "--time", "09:00", NULL };
  const char *bad[] = { cli, "--db", db, "schedule-preview", "--start", "2025-03-31",
                        "--weekday", "someday", NULL };

  if (cli == NULL)
    {
      g_test_skip ("HS_CLI is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "1\t2025-04-01\t");
  g_assert_cmpstr (lines[1], ==,
                   "2\t2025-04-15\tMoved from 08.04.2025 to a later week: "
                   "Kwibuka commemoration week");
  g_assert_cmpstr (lines[2], ==, "3\t2025-04-22\t");
  g_assert_cmpstr (lines[3], ==, "");
  /* A preview never creates a database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) bad, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "--weekday"));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/easter", test_easter);
  g_test_add_func ("/schedule/holidays/default", test_holidays_default);
  g_test_add_func ("/schedule/holidays/table", test_holidays_table);
  g_test_add_func ("/schedule/generate/kwibuka", test_kwibuka_week);
  g_test_add_func ("/schedule/generate/easter", test_easter_moves);
  g_test_add_func ("/schedule/generate/umuganda", test_umuganda);
  g_test_add_func ("/schedule/generate/year-end", test_year_end);
  g_test_add_func ("/schedule/generate/2024-2030", test_all_years);
  g_test_add_func ("/schedule/parse", test_parse);
  g_test_add_func ("/schedule/cli-preview", test_cli_preview);

  return g_test_run ();
}
