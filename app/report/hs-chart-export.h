/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-chart.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CHART_FORMAT_PNG,
  HS_CHART_FORMAT_SVG,
  HS_CHART_FORMAT_PDF,
} HsChartFormat;

#define HS_CHART_EXPORT_ERROR (hs_chart_export_error_quark ())

typedef enum
{
  HS_CHART_EXPORT_ERROR_FAILED,
} HsChartExportError;

GQuark   hs_chart_export_error_quark  (void);

gboolean hs_chart_format_from_string  (const char          *name,
                                       HsChartFormat       *format);
/* The format a file name's extension asks for. */
gboolean hs_chart_format_from_path    (const char          *path,
                                       HsChartFormat       *format);

/* Writes @charts (HsChartData) to @path: PNG and SVG hold the first chart,
 * PDF one chart per page. @width × @height in pixels (PNG) or points (SVG,
 * PDF; A4 landscape is 842 × 595). */
gboolean hs_chart_export              (GPtrArray           *charts,
                                       const HsChartStyle  *style,
                                       HsChartFormat        format,
                                       double               width,
                                       double               height,
                                       const char          *path,
                                       GError             **error);

/* A one-page PDF report, A4 landscape: the headline figures of @total (the
 * district chart's data) above up to four @charts. */
gboolean hs_chart_export_report       (GPtrArray           *charts,
                                       const HsChartStyle  *style,
                                       const char          *path,
                                       GError             **error);

typedef enum
{
  /* UTF-8 with a BOM, CRLF, quoted where needed, formulas defused: for
   * spreadsheets. */
  HS_CHART_TABLE_CSV,
  /* Tab-separated lines: for the clipboard (pastes into a spreadsheet). */
  HS_CHART_TABLE_TSV,
} HsChartTableFormat;

/* The table behind a chart: a header line, a line per bar (its parts and
 * total) and a total line, in @language. */
char    *hs_chart_to_table            (const HsChartData   *data,
                                       const char          *language,
                                       HsChartTableFormat   format);
/* The district × setting × sex × age band rows as a table in @language. */
char    *hs_breakdown_to_table        (GPtrArray           *rows,
                                       const char          *language,
                                       HsChartTableFormat   format);
/* The words for a breakdown row's setting, sex and age band. */
const char *hs_breakdown_label        (const char          *value,
                                       const char          *language);

G_END_DECLS
