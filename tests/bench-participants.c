/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-participants"

/* The participants list at scale: HS_BENCH_PARTICIPANTS people (default
 * 1,000,000) written straight to a fresh file, then the times a coordinator
 * waits for: the first rows, a search keystroke, a sort by column, against
 * the bare SQL of the same query, and the memory used. Prints TAP with the
 * figures as comments; fails only when a target of the issue is missed. */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "hs-database-private.h"
#include "hs-participant-list.h"
#include "hs-participant.h"

static const char * const first_names[] = {
  "Théogène", "Alice", "Émilienne", "Jean", "Claudine", "Eric", "Agnès", "Olivier", "Diane",
  "Innocent", "Josiane", "Célestin", "Aline", "Pascal", "Béatrice", "Fidèle",
};
static const char * const last_names[] = {
  "MUKAMANA", "Habimana", "Uwase", "Nkusi", "Ndayisaba", "Mukeshimana", "Uwizeye", "Ingabire",
  "Nsengiyumva", "Kayitare", "Munyaneza", "Bizimana", "Twagiramungu", "Niyonsenga",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
fill (HsDatabase *db,
      guint       n)
{
  sqlite3 *handle = _hs_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_cmpint (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO participant (uuid, full_name, search_key, sex,"
                                       " birth_year, age_band, phone, district_id, village,"
                                       " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                                       " ?8, ?9, '2024-01-01', '2024-01-01')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("bench-%u", i);
      g_autofree char *name = g_strdup_printf ("%s %s %u",
                                               first_names[g_rand_int_range (rand, 0, 16)],
                                               last_names[g_rand_int_range (rand, 0, 14)], i);
      g_autofree char *ascii = g_str_to_ascii (name, "C");
      g_autofree char *key = g_ascii_strdown (ascii, -1);
      g_autofree char *phone = g_strdup_printf ("+25078%07u", i);
      g_autofree char *village = g_strdup_printf ("Umudugudu %u", i % 50);
      int year = g_rand_int_range (rand, 1950, 2008);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, i % 2 ? "F" : "M", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, year);
      sqlite3_bind_text (stmt, 6, year > 1995 ? "youth" : "adult", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, phone, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 8, 1 + i % 30);
      sqlite3_bind_text (stmt, 9, village, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_rand_free (rand);
}

static double
sql_ms (HsDatabase *db,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double start = now_ms ();

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return now_ms () - start;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

/* What a view does after a change: count, then read the first screen. */
static double
first_rows_ms (HsParticipantList *list,
               void             (*change) (HsParticipantList *, gconstpointer),
               gconstpointer      data)
{
  double start = now_ms ();

  change (list, data);
  for (guint i = 0; i < 40 && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  return now_ms () - start;
}

static void
search (HsParticipantList *list,
        gconstpointer      text)
{
  hs_participant_list_set_search (list, text);
}

static void
sort_by_district (HsParticipantList *list,
                  gconstpointer      descending)
{
  hs_participant_list_set_sort (list, HS_PARTICIPANT_SORT_DISTRICT, GPOINTER_TO_INT (descending));
}

static void
no_change (HsParticipantList *list,
           gconstpointer      data)
{
}

int
main (int    argc,
      char **argv)
{
  guint n = (guint) g_ascii_strtoull (g_getenv ("HS_BENCH_PARTICIPANTS") ?: "1000000", NULL, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-bench-participants-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(HsDatabase) db = hs_database_open (path, &error);
  g_autoptr(HsParticipantList) list = NULL;
  static const char * const keys[] = { "t", "th", "the", "theo", "theog", "theogene m" };
  double start, first, worst_ratio = 0;

  g_assert_no_error (error);
  printf ("1..1\n");
  start = now_ms ();
  fill (db, n);
  printf ("# %u participants written in %.0f ms\n", n, now_ms () - start);

  start = now_ms ();
  list = hs_participant_list_new (db);    /* includes building the search index once */
  printf ("# search index built and list opened in %.0f ms\n", now_ms () - start);
  g_clear_object (&list);

  start = now_ms ();
  list = hs_participant_list_new (db);
  first = first_rows_ms (list, no_change, NULL) + (now_ms () - start);
  printf ("# first rows: %.1f ms (target 500)\n", first);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *match = hs_participant_search_query (keys[i]);
      /* The same two statements the list runs: the count, then the first block. */
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM participant p WHERE"
                                                    " p.id IN (SELECT rowid FROM participant_fts"
                                                    " WHERE participant_fts MATCH '%s')", match);
      g_autofree char *page_sql = g_strdup_printf ("SELECT p.id, p.full_name, d.name, m.outcome"
                                                   " FROM participant p LEFT JOIN district d"
                                                   " ON d.id = p.district_id LEFT JOIN membership"
                                                   " m ON m.id = (SELECT max (id) FROM membership"
                                                   " WHERE participant_id = p.id) WHERE p.id IN"
                                                   " (SELECT rowid FROM participant_fts WHERE"
                                                   " participant_fts MATCH '%s') ORDER BY"
                                                   " p.search_key, p.id LIMIT 128", match);
      double sql = sql_ms (db, count_sql) + sql_ms (db, page_sql);
      double ui = first_rows_ms (list, search, keys[i]);

      printf ("# search %-12s %8.1f ms, its SQL %8.1f ms, %u found\n", keys[i], ui, sql,
              g_list_model_get_n_items (G_LIST_MODEL (list)));
      worst_ratio = MAX (worst_ratio, ui / MAX (sql, 1.0));
    }
  hs_participant_list_set_search (list, NULL);
  {
    double sql = sql_ms (db, "SELECT p.id FROM participant p LEFT JOIN district d"
                             " ON d.id = p.district_id ORDER BY d.name DESC, p.search_key, p.id"
                             " LIMIT 128");
    double ui = first_rows_ms (list, sort_by_district, GINT_TO_POINTER (TRUE));

    printf ("# sort by district: %.1f ms, its ORDER BY … LIMIT %.1f ms\n", ui, sql);
  }
  printf ("# RSS %ld kB (target 204800)\n", rss_kb ());
  printf ("%s 1 participants list at %u rows%s\n",
          first <= 500 && rss_kb () <= 204800 ? "ok" : "not ok", n,
          worst_ratio > 2 ? " # search slower than 2× its SQL count" : "");

  g_clear_object (&list);
  g_clear_object (&db);
  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
  return 0;
}
