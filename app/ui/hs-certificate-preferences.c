/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificate-preferences"

#include <glib/gi18n.h>

#include "hs-certificate-preferences.h"

#define N_LOGOS 4

typedef struct
{
  HsDatabase *database;
  char       *key;
  GtkWidget  *row;
} Field;

static void
field_free (gpointer  data,
            GClosure *closure)
{
  Field *field = data;

  g_object_unref (field->database);
  g_free (field->key);
  g_free (field);
}

static Field *
field_new (HsDatabase *database,
           const char *key,
           GtkWidget  *row)
{
  Field *field = g_new0 (Field, 1);

  field->database = g_object_ref (database);
  field->key = g_strdup (key);
  field->row = row;
  return field;
}

static void
save (Field      *field,
      const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!hs_database_set_setting (field->database, field->key,
                                value != NULL && *value != '\0' ? value : NULL, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (field->row)),
                                                  _("The setting could not be saved"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_entry_apply_cb (AdwEntryRow *row,
                   Field       *field)
{
  save (field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
entry_row (HsDatabase *database,
           const char *key,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = hs_database_get_setting (database, key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_signal_connect_data (row, "apply", G_CALLBACK (on_entry_apply_cb),
                         field_new (database, key, row), field_free, 0);
  return row;
}

static void
show_file (Field *field)
{
  g_autofree char *path = hs_database_get_setting (field->database, field->key);
  g_autofree char *name = path ? g_filename_display_basename (path) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), name ? name : _("None"));
}

static void
on_file_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     Field           *field)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;
  save (field, g_file_peek_path (file));
  show_file (field);
}

static void
on_choose_clicked_cb (GtkButton *button,
                      Field     *field)
{
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose an Image"),
                                        GTK_WINDOW (gtk_widget_get_root (field->row)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG or SVG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_response_cb), field);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_clear_clicked_cb (GtkButton *button,
                     Field     *field)
{
  save (field, NULL);
  show_file (field);
}

static GtkWidget *
image_row (HsDatabase *database,
           const char *key,
           const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  Field *field = field_new (database, key, row);
  g_autofree char *choose_label = g_strdup_printf (_("Choose: %s"), title);
  g_autofree char *clear_label = g_strdup_printf (_("Remove: %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  for (GtkWidget **button = (GtkWidget *[]) { choose, clear, NULL }; *button; button++)
    {
      gtk_widget_set_valign (*button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (*button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *button);
    }
  gtk_widget_set_tooltip_text (choose, _("Choose a PNG or SVG file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  choose_label, -1);
  gtk_widget_set_tooltip_text (clear, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  clear_label, -1);
  g_signal_connect_data (choose, "clicked", G_CALLBACK (on_choose_clicked_cb), field,
                         field_free, 0);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked_cb), field);
  show_file (field);
  return row;
}

static GtkWidget *
signatory_group (HsDatabase *database,
                 guint       n,
                 const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *name_key = g_strdup_printf ("certificate.signatory%u.name", n);
  g_autofree char *title_key = g_strdup_printf ("certificate.signatory%u.title", n);
  g_autofree char *image_key = g_strdup_printf ("certificate.signatory%u.image", n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row (database, name_key, _("Name")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row (database, title_key, _("Title, e.g. Programme Coordinator")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             image_row (database, image_key, _("Scanned signature")));
  return group;
}

AdwPreferencesPage *
hs_certificate_preferences_new (HsDatabase *database)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *organisation = adw_preferences_group_new ();
  GtkWidget *logos = adw_preferences_group_new ();

  g_return_val_if_fail (HS_IS_DATABASE (database), NULL);

  adw_preferences_page_set_title (page, _("Certificates"));
  adw_preferences_page_set_icon_name (page, "emblem-documents-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (organisation), _("Organisation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (organisation),
                                         _("Printed on every graduation certificate of this "
                                           "database, in every language."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (organisation),
                             entry_row (database, "organisation.name",
                                        _("Organisation name")));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (organisation));

  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (signatory_group (database, 1,
                                                                           _("Left Signatory"))));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (signatory_group (database, 2,
                                                                           _("Right Signatory"))));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (logos), _("Partner Logos"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (logos),
                                         _("Up to four, shown side by side at the top."));
  for (guint i = 1; i <= N_LOGOS; i++)
    {
      g_autofree char *key = g_strdup_printf ("certificate.logo%u", i);
      g_autofree char *title = g_strdup_printf (_("Logo %u"), i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (logos), image_row (database, key, title));
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (logos));
  return page;
}
