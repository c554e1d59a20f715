/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hs-chart-data.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CHART_LIGHT,
  HS_CHART_DARK,
} HsChartTheme;

typedef struct
{
  HsChartTheme  theme;
  /* "rw" or "en": labels, numbers and dates, whatever the window speaks. */
  const char   *language;
  /* Base font size in device units; 0 scales it with the surface height.
   * Titles and labels scale from it. */
  double        font_size;
  /* NULL: the kind's own title; the total, period and filters. */
  const char   *title;
  const char   *subtitle;
  /* For the source line "Healing Spaces · <organisation> · <date>". */
  const char   *organisation;
  /* yyyy-mm-dd for the source line and the target's time marker; NULL:
   * today. */
  const char   *date;
  /* Leaves out the background so that a widget's own shows through. */
  gboolean      transparent;
  /* Leaves out the source line (the screen shows it elsewhere). */
  gboolean      no_source;
} HsChartStyle;

/* The defaults: light, English, scaled font, today. */
void        hs_chart_style_init      (HsChartStyle        *style);

typedef void (*HsChartDrawFunc) (cairo_t            *cr,
                                 double              width,
                                 double              height,
                                 const HsChartData  *data,
                                 const HsChartStyle *style);

/* One per kind; the same drawing is used for the screen, printing and PNG,
 * SVG and PDF files. Nothing is drawn outside (0, 0, width, height). */
void        hs_chart_draw_district   (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);
void        hs_chart_draw_sex        (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);
void        hs_chart_draw_age        (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);
void        hs_chart_draw_category   (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);
void        hs_chart_draw_facility   (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);
void        hs_chart_draw_trend      (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);
void        hs_chart_draw_target     (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);

void        hs_chart_draw_target_district (cairo_t        *cr,
                                           double          width,
                                           double          height,
                                           const HsChartData *data,
                                           const HsChartStyle *style);
void        hs_chart_draw_target_sex (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);

/* The draw function of @data's kind. */
void        hs_chart_draw            (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style);

/* The item (bar) under (@x, @y), or -1. */
int         hs_chart_hit_test        (double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style,
                                      double               x,
                                      double               y);
/* The same, and in @series the part of a split bar under (@x, @y) (0 for
 * Community or Female, 1 for Prison or Male), or -1 beside the parts. */
int         hs_chart_hit_test_part   (double               width,
                                      double               height,
                                      const HsChartData   *data,
                                      const HsChartStyle  *style,
                                      double               x,
                                      double               y,
                                      int                 *series);

/* The kind's title, untranslated (translate with hs_report_gettext). */
const char *hs_chart_kind_title      (HsChartKind          kind);
/* The label of an item in @language; free it. */
char       *hs_chart_item_label      (const HsChartData   *data,
                                      const HsChartItem   *item,
                                      const char          *language);

/* "1 May 2024 – 30 June 2024", "from 1 May 2024", "until …" in @language
 * from yyyy-mm-dd dates; NULL when both are NULL. Free it. */
char       *hs_chart_period_text     (const char          *language,
                                      const char          *from,
                                      const char          *to);

/* The figures in words, for screen readers and SVG descriptions:
 * "Musanze: 178 (Community 132, Prison 46); …". Free it. */
char       *hs_chart_describe        (const HsChartData   *data,
                                      const char          *language);

/* A "nice" axis step for values up to @max: 1, 2 or 5 × 10^n. */
double      hs_chart_nice_step       (double               max,
                                      int                  target_ticks);

G_END_DECLS
