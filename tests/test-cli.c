/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

/* Runs the real healing-spaces-cli (path in $HS_CLI) as a user would. */

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("HS_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
db_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
test_sample_then_stats_json (void)
{
  g_autofree char *db = db_path ("json.db");
  g_auto(Run) fill = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) again = { 0 };
  const char *expected_start =
    "{\"graduates\":836,\"female\":489,\"male\":347,\"youth\":327,\"adults\":509,"
    "\"prisoners\":173,\"prisoners_female\":119,\"prisoners_male\":54,"
    "\"groups\":{\"community_adult\":25,\"community_youth\":25,\"prison\":12},\"districts\":[";

  run_cli (&fill, "--db", db, "sample-data", NULL);
  g_assert_cmpint (fill.status, ==, 0);

  run_cli (&stats, "--db", db, "stats", "--format", "json", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_true (g_str_has_prefix (stats.out, expected_start));
  g_assert_nonnull (strstr (stats.out, "{\"name\":\"Musanze\",\"graduates\":178,\"community\":132,"
                                       "\"prison\":46,\"female\":"));
  g_assert_nonnull (strstr (stats.out, "{\"name\":\"Nyabihu\",\"graduates\":147,\"community\":147,"
                                       "\"prison\":0,"));
  g_assert_nonnull (strstr (stats.out, "{\"name\":\"Ngoma\",\"graduates\":135,\"community\":90,"
                                       "\"prison\":45,"));
  g_assert_nonnull (strstr (stats.out, "{\"name\":\"Nyagatare\",\"graduates\":186,"
                                       "\"community\":146,\"prison\":40,"));
  g_assert_nonnull (strstr (stats.out, "{\"name\":\"Nyamagabe\",\"graduates\":190,"
                                       "\"community\":148,\"prison\":42,"));
  /* Districts sorted by name, the object closed, one line. */
  g_assert_true (strstr (stats.out, "Musanze") < strstr (stats.out, "Ngoma"));
  g_assert_true (strstr (stats.out, "Ngoma") < strstr (stats.out, "Nyabihu"));
  g_assert_true (g_str_has_suffix (stats.out, "}]}\n"));
  g_assert_null (strchr (stats.out, ' '));

  /* A second fill is refused with a reason and changes nothing. */
  run_cli (&again, "--db", db, "sample-data", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "empty database"));
  g_assert_null (strchr (g_strstrip (again.err), '\n'));
}

static void
test_stats_table_and_csv (void)
{
  g_autofree char *db = db_path ("table.db");
  g_auto(Run) fill = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&fill, "--db", db, "sample-data", NULL);
  g_assert_cmpint (fill.status, ==, 0);

  run_cli (&table, "--db", db, "stats", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Graduates: 836 (female 489, male 347)"));
  g_assert_nonnull (strstr (table.out, "Nyamagabe"));
  /* Columns line up: every row of the district table has the same width. */
  lines = g_strsplit (strstr (table.out, "District"), "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, g_utf8_strlen (lines[0], -1));

  run_cli (&csv, "--db", db, "stats", "--format=csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "district,graduates,community,prison,female,male,"
                                            "youth,adults\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\nNyabihu,147,147,0,"));

  run_cli (&bad, "--db", db, "stats", "--format", "xml", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "xml"));
}

static void
test_check (void)
{
  g_autofree char *db = db_path ("check.db");
  g_autofree char *broken = db_path ("broken.db");
  g_auto(Run) fill = { 0 };
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) missing = { 0 };

  run_cli (&fill, "--db", db, "sample-data", NULL);
  g_assert_cmpint (fill.status, ==, 0);
  run_cli (&good, "--db", db, "check", NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "no problems"));

  g_assert_true (g_file_set_contents (broken, "this is not a database, it is a letter", -1,
                                      NULL));
  run_cli (&bad, "--db", broken, "check", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "not a Healing Spaces database"));

  run_cli (&missing, "--db", "/nonexistent/folder/x.db", "check", NULL);
  g_assert_cmpint (missing.status, ==, 1);
}

/* A mistyped --db: stats says so rather than show 0 graduates from a new,
 * empty file (which it must not leave behind). */
static void
test_stats_missing_file (void)
{
  g_autofree char *folder = db_path ("no-such-folder");
  g_autofree char *db = g_build_filename (folder, "programe.db", NULL);
  g_auto(Run) stats = { 0 };

  run_cli (&stats, "--db", db, "stats", "--format", "json", NULL);
  g_assert_cmpint (stats.status, ==, 1);
  g_assert_cmpstr (stats.out, ==, "");
  g_assert_nonnull (strstr (stats.err, "does not exist"));
  g_assert_null (strchr (g_strstrip (stats.err), '\n'));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) option = { 0 };

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "healing-spaces-cli "));

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "sample-data"));
  g_assert_nonnull (strstr (help.out, "stats"));
  g_assert_nonnull (strstr (help.out, "check"));

  run_cli (&none, NULL, NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  run_cli (&option, "--colour", "stats", NULL);
  g_assert_cmpint (option.status, ==, 2);
}

static void
test_kinyarwanda (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) unknown = { 0 };

  run_cli (&help, "--lang", "rw", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  run_cli (&unknown, "--lang", "xx", "stats", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  /* The catalogue meson built: the help reads in Kinyarwanda. */
  g_assert_null (strstr (help.out, "Usage:"));
  g_assert_nonnull (strstr (help.out, "sample-data"));
}

/* livelihoods tvet and targets: added and changed from the command line;
 * a refused change leaves the lists as they were. */
static void
test_livelihood_records (void)
{
  g_autofree char *db = db_path ("livelihoods.db");
  g_auto(Run) fill = { 0 };
  g_auto(Run) trainees = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) targets = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) change = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) after = { 0 };
  g_autofree char *prisoner = NULL;
  g_autofree char *expected = NULL;
  const char *id;

  run_cli (&fill, "--db", db, "sample-data", NULL);
  g_assert_cmpint (fill.status, ==, 0);
  run_cli (&trainees, "--db", db, "livelihoods", "tvet", "list", "--format", "json", NULL);
  g_assert_cmpint (trainees.status, ==, 0);
  id = strstr (trainees.out, "\"participant_id\": ");
  g_assert_nonnull (id);
  prisoner = g_strndup (id + strlen ("\"participant_id\": "),
                        strspn (id + strlen ("\"participant_id\": "), "0123456789"));

  run_cli (&add, "--db", db, "livelihoods", "tvet", "add", "--participant", prisoner,
           "--trade", "Tailoring", "--centre=Rubavu TVET school", "--start", "2026-01-05",
           "--end", "2026-06-30", "--status", "completed", "--reintegration", "family",
           "--reintegration-date", "2026-08-01", NULL);
  g_assert_cmpint (add.status, ==, 0);
  run_cli (&again, "--db", db, "livelihoods", "tvet", "list", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "\tTailoring\tRubavu TVET school\tcompleted\t2026-06-30\t"));

  run_cli (&targets, "--db", db, "livelihoods", "targets", "list", "--format", "json", NULL);
  g_assert_cmpint (targets.status, ==, 0);
  g_assert_nonnull (strstr (targets.out, "\"name\": \"Bugesera pilot\", \"metric\": \"people\", "
                                         "\"value\": 7313, \"female\": 3990, \"male\": 3323, "
                                         "\"district\": \"Bugesera\""));

  run_cli (&set, "--db", db, "livelihoods", "targets", "set", "--name", "Musanze 2024–2026",
           "--value", "4000", "--female", "2200", "--male", "1800", "--district", "musanze",
           "--from", "2024-01-01", "--to", "2026-12-31", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_strchomp (set.out);
  run_cli (&change, "--db", db, "livelihoods", "targets", "set", "--id", set.out,
           "--value", "4500", NULL);
  g_assert_cmpint (change.status, ==, 0);
  run_cli (&bad, "--db", db, "livelihoods", "targets", "set", "--id", set.out,
           "--female", "5000", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "5000"));
  run_cli (&after, "--db", db, "livelihoods", "targets", "list", "--format", "json", NULL);
  expected = g_strdup_printf ("{\"id\": %s, \"name\": \"Musanze 2024–2026\", \"metric\": "
                              "\"people\", \"value\": 4500, \"female\": 2200, \"male\": 1800, "
                              "\"district\": \"Musanze\", \"from\": \"2024-01-01\", "
                              "\"to\": \"2026-12-31\", \"past\": false}", set.out);
  g_assert_nonnull (strstr (after.out, expected));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("HS_CLI"));
  tmp_dir = g_dir_make_tmp ("hs-test-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/sample-data-then-stats-json", test_sample_then_stats_json);
  g_test_add_func ("/cli/stats-table-and-csv", test_stats_table_and_csv);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/stats-missing-file", test_stats_missing_file);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/kinyarwanda", test_kinyarwanda);
  g_test_add_func ("/cli/livelihood-records", test_livelihood_records);
  status = g_test_run ();

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
