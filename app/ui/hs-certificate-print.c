/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificate-print"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hs-certificate-print.h"

typedef struct
{
  HsCertificateDesign *design;
  GPtrArray           *certificates;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  hs_certificate_design_free (job->design);
  g_ptr_array_unref (job->certificates);
  g_free (job);
}

/* Printer, copies and the like of the last job: a file of our own, so that
 * the next batch goes to the same printer. */
static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "healing-spaces", "print-settings.ini",
                           NULL);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  if (page_nr < 0 || (guint) page_nr >= job->certificates->len)
    return;
  hs_certificate_draw (job->design, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context),
                       g_ptr_array_index (job->certificates, page_nr));
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;
  g_mkdir_with_parents (dir, 0700);
  if (!gtk_print_settings_to_file (gtk_print_operation_get_print_settings (operation), path,
                                   &error))
    g_warning ("Could not remember the printer: %s", error->message);
}

GtkPrintOperation *
hs_certificate_print_operation_new (HsCertificateDesign      *design,
                                    GPtrArray                *certificates,
                                    HsCertificateOrientation  orientation)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *path = settings_path ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPageOrientation page_orientation = orientation == HS_CERTIFICATE_PORTRAIT
                                        ? GTK_PAGE_ORIENTATION_PORTRAIT
                                        : GTK_PAGE_ORIENTATION_LANDSCAPE;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->design = design;
  job->certificates = g_ptr_array_ref (certificates);

  settings = gtk_print_settings_new_from_file (path, NULL);
  if (settings == NULL)
    settings = gtk_print_settings_new ();
  /* Whatever the last job used, this one is A4 in the chosen orientation. */
  gtk_print_settings_set_paper_size (settings, a4);
  gtk_print_settings_set_orientation (settings, page_orientation);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, page_orientation);
  gtk_paper_size_free (a4);

  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The certificate keeps its own margins inside the printable area. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, certificates->len);
  gtk_print_operation_set_job_name (operation, _("Graduation certificates"));
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);

  g_object_set_data_full (G_OBJECT (operation), "hs-print-job", job, print_job_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), NULL);
  return operation;
}

void
hs_certificate_print_operation_set_certificates (GtkPrintOperation *operation,
                                                 GPtrArray         *certificates)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "hs-print-job");

  g_return_if_fail (job != NULL);
  g_ptr_array_unref (job->certificates);
  job->certificates = g_ptr_array_ref (certificates);
  gtk_print_operation_set_n_pages (operation, certificates->len);
}
