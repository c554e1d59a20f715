/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-hs"

/* The whole app at scale, in one table (issue #12): builds a database of N
 * synthetic participants (first argument or HS_BENCH_N; default 1,000,000)
 * once, in a temporary folder, then times what a coordinator waits for
 * against a baseline measured in the same run — the bare SQL, the sqlite3
 * shell, a bare cairo loop, an empty window, gnome-text-editor — and prints
 * one Markdown table: measure, ours, baseline, ratio, target, pass/FAIL.
 * The GUI rows run the real app (HS_APP) on a private Xvfb with its own
 * D-Bus; the app's HS_BENCH_FIRST_FRAME hook reports its first frame.
 * Nothing here asserts a time: `ninja -C build bench` runs it at 1M, and
 * test-bench-smoke runs it at 2,000 rows to check the table is complete. */

#include <X11/Xlib.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hs-certificate-drawing.h"
#include "hs-chart.h"
#include "hs-csv-import.h"
#include "hs-database-private.h"
#include "hs-participant-list.h"
#include "hs-sample-data.h"
#include "hs-stats.h"

#define MB 1024.0
#define XML_TARGET 3.0
#define XML_AGAIN_TARGET 1.5

typedef enum { UNIT_S, UNIT_MS, UNIT_MB } Unit;

typedef struct
{
  guint n;
  char *dir;
  char *db_path;
  GString *table;
  guint rows;
  guint failed;
  /* The private X server and D-Bus of the GUI rows. */
  GPid xvfb;
  GPid dbus;
  char *display;
  char *bus;
} Bench;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static const char *
unit_name (Unit unit)
{
  return unit == UNIT_S ? "s" : unit == UNIT_MS ? "ms" : "MB";
}

static double
in_unit (double ms,
         Unit   unit)
{
  return unit == UNIT_S ? ms / 1000.0 : ms;
}

/* 2296 ms, 11.1 ms, 0.763 ms: three significant digits, never 2.3e+03. */
static char *
format_value (double value,
              Unit   unit)
{
  double v = in_unit (value, unit);

  return g_strdup_printf (v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.3g %s", v,
                          unit_name (unit));
}

/* A row with a baseline: the target is a ratio. ours < 0: not measured. */
static void
add_ratio_row (Bench      *b,
               const char *measure,
               double      ours_ms,
               double      base_ms,
               Unit        unit,
               double      target)
{
  gboolean measured = ours_ms >= 0 && base_ms > 0;
  double ratio = measured ? ours_ms / base_ms : 0;
  gboolean pass = measured && ratio <= target;
  g_autofree char *ours = measured ? format_value (ours_ms, unit) : NULL;
  g_autofree char *base = measured ? format_value (base_ms, unit) : NULL;

  if (!measured)
    g_string_append_printf (b->table, "| %s | — | — | — | ≤ %.1f× | skip |\n", measure, target);
  else
    g_string_append_printf (b->table, "| %s | %s | %s | %.2f× | ≤ %.1f× | %s |\n",
                            measure, ours, base, ratio, target, pass ? "pass" : "FAIL");
  b->rows++;
  b->failed += measured && !pass;
  printf ("# %s: %.2f ms against %.2f ms\n", measure, ours_ms, base_ms);
  fflush (stdout);
}

/* A row with an absolute target (in the row's unit). */
static void
add_limit_row (Bench      *b,
               const char *measure,
               double      ours,
               Unit        unit,
               double      target)
{
  gboolean measured = ours >= 0;
  gboolean pass = measured && in_unit (ours, unit) <= target;
  g_autofree char *value = measured ? format_value (ours, unit) : NULL;

  if (!measured)
    g_string_append_printf (b->table, "| %s | — | — | — | ≤ %g %s | skip |\n", measure, target,
                            unit_name (unit));
  else
    g_string_append_printf (b->table, "| %s | %s | — | — | ≤ %g %s | %s |\n", measure, value,
                            target, unit_name (unit), pass ? "pass" : "FAIL");
  b->rows++;
  b->failed += measured && !pass;
  printf ("# %s: %.2f\n", measure, ours);
  fflush (stdout);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *times,
            double  p)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN (times->len - 1, (guint) (p * times->len)));
}

/* ---- the database ---- */

static void
build_database (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (b->db_path, &error);
  double start = now_ms ();

  if (db == NULL || !hs_sample_data_fill (db, NULL, &error)
      || !hs_sample_data_add_scale (db, b->n, &error))
    g_error ("Could not build the database: %s", error->message);
  g_clear_object (&db);    /* the checkpoint is part of building it */
  add_limit_row (b, "sample-data --scale N (seed programme + N people)", now_ms () - start,
                 UNIT_S, 60);
}

/* ---- CSV import ---- */

static const char * const first_names[] = {
  "Théogène", "Alice", "Émilienne", "Jean", "Claudine", "Eric", "Agnès", "Olivier", "Diane",
  "Innocent", "Josiane", "Célestin", "Aline", "Pascal", "Béatrice", "Fidèle",
};
static const char * const last_names[] = {
  "MUKAMANA", "Habimana", "Uwase", "Nkusi", "Ndayisaba", "Mukeshimana", "Uwizeye", "Ingabire",
  "Nsengiyumva", "Kayitare", "Munyaneza", "Bizimana", "Twagiramungu", "Niyonsenga",
};
static const char * const districts[] = {
  "Musanze", "Nyabihu", "Ngoma", "Nyagatare", "Nyamagabe", "Bugesera", "Huye", "Gasabo",
};
static const char * const categories[] = {
  "survivor", "perpetrator", "descendant", "returnee", "other",
};

/* Distinct people (the running number is part of the name), so that no row
 * is held back as a possible duplicate. */
static void
write_csv (const char *path,
           guint       n)
{
  FILE *file = g_fopen (path, "we");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  g_assert_nonnull (file);
  fputs ("name,sex,birth_year,district,sector,village,phone,category\n", file);
  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_int_range (rand, 1950, 2008);

      fprintf (file, "%s %s %u,%s,%d,%s,Sector %u,\"Umudugudu %u\",078%07u,%s\n",
               first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
               last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))], i,
               i % 2 ? "F" : "Gabo", year, districts[i % G_N_ELEMENTS (districts)], i % 15,
               i % 50, i % 10000000, categories[i % G_N_ELEMENTS (categories)]);
    }
  g_assert_cmpint (fclose (file), ==, 0);
}

static double
time_sqlite3_import (Bench      *b,
                     const char *csv)
{
  g_autofree char *db = g_build_filename (b->dir, "bare.db", NULL);
  g_autofree char *command = g_strdup_printf (".import '%s' bare", csv);
  const char *argv[] = { "sqlite3", "-csv", db, command, NULL };
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return now_ms () - start;
}

static double
time_our_import (Bench      *b,
                 const char *csv)
{
  g_autofree char *path = g_build_filename (b->dir, "import.db", NULL);
  g_autoptr(HsDatabase) db = hs_database_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  HsImportResult result = { 0, };
  HsCsvImport *import;
  double start = now_ms ();
  gboolean ok;

  if (db == NULL || (import = hs_csv_import_new (db, csv, &error)) == NULL)
    return -1;
  ok = hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE, NULL, NULL, NULL,
                          &result, &problems, &error);
  hs_csv_import_free (import);
  if (!ok || result.imported != b->n)
    {
      printf ("# import failed: %s\n", error != NULL ? error->message : "rows missing");
      return -1;
    }
  return now_ms () - start;
}

/* User + system time of this process or of its waited-for children, in ms:
 * on a shared machine the CPU ratio is steadier than the wall-clock one. */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
bench_import (Bench *b)
{
  g_autofree char *csv = g_build_filename (b->dir, "people.csv", NULL);
  double bare, ours, bare_cpu, ours_cpu;

  write_csv (csv, b->n);
  bare_cpu = cpu_ms (RUSAGE_CHILDREN);
  bare = time_sqlite3_import (b, csv);
  bare_cpu = cpu_ms (RUSAGE_CHILDREN) - bare_cpu;
  ours_cpu = cpu_ms (RUSAGE_SELF);
  ours = time_our_import (b, csv);
  ours_cpu = cpu_ms (RUSAGE_SELF) - ours_cpu;
  printf ("# CSV import CPU time (user + system): %.0f ms against %.0f ms, %.2f×\n", ours_cpu,
          bare_cpu, bare_cpu > 0 ? ours_cpu / bare_cpu : 0.0);
  add_ratio_row (b, "CSV import of N rows vs sqlite3 .import", ours, bare, UNIT_S, 1.5);
  g_unlink (csv);
}

/* ---- XML round trip ---- */

/* The peak RSS in kB of the program @pid runs now (VmHWM of its own
 * memory), or 0 before it has started it: until exec the child still has a
 * copy of this process's memory. wait4's ru_maxrss is no use here: Linux
 * carries that copy's size over the exec, so every child looked as big as
 * the benchmark (298 MB at 1M, after building the database). */
static double
child_hwm_kb (GPid pid)
{
  g_autofree char *status_path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", pid);
  g_autofree char *comm = NULL;
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (comm_path, &comm, NULL, NULL) || g_str_has_prefix (comm, "bench-hs")
      || !g_file_get_contents (status_path, &text, NULL, NULL)
      || (line = strstr (text, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL);
}

/* Runs @argv to its end; its time, and its peak RSS in kB (sampled every
 * 20 ms, as the kernel keeps no peak of a program apart from its parent's). */
static double
time_child (const char * const *argv,
            double             *peak_rss_kb)
{
  GPid pid;
  int status = 0;
  double start = now_ms ();
  double peak = 0;
  pid_t done;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD
                      | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, NULL))
    return -1;
  while ((done = waitpid (pid, &status, WNOHANG)) == 0)
    {
      peak = MAX (peak, child_hwm_kb (pid));
      g_usleep (20000);
    }
  g_spawn_close_pid (pid);
  if (done != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;
  if (peak_rss_kb != NULL)
    *peak_rss_kb = MAX (*peak_rss_kb, peak);
  return now_ms () - start;
}

/* The whole database out as XML and merged into an empty one, by the CLI
 * (issue #8: a million people without running out of memory); then merged
 * again into the database it came from, where nothing changes. The
 * baseline copies the same database through text: sqlite3 .dump | sqlite3. */
static void
bench_xml (Bench *b)
{
  const char *cli = g_getenv ("HS_CLI");
  g_autofree char *xml = g_build_filename (b->dir, "export.xml", NULL);
  g_autofree char *empty = g_build_filename (b->dir, "merged.db", NULL);
  g_autofree char *copy = g_build_filename (b->dir, "dumped.db", NULL);
  g_autofree char *dump = g_strdup_printf ("sqlite3 '%s' .dump | sqlite3 '%s'", b->db_path,
                                           copy);
  const char *export_argv[] = { cli, "--db", b->db_path, "export", "--format", "xml", "-o", xml,
                                NULL };
  const char *merge_argv[] = { cli, "--db", empty, "merge", xml, NULL };
  const char *again_argv[] = { cli, "--db", b->db_path, "merge", xml, NULL };
  const char *dump_argv[] = { "sh", "-c", dump, NULL };
  double rss = 0, exported = -1, merged = -1, again = -1, bare;

  bare = time_child (dump_argv, NULL);
  if (cli != NULL && (exported = time_child (export_argv, &rss)) >= 0)
    {
      merged = time_child (merge_argv, &rss);
      again = time_child (again_argv, &rss);
    }
  if (exported >= 0)
    printf ("# XML: export %.1f s, merge into an empty database %.1f s, merge again %.1f s,"
            " sqlite3 .dump | sqlite3 %.1f s\n", exported / 1000, merged / 1000, again / 1000,
            bare / 1000);
  add_ratio_row (b, "XML export + merge of N people into an empty database vs sqlite3 .dump"
                    " into a new file", exported >= 0 && merged >= 0 ? exported + merged : -1, bare,
                 UNIT_S, XML_TARGET);
  add_ratio_row (b, "XML merge of the same export again (nothing changes) vs sqlite3 .dump"
                    " into a new file", again, bare, UNIT_S, XML_AGAIN_TARGET);
  add_limit_row (b, "peak RSS, XML export / merge of N people (largest of the three runs)",
                 again >= 0 ? rss / MB : -1, UNIT_MB, 200);
  g_unlink (xml);
  g_unlink (empty);
  g_unlink (copy);
}

/* ---- queries on the big database ---- */

static double
sql_ms (sqlite3    *handle,
        const char *sql,
        const char *text)
{
  sqlite3_stmt *stmt = NULL;
  double start = now_ms ();

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return now_ms () - start;
}

/* The same two queries as hs_stats_compute(), without the objects. */
static void
bench_stats (Bench   *b,
             sqlite3 *raw)
{
  g_autoptr(HsDatabase) db = hs_database_open (b->db_path, NULL);
  double ours = G_MAXDOUBLE, bare = G_MAXDOUBLE;

  for (int i = 0; i < 3; i++)
    {
      double start = now_ms ();
      g_autoptr(HsStats) stats = hs_stats_compute (db, NULL);

      g_assert_nonnull (stats);
      ours = MIN (ours, now_ms () - start);
      bare = MIN (bare, sql_ms (raw, "SELECT d.name, count (*),"
                                "  sum (g.setting = 'community'), sum (g.setting = 'prison'),"
                                "  sum (p.sex = 'F'), sum (p.sex = 'M'),"
                                "  sum (p.age_band = 'youth'), sum (p.age_band = 'adult'),"
                                "  sum (g.setting = 'prison' AND p.sex = 'F'),"
                                "  sum (g.setting = 'prison' AND p.sex = 'M')"
                                " FROM membership m JOIN hgroup g ON g.id = m.group_id"
                                " JOIN participant p ON p.id = m.participant_id"
                                " JOIN district d ON d.id = g.district_id"
                                " WHERE m.outcome = 'graduated' GROUP BY d.id ORDER BY d.name",
                                NULL)
                         + sql_ms (raw, "SELECT g.setting, g.age_band, count (*) FROM hgroup g"
                                   " WHERE EXISTS (SELECT 1 FROM membership m WHERE"
                                   " m.group_id = g.id AND m.outcome = 'graduated')"
                                   " GROUP BY g.setting, g.age_band", NULL));
    }
  add_ratio_row (b, "stats by district vs the same GROUP BY in SQLite", ours, bare, UNIT_MS,
                 1.5);
}

/* What the list view does after a change: count, then read the first screen. */
static double
first_rows_ms (HsParticipantList *list,
               const char        *search,
               HsParticipantSort  sort)
{
  double start = now_ms ();

  if (search != NULL)
    hs_participant_list_set_search (list, search);
  else
    hs_participant_list_set_sort (list, sort, FALSE);
  for (guint i = 0; i < 40 && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  return now_ms () - start;
}

static const char page_sql[] =
  "SELECT p.id, p.full_name, p.sex, p.age_band, d.name, p.is_prisoner, g.id, g.name, m.outcome"
  " FROM participant p LEFT JOIN district d ON d.id = p.district_id"
  " LEFT JOIN membership m ON m.id = (SELECT max (id) FROM membership"
  "   WHERE participant_id = p.id)"
  " LEFT JOIN hgroup g ON g.id = m.group_id";

/* 200 keystrokes: the first one to five letters of 40 names or family
 * names of people in the file, as a coordinator types them. */
static GPtrArray *
realistic_prefixes (sqlite3 *raw)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT search_key FROM participant"
                                       " WHERE id % 997 = 1 LIMIT 40", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; sqlite3_step (stmt) == SQLITE_ROW; i++)
    {
      g_auto(GStrv) words = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), " ", 0);
      const char *word = words[0] == NULL ? "a"
                         : words[i % 2 && words[1] != NULL ? 1 : 0];

      for (guint len = 1; len <= 5; len++)
        g_ptr_array_add (prefixes, g_strndup (word, len));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; prefixes->len < 200; i++)
    g_ptr_array_add (prefixes, g_strdup (g_ptr_array_index (prefixes, i)));
  return prefixes;
}

static void
bench_list (Bench   *b,
            sqlite3 *raw)
{
  g_autoptr(HsDatabase) db = hs_database_open (b->db_path, NULL);
  g_autoptr(HsParticipantList) list = hs_participant_list_new (db);
  g_autoptr(GPtrArray) prefixes = realistic_prefixes (raw);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *count_sql = g_strdup ("SELECT count(*) FROM participant p WHERE p.id IN"
                                         " (SELECT rowid FROM participant_fts WHERE"
                                         " participant_fts MATCH ?1)");
  g_autofree char *search_sql = g_strconcat (page_sql, " WHERE p.id IN (SELECT rowid FROM"
                                             " participant_fts WHERE participant_fts MATCH ?1)"
                                             " ORDER BY p.search_key, p.id LIMIT 128", NULL);
  g_autofree char *name_sql = g_strconcat (page_sql, " ORDER BY p.search_key, p.id LIMIT 128",
                                           NULL);
  /* District ids are numbered in name order (hs-schema.c), so this is the
   * ORDER BY d.name order through the participant_district index. */
  g_autofree char *district_sql = g_strconcat (page_sql, " ORDER BY p.district_id, p.search_key,"
                                               " p.id LIMIT 128", NULL);
  double ours_sort, bare_sort;

  for (guint i = 0; i < prefixes->len; i++)
    {
      g_autofree char *match = hs_participant_search_query (g_ptr_array_index (prefixes, i));
      double t_ours = 0, t_bare = 0;

      /* Turn about, so that neither always finds the pages in the cache. */
      for (int turn = 0; turn < 2; turn++)
        if ((turn + i) % 2 == 0)
          t_bare = sql_ms (raw, count_sql, match) + sql_ms (raw, search_sql, match);
        else
          t_ours = first_rows_ms (list, g_ptr_array_index (prefixes, i), 0);
      g_array_append_val (bare, t_bare);
      g_array_append_val (ours, t_ours);
    }
  hs_participant_list_set_search (list, NULL);
  add_ratio_row (b, "search keystroke p50 (200 prefixes) vs raw FTS + SQL",
                 percentile (ours, 0.5), percentile (bare, 0.5), UNIT_MS, 2);
  add_ratio_row (b, "search keystroke p95 (200 prefixes) vs raw FTS + SQL",
                 percentile (ours, 0.95), percentile (bare, 0.95), UNIT_MS, 2);

  /* Away from the name order first, so that each sort is a change. */
  first_rows_ms (list, NULL, HS_PARTICIPANT_SORT_SEX);
  ours_sort = first_rows_ms (list, NULL, HS_PARTICIPANT_SORT_NAME);
  bare_sort = sql_ms (raw, name_sql, NULL);
  add_ratio_row (b, "sort by name vs raw ORDER BY … LIMIT", ours_sort, bare_sort, UNIT_MS, 2);
  ours_sort = first_rows_ms (list, NULL, HS_PARTICIPANT_SORT_DISTRICT);
  bare_sort = sql_ms (raw, district_sql, NULL);
  add_ratio_row (b, "sort by district vs raw ORDER BY … LIMIT", ours_sort, bare_sort, UNIT_MS,
                 2);
}

static void
bench_chart (Bench *b)
{
  g_autoptr(HsDatabase) db = hs_database_open (b->db_path, NULL);
  g_autoptr(HsChartData) data = hs_chart_data_query (db, HS_CHART_KIND_DISTRICT,
                                                     HS_CHART_SPLIT_SETTING, NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  const int runs = 200;
  HsChartStyle style;
  double start = 0;

  g_assert_nonnull (data);
  hs_chart_style_init (&style);
  for (int i = 0; i < 10 + runs; i++)
    {
      cairo_t *cr = cairo_create (surface);

      if (i == 10)
        start = now_ms ();
      hs_chart_draw_district (cr, 1920, 1080, data, &style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
    }
  add_limit_row (b, "district chart redraw at 1920×1080", (now_ms () - start) / runs, UNIT_MS,
                 8);
  cairo_surface_destroy (surface);
}

/* 10,000 certificates (N / 100 in a smaller run) issued from the register and
 * written to one PDF, against a bare cairo loop drawing the same page. The
 * seed programme of its own, so that issuing leaves the big file alone. */
static void
bench_certificates (Bench *b)
{
  guint pages = MAX (1, MIN (10000, b->n / 100));
  g_autofree char *db_path = g_build_filename (b->dir, "certificates.db", NULL);
  g_autofree char *pdf_path = g_build_filename (b->dir, "batch.pdf", NULL);
  g_autofree char *bare_path = g_build_filename (b->dir, "bare.pdf", NULL);
  g_autofree char *measure = g_strdup_printf ("%u certificates to PDF vs bare cairo loop", pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (db_path, &error);
  g_autoptr(GArray) graduates = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (HsCertificateKey));
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();
  double start, ours, bare, width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_true (db != NULL && hs_sample_data_fill (db, NULL, &error));
  graduates = hs_certificate_graduates_of_ceremony (db, "2024-05-09", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pages; i++)
    g_array_append_val (keys, g_array_index (graduates, HsCertificateKey, i % graduates->len));
  hs_certificate_design_set_organisation (design, "Interpeace — Mvura Nkuvure");
  hs_certificate_design_set_signatory (design, 0, "Immaculée Uwimana", "Coordinator", NULL);
  hs_certificate_design_set_signatory (design, 1, "Théogène Habimana", "Vice Mayor", NULL);

  start = now_ms ();
  certificates = hs_certificate_issue_batch (db, (HsCertificateKey *) keys->data, keys->len,
                                             "rw+en", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hs_certificate_write_pdf (design, certificates, HS_CERTIFICATE_LANDSCAPE,
                                           pdf_path, NULL, NULL, NULL, &error));
  ours = now_ms () - start;

  start = now_ms ();
  hs_certificate_page_size (HS_CERTIFICATE_LANDSCAPE, &width, &height);
  surface = cairo_pdf_surface_create (bare_path, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < pages; i++)
    {
      hs_certificate_draw (design, cr, width, height, g_ptr_array_index (certificates, 0));
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  bare = now_ms () - start;
  add_ratio_row (b, measure, ours, bare, UNIT_S, 1.5);
  g_unlink (pdf_path);
  g_unlink (bare_path);
}

/* ---- GUI rows: a private X server and D-Bus ---- */

/* Starts @argv and returns the first line it prints on stdout (NULL when
 * none) — how Xvfb -displayfd 1 and dbus-daemon --print-address say they
 * are ready. */
static char *
spawn_and_read_line (const char * const *argv,
                     GPid               *pid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  char *line = NULL;
  int out = -1;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 pid, NULL, &out, NULL, &error))
    return NULL;
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    g_clear_pointer (&line, g_free);
  return line != NULL ? g_strstrip (line) : NULL;
}

static gboolean
start_servers (Bench *b)
{
  for (int attempt = 0; attempt < 20 && b->display == NULL; attempt++)
    {
      /* A random number of our own (see tests/ui/run-ui-test.sh); -noreset:
       * the server would otherwise reset when its last client leaves. */
      g_autofree char *display = g_strdup_printf (":%d", g_random_int_range (100, 30100));
      const char *argv[] = { "Xvfb", display, "-noreset", "-displayfd", "1", "-screen", "0",
                             "1920x1080x24", "-nolisten", "tcp", NULL };
      g_autofree char *number = spawn_and_read_line (argv, &b->xvfb);

      if (number != NULL && *number != '\0')
        b->display = g_strconcat (":", number, NULL);
      else if (b->xvfb != 0)
        {
          kill (b->xvfb, SIGTERM);
          g_spawn_close_pid (b->xvfb);
          b->xvfb = 0;
        }
    }
  {
    const char *argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL };

    b->bus = spawn_and_read_line (argv, &b->dbus);
  }
  return b->display != NULL && b->bus != NULL;
}

static void
stop_servers (Bench *b)
{
  if (b->xvfb != 0)
    kill (b->xvfb, SIGTERM);
  if (b->dbus != 0)
    kill (b->dbus, SIGTERM);
}

static char **
gui_environment (Bench      *b,
                 const char *hook)
{
  char **env = g_get_environ ();
  const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (b->dir, "home", names[i], NULL);

      g_mkdir_with_parents (path, 0700);
      env = g_environ_setenv (env, names[i], path, TRUE);
    }
  env = g_environ_setenv (env, "DISPLAY", b->display, TRUE);
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", b->bus, TRUE);
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "MALLOC_CHECK_");
  env = g_environ_unsetenv (env, "MALLOC_PERTURB_");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  return hook != NULL ? g_environ_setenv (env, "HS_BENCH_FIRST_FRAME", hook, TRUE) : env;
}

/* A window that has not painted after this long is a failure, not a wait. */
#define GUI_TIMEOUT_S 60

typedef struct
{
  double to_frame_ms;     /* spawn to first frame */
  double open_ms;         /* opening the database to first frame */
  double peak_rss_kb;
  gboolean timed_out;
} Frame;

/* Runs the app with the first-frame hook on @section; FALSE when it did not report. */
static gboolean
run_app (Bench      *b,
         const char *section,
         Frame      *frame)
{
  const char *app = g_getenv ("HS_APP");
  g_auto(GStrv) env = gui_environment (b, section);
  g_autofree char *limit = g_strdup_printf ("%d", GUI_TIMEOUT_S);
  const char *argv[] = { "timeout", limit, app, "--db", b->db_path, NULL };
  g_autofree char *out = NULL;
  gint64 spawned = g_get_monotonic_time ();
  gint64 painted = 0, opened = 0;
  long rss = 0;
  int status = 0;

  if (app == NULL
      || !g_spawn_sync (NULL, (char **) argv, env,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                        NULL, &status, NULL))
    return FALSE;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 124)
    {
      *frame = (Frame) { GUI_TIMEOUT_S * 1000.0, GUI_TIMEOUT_S * 1000.0, -1, TRUE };
      return TRUE;
    }
  if (out == NULL || (out = strstr (out, "first-frame")) == NULL
      || sscanf (out, "first-frame %" G_GINT64_FORMAT " opened %" G_GINT64_FORMAT
                 " peak-rss-kb %ld", &painted, &opened, &rss) != 3)
    return FALSE;
  frame->to_frame_ms = (painted - spawned) / 1000.0;
  frame->open_ms = (painted - opened) / 1000.0;
  frame->peak_rss_kb = rss;
  frame->timed_out = FALSE;
  return TRUE;
}

/* The median of three runs, as a cold start is noisy. */
static gboolean
run_app3 (Bench      *b,
          const char *section,
          Frame      *frame)
{
  Frame runs[3];

  for (int i = 0; i < 3; i++)
    {
      if (!run_app (b, section, &runs[i]))
        return FALSE;
      if (runs[i].timed_out)
        {
          *frame = runs[i];
          return TRUE;
        }
    }
  qsort (runs, 3, sizeof (Frame), compare_doubles);    /* to_frame_ms comes first */
  *frame = runs[1];
  return TRUE;
}

/* Spawn to the map of a top-level window, for a program without our hook. */
static double
time_to_map (Bench              *b,
             const char * const *argv)
{
  Display *x = XOpenDisplay (b->display);
  g_auto(GStrv) env = gui_environment (b, NULL);
  GPid pid = 0;
  double start, mapped = -1;
  guint restarts = 0;
  XEvent event;

  if (x == NULL)
    return -1;
  XSelectInput (x, DefaultRootWindow (x), SubstructureNotifyMask);
  XSync (x, False);
  start = now_ms ();
  if (g_spawn_async (NULL, (char **) argv, env,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, NULL))
    while (mapped < 0 && now_ms () - start < GUI_TIMEOUT_S * 1000.0)
      {
        if (XPending (x) == 0)
          {
            int status;

            /* A GApplication leaves at once when the instance killed just
             * before still holds its D-Bus name: start it again. */
            if (waitpid (pid, &status, WNOHANG) == pid)
              {
                g_spawn_close_pid (pid);
                pid = 0;
                if (++restarts > 3)
                  break;
                printf ("# %s left before its window: started again\n", argv[0]);
                start = now_ms ();
                if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH
                                    | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, NULL))
                  break;
              }
            g_usleep (1000);
            continue;
          }
        XNextEvent (x, &event);
        if (event.type == MapNotify && !event.xmap.override_redirect)
          mapped = now_ms () - start;
      }
  if (mapped < 0)
    mapped = GUI_TIMEOUT_S * 1000.0;    /* counted as a failure */
  if (pid != 0)
    {
      kill (pid, SIGTERM);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
    }
  XCloseDisplay (x);
  return mapped;
}

static double
median_time_to_map (Bench              *b,
                    const char * const *argv)
{
  double t[3];

  for (int i = 0; i < 3; i++)
    if ((t[i] = time_to_map (b, argv)) < 0 || t[i] >= GUI_TIMEOUT_S * 1000.0)
      return t[i];
  qsort (t, 3, sizeof (double), compare_doubles);
  return t[1];
}

static void
bench_gui (Bench *b)
{
  Frame empty = { -1, -1, -1, FALSE }, list = { -1, -1, -1, FALSE };
  gboolean servers = start_servers (b);
  gboolean have_list = servers && run_app3 (b, "participants", &list);
  const char *app[] = { g_getenv ("HS_APP"), "--db", b->db_path, NULL };
  const char *editor[] = { "gnome-text-editor", "--standalone", NULL };
  g_autofree char *editor_path = g_find_program_in_path ("gnome-text-editor");

  if (servers)
    run_app3 (b, "empty", &empty);
  else
    printf ("# no Xvfb or dbus-daemon: the GUI rows are skipped\n");
  add_limit_row (b, list.timed_out ? "participants list: first page (no frame: timed out)"
                                   : "participants list: first page (model + first frame)",
                 have_list ? list.open_ms : -1, UNIT_S, 0.5);
  add_ratio_row (b, "participants page start vs empty window of the app",
                 have_list ? list.to_frame_ms : -1, empty.to_frame_ms, UNIT_S, 3);
  add_ratio_row (b, "app start to window (X map) vs gnome-text-editor",
                 servers && app[0] != NULL ? median_time_to_map (b, app) : -1,
                 servers && editor_path != NULL ? median_time_to_map (b, editor) : -1,
                 UNIT_S, 1.0);
  add_limit_row (b, "peak RSS, N-person database open on the participants page",
                 have_list ? list.peak_rss_kb / MB : -1, UNIT_MB, 200);
  stop_servers (b);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* HS_BENCH_ONLY=gui,import (stats list chart gui certificates import xml):
 * only those parts; the whole table by default. */
static gboolean
wanted (const char *part)
{
  const char *only = g_getenv ("HS_BENCH_ONLY");
  g_auto(GStrv) parts = NULL;

  if (only == NULL || *only == '\0')
    return TRUE;
  parts = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) parts, part);
}

int
main (int    argc,
      char **argv)
{
  const char *n_text = argc > 1 ? argv[1] : g_getenv ("HS_BENCH_N");
  Bench b = { .n = n_text != NULL ? (guint) g_ascii_strtoull (n_text, NULL, 10) : 1000000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *load = NULL;
  sqlite3 *raw = NULL;

  setlocale (LC_ALL, "");
  if (b.n == 0)
    {
      g_printerr ("usage: bench-hs [N]   (N participants, default 1000000)\n");
      return 2;
    }
  /* Run from a build tree without meson's environment: the programs built
   * beside the bench. */
  for (guint i = 0; i < 2; i++)
    {
      const char *variable = i == 0 ? "HS_APP" : "HS_CLI";
      g_autofree char *here = g_path_get_dirname (argv[0]);
      g_autofree char *path = g_build_filename (here, "..", "app", i == 0 ? "ui" : "cli",
                                                i == 0 ? "healing-spaces"
                                                       : "healing-spaces-cli", NULL);

      if (g_getenv (variable) != NULL)
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        g_setenv (variable, path, TRUE);
      else
        printf ("# %s is not set and %s is missing: its rows are skipped\n", variable, path);
    }
  b.dir = g_dir_make_tmp ("hs-bench-XXXXXX", &error);
  g_assert_no_error (error);
  b.db_path = g_build_filename (b.dir, "bench.db", NULL);
  b.table = g_string_new ("| measure | ours | baseline | ratio | target | result |\n"
                          "|---|---|---|---|---|---|\n");
  g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
  printf ("# N = %u; %u CPUs; load average at start %s", b.n, g_get_num_processors (),
          load != NULL ? load : "?\n");

  if (wanted ("stats") || wanted ("list") || wanted ("chart") || wanted ("gui")
      || wanted ("certificates") || wanted ("xml"))
    {
      build_database (&b);
      g_assert_cmpint (sqlite3_open_v2 (b.db_path, &raw, SQLITE_OPEN_READONLY, NULL), ==,
                       SQLITE_OK);
      if (wanted ("stats"))
        bench_stats (&b, raw);
      if (wanted ("list"))
        bench_list (&b, raw);
      if (wanted ("chart"))
        bench_chart (&b);
      sqlite3_close (raw);
      if (wanted ("gui"))
        bench_gui (&b);
      if (wanted ("certificates"))
        bench_certificates (&b);
    }
  /* The import needs no database of N people; the XML round trip does. */
  if (wanted ("import"))
    bench_import (&b);
  if (wanted ("xml"))
    bench_xml (&b);

  g_clear_pointer (&load, g_free);
  g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
  printf ("\n%s\n%u rows, %u missed their target; load average at the end %s", b.table->str,
          b.rows, b.failed, load != NULL ? load : "?\n");
  remove_tree (b.dir);
  g_string_free (b.table, TRUE);
  g_free (b.db_path);
  g_free (b.dir);
  g_free (b.display);
  g_free (b.bus);
  return 0;
}
