/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "hs-backup.h"
#include "hs-database.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
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
  g_assert_cmpuint (strlen (out), >, 1000);
  return out;
}

/* A new database whose content names it: each one dumps differently. */
static char *
make_database (const char *name)
{
  char *path = tmp_path (name);
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  db = hs_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hs_database_set_setting (db, "organisation.name", name, &error));
  g_assert_no_error (error);
  return path;
}

static void
make_backup (const char *db_path,
             const char *backup,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (db_path, &error);

  g_assert_no_error (error);
  g_assert_true (hs_backup_create (db, backup, passphrase, &error));
  g_assert_no_error (error);
}

/* No temporary file is left behind in the folder of @db_path. */
static void
assert_no_leftovers (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');
}

static void
test_plain_round_trip (void)
{
  g_autofree char *source = make_database ("plain-src.db");
  g_autofree char *target = make_database ("plain-dst.db");
  g_autofree char *backup = tmp_path ("plain.hsbackup");
  g_autofree char *aside = NULL;
  g_autofree char *before = dump (source);
  g_autofree char *replaced = dump (target);
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  make_backup (source, backup, NULL);
  g_assert_false (hs_backup_is_encrypted (backup));
  g_assert_true (hs_backup_restore (backup, target, NULL, &aside, &error));
  g_assert_no_error (error);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (aside);
  kept = dump (aside);
  g_assert_cmpstr (kept, ==, replaced);
  assert_no_leftovers ();
}

/* The usual reason to restore: the database file is damaged. Its bytes
 * are kept aside as they were (SQLite cannot copy such a file). */
static void
test_restore_over_damaged (void)
{
  g_autofree char *source = make_database ("damaged-src.db");
  g_autofree char *target = tmp_path ("damaged.db");
  g_autofree char *backup = tmp_path ("damaged.hsbackup");
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *before = dump (source);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char garbage[] = "not a database, a disk that failed";
  gsize kept_size;

  make_backup (source, backup, NULL);
  g_assert_true (g_file_set_contents (target, garbage, sizeof garbage, NULL));
  g_assert_true (hs_backup_restore (backup, target, NULL, &aside, &error));
  g_assert_no_error (error);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &kept, &kept_size, NULL));
  g_assert_cmpmem (kept, kept_size, garbage, sizeof garbage);
  g_unlink (aside);
  assert_no_leftovers ();
}

static void
assert_restore_refused (const char *backup,
                        const char *db_path,
                        const char *passphrase,
                        int         code)
{
  g_autofree char *before = dump (db_path);
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hs_backup_restore (backup, db_path, passphrase, &aside, &error));
  g_assert_error (error, HS_BACKUP_ERROR, code);
  g_test_message ("%s: %s", backup, error->message);
  g_assert_null (aside);
  after = dump (db_path);
  g_assert_cmpstr (before, ==, after);
  assert_no_leftovers ();
}

static char *
write_part (const char *from,
            const char *name,
            gsize       length,
            gssize      flip_at)
{
  g_autofree char *contents = NULL;
  char *path = tmp_path (name);
  gsize size;

  g_assert_true (g_file_get_contents (from, &contents, &size, NULL));
  g_assert_cmpuint (length, <=, size);
  if (flip_at >= 0)
    contents[flip_at] ^= 0x20;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_encrypted (void)
{
  g_autofree char *source = make_database ("enc-src.db");
  g_autofree char *target = make_database ("enc-dst.db");
  g_autofree char *backup = tmp_path ("enc.hsbackup");
  g_autofree char *truncated = NULL;
  g_autofree char *corrupted = NULL;
  g_autofree char *cut_at_chunk = NULL;
  g_autofree char *plain_dump = dump (source);
  g_autofree char *contents = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  make_backup (source, backup, "correct horse battery");
  g_assert_true (hs_backup_is_encrypted (backup));
  g_assert_true (g_file_get_contents (backup, &contents, &size, NULL));
  /* Nothing of the people in it can be read from the file. */
  g_assert_null (g_strstr_len (contents, size, "SQLite format"));
  g_assert_null (g_strstr_len (contents, size, "enc-src.db"));

  assert_restore_refused (backup, target, "Correct horse battery", HS_BACKUP_ERROR_PASSPHRASE);
  assert_restore_refused (backup, target, NULL, HS_BACKUP_ERROR_PASSPHRASE);
  truncated = write_part (backup, "truncated.hsbackup", size / 2, -1);
  assert_restore_refused (truncated, target, "correct horse battery", HS_BACKUP_ERROR_DAMAGED);
  /* Cut exactly after a chunk: only the missing final tag tells. */
  cut_at_chunk = write_part (backup, "cut.hsbackup", 84 + 2 * (65536 + 17), -1);
  assert_restore_refused (cut_at_chunk, target, "correct horse battery",
                          HS_BACKUP_ERROR_DAMAGED);
  corrupted = write_part (backup, "corrupted.hsbackup", size, (gssize) size / 3);
  assert_restore_refused (corrupted, target, "correct horse battery", HS_BACKUP_ERROR_DAMAGED);

  g_assert_true (hs_backup_restore (backup, target, "correct horse battery", &aside, &error));
  g_assert_no_error (error);
  after = dump (target);
  g_assert_cmpstr (after, ==, plain_dump);
}

static void
test_not_a_backup (void)
{
  g_autofree char *source = make_database ("bad-src.db");
  g_autofree char *target = make_database ("bad-dst.db");
  g_autofree char *backup = tmp_path ("bad.hsbackup");
  g_autofree char *truncated = NULL;
  g_autofree char *text = tmp_path ("notes.txt");
  g_autofree char *missing = tmp_path ("missing.hsbackup");
  GStatBuf st;

  make_backup (source, backup, NULL);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  truncated = write_part (backup, "plain-cut.hsbackup", (gsize) st.st_size / 2, -1);
  assert_restore_refused (truncated, target, NULL, HS_BACKUP_ERROR_DAMAGED);
  g_assert_true (g_file_set_contents (text, "just some text\n", -1, NULL));
  assert_restore_refused (text, target, NULL, HS_BACKUP_ERROR_DAMAGED);
  assert_restore_refused (missing, target, NULL, HS_BACKUP_ERROR_FAILED);
}

static void
test_daily_rotation (void)
{
  g_autofree char *source = make_database ("daily.db");
  g_autofree char *dir = tmp_path ("daily");
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (int day = 1; day <= 4; day++)
    {
      g_autofree char *name_old = g_strdup_printf ("healing-spaces-2020-01-%02d.hsbackup", day);
      g_autofree char *old = g_build_filename (dir, name_old, NULL);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  db = hs_database_open (source, &error);
  g_assert_no_error (error);
  g_assert_true (hs_backup_daily (db, dir, 2, NULL, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (hs_backup_daily (db, dir, 2, NULL, &again, &error));
  g_assert_null (again);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_equal (name, "healing-spaces-2020-01-04.hsbackup")
                     || g_str_has_suffix (made, name));
      n++;
    }
  g_assert_cmpuint (n, ==, 2);
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
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDIN_FROM_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &wait_status, &error));
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *db_path = make_database ("cli.db");
  g_autofree char *backup = tmp_path ("cli.hsbackup");
  g_autofree char *right = tmp_path ("right.txt");
  g_autofree char *wrong = tmp_path ("wrong.txt");
  g_autofree char *before = dump (db_path);
  g_autofree char *after = NULL;
  g_autofree char *err1 = NULL, *err2 = NULL, *err4 = NULL;
  const char *make[] = { "--db", db_path, "backup", "-o", backup, "--encrypt",
                         "--passphrase-file", right, NULL };
  const char *bad[] = { "--db", db_path, "restore", backup, "--passphrase-file", wrong, NULL };
  const char *argv_pass[] = { "--db", db_path, "backup", "-o", backup, "--passphrase",
                              "secret", NULL };

  g_assert_true (g_file_set_contents (right, "umugoroba mwiza\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "umugoroba mubi\n", -1, NULL));
  g_assert_cmpint (run_cli (make, &err1), ==, 0);
  g_assert_cmpint (run_cli (bad, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "passphrase is wrong"));
  after = dump (db_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (run_cli (argv_pass, &err4), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-backup-XXXXXX", NULL);

  g_test_add_func ("/backup/plain-round-trip", test_plain_round_trip);
  g_test_add_func ("/backup/restore-over-damaged", test_restore_over_damaged);
  g_test_add_func ("/backup/encrypted", test_encrypted);
  g_test_add_func ("/backup/not-a-backup", test_not_a_backup);
  g_test_add_func ("/backup/daily-rotation", test_daily_rotation);
  g_test_add_func ("/backup/cli", test_cli);

  status = g_test_run ();
  {
    const char *argv_rm[] = { "rm", "-rf", tmp_dir, NULL };
    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  NULL, NULL);
  }
  return status;
}
