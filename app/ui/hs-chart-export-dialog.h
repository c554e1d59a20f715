/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hs-chart-export.h"

G_BEGIN_DECLS

typedef enum
{
  /* One chart; PNG, SVG or PDF from the file's extension. */
  HS_CHART_EXPORT_ONE,
  /* Every chart, one per A4 page. */
  HS_CHART_EXPORT_PAGES,
  /* A one-page A4 report: headline figures and charts. */
  HS_CHART_EXPORT_REPORT,
} HsChartExportMode;

/* The charts to draw, as kinds and splits; they are counted again when the
 * file is chosen, so what is saved is what the database holds then. */
typedef struct
{
  HsChartKind  kind;
  HsChartSplit split;
} HsChartSpec;

/* Asks where to save (and, for images, the size and style), then writes
 * the file; failures are shown in a dialog over @parent. */
void hs_chart_export_dialog_run (GtkWindow           *parent,
                                 HsDatabase          *database,
                                 const HsChartFilter *filter,
                                 const HsChartSpec   *specs,
                                 guint                n_specs,
                                 const char          *language,
                                 HsChartExportMode    mode);

/* Prints the charts, one per A4 landscape page, with the same drawing as
 * the screen and the files. */
void hs_chart_print_run         (GtkWindow           *parent,
                                 HsDatabase          *database,
                                 const HsChartFilter *filter,
                                 const HsChartSpec   *specs,
                                 guint                n_specs,
                                 const char          *language);

/* Counts the charts of @specs: an array of HsChartData. */
GPtrArray *hs_chart_specs_query (HsDatabase           *database,
                                 const HsChartFilter  *filter,
                                 const HsChartSpec    *specs,
                                 guint                 n_specs,
                                 GError              **error);

G_END_DECLS
