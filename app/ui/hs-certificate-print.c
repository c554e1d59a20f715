/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificate-print"

#include <glib/gi18n.h>

#include "hs-certificate-print.h"
#include "hs-settings.h"

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

/* Printer, copies and the like of the last job live in the print-settings
 * key, so that the next batch goes to the same printer. */
static GtkPrintSettings *
load_print_settings (void)
{
  g_autoptr(GSettings) settings = hs_settings_new ();
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "print-settings");

  if (g_variant_n_children (saved) > 0)
    return gtk_print_settings_new_from_gvariant (saved);
  return gtk_print_settings_new ();
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
  g_autoptr(GSettings) settings = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;
  settings = hs_settings_new ();
  g_settings_set_value (settings, "print-settings",
                        gtk_print_settings_to_gvariant (
                            gtk_print_operation_get_print_settings (operation)));
}

GtkPrintOperation *
hs_certificate_print_operation_new (HsCertificateDesign      *design,
                                    GPtrArray                *certificates,
                                    HsCertificateOrientation  orientation)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) settings = load_print_settings ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPageOrientation page_orientation = orientation == HS_CERTIFICATE_PORTRAIT
                                        ? GTK_PAGE_ORIENTATION_PORTRAIT
                                        : GTK_PAGE_ORIENTATION_LANDSCAPE;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->design = design;
  job->certificates = g_ptr_array_ref (certificates);

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
