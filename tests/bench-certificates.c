/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "hs-certificate-drawing.h"
#include "hs-sample-data.h"

/* 10,000 certificates to one PDF, from the register (issue + one PDF through
 * hs_certificate_write_pdf), against a bare cairo loop drawing the same page
 * 10,000 times. Prints the ratio; the goal is ≤ 1.5. Not a timed test. */

#define N_PAGES 10000

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-bench-certificates-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "batch.pdf", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.pdf", NULL);
  g_autoptr(HsDatabase) db = hs_database_open (db_path, &error);
  g_autoptr(GArray) graduates = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (HsCertificateKey));
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(HsCertificateDesign) design = hs_certificate_design_new ();
  g_autoptr(GTimer) timer = g_timer_new ();
  double issue_s, pdf_s, bare_s, width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  g_assert_true (hs_sample_data_fill (db, NULL, &error));
  graduates = hs_certificate_graduates_of_ceremony (db, "2024-05-20", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_PAGES; i++)
    g_array_append_val (keys, g_array_index (graduates, HsCertificateKey, i % graduates->len));
  hs_certificate_design_set_organisation (design, "Interpeace — Mvura Nkuvure");
  hs_certificate_design_set_signatory (design, 0, "Immaculée Uwimana", "Coordinator", NULL);
  hs_certificate_design_set_signatory (design, 1, "Théogène Habimana", "Vice Mayor", NULL);

  g_timer_start (timer);
  certificates = hs_certificate_issue_batch (db, (HsCertificateKey *) keys->data, keys->len,
                                             "rw+en", NULL, &error);
  g_assert_no_error (error);
  issue_s = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  g_assert_true (hs_certificate_write_pdf (design, certificates, HS_CERTIFICATE_LANDSCAPE,
                                           pdf_path, NULL, NULL, NULL, &error));
  pdf_s = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  hs_certificate_page_size (HS_CERTIFICATE_LANDSCAPE, &width, &height);
  surface = cairo_pdf_surface_create (bare_path, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < N_PAGES; i++)
    {
      hs_certificate_draw (design, cr, width, height, g_ptr_array_index (certificates, 0));
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  bare_s = g_timer_elapsed (timer, NULL);

  g_print ("issue %u certificates: %.2f s\n", N_PAGES, issue_s);
  g_print ("write them to one PDF: %.2f s (%.0f pages/s)\n", pdf_s, N_PAGES / pdf_s);
  g_print ("bare cairo loop, same page: %.2f s\n", bare_s);
  g_print ("ratio PDF / bare: %.2f; with issuing: %.2f (goal: at most 1.5)\n", pdf_s / bare_s,
           (issue_s + pdf_s) / bare_s);

  g_clear_pointer (&certificates, g_ptr_array_unref);
  g_clear_object (&db);
  g_unlink (pdf_path);
  g_unlink (bare_path);
  g_unlink (db_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
