/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-duplicates-dialog"

#include <glib/gi18n.h>

#include "hs-duplicates-dialog.h"
#include "hs-participant.h"

/* Built in code: one row per pair, remade whenever the pairs change. */
struct _HsDuplicatesDialog
{
  AdwWindow        parent_instance;

  HsDatabase      *database;
  /* HsParticipantMatch, two per pair, as hs_participant_find_duplicate_pairs () gives. */
  GPtrArray       *pairs;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkLabel        *count_label;
};

G_DEFINE_FINAL_TYPE (HsDuplicatesDialog, hs_duplicates_dialog, ADW_TYPE_WINDOW)

enum {
  OPEN_PARTICIPANT,
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A list box of thousands of rows (a big synthetic database) freezes the
 * window; a coordinator works through the first ones and comes back. */
#define MAX_SHOWN 200u

static void reload (HsDuplicatesDialog *self);

static HsParticipantMatch *
pair_member (HsDuplicatesDialog *self,
             guint               pair,
             guint               which)
{
  return g_ptr_array_index (self->pairs, 2 * pair + which);
}

static void
show_toast (HsDuplicatesDialog *self,
            const char         *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_open_clicked_cb (GtkButton          *button,
                    HsDuplicatesDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "participant-id"));

  g_signal_emit (self, signals[OPEN_PARTICIPANT], 0, id);
}

static void
on_distinct_clicked_cb (GtkButton          *button,
                        HsDuplicatesDialog *self)
{
  guint pair = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pair"));
  g_autoptr(GError) error = NULL;

  if (!hs_participant_mark_distinct (self->database, pair_member (self, pair, 0)->id,
                                     pair_member (self, pair, 1)->id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  reload (self);
  show_toast (self, _("They will not be offered as duplicates again"));
}

static void
on_merge_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      HsDuplicatesDialog *self)
{
  guint pair = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "pair"));
  g_autoptr(GError) error = NULL;
  gint64 keep, other;

  if (g_str_equal (response, "keep-first"))
    {
      keep = pair_member (self, pair, 0)->id;
      other = pair_member (self, pair, 1)->id;
    }
  else if (g_str_equal (response, "keep-second"))
    {
      keep = pair_member (self, pair, 1)->id;
      other = pair_member (self, pair, 0)->id;
    }
  else
    return;
  if (!hs_participant_merge (self->database, keep, other, &error))
    {
      show_toast (self, error->message);
      return;
    }
  reload (self);
  g_signal_emit (self, signals[MERGED], 0, keep, other);
  show_toast (self, _("Records merged"));
}

static char *
describe_person (HsParticipantMatch *person)
{
  /* Translators: a possible duplicate: name, birth year, district. */
  return g_strdup_printf (_("%s, born %d, %s"), hs_participant_display_name (person->full_name),
                          person->birth_year, person->district);
}

static void
on_merge_clicked_cb (GtkButton          *button,
                     HsDuplicatesDialog *self)
{
  guint pair = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pair"));
  g_autofree char *first = describe_person (pair_member (self, pair, 0));
  g_autofree char *second = describe_person (pair_member (self, pair, 1));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("1. %s\n2. %s\n\nThe groups, attendance, certificates and history "
                            "of one record move to the other, and the emptied record is deleted. "
                            "Which record is kept?"), first, second);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Two Records?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep-first", _("Keep _1"),
                                    "keep-second", _("Keep _2"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-first",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pair", GUINT_TO_POINTER (pair));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_button (HsDuplicatesDialog *self,
             const char         *mnemonic,
             const char         *accessible_name,
             GCallback           callback,
             const char         *key,
             gpointer            value)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible_name, -1);
  g_object_set_data (G_OBJECT (button), key, value);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
make_person_line (HsDuplicatesDialog *self,
                  HsParticipantMatch *person)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *text = describe_person (person);
  g_autofree char *open_name = g_strdup_printf (_("Open the record of %s"),
                                                hs_participant_display_name (person->full_name));
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *open;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  open = make_button (self, _("_Open"), open_name, G_CALLBACK (on_open_clicked_cb),
                      "participant-id", GSIZE_TO_POINTER (person->id));
  gtk_widget_add_css_class (open, "flat");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), open);
  return line;
}

static GtkWidget *
make_pair_row (HsDuplicatesDialog *self,
               guint               pair)
{
  HsParticipantMatch *first = pair_member (self, pair, 0);
  HsParticipantMatch *second = pair_member (self, pair, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reason = gtk_label_new (first->reason);
  GtkWidget *row = gtk_list_box_row_new ();
  const char *first_name = hs_participant_display_name (first->full_name);
  const char *second_name = hs_participant_display_name (second->full_name);
  g_autofree char *merge_name = g_strdup_printf (_("Merge %s and %s"), first_name, second_name);
  g_autofree char *distinct_name = g_strdup_printf (_("%s and %s are not the same person"),
                                                    first_name, second_name);

  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_widget_add_css_class (reason, "heading");
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), make_person_line (self, first));
  gtk_box_append (GTK_BOX (box), make_person_line (self, second));
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (actions),
                  make_button (self, _("_Not the Same Person"), distinct_name,
                               G_CALLBACK (on_distinct_clicked_cb), "pair",
                               GUINT_TO_POINTER (pair)));
  gtk_box_append (GTK_BOX (actions),
                  make_button (self, _("_Merge…"), merge_name, G_CALLBACK (on_merge_clicked_cb),
                               "pair", GUINT_TO_POINTER (pair)));
  gtk_box_append (GTK_BOX (box), actions);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
reload (HsDuplicatesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if ((pairs = hs_participant_find_duplicate_pairs (self->database, &error)) == NULL)
    {
      show_toast (self, error->message);
      pairs = g_ptr_array_new ();
    }
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  self->pairs = g_steal_pointer (&pairs);
  n = self->pairs->len / 2;
  for (guint i = 0; i < MIN (n, MAX_SHOWN); i++)
    gtk_list_box_append (self->list, make_pair_row (self, i));
  count = g_strdup_printf (ngettext ("%u likely pair", "%u likely pairs", n), n);
  if (n > MAX_SHOWN)
    {
      g_autofree char *first = g_strdup_printf (_("%s; the first %u are shown"), count,
                                                MAX_SHOWN);

      gtk_label_set_text (self->count_label, first);
    }
  else
    gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
build (HsDuplicatesDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *empty = adw_status_page_new ();

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Likely duplicates"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Likely Duplicates"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("No two records have alike names, the same district and "
                                     "birth years within one."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->toast_overlay));
  adw_window_set_content (ADW_WINDOW (self), outer);
}

static void
hs_duplicates_dialog_dispose (GObject *object)
{
  HsDuplicatesDialog *self = HS_DUPLICATES_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_duplicates_dialog_parent_class)->dispose (object);
}

static void
hs_duplicates_dialog_class_init (HsDuplicatesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hs_duplicates_dialog_dispose;

  signals[OPEN_PARTICIPANT] = g_signal_new ("open-participant", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_duplicates_dialog_init (HsDuplicatesDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Find Duplicates"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 600);
  build (self);
}

HsDuplicatesDialog *
hs_duplicates_dialog_new (GtkWindow  *parent,
                          HsDatabase *database)
{
  HsDuplicatesDialog *self = g_object_new (HS_TYPE_DUPLICATES_DIALOG, "transient-for", parent,
                                           NULL);

  self->database = g_object_ref (database);
  reload (self);
  return self;
}
