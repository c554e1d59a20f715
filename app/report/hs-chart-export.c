/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-chart-export"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hs-chart-export.h"
#include "hs-report-file.h"
#include "hs-report-i18n.h"

/* A4 landscape in points. */
#define A4_LONG 841.89
#define A4_SHORT 595.28

G_DEFINE_QUARK (hs-chart-export-error-quark, hs_chart_export_error)

gboolean
hs_chart_format_from_string (const char    *name,
                             HsChartFormat *format)
{
  static const char * const names[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
hs_chart_format_from_path (const char    *path,
                           HsChartFormat *format)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  return dot != NULL && hs_chart_format_from_string (dot + 1, format);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, HS_CHART_EXPORT_ERROR, HS_CHART_EXPORT_ERROR_FAILED,
               _("Could not write the chart to %s (%s). Check that the folder exists and that "
                 "you may write to it."),
               path, cairo_status_to_string (status));
  return FALSE;
}

/* cairo reports a file it could not open only when the surface finishes,
 * and then leaves nothing; an empty file means the same. */
static gboolean
check_written (const char  *path,
               GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > 0)
    return TRUE;
  g_set_error (error, HS_CHART_EXPORT_ERROR, HS_CHART_EXPORT_ERROR_FAILED,
               _("Could not write the chart to %s. Check that the folder exists and that you "
                 "may write to it."),
               path);
  return FALSE;
}

/* cairo writes text as outlines; a title and a description give screen
 * readers, search and other programs the words and figures. */
static gboolean
annotate_svg (const char          *path,
              const HsChartData   *data,
              const HsChartStyle  *style,
              GError             **error)
{
  const char *language = hs_report_language (style->language);
  g_autofree char *contents = NULL;
  g_autofree char *description = hs_chart_describe (data, style->language);
  const char *text = style->title != NULL
                     ? style->title : hs_report_gettext (language, hs_chart_kind_title (data->kind));
  g_autofree char *title = g_markup_escape_text (text, -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autofree char *annotated = NULL;
  const char *svg, *end;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  if ((svg = strstr (contents, "<svg")) == NULL || (end = strchr (svg, '>')) == NULL)
    return TRUE;
  annotated = g_strdup_printf ("%.*s\n<title>%s</title>\n<desc>%s</desc>%s",
                               (int) (end + 1 - contents), contents, title, desc, end + 1);
  return g_file_set_contents_full (path, annotated, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

gboolean
hs_chart_export (GPtrArray           *charts,
                 const HsChartStyle  *style,
                 HsChartFormat        format,
                 double               width,
                 double               height,
                 const char          *path,
                 GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (charts != NULL && charts->len > 0, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_unlink (path);
  /* Figures by district and prison: private (0600) like every file we
   * write; hs_report_pdf_surface_create sees to it for a PDF. */
  if (format != HS_CHART_FORMAT_PDF)
    hs_report_private_file_create (path);
  if (format == HS_CHART_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else if (format == HS_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = hs_report_pdf_surface_create (path, width, height);
  if (format == HS_CHART_FORMAT_PDF)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Healing Spaces");

  cr = cairo_create (surface);
  for (guint i = 0; i < charts->len; i++)
    {
      hs_chart_draw (cr, width, height, g_ptr_array_index (charts, i), style);
      if (format != HS_CHART_FORMAT_PDF)
        break;
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  if (format == HS_CHART_FORMAT_PNG)
    ok = check_surface (surface, path, error)
         && (cairo_surface_write_to_png (surface, path) == CAIRO_STATUS_SUCCESS
             || check_written (path, error));
  else
    {
      cairo_surface_finish (surface);
      ok = check_surface (surface, path, error) && check_written (path, error);
    }
  cairo_surface_destroy (surface);
  if (ok && format == HS_CHART_FORMAT_SVG)
    ok = annotate_svg (path, g_ptr_array_index (charts, 0), style, error);
  return ok;
}

static const HsChartData *
find_chart (GPtrArray   *charts,
            HsChartKind  kind)
{
  for (guint i = 0; i < charts->len; i++)
    if (((HsChartData *) g_ptr_array_index (charts, i))->kind == kind)
      return g_ptr_array_index (charts, i);
  return NULL;
}

static guint
item_total (const HsChartData *data,
            const char        *key)
{
  for (guint i = 0; data != NULL && i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item->total;
    }
  return 0;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* Big figures with captions across the top of the page. */
static double
draw_headline (cairo_t            *cr,
               GPtrArray          *charts,
               const HsChartStyle *style,
               double              y)
{
  const char *language = hs_report_language (style->language);
  const HsChartData *any = g_ptr_array_index (charts, 0);
  const HsChartData *sex = find_chart (charts, HS_CHART_KIND_SEX);
  const HsChartData *age = find_chart (charts, HS_CHART_KIND_AGE);
  const HsChartData *facility = find_chart (charts, HS_CHART_KIND_FACILITY);
  struct { const char *caption; guint value; gboolean shown; } figures[] = {
    { N_("Graduates"), any->total, any->kind != HS_CHART_KIND_TARGET
                                   && any->kind != HS_CHART_KIND_TARGET_DISTRICT
                                   && any->kind != HS_CHART_KIND_TARGET_SEX },
    { N_("Female"), item_total (sex, "F"), sex != NULL },
    { N_("Male"), item_total (sex, "M"), sex != NULL },
    { N_("Youth"), item_total (age, "youth"), age != NULL },
    { N_("Adults"), item_total (age, "adult"), age != NULL },
    { N_("Prisoners"), facility != NULL ? facility->total : 0, facility != NULL },
  };
  double x = 36, column = (A4_LONG - 72) / G_N_ELEMENTS (figures);
  gboolean dark = style->theme == HS_CHART_DARK;

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *value = hs_report_format_count (language, figures[i].value);

      if (!figures[i].shown)
        continue;
      cairo_set_source_rgb (cr, dark ? 0.96 : 0.12, dark ? 0.96 : 0.12, dark ? 0.97 : 0.14);
      show_text (cr, value, 24, TRUE, x, y, column - 8);
      cairo_set_source_rgb (cr, dark ? 0.72 : 0.36, dark ? 0.72 : 0.36, dark ? 0.76 : 0.40);
      show_text (cr, hs_report_gettext (language, figures[i].caption), 10, FALSE, x, y + 30,
                 column - 8);
      x += column;
    }
  return y + 52;
}

gboolean
hs_chart_export_report (GPtrArray           *charts,
                        const HsChartStyle  *style,
                        const char          *path,
                        GError             **error)
{
  HsChartStyle small = *style;
  const char *language = hs_report_language (style->language);
  cairo_surface_t *surface;
  cairo_t *cr;
  double top, cell_w, cell_h;
  guint n;
  gboolean ok;

  g_return_val_if_fail (charts != NULL && charts->len > 0, FALSE);

  g_unlink (path);
  surface = hs_report_pdf_surface_create (path, A4_LONG, A4_SHORT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Healing Spaces");
  cr = cairo_create (surface);
  if (style->theme == HS_CHART_DARK)
    cairo_set_source_rgb (cr, 0.13, 0.13, 0.15);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, style->theme == HS_CHART_DARK ? 0.96 : 0.12,
                        style->theme == HS_CHART_DARK ? 0.96 : 0.12,
                        style->theme == HS_CHART_DARK ? 0.97 : 0.14);
  show_text (cr, hs_report_gettext (language, N_("Graduates of the healing spaces")), 18, TRUE,
             36, 24, A4_LONG - 72);
  top = draw_headline (cr, charts, style, 56);

  /* Up to four charts in a 2 × 2 grid; the source line once, at the end. */
  n = MIN (charts->len, 4);
  cell_w = (A4_LONG - 72) / (n > 1 ? 2 : 1);
  cell_h = (A4_SHORT - top - 24) / (n > 2 ? 2 : 1);
  small.font_size = n > 2 ? 8 : 11;
  small.transparent = TRUE;
  for (guint i = 0; i < n; i++)
    {
      small.no_source = i + 1 < n;
      cairo_save (cr);
      cairo_translate (cr, 36 + cell_w * (i % 2), top + cell_h * (i / 2));
      hs_chart_draw (cr, cell_w, cell_h, g_ptr_array_index (charts, i), &small);
      cairo_restore (cr);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error) && check_written (path, error);
  cairo_surface_destroy (surface);
  return ok;
}

static const char * const item_headers[HS_CHART_N_KINDS] = {
  N_("District"), N_("Sex"), N_("Age band"), N_("Category"), N_("Facility"), N_("Period"),
  N_("Target"), N_("District"), N_("Sex"),
};

static void
append_cell (GString            *out,
             const char         *text,
             HsChartTableFormat  format,
             gboolean            last)
{
  gboolean quote = format == HS_CHART_TABLE_CSV && strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  /* A cell a spreadsheet would read as a formula is written as text. */
  if (format == HS_CHART_TABLE_CSV && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (quote && *p == '"')
        g_string_append_c (out, '"');
      if (format == HS_CHART_TABLE_TSV && (*p == '\t' || *p == '\n' || *p == '\r'))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
  if (!last)
    g_string_append_c (out, format == HS_CHART_TABLE_CSV ? ',' : '\t');
  else
    g_string_append (out, format == HS_CHART_TABLE_CSV ? "\r\n" : "\n");
}

static void
append_count (GString            *out,
              guint               count,
              HsChartTableFormat  format,
              gboolean            last)
{
  char text[16];

  /* Plain digits: spreadsheets read them as numbers in any language. */
  g_snprintf (text, sizeof text, "%u", count);
  append_cell (out, text, format, last);
}

/* Progress charts: each item's graduates and people reached, its target
 * and what it counts, the past programme's figure (empty when there is
 * none), and their sums. */
static void
append_targets (GString            *out,
                const HsChartData  *data,
                const char         *language,
                HsChartTableFormat  format)
{
  guint target = 0, reached = 0, reference = 0;

  append_cell (out, hs_report_gettext (language, item_headers[data->kind]), format, FALSE);
  append_cell (out, hs_report_gettext (language, N_("Graduates")), format, FALSE);
  append_cell (out, hs_report_gettext (language, N_("People reached")), format, FALSE);
  append_cell (out, hs_report_gettext (language, N_("Target")), format, FALSE);
  append_cell (out, hs_report_gettext (language, N_("Target counts")), format, FALSE);
  append_cell (out, data->reference_name != NULL ? data->reference_name : "", format, TRUE);
  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *label = hs_chart_item_label (data, item, language);

      append_cell (out, label, format, FALSE);
      append_count (out, item->total, format, FALSE);
      append_count (out, item->reached, format, FALSE);
      if (item->target > 0)
        append_count (out, item->target, format, FALSE);
      else
        append_cell (out, "", format, FALSE);
      append_cell (out, item->target == 0 ? ""
                        : hs_report_gettext (language, item->people_target ? N_("people reached")
                                                                           : N_("graduates")),
                   format, FALSE);
      if (item->reference > 0)
        append_count (out, item->reference, format, TRUE);
      else
        append_cell (out, "", format, TRUE);
      target += item->target;
      reached += item->reached;
      reference += item->reference;
    }
  append_cell (out, hs_report_gettext (language, N_("Total")), format, FALSE);
  append_count (out, data->total, format, FALSE);
  append_count (out, reached, format, FALSE);
  if (target > 0)
    append_count (out, target, format, FALSE);
  else
    append_cell (out, "", format, FALSE);
  append_cell (out, "", format, FALSE);
  if (reference > 0)
    append_count (out, reference, format, TRUE);
  else
    append_cell (out, "", format, TRUE);
}

char *
hs_chart_to_table (const HsChartData  *data,
                   const char         *language,
                   HsChartTableFormat  format)
{
  GString *out = g_string_new (format == HS_CHART_TABLE_CSV ? "\xef\xbb\xbf" : "");
  gboolean parts = data->n_series > 1;
  guint totals[HS_CHART_MAX_SERIES] = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  language = hs_report_language (language);

  if (data->kind == HS_CHART_KIND_TARGET)
    {
      append_cell (out, hs_report_gettext (language, N_("Graduates")), format, FALSE);
      append_cell (out, hs_report_gettext (language, N_("People reached")), format, FALSE);
      append_cell (out, hs_report_gettext (language, N_("Target")), format, FALSE);
      append_cell (out, hs_report_gettext (language, N_("Target counts")), format, TRUE);
      append_count (out, data->total, format, FALSE);
      append_count (out, data->reached, format, FALSE);
      append_count (out, data->target, format, FALSE);
      append_cell (out, data->target == 0 ? ""
                        : hs_report_gettext (language, data->target_people ? N_("people reached")
                                                                           : N_("graduates")),
                   format, TRUE);
      return g_string_free (out, FALSE);
    }

  if (data->kind == HS_CHART_KIND_TARGET_DISTRICT || data->kind == HS_CHART_KIND_TARGET_SEX)
    {
      append_targets (out, data, language, format);
      return g_string_free (out, FALSE);
    }

  append_cell (out, hs_report_gettext (language, item_headers[data->kind]), format, FALSE);
  for (guint s = 0; parts && s < data->n_series; s++)
    append_cell (out, hs_report_gettext (language, data->series[s]), format, FALSE);
  append_cell (out, hs_report_gettext (language, N_("Graduates")), format, TRUE);
  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *label = hs_chart_item_label (data, item, language);

      append_cell (out, label, format, FALSE);
      for (guint s = 0; parts && s < data->n_series; s++)
        {
          append_count (out, item->values[s], format, FALSE);
          totals[s] += item->values[s];
        }
      append_count (out, item->total, format, TRUE);
    }
  append_cell (out, hs_report_gettext (language, N_("Total")), format, FALSE);
  for (guint s = 0; parts && s < data->n_series; s++)
    append_count (out, totals[s], format, FALSE);
  append_count (out, data->total, format, TRUE);
  return g_string_free (out, FALSE);
}

const char *
hs_breakdown_label (const char *value,
                    const char *language)
{
  if (g_strcmp0 (value, "community") == 0)
    return hs_report_gettext (language, N_("Community"));
  if (g_strcmp0 (value, "prison") == 0)
    return hs_report_gettext (language, N_("Prison"));
  if (g_strcmp0 (value, "F") == 0)
    return hs_report_gettext (language, N_("Female"));
  if (g_strcmp0 (value, "M") == 0)
    return hs_report_gettext (language, N_("Male"));
  if (g_strcmp0 (value, "youth") == 0)
    return hs_report_gettext (language, N_("Youth"));
  if (g_strcmp0 (value, "adult") == 0)
    return hs_report_gettext (language, N_("Adults"));
  return value != NULL ? value : "";
}

char *
hs_breakdown_to_table (GPtrArray          *rows,
                       const char         *language,
                       HsChartTableFormat  format)
{
  static const char * const headers[] = {
    N_("District"), N_("Setting"), N_("Sex"), N_("Age band"), N_("Graduates"),
  };
  GString *out = g_string_new (format == HS_CHART_TABLE_CSV ? "\xef\xbb\xbf" : "");
  guint total = 0;

  language = hs_report_language (language);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    append_cell (out, hs_report_gettext (language, headers[c]), format,
                 c + 1 == G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    {
      const HsBreakdownRow *row = g_ptr_array_index (rows, i);

      append_cell (out, row->district, format, FALSE);
      append_cell (out, hs_breakdown_label (row->setting, language), format, FALSE);
      append_cell (out, hs_breakdown_label (row->sex, language), format, FALSE);
      append_cell (out, hs_breakdown_label (row->age_band, language), format, FALSE);
      append_count (out, row->graduates, format, TRUE);
      total += row->graduates;
    }
  append_cell (out, hs_report_gettext (language, N_("Total")), format, FALSE);
  append_cell (out, "", format, FALSE);
  append_cell (out, "", format, FALSE);
  append_cell (out, "", format, FALSE);
  append_count (out, total, format, TRUE);
  return g_string_free (out, FALSE);
}
