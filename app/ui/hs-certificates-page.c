/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificates-page"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-certificate-drawing.h"
#include "hs-certificate-preview.h"
#include "hs-certificate-print.h"
#include "hs-certificates-page.h"
#include "hs-page.h"
#include "hs-participant.h"
#include "hs-window.h"

struct _HsCertificatesPage
{
  AdwBin             parent_instance;

  HsDatabase        *database;
  HsCertificateList *register_list;
  GtkSingleSelection *selection;
  GPtrArray         *batches;
  GCancellable      *cancellable;
  /* The graduates of the chosen batch (HsCertificateKey) and, in the same
   * order, the check buttons that pick them. */
  GArray            *keys;
  GPtrArray         *checks;
  gboolean           busy;
  /* The batch list is being refilled: its selection moves but the batch
   * stays the same. */
  gboolean           loading_batches;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwComboRow       *batch_row;
  GtkStringList     *batch_model;
  AdwComboRow       *language_row;
  AdwComboRow       *orientation_row;
  GtkScrolledWindow *graduates_scroller;
  GtkListBox        *graduates_list;
  GtkLabel          *selected_label;
  GtkWidget         *select_all_button;
  GtkWidget         *select_none_button;
  GtkWidget         *actions_box;
  GtkWidget         *progress_box;
  GtkProgressBar    *progress_bar;
  AdwEntryRow       *verify_row;
  GtkLabel          *verify_label;
  GtkWidget         *void_button;
  GtkSearchEntry    *search_entry;
  GtkColumnView     *column_view;
  GtkLabel          *count_label;
};

static void hs_certificates_page_page_init (HsPageInterface *iface);
static void load_graduates (HsCertificatesPage *self,
                            gboolean            keep);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsCertificatesPage, hs_certificates_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE,
                                                      hs_certificates_page_page_init))

/* In the order of the language row's model. */
static const char * const languages[] = { "rw", "en", "rw+en" };

static void
toast (HsCertificatesPage *self,
       const char         *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (HsCertificatesPage *self,
            const char         *heading,
            const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 2024-05-20 → 20.05.2024, as dates are written in Rwanda. */
static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
}

static char *
batch_label (const HsCertificateBatch *batch)
{
  g_autofree char *date = format_date (batch->date);

  if (batch->group_id == 0)
    /* Translators: a graduation ceremony: its date, how many groups and graduates. */
    return g_strdup_printf (ngettext ("Ceremony of %s — %u groups, %u graduates",
                                      "Ceremony of %s — %u groups, %u graduates",
                                      batch->n_groups),
                            date, batch->n_groups, batch->n_graduates);
  return g_strdup_printf (ngettext ("%s — %u graduate", "%s — %u graduates",
                                    batch->n_graduates),
                          batch->name, batch->n_graduates);
}

/* The batch list shows labels whole (the default ellipsizes them to a few
 * characters) and groups indented under their ceremony. */
static void
on_batch_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   HsCertificatesPage       *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_batch_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  HsCertificatesPage       *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  guint position = gtk_list_item_get_position (item);
  const HsCertificateBatch *batch = NULL;

  if (self->batches != NULL && position < self->batches->len)
    batch = g_ptr_array_index (self->batches, position);
  gtk_label_set_text (GTK_LABEL (label),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_widget_set_margin_start (label, batch != NULL && batch->group_id != 0 ? 18 : 0);
}

static void
load_batches (HsCertificatesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = adw_combo_row_get_selected (self->batch_row);

  g_clear_pointer (&self->batches, g_ptr_array_unref);
  self->batches = hs_certificate_list_batches (self->database, &error);
  if (self->batches == NULL)
    {
      g_warning ("%s", error->message);
      self->batches = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->batches->len; i++)
    g_ptr_array_add (labels, batch_label (g_ptr_array_index (self->batches, i)));
  g_ptr_array_add (labels, NULL);
  self->loading_batches = TRUE;
  gtk_string_list_splice (self->batch_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->batch_model)),
                          (const char * const *) labels->pdata);
  if (selected < self->batches->len)
    adw_combo_row_set_selected (self->batch_row, selected);
  self->loading_batches = FALSE;
  load_graduates (self, TRUE);
  /* Otherwise the row shows the chosen batch as its subtitle. */
  if (self->batches->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->batch_row),
                                 _("No one has graduated yet: record graduations in a group "
                                   "first."));
}

static void
update_count (HsCertificatesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->register_list));
  g_autofree char *text = g_strdup_printf (ngettext ("%u certificate", "%u certificates", n), n);

  gtk_label_set_text (self->count_label, text);
}

static HsCertificateOrientation
chosen_orientation (HsCertificatesPage *self)
{
  return adw_combo_row_get_selected (self->orientation_row) == 1 ? HS_CERTIFICATE_PORTRAIT
                                                                 : HS_CERTIFICATE_LANDSCAPE;
}

static const HsCertificateBatch *
chosen_batch (HsCertificatesPage *self)
{
  guint selected = adw_combo_row_get_selected (self->batch_row);

  if (self->batches == NULL || selected >= self->batches->len)
    return NULL;
  return g_ptr_array_index (self->batches, selected);
}

static char *
key_string (const HsCertificateKey *key)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, key->participant_id,
                          key->group_id);
}

/* The graduates whose box is ticked, in the order of the list. */
static GArray *
selected_keys (HsCertificatesPage *self)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (HsCertificateKey));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (keys, g_array_index (self->keys, HsCertificateKey, i));
  return keys;
}

static void
update_selection (HsCertificatesPage *self)
{
  g_autoptr(GArray) keys = selected_keys (self);
  guint total = self->checks->len;
  g_autofree char *text = NULL;

  /* Translators: how many of the batch's graduates will get a certificate. */
  text = g_strdup_printf (ngettext ("%u of %u selected", "%u of %u selected", total),
                          keys->len, total);
  gtk_label_set_text (self->selected_label, total > 0 ? text : "");
  gtk_widget_set_sensitive (self->select_all_button, keys->len < total);
  gtk_widget_set_sensitive (self->select_none_button, keys->len > 0);
  gtk_widget_set_sensitive (self->actions_box, !self->busy && keys->len > 0);
}

static void
set_all_selected (HsCertificatesPage *self,
                  gboolean            active)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
  update_selection (self);
}

static void
on_select_all_button_clicked_cb (HsCertificatesPage *self)
{
  set_all_selected (self, TRUE);
}

static void
on_select_none_button_clicked_cb (HsCertificatesPage *self)
{
  set_all_selected (self, FALSE);
}

/* An erased person's name is shown as a translated label. */
static const char *
participant_name (HsCertificate *certificate)
{
  return hs_participant_display_name (hs_certificate_get_participant_name (certificate));
}

/* A placeholder serial (not issued yet) is made of dots. */
static gboolean
is_issued (HsCertificate *certificate)
{
  return strstr (hs_certificate_get_serial (certificate), "·") == NULL;
}

static GtkWidget *
create_graduate_row (HsCertificatesPage *self,
                     HsCertificate      *certificate,
                     gboolean            show_group,
                     gboolean            active)
{
  const char *name = participant_name (certificate);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *status = is_issued (certificate)
    /* Translators: %s is a certificate serial such as HS-2026-000123. */
    ? g_strdup_printf (_("%s, printing again records a reprint"),
                       hs_certificate_get_serial (certificate))
    : g_strdup (_("No certificate yet"));
  g_autofree char *subtitle = show_group
    ? g_strdup_printf ("%s · %s", hs_certificate_get_group_name (certificate), status)
    : g_strdup (status);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_selection), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

/* A member of the batch's groups who did not graduate: listed without a
 * tick, with the reason, so that a coordinator looking for them sees why
 * they get no certificate. */
static GtkWidget *
create_non_graduate_row (HsCertificatesPage     *self,
                         const HsCertificateKey *key)
{
  g_autofree char *why = hs_certificate_explain_ineligible (self->database, key->participant_id,
                                                            key->group_id);
  g_autofree char *escaped = g_markup_escape_text (why != NULL ? why : "", -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (icon, 2);
  gtk_widget_set_margin_end (icon, 2);
  /* Translators: accessible name of the icon beside a group member who gets no certificate. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not a graduate"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Lists the graduates of the chosen batch, all ticked; with @keep, those
 * already listed keep their tick (the register changed, not the batch). */
static void
load_graduates (HsCertificatesPage *self,
                gboolean            keep)
{
  const HsCertificateBatch *batch = chosen_batch (self);
  g_autoptr(GHashTable) unticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) others = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_rows;

  for (guint i = 0; keep && i < self->checks->len; i++)
    if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_hash_table_add (unticked, key_string (&g_array_index (self->keys, HsCertificateKey, i)));
  g_ptr_array_set_size (self->checks, 0);
  g_array_set_size (self->keys, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->graduates_list))) != NULL)
    gtk_list_box_remove (self->graduates_list, child);

  if (batch != NULL && self->database != NULL
      && (keys = hs_certificate_batch_keys (self->database, batch, &error)) != NULL)
    certificates = hs_certificate_preview_batch (self->database, (HsCertificateKey *) keys->data,
                                                 keys->len, "rw+en", &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; certificates != NULL && i < certificates->len; i++)
    {
      HsCertificate *certificate = g_ptr_array_index (certificates, i);
      HsCertificateKey key = { hs_certificate_get_participant_id (certificate),
                               hs_certificate_get_group_id (certificate) };
      g_autofree char *id = key_string (&key);

      g_array_append_val (self->keys, key);
      gtk_list_box_append (self->graduates_list,
                           create_graduate_row (self, certificate, batch->group_id == 0,
                                                !g_hash_table_contains (unticked, id)));
    }
  if (batch != NULL && self->database != NULL
      && (others = hs_certificate_non_graduates_of_batch (self->database, batch, NULL)) != NULL)
    for (guint i = 0; i < others->len; i++)
      gtk_list_box_append (self->graduates_list,
                           create_non_graduate_row (self, &g_array_index (others,
                                                                          HsCertificateKey, i)));
  n_rows = self->keys->len + (others != NULL ? others->len : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->graduates_list), n_rows > 0);
  /* Enough rows to see what is ticked; the rest scroll. */
  gtk_scrolled_window_set_min_content_height (self->graduates_scroller, MIN (n_rows, 6) * 58);
  update_selection (self);
}

static void
on_batch_row_selected_cb (HsCertificatesPage *self)
{
  if (!self->loading_batches)
    load_graduates (self, FALSE);
}

/* Issues (or records reprints of) the chosen graduates; NULL after telling why. */
static GPtrArray *
issue_chosen (HsCertificatesPage *self)
{
  const HsCertificateBatch *batch = chosen_batch (self);
  guint language = MIN (adw_combo_row_get_selected (self->language_row), 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = NULL;
  GPtrArray *certificates;

  if (batch == NULL)
    return NULL;
  keys = selected_keys (self);
  certificates = hs_certificate_issue_batch (self->database, (HsCertificateKey *) keys->data,
                                             keys->len, languages[language], NULL, &error);
  if (certificates == NULL)
    {
      show_error (self, _("The certificates could not be issued"), error->message);
      return NULL;
    }
  hs_certificate_list_reload (self->register_list);
  update_count (self);
  load_graduates (self, TRUE);
  return certificates;
}

/* Saving runs in a thread so that the window stays responsive and the
 * batch can be cancelled. The thread issues the serials on a connection of
 * its own and commits them only once the PDF is complete: a cancelled save
 * leaves the register as it was. */

typedef struct
{
  HsCertificatesPage       *self;
  HsCertificateDesign      *design;
  GArray                   *keys;
  const char               *language;
  char                     *database_path;
  HsCertificateOrientation  orientation;
  char                     *path;
  guint                     n_written;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  hs_certificate_design_free (job->design);
  g_array_unref (job->keys);
  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

typedef struct
{
  GWeakRef self;
  guint    done;
  guint    total;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(HsCertificatesPage) self = g_weak_ref_get (&progress->self);

  if (self != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%u of %u"), progress->done, progress->total);

      gtk_progress_bar_set_fraction (self->progress_bar, (double) progress->done / progress->total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  g_weak_ref_clear (&progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static gboolean
report_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  SaveJob *job = user_data;

  /* A few updates a second are enough for the eye. */
  if (done == total || done % 25 == 0)
    {
      Progress *progress = g_new0 (Progress, 1);

      g_weak_ref_init (&progress->self, job->self);
      progress->done = done;
      progress->total = total;
      g_idle_add (show_progress_cb, progress);
    }
  return TRUE;
}

static gboolean
write_pdf (GPtrArray     *certificates,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = user_data;

  job->n_written = certificates->len;
  return hs_certificate_write_pdf (job->design, certificates, job->orientation, job->path,
                                   report_progress, job, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  GError *error = NULL;

  if ((db = hs_database_open (job->database_path, &error)) != NULL
      && (certificates = hs_certificate_issue_batch_full (db, (HsCertificateKey *) job->keys->data,
                                                          job->keys->len, job->language, NULL,
                                                          write_pdf, job, cancellable,
                                                          &error)) != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (HsCertificatesPage *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->progress_box, busy);
  update_selection (self);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
    }
}

static void
on_save_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HsCertificatesPage *self = HS_CERTIFICATES_PAGE (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *text = g_strdup_printf (ngettext ("Saved %u certificate to %s",
                                                         "Saved %u certificates to %s",
                                                         job->n_written),
                                               job->n_written, name);

      /* The serials were committed on the save's own connection. */
      if (HS_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
        hs_window_accept_changes (HS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
      hs_certificate_list_reload (self->register_list);
      update_count (self);
      load_graduates (self, TRUE);
      toast (self, text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, _("Cancelled. No file was saved and no serial number was issued."));
  else
    show_error (self, _("The certificates could not be saved"), error->message);
}

static void
on_save_response_cb (GtkNativeDialog    *dialog,
                     int                 response,
                     HsCertificatesPage *self)
{
  guint language = MIN (adw_combo_row_get_selected (self->language_row), 2);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || g_file_peek_path (file) == NULL || self->database == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  job->self = self;
  job->design = hs_certificate_design_new_from_settings (self->database);
  job->keys = selected_keys (self);
  job->language = languages[language];
  job->database_path = g_strdup (hs_database_get_path (self->database));
  job->orientation = chosen_orientation (self);
  job->path = g_file_get_path (file);
  if (!g_str_has_suffix (job->path, ".pdf") && !g_str_has_suffix (job->path, ".PDF"))
    {
      char *with_suffix = g_strconcat (job->path, ".pdf", NULL);

      g_free (job->path);
      job->path = with_suffix;
    }

  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_save_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
on_save_button_clicked_cb (HsCertificatesPage *self)
{
  const HsCertificateBatch *batch = chosen_batch (self);
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) documents = NULL;
  g_autofree char *name = NULL;

  if (batch == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save Certificates"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: a file name; %s is a group name or a date. */
  name = g_strdup_printf (_("certificates-%s.pdf"), batch->group_id ? batch->name : batch->date);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* Not the folder the app was started from, which is nowhere a coordinator looks. */
  documents = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)
                                   ?: g_get_home_dir ());
  if (g_file_query_exists (documents, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), documents, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_cancel_button_clicked_cb (HsCertificatesPage *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* Nothing is issued until the print dialog is confirmed. */
static void
on_begin_print_cb (GtkPrintOperation  *operation,
                   GtkPrintContext    *context,
                   HsCertificatesPage *self)
{
  g_autoptr(GPtrArray) certificates = issue_chosen (self);

  if (certificates == NULL)
    gtk_print_operation_cancel (operation);
  else
    hs_certificate_print_operation_set_certificates (operation, certificates);
}

/* What the chosen graduates would get, without issuing: preview and print dialog. */
static GPtrArray *
preview_chosen (HsCertificatesPage *self)
{
  const HsCertificateBatch *batch = chosen_batch (self);
  guint language = MIN (adw_combo_row_get_selected (self->language_row), 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = NULL;
  GPtrArray *certificates = NULL;

  if (batch == NULL)
    return NULL;
  keys = selected_keys (self);
  certificates = hs_certificate_preview_batch (self->database, (HsCertificateKey *) keys->data,
                                               keys->len, languages[language], &error);
  if (certificates == NULL)
    show_error (self, _("The certificates could not be prepared"), error->message);
  return certificates;
}

static void
on_print_button_clicked_cb (HsCertificatesPage *self)
{
  g_autoptr(GPtrArray) certificates = preview_chosen (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (certificates == NULL)
    return;
  operation = hs_certificate_print_operation_new (
      hs_certificate_design_new_from_settings (self->database), certificates,
      chosen_orientation (self));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("The certificates could not be printed"), error->message);
}

static void
on_preview_button_clicked_cb (HsCertificatesPage *self)
{
  g_autoptr(GPtrArray) certificates = preview_chosen (self);
  GtkWidget *window;

  if (certificates == NULL)
    return;
  window = hs_certificate_preview_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       hs_certificate_design_new_from_settings (self->database),
                                       certificates, chosen_orientation (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_verify_row_apply_cb (HsCertificatesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->verify_row));
  g_autoptr(HsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *css = "error";
  HsCertificateVerdict verdict;

  verdict = hs_certificate_verify (self->database, text, &certificate, &error);
  if (error != NULL)
    message = g_strdup (error->message);
  else if (verdict == HS_CERTIFICATE_VALID)
    {
      g_autofree char *graduated = format_date (hs_certificate_get_graduation_date (certificate));

      css = "success";
      message = g_strdup_printf (_("Valid: %s is the certificate of %s, graduate of “%s” "
                                   "(%s)."),
                                 hs_certificate_get_serial (certificate),
                                 participant_name (certificate),
                                 hs_certificate_get_group_name (certificate), graduated);
    }
  else if (verdict == HS_CERTIFICATE_VOIDED)
    {
      g_autofree char *voided = format_date (hs_certificate_get_voided (certificate));

      message = g_strdup_printf (_("Not valid: %s, the certificate of %s, was voided on %s "
                                   "(%s)."),
                                 hs_certificate_get_serial (certificate),
                                 participant_name (certificate), voided,
                                 hs_certificate_get_void_reason (certificate));
    }
  else if (verdict == HS_CERTIFICATE_BAD_CHECK)
    message = g_strdup_printf (_("Not valid: the check value does not match %s. The "
                                 "certificate was not printed from this register or was "
                                 "altered."), hs_certificate_get_serial (certificate));
  else
    message = g_strdup (_("Not valid: no certificate with this serial is in the register. "
                          "Check the number for typing mistakes."));

  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->verify_label), css);
  gtk_label_set_text (self->verify_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_label), TRUE);
}

static void
on_search_entry_changed_cb (HsCertificatesPage *self)
{
  if (self->register_list == NULL)
    return;
  hs_certificate_list_set_search (self->register_list,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_count (self);
}

static void
on_void_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     HsCertificatesPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason");
  const char *serial = g_object_get_data (G_OBJECT (dialog), "serial");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "void"))
    return;
  if (!hs_certificate_void (self->database, serial, gtk_editable_get_text (entry), &error))
    {
      show_error (self, _("The certificate could not be voided"), error->message);
      return;
    }
  hs_certificate_list_reload (self->register_list);
  /* The graduate's row said "printing again records a reprint". */
  load_graduates (self, TRUE);
  toast (self, _("Certificate voided. Printing for this graduate again gives a new serial."));
}

static void
on_void_button_clicked_cb (HsCertificatesPage *self)
{
  HsCertificate *certificate = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *dialog, *entry;

  if (certificate == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Void the Certificate?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s, the certificate of %s, will no longer verify as "
                                    "valid. It stays in the register with the reason."),
                                  hs_certificate_get_serial (certificate),
                                  participant_name (certificate));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. name misspelt"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_object_set_data_full (G_OBJECT (dialog), "serial",
                          g_strdup (hs_certificate_get_serial (certificate)), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_void_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_selection_changed_cb (HsCertificatesPage *self)
{
  HsCertificate *certificate = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_set_sensitive (self->void_button, certificate != NULL
                            && hs_certificate_get_voided (certificate) == NULL);
}

/* Register columns. */

enum
{
  COLUMN_SERIAL,
  COLUMN_NAME,
  COLUMN_GROUP,
  COLUMN_ISSUED,
  COLUMN_LANGUAGE,
  COLUMN_REPRINTS,
  COLUMN_STATUS,
};

static char *
column_text (HsCertificate *certificate,
             int            column)
{
  const char *language;

  switch (column)
    {
    case COLUMN_SERIAL:
      return g_strdup (hs_certificate_get_serial (certificate));
    case COLUMN_NAME:
      return g_strdup (participant_name (certificate));
    case COLUMN_GROUP:
      return g_strdup (hs_certificate_get_group_name (certificate));
    case COLUMN_ISSUED:
      return format_date (hs_certificate_get_issued (certificate));
    case COLUMN_LANGUAGE:
      language = hs_certificate_get_language (certificate);
      return g_strdup (g_strcmp0 (language, "rw+en") == 0 ? "rw + en" : language);
    case COLUMN_REPRINTS:
      return g_strdup_printf ("%u", hs_certificate_get_n_reprints (certificate));
    case COLUMN_STATUS:
    default:
      if (hs_certificate_get_voided (certificate) != NULL)
        return g_strdup_printf (_("Voided: %s"), hs_certificate_get_void_reason (certificate));
      return g_strdup (_("Valid"));
    }
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (data) == COLUMN_SERIAL)
    gtk_widget_add_css_class (label, "monospace");
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  HsCertificate *certificate = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = certificate ? column_text (certificate, GPOINTER_TO_INT (data)) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (certificate != NULL && hs_certificate_get_voided (certificate) != NULL)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
add_columns (HsCertificatesPage *self)
{
  const struct { const char *title; gboolean expand; } columns[] = {
    [COLUMN_SERIAL] = { N_("Serial"), FALSE },
    [COLUMN_NAME] = { N_("Name"), TRUE },
    [COLUMN_GROUP] = { N_("Group"), TRUE },
    [COLUMN_ISSUED] = { N_("Issued"), FALSE },
    [COLUMN_LANGUAGE] = { N_("Language"), FALSE },
    [COLUMN_REPRINTS] = { N_("Reprints"), FALSE },
    [COLUMN_STATUS] = { N_("Status"), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
set_database (HsCertificatesPage *self,
              HsDatabase         *database)
{
  if (!g_set_object (&self->database, database))
    return;
  g_clear_object (&self->register_list);
  if (database == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      return;
    }
  self->register_list = hs_certificate_list_new (database);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->register_list));
}

static gboolean
reload (HsCertificatesPage  *self,
        GError             **error)
{
  if (self->database == NULL)
    return TRUE;
  load_batches (self);
  hs_certificate_list_reload (self->register_list);
  update_count (self);
  return TRUE;
}

static void
hs_certificates_page_dispose (GObject *object)
{
  HsCertificatesPage *self = HS_CERTIFICATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CERTIFICATES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->register_list);
  g_clear_object (&self->database);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (hs_certificates_page_parent_class)->dispose (object);
}

static void
hs_certificates_page_class_init (HsCertificatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_certificates_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-certificates-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HsCertificatesPage, name)
  BIND (toast_overlay);
  BIND (batch_row);
  BIND (batch_model);
  BIND (language_row);
  BIND (orientation_row);
  BIND (graduates_scroller);
  BIND (graduates_list);
  BIND (selected_label);
  BIND (select_all_button);
  BIND (select_none_button);
  BIND (actions_box);
  BIND (progress_box);
  BIND (progress_bar);
  BIND (verify_row);
  BIND (verify_label);
  BIND (void_button);
  BIND (search_entry);
  BIND (column_view);
  BIND (count_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_preview_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_void_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_select_all_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_select_none_button_clicked_cb);
}

static void
hs_certificates_page_init (HsCertificatesPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->keys = g_array_new (FALSE, FALSE, sizeof (HsCertificateKey));
  self->checks = g_ptr_array_new ();
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_batch_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_batch_bind_cb), self);
  adw_combo_row_set_list_factory (self->batch_row, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->batch_row, "notify::selected",
                            G_CALLBACK (on_batch_row_selected_cb), self);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  set_database (HS_CERTIFICATES_PAGE (page), database);
}

static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  return reload (HS_CERTIFICATES_PAGE (page), error);
}

static void
hs_certificates_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}
