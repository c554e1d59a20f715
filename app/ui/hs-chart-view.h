/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hs-chart.h"

G_BEGIN_DECLS

/* A chart on screen: the report's draw function inside snapshot(), in the
 * light or dark style the window uses. "item-activated" tells which bar was
 * clicked, and which part of a split bar (the series, or -1 beside them). */
#define HS_TYPE_CHART_VIEW (hs_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (HsChartView, hs_chart_view, HS, CHART_VIEW, GtkWidget)

GtkWidget         *hs_chart_view_new              (void);
/* Takes @data. */
void               hs_chart_view_set_data         (HsChartView  *self,
                                                   HsChartData  *data);
const HsChartData *hs_chart_view_get_data         (HsChartView  *self);
void               hs_chart_view_set_language     (HsChartView  *self,
                                                   const char   *language);
const char        *hs_chart_view_get_language     (HsChartView  *self);
/* 0 scales the type with the widget's height. */
void               hs_chart_view_set_font_size    (HsChartView  *self,
                                                   double        font_size);
/* The base type as a share of the height: @lines of it fill the view
 * (presentations: 30, so 36 px at 1080 lines); 0: as set_font_size. */
void               hs_chart_view_set_font_lines   (HsChartView  *self,
                                                   double        lines);
void               hs_chart_view_set_organisation (HsChartView  *self,
                                                   const char   *organisation);
/* Paints the chart's own background (presentations) instead of letting
 * the widget's show through. */
void               hs_chart_view_set_opaque       (HsChartView  *self,
                                                   gboolean      opaque);
/* The style the view draws with now, for exporting what is on screen. */
void               hs_chart_view_get_style        (HsChartView  *self,
                                                   HsChartStyle *style);

G_END_DECLS
