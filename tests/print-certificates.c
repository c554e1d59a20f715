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
 * so the test hands this job to the queue with lp instead. */

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
  gtk_print_operation_set_export_filename (operation, argv[2]);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_printerr ("The print job failed: %s\n", error ? error->message : "no result");
      return 1;
    }
  for (guint i = 0; i < certificates->len; i++)
    g_print ("%s\n", hs_certificate_get_participant_name (g_ptr_array_index (certificates, i)));
  return 0;
}
