/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "hs-certificate-print.h"
#include "hs-sample-data.h"

/* print-certificates DB OUT.pdf GROUP: fills DB with the sample programme,
 * issues the certificates of GROUP and renders them through the app's print
 * operation (A4 landscape, the same draw-page handler the Print button uses)
 * to OUT.pdf, as the print dialog's job would be. Prints the graduates'
 * names, one a line, for the caller to find in what the printer produced.
 *
 * GTK 4.8 crashes in its own idle handler when a GtkPrintOperation is sent
 * to a CUPS printer without the dialog (GTK_PRINT_OPERATION_ACTION_PRINT),
 * so the test hands this job to the queue with lp instead.
 *
 * The job is sent as if to the printer named in $HS_PRINTER; a second print
 * operation made afterwards must offer that printer again (remembered in
 * the print-settings key), which it reports on stderr as "remembered: NAME". */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  if (argc != 4)
    {
      g_printerr ("usage: print-certificates DB OUT.pdf GROUP\n");
      return 2;
    }
  gtk_init ();
  if ((db = hs_database_open (argv[1], &error)) == NULL
      || !hs_sample_data_fill (db, NULL, &error)
      || (keys = hs_certificate_graduates_of_group (db, hs_certificate_find_group (db, argv[3]),
                                                    &error)) == NULL
      || (certificates = hs_certificate_issue_batch (db, (HsCertificateKey *) keys->data,
                                                     keys->len, "rw+en", NULL,
                                                     &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  operation = hs_certificate_print_operation_new (hs_certificate_design_new_from_settings (db),
                                                  certificates, HS_CERTIFICATE_LANDSCAPE);
  gtk_print_operation_set_show_progress (operation, FALSE);
  if (g_getenv ("HS_PRINTER") != NULL)
    gtk_print_settings_set_printer (gtk_print_operation_get_print_settings (operation),
                                    g_getenv ("HS_PRINTER"));
  gtk_print_operation_set_export_filename (operation, argv[2]);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_printerr ("The print job failed: %s\n", error ? error->message : "no result");
      return 1;
    }
  {
    g_autoptr(GtkPrintOperation) next = hs_certificate_print_operation_new (
        hs_certificate_design_new_from_settings (db), certificates, HS_CERTIFICATE_LANDSCAPE);
    const char *printer = gtk_print_settings_get_printer (
        gtk_print_operation_get_print_settings (next));

    g_printerr ("remembered: %s\n", printer != NULL ? printer : "(none)");
  }
  for (guint i = 0; i < certificates->len; i++)
    g_print ("%s\n", hs_certificate_get_participant_name (g_ptr_array_index (certificates, i)));
  return 0;
}
