/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-rule-group"

#include <glib/gi18n.h>

#include "hs-graduation.h"
#include "hs-rule-group.h"
#include "hs-settings.h"

typedef struct
{
  HsDatabase    *database;
  GtkSpinButton *min_sessions;
  GtkSwitch     *excused;
  AdwActionRow  *min_row;
} RuleGroup;

static void
rule_group_free (gpointer data)
{
  RuleGroup *rule = data;

  g_clear_object (&rule->database);
  g_free (rule);
}

static void
save_rule (RuleGroup *rule)
{
  g_autoptr(GError) error = NULL;
  HsGraduationRule value = {
    .min_sessions = gtk_spin_button_get_value_as_int (rule->min_sessions),
    .excused_counts = gtk_switch_get_active (rule->excused),
  };

  g_autoptr(GSettings) settings = NULL;

  if (!hs_graduation_rule_set_default (rule->database, &value, &error))
    {
      adw_action_row_set_subtitle (rule->min_row, error->message);
      return;
    }
  /* The next new database starts with this rule too. */
  settings = hs_settings_new ();
  g_settings_set_int (settings, "graduation-min-sessions", value.min_sessions);
  g_settings_set_boolean (settings, "graduation-excused-counts", value.excused_counts);
}

static void
on_min_sessions_value_changed_cb (GtkSpinButton *spin,
                                  RuleGroup     *rule)
{
  save_rule (rule);
}

static void
on_excused_active_cb (GtkSwitch  *toggle,
                      GParamSpec *pspec,
                      RuleGroup  *rule)
{
  save_rule (rule);
}

GtkWidget *
hs_rule_group_new (HsDatabase *database)
{
  HsGraduationRule value = hs_graduation_rule_get_default (database);
  RuleGroup *rule = g_new0 (RuleGroup, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *min_row = adw_action_row_new ();
  GtkWidget *excused_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 100, 1);
  GtkWidget *toggle = gtk_switch_new ();

  rule->database = g_object_ref (database);
  rule->min_sessions = GTK_SPIN_BUTTON (spin);
  rule->excused = GTK_SWITCH (toggle);
  rule->min_row = ADW_ACTION_ROW (min_row);
  g_object_set_data_full (G_OBJECT (group), "hs-rule", rule, rule_group_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Graduation Rule"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Who graduates when a group closes. A group can "
                                           "have its own rule."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (min_row), _("_Minimum sessions attended"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (min_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (min_row), _("Of the 15 planned, usually 12"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value.min_sessions);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minimum sessions attended"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (min_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (min_row), spin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (excused_row),
                                 _("_Excused absences count as attended"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (excused_row), TRUE);
  gtk_switch_set_active (GTK_SWITCH (toggle), value.excused_counts);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Excused absences count as attended"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (excused_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (excused_row), toggle);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), min_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), excused_row);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_min_sessions_value_changed_cb), rule);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_excused_active_cb), rule);
  return group;
}
