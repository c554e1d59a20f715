/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-calendar-page"

#include <glib/gi18n.h>

#include "hs-calendar-page.h"
#include "hs-page.h"
#include "hs-schedule.h"

struct _HsCalendarPage
{
  AdwBin           parent_instance;

  HsDatabase      *database;
  GDate            anchor;   /* a day of the week or month shown */

  /* Template widgets */
  GtkLabel        *range_label;
  GtkToggleButton *week_button;
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
      g_date_set_day (first, 1);
      *last = *first;
      g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first),
                                                      g_date_get_year (first)));
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
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

static void
add_day (HsCalendarPage *self,
         GHashTable     *holidays,
         GPtrArray      *entries,
         const GDate    *day,
         gboolean        always)
{
  g_autofree char *iso = hs_schedule_format_date (day);
  g_autofree char *shown = hs_schedule_display_date (iso);
  g_autofree char *closed = hs_schedule_describe_day (holidays, day, NULL);
  GtkWidget *sessions = session_list (entries, iso);
  GtkWidget *heading;
  GDate today;

  if (!always && sessions == NULL && closed == NULL)
    return;
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
  else if (always && closed == NULL)
    gtk_box_append (self->days_box, label (_("No sessions"), "dim-label"));
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
  g_autofree char *first_shown = NULL;
  g_autofree char *last_shown = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *range = NULL;
  GtkWidget *child;
  GDate first, last, day, today;

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

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);

  /* What happens today comes first, whatever period is shown. */
  if (today_entries->len > 0)
    {
      gtk_box_append (self->days_box, label (_("Today"), "title-4"));
      gtk_box_append (self->days_box, session_list (today_entries, today_iso));
      gtk_box_append (self->days_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }

  first_shown = hs_schedule_display_date (first_iso);
  last_shown = hs_schedule_display_date (last_iso);
  range = g_strdup_printf ("%s – %s", first_shown, last_shown);
  gtk_label_set_text (self->range_label, range);
  for (day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    add_day (self, holidays, entries, &day, is_week (self));
  if (entries->len == 0 && !is_week (self))
    gtk_box_append (self->days_box, label (_("No sessions this month."), "dim-label"));
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
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, HsCalendarPage, days_box);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
}

static void
hs_calendar_page_init (HsCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
