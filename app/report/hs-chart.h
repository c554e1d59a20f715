/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hs-stats.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CHART_LIGHT,
  HS_CHART_DARK,
} HsChartTheme;

typedef struct
{
  HsChartTheme  theme;
  /* Base font size in device units; titles and labels scale from it. */
  double        font_size;
  const char   *title;
  const char   *subtitle;
  const char   *source;
} HsChartStyle;

/* Graduates by district as bars stacked community + prison, with value
 * labels, rounded axis ticks and a legend. The one drawing used for screen,
 * print and file export. */
void hs_chart_draw_districts (cairo_t             *cr,
                              double               width,
                              double               height,
                              const HsStats       *stats,
                              const HsChartStyle  *style);

/* A "nice" axis maximum and step for values up to @max: 1, 2 or 5 × 10^n. */
double hs_chart_nice_step    (double               max,
                              int                  target_ticks);

G_END_DECLS
