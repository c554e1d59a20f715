/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-dhis2-preferences"

#include <glib/gi18n.h>

#include "hs-dhis2-preferences.h"
#include "hs-dhis2.h"

typedef struct
{
  HsDatabase *database;
  char       *kind;
  char       *key;
} Mapping;

static void
mapping_free (gpointer  data,
              GClosure *closure)
{
  Mapping *mapping = data;

  g_object_unref (mapping->database);
  g_free (mapping->kind);
  g_free (mapping->key);
  g_free (mapping);
}

/* A refused UID stays in the row, marked, with the reason in a dialog. */
static void
on_row_apply_cb (AdwEntryRow *row,
                 Mapping     *mapping)
{
  g_autofree char *uid = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (hs_dhis2_set_mapping (mapping->database, mapping->kind, mapping->key,
                            *uid != '\0' ? uid : NULL, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (row))),
                                   _("The UID could not be saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
uid_row (HsDatabase *database,
         const char *kind,
         const char *key,
         const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *uid = hs_dhis2_get_mapping (database, kind, key);
  Mapping *mapping = g_new0 (Mapping, 1);

  mapping->database = g_object_ref (database);
  mapping->kind = g_strdup (kind);
  mapping->key = g_strdup (key);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), uid != NULL ? uid : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_data (row, "apply", G_CALLBACK (on_row_apply_cb), mapping, mapping_free, 0);
  return row;
}

static AdwPreferencesGroup *
group_new (const char *title,
           const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  return group;
}

static AdwPreferencesGroup *
combination_group (HsDatabase *database)
{
  AdwPreferencesGroup *group = group_new (_("Sex and Age Band"),
                                          _("The category option combination of each figure."));
  const struct
  {
    const char *key;
    const char *title;
  } combinations[] = {
    { "F.youth", _("Women, youth") },
    { "F.adult", _("Women, adults") },
    { "M.youth", _("Men, youth") },
    { "M.adult", _("Men, adults") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (combinations); i++)
    adw_preferences_group_add (group, uid_row (database, "coc", combinations[i].key,
                                               combinations[i].title));
  return group;
}

AdwPreferencesPage *
hs_dhis2_preferences_new (HsDatabase *database)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *data_set;
  AdwPreferencesGroup *districts;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (database), NULL);

  adw_preferences_page_set_title (page, _("DHIS2"));
  adw_preferences_page_set_icon_name (page, "network-server-symbolic");

  data_set = group_new (_("Data Set"),
                        _("Copy each UID from DHIS2's maintenance app: 11 letters and digits, "
                          "starting with a letter. Press Enter to save it; leave it empty to "
                          "remove it."));
  adw_preferences_group_add (data_set, uid_row (database, "dataset", NULL, _("Data set")));
  adw_preferences_group_add (data_set, uid_row (database, "dataelement", "graduates",
                                                _("Data element for graduates")));
  adw_preferences_page_add (page, data_set);
  adw_preferences_page_add (page, combination_group (database));

  districts = group_new (_("Districts"), _("The organisation unit of each district."));
  names = hs_dhis2_dup_districts (database);
  for (guint i = 0; names[i] != NULL; i++)
    adw_preferences_group_add (districts, uid_row (database, "orgunit", names[i], names[i]));
  adw_preferences_page_add (page, districts);
  return page;
}
