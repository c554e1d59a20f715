/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-roll-call"

#include <glib/gi18n.h>

#include "hs-graduation.h"
#include "hs-group.h"
#include "hs-membership.h"
#include "hs-participant.h"
#include "hs-roll-call.h"
#include "hs-schedule.h"
#include "hs-session.h"
#include "hs-settings.h"
#include "hs-sign-in-sheet.h"

static const char * const marks[] = { "present", "absent", "excused" };

typedef struct
{
  gint64           participant_id;
  char            *name;
  char            *mark;
  GtkWidget       *row;
  GtkToggleButton *buttons[G_N_ELEMENTS (marks)];
} Member;

/* One mark as it was before a change, so that it can be put back. */
typedef struct
{
  guint  member;
  char  *previous;
} Change;

struct _HsRollCall
{
  AdwBin          parent_instance;

  HsDatabase     *database;
  gint64          session_id;
  GPtrArray      *members;   /* Member */
  GPtrArray      *undo;      /* GArray of Change, one per user action */
  gboolean        updating;

  /* Template widgets */
  AdwWindowTitle *title;
  GtkButton      *undo_button;
  GtkLabel       *summary_label;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (HsRollCall, hs_roll_call, ADW_TYPE_BIN)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
member_free (gpointer data)
{
  Member *member = data;

  g_free (member->name);
  g_free (member->mark);
  g_free (member);
}

static void
clear_change (gpointer data)
{
  g_free (((Change *) data)->previous);
}

static const char *
mark_label (const char *mark)
{
  if (g_strcmp0 (mark, "present") == 0)
    return C_("attendance", "Present");
  if (g_strcmp0 (mark, "absent") == 0)
    return C_("attendance", "Absent");
  if (g_strcmp0 (mark, "excused") == 0)
    return C_("attendance", "Excused");
  return C_("attendance", "Not marked");
}

static void
show_error (HsRollCall   *self,
            const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static void
update_summary (HsRollCall *self)
{
  guint counts[G_N_ELEMENTS (marks) + 1] = { 0, };
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = g_ptr_array_index (self->members, i);
      guint k = G_N_ELEMENTS (marks);

      for (guint j = 0; j < G_N_ELEMENTS (marks); j++)
        if (g_strcmp0 (member->mark, marks[j]) == 0)
          k = j;
      counts[k]++;
    }
  /* Translators: a summary of the roll call, "12 present, 1 absent, 0 excused, 2 not marked". */
  text = g_strdup_printf (_("%u present, %u absent, %u excused, %u not marked"),
                          counts[0], counts[1], counts[2], counts[3]);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), self->undo->len > 0);
}

static void
show_member (HsRollCall *self,
             Member     *member)
{
  g_autofree char *name = g_strdup_printf ("%s: %s", member->name, mark_label (member->mark));

  self->updating = TRUE;
  for (guint j = 0; j < G_N_ELEMENTS (marks); j++)
    gtk_toggle_button_set_active (member->buttons[j], g_strcmp0 (member->mark, marks[j]) == 0);
  self->updating = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (member->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Saves @mark for member @index; records the change in @changes (optional). */
static gboolean
set_mark (HsRollCall *self,
          guint       index,
          const char *mark,
          GArray     *changes)
{
  Member *member = g_ptr_array_index (self->members, index);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (member->mark, mark) == 0)
    return TRUE;
  if (!hs_attendance_set (self->database, self->session_id, member->participant_id, mark,
                          &error))
    {
      show_error (self, error);
      show_member (self, member);
      return FALSE;
    }
  if (changes != NULL)
    {
      Change change = { index, g_strdup (member->mark) };
      g_array_append_val (changes, change);
    }
  g_free (member->mark);
  member->mark = g_strdup (mark);
  show_member (self, member);
  return TRUE;
}

static GArray *
new_changes (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_array_set_clear_func (changes, clear_change);
  return changes;
}

static void
push_changes (HsRollCall *self,
              GArray     *changes)
{
  if (changes->len > 0)
    g_ptr_array_add (self->undo, g_array_ref (changes));
  update_summary (self);
}

static void
mark_one (HsRollCall *self,
          guint       index,
          const char *mark)
{
  g_autoptr(GArray) changes = new_changes ();

  set_mark (self, index, mark, changes);
  push_changes (self, changes);
}

static void
undo (HsRollCall *self)
{
  g_autoptr(GArray) changes = NULL;

  if (self->undo->len == 0)
    return;
  changes = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (changes, Change, i - 1);
      set_mark (self, change->member, change->previous, NULL);
    }
  update_summary (self);
}

static void
on_undo_button_clicked_cb (GtkButton  *button,
                           HsRollCall *self)
{
  undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (HS_ROLL_CALL (widget));
}

static void
on_all_present_button_clicked_cb (GtkButton  *button,
                                  HsRollCall *self)
{
  g_autoptr(GArray) changes = new_changes ();

  /* Marks only the people not marked yet: the exceptions already taken stay. */
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = g_ptr_array_index (self->members, i);
      if (member->mark == NULL)
        set_mark (self, i, "present", changes);
    }
  push_changes (self, changes);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 HsSignInSheet     *sheet)
{
  hs_sign_in_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context),
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context), (guint) page);
}

static void
free_sheet (gpointer  data,
            GClosure *closure)
{
  hs_sign_in_sheet_free (data);
}

static void
on_sheet_button_clicked_cb (GtkButton  *button,
                            HsRollCall *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GSettings) settings = hs_settings_new ();
  g_autofree char *language = g_settings_get_string (settings, "sheet-language");
  HsSignInSheet *sheet = hs_sign_in_sheet_load (self->database, self->session_id, &error);

  if (sheet == NULL)
    {
      show_error (self, error);
      return;
    }
  /* Its own language (Preferences), whatever the interface speaks. */
  hs_sign_in_sheet_set_language (sheet, language);
  /* A4 portrait, whatever the printer's default. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) hs_sign_in_sheet_get_n_pages (sheet));
  gtk_print_operation_set_job_name (operation, _("Sign-in sheet"));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), sheet,
                         free_sheet, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

static void
on_back_button_clicked_cb (GtkButton  *button,
                           HsRollCall *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_mark_button_toggled_cb (GtkToggleButton *button,
                           HsRollCall      *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "member"));
  const char *mark = g_object_get_data (G_OBJECT (button), "mark");

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  mark_one (self, index, mark);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   HsRollCall            *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row;
  const char *mark = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || focus == NULL)
    return GDK_EVENT_PROPAGATE;
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_p: mark = "present"; break;
    case GDK_KEY_a: mark = "absent"; break;
    case GDK_KEY_e: mark = "excused"; break;
    default: return GDK_EVENT_PROPAGATE;
    }
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus
                                    : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  mark_one (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), mark);
  return GDK_EVENT_STOP;
}

static GtkWidget *
create_row (HsRollCall *self,
            Member     *member,
            guint       index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (member->name);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (linked, "linked");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint j = 0; j < G_N_ELEMENTS (marks); j++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (mark_label (marks[j]));

      /* The row keeps the focus, so that arrows walk the list and P, A, E mark it. */
      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_add_css_class (button, marks[j]);
      if (j > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), member->buttons[0]);
      g_object_set_data (G_OBJECT (button), "member", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (button), "mark", (gpointer) marks[j]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_mark_button_toggled_cb), self);
      member->buttons[j] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (linked), button);
    }
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), linked);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  member->row = row;
  return row;
}

static void
remove_rows (HsRollCall *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->undo, 0);
}

gboolean
hs_roll_call_load (HsRollCall  *self,
                   HsDatabase  *database,
                   gint64       session_id,
                   GError     **error)
{
  g_autoptr(HsSession) session = NULL;
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GPtrArray) standings = NULL;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HS_IS_ROLL_CALL (self), FALSE);

  if ((session = hs_session_load (database, session_id, error)) == NULL
      || (group = hs_group_load (database, hs_session_get_group_id (session), error)) == NULL
      || (standings = hs_graduation_list_group (database, hs_group_get_id (group),
                                                error)) == NULL)
    return FALSE;

  g_set_object (&self->database, database);
  self->session_id = session_id;
  remove_rows (self);

  date = hs_schedule_display_date (hs_session_get_date (session));
  /* Translators: "Session 7 · Tue 01.04.2025". */
  heading = g_strdup_printf (_("Session %d · %s"), hs_session_get_number (session), date);
  adw_window_title_set_title (self->title, heading);
  adw_window_title_set_subtitle (self->title, hs_group_get_name (group));

  for (guint i = 0; i < standings->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (standings, i);
      g_autofree char *mark = hs_attendance_get (database, session_id, s->participant_id, NULL);
      Member *member;

      /* People who left before this session are not called, unless they were marked. */
      if (mark == NULL && !g_str_equal (s->outcome, "ongoing")
          && !g_str_equal (s->outcome, "graduated"))
        continue;
      member = g_new0 (Member, 1);
      member->participant_id = s->participant_id;
      member->name = g_strdup (hs_participant_display_name (s->full_name));
      member->mark = g_steal_pointer (&mark);
      g_ptr_array_add (self->members, member);
      gtk_list_box_append (self->list_box, create_row (self, member, self->members->len - 1));
      show_member (self, member);
    }
  update_summary (self);
  return TRUE;
}

void
hs_roll_call_focus (HsRollCall *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (HS_IS_ROLL_CALL (self));

  first = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
hs_roll_call_dispose (GObject *object)
{
  HsRollCall *self = HS_ROLL_CALL (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_ROLL_CALL);
  g_clear_object (&self->database);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_roll_call_parent_class)->dispose (object);
}

static void
hs_roll_call_class_init (HsRollCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_roll_call_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-roll-call.ui");
  gtk_widget_class_bind_template_child (widget_class, HsRollCall, title);
  gtk_widget_class_bind_template_child (widget_class, HsRollCall, undo_button);
  gtk_widget_class_bind_template_child (widget_class, HsRollCall, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HsRollCall, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_present_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "roll-call.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "roll-call.undo", NULL);
}

static void
hs_roll_call_init (HsRollCall *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->members = g_ptr_array_new_with_free_func (member_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), keys);
}

GtkWidget *
hs_roll_call_new (void)
{
  return g_object_new (HS_TYPE_ROLL_CALL, NULL);
}
