/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-groups-page"

#include <glib/gi18n.h>

#include "hs-graduation.h"
#include "hs-group-list.h"
#include "hs-group-page.h"
#include "hs-groups-page.h"
#include "hs-new-group-dialog.h"
#include "hs-page.h"
#include "hs-participant.h"
#include "hs-roll-call.h"
#include "hs-session.h"

struct _HsGroupsPage
{
  AdwBin          parent_instance;

  HsDatabase     *database;
  HsGroupList    *groups;
  GArray         *district_ids;
  gboolean        filling;
  HsGroupPage    *group_page;   /* built when first needed */
  HsRollCall     *roll_call;

  /* Template widgets */
  GtkStack       *stack;
  GtkDropDown    *district_filter;
  GtkDropDown    *setting_filter;
  GtkDropDown    *status_filter;
  GtkLabel       *count_label;
  GtkMenuButton  *at_risk_button;
  GtkLabel       *at_risk_label;
  GtkColumnView  *column_view;
};

static void hs_groups_page_page_init (HsPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsGroupsPage, hs_groups_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE, hs_groups_page_page_init))

typedef enum
{
  COLUMN_NAME,
  COLUMN_PLACE,
  COLUMN_FACILITATORS,
  COLUMN_MEMBERS,
  COLUMN_PROGRESS,
  COLUMN_STATUS,
} Column;

static const char * const settings[] = { NULL, "community", "prison" };
static const char * const statuses[] = { NULL, "running", "planned", "graduated", "closed" };

static void
show_error (HsGroupsPage *self,
            const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static char *
cell_text (HsGroupRow *row,
           Column      column)
{
  switch (column)
    {
    case COLUMN_NAME: return g_strdup (hs_group_row_get_name (row));
    case COLUMN_PLACE: return g_strdup (hs_group_row_get_place (row));
    case COLUMN_FACILITATORS:
      {
        g_auto(GStrv) names = g_strsplit (hs_group_row_get_facilitators (row) ?: "—", ", ", -1);
        return g_strjoinv ("\n", names);
      }
    case COLUMN_MEMBERS: return g_strdup_printf ("%d", hs_group_row_get_members (row));
    case COLUMN_PROGRESS: return hs_group_row_dup_progress (row);
    case COLUMN_STATUS: return g_strdup (hs_group_status_label (hs_group_row_get_status (row)));
    default: return g_strdup ("");
    }
}

/* The group's cell has two lines: its name, and what kind of group it is. */
static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (column == COLUMN_NAME || column == COLUMN_PLACE || column == COLUMN_FACILITATORS)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_NAME)
    {
      GtkWidget *kind = gtk_label_new (NULL);

      gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_box_append (GTK_BOX (box), kind);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, box);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  HsGroupRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  g_autofree char *text = cell_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COLUMN_NAME)
    {
      /* Translators: under a group's name, "Sociotherapy · Community, adult". */
      const char *approach = hs_group_approach_label (hs_group_row_get_approach (row));
      const char *setting = hs_group_setting_label (hs_group_row_get_setting (row));
      const char *age_band = hs_age_band_label (hs_group_row_get_age_band (row));
      g_autofree char *kind = g_strdup_printf (C_("group kind", "%s · %s, %s"),
                                               approach, setting, age_band);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (label)), kind);
    }
  gtk_widget_set_tooltip_text (label, column == COLUMN_STATUS || column == COLUMN_MEMBERS
                                      || column == COLUMN_PROGRESS ? NULL : text);
  gtk_widget_remove_css_class (label, "warning");
  /* A group runs with two facilitators: fewer or more deserves a look. */
  if (column == COLUMN_FACILITATORS && hs_group_row_get_n_facilitators (row) != 2)
    gtk_widget_add_css_class (label, "warning");
}

/* @width: a fixed width for the long texts, which then give way; -1: natural. */
static void
add_column (HsGroupsPage *self,
            const char   *title,
            Column        column,
            int           width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_NAME);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
update_count (HsGroupsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  g_autofree char *text = g_strdup_printf (ngettext ("%u group", "%u groups", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
update_at_risk (HsGroupsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) at_risk = hs_graduation_list_at_risk (self->database, 0, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  if (at_risk == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < at_risk->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (at_risk, i);
      g_autofree char *line = g_markup_printf_escaped ("<b>%s</b> (%s): %s\n",
                                                       hs_participant_display_name (s->full_name),
                                                       s->group_name, s->explanation);
      g_string_append (text, line);
    }
  gtk_label_set_markup (self->at_risk_label, text->str);
  label = g_strdup_printf (ngettext ("%u Member at Risk", "%u Members at Risk", at_risk->len),
                           at_risk->len);
  gtk_menu_button_set_label (self->at_risk_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->at_risk_button), at_risk->len > 0);
}

static void
fill_district_filter (HsGroupsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) districts = NULL;

  g_clear_pointer (&self->district_ids, g_array_unref);
  districts = hs_group_list_districts (self->database, &self->district_ids);
  gtk_string_list_append (names, _("All districts"));
  for (guint i = 0; districts[i] != NULL; i++)
    gtk_string_list_append (names, districts[i]);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->district_filter, G_LIST_MODEL (names));
  self->filling = FALSE;
}

static void
on_filter_changed_cb (HsGroupsPage *self)
{
  guint district = gtk_drop_down_get_selected (self->district_filter);
  guint setting = gtk_drop_down_get_selected (self->setting_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);

  if (self->groups == NULL || self->filling)
    return;
  hs_group_list_set_district (self->groups,
                              district > 0 && district <= self->district_ids->len
                              ? g_array_index (self->district_ids, gint64, district - 1) : 0);
  hs_group_list_set_setting (self->groups, setting < G_N_ELEMENTS (settings)
                                           ? settings[setting] : NULL);
  hs_group_list_set_status (self->groups, status < G_N_ELEMENTS (statuses)
                                          ? statuses[status] : NULL);
  update_count (self);
}

static void on_group_page_closed_cb       (HsGroupPage  *page,
                                           HsGroupsPage *self);
static void on_group_page_open_session_cb (HsGroupPage  *page,
                                           gint64        session_id,
                                           HsGroupsPage *self);
static void on_roll_call_closed_cb        (HsRollCall   *roll_call,
                                           HsGroupsPage *self);

/* The group page and the roll call are built when first needed: until then
 * they would only weigh on the accessibility tree of the whole window. */
static HsGroupPage *
ensure_group_page (HsGroupsPage *self)
{
  if (self->group_page == NULL)
    {
      self->group_page = HS_GROUP_PAGE (hs_group_page_new ());
      g_signal_connect (self->group_page, "closed", G_CALLBACK (on_group_page_closed_cb), self);
      g_signal_connect (self->group_page, "open-session",
                        G_CALLBACK (on_group_page_open_session_cb), self);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->group_page), "group");
    }
  return self->group_page;
}

static HsRollCall *
ensure_roll_call (HsGroupsPage *self)
{
  if (self->roll_call == NULL)
    {
      self->roll_call = HS_ROLL_CALL (hs_roll_call_new ());
      g_signal_connect (self->roll_call, "closed", G_CALLBACK (on_roll_call_closed_cb), self);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->roll_call), "roll-call");
    }
  return self->roll_call;
}

static void
on_column_view_activate_cb (GtkColumnView *view,
                            guint          position,
                            HsGroupsPage  *self)
{
  g_autoptr(HsGroupRow) row = g_list_model_get_item (G_LIST_MODEL (self->groups), position);

  if (row != NULL)
    hs_groups_page_open_group (self, hs_group_row_get_id (row));
}

void
hs_groups_page_open_group (HsGroupsPage *self,
                           gint64        group_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HS_IS_GROUPS_PAGE (self));

  if (!hs_group_page_load (ensure_group_page (self), self->database, group_id, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "group");
}

static void
on_group_page_closed_cb (HsGroupPage  *page,
                         HsGroupsPage *self)
{
  hs_group_list_reload (self->groups);
  update_at_risk (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_group_page_open_session_cb (HsGroupPage  *page,
                               gint64        session_id,
                               HsGroupsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_roll_call_load (ensure_roll_call (self), self->database, session_id, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "roll-call");
  hs_roll_call_focus (self->roll_call);
}

void
hs_groups_page_open_session (HsGroupsPage *self,
                             gint64        session_id)
{
  g_autoptr(HsSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HS_IS_GROUPS_PAGE (self));

  if ((session = hs_session_load (self->database, session_id, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  /* The group page is loaded first: closing the roll call goes back to it. */
  hs_groups_page_open_group (self, hs_session_get_group_id (session));
  if (hs_group_page_get_id (self->group_page) == hs_session_get_group_id (session))
    on_group_page_open_session_cb (self->group_page, session_id, self);
}

static void
on_roll_call_closed_cb (HsRollCall   *roll_call,
                        HsGroupsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_group_page_load (self->group_page, self->database,
                           hs_group_page_get_id (self->group_page), &error))
    show_error (self, error);
  gtk_stack_set_visible_child_name (self->stack, "group");
}

static void
on_new_group_created_cb (HsNewGroupDialog *dialog,
                         gint64            group_id,
                         HsGroupsPage     *self)
{
  g_autoptr(GError) error = NULL;

  hs_group_list_reload (self->groups);
  fill_district_filter (self);
  update_count (self);
  if (!hs_group_page_load (ensure_group_page (self), self->database, group_id, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "group");
}

static void
on_new_button_clicked_cb (GtkButton    *button,
                          HsGroupsPage *self)
{
  hs_groups_page_new_group (self);
}

void
hs_groups_page_new_group (HsGroupsPage *self)
{
  HsNewGroupDialog *dialog;

  g_return_if_fail (HS_IS_GROUPS_PAGE (self));

  dialog = hs_new_group_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->database);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_new_group_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
hs_groups_page_reload (HsGroupsPage  *self,
                       GError       **error)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (self->database), FALSE);

  if (self->groups == NULL)
    {
      self->groups = hs_group_list_new (self->database);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->groups)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
      fill_district_filter (self);
    }
  else
    hs_group_list_reload (self->groups);
  update_count (self);
  update_at_risk (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  return TRUE;
}

static void
set_database (HsGroupsPage *self,
              HsDatabase   *database)
{
  if (!g_set_object (&self->database, database))
    return;
  /* Another file: the list is built afresh on the next reload. */
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->groups);
}

static void
hs_groups_page_dispose (GObject *object)
{
  HsGroupsPage *self = HS_GROUPS_PAGE (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_GROUPS_PAGE);
  g_clear_object (&self->groups);
  g_clear_object (&self->database);
  g_clear_pointer (&self->district_ids, g_array_unref);

  G_OBJECT_CLASS (hs_groups_page_parent_class)->dispose (object);
}

static void
hs_groups_page_class_init (HsGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_groups_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-groups-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HsGroupsPage, name)
  BIND (stack);
  BIND (district_filter);
  BIND (setting_filter);
  BIND (status_filter);
  BIND (count_label);
  BIND (at_risk_button);
  BIND (at_risk_label);
  BIND (column_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_button_clicked_cb);
}

static void
hs_groups_page_init (HsGroupsPage *self)
{
  const char * const setting_names[] = { _("Community and prison"), C_("setting", "Community"),
                                         C_("setting", "Prison"), NULL };
  const char * const status_names[] = { _("Any status"), C_("group status", "Running"),
                                        C_("group status", "Planned"),
                                        C_("group status", "Graduated"),
                                        C_("group status", "Closed"), NULL };
  g_autoptr(GtkStringList) setting_model = gtk_string_list_new (setting_names);
  g_autoptr(GtkStringList) status_model = gtk_string_list_new (status_names);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->setting_filter, G_LIST_MODEL (setting_model));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (status_model));
  self->filling = FALSE;

  add_column (self, _("Group"), COLUMN_NAME, 180);
  add_column (self, _("District or facility"), COLUMN_PLACE, 140);
  add_column (self, _("Facilitators"), COLUMN_FACILITATORS, 175);
  add_column (self, _("Members"), COLUMN_MEMBERS, -1);
  add_column (self, _("Progress"), COLUMN_PROGRESS, -1);
  add_column (self, _("Status"), COLUMN_STATUS, -1);
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  set_database (HS_GROUPS_PAGE (page), database);
}

static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  return hs_groups_page_reload (HS_GROUPS_PAGE (page), error);
}

static void
hs_groups_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}
