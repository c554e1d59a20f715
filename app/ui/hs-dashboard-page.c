/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-dashboard-page"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "hs-chart-export-dialog.h"
#include "hs-chart-view.h"
#include "hs-dashboard-page.h"
#include "hs-format.h"
#include "hs-group-list.h"
#include "hs-i18n.h"
#include "hs-page.h"
#include "hs-participants-page.h"
#include "hs-presentation-setup.h"
#include "hs-report-i18n.h"
#include "hs-stats.h"
#include "hs-window.h"

/* The charts on the page, in order; presentations and exports use them
 * too. */
static const HsChartSpec chart_specs[] = {
  { HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING },
  { HS_CHART_KIND_SEX, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_AGE, HS_CHART_SPLIT_SETTING },
  { HS_CHART_KIND_TREND, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_CATEGORY, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_FACILITY, HS_CHART_SPLIT_SEX },
  { HS_CHART_KIND_TARGET, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_TARGET_DISTRICT, HS_CHART_SPLIT_NONE },
  { HS_CHART_KIND_TARGET_SEX, HS_CHART_SPLIT_NONE },
};
#define N_CHARTS G_N_ELEMENTS (chart_specs)

static const char * const approach_values[] = { NULL, "sociotherapy", "multifamily", "resilience" };
static const char * const setting_values[] = { NULL, "community", "prison" };
static const char * const language_values[] = { "rw", "en" };

typedef struct
{
  char *from;
  char *to;
} Period;

struct _HsDashboardPage
{
  AdwBin      parent_instance;

  HsDatabase *database;
  guint       n_district_rows;
  /* Choices behind the period and district drop-downs. */
  GPtrArray  *periods;
  GArray     *district_ids;
  gboolean    filling;
  GtkEventController *root_shortcuts;
  HsChartView *views[N_CHARTS];
  /* The figures are counted off the main thread, and only while the page
   * is on screen: a reload asked for before that waits for the map. */
  GCancellable *loading;
  gboolean    load_pending;
  gboolean    choices_pending;
  gboolean    loaded;
  GdkFrameClock *paint_clock;
  gulong      paint_handler;

  /* Template widgets */
  GtkWidget  *graduates_card;
  GtkWidget  *sex_card;
  GtkWidget  *age_card;
  GtkWidget  *prisoners_card;
  GtkWidget  *groups_card;
  GtkWidget  *districts_card;
  GtkLabel   *graduates_label;
  GtkLabel   *female_label;
  GtkLabel   *male_label;
  GtkLabel   *youth_label;
  GtkLabel   *adults_label;
  GtkLabel   *prisoners_label;
  GtkLabel   *groups_label;
  GtkLabel   *districts_label;
  GtkLabel   *graduates_detail;
  GtkLabel   *sex_detail;
  GtkLabel   *age_detail;
  GtkLabel   *prisoners_detail;
  GtkLabel   *groups_detail;
  GtkLabel   *districts_detail;
  GtkWidget  *no_districts_label;
  GtkGrid    *district_grid;
  GtkDropDown *period_filter;
  GtkDropDown *district_filter;
  GtkDropDown *approach_filter;
  GtkDropDown *setting_filter;
  GtkDropDown *language_filter;
  GtkFlowBox *charts_box;
  GtkStack   *state_stack;
  GtkSpinner *loading_spinner;
  GtkLabel   *loading_label;
};

static void hs_dashboard_page_page_init (HsPageInterface *iface);
static void stop_waiting_for_paint (HsDashboardPage *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsDashboardPage, hs_dashboard_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_PAGE, hs_dashboard_page_page_init))

/* Rows 0 and 1 of the district table hold the column headers and a rule,
 * from the template. */
#define FIRST_DISTRICT_ROW 2

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
percent (guint part,
         guint whole)
{
  return whole == 0 ? 0 : (part * 100 + whole / 2) / whole;
}

static void G_GNUC_PRINTF (2, 3)
set_text (GtkLabel   *label,
          const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_label_set_text (label, text);
}

/* GtkLabel names itself after its text; a figure is named after its
 * caption instead, which the template hides from screen readers. */
static void
set_figure (GtkLabel   *label,
            const char *caption,
            const char *figure)
{
  gtk_label_set_text (label, figure);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  -1);
}

/* A screen reader announces the card, so its name carries the figures. */
static void G_GNUC_PRINTF (2, 3)
set_card_label (GtkWidget  *card,
                const char *format,
                ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static guint
item_total (const HsChartData *data,
            const char        *key)
{
  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item->total;
    }
  return 0;
}

static const HsChartData *
chart_data (HsDashboardPage *self,
            HsChartKind      kind)
{
  for (guint i = 0; i < N_CHARTS; i++)
    if (chart_specs[i].kind == kind)
      return hs_chart_view_get_data (self->views[i]);
  g_return_val_if_reached (NULL);
}

/* The people cards follow the filters, like the charts. */
static void
show_people (HsDashboardPage *self)
{
  const HsChartData *districts = chart_data (self, HS_CHART_KIND_DISTRICT);
  const HsChartData *sexes = chart_data (self, HS_CHART_KIND_SEX);
  const HsChartData *ages = chart_data (self, HS_CHART_KIND_AGE);
  const HsChartData *facilities = chart_data (self, HS_CHART_KIND_FACILITY);
  guint prisoners_female = 0, prisoners_male = 0;
  g_autofree char *graduates = hs_format_count (districts->total);
  g_autofree char *community = hs_format_count (districts->total - facilities->total);
  g_autofree char *prisoners = hs_format_count (facilities->total);
  g_autofree char *female = hs_format_count (item_total (sexes, "F"));
  g_autofree char *male = hs_format_count (item_total (sexes, "M"));
  g_autofree char *youth = hs_format_count (item_total (ages, "youth"));
  g_autofree char *adults = hs_format_count (item_total (ages, "adult"));
  g_autofree char *pf = NULL;
  g_autofree char *pm = NULL;

  for (guint i = 0; i < facilities->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (facilities->items, i);

      prisoners_female += item->values[0];
      prisoners_male += item->values[1];
    }
  pf = hs_format_count (prisoners_female);
  pm = hs_format_count (prisoners_male);

  set_figure (self->graduates_label, _("Graduates"), graduates);
  set_text (self->graduates_detail, _("Community: %s, prison: %s"), community, prisoners);
  set_card_label (self->graduates_card, _("Graduates: %s"), graduates);

  set_figure (self->female_label, _("Female"), female);
  set_figure (self->male_label, _("Male"), male);
  set_text (self->sex_detail, _("%u%% of graduates are female"),
            percent (item_total (sexes, "F"), sexes->total));
  set_card_label (self->sex_card, _("Female: %s, male: %s"), female, male);

  set_figure (self->youth_label, _("Youth"), youth);
  set_figure (self->adults_label, _("Adults"), adults);
  set_text (self->age_detail, _("%u%% of graduates are youth"),
            percent (item_total (ages, "youth"), ages->total));
  set_card_label (self->age_card, _("Youth: %s, adults: %s"), youth, adults);

  set_figure (self->prisoners_label, _("Prisoners"), prisoners);
  set_text (self->prisoners_detail, _("Female: %s, male: %s"), pf, pm);
  set_card_label (self->prisoners_card, _("Prisoners: %s"), prisoners);
}

static void
show_groups (HsDashboardPage *self,
             const HsStats   *stats)
{
  guint groups = stats->groups_community_adult + stats->groups_community_youth
                 + stats->groups_prison;
  g_autofree char *total = hs_format_count (groups);
  g_autofree char *adult = hs_format_count (stats->groups_community_adult);
  g_autofree char *youth = hs_format_count (stats->groups_community_youth);
  g_autofree char *prison = hs_format_count (stats->groups_prison);

  set_figure (self->groups_label, _("Groups"), total);
  set_text (self->groups_detail, _("Adult: %s, youth: %s, prison: %s"), adult, youth, prison);
  set_card_label (self->groups_card, _("Groups: %s"), total);
}

static GtkWidget *
add_cell (HsDashboardPage *self,
          const char      *text,
          int              column,
          gboolean         numeric,
          gboolean         total)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_widget_set_hexpand (label, TRUE);
  if (total)
    gtk_widget_add_css_class (label, "hs-total");
  gtk_grid_attach (self->district_grid, label, column, FIRST_DISTRICT_ROW + self->n_district_rows,
                   1, 1);
  return label;
}

static void
add_district_row (HsDashboardPage *self,
                  const char      *name,
                  guint            graduates,
                  guint            community,
                  guint            prison,
                  gboolean         total)
{
  guint counts[] = { graduates, community, prison };

  add_cell (self, name, 0, FALSE, total);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = hs_format_count (counts[i]);

      add_cell (self, text, i + 1, TRUE, total);
    }
  self->n_district_rows++;
}

static void
show_districts (HsDashboardPage *self)
{
  const HsChartData *data = chart_data (self, HS_CHART_KIND_DISTRICT);
  GPtrArray *items = data->items;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (items->len, NULL, TRUE);
  g_autofree char *count = hs_format_count (items->len);
  g_autofree char *list = NULL;
  guint community = 0, prison = 0;

  for (; self->n_district_rows > 0; self->n_district_rows--)
    gtk_grid_remove_row (self->district_grid, FIRST_DISTRICT_ROW);

  for (guint i = 0; i < items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (items, i);

      add_district_row (self, item->label, item->total, item->values[0], item->values[1],
                        FALSE);
      community += item->values[0];
      prison += item->values[1];
      g_ptr_array_add (names, item->label);
    }
  if (items->len > 1)
    {
      gtk_grid_attach (self->district_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                       0, FIRST_DISTRICT_ROW + self->n_district_rows++, 4, 1);
      add_district_row (self, _("All districts"), data->total, community, prison, TRUE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->district_grid), items->len > 0);
  gtk_widget_set_visible (self->no_districts_label, items->len == 0);

  set_figure (self->districts_label, _("Districts"), count);
  list = items->len > 0 ? g_strjoinv (", ", (char **) names->pdata) : g_strdup ("");
  gtk_label_set_text (self->districts_detail, list);
  set_card_label (self->districts_card, _("Districts: %s"), count);
}

static void
period_free (Period *period)
{
  g_free (period->from);
  g_free (period->to);
  g_free (period);
}

static const char *
selected_value (GtkDropDown        *drop_down,
                const char * const *values,
                guint               n_values)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  return selected < n_values ? values[selected] : NULL;
}

static const char *
chart_language (HsDashboardPage *self)
{
  const char *language = selected_value (self->language_filter, language_values,
                                         G_N_ELEMENTS (language_values));

  return language != NULL ? language : hs_i18n_get_language ();
}

static void
get_filter (HsDashboardPage *self,
            HsChartFilter   *filter)
{
  guint period = gtk_drop_down_get_selected (self->period_filter);
  guint district = gtk_drop_down_get_selected (self->district_filter);

  *filter = (HsChartFilter) { NULL };
  if (period < self->periods->len)
    {
      const Period *chosen = g_ptr_array_index (self->periods, period);

      filter->from = g_strdup (chosen->from);
      filter->to = g_strdup (chosen->to);
    }
  if (district < self->district_ids->len)
    filter->district_id = g_array_index (self->district_ids, gint64, district);
  filter->approach = g_strdup (selected_value (self->approach_filter, approach_values,
                                               G_N_ELEMENTS (approach_values)));
  filter->setting = g_strdup (selected_value (self->setting_filter, setting_values,
                                              G_N_ELEMENTS (setting_values)));
}

static void
add_period (HsDashboardPage *self,
            GtkStringList   *names,
            const char      *name,
            char            *from,
            char            *to)
{
  Period *period = g_new0 (Period, 1);

  period->from = from;
  period->to = to;
  g_ptr_array_add (self->periods, period);
  gtk_string_list_append (names, name);
}

/* Keeps the chosen entry when the choices are rebuilt, matched by name. */
static void
set_choices (GtkDropDown   *drop_down,
             GtkStringList *names)
{
  GListModel *old = gtk_drop_down_get_model (drop_down);
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autofree char *kept = NULL;
  guint position = 0;

  if (old != NULL && selected < g_list_model_get_n_items (old))
    kept = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (old), selected));
  for (guint i = 0; kept != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), kept) == 0)
      position = i;
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop_down, position);
}

/* Periods: all time, then each year that had graduations, latest first;
 * districts: those with graduates. */
static void
fill_choices (HsDashboardPage   *self,
              const HsChartData *districts,
              const HsChartData *trend)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  int first, last;

  g_ptr_array_set_size (self->periods, 0);
  add_period (self, periods, _("All time"), NULL, NULL);
  if (trend->first_date != NULL && trend->last_date != NULL)
    {
      first = atoi (trend->first_date);
      last = atoi (trend->last_date);
      for (int year = last; year >= first && year > last - 10; year--)
        {
          g_autofree char *name = g_strdup_printf ("%d", year);

          add_period (self, periods, name, g_strdup_printf ("%d-01-01", year),
                      g_strdup_printf ("%d-12-31", year));
        }
    }

  g_array_set_size (self->district_ids, 0);
  g_array_append_val (self->district_ids, none);
  gtk_string_list_append (names, _("All districts"));
  for (guint i = 0; i < districts->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (districts->items, i);

      g_array_append_val (self->district_ids, item->id);
      gtk_string_list_append (names, item->label);
    }

  self->filling = TRUE;
  set_choices (self->period_filter, periods);
  set_choices (self->district_filter, names);
  self->filling = FALSE;
}

/* Hands the charts (owned by the views from now on) to the views. */
static void
show_charts (HsDashboardPage *self,
             GPtrArray       *charts,
             const char      *organisation)
{
  g_ptr_array_set_free_func (charts, NULL);
  for (guint i = 0; i < N_CHARTS; i++)
    {
      hs_chart_view_set_language (self->views[i], chart_language (self));
      hs_chart_view_set_organisation (self->views[i], organisation);
      hs_chart_view_set_data (self->views[i], g_ptr_array_index (charts, i));
    }
  g_ptr_array_unref (charts);
}

/* What a load counts, on its own read-only connection. */
typedef struct
{
  HsDatabase    *reader;
  HsChartFilter  filter;
  gboolean       with_choices;
  HsStats       *stats;
  HsChartData   *districts;
  HsChartData   *trend;
  GPtrArray     *charts;
  char          *organisation;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->reader);
  hs_chart_filter_clear (&load->filter);
  g_clear_pointer (&load->stats, hs_stats_free);
  g_clear_pointer (&load->districts, hs_chart_data_free);
  g_clear_pointer (&load->trend, hs_chart_data_free);
  g_clear_pointer (&load->charts, g_ptr_array_unref);
  g_free (load->organisation);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;

  if ((!load->with_choices
       || ((load->stats = hs_stats_compute (load->reader, &error)) != NULL
           && (load->districts = hs_chart_data_query (load->reader, HS_CHART_KIND_DISTRICT,
                                                      HS_CHART_SPLIT_NONE, NULL, &error)) != NULL
           && (load->trend = hs_chart_data_query (load->reader, HS_CHART_KIND_TREND,
                                                  HS_CHART_SPLIT_NONE, NULL, &error)) != NULL))
      && (load->charts = hs_chart_specs_query (load->reader, &load->filter, chart_specs,
                                               N_CHARTS, &error)) != NULL)
    {
      load->organisation = hs_database_get_setting (load->reader, "organisation.name");
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

static void
show_load_error (HsDashboardPage *self,
                 const GError    *error)
{
  g_autofree char *text = g_strdup_printf (_("The figures could not be counted: %s"),
                                           error->message);

  /* Shown on the page when it has no figures yet; a failed refresh keeps
   * the last ones (the next reload counts again). */
  g_message ("%s", text);
  if (self->loaded)
    return;
  gtk_spinner_stop (self->loading_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), FALSE);
  gtk_label_set_text (self->loading_label, text);
}

static void
on_load_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HsDashboardPage) self = g_weak_ref_get (user_data);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_weak_ref_clear (user_data);
  g_free (user_data);
  /* A later load (or the page's end) replaced this one. */
  if (self == NULL || g_cancellable_is_cancelled (cancellable) || cancellable != self->loading)
    return;
  g_clear_object (&self->loading);
  if (!ok)
    {
      show_load_error (self, error);
      return;
    }
  if (load->with_choices)
    {
      fill_choices (self, load->districts, load->trend);
      show_groups (self, load->stats);
      self->choices_pending = FALSE;
    }
  show_charts (self, g_steal_pointer (&load->charts), load->organisation);
  show_people (self);
  show_districts (self);
  self->loaded = TRUE;
  gtk_spinner_stop (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->state_stack, "figures");
}

static void
show_loading (HsDashboardPage *self)
{
  if (self->loaded)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_start (self->loading_spinner);
  gtk_label_set_text (self->loading_label, _("Counting the figures…"));
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
}

/* Counts in a worker thread; the figures on screen stay until the new
 * ones come (a spinner stands in for them before the first). */
static void
start_load (HsDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  GWeakRef *page;
  Load *load;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->load_pending = FALSE;
  if (self->database == NULL)
    return;

  self->loading = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->with_choices = self->choices_pending || !self->loaded;
  get_filter (self, &load->filter);
  load->reader = hs_database_open_reader (self->database, self->loading, &error);
  if (load->reader == NULL)
    {
      load_free (load);
      g_clear_object (&self->loading);
      show_load_error (self, error);
      return;
    }
  show_loading (self);
  /* Not the task's source object: the page (and the database it holds)
   * must be able to go while a count runs, so the file closes cleanly. */
  page = g_new0 (GWeakRef, 1);
  g_weak_ref_init (page, self);
  task = g_task_new (NULL, self->loading, on_load_done_cb, page);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/* Recomputes every figure from the database: at once when the page is on
 * screen, else when it is shown. */
gboolean
hs_dashboard_page_reload (HsDashboardPage  *self,
                          GError          **error)
{
  g_return_val_if_fail (HS_IS_DASHBOARD_PAGE (self), FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (self->database), FALSE);

  self->choices_pending = TRUE;
  self->load_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self);
  return TRUE;
}

static void
on_filter_changed_cb (HsDashboardPage *self)
{
  if (self->filling || self->database == NULL)
    return;
  if (self->loaded || self->loading != NULL)
    start_load (self);
}

/* Whether @from – @to are @months whole months: a month (1) or quarter (3)
 * bar that the filter's period does not cut. */
static gboolean
whole_months (const char *from,
              const char *to,
              int         months)
{
  int from_year, from_month, from_day, to_year, to_month, to_day;

  return from != NULL && to != NULL
         && sscanf (from, "%4d-%2d-%2d", &from_year, &from_month, &from_day) == 3
         && sscanf (to, "%4d-%2d-%2d", &to_year, &to_month, &to_day) == 3
         && from_day == 1 && to_month >= 1 && to_month <= 12
         && to_day == g_date_get_days_in_month (to_month, to_year)
         && (to_year * 12 + to_month) - (from_year * 12 + from_month) + 1 == months;
}

/* What the participants page's own filters cannot say about a bar — the
 * period, the approach, a month, a category or a prison — narrows its list
 * too, and is written above it. */
static void
set_item_scope (HsParticipantsPage *page,
                const HsChartData  *data,
                guint               index)
{
  const char *language = hs_i18n_get_language ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *category;
  gint64 facility_id;

  hs_chart_data_item_scope (data, index, &from, &to, &facility_id, &category);
  if (data->kind == HS_CHART_KIND_TREND && whole_months (from, to, data->by_quarter ? 3 : 1))
    {
      /* "graduated in May 2024", as the bar is named, rather than
       * "graduated 1 May 2024 – 31 May 2024". */
      period = hs_chart_item_label (data, g_ptr_array_index (data->items, index), language);
      /* TRANSLATORS: %s is a month or a quarter of a year: "May 2024", "Q2 2024". */
      g_ptr_array_add (parts, g_strdup_printf (_("graduated in %s"), period));
    }
  else if ((period = hs_chart_period_text (language, from, to)) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("graduated %s"), period));
  if (data->filter.approach != NULL)
    g_ptr_array_add (parts, g_strdup (hs_group_approach_label (data->filter.approach)));
  if (facility_id != 0 || category != NULL)
    g_ptr_array_add (parts, hs_chart_item_label (data, g_ptr_array_index (data->items, index),
                                                 language));
  if (parts->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (" · ", (char **) parts->pdata);
      description = g_strdup_printf (_("Narrowed to the chart’s bar: %s"), joined);
    }
  hs_participants_page_set_scope (page, from, to, data->filter.approach, facility_id, category,
                                  description);
}

/* A bar leads to the people behind it; a part of a split bar (the prison
 * graduates of a district, its women) to those alone. */
static void
on_chart_item_activated_cb (HsChartView     *view,
                            guint            index,
                            int              series,
                            HsDashboardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const HsChartData *data = hs_chart_view_get_data (view);
  const HsChartItem *item;
  const char *district, *sex = NULL, *age_band = NULL, *setting;
  GtkWidget *page;

  if (!HS_IS_WINDOW (root) || data == NULL || index >= data->items->len)
    return;
  item = g_ptr_array_index (data->items, index);
  district = data->district_name;
  setting = data->filter.setting;
  switch (data->kind)
    {
    case HS_CHART_KIND_DISTRICT:
      district = item->key;
      break;
    case HS_CHART_KIND_SEX:
      sex = item->key;
      break;
    case HS_CHART_KIND_AGE:
      age_band = item->key;
      break;
    case HS_CHART_KIND_FACILITY:
      setting = "prison";
      break;
    default:
      break;
    }
  if (series >= 0 && data->split == HS_CHART_SPLIT_SETTING)
    setting = series == 0 ? "community" : "prison";
  else if (series >= 0 && data->split == HS_CHART_SPLIT_SEX)
    sex = series == 0 ? "F" : "M";

  hs_window_show_section (HS_WINDOW (root), "participants");
  page = hs_window_get_section (HS_WINDOW (root), "participants");
  if (HS_IS_PARTICIPANTS_PAGE (page))
    {
      /* The scope and the filters change together: the list is attached once. */
      hs_participants_page_freeze (HS_PARTICIPANTS_PAGE (page));
      set_item_scope (HS_PARTICIPANTS_PAGE (page), data, index);
      hs_participants_page_show_matching (HS_PARTICIPANTS_PAGE (page), district, sex, age_band,
                                          setting, "graduated");
      hs_participants_page_thaw (HS_PARTICIPANTS_PAGE (page));
    }
}

static void
run_export (HsDashboardPage   *self,
            const HsChartSpec *specs,
            guint              n_specs,
            HsChartExportMode  mode)
{
  HsChartFilter filter;

  if (self->database == NULL)
    return;
  get_filter (self, &filter);
  hs_chart_export_dialog_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                              self->database, &filter, specs, n_specs, chart_language (self),
                              mode);
  hs_chart_filter_clear (&filter);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  if (index < N_CHARTS)
    run_export (HS_DASHBOARD_PAGE (widget), &chart_specs[index], 1, HS_CHART_EXPORT_ONE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  run_export (HS_DASHBOARD_PAGE (widget), chart_specs, N_CHARTS, HS_CHART_EXPORT_PAGES);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  static const HsChartSpec report_specs[] = {
    { HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING },
    { HS_CHART_KIND_SEX, HS_CHART_SPLIT_NONE },
    { HS_CHART_KIND_AGE, HS_CHART_SPLIT_SETTING },
    { HS_CHART_KIND_FACILITY, HS_CHART_SPLIT_SEX },
  };

  run_export (HS_DASHBOARD_PAGE (widget), report_specs, G_N_ELEMENTS (report_specs),
              HS_CHART_EXPORT_REPORT);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (widget);
  HsChartFilter filter;

  if (self->database == NULL)
    return;
  get_filter (self, &filter);
  hs_chart_print_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->database, &filter,
                      chart_specs, N_CHARTS, chart_language (self));
  hs_chart_filter_clear (&filter);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (widget);
  HsChartFilter filter;

  if (self->database == NULL)
    return;
  get_filter (self, &filter);
  hs_presentation_setup_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->database, &filter,
                             chart_specs, N_CHARTS, chart_language (self));
  hs_chart_filter_clear (&filter);
}

static GtkWidget *
make_chart_card (HsDashboardPage *self,
                 guint            index)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *view = hs_chart_view_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("Save Chart As…"), NULL);

  gtk_widget_set_size_request (view, 300, 340);
  hs_chart_view_set_font_size (HS_CHART_VIEW (view), 13);
  g_signal_connect (view, "item-activated", G_CALLBACK (on_chart_item_activated_cb), self);
  self->views[index] = HS_CHART_VIEW (view);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), view);

  g_menu_item_set_action_and_target_value (item, "dashboard.export-chart",
                                           g_variant_new_uint32 (index));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Save this chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save this chart"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);
  gtk_widget_add_css_class (overlay, "card");
  gtk_widget_add_css_class (overlay, "hs-chart-card");
  return overlay;
}

static void
set_static_choices (GtkDropDown        *drop_down,
                    const char * const *labels,
                    guint               selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (names, _(labels[i]));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop_down, selected);
}

static void
init_filters (HsDashboardPage *self)
{
  static const char * const approaches[] = {
    N_("All approaches"), N_("Sociotherapy"), N_("Multifamily therapy"),
    N_("Resilience-oriented therapy"), NULL,
  };
  static const char * const settings[] = {
    N_("Community and prison"), N_("Community"), N_("Prison"), NULL,
  };
  static const char * const languages[] = {
    N_("Charts in Kinyarwanda"), N_("Charts in English"), NULL,
  };
  GtkDropDown *drop_downs[] = {
    self->period_filter, self->district_filter, self->approach_filter, self->setting_filter,
    self->language_filter,
  };

  set_static_choices (self->approach_filter, approaches, 0);
  set_static_choices (self->setting_filter, settings, 0);
  set_static_choices (self->language_filter, languages,
                      g_str_equal (hs_i18n_get_language (), "rw") ? 0 : 1);
  for (guint i = 0; i < G_N_ELEMENTS (drop_downs); i++)
    g_signal_connect_swapped (drop_downs[i], "notify::selected",
                              G_CALLBACK (on_filter_changed_cb), self);
  for (guint i = 0; i < N_CHARTS; i++)
    gtk_flow_box_append (self->charts_box, make_chart_card (self, i));
}

HsDatabase *
hs_dashboard_page_get_database (HsDashboardPage *self)
{
  g_return_val_if_fail (HS_IS_DASHBOARD_PAGE (self), NULL);
  return self->database;
}

void
hs_dashboard_page_set_database (HsDashboardPage *self,
                                HsDatabase      *database)
{
  g_return_if_fail (HS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (database == NULL || HS_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
hs_dashboard_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_dashboard_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      hs_dashboard_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_dashboard_page_dispose (GObject *object)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (object);

  /* AdwBin drops its child first: dispose_template() alone unparents it
   * behind AdwBin's back, which then unparents it again (a critical). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_DASHBOARD_PAGE);
  stop_waiting_for_paint (self);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->database);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->district_ids, g_array_unref);

  G_OBJECT_CLASS (hs_dashboard_page_parent_class)->dispose (object);
}

static gboolean
on_present_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  return gtk_widget_activate_action (GTK_WIDGET (user_data), "dashboard.present", NULL);
}

/* F5 starts a presentation from anywhere in the window, so the shortcut
 * lives on the window while the page is in it. */
static void
hs_dashboard_page_root (GtkWidget *widget)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (widget);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  GTK_WIDGET_CLASS (hs_dashboard_page_parent_class)->root (widget);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_callback_action_new (
                                                            on_present_shortcut_cb, self, NULL)));
  gtk_event_controller_set_name (shortcuts, "hs-dashboard-present");
  self->root_shortcuts = shortcuts;
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), shortcuts);
}

static void
stop_waiting_for_paint (HsDashboardPage *self)
{
  if (self->paint_handler != 0)
    g_signal_handler_disconnect (self->paint_clock, self->paint_handler);
  self->paint_handler = 0;
  g_clear_object (&self->paint_clock);
}

/* The count starts once the window has painted (the spinner, on the
 * dashboard): a worker busy from the start would hold the first frame
 * back several times over on a two-core machine. */
static void
on_after_paint_cb (HsDashboardPage *self)
{
  stop_waiting_for_paint (self);
  if (self->load_pending && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self);
}

static void
hs_dashboard_page_unmap (GtkWidget *widget)
{
  stop_waiting_for_paint (HS_DASHBOARD_PAGE (widget));
  GTK_WIDGET_CLASS (hs_dashboard_page_parent_class)->unmap (widget);
}

static void
hs_dashboard_page_map (GtkWidget *widget)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (hs_dashboard_page_parent_class)->map (widget);
  if (self->load_pending && self->paint_handler == 0)
    {
      show_loading (self);
      self->paint_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->paint_handler = g_signal_connect_swapped (self->paint_clock, "after-paint",
                                                      G_CALLBACK (on_after_paint_cb), self);
    }
}

static void
hs_dashboard_page_unroot (GtkWidget *widget)
{
  HsDashboardPage *self = HS_DASHBOARD_PAGE (widget);

  if (self->root_shortcuts != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)),
                                  self->root_shortcuts);
  self->root_shortcuts = NULL;
  GTK_WIDGET_CLASS (hs_dashboard_page_parent_class)->unroot (widget);
}

static void
hs_dashboard_page_class_init (HsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hs_dashboard_page_get_property;
  object_class->set_property = hs_dashboard_page_set_property;
  object_class->dispose = hs_dashboard_page_dispose;
  widget_class->root = hs_dashboard_page_root;
  widget_class->unroot = hs_dashboard_page_unroot;
  widget_class->map = hs_dashboard_page_map;
  widget_class->unmap = hs_dashboard_page_unmap;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         HS_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-dashboard-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HsDashboardPage, name)
  BIND (graduates_card);
  BIND (sex_card);
  BIND (age_card);
  BIND (prisoners_card);
  BIND (groups_card);
  BIND (districts_card);
  BIND (graduates_label);
  BIND (female_label);
  BIND (male_label);
  BIND (youth_label);
  BIND (adults_label);
  BIND (prisoners_label);
  BIND (groups_label);
  BIND (districts_label);
  BIND (graduates_detail);
  BIND (sex_detail);
  BIND (age_detail);
  BIND (prisoners_detail);
  BIND (groups_detail);
  BIND (districts_detail);
  BIND (no_districts_label);
  BIND (district_grid);
  BIND (period_filter);
  BIND (district_filter);
  BIND (approach_filter);
  BIND (setting_filter);
  BIND (language_filter);
  BIND (charts_box);
  BIND (state_stack);
  BIND (loading_spinner);
  BIND (loading_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "dashboard.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "dashboard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-chart", "u",
                                   export_chart_action);
}

static void
hs_dashboard_page_init (HsDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) period_free);
  self->district_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  init_filters (self);
}

static void
page_set_database (HsPage     *page,
                   HsDatabase *database)
{
  hs_dashboard_page_set_database (HS_DASHBOARD_PAGE (page), database);
}

static gboolean
page_reload (HsPage  *page,
             GError **error)
{
  return hs_dashboard_page_reload (HS_DASHBOARD_PAGE (page), error);
}

static void
hs_dashboard_page_page_init (HsPageInterface *iface)
{
  iface->set_database = page_set_database;
  iface->reload = page_reload;
}
