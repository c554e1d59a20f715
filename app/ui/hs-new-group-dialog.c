/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-new-group-dialog"

#include <glib/gi18n.h>

#include "hs-group-plan.h"
#include "hs-group.h"
#include "hs-new-group-dialog.h"

/* The form is built in code: its lists of people depend on the choices. */
struct _HsNewGroupDialog
{
  AdwWindow    parent_instance;

  HsDatabase  *database;
  GPtrArray   *districts;
  GPtrArray   *facilities;
  GPtrArray   *facilitators;
  GPtrArray   *candidates;

  GtkEntry    *name;
  GtkDropDown *approach;
  GtkDropDown *setting;
  GtkDropDown *age_band;
  GtkDropDown *district;
  GtkDropDown *facility;
  GtkWidget   *district_row;
  GtkWidget   *facility_row;
  GtkEntry    *sector;
  GtkEntry    *venue;
  GtkDropDown *weekday;
  GtkEntry    *time;
  GtkEntry    *start_date;
  GtkSpinButton *sessions;
  GtkListBox  *facilitator_list;
  GtkListBox  *member_list;
  GtkLabel    *count_label;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (HsNewGroupDialog, hs_new_group_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const approaches[] = { "sociotherapy", "multifamily", "resilience" };
static const char * const settings[] = { "community", "prison" };
static const char * const age_bands[] = { "adult", "youth" };

static GtkDropDown *
drop_down (const char * const *labels)
{
  return GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
}

static GtkDropDown *
picks_drop_down (GPtrArray *picks)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < picks->len; i++)
    gtk_string_list_append (names, ((HsPick *) g_ptr_array_index (picks, i))->name);
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
}

static GtkWidget *
add_row (GtkWidget  *list,
         const char *title,
         GtkWidget  *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkEntry *
entry (const char *text,
       const char *placeholder)
{
  GtkWidget *widget = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (widget), placeholder);
  return GTK_ENTRY (widget);
}

static GtkListBox *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return GTK_LIST_BOX (list);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GArray *
checked_ids (GtkListBox *list,
             GPtrArray  *picks,
             guint      *n_female)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i = 0;

  if (n_female != NULL)
    *n_female = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      HsPick *pick = i < picks->len ? g_ptr_array_index (picks, i) : NULL;

      if (check == NULL || pick == NULL || !gtk_check_button_get_active (check))
        continue;
      g_array_append_val (ids, pick->id);
      if (n_female != NULL && g_strcmp0 (pick->sex, "F") == 0)
        (*n_female)++;
    }
  return ids;
}

static void
update_counts (HsNewGroupDialog *self)
{
  guint female = 0;
  g_autoptr(GArray) members = checked_ids (self->member_list, self->candidates, &female);
  g_autoptr(GArray) facilitators = checked_ids (self->facilitator_list, self->facilitators, NULL);
  g_autofree char *warning = hs_group_plan_check_sizes (facilitators->len, members->len);
  g_autofree char *text = NULL;

  /* Translators: "12 members chosen (7 F, 5 M) of 20 who can join". */
  text = g_strdup_printf (_("%u chosen (%u F, %u M) of %u who can join"), members->len,
                          female, members->len - female, self->candidates->len);
  gtk_label_set_text (self->count_label, text);
  gtk_label_set_text (self->error_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), warning != NULL);
}

static void
on_check_toggled_cb (GtkCheckButton   *check,
                     HsNewGroupDialog *self)
{
  update_counts (self);
}

static void
fill_checks (HsNewGroupDialog *self,
             GtkListBox       *list,
             GPtrArray        *picks)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < picks->len; i++)
    {
      HsPick *pick = g_ptr_array_index (picks, i);
      g_autofree char *label = pick->sex != NULL ? g_strdup_printf ("%s (%s)", pick->name,
                                                                    pick->sex)
                                                 : g_strdup (pick->name);
      GtkWidget *check = gtk_check_button_new_with_label (label);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_set_margin_start (check, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "local", GINT_TO_POINTER (pick->local));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      gtk_list_box_append (list, row);
    }
}

/* Facilitators who work where the group meets come first; a heading shows
 * where the others begin. */
static void
update_facilitator_header_cb (GtkListBoxRow *row,
                              GtkListBoxRow *before,
                              gpointer       user_data)
{
  gboolean first_other = before != NULL && g_object_get_data (G_OBJECT (before), "local") != NULL
                         && g_object_get_data (G_OBJECT (row), "local") == NULL;
  GtkWidget *label;

  if (!first_other)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;
  label = gtk_label_new (_("Other facilitators"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static const char *
chosen (GtkDropDown        *drop,
        const char * const *values,
        guint               n_values)
{
  guint i = gtk_drop_down_get_selected (drop);

  return i < n_values ? values[i] : values[0];
}

static gint64
chosen_pick (GtkDropDown *drop,
             GPtrArray   *picks)
{
  guint i = gtk_drop_down_get_selected (drop);

  return i < picks->len ? ((HsPick *) g_ptr_array_index (picks, i))->id : 0;
}

/* Reorders the facilitators for the chosen place, keeping who is ticked. */
static void
reload_facilitators (HsNewGroupDialog *self,
                     const char       *setting)
{
  g_autoptr(GArray) ticked = checked_ids (self->facilitator_list, self->facilitators, NULL);
  GPtrArray *facilitators = hs_group_plan_facilitators (self->database, setting,
                                                        chosen_pick (self->district,
                                                                     self->districts),
                                                        chosen_pick (self->facility,
                                                                     self->facilities));
  GtkWidget *row;
  guint i = 0;

  if (facilitators == NULL)
    return;
  g_clear_pointer (&self->facilitators, g_ptr_array_unref);
  self->facilitators = facilitators;
  fill_checks (self, self->facilitator_list, self->facilitators);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->facilitator_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      HsPick *pick = g_ptr_array_index (self->facilitators, i);

      for (guint k = 0; k < ticked->len; k++)
        if (g_array_index (ticked, gint64, k) == pick->id)
          gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
    }
}

static void
reload_candidates (HsNewGroupDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *setting = chosen (self->setting, settings, G_N_ELEMENTS (settings));
  gboolean prison = g_str_equal (setting, "prison");

  gtk_widget_set_visible (self->district_row, !prison);
  gtk_widget_set_visible (self->facility_row, prison);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = hs_group_plan_candidates (self->database, setting,
                                               chosen_pick (self->district, self->districts),
                                               chosen_pick (self->facility, self->facilities),
                                               chosen (self->age_band, age_bands,
                                                       G_N_ELEMENTS (age_bands)),
                                               &error);
  if (self->candidates == NULL)
    {
      self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_pick_free);
      gtk_label_set_text (self->error_label, error->message);
    }
  fill_checks (self, self->member_list, self->candidates);
  reload_facilitators (self, setting);
  update_counts (self);
}

static void
on_choice_changed_cb (GObject          *object,
                      GParamSpec       *pspec,
                      HsNewGroupDialog *self)
{
  reload_candidates (self);
}

static const char *
text_or_null (GtkEntry *widget)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (widget));

  return *text != '\0' ? text : NULL;
}

static void
on_create_clicked_cb (GtkButton        *button,
                      HsNewGroupDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) members = checked_ids (self->member_list, self->candidates, NULL);
  g_autoptr(GArray) facilitators = checked_ids (self->facilitator_list, self->facilitators, NULL);
  const char *setting = chosen (self->setting, settings, G_N_ELEMENTS (settings));
  gboolean prison = g_str_equal (setting, "prison");
  g_autoptr(HsGroup) group = NULL;
  gint64 district = chosen_pick (self->district, self->districts);
  gint64 facility = prison ? chosen_pick (self->facility, self->facilities) : 0;
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (
                                         GTK_EDITABLE (self->sessions))));
  gint64 sessions = 0;

  /* The spin button keeps its last value when the text is not a number, or
   * silently clamps it: read what was typed, and let the rules answer. */
  if (!g_ascii_string_to_signed (typed, 10, G_MININT, G_MAXINT, &sessions, NULL))
    {
      gtk_label_set_text (self->error_label,
                          _("Write the number of sessions in digits, from 1 to 100."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  /* A prison group belongs to its facility's district. */
  for (guint i = 0; prison && i < self->facilities->len; i++)
    if (((HsPick *) g_ptr_array_index (self->facilities, i))->id == facility)
      district = ((HsPick *) g_ptr_array_index (self->facilities, i))->district_id;
  group = g_object_new (HS_TYPE_GROUP,
                        "name", text_or_null (self->name),
                        "approach", chosen (self->approach, approaches, G_N_ELEMENTS (approaches)),
                        "setting", setting,
                        "age-band", chosen (self->age_band, age_bands, G_N_ELEMENTS (age_bands)),
                        "district-id", district,
                        "facility-id", facility,
                        "sector", text_or_null (self->sector),
                        "venue", text_or_null (self->venue),
                        "weekday", (int) gtk_drop_down_get_selected (self->weekday) + 1,
                        "start-time", text_or_null (self->time),
                        "start-date", text_or_null (self->start_date),
                        "planned-sessions", (int) sessions,
                        NULL);
  if (!hs_group_plan_create (self->database, group, facilitators, members, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, hs_group_get_id (group));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (GtkButton        *button,
                      HsNewGroupDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
build_form (HsNewGroupDialog *self)
{
  const char * const approach_labels[] = { C_("approach", "Sociotherapy"),
                                           C_("approach", "Multifamily"),
                                           C_("approach", "Resilience"), NULL };
  const char * const setting_labels[] = { C_("setting", "Community"), C_("setting", "Prison"),
                                          NULL };
  const char * const age_labels[] = { C_("age band", "Adult"), C_("age band", "Youth"), NULL };
  const char * const weekday_labels[] = { _("Monday"), _("Tuesday"), _("Wednesday"),
                                          _("Thursday"), _("Friday"), _("Saturday"),
                                          _("Sunday"), NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *what = GTK_WIDGET (boxed_list ());
  GtkWidget *when = GTK_WIDGET (boxed_list ());

  self->name = entry (NULL, _("for example Musanze adults 7"));
  self->approach = drop_down (approach_labels);
  self->setting = drop_down (setting_labels);
  self->age_band = drop_down (age_labels);
  self->district = picks_drop_down (self->districts);
  self->facility = picks_drop_down (self->facilities);
  self->sector = entry (NULL, NULL);
  self->venue = entry (NULL, _("where the group meets"));
  self->weekday = drop_down (weekday_labels);
  self->time = entry ("09:00", "HH:MM");
  self->start_date = entry (today, "YYYY-MM-DD");
  self->sessions = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 100, 1));
  gtk_spin_button_set_value (self->sessions, 15);

  gtk_box_append (GTK_BOX (box), heading (_("The group")));
  add_row (what, _("Name"), GTK_WIDGET (self->name));
  add_row (what, _("Approach"), GTK_WIDGET (self->approach));
  add_row (what, _("Setting"), GTK_WIDGET (self->setting));
  add_row (what, _("Age band"), GTK_WIDGET (self->age_band));
  self->district_row = add_row (what, _("District"), GTK_WIDGET (self->district));
  self->facility_row = add_row (what, _("Facility"), GTK_WIDGET (self->facility));
  add_row (what, _("Sector"), GTK_WIDGET (self->sector));
  add_row (what, _("Venue"), GTK_WIDGET (self->venue));
  gtk_box_append (GTK_BOX (box), what);

  gtk_box_append (GTK_BOX (box), heading (_("When")));
  add_row (when, _("Weekday"), GTK_WIDGET (self->weekday));
  add_row (when, _("Time"), GTK_WIDGET (self->time));
  add_row (when, _("Start date"), GTK_WIDGET (self->start_date));
  add_row (when, _("Sessions"), GTK_WIDGET (self->sessions));
  gtk_box_append (GTK_BOX (box), when);

  gtk_box_append (GTK_BOX (box), heading (_("Facilitators (two)")));
  self->facilitator_list = boxed_list ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->facilitator_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Facilitators"), -1);
  gtk_list_box_set_header_func (self->facilitator_list, update_facilitator_header_cb, NULL, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->facilitator_list));

  gtk_box_append (GTK_BOX (box), heading (_("Members")));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  self->member_list = boxed_list ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->member_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Members"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->member_list));

  g_signal_connect (self->setting, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->age_band, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->district, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->facility, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  return box;
}

static void
build (HsNewGroupDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *create = gtk_button_new_with_mnemonic (_("C_reate"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create);
  gtk_widget_add_css_class (create, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect (create, "clicked", G_CALLBACK (on_create_clicked_cb), self);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "warning");
  gtk_box_append (GTK_BOX (content), build_form (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), scrolled);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

static void
hs_new_group_dialog_dispose (GObject *object)
{
  HsNewGroupDialog *self = HS_NEW_GROUP_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->facilities, g_ptr_array_unref);
  g_clear_pointer (&self->facilitators, g_ptr_array_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_new_group_dialog_parent_class)->dispose (object);
}

static void
hs_new_group_dialog_class_init (HsNewGroupDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hs_new_group_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
hs_new_group_dialog_init (HsNewGroupDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("New Group"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

HsNewGroupDialog *
hs_new_group_dialog_new (GtkWindow  *parent,
                         HsDatabase *database)
{
  HsNewGroupDialog *self = g_object_new (HS_TYPE_NEW_GROUP_DIALOG, "transient-for", parent,
                                         NULL);

  self->database = g_object_ref (database);
  self->districts = hs_group_plan_districts (database);
  self->facilities = hs_group_plan_facilities (database);
  self->facilitators = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_pick_free);
  build (self);
  reload_candidates (self);
  return self;
}
