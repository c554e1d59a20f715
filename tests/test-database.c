/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <string.h>

#include "hs-database-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hs-test-database-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "folder", "test.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Reads a value straight from the file, bypassing the code under test. */
static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
connection_int (HsDatabase *db,
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

static void
write_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_fresh (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (hs_database_get_schema_version (db), ==, HS_SCHEMA_VERSION);
  g_assert_true (hs_database_is_empty (db));
  /* Any one facilitator, group or person makes the file not empty. */
  g_assert_true (_hs_database_exec (db, "INSERT INTO facilitator (full_name, sex, created, updated)"
                                        " VALUES ('Marie', 'F', '2026-01-01', '2026-01-01')",
                                    &error));
  g_assert_no_error (error);
  g_assert_false (hs_database_is_empty (db));
  g_assert_true (_hs_database_exec (db, "DELETE FROM facilitator", &error));
  g_assert_no_error (error);
  g_assert_true (hs_database_is_empty (db));

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&db);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, HS_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM district"), ==, 30);
  g_assert_cmpint (raw_int (f->path, "SELECT count(DISTINCT province) FROM district"), ==, 5);
  /* The participants list sorts by district id for the district name order. */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM district a JOIN district b"
                                     " ON a.id < b.id WHERE a.name >= b.name"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM facility"), ==, 4);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM facility f JOIN district d"
                                     " ON d.id = f.district_id WHERE f.kind = 'juvenile'"
                                     " AND d.name = 'Nyagatare'"), ==, 1);
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  mode = raw_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==, 0x48535043);

  /* The rest are per connection: ask the app's own. */
  g_assert_cmpint (connection_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (connection_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (connection_int (db, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (connection_int (db, "PRAGMA busy_timeout"), >=, 1000);
  g_assert_cmpint (connection_int (db, "PRAGMA secure_delete"), ==, 1);
}

static void
test_from_v0 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);

  /* A v0 file: an SQLite file nobody has written a schema into yet. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_raw (f->path, "PRAGMA user_version = 0");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema"), ==, 0);

  db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hs_database_get_schema_version (db), ==, HS_SCHEMA_VERSION);
  g_clear_object (&db);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, HS_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM district"), ==, 30);
}

static void
test_newer_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", HS_SCHEMA_VERSION + 1);

  g_assert_no_error (error);
  g_clear_object (&db);
  write_raw (f->path, newer);
  write_raw (f->path, "PRAGMA wal_checkpoint(TRUNCATE)");
  before = read_file (f->path);

  db = hs_database_open (f->path, &error);
  g_assert_null (db);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = read_file (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (db);
  g_assert_error (error, HS_DATABASE_ERROR, code);
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && g_bytes_get_size (before) == 0);
}

static void
test_damaged_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_clear_object (&db);
  write_raw (f->path, "PRAGMA journal_mode = DELETE");

  /* Random bytes over whole b-tree pages in the middle of the file. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  for (gsize i = 4096; i < 4 * 4096; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  assert_refused_unchanged (f->path, HS_DATABASE_ERROR_DAMAGED);
}

/* The whole-file check runs unless the file is as a clean close left it. */
static void
test_check_after_clean_close (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HsDatabase *db = hs_database_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (_hs_database_checked_on_open (db));
  g_assert_true (hs_database_set_setting (db, "org.name", "Office", &error));
  g_object_unref (db);

  db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (_hs_database_checked_on_open (db));
  g_object_unref (db);

  /* Another program wrote to it. */
  write_raw (f->path, "PRAGMA user_version = 1");
  db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (_hs_database_checked_on_open (db));

  /* While one connection has unsaved-to-file changes in its log (as after
   * a crash), a second open checks. */
  g_assert_true (hs_database_set_setting (db, "org.name", "Other", &error));
  {
    g_autoptr(HsDatabase) second = hs_database_open (f->path, &error);

    g_assert_no_error (error);
    g_assert_true (_hs_database_checked_on_open (second));
  }
  g_object_unref (db);
}

static void
test_wrong_file_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *other = g_build_filename (folder, "other.db", NULL);
  g_autofree char *text = g_build_filename (folder, "notes.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_raw (other, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, amount REAL)");
  assert_refused_unchanged (other, HS_DATABASE_ERROR_DAMAGED);

  g_assert_true (g_file_set_contents (text, "name,sex\nAlice,F\n", -1, NULL));
  assert_refused_unchanged (text, HS_DATABASE_ERROR_DAMAGED);
}

static void
test_truncated_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_clear_object (&db);
  write_raw (f->path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, length / 2, NULL));

  assert_refused_unchanged (f->path, HS_DATABASE_ERROR_DAMAGED);
}

static void
test_setting_audited (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  g_autofree char *value = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (hs_database_set_setting (db, "organisation", "Prison Fellowship Rwanda", &error));
  g_assert_no_error (error);
  g_assert_true (hs_database_set_setting (db, "organisation", "Interpeace", &error));
  g_assert_no_error (error);
  value = hs_database_get_setting (db, "organisation");
  g_assert_cmpstr (value, ==, "Interpeace");

  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log WHERE table_name = 'setting'"),
                   ==, 2);
  before = raw_text (f->path, "SELECT before FROM audit_log ORDER BY id DESC LIMIT 1");
  after = raw_text (f->path, "SELECT after FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (before, ==, "{\"key\":\"organisation\",\"value\":\"Prison Fellowship Rwanda\"}");
  g_assert_cmpstr (after, ==, "{\"key\":\"organisation\",\"value\":\"Interpeace\"}");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log WHERE actor = ''"), ==, 0);
}

static void
test_check_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_true (hs_database_check_file (f->path, report, &error));
  g_assert_no_error (error);

  /* A dangling reference is found by foreign_key_check, not integrity_check. */
  write_raw (f->path, "INSERT INTO facility (name, kind, district_id) VALUES ('Nowhere', 'prison',"
                      " 999)");
  g_assert_false (hs_database_check_file (f->path, report, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (report->str, "facility"));
}

static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  sqlite3 *handle;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (hs_database_set_setting (db, "organisation", "Haguruka", &error));
  g_assert_no_error (error);
  handle = _hs_database_get_handle (db);

  /* Neither the app's own connection nor anybody else may rewrite history. */
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit_log", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit_log SET actor = 'someone else'", NULL, NULL,
                                 NULL), ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (connection_int (db, "SELECT count(*) FROM audit_log WHERE actor = "
                                       "'someone else'"), ==, 0);

  /* Erasure blanks the values but keeps the entry. */
  g_assert_true (_hs_database_redact_audit (db, "setting", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (connection_int (db, "SELECT count(*) FROM audit_log"), ==, 1);
  g_clear_object (&db);
  after = raw_text (f->path, "SELECT after FROM audit_log");
  g_assert_cmpstr (after, ==, "{\"erased\":true}");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log WHERE after LIKE "
                                     "'%Haguruka%' OR before LIKE '%Haguruka%'"), ==, 0);
}

/* A full disk (here: a page limit) fails the write with a message that says
 * so, and leaves the database intact and usable. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (f->path, &error);
  /* The longest value a setting takes; with its audit entry it needs new pages. */
  g_autofree char *big = g_strnfill (4096, 'x');
  g_autofree char *value = NULL;
  gint64 pages;

  g_assert_no_error (error);
  g_assert_true (hs_database_set_setting (db, "organisation", "Interpeace", &error));
  pages = connection_int (db, "PRAGMA page_count");
  g_free (value);
  value = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (db), value, NULL, NULL, NULL), ==,
                   SQLITE_OK);

  g_assert_false (hs_database_set_setting (db, "notes", big, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* Nothing half-written: the old value is still there, the new key is not,
   * the failed write left no audit entry, and small writes still work. */
  g_free (value);
  value = hs_database_get_setting (db, "notes");
  g_assert_null (value);
  value = hs_database_get_setting (db, "organisation");
  g_assert_cmpstr (value, ==, "Interpeace");
  g_assert_cmpint (connection_int (db, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_true (hs_database_set_setting (db, "organisation", "PFR", &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log"), ==, 2);
  {
    g_autofree char *check = raw_text (f->path, "PRAGMA integrity_check");
    g_assert_cmpstr (check, ==, "ok");
  }
}

/* The app learns of another program's writes through data_version; its own
 * writes do not count. */
static void
test_data_version (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) app = hs_database_open (f->path, &error);
  g_autoptr(HsDatabase) cli = NULL;
  gint64 before;

  g_assert_no_error (error);
  cli = hs_database_open (f->path, &error);
  g_assert_no_error (error);

  before = hs_database_get_data_version (app);
  g_assert_true (hs_database_set_setting (app, "organisation", "Interpeace", &error));
  g_assert_cmpint (hs_database_get_data_version (app), ==, before);

  g_assert_true (hs_database_set_setting (cli, "organisation", "Haguruka", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hs_database_get_data_version (app), !=, before);
}

/* The dashboard counts on a second, read-only connection in a worker
 * thread: it sees the main connection's commits, cannot write, stops when
 * cancelled, and does not cost the next start its clean close. */
static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HsDatabase *db = hs_database_open (f->path, &error);
  HsDatabase *reader;
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;

  g_assert_no_error (error);
  g_assert_true (hs_database_set_setting (db, "org.name", "Office", &error));
  reader = hs_database_open_reader (db, cancellable, &error);
  g_assert_no_error (error);
  g_assert_false (_hs_database_checked_on_open (reader));
  name = hs_database_get_setting (reader, "org.name");
  g_assert_cmpstr (name, ==, "Office");

  g_assert_true (hs_database_set_setting (db, "org.name", "Other", &error));
  renamed = hs_database_get_setting (reader, "org.name");
  g_assert_cmpstr (renamed, ==, "Other");

  g_assert_false (hs_database_set_setting (reader, "org.name", "Reader", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM setting WHERE value = 'Reader'"), ==, 0);

  g_cancellable_cancel (cancellable);
  g_assert_false (_hs_database_exec (reader, "WITH RECURSIVE c (x) AS (SELECT 1 UNION ALL"
                                     " SELECT x + 1 FROM c WHERE x < 100000000)"
                                     " SELECT count(*) FROM c", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The window closes first, the worker's connection after it. */
  g_object_unref (db);
  g_object_unref (reader);
  db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  reader = hs_database_open_reader (db, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_object_unref (reader);
  db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (_hs_database_checked_on_open (db));
  g_object_unref (db);
}

/* Many closing at once (the app and the CLI, say) each keep their mark. */
static gpointer
open_and_close (gpointer data)
{
  const char *path = data;

  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("Office %d", i);
      HsDatabase *db = hs_database_open (path, &error);

      g_assert_no_error (error);
      /* A write: each close then has a new mark to record. */
      g_assert_true (hs_database_set_setting (db, "org.name", value, &error));
      g_object_unref (db);
    }
  return NULL;
}

static void
test_clean_close_concurrent (Fixture       *f,
                             gconstpointer  data)
{
  enum { N = 8 };
  char *paths[N];
  GThread *threads[N];

  for (int i = 0; i < N; i++)
    {
      g_autofree char *name = g_strdup_printf ("closing-%d.db", i);

      paths[i] = g_build_filename (f->dir, name, NULL);
    }
  for (int i = 0; i < N; i++)
    threads[i] = g_thread_new ("closer", open_and_close, paths[i]);
  for (int i = 0; i < N; i++)
    g_thread_join (threads[i]);
  for (int i = 0; i < N; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HsDatabase) db = hs_database_open (paths[i], &error);

      g_assert_no_error (error);
      g_assert_false (_hs_database_checked_on_open (db));
      g_free (paths[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  /* A cache folder of its own: the clean-close marks live there, and the
   * other test programs, running in parallel, rewrite theirs in the shared
   * one at any moment. (G_TEST_OPTION_ISOLATE_DIRS would do it per test,
   * but GLib 2.74 leaks the folder names each time, which valgrind and
   * LeakSanitizer rightly report.) */
  g_autofree char *cache = g_dir_make_tmp ("hs-test-database-cache-XXXXXX", NULL);
  int status;

  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/migrate/fresh", test_fresh);
  ADD ("/database/migrate/from-v0", test_from_v0);
  ADD ("/database/migrate/newer-refused", test_newer_refused);
  ADD ("/database/open/pragmas", test_pragmas);
  ADD ("/database/open/damaged-refused", test_damaged_refused);
  ADD ("/database/open/truncated-refused", test_truncated_refused);
  ADD ("/database/open/wrong-file-refused", test_wrong_file_refused);
  ADD ("/database/open/check-after-clean-close", test_check_after_clean_close);
  ADD ("/database/open/clean-close-concurrent", test_clean_close_concurrent);
  ADD ("/database/setting/audited", test_setting_audited);
  ADD ("/database/check/foreign-keys", test_check_file);
  ADD ("/database/audit/append-only", test_audit_append_only);
  ADD ("/database/write/disk-full", test_disk_full);
  ADD ("/database/concurrency/data-version", test_data_version);
  ADD ("/database/concurrency/reader", test_reader);
#undef ADD

  status = g_test_run ();
  remove_tree (cache);
  return status;
}
