/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-holidays-dialog"

#include <glib/gi18n.h>

#include "hs-holidays-dialog.h"
#include "hs-schedule.h"

struct _HsHolidaysDialog
{
  AdwWindow     parent_instance;

  HsDatabase   *database;
  int           year;
  gint64        editing;   /* the holiday being corrected, 0 when adding */

  GtkLabel     *year_label;
  AdwEntryRow  *date_row;
  AdwEntryRow  *name_row;
  GtkLabel     *error_label;
  GtkButton    *save_button;
  GtkButton    *cancel_button;
  AdwPreferencesGroup *form_group;
  AdwPreferencesGroup *list_group;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (HsHolidaysDialog, hs_holidays_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill_list (HsHolidaysDialog *self);

static void
show_error (HsHolidaysDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
reset_form (HsHolidaysDialog *self)
{
  self->editing = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  adw_preferences_group_set_title (self->form_group, _("Add a Holiday"));
  gtk_button_set_label (self->save_button, _("_Add Holiday"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  show_error (self, NULL);
}

static void
on_save_clicked_cb (GtkButton        *button,
                    HsHolidaysDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *name_text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *date = g_strstrip (g_strdup (date_text));
  g_autofree char *name = g_strstrip (g_strdup (name_text));
  gboolean ok;
  GDate parsed;

  if (self->editing != 0)
    ok = hs_schedule_update_holiday (self->database, self->editing, date, name, &error);
  else
    ok = hs_schedule_add_holiday (self->database, date, name, &error) != 0;
  if (!ok)
    {
      gboolean date_wrong = !hs_schedule_parse_date (date, &parsed);

      show_error (self, error->message);
      if (date_wrong)
        gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (date_wrong ? self->date_row : self->name_row));
      return;
    }
  /* Show the year the holiday went into. */
  if (hs_schedule_parse_date (date, &parsed))
    self->year = g_date_get_year (&parsed);
  reset_form (self);
  fill_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_cancel_clicked_cb (GtkButton        *button,
                      HsHolidaysDialog *self)
{
  reset_form (self);
}

static void
on_edit_clicked_cb (GtkButton        *button,
                    HsHolidaysDialog *self)
{
  self->editing = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "holiday-id"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         g_object_get_data (G_OBJECT (button), "holiday-date"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         g_object_get_data (G_OBJECT (button), "holiday-name"));
  adw_preferences_group_set_title (self->form_group, _("Correct a Holiday"));
  gtk_button_set_label (self->save_button, _("_Save Changes"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       HsHolidaysDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "holiday-id"));

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!hs_schedule_remove_holiday (self->database, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (self->editing == id)
    reset_form (self);
  fill_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_delete_clicked_cb (GtkButton        *button,
                      HsHolidaysDialog *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "holiday-name");
  g_autofree char *shown = hs_schedule_display_date (g_object_get_data (G_OBJECT (button),
                                                                        "holiday-date"));
  /* Translators: "Delete “Christmas Day” on Fri 25.12.2026?" */
  g_autofree char *heading = g_strdup_printf (_("Delete “%s” on %s?"), _(name), shown);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Sessions already planned stay where "
                                                         "they are; groups scheduled from now "
                                                         "on may meet that day.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "holiday-id",
                     g_object_get_data (G_OBJECT (button), "holiday-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
row_button (HsHolidaysDialog *self,
            HsHoliday        *holiday,
            const char       *icon,
            const char       *accessible,
            GCallback         callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (button), "holiday-id", GSIZE_TO_POINTER ((gsize) holiday->id));
  g_object_set_data_full (G_OBJECT (button), "holiday-date", g_strdup (holiday->date), g_free);
  g_object_set_data_full (G_OBJECT (button), "holiday-name", g_strdup (holiday->name), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
holiday_row (HsHolidaysDialog *self,
             HsHoliday        *holiday)
{
  g_autofree char *shown = hs_schedule_display_date (holiday->date);
  /* Translators: the accessible names of a holiday's buttons, "Edit Christmas Day 2026-12-25". */
  g_autofree char *edit = g_strdup_printf (_("Edit %s %s"), _(holiday->name), holiday->date);
  g_autofree char *delete = g_strdup_printf (_("Delete %s %s"), _(holiday->name), holiday->date);
  GtkWidget *row = adw_action_row_new ();

  /* The shipped names are English msgids; names the coordinator typed stay as typed. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(holiday->name));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, holiday, "document-edit-symbolic", edit,
                                         G_CALLBACK (on_edit_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, holiday, "user-trash-symbolic", delete,
                                         G_CALLBACK (on_delete_clicked_cb)));
  return row;
}

static void
fill_list (HsHolidaysDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autofree char *year = g_strdup_printf ("%d", self->year);
  g_autofree char *title = NULL;
  GtkWidget *child;

  gtk_label_set_text (self->year_label, year);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if ((holidays = hs_schedule_list_holidays (self->database, self->year, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  title = g_strdup_printf (ngettext ("%u holiday in %d", "%u holidays in %d", holidays->len),
                           holidays->len, self->year);
  adw_preferences_group_set_title (self->list_group, title);
  for (guint i = 0; i < holidays->len; i++)
    gtk_list_box_append (self->list, holiday_row (self, g_ptr_array_index (holidays, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), holidays->len > 0);
}

static void
on_year_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsHolidaysDialog *self = HS_HOLIDAYS_DIALOG (widget);

  self->year += g_str_equal (action_name, "holidays.next-year") ? 1 : -1;
  fill_list (self);
}

static GtkWidget *
year_button (const char *icon,
             const char *name,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
build_header (HsHolidaysDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *years = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (years, "linked");
  gtk_box_append (GTK_BOX (years), year_button ("go-previous-symbolic", _("Previous year"),
                                                "holidays.previous-year"));
  self->year_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_margin_start (GTK_WIDGET (self->year_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->year_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->year_label), "heading");
  gtk_box_append (GTK_BOX (years), GTK_WIDGET (self->year_label));
  gtk_box_append (GTK_BOX (years), year_button ("go-next-symbolic", _("Next year"),
                                                "holidays.next-year"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), years);
  return header;
}

static GtkWidget *
build_form (HsHolidaysDialog *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *rows = gtk_list_box_new ();

  self->form_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->form_group,
                                         _("Kwibuka week (7–13 April) and the Umuganda "
                                           "morning (last Saturday) are always kept free; "
                                           "they are not in this table."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (rows, "boxed-list");
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Date (YYYY-MM-DD)"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  gtk_list_box_append (GTK_LIST_BOX (rows), GTK_WIDGET (self->date_row));
  gtk_list_box_append (GTK_LIST_BOX (rows), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (self->form_group, rows);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  adw_preferences_group_add (self->form_group, GTK_WIDGET (self->error_label));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Holiday")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  g_signal_connect_swapped (self->date_row, "entry-activated",
                            G_CALLBACK (gtk_widget_grab_focus), self->name_row);
  g_signal_connect_swapped (self->name_row, "entry-activated",
                            G_CALLBACK (gtk_widget_activate), self->save_button);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->save_button));
  adw_preferences_group_add (self->form_group, buttons);
  return GTK_WIDGET (self->form_group);
}

static void
hs_holidays_dialog_dispose (GObject *object)
{
  HsHolidaysDialog *self = HS_HOLIDAYS_DIALOG (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (hs_holidays_dialog_parent_class)->dispose (object);
}

static void
hs_holidays_dialog_class_init (HsHolidaysDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_holidays_dialog_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "holidays.previous-year", NULL,
                                   on_year_action_cb);
  gtk_widget_class_install_action (widget_class, "holidays.next-year", NULL,
                                   on_year_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "holidays.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "holidays.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_holidays_dialog_init (HsHolidaysDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Public Holidays"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);
  gtk_box_append (GTK_BOX (content), build_header (self));

  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_box_append (GTK_BOX (body), build_form (self));
  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Holidays"), -1);
  adw_preferences_group_add (self->list_group, GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->list_group));

  adw_clamp_set_child (ADW_CLAMP (clamp), body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);
  reset_form (self);
}

HsHolidaysDialog *
hs_holidays_dialog_new (GtkWindow  *parent,
                        HsDatabase *database,
                        int         year)
{
  HsHolidaysDialog *self;

  g_return_val_if_fail (HS_IS_DATABASE (database), NULL);

  self = g_object_new (HS_TYPE_HOLIDAYS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->database = g_object_ref (database);
  self->year = year;
  fill_list (self);
  return self;
}
