/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-calendar-page"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-calendar-page.h"
#include "hs-holidays-dialog.h"
#include "hs-i18n.h"
#include "hs-page.h"
#include "hs-report-i18n.h"
#include "hs-schedule.h"

/* How many sessions a day of the month grid lists before "+N more". */
#define MAX_SESSIONS_IN_CELL 3

struct _HsCalendarPage
{
  AdwBin           parent_instance;

  HsDatabase      *database;
  GDate            anchor;   /* a day of the week or month shown */

  /* Template widgets */
  GtkLabel        *range_label;
  GtkButton       *previous_button;
  GtkButton       *next_button;
  GtkToggleButton *week_button;
  AdwClamp        *clamp;
  GtkBox          *days_box;
};

static void hs_calendar_page_page_init (HsPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsCalendarPage, hs_calendar_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE, hs_calendar_page_page_init))

static void
set_today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

static gboolean
is_week (HsCalendarPage *self)
{
  return gtk_toggle_button_get_active (self->week_button);
}

/* The first and last day shown: Monday to Sunday, or the whole month. */
static void
get_range (HsCalendarPage *self,
           GDate          *first,
           GDate          *last)
{
  *first = self->anchor;
  if (is_week (self))
    {
      g_date_subtract_days (first, g_date_get_weekday (first) - 1);
      *last = *first;
      g_date_add_days (last, 6);
    }
  else
    {
      /* The month grid shows whole weeks, Monday first. */
      g_date_set_day (first, 1);
      *last = *first;
      g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first),
                                                      g_date_get_year (first)));
      g_date_subtract_days (first, g_date_get_weekday (first) - 1);
      g_date_add_days (last, 7 - g_date_get_weekday (last));
    }
}

static GtkWidget *
label (const char *text,
       const char *css_class)
{
  GtkWidget *widget = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
  return widget;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "held") == 0)
    return C_("session status", "Held");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("session status", "Cancelled");
  if (g_strcmp0 (status, "moved") == 0)
    return C_("session status", "Moved");
  return C_("session status", "Planned");
}

static GtkWidget *
session_list (GPtrArray  *entries,
              const char *date)
{
  GtkWidget *list = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      HsCalendarEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!g_str_equal (entry->date, date))
        continue;
      if (list == NULL)
        {
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
        }
      /* Translators: a session in the calendar, "Musanze adults 6 · session 8". */
      title = g_strdup_printf (_("%s · session %d"), entry->group, entry->number);
      subtitle = g_strdup_printf ("%s%s%s · %s", entry->time != NULL ? entry->time : "",
                                  entry->time != NULL && entry->venue != NULL ? " · " : "",
                                  entry->venue != NULL ? entry->venue : "",
                                  status_label (entry->status));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      /* Activating the row takes the roll call of the session. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-session");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", entry->session_id);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

static void
add_day (HsCalendarPage *self,
         GHashTable     *holidays,
         GPtrArray      *entries,
         const GDate    *day)
{
  g_autofree char *iso = hs_schedule_format_date (day);
  g_autofree char *shown = hs_schedule_display_date (iso);
  g_autofree char *closed = hs_schedule_describe_day (holidays, day, NULL);
  GtkWidget *sessions = session_list (entries, iso);
  GtkWidget *heading;
  GDate today;

  set_today (&today);
  if (g_date_compare (day, &today) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("%s — today"), shown);
      heading = label (text, "heading");
    }
  else
    heading = label (shown, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (self->days_box, heading);
  if (closed != NULL)
    gtk_box_append (self->days_box, label (closed, "warning"));
  if (sessions != NULL)
    gtk_box_append (self->days_box, sessions);
  else if (closed == NULL)
    gtk_box_append (self->days_box, label (_("No sessions"), "dim-label"));
}

static void
clear_days (HsCalendarPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);
}

static void
show_week (HsCalendarPage *self,
           GHashTable     *holidays,
           GPtrArray      *entries,
           const GDate    *first,
           const GDate    *last)
{
  g_autofree char *first_iso = hs_schedule_format_date (first);
  g_autofree char *last_iso = hs_schedule_format_date (last);
  g_autofree char *first_shown = hs_schedule_display_date (first_iso);
  g_autofree char *last_shown = hs_schedule_display_date (last_iso);
  g_autofree char *range = g_strdup_printf ("%s – %s", first_shown, last_shown);
  GDate day;

  gtk_label_set_text (self->range_label, range);
  for (day = *first; g_date_compare (&day, last) <= 0; g_date_add_days (&day, 1))
    add_day (self, holidays, entries, &day);
}

/* A session in a day of the month grid: its time and group, a button that
 * takes its roll call. */
static GtkWidget *
session_button (HsCalendarEntry *entry)
{
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text_label;

  text = g_strdup_printf ("%s%s%s", entry->time != NULL ? entry->time : "",
                          entry->time != NULL ? " " : "", entry->group);
  /* Translators: a session in the month grid, "Musanze adults 6 · session 8 · 14:00 · Held". */
  full = g_strdup_printf (_("%s · session %d · %s · %s"), entry->group, entry->number,
                          entry->time != NULL ? entry->time : "–", status_label (entry->status));
  text_label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), text_label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "hs-calendar-session");
  if (g_strcmp0 (entry->status, "cancelled") == 0)
    gtk_widget_add_css_class (button, "cancelled");
  else if (g_strcmp0 (entry->status, "held") == 0)
    gtk_widget_add_css_class (button, "held");
  gtk_widget_set_tooltip_text (button, full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-session");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", entry->session_id);
  return button;
}

static GtkWidget *
month_cell (HsCalendarPage *self,
            GHashTable     *holidays,
            GPtrArray      *entries,
            guint          *next_entry,
            const GDate    *day,
            const GDate    *today)
{
  g_autofree char *iso = hs_schedule_format_date (day);
  g_autofree char *closed = hs_schedule_describe_day (holidays, day, NULL);
  g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (day));
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *number_label = gtk_label_new (number);
  guint shown = 0, hidden = 0;
  guint room = closed != NULL ? MAX_SESSIONS_IN_CELL - 1 : MAX_SESSIONS_IN_CELL;

  gtk_widget_add_css_class (cell, "hs-calendar-day");
  if (g_date_get_month (day) != g_date_get_month (&self->anchor))
    gtk_widget_add_css_class (cell, "other-month");
  gtk_label_set_xalign (GTK_LABEL (number_label), 0);
  gtk_widget_add_css_class (number_label, "hs-day-number");
  gtk_box_append (GTK_BOX (cell), number_label);
  if (g_date_compare (day, today) == 0)
    {
      gtk_widget_add_css_class (cell, "today");
      gtk_widget_set_tooltip_text (number_label, _("Today"));
    }
  if (closed != NULL)
    {
      GtkWidget *name = gtk_label_new (closed);

      gtk_widget_add_css_class (cell, "closed");
      gtk_widget_add_css_class (name, "hs-closed-name");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      /* "Umuganda (mu gitondo cyo ku wa gatandatu wa nyuma)" needs three. */
      gtk_label_set_lines (GTK_LABEL (name), 3);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (name, closed);
      gtk_box_append (GTK_BOX (cell), name);
    }
  /* Entries come by date: this day's are the next ones. */
  for (; *next_entry < entries->len; (*next_entry)++)
    {
      HsCalendarEntry *entry = g_ptr_array_index (entries, *next_entry);

      if (strcmp (entry->date, iso) > 0)
        break;
      if (strcmp (entry->date, iso) < 0)
        continue;
      if (shown < room)
        {
          gtk_box_append (GTK_BOX (cell), session_button (entry));
          shown++;
        }
      else
        hidden++;
    }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("+%u more", "+%u more", hidden), hidden);
      g_autofree char *whole = hs_schedule_display_date (iso);
      /* Translators: the accessible name of "+3 more" in the month grid. */
      g_autofree char *name = g_strdup_printf (_("All sessions of %s"), whole);
      GtkWidget *button = gtk_button_new_with_label (more);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "hs-calendar-more");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.show-week");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", iso);
      gtk_box_append (GTK_BOX (cell), button);
    }
  return cell;
}

static void
show_month (HsCalendarPage *self,
            GHashTable     *holidays,
            GPtrArray      *entries,
            const GDate    *first,
            const GDate    *last)
{
  g_autofree char *title = NULL;
  GtkWidget *grid = gtk_grid_new ();
  guint next_entry = 0;
  GDate day, today;
  int cell = 0;

  /* Translators: the month shown by the calendar, "November 2026". */
  title = g_strdup_printf (C_("month and year", "%s %d"),
                           hs_report_month_name (hs_i18n_get_language (),
                                                 g_date_get_month (&self->anchor)),
                           g_date_get_year (&self->anchor));
  gtk_label_set_text (self->range_label, title);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), FALSE);
  gtk_widget_add_css_class (grid, "hs-month-grid");
  for (int i = 0; i < 7; i++)
    {
      static const char * const names[] = {
        N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
        N_("Saturday"), N_("Sunday"),
      };
      GtkWidget *heading = gtk_label_new (_(names[i]));

      gtk_widget_add_css_class (heading, "hs-weekday");
      gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
      gtk_grid_attach (GTK_GRID (grid), heading, i, 0, 1, 1);
    }
  set_today (&today);
  for (day = *first; g_date_compare (&day, last) <= 0; g_date_add_days (&day, 1), cell++)
    {
      GtkWidget *box = month_cell (self, holidays, entries, &next_entry, &day, &today);

      gtk_widget_set_vexpand (box, TRUE);
      gtk_grid_attach (GTK_GRID (grid), box, cell % 7, 1 + cell / 7, 1, 1);
    }
  gtk_widget_set_vexpand (grid, TRUE);
  gtk_box_append (self->days_box, grid);
}

/* The arrows say what they move by, for screen readers as much as tooltips. */
static void
update_arrows (HsCalendarPage *self)
{
  const char *earlier = is_week (self) ? _("Previous week") : _("Previous month");
  const char *later = is_week (self) ? _("Next week") : _("Next month");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button), earlier);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, earlier, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), later);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, later, -1);
}

static gboolean
hs_calendar_page_reload (HsCalendarPage  *self,
                         GError         **error)
{
  g_autoptr(GHashTable) holidays = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) today_entries = NULL;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  g_autofree char *today_iso = NULL;
  GDate first, last, today;

  if ((holidays = hs_schedule_load_holidays (self->database, error)) == NULL)
    return FALSE;
  get_range (self, &first, &last);
  first_iso = hs_schedule_format_date (&first);
  last_iso = hs_schedule_format_date (&last);
  set_today (&today);
  today_iso = hs_schedule_format_date (&today);
  if ((entries = hs_schedule_list_between (self->database, first_iso, last_iso, error)) == NULL
      || (today_entries = hs_schedule_list_between (self->database, today_iso, today_iso,
                                                    error)) == NULL)
    return FALSE;

  clear_days (self);
  update_arrows (self);
  /* The month grid needs the width; a week reads best as a column. */
  adw_clamp_set_maximum_size (self->clamp, is_week (self) ? 760 : 1600);
  adw_clamp_set_tightening_threshold (self->clamp, is_week (self) ? 400 : 1600);

  /* What happens today comes first, whatever period is shown. */
  if (today_entries->len > 0)
    {
      gtk_box_append (self->days_box, label (_("Today"), "title-4"));
      gtk_box_append (self->days_box, session_list (today_entries, today_iso));
      gtk_box_append (self->days_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }

  if (is_week (self))
    show_week (self, holidays, entries, &first, &last);
  else
    show_month (self, holidays, entries, &first, &last);
  return TRUE;
}

static void
reload (HsCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->database != NULL && !hs_calendar_page_reload (self, &error))
    g_warning ("%s", error->message);
}

static void
move (HsCalendarPage *self,
      int             direction)
{
  if (is_week (self))
    {
      if (direction > 0)
        g_date_add_days (&self->anchor, 7);
      else
        g_date_subtract_days (&self->anchor, 7);
    }
  else
    {
      g_date_set_day (&self->anchor, 1);
      if (direction > 0)
        g_date_add_months (&self->anchor, 1);
      else
        g_date_subtract_months (&self->anchor, 1);
    }
  reload (self);
}

static void
on_previous_clicked_cb (GtkButton      *button,
                        HsCalendarPage *self)
{
  move (self, -1);
}

static void
on_next_clicked_cb (GtkButton      *button,
                    HsCalendarPage *self)
{
  move (self, 1);
}

static void
on_today_clicked_cb (GtkButton      *button,
                     HsCalendarPage *self)
{
  set_today (&self->anchor);
  reload (self);
}

static void
on_previous_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move (HS_CALENDAR_PAGE (widget), -1);
}

static void
on_next_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (HS_CALENDAR_PAGE (widget), 1);
}

/* calendar.show-week (s): the week of a day, from "+3 more" in the month grid. */
static void
on_show_week_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HsCalendarPage *self = HS_CALENDAR_PAGE (widget);
  GDate day;

  if (!hs_schedule_parse_date (g_variant_get_string (parameter, NULL), &day))
    return;
  self->anchor = day;
  if (is_week (self))
    reload (self);
  else
    gtk_toggle_button_set_active (self->week_button, TRUE);
}

static void
on_holidays_changed_cb (HsHolidaysDialog *dialog,
                        HsCalendarPage   *self)
{
  reload (self);
}

/* calendar.holidays: the holiday table, at the year shown. */
static void
on_holidays_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HsCalendarPage *self = HS_CALENDAR_PAGE (widget);
  HsHolidaysDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = hs_holidays_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->database,
                                   g_date_get_year (&self->anchor));
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_holidays_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_view_toggled_cb (GtkToggleButton *button,
                    HsCalendarPage  *self)
{
  if (gtk_toggle_button_get_active (button))
    reload (self);
}

static void
hs_calendar_page_dispose (GObject *object)
{
  HsCalendarPage *self = HS_CALENDAR_PAGE (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (hs_calendar_page_parent_class)->dispose (object);
}

static void
hs_calendar_page_class_init (HsCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_calendar_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, days_box);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL,
                                   on_previous_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, on_next_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.show-week", "s",
                                   on_show_week_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.holidays", NULL,
                                   on_holidays_action_cb);
}

/* Page Up/Down and Alt+Left/Right turn the page: wherever the focus is in
 * the window while the page is shown, and inside the page before the
 * scrolled window takes Page Up/Down for itself. */
static GtkEventController *
new_shortcuts (void)
{
  static const struct
  {
    guint           key;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_Page_Up, 0, "calendar.previous" },
    { GDK_KEY_Page_Down, 0, "calendar.next" },
    { GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous" },
    { GDK_KEY_Right, GDK_ALT_MASK, "calendar.next" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (
                                            gtk_keyval_trigger_new (keys[i].key,
                                                                    keys[i].modifiers),
                                            gtk_named_action_new (keys[i].action)));
  return controller;
}

static void
add_shortcuts (HsCalendarPage *self)
{
  GtkEventController *inside = new_shortcuts ();
  GtkEventController *anywhere = new_shortcuts ();

  gtk_event_controller_set_propagation_phase (inside, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), inside);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (anywhere),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_widget_add_controller (GTK_WIDGET (self), anywhere);
}

static void
hs_calendar_page_init (HsCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
  set_today (&self->anchor);
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  g_set_object (&HS_CALENDAR_PAGE (page)->database, database);
}

static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  return hs_calendar_page_reload (HS_CALENDAR_PAGE (page), error);
}

static void
hs_calendar_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}
