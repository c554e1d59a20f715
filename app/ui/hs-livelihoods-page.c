/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-livelihoods-page"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-format.h"
#include "hs-livelihood.h"
#include "hs-livelihoods-page.h"
#include "hs-page.h"
#include "hs-participant.h"
#include "hs-target.h"

#define MAX_RESULTS 8

struct _HsLivelihoodsPage
{
  AdwBin          parent_instance;

  HsDatabase     *database;
  GStrv           districts;
  /* The group in the detail pane (0: none), or a new one not saved yet. */
  gint64          selected_id;
  gboolean        creating;
  gboolean        filling;
  guint           graduates;

  /* Template widgets */
  GtkLabel       *groups_summary;
  GtkListBox     *groups_list;
  GtkBox         *detail_box;
  GtkBox         *tvet_form_box;
  GtkLabel       *tvet_summary;
  GtkListBox     *tvet_list;
  GtkBox         *targets_box;

  /* The detail pane's fields, rebuilt with it. */
  AdwEntryRow    *name_row;
  AdwComboRow    *district_row;
  AdwEntryRow    *activity_row;
  AdwEntryRow    *training_start_row;
  AdwEntryRow    *training_end_row;
  AdwEntryRow    *start_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *notes_row;
  GtkWidget      *member_search;
  GtkListBox     *results_list;
  GtkEntry       *amount_entry;
  GtkLabel       *capital_error;
  GtkEntry       *capital_date_entry;
  GtkEntry       *source_entry;
  GtkEntry       *visit_date_entry;
  GtkCheckButton *visit_active_check;
  GtkSpinButton  *visit_present_spin;
  GtkEntry       *visit_notes_entry;

  /* The TVET form: the record being edited (id 0: new) and its fields. */
  HsTvet         *tvet;
  GtkListBox     *trainee_results;
  AdwEntryRow    *tvet_rows[8];
  AdwComboRow    *tvet_status_row;
  AdwComboRow    *tvet_back_row;
};

static void hs_livelihoods_page_page_init (HsPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsLivelihoodsPage, hs_livelihoods_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE,
                                                      hs_livelihoods_page_page_init))

static const char * const statuses[] = { "active", "paused", "closed", NULL };

static gboolean reload (HsLivelihoodsPage  *self,
                        GError            **error);
static void     show_detail (HsLivelihoodsPage *self);

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "paused") == 0)
    return C_("livelihood group", "Paused");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("livelihood group", "Closed");
  return C_("livelihood group", "Active");
}

static const char *
tvet_status_label (const char *status)
{
  if (g_strcmp0 (status, "completed") == 0)
    return C_("training", "Completed");
  if (g_strcmp0 (status, "dropped") == 0)
    return C_("training", "Dropped out");
  return C_("training", "In training");
}

/* 24.11.2026, as the app writes dates. */
static char *
display_date (const char *iso)
{
  if (iso == NULL || strlen (iso) != 10)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup_printf ("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format_rwf (gint64 amount)
{
  g_autofree char *digits = hs_format_count ((guint64) MAX (amount, 0));

  /* Translators: an amount of money in Rwandan francs. */
  return g_strdup_printf (_("%s RWF"), digits);
}

static void
toast (HsLivelihoodsPage *self,
       const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
entry_new (const char *placeholder,
           const char *label,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  set_label (entry, label);
  return entry;
}

static AdwEntryRow *
entry_row_new (AdwPreferencesGroup *group,
               const char          *title,
               const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static GtkWidget *
icon_button_new (const char *icon,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  set_label (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* "20,000", "20 000" (with a no-break space in Kinyarwanda) or "20000";
 * @empty when nothing was typed, -2 when it is not a whole number. */
static gint64
parse_amount (const char *text,
              gint64      empty)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 value = -2;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (c != ',' && c != '.' && !g_unichar_isspace (c))
        return -2;
    }
  if (digits->len == 0)
    return empty;
  if (!g_ascii_string_to_signed (digits->str, 10, 0, G_MAXINT32, &value, NULL))
    return -2;
  return value;
}

static gint64
parse_count (AdwEntryRow *row,
             gint64       empty)
{
  return parse_amount (gtk_editable_get_text (GTK_EDITABLE (row)), empty);
}

/* The list of groups. */

static GtkWidget *
group_row_new (const HsLivelihoodSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *capital = format_rwf (summary->capital_rwf);
  g_autofree char *members = g_strdup_printf (ngettext ("%u member", "%u members",
                                                        summary->members), summary->members);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s · %s",
                                               summary->district != NULL ? summary->district
                                                                         : "–",
                                               summary->activity != NULL ? summary->activity
                                                                         : "–",
                                               members, capital);
  g_autofree char *visit = display_date (summary->last_visit);
  g_autofree char *state = summary->last_visit != NULL
                           /* Translators: a group's status and its last follow-up visit. */
                           ? g_strdup_printf (_("%s\nvisited %s"),
                                              status_label (summary->status), visit)
                           : g_strdup_printf (_("%s\nnot visited yet"),
                                              status_label (summary->status));
  GtkWidget *status = gtk_label_new (state);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_justify (GTK_LABEL (status), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (status), 1.0);
  gtk_widget_add_css_class (status, "caption");
  if (!g_str_equal (summary->status, "active"))
    gtk_widget_add_css_class (status, "warning");
  else
    gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "hs-id", GINT_TO_POINTER ((int) summary->id));
  return row;
}

static gboolean
fill_groups (HsLivelihoodsPage  *self,
             GError            **error)
{
  g_autoptr(GPtrArray) groups = hs_livelihood_list (self->database, error);
  g_autofree char *summary = NULL;
  guint active = 0;
  gint64 capital = 0;

  if (groups == NULL)
    return FALSE;
  self->filling = TRUE;
  clear_list (self->groups_list);
  for (guint i = 0; i < groups->len; i++)
    {
      const HsLivelihoodSummary *group = g_ptr_array_index (groups, i);
      GtkWidget *row = group_row_new (group);

      gtk_list_box_append (self->groups_list, row);
      if (group->id == self->selected_id)
        gtk_list_box_select_row (self->groups_list, GTK_LIST_BOX_ROW (row));
      active += g_str_equal (group->status, "active");
      capital += group->capital_rwf;
    }
  self->filling = FALSE;

  {
    g_autofree char *total = format_rwf (capital);

    /* Translators: "40 livelihood groups, 36 active; 27,500,000 RWF of capital". */
    summary = g_strdup_printf (ngettext ("%u livelihood group, %u active; %s of capital",
                                         "%u livelihood groups, %u active; %s of capital",
                                         groups->len), groups->len, active, total);
  }
  gtk_label_set_text (self->groups_summary, summary);
  return TRUE;
}

static void
on_groups_list_row_selected_cb (GtkListBox        *list,
                                GtkListBoxRow     *row,
                                HsLivelihoodsPage *self)
{
  if (self->filling || row == NULL)
    return;
  self->selected_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hs-id"));
  self->creating = FALSE;
  show_detail (self);
}

static void
on_new_button_clicked_cb (GtkButton         *button,
                          HsLivelihoodsPage *self)
{
  self->selected_id = 0;
  self->creating = TRUE;
  gtk_list_box_unselect_all (self->groups_list);
  show_detail (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
refresh (HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!reload (self, &error))
    toast (self, error->message);
}

/* The detail pane: the group's fields. */

static void
on_save_clicked_cb (GtkButton         *button,
                    HsLivelihoodsPage *self)
{
  g_autoptr(HsLivelihoodGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  guint district = adw_combo_row_get_selected (self->district_row);

  if (self->selected_id != 0)
    group = hs_livelihood_group_load (self->database, self->selected_id, &error);
  else
    group = hs_livelihood_group_new ();
  if (group == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_free (group->name);
  group->name = row_text (self->name_row);
  /* Position 0 is "not given". */
  group->district_id = district > 0 && district != GTK_INVALID_LIST_POSITION
                       ? hs_database_find_district (self->database,
                                                    self->districts[district - 1])
                       : 0;
  g_free (group->activity);
  group->activity = row_text (self->activity_row);
  g_free (group->training_start);
  group->training_start = row_text (self->training_start_row);
  g_free (group->training_end);
  group->training_end = row_text (self->training_end_row);
  g_free (group->start_date);
  group->start_date = row_text (self->start_row);
  g_free (group->status);
  group->status = g_strdup (statuses[MIN (adw_combo_row_get_selected (self->status_row), 2)]);
  g_free (group->notes);
  group->notes = row_text (self->notes_row);

  if (!hs_livelihood_group_save (group, self->database, &error))
    {
      toast (self, error->message);
      return;
    }
  self->selected_id = group->id;
  self->creating = FALSE;
  toast (self, _("Livelihood group saved"));
  refresh (self);
}

static void
on_delete_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!hs_livelihood_group_delete (self->database, self->selected_id, &error))
    {
      toast (self, error->message);
      return;
    }
  self->selected_id = 0;
  toast (self, _("Livelihood group deleted"));
  refresh (self);
}

static void
on_delete_clicked_cb (GtkButton         *button,
                      HsLivelihoodsPage *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Delete this livelihood group?"),
                                   _("Its members, capital entries and follow-up visits are "
                                     "removed too. The audit log keeps what they were."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkStringList *
district_model (HsLivelihoodsPage *self)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, "–");
  for (guint i = 0; self->districts != NULL && self->districts[i] != NULL; i++)
    gtk_string_list_append (model, self->districts[i]);
  return model;
}

static void
add_fields (HsLivelihoodsPage       *self,
            const HsLivelihoodGroup *group)
{
  GtkWidget *prefs = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Group"));
  g_autoptr(GtkStringList) districts = district_model (self);
  const char * const status_names[] = {
    C_("livelihood group", "Active"), C_("livelihood group", "Paused"),
    C_("livelihood group", "Closed"), NULL,
  };
  g_autoptr(GtkStringList) status_model = gtk_string_list_new (status_names);
  g_autofree char *district = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs),
                                   group->id != 0 ? group->name : _("New livelihood group"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs),
                                         _("Dates are written YYYY-MM-DD, for example "
                                           "2024-03-15."));
  self->name_row = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Name"), group->name);
  self->district_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->district_row), _("District"));
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (districts));
  for (guint i = 0; self->districts != NULL && self->districts[i] != NULL; i++)
    if (group->district_id != 0
        && hs_database_find_district (self->database, self->districts[i]) == group->district_id)
      adw_combo_row_set_selected (self->district_row, i + 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), GTK_WIDGET (self->district_row));
  self->activity_row = entry_row_new (ADW_PREFERENCES_GROUP (prefs),
                                      _("Activity (farming, tailoring, livestock…)"),
                                      group->activity);
  self->training_start_row = entry_row_new (ADW_PREFERENCES_GROUP (prefs),
                                            _("Business-skills training from"),
                                            group->training_start);
  self->training_end_row = entry_row_new (ADW_PREFERENCES_GROUP (prefs),
                                          _("Business-skills training until"),
                                          group->training_end);
  self->start_row = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Business started on"),
                                   group->start_date);
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_model));
  adw_combo_row_set_selected (self->status_row,
                              g_strcmp0 (group->status, "paused") == 0 ? 1
                              : g_strcmp0 (group->status, "closed") == 0 ? 2 : 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), GTK_WIDGET (self->status_row));
  self->notes_row = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Notes"), group->notes);

  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save the group's details"));
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  if (group->id != 0)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Group…"));

      gtk_widget_add_css_class (delete, "destructive-action");
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), delete);
    }
  gtk_box_append (GTK_BOX (buttons), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), buttons);
  gtk_box_append (self->detail_box, prefs);
}

/* Members. */

static void
on_remove_member_clicked_cb (GtkButton         *button,
                             HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 participant = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-id"));

  if (!hs_livelihood_remove_member (self->database, self->selected_id, participant, &error))
    toast (self, error->message);
  refresh (self);
}

static void
add_member (HsLivelihoodsPage *self,
            gint64             participant)
{
  g_autoptr(GError) error = NULL;

  if (!hs_livelihood_add_member (self->database, self->selected_id, participant, &error))
    toast (self, error->message);
  refresh (self);
  /* The next member is usually picked right after. */
  if (self->member_search != NULL)
    gtk_widget_grab_focus (self->member_search);
}

static void
on_result_activated_cb (AdwActionRow      *row,
                        HsLivelihoodsPage *self)
{
  add_member (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hs-id")));
}

static void
on_add_result_clicked_cb (GtkButton         *button,
                          HsLivelihoodsPage *self)
{
  add_member (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-id")));
}

static void
on_member_search_changed_cb (GtkSearchEntry    *entry,
                             HsLivelihoodsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->results_list);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
  if (g_utf8_strlen (text, -1) < 2)
    return;
  found = hs_livelihood_find_graduates (self->database, text, self->selected_id, FALSE,
                                        MAX_RESULTS, &error);
  if (found == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      const HsLivelihoodMember *person = g_ptr_array_index (found, i);
      const char *name = hs_participant_display_name (person->full_name);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = g_strdup_printf (_("Add %s"), name);
      GtkWidget *add = icon_button_new ("list-add-symbolic", label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), person->district ?: "");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "hs-id", GINT_TO_POINTER ((int) person->participant_id));
      g_object_set_data (G_OBJECT (add), "hs-id", GINT_TO_POINTER ((int) person->participant_id));
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_result_clicked_cb), self);
      g_signal_connect (row, "activated", G_CALLBACK (on_result_activated_cb), self);
      gtk_list_box_append (self->results_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), found->len > 0);
}

static void
add_members (HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = hs_livelihood_list_members (self->database, self->selected_id,
                                                             &error);
  GtkWidget *prefs = adw_preferences_group_new ();
  GtkWidget *search = gtk_search_entry_new ();
  g_autofree char *description = NULL;

  if (members == NULL)
    {
      toast (self, error->message);
      return;
    }
  description = g_strdup_printf (ngettext ("%u member. Only graduates can join: find them by "
                                           "name below.",
                                           "%u members. Only graduates can join: find them by "
                                           "name below.", members->len), members->len);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), _("Members"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), description);
  for (guint i = 0; i < members->len; i++)
    {
      const HsLivelihoodMember *member = g_ptr_array_index (members, i);
      const char *name = hs_participant_display_name (member->full_name);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = g_strdup_printf (_("Remove %s from the group"), name);
      GtkWidget *remove = icon_button_new ("list-remove-symbolic", label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), member->district ?: "");
      g_object_set_data (G_OBJECT (remove), "hs-id",
                         GINT_TO_POINTER ((int) member->participant_id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_member_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
    }

  g_object_set (search, "placeholder-text", _("Find a graduate to add…"), NULL);
  set_label (search, _("Find a graduate to add"));
  gtk_widget_set_margin_top (search, 12);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_member_search_changed_cb), self);
  self->member_search = search;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), search);
  self->results_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->results_list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->results_list), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
  set_label (GTK_WIDGET (self->results_list), _("Graduates found"));
  gtk_list_box_set_selection_mode (self->results_list, GTK_SELECTION_NONE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), GTK_WIDGET (self->results_list));
  gtk_box_append (self->detail_box, prefs);
}

/* Capital. */

static void
on_delete_capital_clicked_cb (GtkButton         *button,
                              HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_livelihood_delete_capital (self->database,
                                     GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                         "hs-id")), &error))
    toast (self, error->message);
  refresh (self);
}

static void
show_capital_error (HsLivelihoodsPage *self,
                    const char        *message)
{
  gtk_label_set_text (self->capital_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->capital_error), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->amount_entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
on_add_capital_clicked_cb (GtkButton         *button,
                           HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (self->capital_date_entry))));
  g_autofree char *source = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->source_entry))));
  gint64 amount = parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)), 0);

  /* Said under the line, where the eyes are, and kept until corrected. */
  if (amount <= 0)
    {
      show_capital_error (self, _("Enter the amount of capital in Rwandan francs, more than 0."));
      return;
    }
  if (hs_livelihood_add_capital (self->database, self->selected_id, amount, date,
                                 source, &error) == 0)
    {
      show_capital_error (self, error->message);
      return;
    }
  refresh (self);
}

static GtkWidget *
add_button_new (const char *mnemonic,
                GCallback   callback,
                gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static void
add_capital (HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = hs_livelihood_list_capital (self->database, self->selected_id,
                                                             &error);
  GtkWidget *prefs = adw_preferences_group_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *today = today_iso ();
  g_autofree char *total_text = NULL;
  g_autofree char *description = NULL;
  gint64 total = 0;

  if (entries == NULL)
    {
      toast (self, error->message);
      return;
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), _("Seed capital"));
  for (guint i = 0; i < entries->len; i++)
    {
      const HsCapitalEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *amount = format_rwf (entry->amount_rwf);
      g_autofree char *date = display_date (entry->date);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s", date, entry->source ? " · " : "",
                                                   entry->source ?: "");
      g_autofree char *label = g_strdup_printf (_("Delete the capital entry of %s"), date);
      GtkWidget *remove = icon_button_new ("user-trash-symbolic", label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amount);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (remove), "hs-id", GINT_TO_POINTER ((int) entry->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_capital_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
      total += entry->amount_rwf;
    }
  total_text = format_rwf (total);
  description = g_strdup_printf (_("Disbursed in all: %s"), total_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), description);

  self->amount_entry = GTK_ENTRY (entry_new (_("Amount in RWF"), _("Amount in RWF"), NULL));
  self->capital_date_entry = GTK_ENTRY (entry_new ("YYYY-MM-DD", _("Date disbursed"), today));
  self->source_entry = GTK_ENTRY (entry_new (_("Source"), _("Source of the capital"), NULL));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->amount_entry), 13);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->capital_date_entry), 11);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->source_entry), 8);
  gtk_widget_set_hexpand (GTK_WIDGET (self->source_entry), TRUE);
  gtk_widget_set_margin_top (line, 12);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->amount_entry));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->capital_date_entry));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->source_entry));
  gtk_box_append (GTK_BOX (line), add_button_new (_("Add _Capital"),
                                                  G_CALLBACK (on_add_capital_clicked_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), line);
  self->capital_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->capital_error, TRUE);
  gtk_label_set_xalign (self->capital_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->capital_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->capital_error), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), GTK_WIDGET (self->capital_error));
  gtk_box_append (self->detail_box, prefs);
}

/* Follow-up visits. */

static void
on_delete_visit_clicked_cb (GtkButton         *button,
                            HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_livelihood_delete_visit (self->database,
                                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                       "hs-id")), &error))
    toast (self, error->message);
  refresh (self);
}

static void
on_add_visit_clicked_cb (GtkButton         *button,
                         HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (self->visit_date_entry))));
  g_autofree char *notes = g_strstrip (g_strdup (gtk_editable_get_text (
                                         GTK_EDITABLE (self->visit_notes_entry))));

  if (hs_livelihood_add_visit (self->database, self->selected_id, date,
                               gtk_check_button_get_active (self->visit_active_check),
                               gtk_spin_button_get_value_as_int (self->visit_present_spin),
                               notes, &error) == 0)
    {
      toast (self, error->message);
      return;
    }
  refresh (self);
}

static void
add_visits (HsLivelihoodsPage *self,
            guint              members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = hs_livelihood_list_visits (self->database, self->selected_id,
                                                           &error);
  GtkWidget *prefs = adw_preferences_group_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *present_label = gtk_label_new (_("Members present"));
  g_autofree char *today = today_iso ();

  if (visits == NULL)
    {
      toast (self, error->message);
      return;
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), _("Follow-up visits"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs),
                                         _("Whether the group still works together, visit "
                                           "after visit; the report counts groups active "
                                           "after 6 and 12 months from these."));
  for (guint i = 0; i < visits->len; i++)
    {
      const HsFollowUpVisit *visit = g_ptr_array_index (visits, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = display_date (visit->date);
      g_autofree char *title = g_strdup_printf ("%s · %s", date,
                                                visit->active ? _("still active")
                                                              : _("no longer active"));
      g_autofree char *present = visit->members_present >= 0
                                 ? g_strdup_printf (ngettext ("%d member present",
                                                              "%d members present",
                                                              visit->members_present),
                                                    visit->members_present)
                                 : g_strdup ("");
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s", present,
                                                   *present && visit->notes ? " · " : "",
                                                   visit->notes ?: "");
      g_autofree char *label = g_strdup_printf (_("Delete the visit of %s"), date);
      GtkWidget *remove = icon_button_new ("user-trash-symbolic", label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (remove), "hs-id", GINT_TO_POINTER ((int) visit->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_visit_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
    }

  self->visit_date_entry = GTK_ENTRY (entry_new ("YYYY-MM-DD", _("Visit date"), today));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->visit_date_entry), 11);
  self->visit_active_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
                                                 _("Still _active")));
  gtk_check_button_set_active (self->visit_active_check, TRUE);
  self->visit_present_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 500, 1));
  gtk_spin_button_set_value (self->visit_present_spin, members);
  set_label (GTK_WIDGET (self->visit_present_spin), _("Members present"));
  self->visit_notes_entry = GTK_ENTRY (entry_new (_("Notes of the visit"), _("Notes of the visit"),
                                                  NULL));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->visit_notes_entry), 10);
  gtk_widget_set_hexpand (GTK_WIDGET (self->visit_notes_entry), TRUE);
  gtk_widget_set_margin_top (line, 12);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->visit_date_entry));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->visit_active_check));
  gtk_widget_set_hexpand (present_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (present_label), 1.0);
  gtk_box_append (GTK_BOX (line), present_label);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->visit_present_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), line);
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (line, 6);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->visit_notes_entry));
  gtk_box_append (GTK_BOX (line), add_button_new (_("Add _Visit"),
                                                  G_CALLBACK (on_add_visit_clicked_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), line);
  gtk_box_append (self->detail_box, prefs);
}

static void
show_detail (HsLivelihoodsPage *self)
{
  g_autoptr(HsLivelihoodGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;

  clear_box (self->detail_box);
  self->name_row = NULL;
  self->member_search = NULL;
  self->results_list = NULL;
  if (self->selected_id == 0 && !self->creating)
    {
      GtkWidget *status = adw_status_page_new ();

      gtk_widget_add_css_class (status, "compact");
      /* Without it the page gets its scrolled minimum height: the longer
       * Kinyarwanda description was cut after two lines. */
      gtk_widget_set_vexpand (status, TRUE);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Livelihood Group Chosen"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Choose a group in the list to see its members, "
                                         "capital and follow-up visits, or start a new one "
                                         "with graduates."));
      gtk_box_append (self->detail_box, status);
      return;
    }
  group = self->selected_id != 0
          ? hs_livelihood_group_load (self->database, self->selected_id, &error)
          : hs_livelihood_group_new ();
  if (group == NULL)
    {
      toast (self, error->message);
      self->selected_id = 0;
      show_detail (self);
      return;
    }
  add_fields (self, group);
  if (group->id == 0)
    return;
  add_members (self);
  add_capital (self);
  members = hs_livelihood_list_members (self->database, group->id, NULL);
  add_visits (self, members != NULL ? members->len : 0);
}

/* Vocational training. */

static void on_edit_tvet_clicked_cb (GtkButton         *button,
                                     HsLivelihoodsPage *self);

static gboolean
fill_tvet (HsLivelihoodsPage  *self,
           GError            **error)
{
  g_autoptr(GPtrArray) records = hs_tvet_list (self->database, error);
  g_autofree char *summary = NULL;
  guint completed = 0, released = 0;

  if (records == NULL)
    return FALSE;
  clear_list (self->tvet_list);
  for (guint i = 0; i < records->len; i++)
    {
      const HsTvet *tvet = g_ptr_array_index (records, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *start = display_date (tvet->start_date);
      g_autofree char *end = display_date (tvet->end_date);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s – %s", tvet->trade,
                                                   tvet->centre ?: "–", start, end);
      g_autofree char *release = NULL;
      g_autofree char *state = NULL;
      GtkWidget *label;

      if (tvet->release_date != NULL)
        {
          g_autofree char *day = display_date (tvet->release_date);

          release = tvet->reintegration == NULL
                    ? g_strdup_printf (_("released %s"), day)
                    : g_str_equal (tvet->reintegration, "family")
                    ? g_strdup_printf (_("released %s, back with family"), day)
                    : g_strdup_printf (_("released %s, back in the community"), day);
          released++;
        }
      else
        {
          g_autofree char *day = display_date (tvet->expected_release);

          release = tvet->expected_release != NULL
                    ? g_strdup_printf (_("release expected %s"), day) : g_strdup ("");
        }
      state = g_strdup_printf ("%s\n%s", tvet_status_label (tvet->status), release);
      label = gtk_label_new (state);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hs_participant_display_name (tvet->full_name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      {
        const char *name = hs_participant_display_name (tvet->full_name);
        g_autofree char *edit_label = g_strdup_printf (_("Edit the training of %s"), name);
        GtkWidget *edit = icon_button_new ("document-edit-symbolic", edit_label);

        g_object_set_data (G_OBJECT (edit), "hs-id", GINT_TO_POINTER ((int) tvet->id));
        g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_tvet_clicked_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      }
      gtk_list_box_append (self->tvet_list, row);
      completed += g_strcmp0 (tvet->status, "completed") == 0;
    }
  /* Translators: "29 prison graduates in vocational training: 25 completed it, 18 released." */
  summary = g_strdup_printf (ngettext ("%u prison graduate in vocational training: %u completed "
                                       "it, %u released.",
                                       "%u prison graduates in vocational training: %u "
                                       "completed it, %u released.", records->len),
                             records->len, completed, released);
  gtk_label_set_text (self->tvet_summary, summary);
  return TRUE;
}

/* The TVET form. */

static void show_tvet_form (HsLivelihoodsPage *self);

static const char * const tvet_statuses[] = { "enrolled", "completed", "dropped", NULL };
static const char * const back_with[] = { NULL, "family", "community" };

static void
on_trainee_chosen_cb (GtkButton         *button,
                      HsLivelihoodsPage *self)
{
  self->tvet->participant_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-id"));
  g_free (self->tvet->full_name);
  self->tvet->full_name = g_strdup (g_object_get_data (G_OBJECT (button), "hs-name"));
  show_tvet_form (self);
}

static void
on_trainee_search_changed_cb (GtkSearchEntry    *entry,
                              HsLivelihoodsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->trainee_results);
  gtk_widget_set_visible (GTK_WIDGET (self->trainee_results), FALSE);
  if (g_utf8_strlen (text, -1) < 2)
    return;
  if ((found = hs_livelihood_find_graduates (self->database, text, 0, TRUE, MAX_RESULTS,
                                             &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      const HsLivelihoodMember *person = g_ptr_array_index (found, i);
      const char *name = hs_participant_display_name (person->full_name);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = g_strdup_printf (_("Choose %s"), name);
      GtkWidget *choose = icon_button_new ("object-select-symbolic", label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), person->district ?: "");
      g_object_set_data (G_OBJECT (choose), "hs-id",
                         GINT_TO_POINTER ((int) person->participant_id));
      g_object_set_data_full (G_OBJECT (choose), "hs-name", g_strdup (name),
                              g_free);
      g_signal_connect (choose, "clicked", G_CALLBACK (on_trainee_chosen_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
      gtk_list_box_append (self->trainee_results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trainee_results), found->len > 0);
}

static void
set_field (char        **field,
           AdwEntryRow  *row)
{
  g_free (*field);
  *field = row_text (row);
}

static void
on_save_tvet_clicked_cb (GtkButton         *button,
                         HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  HsTvet *tvet = self->tvet;
  char **fields[] = { &tvet->trade, &tvet->centre, &tvet->start_date, &tvet->end_date,
                      &tvet->expected_release, &tvet->release_date, &tvet->reintegration_date,
                      &tvet->notes };

  if (tvet->participant_id == 0)
    {
      toast (self, _("Choose the prison graduate in training first: find them by name."));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_field (fields[i], self->tvet_rows[i]);
  g_free (tvet->status);
  tvet->status = g_strdup (tvet_statuses[MIN (adw_combo_row_get_selected (self->tvet_status_row),
                                               2)]);
  g_free (tvet->reintegration);
  tvet->reintegration = g_strdup (back_with[MIN (adw_combo_row_get_selected (self->tvet_back_row),
                                                 2)]);
  if (!hs_tvet_save (tvet, self->database, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Vocational training saved"));
  refresh (self);
}

static void
on_new_tvet_clicked_cb (GtkButton         *button,
                        HsLivelihoodsPage *self)
{
  hs_tvet_free (self->tvet);
  self->tvet = hs_tvet_new ();
  show_tvet_form (self);
}

static void
on_delete_tvet_clicked_cb (GtkButton         *button,
                           HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_tvet_delete (self->database, self->tvet->id, &error))
    toast (self, error->message);
  on_new_tvet_clicked_cb (NULL, self);
  refresh (self);
}

static void
on_edit_tvet_clicked_cb (GtkButton         *button,
                         HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;
  HsTvet *tvet = hs_tvet_load (self->database,
                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-id")),
                               &error);

  if (tvet == NULL)
    {
      toast (self, error->message);
      return;
    }
  hs_tvet_free (self->tvet);
  self->tvet = tvet;
  show_tvet_form (self);
}

static AdwComboRow *
combo_row_new (AdwPreferencesGroup *group,
               const char          *title,
               const char * const  *labels,
               guint                selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static void
show_tvet_form (HsLivelihoodsPage *self)
{
  HsTvet *tvet = self->tvet;
  GtkWidget *prefs = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _Training"));
  const char * const statuses_shown[] = {
    C_("training", "In training"), C_("training", "Completed"), C_("training", "Dropped out"),
    NULL,
  };
  const char * const back_shown[] = {
    "–", _("With their family"), _("In the community"), NULL,
  };
  const struct { const char *title; const char *value; } texts[] = {
    { _("Trade (masonry, tailoring, carpentry…)"), tvet->trade },
    { _("Training centre"), tvet->centre },
    { _("Training from"), tvet->start_date },
    { _("Training until"), tvet->end_date },
    { _("Release expected on"), tvet->expected_release },
    { _("Released on"), tvet->release_date },
    { _("Back home since"), tvet->reintegration_date },
    { _("Notes"), tvet->notes },
  };
  g_autofree char *title = tvet->full_name != NULL
                           ? g_strdup_printf (_("Vocational training of %s"),
                                             hs_participant_display_name (tvet->full_name))
                           : g_strdup (_("Training"));

  clear_box (self->tvet_form_box);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs),
                                         _("For graduates of prison groups. Dates are written "
                                           "YYYY-MM-DD."));
  if (tvet->id == 0)
    {
      GtkWidget *trainee = adw_preferences_group_new ();
      GtkWidget *search = gtk_search_entry_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (trainee),
                                       _("Record vocational training"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (trainee),
                                             tvet->full_name != NULL
                                             ? _("Or find another prison graduate:")
                                             : _("Find the prison graduate in training:"));
      g_object_set (search, "placeholder-text", _("Find a prison graduate…"), NULL);
      set_label (search, _("Find a prison graduate"));
      g_signal_connect (search, "search-changed", G_CALLBACK (on_trainee_search_changed_cb),
                        self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (trainee), search);
      self->trainee_results = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->trainee_results, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (self->trainee_results), "boxed-list");
      gtk_widget_set_margin_top (GTK_WIDGET (self->trainee_results), 6);
      gtk_widget_set_visible (GTK_WIDGET (self->trainee_results), FALSE);
      set_label (GTK_WIDGET (self->trainee_results), _("Prison graduates found"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (trainee),
                                 GTK_WIDGET (self->trainee_results));
      gtk_widget_set_margin_bottom (trainee, 18);
      gtk_box_append (self->tvet_form_box, trainee);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      self->tvet_rows[i] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), texts[i].title,
                                          texts[i].value);
      if (i == 3)
        self->tvet_status_row = combo_row_new (ADW_PREFERENCES_GROUP (prefs), _("Status"),
                                               statuses_shown,
                                               g_strcmp0 (tvet->status, "completed") == 0 ? 1
                                               : g_strcmp0 (tvet->status, "dropped") == 0 ? 2
                                               : 0);
      if (i == 5)
        self->tvet_back_row = combo_row_new (ADW_PREFERENCES_GROUP (prefs), _("Back with"),
                                             back_shown,
                                             g_strcmp0 (tvet->reintegration, "family") == 0 ? 1
                                             : g_strcmp0 (tvet->reintegration, "community") == 0
                                             ? 2 : 0);
    }

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  if (tvet->id != 0)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Record"));

      gtk_widget_add_css_class (delete, "destructive-action");
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_tvet_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), delete);
    }
  if (tvet->id != 0 || tvet->participant_id != 0)
    gtk_box_append (GTK_BOX (buttons),
                    add_button_new (_("_New Record"), G_CALLBACK (on_new_tvet_clicked_cb), self));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_tvet_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), buttons);
  gtk_box_append (self->tvet_form_box, prefs);
}

/* Targets. */

static void
on_save_target_clicked_cb (GtkButton         *button,
                           HsLivelihoodsPage *self)
{
  AdwEntryRow **rows = g_object_get_data (G_OBJECT (button), "hs-rows");
  GtkSwitch *past = g_object_get_data (G_OBJECT (button), "hs-past");
  AdwComboRow *metric = g_object_get_data (G_OBJECT (button), "hs-metric-row");
  g_autoptr(HsTarget) target = hs_target_new ();
  g_autoptr(GError) error = NULL;

  target->id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-id"));
  g_free (target->metric);
  target->metric = g_strdup (adw_combo_row_get_selected (metric) == 1 ? "graduates" : "people");
  target->district_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-district"));
  target->name = row_text (rows[0]);
  target->value = parse_count (rows[1], 0);
  target->female = parse_count (rows[2], -1);
  target->male = parse_count (rows[3], -1);
  target->start_date = row_text (rows[4]);
  target->end_date = row_text (rows[5]);
  target->past = gtk_switch_get_active (past);
  if (target->value < 0 || target->female < -1 || target->male < -1)
    {
      toast (self, _("A target counts people: enter whole numbers, 0 or more."));
      return;
    }
  if (!hs_target_save (target, self->database, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Target saved"));
  refresh (self);
}

static void
on_delete_target_clicked_cb (GtkButton         *button,
                             HsLivelihoodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_target_delete (self->database,
                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hs-id")),
                         &error))
    toast (self, error->message);
  refresh (self);
}

static char *
count_text (gint64 value)
{
  return value >= 0 ? hs_format_count ((guint64) value) : g_strdup ("");
}

static void
add_target (HsLivelihoodsPage *self,
            const HsTarget    *target)
{
  GtkWidget *prefs = adw_preferences_group_new ();
  AdwEntryRow **rows = g_new0 (AdwEntryRow *, 6);
  GtkWidget *past_row = adw_action_row_new ();
  GtkWidget *past = gtk_switch_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Target"));
  g_autofree char *value = count_text (target->value);
  g_autofree char *female = count_text (target->female);
  g_autofree char *male = count_text (target->male);
  const char * const metrics[] = {
    _("People reached"), _("Graduates"), NULL,
  };
  AdwComboRow *metric;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs),
                                   target->id != 0 ? target->name : _("New target"));
  if (target->id != 0 && !target->past && g_str_equal (target->metric, "graduates"))
    {
      g_autofree char *so_far = hs_format_count (self->graduates);
      g_autofree char *goal = hs_format_count ((guint64) target->value);
      g_autofree char *progress = g_strdup_printf (_("%s graduates so far of %s (%u%%)"),
                                                   so_far, goal,
                                                   target->value > 0
                                                   ? (guint) (self->graduates * 100
                                                              / target->value) : 0);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), progress);
    }
  else if (target->past)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs),
                                           _("The figures a past programme reached, kept "
                                             "for comparison."));
  rows[0] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Name"), target->name);
  metric = combo_row_new (ADW_PREFERENCES_GROUP (prefs), _("Counts"), metrics,
                          g_str_equal (target->metric, "graduates") ? 1 : 0);
  rows[1] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Number of people"), value);
  rows[2] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Of whom female"), female);
  rows[3] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("Of whom male"), male);
  rows[4] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("From (YYYY-MM-DD)"),
                           target->start_date);
  rows[5] = entry_row_new (ADW_PREFERENCES_GROUP (prefs), _("To (YYYY-MM-DD)"),
                           target->end_date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (past_row),
                                 _("Figures a past programme reached"));
  gtk_switch_set_active (GTK_SWITCH (past), target->past);
  gtk_widget_set_valign (past, GTK_ALIGN_CENTER);
  set_label (past, _("Figures a past programme reached"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (past_row), past);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (past_row), past);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), past_row);

  g_object_set_data_full (G_OBJECT (save), "hs-rows", rows, g_free);
  g_object_set_data (G_OBJECT (save), "hs-past", past);
  g_object_set_data (G_OBJECT (save), "hs-id", GINT_TO_POINTER ((int) target->id));
  g_object_set_data (G_OBJECT (save), "hs-metric-row", metric);
  g_object_set_data (G_OBJECT (save), "hs-district", GINT_TO_POINTER ((int) target->district_id));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_target_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  if (target->id != 0)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("D_elete Target"));

      g_object_set_data (G_OBJECT (delete), "hs-id", GINT_TO_POINTER ((int) target->id));
      gtk_widget_add_css_class (delete, "destructive-action");
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_target_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), delete);
    }
  gtk_box_append (GTK_BOX (buttons), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), buttons);
  gtk_box_append (self->targets_box, prefs);
}

static gboolean
fill_targets (HsLivelihoodsPage  *self,
              GError            **error)
{
  g_autoptr(GPtrArray) targets = hs_target_list (self->database, error);
  g_autoptr(HsTarget) blank = hs_target_new ();
  GtkWidget *intro;

  if (targets == NULL)
    return FALSE;
  clear_box (self->targets_box);
  intro = gtk_label_new (_("The programme's targets, and the figures of past programmes to "
                           "compare with. The follow-up report lists them all."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (self->targets_box, intro);
  for (guint i = 0; i < targets->len; i++)
    add_target (self, g_ptr_array_index (targets, i));
  add_target (self, blank);
  return TRUE;
}

static gboolean
reload (HsLivelihoodsPage  *self,
        GError            **error)
{
  g_autoptr(HsLivelihoodReport) report = NULL;

  if (self->districts == NULL)
    self->districts = hs_participant_get_district_names (self->database);
  if ((report = hs_livelihood_report_new (self->database, NULL, error)) == NULL)
    return FALSE;
  self->graduates = report->total.graduates;
  if (!fill_groups (self, error) || !fill_tvet (self, error) || !fill_targets (self, error))
    return FALSE;
  show_tvet_form (self);
  show_detail (self);
  return TRUE;
}

static gboolean
on_new_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   data)
{
  on_new_button_clicked_cb (NULL, HS_LIVELIHOODS_PAGE (widget));
  return TRUE;
}

static void
hs_livelihoods_page_dispose (GObject *object)
{
  HsLivelihoodsPage *self = HS_LIVELIHOODS_PAGE (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_LIVELIHOODS_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->districts, g_strfreev);
  g_clear_pointer (&self->tvet, hs_tvet_free);

  G_OBJECT_CLASS (hs_livelihoods_page_parent_class)->dispose (object);
}

static void
hs_livelihoods_page_class_init (HsLivelihoodsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_livelihoods_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-livelihoods-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, groups_summary);
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, tvet_form_box);
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, tvet_summary);
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, tvet_list);
  gtk_widget_class_bind_template_child (widget_class, HsLivelihoodsPage, targets_box);
  gtk_widget_class_bind_template_callback (widget_class, on_new_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_groups_list_row_selected_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, on_new_shortcut_cb,
                                NULL);
}

static void
hs_livelihoods_page_init (HsLivelihoodsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tvet = hs_tvet_new ();
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  HsLivelihoodsPage *self = HS_LIVELIHOODS_PAGE (page);

  if (g_set_object (&self->database, database))
    {
      self->selected_id = 0;
      self->creating = FALSE;
      g_clear_pointer (&self->districts, g_strfreev);
      hs_tvet_free (self->tvet);
      self->tvet = hs_tvet_new ();
    }
}

static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  HsLivelihoodsPage *self = HS_LIVELIHOODS_PAGE (page);

  g_return_val_if_fail (HS_IS_DATABASE (self->database), FALSE);
  return reload (self, error);
}

static void
hs_livelihoods_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}
