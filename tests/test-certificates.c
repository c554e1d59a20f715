/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "hs-certificate-drawing.h"
#include "hs-database-private.h"
#include "hs-participant.h"
#include "hs-sample-data.h"

/* The register (serials, reprints, voids, verification) on a copy of the
 * sample programme, and the PDF checked with poppler as a reader would see it. */

static char *tmp_dir;
static char *template_path;
static int counter;

static HsDatabase *
open_sample (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/sample-%d.db", tmp_dir, counter++);
  g_autofree char *contents = NULL;
  gsize length;
  HsDatabase *db;

  g_assert_true (g_file_get_contents (template_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  db = hs_database_open (path, &error);
  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return db;
}

static gint64
query_int (HsDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gint64
first_group (HsDatabase *db)
{
  gint64 id = hs_certificate_find_group (db, "Musanze adults 1");

  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
issue_group (HsDatabase *db,
             gint64      group_id,
             const char *language,
             const char *issued)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = hs_certificate_graduates_of_group (db, group_id, &error);
  GPtrArray *certificates;

  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, >, 0);
  certificates = hs_certificate_issue_batch (db, (HsCertificateKey *) keys->data, keys->len,
                                             language, issued, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, keys->len);
  return certificates;
}

static void
test_serials_and_reprints (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  gint64 group = first_group (db);
  g_autoptr(GPtrArray) first = issue_group (db, group, "rw+en", "2025-03-01");
  g_autoptr(GPtrArray) again = issue_group (db, group, "en", "2025-04-01");
  g_autoptr(HsCertificate) looked_up = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < first->len; i++)
    {
      HsCertificate *original = g_ptr_array_index (first, i);
      HsCertificate *reprint = g_ptr_array_index (again, i);
      g_autofree char *expected = g_strdup_printf ("HS-2025-%06u", i + 1);

      g_assert_cmpstr (hs_certificate_get_serial (original), ==, expected);
      g_assert_false (hs_certificate_is_reprint (original));
      g_assert_cmpstr (hs_certificate_get_serial (reprint), ==, expected);
      g_assert_true (hs_certificate_is_reprint (reprint));
      g_assert_cmpstr (hs_certificate_get_language (reprint), ==, "en");
      g_assert_cmpstr (hs_certificate_get_issued (reprint), ==, "2025-04-01");
      g_assert_cmpuint (strlen (hs_certificate_get_check (original)), ==, 8);
    }
  looked_up = hs_certificate_lookup (db, "HS-2025-000001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hs_certificate_get_n_reprints (looked_up), ==, 1);
  g_assert_cmpstr (hs_certificate_get_issued (looked_up), ==, "2025-03-01");
  /* Reprints take no number. */
  g_assert_cmpint (query_int (db, "SELECT last FROM certificate_counter WHERE year = 2025"), ==,
                   first->len);
  /* Every print is audited. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM audit_log WHERE table_name ="
                              " 'certificate' AND action = 'insert'"), ==, 2 * first->len);
}

static void
test_non_graduate (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCertificate) certificate = NULL;
  gint64 participant, group;

  participant = query_int (db, "SELECT participant_id FROM membership WHERE outcome = 'dropped'"
                           " ORDER BY id LIMIT 1");
  group = query_int (db, "SELECT group_id FROM membership WHERE outcome = 'dropped'"
                     " ORDER BY id LIMIT 1");
  certificate = hs_certificate_issue (db, participant, group, "rw", NULL, &error);
  g_assert_null (certificate);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dropped out"));
  g_assert_nonnull (strstr (error->message, "Only graduates"));
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificate"), ==, 0);
  g_clear_error (&error);

  participant = query_int (db, "SELECT participant_id FROM membership WHERE outcome = 'ongoing'"
                           " ORDER BY id LIMIT 1");
  group = query_int (db, "SELECT group_id FROM membership WHERE outcome = 'ongoing'"
                     " ORDER BY id LIMIT 1");
  certificate = hs_certificate_issue (db, participant, group, "rw", NULL, &error);
  g_assert_null (certificate);
  g_assert_nonnull (strstr (error->message, "not graduated"));
  /* A failed issue gives its number back. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificate_counter"), ==, 0);
  g_clear_error (&error);

  /* An erased person is named as every screen names them. */
  g_assert_true (hs_participant_erase (db, participant, &error));
  g_assert_no_error (error);
  {
    g_autofree char *why = hs_certificate_explain_ineligible (db, participant, group);

    g_assert_true (g_str_has_prefix (why, "Erased record has not graduated"));
  }
}

static void
test_void_and_verify (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  g_autoptr(GPtrArray) issued = issue_group (db, first_group (db), "rw", "2025-03-01");
  HsCertificate *first = g_ptr_array_index (issued, 0);
  g_autoptr(HsCertificate) found = NULL;
  g_autoptr(HsCertificate) replacement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *qr = hs_certificate_dup_qr_text (first);
  g_autofree char *lower = g_ascii_strdown (qr, -1);
  g_autofree char *forged = g_strconcat (hs_certificate_get_serial (first), " 00000000", NULL);
  g_autofree char *expected_serial = g_strdup_printf ("HS-2025-%06u", issued->len + 1);

  g_assert_cmpint (hs_certificate_verify (db, qr, &found, &error), ==, HS_CERTIFICATE_VALID);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_certificate_get_participant_name (found), ==,
                   hs_certificate_get_participant_name (first));
  g_clear_object (&found);
  g_assert_cmpint (hs_certificate_verify (db, lower, NULL, &error), ==, HS_CERTIFICATE_VALID);
  g_assert_cmpint (hs_certificate_verify (db, hs_certificate_get_serial (first), NULL, &error),
                   ==, HS_CERTIFICATE_VALID);
  g_assert_cmpint (hs_certificate_verify (db, forged, NULL, &error), ==,
                   HS_CERTIFICATE_BAD_CHECK);
  g_assert_cmpint (hs_certificate_verify (db, "HS-2025-999999", NULL, &error), ==,
                   HS_CERTIFICATE_UNKNOWN);
  g_assert_cmpint (hs_certificate_verify (db, "  ", NULL, &error), ==, HS_CERTIFICATE_UNKNOWN);
  g_assert_no_error (error);

  g_assert_false (hs_certificate_void (db, hs_certificate_get_serial (first), "  ", &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hs_certificate_void (db, hs_certificate_get_serial (first), "Name misspelt",
                                      &error));
  g_assert_no_error (error);
  g_assert_false (hs_certificate_void (db, hs_certificate_get_serial (first), "again", &error));
  g_clear_error (&error);
  g_assert_cmpint (hs_certificate_verify (db, qr, &found, &error), ==, HS_CERTIFICATE_VOIDED);
  g_assert_cmpstr (hs_certificate_get_void_reason (found), ==, "Name misspelt");
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM audit_log WHERE table_name ="
                              " 'certificate' AND action = 'update'"
                              " AND after LIKE '%Name misspelt%'"), ==, 1);

  /* A voided certificate is replaced by a new serial, not reprinted. */
  replacement = hs_certificate_issue (db, hs_certificate_get_participant_id (first),
                                      hs_certificate_get_group_id (first), "rw", "2025-03-02",
                                      &error);
  g_assert_no_error (error);
  g_assert_false (hs_certificate_is_reprint (replacement));
  g_assert_cmpstr (hs_certificate_get_serial (replacement), ==, expected_serial);
}

typedef struct
{
  const char       *path;
  HsCertificateKey *keys;
  guint             n_keys;
} Worker;

static gpointer
issue_worker (gpointer data)
{
  Worker *worker = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = hs_database_open (worker->path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < worker->n_keys; i++)
    {
      g_autoptr(HsCertificate) certificate = NULL;

      certificate = hs_certificate_issue (db, worker->keys[i].participant_id,
                                          worker->keys[i].group_id, "rw+en", "2025-06-01",
                                          &error);
      g_assert_no_error (error);
    }
  return NULL;
}

/* Four programs issue at the same time: numbers are unique and gap-free. */
static void
test_concurrent_numbering (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HsDatabase) db = open_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = hs_certificate_graduates_of_ceremony (db, "2024-05-09", &error);
  enum { N_WORKERS = 4, PER_WORKER = 30 };
  Worker workers[N_WORKERS];
  GThread *threads[N_WORKERS];

  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, >=, N_WORKERS * PER_WORKER);
  for (guint i = 0; i < N_WORKERS; i++)
    {
      workers[i] = (Worker) { path, &g_array_index (keys, HsCertificateKey, i * PER_WORKER),
                              PER_WORKER };
      threads[i] = g_thread_new ("issue", issue_worker, &workers[i]);
    }
  for (guint i = 0; i < N_WORKERS; i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (query_int (db, "SELECT count (DISTINCT serial) FROM certificate"), ==,
                   N_WORKERS * PER_WORKER);
  g_assert_cmpint (query_int (db, "SELECT min (serial) = 'HS-2025-000001' FROM certificate"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT max (CAST (substr (serial, 9) AS INTEGER))"
                              " FROM certificate"), ==, N_WORKERS * PER_WORKER);
}

/* Four CLI processes print a ceremony's groups into one database at the
 * same time (each also rereads the others' work through WAL): every
 * graduate gets one serial, numbered 1…N without a gap. */
static void
test_concurrent_processes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HsDatabase) db = open_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = hs_certificate_list_batches (db, &error);
  GPid pids[4];
  guint n = 0;
  gint64 graduates = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < batches->len && n < G_N_ELEMENTS (pids); i++)
    {
      HsCertificateBatch *batch = g_ptr_array_index (batches, i);
      g_autofree char *pdf = g_strdup_printf ("%s/concurrent-%u.pdf", tmp_dir, n);
      const char *argv[] = { g_getenv ("HS_CLI"), "--db", path, "certificates", "--group",
                             batch->name, "--issued", "2027-01-15", "-o", pdf, NULL };

      if (batch->group_id == 0)
        continue;
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pids[n++], &error));
      g_assert_no_error (error);
      graduates += batch->n_graduates;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (pids));
  for (guint i = 0; i < n; i++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificate"), ==, graduates);
  g_assert_cmpint (query_int (db, "SELECT count (DISTINCT serial) FROM certificate"), ==,
                   graduates);
  g_assert_cmpint (query_int (db, "SELECT min (serial) = 'HS-2027-000001' FROM certificate"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT max (CAST (substr (serial, 9) AS INTEGER))"
                              " FROM certificate"), ==, graduates);
}

static char *
run_tool (const char *tool,
          const char *option,
          const char *path)
{
  const char *argv[] = { tool, option, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (option == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", NULL, path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* Every word pdftotext -bbox finds lies inside the printable box. */
static void
assert_text_inside (const char *path,
                    double      margin)
{
  g_autofree char *html = run_tool ("pdftotext", "-bbox", path);
  const char *p = strstr (html, "<page width=\"");
  double width, height;
  guint n = 0;

  g_assert_nonnull (p);
  width = g_ascii_strtod (p + strlen ("<page width=\""), NULL);
  p = strstr (p, "height=\"");
  g_assert_nonnull (p);
  height = g_ascii_strtod (p + strlen ("height=\""), NULL);
  g_assert_cmpfloat (width, >, 500);
  g_assert_cmpfloat (height, >, 500);
  for (p = strstr (html, "<word "); p != NULL; p = strstr (p + 1, "<word "), n++)
    {
      static const char * const keys[] = { "xMin=\"", "yMin=\"", "xMax=\"", "yMax=\"" };
      double box[4];

      for (int i = 0; i < 4; i++)
        {
          const char *value = strstr (p, keys[i]);

          g_assert_nonnull (value);
          box[i] = g_ascii_strtod (value + strlen (keys[i]), NULL);
        }
      g_assert_cmpfloat (box[0], >=, margin);
      g_assert_cmpfloat (box[1], >=, margin);
      g_assert_cmpfloat (box[2], <=, width - margin);
      g_assert_cmpfloat (box[3], <=, height - margin);
    }
  g_assert_cmpuint (n, >, 20);
}

/* The height of the box pdftotext -bbox gives @word: about 1.16 × its font size. */
static double
word_height (const char *path,
             const char *word)
{
  g_autofree char *html = run_tool ("pdftotext", "-bbox", path);
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *end = strstr (html, needle);
  const char *start;

  g_assert_nonnull (end);
  start = g_strrstr_len (html, end - html, "<word ");
  g_assert_nonnull (start);
  return g_ascii_strtod (strstr (start, "yMax=\"") + strlen ("yMax=\""), NULL)
         - g_ascii_strtod (strstr (start, "yMin=\"") + strlen ("yMin=\""), NULL);
}

/* pdffonts lists every font with "yes" in its emb column. */
static void
assert_fonts_embedded (const char *path)
{
  g_autofree char *list = run_tool ("pdffonts", NULL, path);
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit_set (lines[i], " ", -1);
      const char *fields[16];
      guint n_fields = 0;

      for (guint j = 0; columns[j] != NULL && n_fields < G_N_ELEMENTS (fields); j++)
        if (*columns[j] != '\0')
          fields[n_fields++] = columns[j];
      if (n_fields == 0)
        continue;
      g_assert_cmpuint (n_fields, >=, 6);
      g_assert_cmpstr (fields[n_fields - 5], ==, "yes");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_ceremony_pdf (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = hs_certificate_graduates_of_ceremony (db, "2024-05-09", &error);
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();
  g_autofree char *pdf = g_build_filename (tmp_dir, "ceremony.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  certificates = hs_certificate_issue_batch (db, (HsCertificateKey *) keys->data, keys->len,
                                             "rw+en", "2025-01-05", &error);
  g_assert_no_error (error);
  hs_certificate_design_set_organisation (design, "Interpeace — Programme Mvura Nkuvure");
  hs_certificate_design_set_signatory (design, 0, "Immaculée Uwimana", "Programme Coordinator",
                                       NULL);
  hs_certificate_design_set_signatory (design, 1, "Théogène Habimana", "District Mayor", NULL);
  g_assert_true (hs_certificate_write_pdf (design, certificates, HS_CERTIFICATE_LANDSCAPE, pdf,
                                           NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pdf_pages (pdf), ==, keys->len);
  text = run_tool ("pdftotext", "-raw", pdf);
  for (guint i = 0; i < certificates->len; i++)
    {
      HsCertificate *certificate = g_ptr_array_index (certificates, i);

      g_assert_nonnull (strstr (text, hs_certificate_get_participant_name (certificate)));
      g_assert_nonnull (strstr (text, hs_certificate_get_serial (certificate)));
    }
  g_assert_nonnull (strstr (text, "ICYEMEZO CYO GUSOZA"));
  g_assert_nonnull (strstr (text, "CERTIFICATE OF COMPLETION"));
  g_assert_nonnull (strstr (text, "Immaculée Uwimana"));
  assert_text_inside (pdf, HS_CERTIFICATE_PRINTABLE_MARGIN);
}

/* One language only: the other's wording is absent, whatever the UI speaks. */
static void
test_language_only (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  g_autoptr(GPtrArray) certificates = issue_group (db, first_group (db), "en", "2025-01-05");
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();
  g_autofree char *pdf = g_build_filename (tmp_dir, "english.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (hs_certificate_write_pdf (design, certificates, HS_CERTIFICATE_PORTRAIT, pdf,
                                           NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", pdf);
  g_assert_nonnull (strstr (text, "CERTIFICATE OF COMPLETION"));
  g_assert_null (strstr (text, "ICYEMEZO"));
  assert_text_inside (pdf, HS_CERTIFICATE_PRINTABLE_MARGIN);
}

static gboolean
stop_after_three (guint    done,
                  guint    total,
                  gpointer user_data)
{
  *(guint *) user_data = done;
  return done < 3;
}

/* The longest name shrinks but stays whole and inside the page; diacritics
 * survive; a cancelled batch leaves no file. */
static void
test_long_name (void)
{
  const char *name = "Marie-Immaculée Théogène Uwamahoro Nyiransabimana Mukandayis";
  g_autoptr(HsCertificate) certificate = hs_certificate_new_sample ("HS-2026-000123", name,
                                                                    "rw+en");
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();
  g_autofree char *pdf = g_build_filename (tmp_dir, "long.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (tmp_dir, "cancelled.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint done = 0;

  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 60);
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (batch, certificate);
  for (int orientation = 0; orientation < 2; orientation++)
    {
      g_assert_true (hs_certificate_write_pdf (design, batch, orientation, pdf, NULL, NULL, NULL,
                                               &error));
      g_assert_no_error (error);
      g_free (text);
      text = run_tool ("pdftotext", "-raw", pdf);
      for (guint i = 0; words[i] != NULL; i++)
        g_assert_nonnull (strstr (text, words[i]));
      assert_text_inside (pdf, HS_CERTIFICATE_PRINTABLE_MARGIN);
      /* Still the largest text on the page: two lines rather than small print. */
      g_assert_cmpfloat (word_height (pdf, "Nyiransabimana"), >=, 20 * 1.1);
    }
  /* The widest letters in capitals, in both orientations. */
  {
    const char *wide = "MUKAMWIZA WELLARS MWUMVANEZA NYIRAMWIZA MUGWANEZA MUHAWENIMA";
    g_autoptr(HsCertificate) capitals = hs_certificate_new_sample ("HS-2026-000124", wide,
                                                                   "rw+en");

    g_assert_cmpint (g_utf8_strlen (wide, -1), ==, 60);
    g_ptr_array_index (batch, 0) = capitals;
    for (int orientation = 0; orientation < 2; orientation++)
      {
        g_assert_true (hs_certificate_write_pdf (design, batch, orientation, pdf, NULL, NULL,
                                                 NULL, &error));
        g_assert_no_error (error);
        assert_text_inside (pdf, HS_CERTIFICATE_PRINTABLE_MARGIN);
        g_assert_cmpfloat (word_height (pdf, "MUHAWENIMA"), >=, 18 * 1.1);
      }
    g_ptr_array_index (batch, 0) = certificate;
  }

  g_assert_false (hs_certificate_write_pdf (design, batch, HS_CERTIFICATE_LANDSCAPE, cancelled,
                                            stop_after_three, &done, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (done, ==, 3);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
}

/* PNG and SVG logos and a scanned signature; a missing file is left out. */
static void
test_logos (void)
{
  g_autofree char *png = g_build_filename (tmp_dir, "logo.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "logo.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "logos.pdf", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.png", NULL);
  g_autoptr(HsCertificate) certificate = hs_certificate_new_sample ("HS-2026-000001",
                                                                    "Immaculée Mukamana", "rw");
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 60);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (image, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
  g_assert_true (g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                      "width=\"80\" height=\"40\"><rect width=\"80\" "
                                      "height=\"40\" fill=\"#20603D\"/></svg>", -1, &error));

  hs_certificate_design_set_logo (design, 0, png);
  hs_certificate_design_set_logo (design, 1, svg);
  hs_certificate_design_set_logo (design, 2, missing);
  hs_certificate_design_set_logo (design, 3, png);
  hs_certificate_design_set_signatory (design, 0, "Immaculée Uwimana", "Coordinator", svg);
  hs_certificate_design_set_signatory (design, 1, "Théogène Habimana", "Vice Mayor", png);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (batch, certificate);
  g_assert_true (hs_certificate_write_pdf (design, batch, HS_CERTIFICATE_PORTRAIT, pdf, NULL,
                                           NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, 3);
  assert_text_inside (pdf, HS_CERTIFICATE_PRINTABLE_MARGIN);

  /* Every language in both orientations, with the logos and signatures. */
  for (guint lang = 0; lang < 3; lang++)
    for (int orientation = 0; orientation < 2; orientation++)
      {
        static const char * const languages[] = { "rw", "en", "rw+en" };
        g_autoptr(HsCertificate) each = hs_certificate_new_sample ("HS-2026-000002",
                                                                   "Immaculée Mukamana",
                                                                   languages[lang]);

        g_ptr_array_index (batch, 0) = each;
        g_assert_true (hs_certificate_write_pdf (design, batch, orientation, pdf, NULL, NULL,
                                                 NULL, &error));
        g_assert_no_error (error);
        assert_text_inside (pdf, HS_CERTIFICATE_PRINTABLE_MARGIN);
        assert_fonts_embedded (pdf);
        g_ptr_array_index (batch, 0) = certificate;
      }
}

static void
test_register_list (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  g_autoptr(GPtrArray) issued = issue_group (db, first_group (db), "rw", "2025-03-01");
  g_autoptr(GPtrArray) reprinted = issue_group (db, first_group (db), "rw", "2025-03-02");
  g_autoptr(HsCertificateList) list = hs_certificate_list_new (db);
  HsCertificate *target = g_ptr_array_index (issued, 3);
  g_autofree char *ascii = g_str_to_ascii (hs_certificate_get_participant_name (target), "C");
  g_autoptr(HsCertificate) item = NULL;

  /* Originals only, newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, issued->len);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (hs_certificate_get_serial (item), ==,
                   hs_certificate_get_serial (g_ptr_array_index (issued, issued->len - 1)));
  g_assert_cmpuint (hs_certificate_get_n_reprints (item), ==, 1);
  g_clear_object (&item);

  hs_certificate_list_set_search (list, hs_certificate_get_serial (target));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* Without accents, in lower case. */
  {
    g_autofree char *lower = g_ascii_strdown (ascii, -1);
    hs_certificate_list_set_search (list, lower);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (hs_certificate_get_participant_name (item), ==,
                   hs_certificate_get_participant_name (target));
  hs_certificate_list_set_search (list, "no such person");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static int
run_cli (char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("HS_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  /* A failure says why in one line. */
  if (WEXITSTATUS (status) == 1)
    g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HsDatabase) db = open_sample (&path);
  g_autofree char *pdf = g_build_filename (tmp_dir, "cli.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *qr = NULL;
  g_autoptr(HsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("HS_CLI") == NULL)
    {
      g_test_skip ("HS_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "Musanze adults 1",
                            "--lang", "both", "-o", pdf, NULL), ==, 0);
  g_assert_cmpint (pdf_pages (pdf), ==, 14);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--ceremony", "2024-05-16",
                            "--lang", "en", "--portrait", "-o", pdf, NULL), ==, 0);
  g_assert_cmpint (pdf_pages (pdf), ==,
                   query_int (db, "SELECT count (*) FROM membership m JOIN hgroup g"
                              " ON g.id = m.group_id WHERE g.graduation_date = '2024-05-16'"
                              " AND m.outcome = 'graduated'"));
  g_clear_pointer (&out, g_free);

  certificate = hs_certificate_lookup (db, "HS-2026-000001", &error);
  if (certificate == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *serial = g_date_time_format (now, "HS-%Y-000001");

      g_clear_error (&error);
      certificate = hs_certificate_lookup (db, serial, &error);
    }
  g_assert_no_error (error);
  qr = hs_certificate_dup_qr_text (certificate);
  g_assert_cmpint (run_cli (&out, "--db", path, "verify", qr, NULL), ==, 0);
  g_assert_nonnull (strstr (out, hs_certificate_get_participant_name (certificate)));
  g_assert_nonnull (strstr (out, "is valid"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--db", path, "verify", "HS-1999-000001", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_true (hs_certificate_void (db, hs_certificate_get_serial (certificate), "Lost",
                                      &error));
  g_assert_cmpint (run_cli (&out, "--db", path, "verify", qr, NULL), ==, 1);
  g_clear_pointer (&out, g_free);

  /* A selection out of the group; an unwritable file issues nothing. */
  {
    g_autofree char *first = NULL, *second = NULL, *dropped = NULL, *text = NULL;
    g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-folder", "x.pdf", NULL);
    const char *group_sql = "SELECT m.participant_id FROM membership m JOIN hgroup g"
                            " ON g.id = m.group_id WHERE g.name = 'Nyabihu adults 1'"
                            " AND m.outcome = '%s' ORDER BY m.participant_id LIMIT 1 OFFSET %d";
    g_autofree char *sql1 = g_strdup_printf (group_sql, "graduated", 0);
    g_autofree char *sql2 = g_strdup_printf (group_sql, "graduated", 3);
    gint64 before = query_int (db, "SELECT count (*) FROM certificate");

    first = g_strdup_printf ("%" G_GINT64_FORMAT, query_int (db, sql1));
    second = g_strdup_printf ("%" G_GINT64_FORMAT, query_int (db, sql2));
    dropped = g_strdup_printf ("%" G_GINT64_FORMAT,
                               query_int (db, "SELECT participant_id FROM membership"
                                          " WHERE outcome = 'dropped' ORDER BY id LIMIT 1"));
    g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "Nyabihu adults 1",
                              "--participant", nowhere, "-o", pdf, NULL), ==, 2);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "Nyabihu adults 1",
                              "--participant", first, "-o", nowhere, NULL), ==, 1);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificate"), ==, before);
    g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "Nyabihu adults 1",
                              "--participant", dropped, "-o", pdf, NULL), ==, 1);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "Nyabihu adults 1",
                              "--participant", second, "--participant", first, "-o", pdf,
                              NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (pdf_pages (pdf), ==, 2);
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificate"), ==, before + 2);
  }

  g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "-o", pdf, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "X", "--lang", "fr",
                            "-o", pdf, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--db", path, "certificates", "--group", "No such group",
                            "-o", pdf, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--db", path, "verify", NULL), ==, 2);
}

/* What must be exactly as before a cancelled batch. */
static char *
describe_register (HsDatabase *db)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " prints, %" G_GINT64_FORMAT " years numbered"
                          " up to %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " audit rows",
                          query_int (db, "SELECT count (*) FROM certificate"),
                          query_int (db, "SELECT count (*) FROM certificate_counter"),
                          query_int (db, "SELECT coalesce (sum (last), 0) FROM"
                                     " certificate_counter"),
                          query_int (db, "SELECT count (*) FROM audit_log"));
}

typedef struct
{
  const char   *path;
  guint         cancel_after;
  GCancellable *cancellable;
} SaveJob;

static gboolean
cancel_after_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  SaveJob *job = user_data;

  if (done == job->cancel_after)
    g_cancellable_cancel (job->cancellable);
  return TRUE;
}

static gboolean
write_pdf_cb (GPtrArray     *certificates,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  SaveJob *job = user_data;
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();

  /* Inside the transaction the serials are already there to be drawn. */
  g_assert_cmpstr (hs_certificate_get_serial (g_ptr_array_index (certificates, 0)), ==,
                   "HS-2025-000001");
  return hs_certificate_write_pdf (design, certificates, HS_CERTIFICATE_LANDSCAPE, job->path,
                                   cancel_after_cb, job, cancellable, error);
}

static GPtrArray *
save_group (HsDatabase   *db,
            SaveJob      *job,
            GError      **error)
{
  g_autoptr(GArray) keys = hs_certificate_graduates_of_group (db, first_group (db), NULL);

  g_assert_nonnull (keys);
  return hs_certificate_issue_batch_full (db, (HsCertificateKey *) keys->data, keys->len,
                                          "rw+en", "2025-03-01", write_pdf_cb, job,
                                          job->cancellable, error);
}

static void
test_cancelled_save (void)
{
  g_autoptr(HsDatabase) db = open_sample (NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "cancelled.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SaveJob job = { pdf, 3, cancellable };
  g_autofree char *before = describe_register (db);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled half way through the PDF, by the progress callback. */
  certificates = save_group (db, &job, &error);
  g_assert_null (certificates);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = describe_register (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Cancelled after the last page: the file is complete but not wanted. */
  g_clear_pointer (&after, g_free);
  g_cancellable_reset (cancellable);
  job.cancel_after = 14;
  certificates = save_group (db, &job, &error);
  g_assert_null (certificates);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = describe_register (db);
  g_assert_cmpstr (after, ==, before);

  /* The next batch takes the numbers the cancelled one gave back. */
  g_cancellable_reset (cancellable);
  job.cancel_after = 0;
  certificates = save_group (db, &job, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, 14);
  g_assert_cmpint (pdf_pages (pdf), ==, 14);
  g_assert_cmpint (query_int (db, "SELECT last FROM certificate_counter WHERE year = 2025"), ==,
                   14);
  g_clear_pointer (&certificates, g_ptr_array_unref);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  g_unlink (pdf);

  /* A cancelled reprint records no reprints. */
  before = describe_register (db);
  job.cancel_after = 5;
  certificates = save_group (db, &job, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = describe_register (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM certificate WHERE reprint_of IS NOT"
                              " NULL"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-test-certificates-XXXXXX", &error);
  g_assert_no_error (error);
  template_path = g_build_filename (tmp_dir, "template.db", NULL);
  db = hs_database_open (template_path, &error);
  g_assert_no_error (error);
  g_assert_true (hs_sample_data_fill (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (_hs_database_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", &error));
  g_clear_object (&db);

  g_test_add_func ("/certificates/register/serials-and-reprints", test_serials_and_reprints);
  g_test_add_func ("/certificates/register/non-graduate", test_non_graduate);
  g_test_add_func ("/certificates/register/void-and-verify", test_void_and_verify);
  g_test_add_func ("/certificates/register/concurrent-numbering", test_concurrent_numbering);
  g_test_add_func ("/certificates/register/concurrent-processes", test_concurrent_processes);
  g_test_add_func ("/certificates/register/list", test_register_list);
  g_test_add_func ("/certificates/register/cancelled-save", test_cancelled_save);
  g_test_add_func ("/certificates/pdf/ceremony", test_ceremony_pdf);
  g_test_add_func ("/certificates/pdf/language-only", test_language_only);
  g_test_add_func ("/certificates/pdf/long-name", test_long_name);
  g_test_add_func ("/certificates/pdf/logos", test_logos);
  g_test_add_func ("/certificates/cli", test_cli);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (tmp_dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (tmp_dir);
  }
  return status;
}
