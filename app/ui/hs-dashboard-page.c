/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-dashboard-page"

#include <glib/gi18n.h>

#include "hs-dashboard-page.h"
#include "hs-format.h"
#include "hs-page.h"
#include "hs-stats.h"

struct _HsDashboardPage
{
  AdwBin      parent_instance;

  HsDatabase *database;
  guint       n_district_rows;

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
};

static void hs_dashboard_page_page_init (HsPageInterface *iface);

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

static void
show_people (HsDashboardPage *self,
             const HsStats   *stats)
{
  g_autofree char *graduates = hs_format_count (stats->graduates);
  g_autofree char *community = hs_format_count (stats->graduates - stats->prisoners);
  g_autofree char *prisoners = hs_format_count (stats->prisoners);
  g_autofree char *female = hs_format_count (stats->female);
  g_autofree char *male = hs_format_count (stats->male);
  g_autofree char *youth = hs_format_count (stats->youth);
  g_autofree char *adults = hs_format_count (stats->adults);
  g_autofree char *prisoners_female = hs_format_count (stats->prisoners_female);
  g_autofree char *prisoners_male = hs_format_count (stats->prisoners_male);

  set_figure (self->graduates_label, _("Graduates"), graduates);
  set_text (self->graduates_detail, _("Community: %s, prison: %s"), community, prisoners);
  set_card_label (self->graduates_card, _("Graduates: %s"), graduates);

  set_figure (self->female_label, _("Female"), female);
  set_figure (self->male_label, _("Male"), male);
  set_text (self->sex_detail, _("%u%% of graduates are female"),
            percent (stats->female, stats->graduates));
  set_card_label (self->sex_card, _("Female: %s, male: %s"), female, male);

  set_figure (self->youth_label, _("Youth"), youth);
  set_figure (self->adults_label, _("Adults"), adults);
  set_text (self->age_detail, _("%u%% of graduates are youth"),
            percent (stats->youth, stats->graduates));
  set_card_label (self->age_card, _("Youth: %s, adults: %s"), youth, adults);

  set_figure (self->prisoners_label, _("Prisoners"), prisoners);
  set_text (self->prisoners_detail, _("Female: %s, male: %s"), prisoners_female, prisoners_male);
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
show_districts (HsDashboardPage *self,
                const HsStats   *stats)
{
  GPtrArray *districts = stats->districts;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (districts->len, NULL, TRUE);
  g_autofree char *count = hs_format_count (districts->len);
  g_autofree char *list = NULL;
  guint community = 0, prison = 0;

  for (; self->n_district_rows > 0; self->n_district_rows--)
    gtk_grid_remove_row (self->district_grid, FIRST_DISTRICT_ROW);

  for (guint i = 0; i < districts->len; i++)
    {
      const HsDistrictStats *district = g_ptr_array_index (districts, i);

      add_district_row (self, district->name, district->graduates,
                        district->community, district->prison, FALSE);
      community += district->community;
      prison += district->prison;
      g_ptr_array_add (names, district->name);
    }
  if (districts->len > 1)
    {
      gtk_grid_attach (self->district_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                       0, FIRST_DISTRICT_ROW + self->n_district_rows++, 4, 1);
      add_district_row (self, _("All districts"), stats->graduates, community, prison, TRUE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->district_grid), districts->len > 0);
  gtk_widget_set_visible (self->no_districts_label, districts->len == 0);

  set_figure (self->districts_label, _("Districts"), count);
  list = districts->len > 0 ? g_strjoinv (", ", (char **) names->pdata) : g_strdup ("");
  gtk_label_set_text (self->districts_detail, list);
  set_card_label (self->districts_card, _("Districts: %s"), count);
}

/* Recomputes every figure from the database. */
gboolean
hs_dashboard_page_reload (HsDashboardPage  *self,
                          GError          **error)
{
  g_autoptr(HsStats) stats = NULL;

  g_return_val_if_fail (HS_IS_DASHBOARD_PAGE (self), FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (self->database), FALSE);

  stats = hs_stats_compute (self->database, error);
  if (stats == NULL)
    return FALSE;

  show_people (self, stats);
  show_groups (self, stats);
  show_districts (self, stats);
  return TRUE;
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

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (hs_dashboard_page_parent_class)->dispose (object);
}

static void
hs_dashboard_page_class_init (HsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hs_dashboard_page_get_property;
  object_class->set_property = hs_dashboard_page_set_property;
  object_class->dispose = hs_dashboard_page_dispose;

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
#undef BIND
}

static void
hs_dashboard_page_init (HsDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
