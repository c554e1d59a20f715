/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "hs-csv-import.h"
#include "hs-database-private.h"
#include "hs-participant-list.h"
#include "hs-participant.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
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

static HsCsvImport *
import_new (HsDatabase *db,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  HsCsvImport *import = hs_csv_import_new (db, path, &error);

  g_assert_no_error (error);
  return import;
}

static void
test_headers (void)
{
  g_assert_cmpint (hs_import_field_from_header ("Amazina"), ==, HS_IMPORT_FIELD_NAME);
  g_assert_cmpint (hs_import_field_from_header (" IGITSINA "), ==, HS_IMPORT_FIELD_SEX);
  g_assert_cmpint (hs_import_field_from_header ("Birth_Year"), ==, HS_IMPORT_FIELD_BIRTH_YEAR);
  g_assert_cmpint (hs_import_field_from_header ("Imyaka"), ==, HS_IMPORT_FIELD_AGE);
  g_assert_cmpint (hs_import_field_from_header ("Akarère"), ==, HS_IMPORT_FIELD_DISTRICT);
  g_assert_cmpint (hs_import_field_from_header ("UMUDUGUDU"), ==, HS_IMPORT_FIELD_VILLAGE);
  g_assert_cmpint (hs_import_field_from_header ("Indangamuntu"), ==,
                   HS_IMPORT_FIELD_NATIONAL_ID);
  g_assert_cmpint (hs_import_field_from_header ("Gereza"), ==, HS_IMPORT_FIELD_FACILITY);
  g_assert_cmpint (hs_import_field_from_header ("graduation date"), ==,
                   HS_IMPORT_FIELD_GRADUATION_DATE);
  g_assert_cmpint (hs_import_field_from_header ("shoe size"), ==, HS_IMPORT_FIELD_NONE);
}

/* UTF-8 with a BOM, ; and CRLF, a quoted name across two lines, a blank
 * line, Kinyarwanda headers and values, both date forms, new groups. */
static void
test_kinyarwanda_semicolon (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("rw.db");
  g_autofree char *path = write_file ("rw.csv",
    "\xEF\xBB\xBF" "Amazina;Igitsina;Imyaka;Akarere;Telefone;Itsinda;outcome;graduation_date\r\n"
    "Uwase Marie;Gore;25;Musanze;0788 123 456;Musanze Youth 1;;\r\n"
    "\"Habimana\r\nJean\";Gabo;40;Ngoma;;Ngoma Adults;graduated;15/08/2025\r\n"
    "\r\n"
    "Mukamana Alice;F;41;Ngoma;;Ngoma Adults;;2025-08-15\r\n", -1);
  g_autoptr(HsCsvImport) import = import_new (db, path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  HsImportResult result;

  g_assert_cmpint (hs_csv_import_get_encoding (import), ==, HS_CSV_ENCODING_UTF8);
  g_assert_cmpint (hs_csv_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (hs_csv_import_get_n_columns (import), ==, 8);
  g_assert_cmpint (hs_csv_import_get_column_field (import, 2), ==, HS_IMPORT_FIELD_AGE);

  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (result.imported, ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant WHERE full_name = 'Habimana Jean'"
                              " AND sex = 'M'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant WHERE phone = '+250788123456'"),
                   ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM hgroup"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM membership WHERE outcome = 'graduated'"
                              " AND left_date = '2025-08-15'"), ==, 2);
  /* One audit entry names the import's people: the file, how many, their ids. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log WHERE table_name = 'participant'"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log WHERE table_name ="
                              " 'participant_import' AND json_extract (after, '$.participants') = 3"
                              " AND json_extract (after, '$.last_id') - row_id = 2"
                              " AND json_extract (after, '$.file') LIKE '%.csv'"), ==, 1);
  history = hs_participant_get_history (db, count (db, "SELECT max(id) FROM participant"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((HsParticipantChange *) history->pdata[0])->action, ==, "insert");
  /* ... and so does the copy of their data a person may ask for. */
  {
    g_autofree char *json = hs_participant_export_json (db, count (db, "SELECT min(id) FROM"
                                                                       " participant"), &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "participant_import"));
  }
}

static guint
n_found (HsParticipantList *list,
         const char        *search)
{
  hs_participant_list_set_search (list, search);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The import leaves its people out of the search index (filled when a search
 * needs it); a search right after the import, in a list opened before it,
 * still finds them, and a person edited in between is not indexed twice. */
static void
test_search_right_after (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("search.db");
  g_autoptr(HsParticipantList) list = hs_participant_list_new (db);
  g_autoptr(HsParticipantList) later = NULL;
  g_autofree char *path = write_file ("search.csv",
    "name,sex,birth_year,district,village,phone\n"
    "Uwase Marie,F,1990,Musanze,Kabeza,0788111222\n"
    "Habimana Jean,M,1985,Ngoma,Rebero,\n"
    "Mukamana Émilienne,F,1970,Ngoma,Kabeza,\n", -1);
  g_autofree char *more = write_file ("search-more.csv",
    "name,sex,birth_year,district\nNiyonsenga Célestin,M,1999,Huye\n", -1);
  g_autoptr(HsCsvImport) import = import_new (db, path);
  g_autoptr(HsCsvImport) second = import_new (db, more);
  g_autoptr(HsParticipant) edited = NULL;
  g_autoptr(GError) error = NULL;
  HsImportResult result;

  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.imported, ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant_fts"), ==, 0);

  edited = hs_participant_load (db, count (db, "SELECT id FROM participant"
                                               " WHERE full_name = 'Habimana Jean'"), &error);
  g_assert_no_error (error);
  g_object_set (edited, "full-name", "Habimana Jean Bosco", NULL);
  g_assert_true (hs_participant_save (edited, db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_found (list, "uwase"), ==, 1);
  g_assert_cmpuint (n_found (list, "emilienne"), ==, 1);
  g_assert_cmpuint (n_found (list, "kabeza"), ==, 2);
  g_assert_cmpuint (n_found (list, "0788111"), ==, 1);
  g_assert_cmpuint (n_found (list, "bosco"), ==, 1);
  g_assert_cmpuint (n_found (list, "habimana"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant_fts"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM setting WHERE key LIKE 'search.%'"), ==, 0);

  /* Into a table that has people: a list opened afterwards finds them too. */
  g_assert_true (hs_csv_import_run (second, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.imported, ==, 1);
  later = hs_participant_list_new (db);
  g_assert_cmpuint (n_found (later, "celestin"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant_fts"), ==, 4);
}

/* The window's idle steps: a few people at a time, then done; a list opened
 * in between neither waits for the rest nor rebuilds the whole index. */
static void
test_search_index_steps (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("steps.db");
  g_autofree char *path = write_file ("steps.csv",
    "name,sex,birth_year\nUwase Marie,F,1990\nHabimana Jean,M,1985\nMukamana Alice,F,1970\n",
    -1);
  g_autoptr(HsCsvImport) import = import_new (db, path);
  g_autoptr(HsParticipantList) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hs_participant_index_catch_up (db, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant_fts"), ==, 2);
  list = hs_participant_list_new (db);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant_fts"), ==, 2);
  g_assert_false (hs_participant_index_catch_up (db, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant_fts"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM setting WHERE key LIKE 'search.%'"), ==, 0);
  g_assert_false (hs_participant_index_catch_up (db, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (list, "alice"), ==, 1);
}

static void
test_cp1252_tab (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("cp.db");
  g_autofree char *path = write_file ("cp.csv",
    "name\tsex\tbirth_year\tdistrict\nMukamana B\xe9""atrice\tF\t1990\tNyabihu\n", -1);
  g_autoptr(HsCsvImport) import = import_new (db, path);
  g_autoptr(GError) error = NULL;
  HsImportResult result;

  g_assert_cmpint (hs_csv_import_get_encoding (import), ==, HS_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (hs_csv_import_get_delimiter (import), ==, '\t');
  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"
                              " WHERE full_name = 'Mukamana Béatrice'"), ==, 1);
}

static void
test_bad_rows_listed (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("bad.db");
  g_autofree char *path = write_file ("bad.csv",
    "name,sex,birth_year,district,phone,national_id,category\n"
    "Good Person,F,1990,Musanze,,,survivor\n"
    "No Sex,,1990,Musanze,,,\n"
    "Bad District,M,1990,Atlantis,,,\n"
    "Bad Phone,M,1990,Ngoma,12345,,\n"
    "Bad Id,M,1990,Ngoma,,12AB,\n"
    "Bad Year,F,3000,Ngoma,,,\n"
    "Bad Category,F,1990,Ngoma,,,wizard\n", -1);
  g_autoptr(HsCsvImport) import = import_new (db, path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  HsImportResult result;
  guint n_rows = 0;
  static const guint lines[] = { 3, 4, 5, 6, 7, 8 };

  problems = hs_csv_import_check (import, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 7);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      HsImportProblem *problem = g_ptr_array_index (problems, i);
      g_assert_cmpuint (problem->line, ==, lines[i]);
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_false (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                     NULL, NULL, NULL, &result, &problems, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_ROWS);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (hs_csv_import_run (import, TRUE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.imported, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant WHERE category = 'survivor'"),
                   ==, 1);
}

static void
test_duplicates (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("dup.db");
  g_autofree char *first = write_file ("dup1.csv",
    "name,sex,birth_year,district\nUwase Marie,F,1990,Musanze\n", -1);
  g_autofree char *second = write_file ("dup2.csv",
    "name,sex,birth_year,district,phone\nUWASE  Marie,F,1990,Musanze,0788000111\n"
    "New Person,M,1980,Ngoma,\n", -1);
  g_autoptr(HsCsvImport) import = import_new (db, first);
  g_autoptr(HsCsvImport) again = NULL;
  g_autoptr(GError) error = NULL;
  HsImportResult result;

  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  again = import_new (db, second);
  g_assert_false (hs_csv_import_run (again, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                     NULL, NULL, NULL, &result, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_ROWS);
  g_clear_error (&error);

  g_assert_true (hs_csv_import_run (again, FALSE, HS_IMPORT_DUPLICATES_SKIP, TRUE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  g_assert_cmpuint (result.imported, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"), ==, 1);

  g_assert_true (hs_csv_import_run (again, FALSE, HS_IMPORT_DUPLICATES_MERGE, FALSE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.merged, ==, 1);
  g_assert_cmpuint (result.imported, ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant WHERE full_name = 'Uwase Marie'"
                              " AND phone = '+250788000111'"), ==, 1);
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_changes_nothing (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("cancel.db");
  g_autoptr(GString) csv = g_string_new ("name,sex,birth_year,district\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HsCsvImport) import = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HsImportResult result;
  gint64 indexes = count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                               " AND tbl_name = 'participant'");

  for (int i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Person %d,F,1990,Ngoma\n", i);
  path = write_file ("cancel.csv", csv->str, csv->len);
  import = import_new (db, path);
  g_assert_false (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                     cancel_cb, cancellable, cancellable, &result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log"), ==, 0);
  /* An import into an empty table drops its indexes until the end. */
  g_assert_cmpint (indexes, >=, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                              " AND tbl_name = 'participant'"), ==, indexes);

  /* …and builds them again when the import stays. */
  g_clear_error (&error);
  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE,
                                    NULL, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant"), ==, 2000);
  g_assert_cmpint (count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                              " AND tbl_name = 'participant'"), ==, indexes);
  g_assert_cmpint (count (db, "SELECT count(*) FROM participant INDEXED BY participant_search_key"
                              " WHERE search_key = 'person 1999'"), ==, 1);
}

static void
test_preview (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("preview.db");
  g_autofree char *path = write_file ("preview.csv",
    "name,sex\nA,F\nB,M\nC,F\n", -1);
  g_autoptr(HsCsvImport) import = import_new (db, path);
  g_autoptr(GPtrArray) rows = hs_csv_import_preview (import, 2, NULL);
  char **first;

  g_assert_cmpuint (rows->len, ==, 2);
  first = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (first[0], ==, "A");
  g_assert_cmpstr (first[1], ==, "F");
}

/* The hostile corpus, through the real CLI: a clear message, exit 1, and the
 * database exactly as it was. */

static void
run_cli (const char * const *args,
         int                *status,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("HS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
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

static void
assert_refused (const char *db_path,
                const char *csv_path,
                const char *expected)
{
  g_autofree char *before = dump (db_path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--db", db_path, "import", csv_path, NULL };
  int status;

  run_cli (args, &status, &out, &err);
  g_test_message ("%s: %s", csv_path, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, expected));
  after = dump (db_path);
  g_assert_cmpstr (before, ==, after);
}

static char *
hostile (const char *name)
{
  return g_build_filename (g_getenv ("HS_SOURCE_ROOT"), "tests", "data", "hostile", name, NULL);
}

static void
test_hostile_csv (void)
{
  g_autofree char *db_path = tmp_path ("hostile.db");
  g_autofree char *seed = write_file ("seed.csv", "name,sex,birth_year,district\n"
                                      "Existing Person,F,1980,Ngoma\n", -1);
  const char *seed_args[] = { "--db", db_path, "import", seed, NULL };
  static const struct { const char *file; const char *expected; } cases[] = {
    { "nul-bytes.csv", "line 3: the row contains NUL bytes" },
    { "invalid-utf8.csv", "line 3: the text is not valid UTF-8" },
    { "wrong-delimiter.csv", "no column for: name, sex" },
    { "missing-columns.csv", "no column for: sex" },
    { "formula.csv", "line 3: the cell “=HYPERLINK" },
    { "duplicated-rows.csv", "line 4: possibly the same person as line 2" },
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  run_cli (seed_args, &status, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "imported 1, skipped 0\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = hostile (cases[i].file);
      assert_refused (db_path, path, cases[i].expected);
    }
}

/* 200 MB on one line: refused after reading a little of it. */
static void
test_hostile_long_line (void)
{
  g_autofree char *db_path = tmp_path ("long.db");
  g_autofree char *csv_path = tmp_path ("long.csv");
  g_autofree char *block = g_malloc (1024 * 1024);
  g_autoptr(HsDatabase) db = open_fresh ("long.db");
  FILE *file = g_fopen (csv_path, "wb");
  gint64 start;

  memset (block, 'A', 1024 * 1024);
  fputs ("name,sex\n", file);
  for (int i = 0; i < 200; i++)
    g_assert_cmpuint (fwrite (block, 1, 1024 * 1024, file), ==, 1024 * 1024);
  fclose (file);
  start = g_get_monotonic_time ();
  assert_refused (db_path, csv_path, "Line 2 is far too long");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_unlink (csv_path);
}

static void
test_cli_dry_run_and_skip (void)
{
  g_autofree char *db_path = tmp_path ("cli.db");
  g_autofree char *csv = write_file ("cli.csv", "name,sex\nGood,F\nBad,Q\n", -1);
  const char *dry[] = { "--db", db_path, "import", csv, "--skip-bad-rows", "--dry-run", NULL };
  const char *skip[] = { "--db", db_path, "import", csv, "--skip-bad-rows", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  int status;

  run_cli (dry, &status, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (err, "line 3: the sex “Q” is not F or M"));
  g_assert_nonnull (strstr (out, "would import 1, skip 1"));
  run_cli (skip, &status, &out2, &err2);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out2, ==, "imported 1, skipped 1\n");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-import-XXXXXX", NULL);

  g_test_add_func ("/import/headers", test_headers);
  g_test_add_func ("/import/kinyarwanda-semicolon", test_kinyarwanda_semicolon);
  g_test_add_func ("/import/search-right-after", test_search_right_after);
  g_test_add_func ("/import/search-index-steps", test_search_index_steps);
  g_test_add_func ("/import/cp1252-tab", test_cp1252_tab);
  g_test_add_func ("/import/bad-rows-listed", test_bad_rows_listed);
  g_test_add_func ("/import/duplicates", test_duplicates);
  g_test_add_func ("/import/cancel-changes-nothing", test_cancel_changes_nothing);
  g_test_add_func ("/import/preview", test_preview);
  g_test_add_func ("/import/hostile/csv", test_hostile_csv);
  g_test_add_func ("/import/hostile/long-line", test_hostile_long_line);
  g_test_add_func ("/import/cli/dry-run-and-skip", test_cli_dry_run_and_skip);

  status = g_test_run ();
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, "standard::name",
                                                                     G_FILE_QUERY_INFO_NONE,
                                                                     NULL, NULL);
    GFileInfo *info;

    while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autofree char *child = g_build_filename (tmp_dir, g_file_info_get_name (info), NULL);
        g_unlink (child);
        g_object_unref (info);
      }
    g_rmdir (tmp_dir);
  }
  return status;
}
