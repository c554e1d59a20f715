/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-import-dialog"

#include <glib/gi18n.h>

#include "hs-csv-import.h"
#include "hs-import-dialog.h"

/* Problems shown in the list; the summary still counts them all. */
#define MAX_SHOWN_PROBLEMS 200
#define PREVIEW_ROWS 5

struct _HsImportDialog
{
  AdwWindow       parent_instance;

  HsDatabase     *database;
  HsCsvImport    *import;
  GCancellable   *cancellable;
  gboolean        importing;

  GtkStack       *stack;
  GtkButton      *cancel_button;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkDropDown    *encoding;
  GtkDropDown    *delimiter;
  GtkListBox     *columns;
  GtkLabel       *summary;
  GtkGrid        *preview;
  GtkListBox     *problems;
  GtkDropDown    *duplicates;
  GtkSwitch      *skip_bad;
  GtkProgressBar *progress;
  AdwStatusPage  *done;
};

G_DEFINE_FINAL_TYPE (HsImportDialog, hs_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char delimiters[] = { ',', ';', '\t' };

static void
show_error (HsImportDialog *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page (HsImportDialog *self,
           const char     *name)
{
  gboolean columns = g_str_equal (name, "columns");
  gboolean check = g_str_equal (name, "check");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), check);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), columns || check);
  gtk_button_set_label (self->next_button, check ? _("_Import") : _("_Next"));
  gtk_button_set_label (self->cancel_button, g_str_equal (name, "done") ? _("_Close")
                                                                         : _("_Cancel"));
}

/* Columns --------------------------------------------------------------- */

static void
on_field_selected_cb (GtkDropDown    *drop_down,
                      GParamSpec     *pspec,
                      HsImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "column"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  hs_csv_import_set_column_field (self->import, column,
                                  selected == 0 ? HS_IMPORT_FIELD_NONE
                                                : (HsImportField) (selected - 1));
}

static GtkStringList *
field_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Do not import"));
  for (int f = 0; f < HS_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (names, hs_import_field_get_label ((HsImportField) f));
  return names;
}

static void
fill_columns (HsImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_list_box_remove (self->columns, child);
  for (guint c = 0; c < hs_csv_import_get_n_columns (self->import); c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *choice = gtk_drop_down_new (G_LIST_MODEL (field_names ()), NULL);
      HsImportField field = hs_csv_import_get_column_field (self->import, c);
      g_autofree char *title = g_markup_escape_text (hs_csv_import_get_column_name (self->import,
                                                                                    c), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (choice),
                                  field == HS_IMPORT_FIELD_NONE ? 0 : (guint) field + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_object_set_data (G_OBJECT (choice), "column", GUINT_TO_POINTER (c));
      g_signal_connect (choice, "notify::selected", G_CALLBACK (on_field_selected_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
      gtk_list_box_append (self->columns, row);
    }
}

static void
show_format (HsImportDialog *self)
{
  char delimiter = hs_csv_import_get_delimiter (self->import);

  g_signal_handlers_block_matched (self->encoding, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->delimiter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_selected (self->encoding,
                              hs_csv_import_get_encoding (self->import)
                              == HS_CSV_ENCODING_UTF8 ? 0 : 1);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      if (delimiters[i] == delimiter)
        gtk_drop_down_set_selected (self->delimiter, i);
    }
  g_signal_handlers_unblock_matched (self->encoding, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->delimiter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
  fill_columns (self);
}

static void
on_format_changed_cb (GtkDropDown    *drop_down,
                      GParamSpec     *pspec,
                      HsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  HsCsvEncoding encoding = gtk_drop_down_get_selected (self->encoding) == 0
                           ? HS_CSV_ENCODING_UTF8 : HS_CSV_ENCODING_WINDOWS_1252;
  char delimiter = delimiters[MIN (gtk_drop_down_get_selected (self->delimiter), 2)];

  if (!hs_csv_import_set_format (self->import, encoding, delimiter, &error))
    show_error (self, _("The File Cannot Be Read"), error);
  fill_columns (self);
}

void
hs_import_dialog_open_file (HsImportDialog *self,
                            const char     *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HS_IS_IMPORT_DIALOG (self));
  g_clear_pointer (&self->import, hs_csv_import_free);
  self->import = hs_csv_import_new (self->database, path, &error);
  if (self->import == NULL)
    {
      show_error (self, _("The File Cannot Be Read"), error);
      return;
    }
  show_format (self);
  show_page (self, "columns");
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   HsImportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    hs_import_dialog_open_file (self, path);
}

static void
on_choose_clicked_cb (GtkButton      *button,
                      HsImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet Saved as CSV"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Check ------------------------------------------------------------------ */

static void
fill_preview (HsImportDialog *self)
{
  g_autoptr(GPtrArray) rows = hs_csv_import_preview (self->import, PREVIEW_ROWS, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview))) != NULL)
    gtk_grid_remove (self->preview, child);
  for (guint c = 0; c < hs_csv_import_get_n_columns (self->import); c++)
    {
      GtkWidget *header = gtk_label_new (hs_csv_import_get_column_name (self->import, c));

      gtk_widget_add_css_class (header, "heading");
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_grid_attach (self->preview, header, (int) c, 0, 1, 1);
    }
  for (guint r = 0; rows != NULL && r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_grid_attach (self->preview, label, (int) c, (int) r + 1, 1, 1);
        }
    }
}

static void
fill_problems (HsImportDialog *self,
               GPtrArray      *problems,
               guint           n_rows)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autofree char *rows_text = NULL;
  g_autofree char *bad_text = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems))) != NULL)
    gtk_list_box_remove (self->problems, child);
  for (guint i = 0; i < problems->len; i++)
    {
      HsImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      g_hash_table_add (lines, GUINT_TO_POINTER (problem->line));
      if (i >= MAX_SHOWN_PROBLEMS)
        continue;
      text = g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      if (problem->duplicate)
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_add_css_class (label, "error");
      gtk_list_box_append (self->problems, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems), problems->len > 0);
  rows_text = g_strdup_printf (ngettext ("%u row to import", "%u rows to import", n_rows),
                               n_rows);
  bad_text = g_strdup_printf (ngettext ("%u row has a problem or looks like someone already "
                                        "recorded; choose below what to do.",
                                        "%u rows have problems or look like someone already "
                                        "recorded; choose below what to do.",
                                        g_hash_table_size (lines)),
                              g_hash_table_size (lines));
  summary = g_hash_table_size (lines) == 0
            ? g_strdup_printf (_("%s, no problems found."), rows_text)
            : g_strdup_printf ("%s. %s", rows_text, bad_text);
  gtk_label_set_text (self->summary, summary);
}

static void
check_file (HsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n_rows = 0;

  if (!hs_csv_import_check_columns (self->import, &error)
      || (problems = hs_csv_import_check (self->import, &n_rows, NULL, &error)) == NULL)
    {
      show_error (self, _("The File Cannot Be Imported"), error);
      return;
    }
  fill_preview (self);
  fill_problems (self, problems, n_rows);
  show_page (self, "check");
}

/* Import ----------------------------------------------------------------- */

/* The import runs on the main loop's thread (SQLite connections are not
 * shared between threads here); the progress callback lets the window draw
 * and the Cancel button answer. */
static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  HsImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
run_import (HsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *description = NULL;
  HsImportResult result = { 0, };
  HsImportDuplicates duplicates = (HsImportDuplicates) gtk_drop_down_get_selected (
                                    self->duplicates);
  gboolean ok;

  show_page (self, "import");
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->importing = TRUE;
  ok = hs_csv_import_run (self->import, gtk_switch_get_active (self->skip_bad), duplicates,
                          FALSE, on_progress_cb, self, self->cancellable, &result, &problems,
                          &error);
  self->importing = FALSE;
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_page (self, "check");
      return;
    }
  if (!ok)
    {
      show_page (self, "check");
      show_error (self, _("Nothing Was Imported"), error);
      return;
    }
  description = g_strdup_printf (_("Imported %u, merged %u, skipped %u."),
                                 result.imported, result.merged, result.skipped);
  adw_status_page_set_description (self->done, description);
  show_page (self, "done");
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
on_next_clicked_cb (GtkButton      *button,
                    HsImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "columns"))
    check_file (self);
  else if (g_str_equal (page, "check"))
    run_import (self);
}

static void
on_back_clicked_cb (GtkButton      *button,
                    HsImportDialog *self)
{
  show_page (self, "columns");
}

static void
on_cancel_clicked_cb (GtkButton      *button,
                      HsImportDialog *self)
{
  if (self->importing)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (window);

  /* Closing mid-import cancels it; the window goes once it has stopped. */
  if (self->importing)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

/* Construction ----------------------------------------------------------- */

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *window = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (window), clamp);
  gtk_widget_set_vexpand (window, TRUE);
  return window;
}

static GtkWidget *
page_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
row_with (const char *title,
          const char *subtitle,
          GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static GtkWidget *
build_file_page (HsImportDialog *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose File…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Import Participants"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
    _("Choose a spreadsheet saved as CSV, with one row per person and the column names on the "
      "first line (name, sex, birth_year or age, district… or Amazina, Igitsina, Imyaka, "
      "Akarere…)."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_choose_clicked_cb), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

static GtkWidget *
build_columns_page (HsImportDialog *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *format = boxed_list ();
  const char *encodings[] = { "UTF-8", "Windows-1252", NULL };
  const char *separators[] = { _("Comma ( , )"), _("Semicolon ( ; )"), _("Tab"), NULL };

  self->encoding = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (encodings));
  self->delimiter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (separators));
  g_signal_connect (self->encoding, "notify::selected", G_CALLBACK (on_format_changed_cb), self);
  g_signal_connect (self->delimiter, "notify::selected", G_CALLBACK (on_format_changed_cb),
                    self);
  gtk_list_box_append (GTK_LIST_BOX (format),
                       row_with (_("Encoding"), _("Detected; change it if letters look wrong"),
                                 GTK_WIDGET (self->encoding)));
  gtk_list_box_append (GTK_LIST_BOX (format),
                       row_with (_("Separator"), _("Detected from the first line"),
                                 GTK_WIDGET (self->delimiter)));
  gtk_box_append (GTK_BOX (box), heading (_("File")));
  gtk_box_append (GTK_BOX (box), format);
  gtk_box_append (GTK_BOX (box), heading (_("Columns")));
  self->columns = GTK_LIST_BOX (boxed_list ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->columns));
  return scrolled (box);
}

static GtkWidget *
build_check_page (HsImportDialog *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *options = boxed_list ();
  GtkWidget *preview_frame = gtk_frame_new (NULL);
  const char *choices[] = { _("List them as problems"), _("Skip them"),
                            _("Merge into the recorded person"), _("Import anyway"), NULL };

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));

  gtk_box_append (GTK_BOX (box), heading (_("First Rows")));
  self->preview = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->preview, 18);
  gtk_grid_set_row_spacing (self->preview, 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview), 12);
  gtk_frame_set_child (GTK_FRAME (preview_frame), GTK_WIDGET (self->preview));
  gtk_box_append (GTK_BOX (box), preview_frame);

  self->duplicates = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));
  self->skip_bad = GTK_SWITCH (gtk_switch_new ());
  gtk_list_box_append (GTK_LIST_BOX (options),
                       row_with (_("Possible duplicates"),
                                 _("Rows that look like someone already recorded"),
                                 GTK_WIDGET (self->duplicates)));
  gtk_list_box_append (GTK_LIST_BOX (options),
                       row_with (_("Skip rows with problems"),
                                 _("Otherwise a single bad row stops the import"),
                                 GTK_WIDGET (self->skip_bad)));
  gtk_box_append (GTK_BOX (box), heading (_("Options")));
  gtk_box_append (GTK_BOX (box), options);

  gtk_box_append (GTK_BOX (box), heading (_("Problems")));
  self->problems = GTK_LIST_BOX (boxed_list ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problems));
  return scrolled (box);
}

static GtkWidget *
build_import_page (HsImportDialog *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Importing…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Cancel leaves the database as it was."));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->progress), 300, -1);
  gtk_widget_set_halign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), GTK_WIDGET (self->progress));
  return status;
}

static void
hs_import_dialog_dispose (GObject *object)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, hs_csv_import_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (hs_import_dialog_parent_class)->dispose (object);
}

static void
hs_import_dialog_class_init (HsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hs_import_dialog_dispose;
  window_class->close_request = on_close_request_cb;

  /* After a successful import, so that lists can reload. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hs_import_dialog_init (HsImportDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Participants"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  self->back_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Back")));
  self->next_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Next")));
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  g_signal_connect (self->next_button, "clicked", G_CALLBACK (on_next_clicked_cb), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->cancel_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->next_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->back_button));
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (self->stack, build_file_page (self), "file");
  gtk_stack_add_named (self->stack, build_columns_page (self), "columns");
  gtk_stack_add_named (self->stack, build_check_page (self), "check");
  gtk_stack_add_named (self->stack, build_import_page (self), "import");
  self->done = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->done, "emblem-ok-symbolic");
  adw_status_page_set_title (self->done, _("Import Finished"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->done), "done");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);
  show_page (self, "file");
}

HsImportDialog *
hs_import_dialog_new (GtkWindow  *parent,
                      HsDatabase *database)
{
  HsImportDialog *self = g_object_new (HS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  return self;
}
