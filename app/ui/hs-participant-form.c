/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant-form"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-participant-form.h"
#include "hs-i18n.h"
#include "hs-participant-list.h"
#include "hs-participant.h"
#include "hs-person-sheet.h"
#include "hs-report-i18n.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_YEAR,
  FIELD_CHOICE,
  FIELD_DISTRICT,
  FIELD_FACILITY,
  FIELD_SECTOR,
  FIELD_SWITCH,
} FieldKind;

typedef enum
{
  SECTION_IDENTITY,
  SECTION_LOCATION,
  SECTION_PRISON,
  SECTION_SCREENING,
  SECTION_CONSENT,
  SECTION_NOTES,
  N_SECTIONS
} Section;

static const char *section_titles[N_SECTIONS] = {
  N_("Identity"), N_("Location"), N_("Prison"), N_("Screening"), N_("Consent"), N_("Notes"),
};

static const char * const sex_values[] = { "F", "M", NULL };
/* One person's sex: "Gore"/"Gabo" in Kinyarwanda, not the plural counts. */
static const char * const sex_labels[] = { NC_("sex", "Female"), NC_("sex", "Male"), NULL };
static const char * const category_values[] = {
  "survivor", "perpetrator", "descendant", "convict", "ex_combatant", "returnee", "other", NULL
};
static const char * const category_labels[] = {
  N_("Genocide survivor"), N_("Genocide perpetrator"), N_("Descendant"), N_("Convict"),
  N_("Ex-combatant"), N_("Returnee"), N_("Other"), NULL
};
static const char * const trauma_values[] = { "none", "mild", "moderate", "severe", NULL };
static const char * const trauma_labels[] = {
  N_("None"), N_("Mild"), N_("Moderate"), N_("Severe"), NULL
};

typedef struct
{
  const char         *property;
  const char         *label;
  FieldKind           kind;
  Section             section;
  const char * const *values;
  const char * const *labels;
  /* The first entry of a choice that may stay empty. */
  const char         *blank;
} FieldSpec;

static const FieldSpec field_specs[] = {
  { "full-name", N_("Full name"), FIELD_TEXT, SECTION_IDENTITY },
  { "sex", N_("Sex"), FIELD_CHOICE, SECTION_IDENTITY, sex_values, sex_labels, N_("Not chosen") },
  { "birth-year", N_("Birth year"), FIELD_YEAR, SECTION_IDENTITY },
  { "phone", N_("Phone (07XXXXXXXX)"), FIELD_TEXT, SECTION_IDENTITY },
  { "national-id", N_("National ID (16 digits)"), FIELD_TEXT, SECTION_IDENTITY },
  { "category", N_("Category"), FIELD_CHOICE, SECTION_IDENTITY, category_values,
    category_labels },
  { "district-id", N_("District"), FIELD_DISTRICT, SECTION_LOCATION },
  { "sector", N_("Sector"), FIELD_SECTOR, SECTION_LOCATION },
  { "cell", N_("Cell"), FIELD_TEXT, SECTION_LOCATION },
  { "village", N_("Village"), FIELD_TEXT, SECTION_LOCATION },
  { "is-prisoner", N_("In prison"), FIELD_SWITCH, SECTION_LOCATION },
  { "facility-id", N_("Correctional facility"), FIELD_FACILITY, SECTION_PRISON },
  { "inmate-number", N_("Inmate number"), FIELD_TEXT, SECTION_PRISON },
  { "expected-release", N_("Expected release (YYYY-MM-DD)"), FIELD_TEXT, SECTION_PRISON },
  { "screening-date", N_("Screening date (YYYY-MM-DD)"), FIELD_TEXT, SECTION_SCREENING },
  { "trauma-level", N_("Trauma level"), FIELD_CHOICE, SECTION_SCREENING, trauma_values,
    trauma_labels, N_("Not recorded") },
  { "screening-needs", N_("Needs"), FIELD_TEXT, SECTION_SCREENING },
  { "screener", N_("Screened by"), FIELD_TEXT, SECTION_SCREENING },
  { "consent-date", N_("Consent date (YYYY-MM-DD)"), FIELD_TEXT, SECTION_CONSENT },
  { "consent-given-by", N_("Consent given by"), FIELD_TEXT, SECTION_CONSENT },
  { "consent-withdrawn", N_("Consent withdrawn on (YYYY-MM-DD)"), FIELD_TEXT, SECTION_CONSENT },
  { "notes", N_("Notes"), FIELD_TEXT, SECTION_NOTES },
};

typedef struct
{
  const FieldSpec *spec;
  GtkWidget       *row;
  /* The GtkEditable, AdwComboRow or GtkSwitch that holds the value. */
  GtkWidget       *input;
  GtkWidget       *error_row;
  GtkLabel        *error_label;
} Field;

struct _HsParticipantForm
{
  AdwBin          parent_instance;

  HsDatabase     *database;
  HsParticipant  *participant;
  Field           fields[G_N_ELEMENTS (field_specs)];
  GtkWidget      *sections[N_SECTIONS];
  GtkWidget      *programme_group;
  GPtrArray      *programme_rows;
  GtkWidget      *history_group;
  GtkWidget      *history_row;
  GStrv           districts;
  GStrv           facilities;
  gboolean        loading;
  gboolean        dirty;

  /* Template widgets */
  GtkStack       *stack;
  GtkWidget      *back_button;
  GtkLabel       *title_label;
  GtkWidget      *export_button;
  GtkWidget      *delete_button;
  GtkWidget      *erase_button;
  GtkLabel       *notice_label;
  GtkWidget      *fields_box;
  GtkLabel       *banner_label;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (HsParticipantForm, hs_participant_form, ADW_TYPE_BIN)

enum {
  SAVED,
  DELETE_REQUESTED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Field *
find_field (HsParticipantForm *self,
            const char        *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    if (g_str_equal (self->fields[i].spec->property, property))
      return &self->fields[i];
  return NULL;
}

static void
show_problem (Field      *field,
              const char *message)
{
  gtk_label_set_text (field->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (field->error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->input),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

static void
clear_problems (HsParticipantForm *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    show_problem (&self->fields[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), FALSE);
}

static void
update_prison_section (HsParticipantForm *self)
{
  Field *field = find_field (self, "is-prisoner");

  gtk_widget_set_visible (self->sections[SECTION_PRISON],
                          gtk_switch_get_active (GTK_SWITCH (field->input)));
}

static void
on_input_changed_cb (HsParticipantForm *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  update_prison_section (self);
}

static void
on_editable_changed_cb (GtkEditable       *editable,
                        HsParticipantForm *self)
{
  on_input_changed_cb (self);
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    if (self->fields[i].input == GTK_WIDGET (editable) && !self->loading)
      show_problem (&self->fields[i], NULL);
}

static void
on_value_notify_cb (GObject           *object,
                    GParamSpec        *pspec,
                    HsParticipantForm *self)
{
  on_input_changed_cb (self);
}

/* Entry and combo rows name their input after their title; a widget put
 * into an action row is named here. */
static void
name_input (GtkWidget  *input,
            const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkStringList *
choice_model (const FieldSpec *spec)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  if (spec->blank != NULL)
    gtk_string_list_append (model, _(spec->blank));
  for (guint i = 0; spec->labels[i] != NULL; i++)
    gtk_string_list_append (model, spec->labels == sex_labels
                                   ? g_dpgettext2 (GETTEXT_PACKAGE, "sex", spec->labels[i])
                                   : _(spec->labels[i]));
  return model;
}

static GtkWidget *
create_combo (GListModel *model,
              Field      *field)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  g_object_unref (model);
  field->input = row;
  return row;
}

static void
create_input (HsParticipantForm *self,
              Field             *field)
{
  const FieldSpec *spec = field->spec;
  const char *label = _(spec->label);
  GtkWidget *row;

  switch (spec->kind)
    {
    case FIELD_TEXT:
    case FIELD_YEAR:
      row = adw_entry_row_new ();
      field->input = row;
      if (spec->kind == FIELD_YEAR)
        gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 6);
      g_signal_connect (row, "changed", G_CALLBACK (on_editable_changed_cb), self);
      break;
    case FIELD_CHOICE:
      row = create_combo (G_LIST_MODEL (choice_model (spec)), field);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_value_notify_cb), self);
      break;
    case FIELD_DISTRICT:
    case FIELD_FACILITY:
      row = create_combo (G_LIST_MODEL (gtk_string_list_new (NULL)), field);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_value_notify_cb), self);
      break;
    case FIELD_SECTOR:
      {
        GtkEntryCompletion *completion = gtk_entry_completion_new ();

        row = adw_action_row_new ();
        field->input = gtk_entry_new ();
        gtk_widget_set_valign (field->input, GTK_ALIGN_CENTER);
        gtk_widget_set_hexpand (field->input, TRUE);
        gtk_entry_completion_set_model (completion,
                                        GTK_TREE_MODEL (gtk_list_store_new (1, G_TYPE_STRING)));
        gtk_entry_completion_set_text_column (completion, 0);
        gtk_entry_completion_set_minimum_key_length (completion, 1);
        gtk_entry_completion_set_inline_completion (completion, TRUE);
        gtk_entry_set_completion (GTK_ENTRY (field->input), completion);
        g_object_unref (completion);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->input);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->input);
        g_signal_connect (field->input, "changed", G_CALLBACK (on_editable_changed_cb), self);
      }
      break;
    case FIELD_SWITCH:
    default:
      row = adw_action_row_new ();
      field->input = gtk_switch_new ();
      gtk_widget_set_valign (field->input, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->input);
      g_signal_connect (field->input, "notify::active", G_CALLBACK (on_value_notify_cb), self);
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (spec->kind == FIELD_SECTOR || spec->kind == FIELD_SWITCH)
    name_input (field->input, label);
  field->row = row;
}

static void
create_fields (HsParticipantForm *self)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      self->sections[s] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->sections[s]),
                                       _(section_titles[s]));
      gtk_box_append (GTK_BOX (self->fields_box), self->sections[s]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      Field *field = &self->fields[i];
      GtkWidget *label = gtk_label_new (NULL);

      field->spec = &field_specs[i];
      create_input (self, field);
      field->error_label = GTK_LABEL (label);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      /* A preferences row, so that the group puts it right under its field. */
      field->error_row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error_row), label);
      gtk_widget_set_visible (field->error_row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->sections[field->spec->section]),
                                 field->row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->sections[field->spec->section]),
                                 field->error_row);
    }

  self->programme_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->programme_group),
                                   _("Programme"));
  gtk_box_append (GTK_BOX (self->fields_box), self->programme_group);
  self->history_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->history_group), _("History"));
  gtk_box_append (GTK_BOX (self->fields_box), self->history_group);
}

static void
set_combo_names (AdwComboRow *row,
                 GStrv        names)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Not given"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (model, names[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static guint
index_of (GStrv       names,
          const char *name)
{
  for (guint i = 0; name != NULL && names != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return i + 1;
  return 0;
}

/* The facility is kept as an id; its name is looked up through the list. */
static guint
facility_index (HsParticipantForm *self,
                gint64             facility_id)
{
  for (guint i = 0; facility_id != 0 && self->facilities[i] != NULL; i++)
    if (hs_database_find_facility (self->database, self->facilities[i]) == facility_id)
      return i + 1;
  return 0;
}

static void
fill_sectors (HsParticipantForm *self,
              gint64             district_id)
{
  Field *field = find_field (self, "sector");
  GtkEntryCompletion *completion = gtk_entry_get_completion (GTK_ENTRY (field->input));
  GtkListStore *store = GTK_LIST_STORE (gtk_entry_completion_get_model (completion));
  g_auto(GStrv) sectors = hs_participant_get_sector_names (self->database, district_id);

  gtk_list_store_clear (store);
  for (guint i = 0; sectors[i] != NULL; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, sectors[i], -1);
}

static void
write_field (HsParticipantForm *self,
             Field             *field)
{
  const FieldSpec *spec = field->spec;
  HsParticipant *p = self->participant;

  switch (spec->kind)
    {
    case FIELD_TEXT:
    case FIELD_SECTOR:
      {
        g_autofree char *text = NULL;

        g_object_get (p, spec->property, &text, NULL);
        /* An erased record's sections are insensitive: the label is never saved. */
        if (hs_participant_get_erased (p) != NULL)
          gtk_editable_set_text (GTK_EDITABLE (field->input), hs_participant_display_name (text));
        else
          gtk_editable_set_text (GTK_EDITABLE (field->input), text != NULL ? text : "");
      }
      break;
    case FIELD_YEAR:
      {
        int year = hs_participant_get_birth_year (p);
        g_autofree char *text = year != 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

        gtk_editable_set_text (GTK_EDITABLE (field->input), text);
      }
      break;
    case FIELD_CHOICE:
      {
        g_autofree char *value = NULL;
        guint offset = spec->blank != NULL ? 1 : 0;
        guint selected = 0;

        g_object_get (p, spec->property, &value, NULL);
        for (guint i = 0; value != NULL && spec->values[i] != NULL; i++)
          if (g_str_equal (spec->values[i], value))
            selected = i + offset;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), selected);
      }
      break;
    case FIELD_DISTRICT:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->input),
                                  index_of (self->districts, hs_participant_get_district (p)));
      break;
    case FIELD_FACILITY:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->input),
                                  facility_index (self, hs_participant_get_facility_id (p)));
      break;
    case FIELD_SWITCH:
    default:
      gtk_switch_set_active (GTK_SWITCH (field->input), hs_participant_get_is_prisoner (p));
      break;
    }
}

/* Copies the widgets into the participant. FALSE (with the field's problem
 * shown) when a value cannot even be represented, such as letters in a year. */
static gboolean
read_field (HsParticipantForm *self,
            Field             *field)
{
  const FieldSpec *spec = field->spec;
  HsParticipant *p = self->participant;
  guint selected;

  switch (spec->kind)
    {
    case FIELD_TEXT:
    case FIELD_SECTOR:
      {
        const char *typed = gtk_editable_get_text (GTK_EDITABLE (field->input));
        g_autofree char *text = g_strstrip (g_strdup (typed));

        g_object_set (p, spec->property, text, NULL);
      }
      return TRUE;
    case FIELD_YEAR:
      {
        const char *typed = gtk_editable_get_text (GTK_EDITABLE (field->input));
        g_autofree char *text = g_strstrip (g_strdup (typed));
        guint64 year = 0;

        if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, 9999, &year, NULL))
          {
            show_problem (field, _("Write the birth year as four digits, for example 1985, "
                                   "or leave it empty if it is not known."));
            return FALSE;
          }
        if ((int) year != hs_participant_get_birth_year (p))
          g_object_set (p, "age-band", NULL, NULL);
        g_object_set (p, spec->property, (int) year, NULL);
      }
      return TRUE;
    case FIELD_CHOICE:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));
      if (spec->blank != NULL)
        g_object_set (p, spec->property, selected == 0 ? NULL : spec->values[selected - 1], NULL);
      else
        g_object_set (p, spec->property, spec->values[selected], NULL);
      return TRUE;
    case FIELD_DISTRICT:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));
      g_object_set (p, spec->property,
                    selected == 0 ? (gint64) 0
                                  : hs_database_find_district (self->database,
                                                               self->districts[selected - 1]),
                    NULL);
      return TRUE;
    case FIELD_FACILITY:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));
      g_object_set (p, spec->property,
                    selected == 0 || !hs_participant_get_is_prisoner (p)
                    ? (gint64) 0
                    : hs_database_find_facility (self->database, self->facilities[selected - 1]),
                    NULL);
      return TRUE;
    case FIELD_SWITCH:
    default:
      g_object_set (p, spec->property, gtk_switch_get_active (GTK_SWITCH (field->input)), NULL);
      return TRUE;
    }
}

static void
on_open_group_clicked_cb (GtkButton         *button,
                          HsParticipantForm *self)
{
  gint64 group_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "group-id"));

  /* The window offers the action when it has a groups section. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-group", "x", group_id);
}

static void
show_programme (HsParticipantForm *self)
{
  g_autoptr(GPtrArray) memberships = NULL;
  gint64 id = hs_participant_get_id (self->participant);

  for (guint i = 0; i < self->programme_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->programme_group),
                                  g_ptr_array_index (self->programme_rows, i));
  g_ptr_array_set_size (self->programme_rows, 0);

  memberships = id != 0 ? hs_participant_get_memberships (self->database, id, NULL) : NULL;
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->programme_group),
                                         memberships == NULL || memberships->len == 0
                                         ? _("Not in any group yet.") : NULL);
  for (guint i = 0; memberships != NULL && i < memberships->len; i++)
    {
      HsParticipantMembership *m = g_ptr_array_index (memberships, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
      g_autofree char *open = g_strdup_printf (_("Open group %s"), m->group_name);
      g_autofree char *subtitle = NULL;

      if (m->joined != NULL)
        {
          g_autofree char *joined = hs_report_format_date (hs_i18n_get_language (), m->joined);

          subtitle = g_strdup_printf (_("%s — joined %s"),
                                      hs_participant_outcome_label (m->outcome), joined);
        }
      else
        subtitle = g_strdup (hs_participant_outcome_label (m->outcome));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->group_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, open);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      open, -1);
      g_object_set_data (G_OBJECT (button), "group-id", GSIZE_TO_POINTER (m->group_id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_group_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* The whole row is the link, not only its small arrow. */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->programme_group), row);
      g_ptr_array_add (self->programme_rows, row);
    }
}

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _("Added");
  if (g_strcmp0 (action, "delete") == 0)
    return _("Deleted");
  return _("Changed");
}

static void
show_history (HsParticipantForm *self)
{
  g_autoptr(GPtrArray) history = NULL;
  gint64 id = hs_participant_get_id (self->participant);
  g_autofree char *title = NULL;

  if (self->history_row != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->history_group), self->history_row);
  self->history_row = NULL;
  gtk_widget_set_visible (self->history_group, id != 0);
  if (id == 0 || (history = hs_participant_get_history (self->database, id, NULL)) == NULL)
    return;

  self->history_row = adw_expander_row_new ();
  title = g_strdup_printf (ngettext ("%u change", "%u changes", history->len), history->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->history_row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->history_row),
                                 _("Who changed this record, and when"));
  for (guint i = 0; i < history->len; i++)
    {
      HsParticipantChange *change = g_ptr_array_index (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = g_strndup (change->at, 16);
      g_autofree char *heading = NULL;

      g_strdelimit (when, "T", ' ');
      heading = g_strdup_printf ("%s — %s — %s", when, change->actor,
                                 action_label (change->action));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      if (*change->fields != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), change->fields);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->history_row), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->history_group), self->history_row);
}

/* Withdrawn consent and erasure change what may be done with the record. */
static void
update_notice (HsParticipantForm *self)
{
  const char *withdrawn = hs_participant_get_consent_withdrawn (self->participant);
  const char *erased = hs_participant_get_erased (self->participant);
  g_autofree char *text = NULL;

  if (erased != NULL)
    text = g_strdup_printf (_("This person's data was erased on %.10s. The record only keeps "
                              "what the programme's figures count."), erased);
  else if (withdrawn != NULL)
    text = g_strdup_printf (_("Consent withdrawn on %s: this record is left out of exports. "
                              "Erase the person's data if they ask for it."), withdrawn);
  gtk_label_set_text (self->notice_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), text != NULL);
}

static void
update_title (HsParticipantForm *self)
{
  const char *name = hs_participant_display_name (hs_participant_get_full_name (self->participant));
  gboolean saved = hs_participant_get_id (self->participant) != 0;

  gtk_label_set_text (self->title_label, saved && name != NULL ? name : _("New Participant"));
  gtk_widget_set_visible (self->delete_button, saved);
  gtk_widget_set_visible (self->export_button, saved);
  gtk_widget_set_visible (self->erase_button,
                          saved && hs_participant_get_erased (self->participant) == NULL);
  /* An erased record is read-only (core refuses it too): nothing to save. */
  for (guint s = 0; s < N_SECTIONS; s++)
    gtk_widget_set_sensitive (self->sections[s],
                              hs_participant_get_erased (self->participant) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save",
                                 hs_participant_get_erased (self->participant) == NULL);
  update_notice (self);
}

static void
show_participant (HsParticipantForm *self)
{
  self->loading = TRUE;
  clear_problems (self);
  fill_sectors (self, hs_participant_get_district_id (self->participant));
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    write_field (self, &self->fields[i]);
  update_prison_section (self);
  show_programme (self);
  show_history (self);
  update_title (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
hs_participant_form_set_database (HsParticipantForm *self,
                                  HsDatabase        *database)
{
  g_return_if_fail (HS_IS_PARTICIPANT_FORM (self));

  if (!g_set_object (&self->database, database) || database == NULL)
    return;
  g_strfreev (self->districts);
  g_strfreev (self->facilities);
  self->districts = hs_participant_get_district_names (database);
  self->facilities = hs_participant_get_facility_names (database);
  self->loading = TRUE;
  set_combo_names (ADW_COMBO_ROW (find_field (self, "district-id")->input), self->districts);
  set_combo_names (ADW_COMBO_ROW (find_field (self, "facility-id")->input), self->facilities);
  self->loading = FALSE;
  hs_participant_form_clear (self);
}

gboolean
hs_participant_form_load (HsParticipantForm  *self,
                          gint64              id,
                          GError            **error)
{
  HsParticipant *p;

  g_return_val_if_fail (HS_IS_PARTICIPANT_FORM (self), FALSE);

  if ((p = hs_participant_load (self->database, id, error)) == NULL)
    return FALSE;
  g_clear_object (&self->participant);
  self->participant = p;
  show_participant (self);
  return TRUE;
}

void
hs_participant_form_start_new (HsParticipantForm *self)
{
  g_return_if_fail (HS_IS_PARTICIPANT_FORM (self));

  g_clear_object (&self->participant);
  self->participant = hs_participant_new ();
  show_participant (self);
  gtk_widget_grab_focus (find_field (self, "full-name")->input);
}

void
hs_participant_form_clear (HsParticipantForm *self)
{
  g_return_if_fail (HS_IS_PARTICIPANT_FORM (self));

  g_clear_object (&self->participant);
  self->dirty = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

gboolean
hs_participant_form_is_dirty (HsParticipantForm *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_FORM (self), FALSE);
  return self->participant != NULL && self->dirty;
}

gint64
hs_participant_form_get_id (HsParticipantForm *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_FORM (self), 0);
  return self->participant != NULL ? hs_participant_get_id (self->participant) : 0;
}

void
hs_participant_form_set_show_back (HsParticipantForm *self,
                                   gboolean           show)
{
  g_return_if_fail (HS_IS_PARTICIPANT_FORM (self));
  gtk_widget_set_visible (self->back_button, show);
}

static void
focus_first_problem (HsParticipantForm *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    if (gtk_widget_get_visible (self->fields[i].error_row))
      {
        gtk_widget_grab_focus (self->fields[i].input);
        return;
      }
}

static void
show_problems (HsParticipantForm *self,
               GPtrArray         *problems)
{
  g_autofree char *banner = NULL;
  guint shown = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      HsParticipantProblem *problem = g_ptr_array_index (problems, i);
      Field *field = find_field (self, problem->property);

      /* A value that could not be read keeps its own message: the rules
       * saw the value from before, which is no longer what is typed. */
      if (field == NULL)
        shown++;
      else if (!gtk_widget_get_visible (field->error_row))
        show_problem (field, problem->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    shown += gtk_widget_get_visible (self->fields[i].error_row);
  banner = g_strdup_printf (ngettext ("%u field needs correcting before the record can be saved.",
                                      "%u fields need correcting before the record can be saved.",
                                      shown), shown);
  gtk_label_set_text (self->banner_label, banner);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), TRUE);
  focus_first_problem (self);
}

static gboolean save_checked (HsParticipantForm *self,
                              GPtrArray         *distinct_from);

/* The typed values fill what the recorded person lacks; the form then
 * shows that person, so the user sees what the record now says. */
static void
merge_into (HsParticipantForm *self,
            gint64             keep)
{
  g_autoptr(GError) error = NULL;

  if (!hs_participant_merge_new (self->database, keep, self->participant, &error)
      || !hs_participant_form_load (self, keep, &error))
    {
      gtk_label_set_text (self->banner_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, keep);
}

static void
on_duplicate_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          HsParticipantForm *self)
{
  GPtrArray *matches = g_object_get_data (G_OBJECT (dialog), "matches");
  HsParticipantMatch *first = g_ptr_array_index (matches, 0);

  if (g_str_equal (response, "save"))
    save_checked (self, matches);
  else if (g_str_equal (response, "open"))
    hs_participant_form_load (self, first->id, NULL);
  else if (g_str_equal (response, "merge"))
    merge_into (self, first->id);
}

/* A new person who may already be recorded: the user decides. */
static void
ask_about_duplicates (HsParticipantForm *self,
                      GPtrArray         *matches)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  HsParticipantMatch *first = g_ptr_array_index (matches, 0);
  g_autoptr(GString) body = g_string_new (_("These records may be the same person:"));
  g_autofree char *open = NULL;
  g_autofree char *merge = NULL;
  const char *first_name;
  GtkWidget *dialog;

  for (guint i = 0; i < matches->len; i++)
    {
      HsParticipantMatch *m = g_ptr_array_index (matches, i);

      g_string_append_printf (body, "\n• %s", hs_participant_display_name (m->full_name));
      if (m->birth_year != 0)
        g_string_append_printf (body, _(", born %d"), m->birth_year);
      if (m->district != NULL)
        g_string_append_printf (body, ", %s", m->district);
      g_string_append_printf (body, " (%s)", m->reason);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Merging adds what you typed to the recorded person where their "
                           "record is empty; nothing already recorded is replaced."));
  first_name = hs_participant_display_name (first->full_name);
  open = g_strdup_printf (_("_Open %s"), first_name);
  merge = g_strdup_printf (_("_Merge into %s"), first_name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Already Recorded?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", open,
                                    "merge", merge,
                                    "save", _("_Not the Same Person"),
                                    NULL);
  /* Two records cannot share a national ID: saving this one would fail. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           !first->same_national_id);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "matches", g_ptr_array_ref (matches),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
hs_participant_form_save (HsParticipantForm *self)
{
  return save_checked (self, NULL);
}

/* @distinct_from: the possible duplicates the user said are other people,
 * remembered once saved; NULL to look for them first. */
static gboolean
save_checked (HsParticipantForm *self,
              GPtrArray         *distinct_from)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gboolean readable = TRUE;
  gboolean is_new;

  g_return_val_if_fail (HS_IS_PARTICIPANT_FORM (self), FALSE);

  if (self->participant == NULL)
    return FALSE;
  clear_problems (self);
  /* The switch first: whether a facility is kept depends on it. */
  read_field (self, find_field (self, "is-prisoner"));
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    readable &= read_field (self, &self->fields[i]);
  problems = hs_participant_validate (self->participant, self->database);
  is_new = hs_participant_get_id (self->participant) == 0;
  if (readable && is_new && distinct_from == NULL)
    matches = hs_participant_find_similar (self->database, self->participant, NULL);
  /* A national ID already recorded is asked about before any other
   * problem: it is that person, whose record may need nothing typed here. */
  if (matches != NULL && matches->len > 0
      && (problems->len == 0
          || ((HsParticipantMatch *) g_ptr_array_index (matches, 0))->same_national_id))
    {
      ask_about_duplicates (self, matches);
      return FALSE;
    }
  if (!readable || problems->len > 0)
    {
      show_problems (self, problems);
      return FALSE;
    }
  if (!hs_participant_save (self->participant, self->database, &error))
    {
      gtk_label_set_text (self->banner_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_label), TRUE);
      return FALSE;
    }
  for (guint i = 0; distinct_from != NULL && i < distinct_from->len; i++)
    {
      HsParticipantMatch *m = g_ptr_array_index (distinct_from, i);

      hs_participant_mark_distinct (self->database, hs_participant_get_id (self->participant),
                                    m->id, NULL);
    }
  show_participant (self);
  g_signal_emit (self, signals[SAVED], 0, hs_participant_get_id (self->participant));
  return TRUE;
}

static void
close_form (HsParticipantForm *self)
{
  gint64 id = hs_participant_form_get_id (self);

  if (id == 0 || !hs_participant_form_load (self, id, NULL))
    hs_participant_form_clear (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_discard_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        HsParticipantForm *self)
{
  if (g_str_equal (response, "discard"))
    close_form (self);
}

void
hs_participant_form_discard (HsParticipantForm *self)
{
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_if_fail (HS_IS_PARTICIPANT_FORM (self));

  if (!hs_participant_form_is_dirty (self))
    {
      close_form (self);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard Changes?"),
                                   _("The changes to this record have not been saved. "
                                     "Discarding them cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hs_participant_form_save (HS_PARTICIPANT_FORM (widget));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hs_participant_form_discard (HS_PARTICIPANT_FORM (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsParticipantForm *self = HS_PARTICIPANT_FORM (widget);
  gint64 id = hs_participant_form_get_id (self);

  if (id != 0)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, id);
}

static void
show_export_error (HsParticipantForm *self,
                   const GError      *error)
{
  gtk_label_set_text (self->banner_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), TRUE);
}

/* The file's extension says which: a printable PDF for the person (in the
 * window's language), or JSON. The chooser's Format choice sets the
 * extension, whatever the user typed. */
static gboolean
export_to (HsParticipantForm  *self,
           const char         *path,
           GError            **error)
{
  gint64 id = hs_participant_get_id (self->participant);
  g_autofree char *folded = g_ascii_strdown (path, -1);
  g_autofree char *json = NULL;

  if (g_str_has_suffix (folded, ".pdf"))
    return hs_person_sheet_write_pdf (self->database, id, hs_i18n_get_language (), path, error);
  return (json = hs_participant_export_json (self->database, id, error)) != NULL
         && g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                      error);
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       HsParticipantForm *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *with_extension = NULL;
  const char *format;

  if (response == GTK_RESPONSE_ACCEPT && self->participant != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      folded = g_ascii_strdown (path, -1);
      format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
      if (g_str_has_suffix (folded, ".pdf") || g_str_has_suffix (folded, ".json"))
        *strrchr (path, '.') = '\0';
      with_extension = g_strconcat (path, g_strcmp0 (format, "json") == 0 ? ".json" : ".pdf",
                                    NULL);
      if (!export_to (self, with_extension, &error))
        show_export_error (self, error);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsParticipantForm *self = HS_PARTICIPANT_FORM (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  const char *formats[] = { "pdf", "json", NULL };
  const char *format_labels[] = {
    _("Printable document (PDF)"), _("Data for other programs (JSON)"), NULL
  };
  g_autofree char *name = NULL;

  if (self->participant == NULL || hs_participant_get_id (self->participant) == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Export This Person's Data"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), formats,
                               format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "pdf");
  name = g_strdup_printf ("participant-%" G_GINT64_FORMAT ".pdf",
                          hs_participant_get_id (self->participant));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_erase_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      HsParticipantForm *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hs_participant_form_get_id (self);

  if (!g_str_equal (response, "erase") || id == 0)
    return;
  if (!hs_participant_erase (self->database, id, &error)
      || !hs_participant_form_load (self, id, &error))
    {
      show_export_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HsParticipantForm *self = HS_PARTICIPANT_FORM (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (hs_participant_form_get_id (self) == 0)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Erase This Person's Data?"),
                                   _("The name, phone, national ID, village, screening, consent "
                                     "and notes are removed for good, also from the history. "
                                     "Sex, age band, district and group results stay, without "
                                     "the name, so that the programme's figures do not change. "
                                     "This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_district_selected_cb (GObject           *row,
                         GParamSpec        *pspec,
                         HsParticipantForm *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  if (self->database == NULL || self->districts == NULL)
    return;
  fill_sectors (self, selected == 0 ? 0 : hs_database_find_district (self->database,
                                                                    self->districts[selected - 1]));
}

static void
hs_participant_form_dispose (GObject *object)
{
  HsParticipantForm *self = HS_PARTICIPANT_FORM (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PARTICIPANT_FORM);
  g_clear_object (&self->participant);
  g_clear_object (&self->database);
  g_clear_pointer (&self->programme_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_participant_form_parent_class)->dispose (object);
}

static void
hs_participant_form_finalize (GObject *object)
{
  HsParticipantForm *self = HS_PARTICIPANT_FORM (object);

  g_strfreev (self->districts);
  g_strfreev (self->facilities);

  G_OBJECT_CLASS (hs_participant_form_parent_class)->finalize (object);
}

static void
hs_participant_form_class_init (HsParticipantFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_participant_form_dispose;
  object_class->finalize = hs_participant_form_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-participant-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, stack);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, back_button);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, export_button);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, erase_button);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, notice_label);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, fields_box);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantForm, scroller);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "form.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "form.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "form.erase", NULL, erase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.discard", NULL);
}

static void
hs_participant_form_init (HsParticipantForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->programme_rows = g_ptr_array_new ();
  create_fields (self);
  g_signal_connect (find_field (self, "district-id")->input, "notify::selected",
                    G_CALLBACK (on_district_selected_cb), self);
  gtk_widget_set_visible (self->sections[SECTION_PRISON], FALSE);
}
