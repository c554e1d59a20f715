/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-chart-export-dialog"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-chart-export-dialog.h"
#include "hs-report-i18n.h"

/* Image sizes offered for PNG, width × height in pixels. */
static const struct
{
  const char *id;
  int         width, height;
} sizes[] = {
  { "1920x1080", 1920, 1080 },
  { "1280x720", 1280, 720 },
  { "3840x2160", 3840, 2160 },
  { "3508x2480", 3508, 2480 },
};

typedef struct
{
  GtkWindow         *parent;
  HsDatabase        *database;
  HsChartFilter      filter;
  HsChartSpec       *specs;
  guint              n_specs;
  char              *language;
  HsChartExportMode  mode;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->database);
  hs_chart_filter_clear (&export->filter);
  g_free (export->specs);
  g_free (export->language);
  g_free (export);
}

GPtrArray *
hs_chart_specs_query (HsDatabase           *database,
                      const HsChartFilter  *filter,
                      const HsChartSpec    *specs,
                      guint                 n_specs,
                      GError              **error)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  hs_chart_data_free);

  for (guint i = 0; i < n_specs; i++)
    {
      HsChartData *data = hs_chart_data_query (database, specs[i].kind, specs[i].split, filter,
                                               error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (charts, data);
    }
  return g_steal_pointer (&charts);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Charts Were Not Saved"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response_cb (GtkNativeDialog *dialog,
                int              response,
                Export          *export)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  /* Only a single chart has the "size" choice: asking for it otherwise warns. */
  const char *size_id = export->mode == HS_CHART_EXPORT_ONE
                        ? gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size")
                        : NULL;
  const char *theme = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "style");
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  HsChartStyle style;
  HsChartFormat format = HS_CHART_FORMAT_PDF;
  double width = 841.89, height = 595.28;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || path == NULL)
    goto out;

  if (export->mode == HS_CHART_EXPORT_ONE && !hs_chart_format_from_path (path, &format))
    {
      g_autofree char *with_png = g_strconcat (path, ".png", NULL);

      g_free (path);
      path = g_steal_pointer (&with_png);
      format = HS_CHART_FORMAT_PNG;
    }
  for (guint i = 0; format == HS_CHART_FORMAT_PNG && i < G_N_ELEMENTS (sizes); i++)
    if (i == 0 || g_strcmp0 (size_id, sizes[i].id) == 0)
      {
        width = sizes[i].width;
        height = sizes[i].height;
      }

  organisation = hs_database_get_setting (export->database, "organisation.name");
  hs_chart_style_init (&style);
  style.language = export->language;
  style.organisation = organisation;
  style.theme = g_strcmp0 (theme, "dark") == 0 ? HS_CHART_DARK : HS_CHART_LIGHT;
  charts = hs_chart_specs_query (export->database, &export->filter, export->specs,
                                 export->n_specs, &error);
  if (charts == NULL)
    ok = FALSE;
  else if (export->mode == HS_CHART_EXPORT_REPORT)
    ok = hs_chart_export_report (charts, &style, path, &error);
  else
    ok = hs_chart_export (charts, &style, format, width, height, path, &error);
  if (!ok)
    show_error (export->parent, error);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  export_free (export);
}

static char *
suggest_name (const Export *export)
{
  const char *language = export->language;

  if (export->mode == HS_CHART_EXPORT_REPORT)
    return g_strdup_printf ("%s.pdf", hs_report_gettext (language,
                                                         N_("Graduates of the healing spaces")));
  if (export->mode == HS_CHART_EXPORT_PAGES)
    return g_strdup_printf ("%s.pdf", hs_report_gettext (language, N_("Charts of graduates")));
  return g_strdup_printf ("%s.png",
                          hs_report_gettext (language, hs_chart_kind_title (export->specs[0].kind)));
}

void
hs_chart_export_dialog_run (GtkWindow           *parent,
                            HsDatabase          *database,
                            const HsChartFilter *filter,
                            const HsChartSpec   *specs,
                            guint                n_specs,
                            const char          *language,
                            HsChartExportMode    mode)
{
  static const char *size_labels[G_N_ELEMENTS (sizes)] = {
    N_("1920 × 1080 (projector)"), N_("1280 × 720"), N_("3840 × 2160 (4K)"),
    N_("3508 × 2480 (A4 at 300 dpi)"),
  };
  const char *size_ids[G_N_ELEMENTS (sizes) + 1] = { NULL };
  const char *translated[G_N_ELEMENTS (sizes) + 1] = { NULL };
  const char *style_ids[] = { "light", "dark", NULL };
  const char *style_labels[] = { _("Light"), _("Dark"), NULL };
  Export *export = g_new0 (Export, 1);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  g_return_if_fail (HS_IS_DATABASE (database));
  g_return_if_fail (n_specs > 0);

  export->parent = parent != NULL ? g_object_ref (parent) : NULL;
  export->database = g_object_ref (database);
  if (filter != NULL)
    hs_chart_filter_copy (&export->filter, filter);
  export->specs = g_memdup2 (specs, sizeof *specs * n_specs);
  export->n_specs = n_specs;
  export->language = g_strdup (language);
  export->mode = mode;

  dialog = gtk_file_chooser_native_new (mode == HS_CHART_EXPORT_ONE ? _("Save Chart")
                                                                    : _("Save Charts"),
                                        parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = suggest_name (export);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (mode == HS_CHART_EXPORT_ONE)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          size_ids[i] = sizes[i].id;
          translated[i] = _(size_labels[i]);
        }
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size",
                                   _("Image size (PNG)"), size_ids, translated);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", sizes[0].id);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "style", _("Style"), style_ids,
                               style_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "style", "light");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  GPtrArray *charts;
  char      *language;
  char      *organisation;
} Printing;

static void
printing_free (Printing *printing)
{
  g_ptr_array_unref (printing->charts);
  g_free (printing->language);
  g_free (printing->organisation);
  g_free (printing);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 Printing          *printing)
{
  HsChartStyle style;

  hs_chart_style_init (&style);
  style.language = printing->language;
  style.organisation = printing->organisation;
  hs_chart_draw (gtk_print_context_get_cairo_context (context),
                 gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                 g_ptr_array_index (printing->charts, page), &style);
}

void
hs_chart_print_run (GtkWindow           *parent,
                    HsDatabase          *database,
                    const HsChartFilter *filter,
                    const HsChartSpec   *specs,
                    guint                n_specs,
                    const char          *language)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  Printing *printing;
  GPtrArray *charts;

  g_return_if_fail (HS_IS_DATABASE (database));

  if ((charts = hs_chart_specs_query (database, filter, specs, n_specs, &error)) == NULL)
    {
      show_error (parent, error);
      return;
    }
  printing = g_new0 (Printing, 1);
  printing->charts = charts;
  printing->language = g_strdup (language);
  printing->organisation = hs_database_get_setting (database, "organisation.name");

  /* A4 landscape, set explicitly: printer defaults vary. */
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_n_pages (operation, charts->len);
  gtk_print_operation_set_job_name (operation, hs_report_gettext (language,
                                                                  N_("Charts of graduates")));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), printing);
  g_object_set_data_full (G_OBJECT (operation), "hs-printing", printing,
                          (GDestroyNotify) printing_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, error);
}
