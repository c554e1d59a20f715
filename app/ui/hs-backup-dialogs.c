/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Back up now, and restore a backup: from the main menu, and from the page a
 * damaged database shows. A restore closes the window first (SQLite must not
 * have the file open while it is replaced), checks the backup completely,
 * keeps the replaced file aside, and opens a new window on the result. */
#include <glib/gi18n.h>
#include <string.h>

#include "hs-application.h"
#include "hs-backup.h"
#include "hs-backup-dialogs.h"

typedef struct
{
  HsApplication *application;
  GtkWindow     *parent;
  char          *db_path;
  char          *backup_path;
  char          *passphrase;
  gboolean       encrypt;
  GtkWidget     *entry;
  GtkWidget     *again;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->application);
  g_clear_object (&job->parent);
  g_free (job->db_path);
  g_free (job->backup_path);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (GtkWindow  *window,
       const char *text)
{
  if (HS_IS_WINDOW (window))
    hs_window_show_toast (HS_WINDOW (window), text);
  else
    show_message (window, text, NULL);
}

/* A passphrase dialog: one entry to open a backup, two to make one. */
static GtkWidget *
passphrase_dialog (Job        *job,
                   gboolean    twice,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (job->parent, heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  job->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (job->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  gtk_box_append (GTK_BOX (box), job->entry);
  job->again = NULL;
  if (twice)
    {
      job->again = gtk_password_entry_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (job->again),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The same passphrase again"), -1);
      gtk_box_append (GTK_BOX (box), job->again);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", _("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "hs-passphrase");
  return dialog;
}

/* --- Back up ----------------------------------------------------------- */

#define MIN_PASSPHRASE 8

static void
write_backup (Job *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->backup_path);
  g_autofree char *text = NULL;
  HsDatabase *db = HS_IS_WINDOW (job->parent) ? hs_window_get_database (HS_WINDOW (job->parent))
                                              : NULL;

  if (db == NULL)
    return;
  if (!hs_backup_create (db, job->backup_path, job->passphrase, &error))
    {
      show_message (job->parent, _("The Backup Failed"), error->message);
      return;
    }
  text = g_strdup_printf (job->passphrase != NULL
                          ? _("Encrypted backup saved as “%s” and checked")
                          : _("Backup saved as “%s” and checked"), name);
  toast (job->parent, text);
}

static void
on_new_passphrase_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               Job              *job)
{
  const char *first = gtk_editable_get_text (GTK_EDITABLE (job->entry));
  const char *second = gtk_editable_get_text (GTK_EDITABLE (job->again));

  if (g_str_equal (response, "ok"))
    {
      if (g_utf8_strlen (first, -1) < MIN_PASSPHRASE)
        show_message (job->parent, _("The Passphrase Is Too Short"),
                      _("Use at least 8 characters; a few words are easy to remember and hard "
                        "to guess. Nothing was written."));
      else if (!g_str_equal (first, second))
        show_message (job->parent, _("The Two Passphrases Differ"),
                      _("Type the same passphrase twice. Nothing was written."));
      else
        {
          job->passphrase = g_strdup (first);
          write_backup (job);
        }
    }
  job_free (job);
}

static void
on_backup_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               Job             *job)
{
  const char *encrypt = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "encrypt");
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  job->backup_path = file != NULL ? g_file_get_path (file) : NULL;
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (job->backup_path == NULL)
    {
      job_free (job);
      return;
    }
  if (g_strcmp0 (encrypt, "true") == 0)
    {
      GtkWidget *dialog = passphrase_dialog (
          job, TRUE, _("Encrypt the Backup"),
          _("Anyone with this passphrase can read the backup; without it, nobody can — "
            "not even you. Write it down and keep it apart from the backup."));

      g_signal_connect (dialog, "response", G_CALLBACK (on_new_passphrase_response_cb), job);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  write_backup (job);
  job_free (job);
}

void
hs_backup_dialogs_back_up (HsWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *base = g_path_get_basename (hs_window_get_path (window));
  g_autofree char *stem = g_strndup (base, g_str_has_suffix (base, ".db")
                                           ? strlen (base) - 3 : strlen (base));
  g_autofree char *name = g_strdup_printf ("%s-%s.hsbackup", stem, date);
  GtkFileChooserNative *chooser;
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (GTK_WINDOW (window));
  chooser = gtk_file_chooser_native_new (_("Back Up"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "encrypt",
                               _("Encrypt with a passphrase"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "encrypt", "false");
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Restore ----------------------------------------------------------- */

static void
do_restore (Job *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  GWeakRef db_ref;
  HsDatabase *db = hs_window_get_database (HS_WINDOW (job->parent));
  HsDatabase *still_open;
  GtkWindow *window;

  /* The window and its pages hold the database: close them all, and make
   * sure SQLite has let go of the file before it is replaced. */
  g_weak_ref_init (&db_ref, db);
  g_application_hold (G_APPLICATION (job->application));
  gtk_window_destroy (job->parent);
  g_clear_object (&job->parent);
  still_open = g_weak_ref_get (&db_ref);
  g_weak_ref_clear (&db_ref);
  if (still_open != NULL)
    {
      g_object_unref (still_open);
      g_set_error (&error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_FAILED,
                   _("The database is still in use in this window; nothing was restored. Close "
                     "Healing Spaces, start it again and restore from the menu."));
    }
  else
    hs_backup_restore (job->backup_path, job->db_path, job->passphrase, &aside, &error);

  window = GTK_WINDOW (hs_application_open_path (job->application, job->db_path));
  g_application_release (G_APPLICATION (job->application));
  if (error != NULL)
    show_message (window, _("The Backup Was Not Restored"), error->message);
  else
    {
      g_autofree char *name = g_filename_display_basename (job->backup_path);
      g_autofree char *kept = aside != NULL ? g_filename_display_basename (aside) : NULL;
      g_autofree char *text = kept != NULL
        ? g_strdup_printf (_("Restored from “%s”. The data it replaced is kept as “%s”."),
                           name, kept)
        : g_strdup_printf (_("Restored from “%s”."), name);

      toast (window, text);
    }
}

static gboolean
restore_idle_cb (gpointer data)
{
  do_restore (data);
  job_free (data);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Job              *job)
{
  /* Not from inside the dialog's own signal: closing the window destroys
   * the dialog too, which is still finishing its response. */
  if (g_str_equal (response, "restore"))
    g_idle_add (restore_idle_cb, job);
  else
    job_free (job);
}

static void
confirm_restore (Job *job)
{
  g_autofree char *backup = g_filename_display_basename (job->backup_path);
  g_autofree char *current = g_filename_display_basename (job->db_path);
  GtkWidget *dialog = adw_message_dialog_new (job->parent, _("Restore This Backup?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The data in “%s” will be replaced by the backup “%s”. "
                                    "The backup is checked first; the data it replaces is kept "
                                    "beside it under another name, so nothing is lost."),
                                  current, backup);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           Job              *job)
{
  if (g_str_equal (response, "ok"))
    {
      job->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (job->entry)));
      confirm_restore (job);
      return;
    }
  job_free (job);
}

static void
on_restore_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                Job             *job)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  job->backup_path = file != NULL ? g_file_get_path (file) : NULL;
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (job->backup_path == NULL)
    {
      job_free (job);
      return;
    }
  if (hs_backup_is_encrypted (job->backup_path))
    {
      GtkWidget *dialog = passphrase_dialog (job, FALSE, _("The Backup Is Encrypted"),
                                             _("Type the passphrase it was made with."));

      g_signal_connect (dialog, "response", G_CALLBACK (on_passphrase_response_cb), job);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  confirm_restore (job);
}

void
hs_backup_dialogs_restore (HsWindow *window)
{
  g_autofree char *backups = g_build_filename (g_get_user_data_dir (), "healing-spaces",
                                               "backups", NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (backups);
  GtkFileChooserNative *chooser;
  Job *job = g_new0 (Job, 1);

  job->application = g_object_ref (HS_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  job->parent = g_object_ref (GTK_WINDOW (window));
  job->db_path = g_strdup (hs_window_get_path (window));
  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Healing Spaces backups"));
  gtk_file_filter_add_pattern (filter, "*.hsbackup");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  /* The automatic daily backups are there. */
  if (g_file_test (backups, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
