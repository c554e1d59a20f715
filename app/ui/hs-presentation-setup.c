/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-presentation-setup"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-presentation-setup.h"
#include "hs-presentation-window.h"
#include "hs-report-i18n.h"

static const guint intervals[] = { 5, 10, 15, 30, 60, 120 };

typedef struct
{
  GtkWindow     *window;
  HsDatabase    *database;
  HsChartFilter  filter;
  HsChartSpec   *specs;
  guint          n_specs;
  char          *language;
  GtkWidget    **checks;
  AdwEntryRow   *title_row;
  AdwExpanderRow *play_row;
  AdwComboRow   *interval_row;
  AdwComboRow   *monitor_row;
} Setup;

static void
setup_free (Setup *setup)
{
  g_clear_object (&setup->database);
  hs_chart_filter_clear (&setup->filter);
  g_free (setup->specs);
  g_free (setup->checks);
  g_free (setup->language);
  g_free (setup);
}

static void
on_start_clicked_cb (Setup *setup)
{
  GtkApplication *application = gtk_window_get_application (setup->window);
  g_autofree HsChartSpec *chosen = g_new0 (HsChartSpec, setup->n_specs);
  g_autofree char *organisation = NULL;
  g_autofree char *logo = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (
                                                     GTK_WIDGET (setup->window)));
  g_autoptr(GdkMonitor) monitor = NULL;
  GPtrArray *charts;
  HsPresentationWindow *presentation;
  const char *title;
  guint n = 0, seconds = 0;

  for (guint i = 0; i < setup->n_specs; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (setup->checks[i])))
      chosen[n++] = setup->specs[i];
  if (n == 0)
    return;
  charts = hs_chart_specs_query (setup->database, &setup->filter, chosen, n, &error);
  if (charts == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (setup->window, _("The Presentation Could Not "
                                                                   "Start"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (adw_expander_row_get_enable_expansion (setup->play_row))
    seconds = intervals[MIN (adw_combo_row_get_selected (setup->interval_row),
                             G_N_ELEMENTS (intervals) - 1)];
  if (gtk_widget_get_visible (GTK_WIDGET (setup->monitor_row)))
    monitor = g_list_model_get_item (monitors, adw_combo_row_get_selected (setup->monitor_row));

  organisation = hs_database_get_setting (setup->database, "organisation.name");
  logo = hs_database_get_setting (setup->database, "certificate.logo1");
  title = gtk_editable_get_text (GTK_EDITABLE (setup->title_row));
  presentation = hs_presentation_window_new (application, charts, setup->language, organisation,
                                             title, logo, seconds);
  hs_presentation_window_start (presentation, monitor);
  gtk_window_destroy (setup->window);
}

static GtkStringList *
list_monitors (GListModel *monitors)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle area;
      g_autofree char *name = NULL;

      gdk_monitor_get_geometry (monitor, &area);
      /* Translators: a screen to show the presentation on: its number, make
       * and size in pixels. */
      name = g_strdup_printf (_("Screen %u: %s %s, %d × %d"), i + 1,
                              gdk_monitor_get_manufacturer (monitor)
                              ? gdk_monitor_get_manufacturer (monitor) : "",
                              gdk_monitor_get_model (monitor)
                              ? gdk_monitor_get_model (monitor) : "",
                              area.width, area.height);
      gtk_string_list_append (names, name);
    }
  return names;
}


/* libadwaita 1.2 leaves an expander row's switch nameless ("GtkSwitch" to a
 * screen reader): it gets the row's title. */
static void
name_switch (GtkWidget  *widget,
             const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SWITCH (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      else
        name_switch (child, name);
    }
}

static GtkWidget *
build_page (Setup *setup)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *charts = adw_preferences_group_new ();
  GtkWidget *playing = adw_preferences_group_new ();
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (
                                                     GTK_WIDGET (setup->window)));
  g_autoptr(GtkStringList) seconds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) screens = list_monitors (monitors);

  setup->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (setup->title_row),
                                 _("Ceremony title (first slide; optional)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (setup->title_row));

  setup->monitor_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (setup->monitor_row), _("Show on"));
  adw_combo_row_set_model (setup->monitor_row, G_LIST_MODEL (screens));
  /* The projector is usually the screen added last. */
  adw_combo_row_set_selected (setup->monitor_row, g_list_model_get_n_items (monitors) - 1);
  gtk_widget_set_visible (GTK_WIDGET (setup->monitor_row), g_list_model_get_n_items (monitors) > 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (setup->monitor_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (charts), _("Slides"));
  setup->checks = g_new0 (GtkWidget *, setup->n_specs);
  for (guint i = 0; i < setup->n_specs; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      setup->checks[i] = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (setup->checks[i]), TRUE);
      gtk_widget_set_valign (setup->checks[i], GTK_ALIGN_CENTER);
      const char *title = hs_chart_kind_title (setup->specs[i].kind);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hs_report_gettext (setup->language, title));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), setup->checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), setup->checks[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (charts), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (charts));

  setup->play_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (setup->play_row),
                                 _("Play by itself"));
  adw_expander_row_set_subtitle (setup->play_row,
                                 _("While guests arrive; P pauses and resumes"));
  adw_expander_row_set_show_enable_switch (setup->play_row, TRUE);
  adw_expander_row_set_enable_expansion (setup->play_row, FALSE);
  name_switch (GTK_WIDGET (setup->play_row), _("Play by itself"));
  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      g_autofree char *text = intervals[i] < 60
                              ? g_strdup_printf (_("%u seconds"), intervals[i])
                              : g_strdup_printf (g_dngettext (NULL, "%u minute", "%u minutes",
                                                              intervals[i] / 60),
                                                 intervals[i] / 60);

      gtk_string_list_append (seconds, text);
    }
  setup->interval_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (setup->interval_row),
                                 _("Next slide after"));
  adw_combo_row_set_model (setup->interval_row, G_LIST_MODEL (seconds));
  adw_combo_row_set_selected (setup->interval_row, 2);
  adw_expander_row_add_row (setup->play_row, GTK_WIDGET (setup->interval_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (playing), GTK_WIDGET (setup->play_row));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (playing),
                                         _("Space or → for the next slide, ← for the previous, "
                                           "Esc to leave."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (playing));
  return page;
}

void
hs_presentation_setup_run (GtkWindow           *parent,
                           HsDatabase          *database,
                           const HsChartFilter *filter,
                           const HsChartSpec   *specs,
                           guint                n_specs,
                           const char          *language)
{
  Setup *setup = g_new0 (Setup, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Start"));
  /* GTK 4.8 names a button with a mnemonic "_Start Start" otherwise. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Start"), -1);
  GtkEventController *escape;
  GtkWidget *page;

  g_return_if_fail (HS_IS_DATABASE (database));

  setup->window = GTK_WINDOW (window);
  setup->database = g_object_ref (database);
  if (filter != NULL)
    hs_chart_filter_copy (&setup->filter, filter);
  setup->specs = g_memdup2 (specs, sizeof *specs * n_specs);
  setup->n_specs = n_specs;
  setup->language = g_strdup (language);
  g_object_set_data_full (G_OBJECT (window), "hs-setup", setup, (GDestroyNotify) setup_free);

  gtk_window_set_title (GTK_WINDOW (window), _("Present Charts"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), start);
  gtk_widget_add_css_class (start, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (start, "clicked", G_CALLBACK (on_start_clicked_cb), setup);
  gtk_box_append (GTK_BOX (box), header);
  page = build_page (setup);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  escape = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, escape);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), start);
  gtk_window_present (GTK_WINDOW (window));
}
