/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Power cuts: a writer (crash-writer) is killed with SIGKILL at random
 * moments, over and over on the same file. After every kill the file must
 * open, pass integrity_check and foreign_key_check, and hold every row the
 * writer reported as committed. HS_CRASH_ROUNDS sets the number of rounds. */
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "hs-database-private.h"

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
query_rows (HsDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s;", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* The ids the writer printed in full lines: each was committed. */
static GArray *
read_committed (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return ids;
  lines = g_strsplit (contents, "\n", -1);
  /* The last element is empty or a line cut by the kill. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      gint64 id;

      if (!g_str_has_prefix (lines[i], "P "))
        g_error ("unexpected writer output: %s", lines[i]);
      id = g_ascii_strtoll (lines[i] + 2, NULL, 10);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
check_file (const char *path,
            GArray     *committed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (path, &error);
  g_autofree char *integrity = NULL;
  g_autofree char *foreign = NULL;

  g_assert_no_error (error);
  integrity = query_rows (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok;");
  foreign = query_rows (db, "PRAGMA foreign_key_check");
  g_assert_cmpstr (foreign, ==, "");

  /* Every committed person is there… */
  if (committed->len > 0)
    {
      GString *sql = g_string_new ("SELECT count(*) FROM participant WHERE id IN (");

      for (guint i = 0; i < committed->len; i++)
        g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "",
                                g_array_index (committed, gint64, i));
      g_string_append_c (sql, ')');
      g_assert_cmpint (query_int (db, sql->str), ==, committed->len);
      g_string_free (sql, TRUE);
    }
  /* …and every person is whole: their notes and their 15 marks, all or nothing. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE notes IS NULL"), ==, 0);
  /* No half transactions either: every person has all 15 marks. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p WHERE (SELECT count(*)"
                                  " FROM attendance a WHERE a.participant_id = p.id) != 15"), ==, 0);
}

static void
test_kill_rounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-test-crash-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *out = g_build_filename (dir, "committed.txt", NULL);
  const char *writer = g_getenv ("HS_CRASH_WRITER");
  guint rounds = g_getenv ("HS_CRASH_ROUNDS") ? atoi (g_getenv ("HS_CRASH_ROUNDS")) : 200;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint killed_mid_run = 0;

  g_assert_no_error (error);
  g_assert_nonnull (writer);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GArray) committed = NULL;
      g_autofree char *seed = g_strdup_printf ("%u", round);

      /* The launcher does not truncate: start each round with a fresh file. */
      g_unlink (out);
      g_subprocess_launcher_set_stdout_file_path (launcher, out);
      child = g_subprocess_launcher_spawn (launcher, &error, writer, db, seed, NULL);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 1000, 60000));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_if_signaled (child))
        killed_mid_run++;
      else
        g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);

      committed = read_committed (out);
      g_array_append_vals (all, committed->data, committed->len);
      check_file (db, all);
    }

  g_test_message ("%u rounds, %u killed while writing, %u committed transactions checked, "
                  "0 lost", rounds, killed_mid_run, all->len);
  g_assert_cmpuint (killed_mid_run, ==, rounds);
  g_assert_cmpuint (all->len, >, rounds);

  g_unlink (out);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (db);
  g_rmdir (dir);
}

/* docs/reliability.md states how many rounds the suites run: keep it true. */
static void
test_documented (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HS_SOURCE_ROOT"), "docs", "reliability.md",
                                            NULL);
  g_autofree char *doc = NULL;
  g_autofree char *normal = NULL;
  const char *rounds = g_getenv ("HS_CRASH_ROUNDS") ? g_getenv ("HS_CRASH_ROUNDS") : "200";

  g_assert_true (g_file_get_contents (path, &doc, NULL, NULL));
  normal = g_strdup_printf ("| **%s** |", rounds);
  g_assert_nonnull (strstr (doc, normal));
  g_assert_nonnull (strstr (doc, "Committed transactions lost after a kill | **0** |"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/documented", test_documented);
  g_test_add_func ("/crash/sigkill-rounds", test_kill_rounds);
  return g_test_run ();
}
