/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-chart-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-chart-view.h"
#include "hs-report-i18n.h"

struct _HsChartView
{
  GtkWidget    parent_instance;

  HsChartData *data;
  char        *language;
  char        *organisation;
  double       font_size;
  double       font_lines;
  gboolean     opaque;
  gulong       dark_handler;
};

G_DEFINE_FINAL_TYPE (HsChartView, hs_chart_view, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
hs_chart_view_get_style (HsChartView  *self,
                         HsChartStyle *style)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  hs_chart_style_init (style);
  style->theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                 ? HS_CHART_DARK : HS_CHART_LIGHT;
  style->language = self->language;
  style->font_size = self->font_size;
  if (self->font_lines > 0)
    style->font_size = MAX (12, gtk_widget_get_height (GTK_WIDGET (self)) / self->font_lines);
  style->organisation = self->organisation;
  style->transparent = !self->opaque;
}

static void
update_accessible (HsChartView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->data == NULL)
    return;
  description = hs_chart_describe (self->data, self->language);
  label = g_strdup_printf ("%s. %s",
                           hs_report_gettext (self->language,
                                              hs_chart_kind_title (self->data->kind)),
                           description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
hs_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HsChartView *self = HS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  HsChartStyle style;
  cairo_t *cr;

  if (self->data == NULL || width < 2 || height < 2)
    return;
  hs_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  hs_chart_draw (cr, width, height, self->data, &style);
  cairo_destroy (cr);
}

static void
hs_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 220;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : 360;
}

static int
hit_test (HsChartView *self,
          double       x,
          double       y,
          int         *series)
{
  HsChartStyle style;

  if (series != NULL)
    *series = -1;
  if (self->data == NULL)
    return -1;
  hs_chart_view_get_style (self, &style);
  return hs_chart_hit_test_part (gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), self->data, &style,
                                 x, y, series);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      HsChartView     *self)
{
  int series;
  int hit = hit_test (self, x, y, &series);

  if (hit >= 0)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) hit, series);
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              HsChartView              *self)
{
  gboolean clickable = g_signal_has_handler_pending (self, signals[ITEM_ACTIVATED], 0, FALSE)
                       && hit_test (self, x, y, NULL) >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), clickable ? "pointer" : NULL);
}

static void
on_dark_changed_cb (HsChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hs_chart_view_dispose (GObject *object)
{
  HsChartView *self = HS_CHART_VIEW (object);

  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  g_clear_pointer (&self->data, hs_chart_data_free);

  G_OBJECT_CLASS (hs_chart_view_parent_class)->dispose (object);
}

static void
hs_chart_view_finalize (GObject *object)
{
  HsChartView *self = HS_CHART_VIEW (object);

  g_free (self->language);
  g_free (self->organisation);

  G_OBJECT_CLASS (hs_chart_view_parent_class)->finalize (object);
}

static void
hs_chart_view_class_init (HsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_chart_view_dispose;
  object_class->finalize = hs_chart_view_finalize;
  widget_class->snapshot = hs_chart_view_snapshot;
  widget_class->measure = hs_chart_view_measure;

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "hs-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hs_chart_view_init (HsChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->language = g_strdup ("en");
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (on_dark_changed_cb), self);
}

GtkWidget *
hs_chart_view_new (void)
{
  return g_object_new (HS_TYPE_CHART_VIEW, NULL);
}

void
hs_chart_view_set_data (HsChartView *self,
                        HsChartData *data)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  g_clear_pointer (&self->data, hs_chart_data_free);
  self->data = data;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const HsChartData *
hs_chart_view_get_data (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return self->data;
}

void
hs_chart_view_set_language (HsChartView *self,
                            const char  *language)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  g_free (self->language);
  self->language = g_strdup (hs_report_language (language));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
hs_chart_view_get_language (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return self->language;
}

void
hs_chart_view_set_font_size (HsChartView *self,
                             double       font_size)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  self->font_size = font_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hs_chart_view_set_font_lines (HsChartView *self,
                              double       lines)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  self->font_lines = lines;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hs_chart_view_set_organisation (HsChartView *self,
                                const char  *organisation)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  g_free (self->organisation);
  self->organisation = g_strdup (organisation);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hs_chart_view_set_opaque (HsChartView *self,
                          gboolean     opaque)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  self->opaque = opaque;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
