/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-reports-page"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-chart-export.h"
#include "hs-i18n.h"
#include "hs-livelihood-document.h"
#include "hs-livelihood.h"
#include "hs-page.h"
#include "hs-target.h"
#include "hs-report-i18n.h"
#include "hs-reports-page.h"

struct _HsReportsPage
{
  AdwBin      parent_instance;

  HsDatabase *database;
  /* The text of each table as CSV, by position; what Copy and Save use. */
  GPtrArray  *csv;
  GPtrArray  *tsv;
  GPtrArray  *names;
  GPtrArray  *sections;

  GtkBox     *tables_box;
  GtkLabel   *follow_up_summary;
};

static void hs_reports_page_page_init (HsPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsReportsPage, hs_reports_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE, hs_reports_page_page_init))

static const struct
{
  HsChartKind  kind;
  HsChartSplit split;
} tables[] = {
  { HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING },
  { HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SEX },
  { HS_CHART_KIND_SEX, HS_CHART_SPLIT_SETTING },
  { HS_CHART_KIND_AGE, HS_CHART_SPLIT_SETTING },
  { HS_CHART_KIND_CATEGORY, HS_CHART_SPLIT_SEX },
  { HS_CHART_KIND_FACILITY, HS_CHART_SPLIT_SEX },
  { HS_CHART_KIND_TREND, HS_CHART_SPLIT_SETTING },
  { HS_CHART_KIND_TARGET, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_TARGET_DISTRICT, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_TARGET_SEX, HS_CHART_SPLIT_NONE },
};

/* A grid of the TSV text: the first line as headers, the last in bold. */
static GtkWidget *
make_grid (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  GtkWidget *grid = gtk_grid_new ();
  guint n_lines = g_strv_length (lines);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "hs-district-table");
  g_auto(GStrv) first_row = NULL;

  while (n_lines > 0 && *lines[n_lines - 1] == '\0')
    n_lines--;
  first_row = g_strsplit (n_lines > 1 ? lines[1] : "", "\t", -1);
  for (guint r = 0; r < n_lines; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], "\t", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          gboolean numeric = r > 0 && c > 0 && g_ascii_isdigit (cells[c][0]);
          gboolean numeric_column = c > 0 && c < g_strv_length (first_row)
                                    && g_ascii_isdigit (first_row[c][0]);
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), numeric || (r == 0 && numeric_column) ? 1.0
                                                                                         : 0.0);
          gtk_label_set_selectable (GTK_LABEL (label), r > 0);
          if (c == 0)
            gtk_widget_set_hexpand (label, TRUE);
          if (numeric)
            gtk_widget_add_css_class (label, "numeric");
          if (r == 0)
            {
              gtk_widget_add_css_class (label, "heading");
              gtk_widget_add_css_class (label, "dim-label");
            }
          if (r + 1 == n_lines && n_lines > 2)
            gtk_widget_add_css_class (label, "hs-total");
          gtk_grid_attach (GTK_GRID (grid), label, c, r, 1, 1);
        }
    }
  return grid;
}

static void
on_copy_clicked_cb (GtkButton     *button,
                    HsReportsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hs-table"));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          g_ptr_array_index (self->tsv, index));
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     HsReportsPage   *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "hs-table"));
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GError) error = NULL;
  const char *csv;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL && index < self->csv->len)
    {
      csv = g_ptr_array_index (self->csv, index);
      if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        {
          GtkWidget *message = adw_message_dialog_new (
            GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("The Table Was Not Saved"),
            error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_save_clicked_cb (GtkButton     *button,
                    HsReportsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hs-table"));
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("%s.csv",
                                           (char *) g_ptr_array_index (self->names, index));

  dialog = gtk_file_chooser_native_new (_("Save Table as CSV"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "hs-table", GUINT_TO_POINTER (index));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
make_button (HsReportsPage *self,
             const char    *label,
             const char    *name,
             const char    *tooltip,
             guint          index,
             GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  /* GTK 4.8 names a button with a mnemonic "_Copy Copy" otherwise. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "hs-table", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
add_table (HsReportsPage *self,
           const char    *title,
           char          *csv,
           char          *tsv)
{
  guint index = self->csv->len;
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  g_autofree char *copy_tip = g_strdup_printf (_("Copy “%s” to paste into a spreadsheet"), title);
  g_autofree char *save_tip = g_strdup_printf (_("Save “%s” as a CSV file"), title);

  g_ptr_array_add (self->csv, csv);
  g_ptr_array_add (self->tsv, tsv);
  g_ptr_array_add (self->names, g_strdup (title));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), make_button (self, _("_Copy"), _("Copy"), copy_tip, index,
                                                 G_CALLBACK (on_copy_clicked_cb)));
  gtk_box_append (GTK_BOX (header), make_button (self, _("_Save as CSV…"), _("Save as CSV"),
                                                 save_tip, index,
                                                 G_CALLBACK (on_save_clicked_cb)));
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 6);
  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), make_grid (tsv));
  gtk_accessible_update_property (GTK_ACCESSIBLE (section), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_ptr_array_add (self->sections, section);
  gtk_box_append (self->tables_box, section);
}

static void
show_save_error (HsReportsPage *self,
                 const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("The Report Was Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The same report as livelihoods report --format csv|pdf, as of today. */
static gboolean
write_follow_up (HsReportsPage  *self,
                 GFile          *file,
                 gboolean        pdf,
                 GError        **error)
{
  g_autoptr(HsLivelihoodReport) report = hs_livelihood_report_new (self->database, NULL, error);
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *csv = NULL;

  if (report == NULL)
    return FALSE;
  if (!pdf)
    {
      csv = hs_livelihood_report_csv (report);
      return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                      G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
    }
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer for the PDF."));
      return FALSE;
    }
  if ((targets = hs_target_list (self->database, error)) == NULL)
    return FALSE;
  organisation = hs_database_get_setting (self->database, "organisation.name");
  return hs_livelihood_document_write_pdf (report, targets, organisation,
                                           hs_i18n_get_language (), path, error);
}

static void
on_follow_up_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          HsReportsPage   *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "hs-pdf"));
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL
      && !write_follow_up (self, file, pdf, &error))
    show_save_error (self, error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_follow_up (HsReportsPage *self,
                gboolean       pdf)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name offered for the follow-up report; keep it
   * short and without slashes. */
  g_autofree char *name = g_strdup_printf ("%s %s.%s", _("Follow-up report"), date,
                                           pdf ? "pdf" : "csv");

  dialog = gtk_file_chooser_native_new (pdf ? _("Save Follow-up Report as PDF")
                                            : _("Save Follow-up Report as CSV"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "hs-pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (dialog, "response", G_CALLBACK (on_follow_up_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_follow_up_pdf_clicked_cb (GtkButton     *button,
                             HsReportsPage *self)
{
  save_follow_up (self, TRUE);
}

static void
on_follow_up_csv_clicked_cb (GtkButton     *button,
                             HsReportsPage *self)
{
  save_follow_up (self, FALSE);
}

/* The report's headline in one sentence, so the coordinator sees what the
 * file will say before saving it. */
static gboolean
show_follow_up_summary (HsReportsPage  *self,
                        GError        **error)
{
  g_autoptr(HsLivelihoodReport) report = hs_livelihood_report_new (self->database, NULL, error);
  const char *language = hs_i18n_get_language ();
  g_autofree char *graduates = NULL, *in_groups = NULL, *in_tvet = NULL, *capital = NULL;
  g_autofree char *active_6 = NULL, *due_6 = NULL, *active_12 = NULL, *due_12 = NULL;
  g_autofree char *text = NULL;

  if (report == NULL)
    return FALSE;
  graduates = hs_report_format_count (language, report->total.graduates);
  in_groups = hs_report_format_count (language, report->total.in_groups);
  in_tvet = hs_report_format_count (language, report->total.in_tvet);
  capital = hs_report_format_count (language, report->total.capital_rwf);
  active_6 = hs_report_format_count (language, report->total.active_6);
  due_6 = hs_report_format_count (language, report->total.due_6);
  active_12 = hs_report_format_count (language, report->total.active_12);
  due_12 = hs_report_format_count (language, report->total.due_12);
  text = g_strdup_printf (_("Of %s graduates, %s are in livelihood groups and %s in vocational "
                            "training; %s RWF of seed capital disbursed. Groups still active "
                            "after 6 months: %s of %s; after 12 months: %s of %s."),
                          graduates, in_groups, in_tvet, capital, active_6, due_6, active_12,
                          due_12);
  gtk_label_set_text (self->follow_up_summary, text);
  return TRUE;
}

static char *
table_title (const HsChartData *data,
             const char        *language)
{
  const char *title = hs_report_gettext (language, hs_chart_kind_title (data->kind));

  if (data->n_series < 2)
    return g_strdup (title);
  /* Translators: a table's title and what its columns divide the figures
   * by: "Graduates by district (Community / Prison)". */
  return g_strdup_printf (_("%s (%s / %s)"), title,
                          hs_report_gettext (language, data->series[0]),
                          hs_report_gettext (language, data->series[1]));
}

static gboolean
hs_reports_page_reload (HsReportsPage  *self,
                        GError        **error)
{
  const char *language = hs_i18n_get_language ();
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (self->tables_box, g_ptr_array_index (self->sections, i));
  g_ptr_array_set_size (self->sections, 0);
  g_ptr_array_set_size (self->csv, 0);
  g_ptr_array_set_size (self->tsv, 0);
  g_ptr_array_set_size (self->names, 0);

  if (!show_follow_up_summary (self, error)
      || (rows = hs_chart_data_breakdown (self->database, NULL, error)) == NULL)
    return FALSE;
  add_table (self, _("Graduates by district, setting, sex and age band"),
             hs_breakdown_to_table (rows, language, HS_CHART_TABLE_CSV),
             hs_breakdown_to_table (rows, language, HS_CHART_TABLE_TSV));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(HsChartData) data = hs_chart_data_query (self->database, tables[i].kind,
                                                         tables[i].split, NULL, error);
      g_autofree char *title = NULL;

      if (data == NULL)
        return FALSE;
      title = table_title (data, language);
      add_table (self, title, hs_chart_to_table (data, language, HS_CHART_TABLE_CSV),
                 hs_chart_to_table (data, language, HS_CHART_TABLE_TSV));
    }
  return TRUE;
}

static void
hs_reports_page_dispose (GObject *object)
{
  HsReportsPage *self = HS_REPORTS_PAGE (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_REPORTS_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->csv, g_ptr_array_unref);
  g_clear_pointer (&self->tsv, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_reports_page_parent_class)->dispose (object);
}

static void
hs_reports_page_class_init (HsReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_reports_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsReportsPage, tables_box);
  gtk_widget_class_bind_template_child (widget_class, HsReportsPage, follow_up_summary);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_csv_clicked_cb);
}

static void
hs_reports_page_init (HsReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->csv = g_ptr_array_new_with_free_func (g_free);
  self->tsv = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->sections = g_ptr_array_new ();
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  HsReportsPage *self = HS_REPORTS_PAGE (page);

  g_set_object (&self->database, database);
}

static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  HsReportsPage *self = HS_REPORTS_PAGE (page);

  g_return_val_if_fail (HS_IS_DATABASE (self->database), FALSE);
  return hs_reports_page_reload (self, error);
}

static void
hs_reports_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}
