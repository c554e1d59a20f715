/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-preferences-window"

#include "hs-certificate-preferences.h"
#include "hs-dhis2-preferences.h"
#include "hs-preferences-window.h"
#include "hs-rule-group.h"
#include "hs-settings.h"
#include "hs-window.h"

struct _HsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwPreferencesPage   *general_page;
  AdwComboRow          *language_row;
  AdwComboRow          *sheet_language_row;
};

G_DEFINE_FINAL_TYPE (HsPreferencesWindow, hs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the combo rows' models. */
static const char * const languages[] = { "", "rw", "en" };
static const char * const sheet_languages[] = { "rw+en", "rw", "en" };

/* Stores the value @row shows in @key. */
static void
store_choice (HsPreferencesWindow *self,
              AdwComboRow         *row,
              const char          *key,
              const char * const  *values,
              guint                n_values)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;

  if (self->settings == NULL || selected >= n_values)
    return;
  current = g_settings_get_string (self->settings, key);
  if (g_strcmp0 (current, values[selected]) != 0)
    g_settings_set_string (self->settings, key, values[selected]);
}

static void
load_choice (HsPreferencesWindow *self,
             AdwComboRow         *row,
             const char          *key,
             const char * const  *values,
             guint                n_values)
{
  g_autofree char *value = g_settings_get_string (self->settings, key);

  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (value, values[i]) == 0)
      adw_combo_row_set_selected (row, i);
}

/* The application watches the key and rebuilds its windows in the new
 * language, this one included. */
static void
on_language_row_selected_cb (AdwComboRow         *row,
                             GParamSpec          *pspec,
                             HsPreferencesWindow *self)
{
  store_choice (self, row, "language", languages, G_N_ELEMENTS (languages));
}

/* Read when a sheet is printed. */
static void
on_sheet_language_row_selected_cb (AdwComboRow         *row,
                                   GParamSpec          *pspec,
                                   HsPreferencesWindow *self)
{
  store_choice (self, row, "sheet-language", sheet_languages, G_N_ELEMENTS (sheet_languages));
}

static void
hs_preferences_window_dispose (GObject *object)
{
  HsPreferencesWindow *self = HS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hs_preferences_window_parent_class)->dispose (object);
}

static void
hs_preferences_window_class_init (HsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, sheet_language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_language_row_selected_cb);
}

static void
hs_preferences_window_init (HsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = hs_settings_new ();
  load_choice (self, self->language_row, "language", languages, G_N_ELEMENTS (languages));
  load_choice (self, self->sheet_language_row, "sheet-language", sheet_languages,
               G_N_ELEMENTS (sheet_languages));
}

HsPreferencesWindow *
hs_preferences_window_new (GtkWindow *parent)
{
  HsPreferencesWindow *self = g_object_new (HS_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            NULL);

  /* groups: the graduation rule lives in the open database. */
  if (HS_IS_WINDOW (parent) && hs_window_get_database (HS_WINDOW (parent)) != NULL)
    adw_preferences_page_add (self->general_page,
                              ADW_PREFERENCES_GROUP (hs_rule_group_new (
                                hs_window_get_database (HS_WINDOW (parent)))));
  /* certificates: organisation, signatories and logos, also per database. */
  if (HS_IS_WINDOW (parent) && hs_window_get_database (HS_WINDOW (parent)) != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                hs_certificate_preferences_new (
                                  hs_window_get_database (HS_WINDOW (parent))));
  /* io: the DHIS2 mapping, per database too. */
  if (HS_IS_WINDOW (parent) && hs_window_get_database (HS_WINDOW (parent)) != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                hs_dhis2_preferences_new (
                                  hs_window_get_database (HS_WINDOW (parent))));
  return self;
}
