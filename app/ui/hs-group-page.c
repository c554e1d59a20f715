/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-group-page"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-facilitator.h"
#include "hs-graduation.h"
#include "hs-group-list.h"
#include "hs-group-page.h"
#include "hs-group.h"
#include "hs-participant.h"
#include "hs-schedule.h"

struct _HsGroupPage
{
  AdwBin            parent_instance;

  HsDatabase       *database;
  gint64            group_id;
  HsAttendanceGrid *grid_data;

  /* Template widgets */
  AdwWindowTitle   *title;
  GtkWidget        *plan_button;
  GtkWidget        *close_button;
  GtkWidget        *rule_button;
  GtkLabel         *facts_label;
  GtkLabel         *warning_label;
  GtkLabel         *at_risk_label;
  GtkGrid          *grid;
  GtkListBox       *sessions_list;
};

G_DEFINE_FINAL_TYPE (HsGroupPage, hs_group_page, ADW_TYPE_BIN)

enum {
  CLOSED,
  OPEN_SESSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (HsGroupPage  *self,
            const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static const char *
session_status_label (const char *status)
{
  if (g_strcmp0 (status, "held") == 0)
    return C_("session status", "Held");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("session status", "Cancelled");
  if (g_strcmp0 (status, "moved") == 0)
    return C_("session status", "Moved");
  return C_("session status", "Planned");
}

static const char *
outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "graduated") == 0)
    return C_("outcome", "Graduated");
  if (g_strcmp0 (outcome, "dropped") == 0)
    return C_("outcome", "Dropped out");
  if (g_strcmp0 (outcome, "transferred") == 0)
    return C_("outcome", "Transferred");
  return C_("outcome", "Ongoing");
}

static const char *
standing_class (HsStanding standing)
{
  switch (standing)
    {
    case HS_STANDING_REACHED: return "success";
    case HS_STANDING_AT_RISK: return "warning";
    case HS_STANDING_UNREACHABLE: return "error";
    case HS_STANDING_ON_TRACK:
    default: return NULL;
    }
}

static void
clear_container (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_grid_remove (GTK_GRID (widget), child);
    }
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
on_session_button_clicked_cb (GtkButton   *button,
                              HsGroupPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "session-id");

  g_signal_emit (self, signals[OPEN_SESSION], 0, *id);
}

/* The number heading a column of the grid opens that session's roll call. */
static GtkWidget *
session_button (HsGroupPage   *self,
                HsGridSession *session)
{
  g_autofree char *number = g_strdup_printf ("%d", session->number);
  g_autofree char *date = hs_schedule_display_date (session->date);
  g_autofree char *name = g_strdup_printf (_("Session %d · %s"), session->number, date);
  GtkWidget *button = gtk_button_new_with_label (number);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "session-number");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_sensitive (button, !g_str_equal (session->status, "cancelled"));
  g_object_set_data_full (G_OBJECT (button), "session-id",
                          g_memdup2 (&session->id, sizeof session->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_session_button_clicked_cb), self);
  return button;
}

static void
fill_grid (HsGroupPage *self)
{
  HsAttendanceGrid *grid = self->grid_data;
  guint n_sessions = grid->sessions->len;

  clear_container (GTK_WIDGET (self->grid));
  gtk_grid_attach (self->grid, grid_label (_("Member"), "heading"), 0, 0, 1, 1);
  for (guint s = 0; s < n_sessions; s++)
    gtk_grid_attach (self->grid,
                     session_button (self, &g_array_index (grid->sessions, HsGridSession, s)),
                     1 + s, 0, 1, 1);
  gtk_grid_attach (self->grid, grid_label (_("Where they stand"), "heading"),
                   1 + n_sessions, 0, 1, 1);

  for (guint m = 0; m < grid->members->len; m++)
    {
      HsMemberStanding *member = g_ptr_array_index (grid->members, m);
      const char *name = hs_participant_display_name (member->full_name);
      GtkWidget *why;

      gtk_grid_attach (self->grid, grid_label (name, NULL), 0, 1 + m, 1, 1);
      for (guint s = 0; s < n_sessions; s++)
        {
          const char *mark = hs_attendance_grid_get (grid, m, s);
          GtkWidget *cell = grid_label (hs_attendance_mark_letter (mark),
                                        mark == NULL ? "dim-label"
                                        : g_str_equal (mark, "absent") ? "error"
                                        : g_str_equal (mark, "excused") ? "warning" : NULL);
          gtk_label_set_xalign (GTK_LABEL (cell), 0.5);
          gtk_grid_attach (self->grid, cell, 1 + s, 1 + m, 1, 1);
        }
      if (g_str_equal (member->outcome, "ongoing"))
        why = grid_label (member->explanation, standing_class (member->standing));
      else
        {
          g_autofree char *text = g_strdup_printf ("%s — %s", outcome_label (member->outcome),
                                                   member->explanation);
          why = grid_label (text, "dim-label");
        }
      /* Wrapped, so that the grid and the sessions below fit the window. */
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (why), 40);
      gtk_widget_set_hexpand (why, TRUE);
      gtk_grid_attach (self->grid, why, 1 + n_sessions, 1 + m, 1, 1);
    }
}

typedef enum
{
  EDIT_MOVE,
  EDIT_CANCEL,
  EDIT_ADD,
} EditKind;

typedef struct
{
  HsGroupPage *page;
  EditKind     kind;
  gint64       session_id;
  GtkEntry    *date;
  GtkEntry    *time;
  GtkEntry    *reason;
} EditDialog;

static void
edit_dialog_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void reload (HsGroupPage *self);

static void
on_edit_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     EditDialog       *edit)
{
  HsGroupPage *self = edit->page;
  g_autoptr(GError) error = NULL;
  const char *date = edit->date ? gtk_editable_get_text (GTK_EDITABLE (edit->date)) : NULL;
  const char *time = edit->time ? gtk_editable_get_text (GTK_EDITABLE (edit->time)) : NULL;
  const char *reason = edit->reason ? gtk_editable_get_text (GTK_EDITABLE (edit->reason)) : NULL;
  gboolean ok = TRUE;

  if (!g_str_equal (response, "ok"))
    return;
  switch (edit->kind)
    {
    case EDIT_MOVE:
      ok = hs_schedule_move_session (self->database, edit->session_id, date, time, reason,
                                     &error);
      break;
    case EDIT_CANCEL:
      ok = hs_schedule_cancel_session (self->database, edit->session_id, reason, &error);
      break;
    case EDIT_ADD:
    default:
      ok = hs_schedule_add_session (self->database, self->group_id, date, time, &error) > 0;
      break;
    }
  if (!ok)
    show_error (self, error);
  reload (self);
}

static GtkEntry *
dialog_entry (GtkWidget  *box,
              const char *label,
              const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);
  return GTK_ENTRY (entry);
}

/* Moving, cancelling or adding a session by hand; a reason is kept for the first two. */
static void
open_edit_dialog (HsGroupPage   *self,
                  EditKind       kind,
                  HsGridSession *session)
{
  static const char * const headings[] = {
    N_("Move the Session?"), N_("Cancel the Session?"), N_("Add a Session?"),
  };
  EditDialog *edit = g_new0 (EditDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  edit->page = self;
  edit->kind = kind;
  edit->session_id = session != NULL ? session->id : 0;
  if (kind != EDIT_CANCEL)
    {
      edit->date = dialog_entry (box, _("Date (YYYY-MM-DD)"),
                                 session != NULL ? session->date : NULL);
      edit->time = dialog_entry (box, _("Time (HH:MM)"), session != NULL ? session->time : NULL);
    }
  if (kind != EDIT_ADD)
    edit->reason = dialog_entry (box, _("Reason"), NULL);
  body = session != NULL ? g_strdup_printf (_("Session %d of the group."), session->number)
                         : g_strdup (_("A session after the last one, for example to make up "
                                       "for a cancelled one."));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _(headings[kind]), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"),
                                    "ok", kind == EDIT_MOVE ? _("_Move")
                                          : kind == EDIT_CANCEL ? _("Cancel _Session")
                                          : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              kind == EDIT_CANCEL ? ADW_RESPONSE_DESTRUCTIVE
                                                                  : ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_edit_response_cb), edit,
                         edit_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static HsGridSession *
find_session (HsGroupPage *self,
              gint64       id)
{
  for (guint s = 0; s < self->grid_data->sessions->len; s++)
    if (g_array_index (self->grid_data->sessions, HsGridSession, s).id == id)
      return &g_array_index (self->grid_data->sessions, HsGridSession, s);
  return NULL;
}

static void
on_session_edit_clicked_cb (GtkButton   *button,
                            HsGroupPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "session-id");
  EditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  HsGridSession *session = find_session (self, *id);

  if (session != NULL)
    open_edit_dialog (self, kind, session);
}

static void
on_add_button_clicked_cb (GtkButton   *button,
                          HsGroupPage *self)
{
  open_edit_dialog (self, EDIT_ADD, NULL);
}

static GtkWidget *
edit_button (HsGroupPage   *self,
             HsGridSession *session,
             EditKind       kind,
             const char    *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "session-id",
                          g_memdup2 (&session->id, sizeof session->id), g_free);
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (button, "clicked", G_CALLBACK (on_session_edit_clicked_cb), self);
  return button;
}

static void
fill_sessions (HsGroupPage *self)
{
  HsAttendanceGrid *grid = self->grid_data;

  clear_container (GTK_WIDGET (self->sessions_list));
  for (guint s = 0; s < grid->sessions->len; s++)
    {
      HsGridSession *session = &g_array_index (grid->sessions, HsGridSession, s);
      g_autofree char *date = hs_schedule_display_date (session->date);
      g_autofree char *title = g_strdup_printf (_("Session %d · %s %s"), session->number, date,
                                                session->time != NULL ? session->time : "");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (session_status_label (session->status));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (session->reason != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), session->reason);
      gtk_widget_add_css_class (status, "dim-label");
      if (g_str_equal (session->status, "planned") || g_str_equal (session->status, "moved"))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     edit_button (self, session, EDIT_MOVE, _("Move…")));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     edit_button (self, session, EDIT_CANCEL, _("Cancel…")));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                        !g_str_equal (session->status, "cancelled"));
      g_object_set_data_full (G_OBJECT (row), "session-id",
                              g_memdup2 (&session->id, sizeof session->id), g_free);
      gtk_list_box_append (self->sessions_list, row);
    }
}

/* Who runs the group, the first thing asked about a group after its place. */
static void
append_facilitators (HsDatabase *db,
                     gint64      group_id,
                     GString    *out)
{
  g_autoptr(GArray) ids = hs_group_list_facilitators (db, group_id, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(HsFacilitator) f = hs_facilitator_load (db, g_array_index (ids, gint64, i),
                                                        NULL);

      if (f == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, hs_facilitator_get_full_name (f));
    }
  if (names->len == 0)
    return;
  g_string_append_c (out, '\n');
  /* Translators: %s lists the group's facilitators, "Alice Uwase, Jean Habimana". */
  g_string_append_printf (out, _("Facilitators: %s"), names->str);
}

static char *
describe_group (HsDatabase *db,
                HsGroup    *group,
                guint       n_members)
{
  static const char * const days[] = {
    NC_("weekday", "Mondays"), NC_("weekday", "Tuesdays"), NC_("weekday", "Wednesdays"),
    NC_("weekday", "Thursdays"), NC_("weekday", "Fridays"), NC_("weekday", "Saturdays"),
    NC_("weekday", "Sundays"),
  };
  HsGraduationRule rule;
  int weekday = hs_group_get_weekday (group);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s · %s · %s",
                          hs_group_approach_label (hs_group_get_approach (group)),
                          hs_group_setting_label (hs_group_get_setting (group)),
                          hs_age_band_label (hs_group_get_age_band (group)));
  if (hs_group_get_venue (group) != NULL)
    g_string_append_printf (out, " · %s", hs_group_get_venue (group));
  if (weekday >= 1 && weekday <= 7)
    g_string_append_printf (out, " · %s %s",
                            g_dpgettext2 (GETTEXT_PACKAGE, "weekday", days[weekday - 1]),
                            hs_group_get_start_time (group) ?: "");
  append_facilitators (db, hs_group_get_id (group), out);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("%u member", "%u members", n_members), n_members);
  if (hs_graduation_rule_for_group (db, hs_group_get_id (group), &rule, NULL))
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, rule.excused_counts
                              ? _("graduates after %d sessions, excused absences count")
                              : _("graduates after %d sessions attended"),
                              rule.min_sessions);
    }
  return g_string_free (out, FALSE);
}

static void
show_clashes (HsGroupPage *self)
{
  g_autoptr(GPtrArray) clashes = hs_schedule_find_clashes (self->database, self->group_id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; clashes != NULL && i < clashes->len && i < 5; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (clashes, i));
    }
  gtk_label_set_text (self->warning_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), text->len > 0);
}

/* The members who must come to every remaining session, or can no longer
 * graduate, named above the grid so that nobody has to read its colours. */
static void
show_at_risk (HsGroupPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < self->grid_data->members->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (self->grid_data->members, i);
      g_autofree char *line = NULL;

      if (!g_str_equal (s->outcome, "ongoing")
          || (s->standing != HS_STANDING_AT_RISK && s->standing != HS_STANDING_UNREACHABLE))
        continue;
      line = g_markup_printf_escaped ("\n<b>%s</b>: %s", hs_participant_display_name (s->full_name),
                                      s->explanation);
      g_string_append (text, line);
      n++;
    }
  if (n > 0)
    {
      g_autofree char *counted = g_strdup_printf (ngettext ("%u member at risk",
                                                            "%u members at risk", n), n);
      g_autofree char *heading = g_markup_printf_escaped ("<span weight=\"bold\" "
                                                          "size=\"large\">%s</span>", counted);

      g_string_prepend (text, heading);
    }
  gtk_label_set_markup (self->at_risk_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->at_risk_label), n > 0);
}

gboolean
hs_group_page_load (HsGroupPage  *self,
                    HsDatabase   *database,
                    gint64        group_id,
                    GError      **error)
{
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(HsAttendanceGrid) grid = NULL;
  g_autofree char *facts = NULL;
  const char *status;

  g_return_val_if_fail (HS_IS_GROUP_PAGE (self), FALSE);

  if ((group = hs_group_load (database, group_id, error)) == NULL
      || (grid = hs_attendance_grid_load (database, group_id, error)) == NULL)
    return FALSE;

  g_set_object (&self->database, database);
  self->group_id = group_id;
  g_clear_pointer (&self->grid_data, hs_attendance_grid_free);
  self->grid_data = g_steal_pointer (&grid);

  status = hs_group_get_status (group);
  adw_window_title_set_title (self->title, hs_group_get_name (group));
  adw_window_title_set_subtitle (self->title, hs_group_status_label (status));
  facts = describe_group (database, group, self->grid_data->members->len);
  gtk_label_set_text (self->facts_label, facts);
  gtk_widget_set_visible (self->plan_button, self->grid_data->sessions->len == 0);
  gtk_widget_set_visible (self->close_button,
                          g_str_equal (status, "running") || g_str_equal (status, "planned"));
  gtk_widget_set_visible (self->rule_button,
                          g_str_equal (status, "running") || g_str_equal (status, "planned"));
  fill_grid (self);
  fill_sessions (self);
  show_clashes (self);
  show_at_risk (self);
  return TRUE;
}

static void
reload (HsGroupPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_group_page_load (self, self->database, self->group_id, &error))
    show_error (self, error);
}

static void
on_back_button_clicked_cb (GtkButton   *button,
                           HsGroupPage *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_plan_button_clicked_cb (GtkButton   *button,
                           HsGroupPage *self)
{
  g_autoptr(GError) error = NULL;

  if (hs_schedule_create_sessions (self->database, self->group_id, &error) < 0)
    show_error (self, error);
  reload (self);
}

static void
on_sessions_list_row_activated_cb (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   HsGroupPage   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "session-id");

  if (id != NULL)
    g_signal_emit (self, signals[OPEN_SESSION], 0, *id);
}

typedef struct
{
  HsGroupPage *page;
  GtkEntry    *date;
  GtkEntry    *venue;
  GPtrArray   *rows;   /* CloseRow */
} CloseDialog;

typedef struct
{
  gint64       participant_id;
  const char  *proposed;
  GtkDropDown *outcome;
  GtkEntry    *reason;
} CloseRow;

static void
close_dialog_free (gpointer  data,
                   GClosure *closure)
{
  CloseDialog *dialog = data;

  g_ptr_array_unref (dialog->rows);
  g_free (dialog);
}

static void
on_close_dialog_response_cb (AdwMessageDialog *message,
                             const char       *response,
                             CloseDialog      *dialog)
{
  static const char * const outcomes[] = { "graduated", "dropped" };
  g_autoptr(GHashTable) overrides = hs_graduation_overrides_new ();
  g_autoptr(GError) error = NULL;
  HsGroupPage *self = dialog->page;

  if (!g_str_equal (response, "close"))
    return;
  for (guint i = 0; i < dialog->rows->len; i++)
    {
      CloseRow *row = g_ptr_array_index (dialog->rows, i);
      const char *chosen = outcomes[MIN (gtk_drop_down_get_selected (row->outcome), 1)];

      if (!g_str_equal (chosen, row->proposed))
        hs_graduation_overrides_add (overrides, row->participant_id, chosen,
                                     gtk_editable_get_text (GTK_EDITABLE (row->reason)));
    }
  if (!hs_graduation_close_group (self->database, self->group_id,
                                  gtk_editable_get_text (GTK_EDITABLE (dialog->date)),
                                  gtk_editable_get_text (GTK_EDITABLE (dialog->venue)),
                                  overrides, &error))
    show_error (self, error);
  reload (self);
}

static GtkWidget *
labelled_entry (GtkWidget   *box,
                const char  *label,
                const char  *text,
                GtkEntry   **out)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_box_append (GTK_BOX (row), caption);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (box), row);
  *out = GTK_ENTRY (entry);
  return row;
}

static void
on_close_button_clicked_cb (GtkButton   *button,
                            HsGroupPage *self)
{
  CloseDialog *dialog = g_new0 (CloseDialog, 1);
  GtkWidget *message, *box, *list, *scrolled;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char * const outcome_labels[] = { C_("outcome", "Graduated"),
                                          C_("outcome", "Dropped out"), NULL };
  guint remaining = 0;

  dialog->page = self;
  dialog->rows = g_ptr_array_new_with_free_func (g_free);
  message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    _("Close the Group?"),
                                    _("Each member gets the outcome the graduation rule "
                                      "proposes. To decide otherwise, choose the outcome and "
                                      "say why; the reason is kept in the audit log."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < self->grid_data->sessions->len; i++)
    {
      HsGridSession *session = &g_array_index (self->grid_data->sessions, HsGridSession, i);

      remaining += g_str_equal (session->status, "planned") || g_str_equal (session->status,
                                                                             "moved");
    }
  if (remaining > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u session is still to come: closing "
                                                         "the group cancels it.",
                                                         "%u sessions are still to come: "
                                                         "closing the group cancels them.",
                                                         remaining), remaining);
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
  labelled_entry (box, _("Graduation date"), today, &dialog->date);
  labelled_entry (box, _("Venue"), "", &dialog->venue);
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < self->grid_data->members->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (self->grid_data->members, i);
      CloseRow *row;
      GtkWidget *line, *name, *reason;
      g_autofree char *markup = NULL;

      if (!g_str_equal (s->outcome, "ongoing"))
        continue;
      row = g_new0 (CloseRow, 1);
      row->participant_id = s->participant_id;
      row->proposed = hs_graduation_proposed_outcome (s);
      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      /* The name, and under it why the rule proposes what it does. */
      name = gtk_label_new (NULL);
      markup = g_markup_printf_escaped ("%s\n<small>%s</small>",
                                        hs_participant_display_name (s->full_name),
                                        s->explanation);
      gtk_label_set_markup (GTK_LABEL (name), markup);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      row->outcome = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (outcome_labels));
      gtk_drop_down_set_selected (row->outcome, g_str_equal (row->proposed, "graduated") ? 0 : 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->outcome),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hs_participant_display_name (s->full_name), -1);
      reason = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, if you change it"));
      row->reason = GTK_ENTRY (reason);
      gtk_widget_set_valign (GTK_WIDGET (row->outcome), GTK_ALIGN_CENTER);
      gtk_widget_set_valign (reason, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (line), name);
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->outcome));
      gtk_box_append (GTK_BOX (line), reason);
      gtk_box_append (GTK_BOX (list), line);
      g_ptr_array_add (dialog->rows, row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"), "close", _("_Close Group"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "close",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (message, "response", G_CALLBACK (on_close_dialog_response_cb), dialog,
                         close_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

typedef struct
{
  HsGroupPage    *page;
  GtkCheckButton *own;
  GtkSpinButton  *min_sessions;
  GtkCheckButton *excused;
} RuleDialog;

static void
on_rule_dialog_response_cb (AdwMessageDialog *message,
                            const char       *response,
                            RuleDialog       *dialog)
{
  HsGroupPage *self = dialog->page;
  gboolean own = gtk_check_button_get_active (dialog->own);
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if ((group = hs_group_load (self->database, self->group_id, &error)) != NULL)
    {
      /* 0 and -1 stand for the programme's rule (hs-group.h). */
      g_object_set (group,
                    "min-sessions", own ? gtk_spin_button_get_value_as_int (dialog->min_sessions)
                                        : 0,
                    "excused-count", own ? (int) gtk_check_button_get_active (dialog->excused)
                                         : -1,
                    NULL);
      hs_group_save (group, self->database, &error);
    }
  if (error != NULL)
    show_error (self, error);
  reload (self);
}

static void
on_rule_own_toggled_cb (GtkCheckButton *own,
                        RuleDialog     *dialog)
{
  gboolean active = gtk_check_button_get_active (own);

  gtk_widget_set_sensitive (GTK_WIDGET (dialog->min_sessions), active);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->excused), active);
}

static void
on_rule_button_clicked_cb (GtkButton   *button,
                           HsGroupPage *self)
{
  RuleDialog *dialog = g_new0 (RuleDialog, 1);
  HsGraduationRule programme = hs_graduation_rule_get_default (self->database);
  HsGraduationRule current = programme;
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *programme_text = NULL;
  GtkWidget *message, *box, *row, *caption, *inherit;
  int planned;

  if ((group = hs_group_load (self->database, self->group_id, &error)) == NULL
      || !hs_graduation_rule_for_group (self->database, self->group_id, &current, &error))
    {
      g_free (dialog);
      show_error (self, error);
      return;
    }
  planned = hs_group_get_planned_sessions (group);
  dialog->page = self;
  programme_text = g_strdup_printf (programme.excused_counts
                                    ? _("The programme's rule: %d sessions, excused absences "
                                        "count")
                                    : _("The programme's rule: %d sessions attended"),
                                    programme.min_sessions);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  inherit = gtk_check_button_new_with_label (programme_text);
  dialog->own = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("A rule for this group")));
  gtk_check_button_set_group (dialog->own, GTK_CHECK_BUTTON (inherit));
  gtk_box_append (GTK_BOX (box), inherit);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->own));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (row, 24);
  caption = gtk_label_new (_("Minimum sessions attended"));
  gtk_widget_set_hexpand (caption, TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  dialog->min_sessions = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, MAX (planned, 1),
                                                                          1));
  gtk_spin_button_set_value (dialog->min_sessions, MIN (current.min_sessions, planned));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->min_sessions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minimum sessions attended"), -1);
  gtk_box_append (GTK_BOX (row), caption);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (dialog->min_sessions));
  gtk_box_append (GTK_BOX (box), row);
  dialog->excused = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (
    _("Excused absences count as attended")));
  gtk_check_button_set_active (dialog->excused, current.excused_counts);
  gtk_widget_set_margin_start (GTK_WIDGET (dialog->excused), 24);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->excused));

  g_signal_connect (dialog->own, "toggled", G_CALLBACK (on_rule_own_toggled_cb), dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (inherit), TRUE);
  gtk_check_button_set_active (dialog->own, hs_group_get_min_sessions (group) > 0
                                            || hs_group_get_excused_count (group) >= 0);
  on_rule_own_toggled_cb (dialog->own, dialog);

  message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    _("Graduation Rule"),
                                    _("Members who reach the rule are proposed as graduates "
                                      "when the group closes. The change is kept in the audit "
                                      "log."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "save",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (message, "response", G_CALLBACK (on_rule_dialog_response_cb), dialog,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       HsGroupPage     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if ((ics = hs_schedule_to_ics (self->database, self->group_id, &error)) == NULL
          || !g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE,
                                       G_FILE_CREATE_NONE, NULL, NULL, &error))
        show_error (self, error);
    }
  g_object_unref (chooser);
}

static void
on_export_button_clicked_cb (GtkButton   *button,
                             HsGroupPage *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s.ics",
                                           adw_window_title_get_title (self->title));

  chooser = gtk_file_chooser_native_new (_("Export the Sessions"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gint64
hs_group_page_get_id (HsGroupPage *self)
{
  g_return_val_if_fail (HS_IS_GROUP_PAGE (self), 0);
  return self->group_id;
}

static void
hs_group_page_dispose (GObject *object)
{
  HsGroupPage *self = HS_GROUP_PAGE (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_GROUP_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->grid_data, hs_attendance_grid_free);

  G_OBJECT_CLASS (hs_group_page_parent_class)->dispose (object);
}

static void
hs_group_page_class_init (HsGroupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_group_page_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_SESSION] = g_signal_new ("open-session", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-group-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HsGroupPage, name)
  BIND (title);
  BIND (plan_button);
  BIND (close_button);
  BIND (rule_button);
  BIND (facts_label);
  BIND (warning_label);
  BIND (at_risk_label);
  BIND (grid);
  BIND (sessions_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sessions_list_row_activated_cb);
}

static void
hs_group_page_init (HsGroupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hs_group_page_new (void)
{
  return g_object_new (HS_TYPE_GROUP_PAGE, NULL);
}
