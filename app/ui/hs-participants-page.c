/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participants-page"

#include <glib/gi18n.h>

#include "hs-duplicates-dialog.h"
#include "hs-format.h"
#include "hs-page.h"
#include "hs-participant-form.h"
#include "hs-participant-list.h"
#include "hs-participant.h"
#include "hs-participants-page.h"

struct _HsParticipantsPage
{
  AdwBin              parent_instance;

  HsDatabase         *database;
  HsParticipantList  *list;
  GtkSingleSelection *selection;
  GStrv               districts;
  gint64              pending_id;
  /* The toast on screen, replaced rather than queued behind the next one. */
  AdwToast           *toast;
  /* The last person deleted, for the toast's Undo and Ctrl+Z. */
  HsParticipantSnapshot *deleted;
  /* The column whose sorter GTK asked first, found by probing. */
  int                 probed_column;
  /* set_database() or show_matching() is setting the list up: it is
   * attached once, at the end. */
  guint               setting_up;  /* > 0: filters being set, the list stays detached */
  /* The list was just made and counted: the reload that follows at once
   * (hs_window_show_section) has nothing to add. */
  gboolean            fresh;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *district_filter;
  GtkDropDown        *sex_filter;
  GtkDropDown        *age_filter;
  GtkDropDown        *setting_filter;
  GtkDropDown        *outcome_filter;
  GtkLabel           *count_label;
  GtkWidget          *scope_bar;
  GtkLabel           *scope_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *sex_column;
  GtkColumnViewColumn *age_column;
  GtkColumnViewColumn *district_column;
  GtkColumnViewColumn *setting_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *outcome_column;
  GtkWidget          *form_separator;
  HsParticipantForm  *form;
};

static void hs_participants_page_page_init (HsPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsParticipantsPage, hs_participants_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE,
                                                      hs_participants_page_page_init))

/* The filters' choices: the first entry of each means "any". */
static const char * const sex_values[] = { NULL, "F", "M" };
static const char * const sex_labels[] = { N_("Both sexes"), N_("Female"), N_("Male") };
static const char * const age_values[] = { NULL, "youth", "adult" };
static const char * const age_labels[] = { N_("All ages"), N_("Youth"), N_("Adults") };
static const char * const setting_values[] = { NULL, "community", "prison" };
static const char * const setting_labels[] = {
  N_("Community and prison"), N_("Community"), N_("Prison")
};
static const char * const outcome_values[] = {
  NULL, "ongoing", "graduated", "dropped", "transferred", "none"
};
static const char * const outcome_labels[] = {
  N_("Any outcome"), N_("Ongoing"), N_("Graduated"), N_("Dropped out"), N_("Transferred"),
  N_("Not in a group")
};

static void
set_choices (GtkDropDown        *dropdown,
             const char * const *labels,
             guint               n_labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, _(labels[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

static void
set_district_choices (HsParticipantsPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_strfreev (self->districts);
  self->districts = hs_participant_get_district_names (self->database);
  gtk_string_list_append (model, _("All districts"));
  for (guint i = 0; self->districts[i] != NULL; i++)
    gtk_string_list_append (model, self->districts[i]);
  gtk_drop_down_set_model (self->district_filter, G_LIST_MODEL (model));
}

static void
show_toast (HsParticipantsPage *self,
            AdwToast           *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_count (HsParticipantsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *count = hs_format_count (n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s participant", "%s participants", n),
                                           count);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
on_list_items_changed_cb (HsParticipantsPage *self)
{
  update_count (self);
}

/* GTK 4.8's list views look for the rows they track (focus, anchor,
 * selection) among all the added items of a change, one get_item each: a
 * million rows read from SQL at 1M people, minutes before the next frame.
 * A model taken away during the change gives them nothing to look for. */
static void
detach_list (HsParticipantsPage *self)
{
  gtk_single_selection_set_model (self->selection, NULL);
}

/* Each attach and detach costs time in proportion to the rows (GTK walks
 * them): ~0.1 s at 100,000 people, ~1 s at a million. */
static void
attach_list (HsParticipantsPage *self)
{
  if (self->setting_up == 0)
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
}

static void
reload_list (HsParticipantsPage *self)
{
  detach_list (self);
  hs_participant_list_reload (self->list);
  attach_list (self);
}

static void
on_search_changed_cb (HsParticipantsPage *self)
{
  if (self->list == NULL)
    return;
  detach_list (self);
  hs_participant_list_set_search (self->list,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  attach_list (self);
}

static const char *
selected_value (GtkDropDown        *dropdown,
                const char * const *values,
                guint               n_values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < n_values ? values[selected] : NULL;
}

static void
on_filter_changed_cb (HsParticipantsPage *self)
{
  guint district;

  if (self->list == NULL)
    return;
  district = gtk_drop_down_get_selected (self->district_filter);
  if (district == GTK_INVALID_LIST_POSITION)
    district = 0;
  detach_list (self);
  hs_participant_list_set_district (self->list,
                                    district == 0 ? 0
                                    : hs_database_find_district (self->database,
                                                                 self->districts[district - 1]));
  hs_participant_list_set_sex (self->list, selected_value (self->sex_filter, sex_values,
                                                           G_N_ELEMENTS (sex_values)));
  hs_participant_list_set_age_band (self->list, selected_value (self->age_filter, age_values,
                                                                G_N_ELEMENTS (age_values)));
  hs_participant_list_set_setting (self->list,
                                   selected_value (self->setting_filter, setting_values,
                                                   G_N_ELEMENTS (setting_values)));
  hs_participant_list_set_outcome (self->list,
                                   selected_value (self->outcome_filter, outcome_values,
                                                   G_N_ELEMENTS (outcome_values)));
  attach_list (self);
}

static guint
value_position (const char * const *values,
                guint               n_values,
                const char         *value)
{
  for (guint i = 1; value != NULL && i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

void
hs_participants_page_show_matching (HsParticipantsPage *self,
                                    const char         *district,
                                    const char         *sex,
                                    const char         *age_band,
                                    const char         *setting,
                                    const char         *outcome)
{
  guint district_position = 0;

  g_return_if_fail (HS_IS_PARTICIPANTS_PAGE (self));

  for (guint i = 0; district != NULL && self->districts != NULL && self->districts[i] != NULL;
       i++)
    if (g_str_equal (self->districts[i], district))
      district_position = i + 1;

  /* Each filter's change reattaches the list, about a second at a million
   * people: the list is attached once, when all are set. */
  self->setting_up++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->district_filter, district_position);
  gtk_drop_down_set_selected (self->sex_filter,
                              value_position (sex_values, G_N_ELEMENTS (sex_values), sex));
  gtk_drop_down_set_selected (self->age_filter,
                              value_position (age_values, G_N_ELEMENTS (age_values), age_band));
  gtk_drop_down_set_selected (self->setting_filter,
                              value_position (setting_values, G_N_ELEMENTS (setting_values),
                                              setting));
  gtk_drop_down_set_selected (self->outcome_filter,
                              value_position (outcome_values, G_N_ELEMENTS (outcome_values),
                                              outcome));
  self->setting_up--;
  on_filter_changed_cb (self);
}

void
hs_participants_page_set_scope (HsParticipantsPage *self,
                                const char         *from,
                                const char         *to,
                                const char         *approach,
                                gint64              facility_id,
                                const char         *category,
                                const char         *description)
{
  g_return_if_fail (HS_IS_PARTICIPANTS_PAGE (self));

  gtk_label_set_text (self->scope_label, description != NULL ? description : "");
  gtk_widget_set_visible (self->scope_bar, description != NULL && self->list != NULL);
  if (self->list == NULL)
    return;
  detach_list (self);
  hs_participant_list_set_scope (self->list, from, to, approach, facility_id, category);
  attach_list (self);
}

void
hs_participants_page_freeze (HsParticipantsPage *self)
{
  g_return_if_fail (HS_IS_PARTICIPANTS_PAGE (self));
  detach_list (self);
  self->setting_up++;
}

void
hs_participants_page_thaw (HsParticipantsPage *self)
{
  g_return_if_fail (HS_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (self->setting_up > 0);
  self->setting_up--;
  if (self->list != NULL)
    attach_list (self);
}

static void
on_scope_clear_clicked_cb (HsParticipantsPage *self)
{
  hs_participants_page_set_scope (self, NULL, NULL, NULL, 0, NULL, NULL);
}

/* GTK 4.8 counts a hidden column's width in the width the columns need, so
 * with three columns hidden there seemed to be no spare width for the name
 * column to take: it sat empty right of the last column. A hidden column
 * is made 0 wide, and gets back its width (the user may have resized it). */
static void
set_column_shown (GtkColumnViewColumn *column,
                  gboolean             shown)
{
  int hidden_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "hs-width"));

  if (shown == gtk_column_view_column_get_visible (column))
    return;
  if (shown)
    {
      gtk_column_view_column_set_fixed_width (column, hidden_width);
    }
  else
    {
      hidden_width = gtk_column_view_column_get_fixed_width (column);
      g_object_set_data (G_OBJECT (column), "hs-width", GINT_TO_POINTER (hidden_width));
      gtk_column_view_column_set_fixed_width (column, 0);
    }
  gtk_column_view_column_set_visible (column, shown);
}

/* The form takes room only while a record is open. Beside it, the list
 * drops the columns the record shows itself (setting, group, outcome), so
 * that the others fit in a window of the default size. */
static void
set_form_shown (HsParticipantsPage *self,
                gboolean            shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->form), shown);
  gtk_widget_set_visible (self->form_separator, shown);
  set_column_shown (self->setting_column, !shown);
  set_column_shown (self->group_column, !shown);
  set_column_shown (self->outcome_column, !shown);
}

static void
show_form (HsParticipantsPage *self)
{
  set_form_shown (self, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->form));
}

static void
show_list (HsParticipantsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  set_form_shown (self, FALSE);
}

static void
open_participant (HsParticipantsPage *self,
                  gint64              id)
{
  g_autoptr(GError) error = NULL;

  if (id == hs_participant_form_get_id (self->form) && !hs_participant_form_is_dirty (self->form))
    {
      show_form (self);
      return;
    }
  if (hs_participant_form_is_dirty (self->form))
    {
      /* Opened once the user agrees to drop the edits ("closed"). */
      self->pending_id = id;
      hs_participant_form_discard (self->form);
      return;
    }
  if (!hs_participant_form_load (self->form, id, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  show_form (self);
}

static void
on_selection_changed_cb (HsParticipantsPage *self)
{
  g_autoptr(HsParticipantRow) row = NULL;

  row = gtk_single_selection_get_selected_item (self->selection) != NULL
        ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;
  if (row != NULL)
    open_participant (self, hs_participant_row_get_id (row));
}

static void
on_column_view_activate_cb (HsParticipantsPage *self,
                            guint               position)
{
  g_autoptr(HsParticipantRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (row != NULL)
    open_participant (self, hs_participant_row_get_id (row));
}

static void
on_search_activate_cb (HsParticipantsPage *self)
{
  g_autoptr(HsParticipantRow) row = NULL;

  if (self->list != NULL && (row = g_list_model_get_item (G_LIST_MODEL (self->list), 0)) != NULL)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      open_participant (self, hs_participant_row_get_id (row));
    }
}

static void
on_form_saved_cb (HsParticipantsPage *self,
                  gint64              id)
{
  g_clear_pointer (&self->deleted, hs_participant_snapshot_free);
  reload_list (self);
  show_toast (self, adw_toast_new (_("Participant saved")));
}

static void
on_form_closed_cb (HsParticipantsPage *self)
{
  gint64 id = self->pending_id;

  self->pending_id = 0;
  if (id != 0)
    {
      open_participant (self, id);
      return;
    }
  show_list (self);
}

static void
undo_delete (HsParticipantsPage *self)
{
  g_autoptr(HsParticipantSnapshot) snapshot = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (snapshot == NULL || self->database == NULL)
    return;
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  if (!hs_participant_restore (self->database, snapshot, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  reload_list (self);
  open_participant (self, hs_participant_snapshot_get_id (snapshot));
}

static void
on_undo_clicked_cb (AdwToast           *toast,
                    HsParticipantsPage *self)
{
  undo_delete (self);
}

/* Ctrl+Z right after a delete brings the person back, even from a text
 * field; otherwise the key goes on to the field's own undo. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (widget);

  if (self->deleted == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;
  undo_delete (self);
  return TRUE;
}

static void
on_form_delete_requested_cb (HsParticipantsPage *self,
                             gint64              id)
{
  g_autoptr(HsParticipantSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if ((snapshot = hs_participant_snapshot (self->database, id, &error)) == NULL
      || !hs_participant_delete (self->database, id, &error))
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      show_toast (self, toast);
      return;
    }
  hs_participant_form_clear (self->form);
  reload_list (self);
  show_list (self);

  g_clear_pointer (&self->deleted, hs_participant_snapshot_free);
  self->deleted = g_steal_pointer (&snapshot);
  toast = adw_toast_new (_("Participant deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  show_toast (self, toast);
}

static void
on_leaflet_folded_cb (HsParticipantsPage *self)
{
  hs_participant_form_set_show_back (self->form, adw_leaflet_get_folded (self->leaflet));
}

/* GTK 4.8 does not say which column the user sorts by (that came in 4.10),
 * so each column's sorter notes its own index when compared: the column
 * view's sorter asks its primary column first, and flips the answer when the
 * order is descending. */
static int
probe_column_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  HsParticipantsPage *self = g_object_get_data (G_OBJECT (data), "page");

  if (self->probed_column < 0)
    self->probed_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "column"));
  return GTK_ORDERING_LARGER;
}

static void
on_sorter_changed_cb (HsParticipantsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->list == NULL)
    return;
  detach_list (self);
  if (self->probed_column < 0)
    hs_participant_list_set_sort (self->list, HS_PARTICIPANT_SORT_NAME, FALSE);
  else
    hs_participant_list_set_sort (self->list, (HsParticipantSort) self->probed_column,
                                  order == GTK_ORDERING_SMALLER);
  attach_list (self);
}

/* The cells: a label each, its text from one getter of HsParticipantRow.
 * Made in C rather than by a GtkBuilderListItemFactory, which parses its
 * XML and sets up an expression watch for every cell of the first screen
 * (7 columns × ~40 rows) before the page can paint. */
typedef const char *(*RowText) (HsParticipantRow *row);

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  RowText text = (RowText) user_data;
  HsParticipantRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      row != NULL && text (row) != NULL ? text (row) : "");
}

/* A person who withdrew consent is flagged where the coordinator looks
 * first: next to the name. */
static void
on_name_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  HsParticipantRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean withdrawn = row != NULL && hs_participant_row_get_consent_withdrawn (row);
  const char *name = hs_participant_display_name (row != NULL
                                                  ? hs_participant_row_get_full_name (row)
                                                  : NULL);

  if (withdrawn)
    {
      g_autofree char *text = g_strdup_printf (_("%s (consent withdrawn)"), name);

      gtk_label_set_text (GTK_LABEL (label), text);
      /* The column is often too narrow for the whole flag. */
      gtk_widget_set_tooltip_text (label, text);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), name);
      gtk_widget_set_tooltip_text (label, NULL);
    }
  if (withdrawn)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
attach_factories (HsParticipantsPage *self)
{
  struct { GtkColumnViewColumn *column; RowText text; } cells[] = {
    { self->name_column, hs_participant_row_get_full_name },
    { self->sex_column, hs_participant_row_get_sex_label },
    { self->age_column, hs_participant_row_get_age_band_label },
    { self->district_column, hs_participant_row_get_district },
    { self->setting_column, hs_participant_row_get_setting_label },
    { self->group_column, hs_participant_row_get_group },
    { self->outcome_column, hs_participant_row_get_outcome_label },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
      if (cells[i].column == self->name_column)
        g_signal_connect (factory, "bind", G_CALLBACK (on_name_bind_cb), NULL);
      else
        g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), cells[i].text);
      gtk_column_view_column_set_factory (cells[i].column, factory);
      g_object_unref (factory);
    }
}

static void
attach_sorters (HsParticipantsPage *self)
{
  GtkColumnViewColumn *columns[] = {
    [HS_PARTICIPANT_SORT_NAME] = self->name_column,
    [HS_PARTICIPANT_SORT_SEX] = self->sex_column,
    [HS_PARTICIPANT_SORT_AGE_BAND] = self->age_column,
    [HS_PARTICIPANT_SORT_DISTRICT] = self->district_column,
    [HS_PARTICIPANT_SORT_SETTING] = self->setting_column,
    [HS_PARTICIPANT_SORT_GROUP] = self->group_column,
    [HS_PARTICIPANT_SORT_OUTCOME] = self->outcome_column,
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkCustomSorter *sorter = gtk_custom_sorter_new (NULL, NULL, NULL);

      gtk_custom_sorter_set_sort_func (sorter, probe_column_cb, sorter, NULL);
      g_object_set_data (G_OBJECT (sorter), "page", self);
      g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (i));
      gtk_column_view_column_set_sorter (columns[i], GTK_SORTER (sorter));
      g_object_unref (sorter);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
set_database (HsParticipantsPage *self,
              HsDatabase         *database)
{
  if (!g_set_object (&self->database, database))
    return;
  g_clear_pointer (&self->deleted, hs_participant_snapshot_free);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  hs_participant_form_set_database (self->form, database);
  show_list (self);
  if (database == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      return;
    }
  /* The old list goes now, and the new one is attached once its filters,
   * search and sort are set: not once per setting. */
  gtk_single_selection_set_model (self->selection, NULL);
  /* A new file's list is not narrowed to a chart's bar. */
  gtk_widget_set_visible (self->scope_bar, FALSE);
  self->list = hs_participant_list_new (database);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->setting_up++;
  set_district_choices (self);
  on_filter_changed_cb (self);
  on_search_changed_cb (self);
  on_sorter_changed_cb (self);
  self->setting_up--;
  attach_list (self);
  update_count (self);
  self->fresh = TRUE;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (widget);

  if (hs_participant_form_is_dirty (self->form))
    {
      hs_participant_form_discard (self->form);
      return;
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  hs_participant_form_start_new (self->form);
  show_form (self);
}

static void
on_duplicate_open_cb (HsParticipantsPage *self,
                      gint64              id)
{
  open_participant (self, id);
}

/* The merged record is gone: the form must not keep showing it. */
static void
on_duplicates_merged_cb (HsParticipantsPage *self,
                         gint64              keep,
                         gint64              other)
{
  g_clear_pointer (&self->deleted, hs_participant_snapshot_free);
  reload_list (self);
  if (hs_participant_form_get_id (self->form) == other
      || hs_participant_form_get_id (self->form) == keep)
    {
      hs_participant_form_clear (self->form);
      show_list (self);
    }
}

static void
find_duplicates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  HsDuplicatesDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = hs_duplicates_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->database);
  g_signal_connect_object (dialog, "open-participant", G_CALLBACK (on_duplicate_open_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_duplicates_merged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hs_participant_form_save (HS_PARTICIPANTS_PAGE (widget)->form);
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  set_database (HS_PARTICIPANTS_PAGE (page), database);
}

/* Other sections and the command line may have changed people meanwhile. */
static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (page);

  if (self->list != NULL && !self->fresh)
    reload_list (self);
  self->fresh = FALSE;
  return TRUE;
}

static void
hs_participants_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}

static void
hs_participants_page_dispose (GObject *object)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (object);

  g_clear_weak_pointer (&self->toast);
  g_clear_pointer (&self->deleted, hs_participant_snapshot_free);
  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PARTICIPANTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (hs_participants_page_parent_class)->dispose (object);
}

static void
hs_participants_page_finalize (GObject *object)
{
  HsParticipantsPage *self = HS_PARTICIPANTS_PAGE (object);

  g_strfreev (self->districts);

  G_OBJECT_CLASS (hs_participants_page_parent_class)->finalize (object);
}

static void
add_shortcut (GtkEventController *controller,
              guint               key,
              const char         *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_named_action_new (action)));
}

static void
hs_participants_page_class_init (HsParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_participants_page_dispose;
  object_class->finalize = hs_participants_page_finalize;

  g_type_ensure (HS_TYPE_PARTICIPANT_ROW);
  g_type_ensure (HS_TYPE_PARTICIPANT_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, district_filter);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, sex_filter);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, age_filter);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, setting_filter);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, outcome_filter);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, scope_bar);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, sex_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, age_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, district_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, setting_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, group_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, outcome_column);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, form_separator);
  gtk_widget_class_bind_template_child (widget_class, HsParticipantsPage, form);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_delete_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "participants.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "participants.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "participants.find-duplicates", NULL,
                                   find_duplicates_action);
}

/* A drop-down's button is what a screen reader reaches: it gets the
 * drop-down's name (GTK 4.8 names it after its type otherwise). */
static void
name_dropdown_button (GtkDropDown *dropdown)
{
  g_autofree char *label = NULL;

  label = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown)));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && label != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
}

static void
hs_participants_page_init (HsParticipantsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_choices (self->sex_filter, sex_labels, G_N_ELEMENTS (sex_labels));
  set_choices (self->age_filter, age_labels, G_N_ELEMENTS (age_labels));
  set_choices (self->setting_filter, setting_labels, G_N_ELEMENTS (setting_labels));
  set_choices (self->outcome_filter, outcome_labels, G_N_ELEMENTS (outcome_labels));
  name_dropdown_button (self->district_filter);
  name_dropdown_button (self->sex_filter);
  name_dropdown_button (self->age_filter);
  name_dropdown_button (self->setting_filter);
  name_dropdown_button (self->outcome_filter);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  attach_factories (self);
  attach_sorters (self);

  /* Managed by the window, so that the keys work wherever the focus is
   * while this section is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, GDK_KEY_n, "participants.new");
  add_shortcut (shortcuts, GDK_KEY_f, "participants.search");
  add_shortcut (shortcuts, GDK_KEY_s, "participants.save");
  add_shortcut (shortcuts, GDK_KEY_d, "participants.find-duplicates");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (undo_shortcut_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  on_leaflet_folded_cb (self);
}
