/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-chart"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <pango/pangocairo.h>

#include "hs-chart.h"
#include "hs-report-i18n.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
/* Labels shrink to this share of their size before they are cut short. */
#define MIN_SHRINK 0.6
/* A time axis thins its labels out rather than shrink them below this. */
#define LABEL_SHRINK_STEP 0.8

typedef struct
{
  double r, g, b;
} Rgb;

/* Okabe–Ito: distinguishable with every common colour-vision deficiency. */
static const Rgb oi_orange = { 0.902, 0.624, 0.0 };
static const Rgb oi_sky_blue = { 0.337, 0.706, 0.914 };
static const Rgb oi_green = { 0.0, 0.620, 0.451 };
static const Rgb oi_blue = { 0.0, 0.447, 0.698 };
static const Rgb oi_purple = { 0.800, 0.475, 0.655 };

typedef struct
{
  Rgb background, text, muted, grid, track;
  /* The single series: blue is too dark on a dark background. */
  const Rgb *single;
} Palette;

static const Palette light = { { 1, 1, 1 }, { 0.12, 0.12, 0.14 }, { 0.36, 0.36, 0.40 },
                               { 0.86, 0.86, 0.88 }, { 0.92, 0.92, 0.93 }, &oi_blue };
static const Palette dark = { { 0.13, 0.13, 0.15 }, { 0.96, 0.96, 0.97 }, { 0.72, 0.72, 0.76 },
                              { 0.30, 0.30, 0.34 }, { 0.22, 0.22, 0.25 }, &oi_sky_blue };

static const char * const kind_titles[HS_CHART_N_KINDS] = {
  N_("Graduates by district"),
  N_("Graduates by sex"),
  N_("Youth and adults who graduated"),
  N_("Graduates by participant category"),
  N_("Prisoners who graduated, by facility"),
  N_("Graduates over time"),
  N_("Progress towards the programme target"),
  N_("Progress towards the targets, by district"),
  N_("Progress towards the targets, women and men"),
};

/* Everything a drawing needs; one per draw call. */
typedef struct
{
  cairo_t            *cr;
  PangoContext       *pango;
  const Palette      *palette;
  const HsChartStyle *style;
  const HsChartData  *data;
  const char         *language;
  double              width, height, font, pad;
  char               *today;
} Painter;

/* Where the parts of a bar chart go. */
typedef struct
{
  double top, bottom, left, right;
  double slot, bar_w;
  double axis_max, step;
  double label_width, label_y;
} Frame;

static const char *
tr (const Painter *p,
    const char    *msgid)
{
  return hs_report_gettext (p->language, msgid);
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static const Rgb *
series_colour (const Painter *p,
               guint          series);

/* Bars of one series take the series' colour, except female and male,
 * which keep theirs from the split-by-sex legend. */
static const Rgb *
bar_colour (const Painter     *p,
            const HsChartItem *item,
            guint              series)
{
  if (p->data->kind == HS_CHART_KIND_SEX && p->data->n_series == 1)
    return g_strcmp0 (item->key, "F") == 0 ? &oi_purple : &oi_green;
  return series_colour (p, series);
}

static const Rgb *
series_colour (const Painter *p,
               guint          series)
{
  switch (p->data->split)
    {
    case HS_CHART_SPLIT_SETTING:
      return series == 0 ? p->palette->single : &oi_orange;
    case HS_CHART_SPLIT_SEX:
      return series == 0 ? &oi_purple : &oi_green;
    case HS_CHART_SPLIT_NONE:
    default:
      return p->palette->single;
    }
}

/* Dark text on light fills, white on dark ones (relative luminance). */
static void
set_text_on (cairo_t   *cr,
             const Rgb *fill)
{
  double l = 0.2126 * fill->r + 0.7152 * fill->g + 0.0722 * fill->b;

  if (l > 0.45)
    cairo_set_source_rgb (cr, 0.07, 0.07, 0.08);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

void
hs_chart_style_init (HsChartStyle *style)
{
  *style = (HsChartStyle) { HS_CHART_LIGHT, "en", 0 };
}

double
hs_chart_nice_step (double max,
                    int    target_ticks)
{
  double raw, magnitude, residual;

  if (max <= 0 || target_ticks < 1)
    return 1;
  raw = max / target_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1)
    return MAX (1, magnitude);
  if (residual <= 2)
    return MAX (1, 2 * magnitude);
  if (residual <= 5)
    return MAX (1, 5 * magnitude);
  return 10 * magnitude;
}

const char *
hs_chart_kind_title (HsChartKind kind)
{
  g_return_val_if_fail (kind < HS_CHART_N_KINDS, NULL);
  return kind_titles[kind];
}

char *
hs_chart_item_label (const HsChartData *data,
                     const HsChartItem *item,
                     const char        *language)
{
  int year = 0, part = 0;

  if (data->kind == HS_CHART_KIND_TREND)
    {
      if (data->by_quarter && sscanf (item->key, "%d-Q%d", &year, &part) == 2)
        return g_strdup_printf (hs_report_pgettext (language, "quarter of a year", "Q%d %d"),
                                part, year);
      if (sscanf (item->key, "%d-%d", &year, &part) == 2 && part >= 1 && part <= 12)
        return g_strdup_printf ("%s %d", hs_report_month_name (language, part), year);
      return g_strdup (item->key);
    }
  if (item->translatable)
    return g_strdup (hs_report_gettext (language, item->label));
  return g_strdup (item->label != NULL ? item->label : item->key);
}

static guint progress_count (const HsChartItem *item);

/* "Musanze: 178 / 4,000 (Bugesera pilot 7,313)": the count the item's
 * target counts (graduates unless it counts people reached). */
static void
describe_targets (GString           *out,
                  const HsChartData *data,
                  const char        *language)
{
  g_string_truncate (out, 0);
  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *label = hs_chart_item_label (data, item, language);
      g_autofree char *total = hs_report_format_count (language, progress_count (item));

      g_string_append_printf (out, "%s%s: %s", i > 0 ? "; " : "", label, total);
      if (item->target > 0)
        {
          g_autofree char *target = hs_report_format_count (language, item->target);

          g_string_append_printf (out, " / %s", target);
        }
      if (item->reference > 0)
        {
          g_autofree char *reference = hs_report_format_count (language, item->reference);

          g_string_append_printf (out, " (%s %s)", data->reference_name, reference);
        }
    }
}

char *
hs_chart_describe (const HsChartData *data,
                   const char        *language)
{
  language = hs_report_language (language);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *label = hs_chart_item_label (data, item, language);
      g_autofree char *total = hs_report_format_count (language, item->total);

      g_string_append_printf (out, "%s%s: %s", i > 0 ? "; " : "", label, total);
      if (data->n_series < 2)
        continue;
      for (guint s = 0; s < data->n_series; s++)
        {
          g_autofree char *value = hs_report_format_count (language, item->values[s]);

          g_string_append_printf (out, "%s%s %s", s == 0 ? " (" : ", ",
                                  hs_report_gettext (language, data->series[s]), value);
        }
      g_string_append_c (out, ')');
    }
  if (data->kind == HS_CHART_KIND_TARGET)
    {
      g_autofree char *total = hs_report_format_count (language, data->target_people
                                                                 ? data->reached : data->total);
      g_autofree char *target = hs_report_format_count (language, data->target);

      /* Its one item is the whole programme, already in the figure. */
      g_string_truncate (out, 0);
      g_string_append_printf (out, "%s / %s", total, target);
    }
  if (data->kind == HS_CHART_KIND_TARGET_DISTRICT || data->kind == HS_CHART_KIND_TARGET_SEX)
    describe_targets (out, data, language);
  return g_string_free (out, FALSE);
}

static void
painter_init (Painter            *p,
              cairo_t            *cr,
              double              width,
              double              height,
              const HsChartData  *data,
              const HsChartStyle *style)
{
  static const HsChartStyle defaults = { HS_CHART_LIGHT, "en", 0 };
  cairo_font_options_t *options = cairo_font_options_create ();

  style = style != NULL ? style : &defaults;
  p->cr = cr;
  p->style = style;
  p->data = data;
  p->language = hs_report_language (style->language);
  p->palette = style->theme == HS_CHART_DARK ? &dark : &light;
  p->width = width;
  p->height = height;
  /* Legible from the back of a hall: 30 px at 1080 lines. */
  p->font = style->font_size > 0 ? style->font_size
                                 : CLAMP (MIN (height / 36, width / 40), 9, 200);
  p->pad = p->font * 1.2;
  p->pango = pango_cairo_create_context (cr);
  /* Metrics must not depend on the surface: the same layout on screen, on
   * paper and in files. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (p->pango, options);
  cairo_font_options_destroy (options);
  if (style->date != NULL)
    p->today = g_strdup (style->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      p->today = g_date_time_format (now, "%Y-%m-%d");
    }
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->pango);
  g_clear_pointer (&p->today, g_free);
}

/* A layout of @text that fits @max_width (if > 0) on at most @max_lines
 * lines: it wraps between words, then shrinks, and only as a last resort
 * cuts the text short with an ellipsis. Never clipped. */
static PangoLayout *
fit_layout (Painter        *p,
            const char     *text,
            double          size,
            gboolean        bold,
            double          max_width,
            int             max_lines,
            PangoAlignment  align,
            double         *fitted_size)
{
  PangoLayout *layout = pango_layout_new (p->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  double fitted = size;

  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  for (;;)
    {
      PangoRectangle logical;

      pango_font_description_set_absolute_size (font, fitted * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      if (max_width <= 0)
        break;
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (pango_layout_get_line_count (layout) <= max_lines && logical.width <= max_width + 0.5)
        break;
      if (fitted <= size * MIN_SHRINK)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -max_lines);
          break;
        }
      fitted = MAX (size * MIN_SHRINK, fitted * 0.92);
    }
  pango_font_description_free (font);
  if (fitted_size != NULL)
    *fitted_size = fitted;
  return layout;
}

static PangoLayout *
make_layout (Painter        *p,
             const char     *text,
             double          size,
             gboolean        bold,
             double          max_width,
             int             max_lines,
             PangoAlignment  align)
{
  return fit_layout (p, text, size, bold, max_width, max_lines, align, NULL);
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

/* Shows @layout with its box anchored at (@x, @y): @ax/@ay 0 = left/top,
 * 0.5 = centre, 1 = right/bottom. */
static void
show_layout (Painter     *p,
             PangoLayout *layout,
             double       x,
             double       y,
             double       ax,
             double       ay)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (p->cr, x - ax * logical.width - logical.x, y - ay * logical.height - logical.y);
  pango_cairo_show_layout (p->cr, layout);
}

/* Draws (if @paint) a line of text and returns its height. */
static double
text_block (Painter    *p,
            gboolean    paint,
            const char *text,
            double      size,
            gboolean    bold,
            double      x,
            double      y,
            double      max_width,
            int         max_lines,
            double      ax,
            double      ay)
{
  PangoAlignment align = ax < 0.25 ? PANGO_ALIGN_LEFT : ax > 0.75 ? PANGO_ALIGN_RIGHT
                                                                  : PANGO_ALIGN_CENTER;
  g_autoptr(PangoLayout) layout = make_layout (p, text, size, bold, max_width, max_lines, align);
  double height;

  layout_size (layout, NULL, &height);
  if (paint)
    show_layout (p, layout, x, y, ax, ay);
  return height;
}

static char *
format_count (const Painter *p,
              guint64        count)
{
  return hs_report_format_count (p->language, count);
}

static const char *
setting_label (const Painter *p,
               const char    *setting)
{
  if (g_strcmp0 (setting, "prison") == 0)
    return hs_report_pgettext (p->language, "setting", "In prison");
  return hs_report_pgettext (p->language, "setting", "In the community");
}

static const char *
approach_label (const Painter *p,
                const char    *approach)
{
  if (g_strcmp0 (approach, "multifamily") == 0)
    return tr (p, N_("Multifamily therapy"));
  if (g_strcmp0 (approach, "resilience") == 0)
    return tr (p, N_("Resilience-oriented therapy"));
  return tr (p, N_("Sociotherapy"));
}

char *
hs_chart_period_text (const char *language,
                      const char *from,
                      const char *to)
{
  g_autofree char *first = hs_report_format_date (language, from);
  g_autofree char *last = hs_report_format_date (language, to);

  if (first != NULL && last != NULL && g_strcmp0 (from, to) == 0)
    return g_steal_pointer (&first);
  if (first != NULL && last != NULL)
    return g_strdup_printf ("%s – %s", first, last);
  if (first != NULL)
    return g_strdup_printf (hs_report_gettext (language, N_("from %s")), first);
  if (last != NULL)
    return g_strdup_printf (hs_report_gettext (language, N_("until %s")), last);
  return NULL;
}

static char *
period_text (const Painter *p,
             const char    *from,
             const char    *to)
{
  return hs_chart_period_text (p->language, from, to);
}

/* "graduated 1 January 2024 – 30 June 2024": the filter's period within
 * the target's, which is what a progress chart counts. */
static char *
counted_period (const Painter *p)
{
  const HsChartData *data = p->data;
  const char *from = data->filter.from, *to = data->filter.to;
  g_autofree char *period = NULL;

  if (data->target_start != NULL && (from == NULL || strcmp (data->target_start, from) > 0))
    from = data->target_start;
  if (data->target_end != NULL && (to == NULL || strcmp (data->target_end, to) < 0))
    to = data->target_end;
  if ((period = period_text (p, from, to)) == NULL)
    return NULL;
  return g_strdup_printf (tr (p, N_("graduated %s")), period);
}

/* The total, period and filters: "Graduates: 836 · 15 March 2024 –
 * 20 December 2024 · Musanze · In prison". */
static char *
subtitle_text (const Painter *p)
{
  const HsChartData *data = p->data;
  const HsChartFilter *filter = &data->filter;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *total = format_count (p, data->total);
  char *period;

  if (data->kind == HS_CHART_KIND_TARGET || data->kind == HS_CHART_KIND_TARGET_DISTRICT
      || data->kind == HS_CHART_KIND_TARGET_SEX)
    {
      if (data->target_name != NULL)
        g_ptr_array_add (parts, g_strdup (data->target_name));
      if ((period = period_text (p, data->target_start, data->target_end)) != NULL)
        g_ptr_array_add (parts, period);
      /* A period filter narrows what counts: say so beside the target's. */
      period = filter->from != NULL || filter->to != NULL ? counted_period (p) : NULL;
      if (period != NULL)
        g_ptr_array_add (parts, period);
      period = NULL;
    }
  else
    {
      g_ptr_array_add (parts, g_strdup_printf (tr (p, N_("Graduates: %s")), total));
      period = period_text (p, filter->from != NULL ? filter->from : data->first_date,
                            filter->to != NULL ? filter->to : data->last_date);
    }
  if (period != NULL)
    g_ptr_array_add (parts, period);
  /* A district's own target already names it. */
  if (data->district_name != NULL && g_strcmp0 (data->district_name, data->target_name) != 0)
    g_ptr_array_add (parts, g_strdup (data->district_name));
  if (filter->setting != NULL && data->kind != HS_CHART_KIND_FACILITY)
    g_ptr_array_add (parts, g_strdup (setting_label (p, filter->setting)));
  if (filter->approach != NULL)
    g_ptr_array_add (parts, g_strdup (approach_label (p, filter->approach)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Whether any bar has a part of series @s. */
static gboolean
series_used (const HsChartData *data,
             guint              s)
{
  for (guint i = 0; i < data->items->len; i++)
    if (((const HsChartItem *) g_ptr_array_index (data->items, i))->values[s] > 0)
      return TRUE;
  return FALSE;
}

static double
draw_legend (Painter  *p,
             gboolean  paint,
             double    y)
{
  double x = p->pad, size = p->font * 0.9, box = size * 0.8, height = 0;

  for (guint s = 0; s < p->data->n_series; s++)
    {
      /* A filter on the setting leaves the other one out of every bar. */
      if (p->data->total > 0 && !series_used (p->data, s))
        continue;
      g_autoptr(PangoLayout) layout = make_layout (p, tr (p, p->data->series[s]), size, FALSE, 0,
                                                   1, PANGO_ALIGN_LEFT);
      double w, h;

      layout_size (layout, &w, &h);
      height = MAX (height, h);
      if (paint)
        {
          set_rgb (p->cr, series_colour (p, s));
          cairo_rectangle (p->cr, x, y + (h - box) / 2, box, box);
          cairo_fill (p->cr);
          set_rgb (p->cr, &p->palette->text);
          show_layout (p, layout, x + box + size * 0.4, y, 0, 0);
        }
      x += box + size * 0.4 + w + size * 1.5;
    }
  return height;
}

/* Title, subtitle and legend; returns where the chart below may start. */
static double
draw_header (Painter  *p,
             gboolean  paint)
{
  const char *title = p->style->title != NULL ? p->style->title
                                              : tr (p, kind_titles[p->data->kind]);
  g_autofree char *subtitle = p->style->subtitle != NULL ? g_strdup (p->style->subtitle)
                                                         : subtitle_text (p);
  double width = p->width - 2 * p->pad, y = p->pad;

  if (paint)
    set_rgb (p->cr, &p->palette->text);
  y += text_block (p, paint, title, p->font * 1.6, TRUE, p->pad, y, width, 2, 0, 0);
  y += p->font * 0.3;
  if (*subtitle != '\0')
    {
      if (paint)
        set_rgb (p->cr, &p->palette->muted);
      y += text_block (p, paint, subtitle, p->font * 0.95, FALSE, p->pad, y, width, 2, 0, 0);
    }
  if (p->data->n_series > 1 && p->data->kind != HS_CHART_KIND_TARGET)
    {
      y += p->font * 0.6;
      y += draw_legend (p, paint, y);
    }
  return y + p->font * 0.6;
}

/* The source line; returns the top of the footer. */
static double
draw_footer (Painter  *p,
             gboolean  paint)
{
  g_autofree char *date = hs_report_format_date (p->language, p->today);
  g_autofree char *source = NULL;
  double height;

  if (p->style->no_source)
    return p->height - p->pad;
  if (p->style->organisation != NULL && *p->style->organisation != '\0')
    source = g_strdup_printf ("Healing Spaces · %s · %s", p->style->organisation, date);
  else
    source = g_strdup_printf ("Healing Spaces · %s", date);
  if (paint)
    set_rgb (p->cr, &p->palette->muted);
  height = text_block (p, paint, source, p->font * 0.7, FALSE, p->width - p->pad,
                       p->height - p->pad * 0.6, p->width - 2 * p->pad, 1, 1, 1);
  return p->height - p->pad * 0.6 - height - p->font * 0.4;
}

static void
paint_background (Painter *p)
{
  if (p->style->transparent)
    return;
  set_rgb (p->cr, &p->palette->background);
  cairo_paint (p->cr);
}

/* Fits the label of every @stride-th item into @stride slots at @size, the
 * size they all can share (side by side they read best at one size); the
 * others have none. Returns the height the labels take. */
static double
fit_labels (Painter      *p,
            Frame        *f,
            PangoLayout **labels,
            guint         stride,
            double       *size)
{
  const HsChartData *data = p->data;
  double label_h = 0, smallest = *size;

  f->label_width = f->slot * 0.94 * stride;
  for (int pass = 0; pass < 2; pass++)
    {
      label_h = 0;
      for (guint i = 0; i < data->items->len; i++)
        {
          g_autofree char *text = NULL;
          double h, fitted;

          g_clear_object (&labels[i]);
          /* Counted from the end, so that no label leans out of the page. */
          if ((data->items->len - 1 - i) % stride != stride / 2)
            continue;
          text = hs_chart_item_label (data, g_ptr_array_index (data->items, i), p->language);
          labels[i] = fit_layout (p, text, *size, FALSE, f->label_width, 3, PANGO_ALIGN_CENTER,
                                  &fitted);
          layout_size (labels[i], NULL, &h);
          label_h = MAX (label_h, h);
          smallest = MIN (smallest, fitted);
        }
      *size = smallest;
    }
  return label_h;
}

/* Places the plot: tick labels on the left, item labels below. */
static gboolean
compute_frame (Painter      *p,
               double        top,
               double        bottom,
               Frame        *f,
               PangoLayout **labels)
{
  const HsChartData *data = p->data;
  guint n = data->items->len, max = hs_chart_data_max (data);
  g_autofree char *widest = NULL;
  double tick_w, label_h = 0, size;

  f->step = hs_chart_nice_step (MAX (max, 1), 5);
  f->axis_max = MAX (f->step, ceil (MAX (max, 1) / f->step) * f->step);
  widest = format_count (p, (guint64) f->axis_max);
  {
    g_autoptr(PangoLayout) layout = make_layout (p, widest, p->font * 0.8, FALSE, 0, 1,
                                                 PANGO_ALIGN_RIGHT);
    layout_size (layout, &tick_w, NULL);
  }
  f->left = p->pad + tick_w + p->font * 0.6;
  f->right = p->width - p->pad;
  if (n == 0 || f->right - f->left < n * 4)
    return FALSE;
  f->slot = (f->right - f->left) / n;
  f->bar_w = MIN (f->slot * 0.62, p->font * 7);
  /* A long time axis ("Igihembwe cya 2 2021" × 19) labels every second,
   * third… bar rather than shrink its labels below legibility. */
  for (guint stride = 1; stride <= n; stride++)
    {
      size = p->font * 0.9;
      label_h = fit_labels (p, f, labels, stride, &size);
      if (data->kind != HS_CHART_KIND_TREND || size >= p->font * 0.9 * LABEL_SHRINK_STEP)
        break;
    }
  f->bottom = bottom - label_h - p->font * 0.4;
  f->label_y = f->bottom + p->font * 0.4;
  /* Room for the value label above the tallest bar. */
  f->top = top + p->font * 1.4;
  return f->bottom - f->top > p->font * 2;
}

static void
draw_grid (Painter     *p,
           const Frame *f)
{
  double plot_h = f->bottom - f->top;

  cairo_set_line_width (p->cr, MAX (1, p->font / 24));
  for (double v = 0; v <= f->axis_max + f->step / 2; v += f->step)
    {
      double y = f->bottom - plot_h * v / f->axis_max;
      g_autofree char *label = format_count (p, (guint64) llround (v));

      set_rgb (p->cr, &p->palette->grid);
      cairo_move_to (p->cr, f->left, round (y) + 0.5);
      cairo_line_to (p->cr, f->right, round (y) + 0.5);
      cairo_stroke (p->cr);
      set_rgb (p->cr, &p->palette->muted);
      text_block (p, TRUE, label, p->font * 0.8, FALSE, f->left - p->font * 0.5, y, 0, 1, 1,
                  0.5);
    }
}

static void
draw_segment_label (Painter   *p,
                    guint      value,
                    const Rgb *fill,
                    double     x,
                    double     y,
                    double     w,
                    double     h)
{
  g_autofree char *text = format_count (p, value);
  g_autoptr(PangoLayout) layout = make_layout (p, text, p->font * 0.75, FALSE, 0, 1,
                                               PANGO_ALIGN_CENTER);
  double tw, th;

  layout_size (layout, &tw, &th);
  if (value == 0 || th > h - 2 || tw > w - 4)
    return;
  set_text_on (p->cr, fill);
  show_layout (p, layout, x + w / 2, y + h / 2, 0.5, 0.5);
}

static void
draw_bar (Painter           *p,
          const Frame       *f,
          guint              index,
          PangoLayout       *label)
{
  const HsChartItem *item = g_ptr_array_index (p->data->items, index);
  double plot_h = f->bottom - f->top;
  double x = f->left + f->slot * index + (f->slot - f->bar_w) / 2, y = f->bottom;
  g_autofree char *total = format_count (p, item->total);

  for (guint s = 0; s < p->data->n_series; s++)
    {
      double h = plot_h * item->values[s] / f->axis_max;

      set_rgb (p->cr, bar_colour (p, item, s));
      cairo_rectangle (p->cr, x, y - h, f->bar_w, h);
      cairo_fill (p->cr);
      if (p->data->n_series > 1 && item->values[s] < item->total)
        draw_segment_label (p, item->values[s], bar_colour (p, item, s), x, y - h, f->bar_w, h);
      y -= h;
    }

  set_rgb (p->cr, &p->palette->text);
  text_block (p, TRUE, total, p->font, TRUE, x + f->bar_w / 2, y - p->font * 0.15, f->slot, 1,
              0.5, 1);
  if (label != NULL)
    {
      double w;

      /* Labels wider than their slot (a thinned time axis) stay on the page. */
      layout_size (label, &w, NULL);
      show_layout (p, label, CLAMP (x + f->bar_w / 2, p->pad + w / 2, p->width - p->pad - w / 2),
                   f->label_y, 0.5, 0);
    }
}

static void
draw_message (Painter    *p,
              double      top,
              double      bottom,
              const char *message)
{
  set_rgb (p->cr, &p->palette->muted);
  text_block (p, TRUE, message, p->font * 1.1, FALSE, p->width / 2, (top + bottom) / 2,
              p->width - 4 * p->pad, 3, 0.5, 0.5);
}

static void
draw_bars (cairo_t            *cr,
           double              width,
           double              height,
           const HsChartData  *data,
           const HsChartStyle *style)
{
  Painter p = { NULL };
  Frame f;
  g_autofree PangoLayout **labels = NULL;
  double top, bottom;

  g_return_if_fail (data != NULL);

  cairo_save (cr);
  painter_init (&p, cr, width, height, data, style);
  paint_background (&p);
  top = draw_header (&p, TRUE);
  bottom = draw_footer (&p, TRUE);
  labels = g_new0 (PangoLayout *, data->items->len + 1);

  if (data->total == 0)
    draw_message (&p, top, bottom, tr (&p, N_("No graduates match these filters yet.")));
  else if (compute_frame (&p, top, bottom, &f, labels))
    {
      draw_grid (&p, &f);
      for (guint i = 0; i < data->items->len; i++)
        draw_bar (&p, &f, i, labels[i]);
      set_rgb (cr, &p.palette->muted);
      cairo_set_line_width (cr, MAX (1, p.font / 12));
      cairo_move_to (cr, f.left, f.bottom);
      cairo_line_to (cr, f.right, f.bottom);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < data->items->len; i++)
    g_clear_object (&labels[i]);
  painter_clear (&p);
  cairo_restore (cr);
}

int
hs_chart_hit_test (double              width,
                   double              height,
                   const HsChartData  *data,
                   const HsChartStyle *style,
                   double              x,
                   double              y)
{
  return hs_chart_hit_test_part (width, height, data, style, x, y, NULL);
}

/* The series whose part of item @hit's bar is at @y, or -1. */
static int
find_part (const Frame       *f,
           const HsChartData *data,
           guint              hit,
           double             y)
{
  const HsChartItem *item = g_ptr_array_index (data->items, hit);
  double base = f->bottom, plot_h = f->bottom - f->top;

  for (guint s = 0; s < data->n_series; s++)
    {
      double h = plot_h * item->values[s] / f->axis_max;

      if (h > 0 && y <= base && y >= base - h)
        return (int) s;
      base -= h;
    }
  return -1;
}

int
hs_chart_hit_test_part (double              width,
                        double              height,
                        const HsChartData  *data,
                        const HsChartStyle *style,
                        double              x,
                        double              y,
                        int                *series)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Painter p = { NULL };
  Frame f;
  g_autofree PangoLayout **labels = NULL;
  int hit = -1;

  g_return_val_if_fail (data != NULL, -1);

  if (series != NULL)
    *series = -1;
  if (data->kind == HS_CHART_KIND_TARGET || data->kind == HS_CHART_KIND_TARGET_DISTRICT
      || data->kind == HS_CHART_KIND_TARGET_SEX || data->total == 0)
    return -1;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  painter_init (&p, cr, width, height, data, style);
  labels = g_new0 (PangoLayout *, data->items->len + 1);
  if (compute_frame (&p, draw_header (&p, FALSE), draw_footer (&p, FALSE), &f, labels)
      && x >= f.left && x < f.right && y >= f.top && y <= f.bottom + (height - f.bottom) / 2)
    {
      hit = MIN ((int) ((x - f.left) / f.slot), (int) data->items->len - 1);
      if (series != NULL && data->n_series > 1)
        *series = find_part (&f, data, hit, y);
    }
  for (guint i = 0; i < data->items->len; i++)
    g_clear_object (&labels[i]);
  painter_clear (&p);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return hit;
}

void
hs_chart_draw_district (cairo_t            *cr,
                        double              width,
                        double              height,
                        const HsChartData  *data,
                        const HsChartStyle *style)
{
  draw_bars (cr, width, height, data, style);
}

void
hs_chart_draw_sex (cairo_t            *cr,
                   double              width,
                   double              height,
                   const HsChartData  *data,
                   const HsChartStyle *style)
{
  draw_bars (cr, width, height, data, style);
}

void
hs_chart_draw_age (cairo_t            *cr,
                   double              width,
                   double              height,
                   const HsChartData  *data,
                   const HsChartStyle *style)
{
  draw_bars (cr, width, height, data, style);
}

void
hs_chart_draw_category (cairo_t            *cr,
                        double              width,
                        double              height,
                        const HsChartData  *data,
                        const HsChartStyle *style)
{
  draw_bars (cr, width, height, data, style);
}

void
hs_chart_draw_facility (cairo_t            *cr,
                        double              width,
                        double              height,
                        const HsChartData  *data,
                        const HsChartStyle *style)
{
  draw_bars (cr, width, height, data, style);
}

void
hs_chart_draw_trend (cairo_t            *cr,
                     double              width,
                     double              height,
                     const HsChartData  *data,
                     const HsChartStyle *style)
{
  draw_bars (cr, width, height, data, style);
}

static int
days_between (const char *from,
              const char *to)
{
  int y1, m1, d1, y2, m2, d2;
  GDate a, b;

  if (from == NULL || to == NULL || sscanf (from, "%d-%d-%d", &y1, &m1, &d1) != 3
      || sscanf (to, "%d-%d-%d", &y2, &m2, &d2) != 3 || !g_date_valid_dmy (d1, m1, y1)
      || !g_date_valid_dmy (d2, m2, y2))
    return -1;
  g_date_set_dmy (&a, d1, m1, y1);
  g_date_set_dmy (&b, d2, m2, y2);
  return g_date_days_between (&a, &b);
}

/* A thin mark where the target's time stands today. */
static void
draw_time_marker (Painter *p,
                  double   x0,
                  double   bar_w,
                  double   bar_y,
                  double   bar_h)
{
  const HsChartData *data = p->data;
  int span = days_between (data->target_start, data->target_end);
  int elapsed = days_between (data->target_start, p->today);
  g_autofree char *label = NULL;
  double share, x;

  if (span <= 0 || elapsed < 0)
    return;
  share = MIN (1.0, (double) elapsed / span);
  x = x0 + bar_w * share;
  set_rgb (p->cr, &p->palette->text);
  cairo_set_line_width (p->cr, MAX (2, p->font / 8));
  cairo_move_to (p->cr, x, bar_y - p->font * 0.4);
  cairo_line_to (p->cr, x, bar_y + bar_h + p->font * 0.4);
  cairo_stroke (p->cr);
  label = g_strdup_printf (tr (p, N_("Time elapsed: %d%%")), (int) round (share * 100));
  text_block (p, TRUE, label, p->font * 0.8, FALSE, CLAMP (x, x0 + p->font * 4,
                                                          x0 + bar_w - p->font * 4),
              bar_y - p->font * 0.5, 0, 1, 0.5, 1);
}

void
hs_chart_draw_target (cairo_t            *cr,
                      double              width,
                      double              height,
                      const HsChartData  *data,
                      const HsChartStyle *style)
{
  Painter p = { NULL };
  g_autofree char *done = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *of_goal = NULL;
  double top, bottom, share, x0, bar_w, bar_h, bar_y, figure_h, y;
  guint count;

  g_return_if_fail (data != NULL);

  cairo_save (cr);
  painter_init (&p, cr, width, height, data, style);
  paint_background (&p);
  top = draw_header (&p, TRUE);
  bottom = draw_footer (&p, TRUE);
  if (data->target == 0)
    {
      draw_message (&p, top, bottom, tr (&p, N_("No programme target has been set.")));
      goto out;
    }

  /* A people target counts everyone reached, a graduates target graduates. */
  count = data->target_people ? data->reached : data->total;
  share = (double) count / data->target;
  done = format_count (&p, count);
  goal = format_count (&p, data->target);
  of_goal = g_strdup_printf (data->target_people ? tr (&p, N_("of %s people reached (%d%%)"))
                                                 : tr (&p, N_("of %s graduates (%d%%)")), goal,
                             (int) floor (share * 100));
  x0 = p.pad * 2;
  bar_w = width - 4 * p.pad;
  bar_h = MAX (p.font * 1.6, (bottom - top) * 0.16);
  figure_h = p.font * 4;
  y = top + MAX (0, (bottom - top - figure_h - bar_h - p.font * 5) / 2);

  set_rgb (cr, &p.palette->text);
  text_block (&p, TRUE, done, p.font * 4, TRUE, width / 2, y, width - 4 * p.pad, 1, 0.5, 0);
  y += figure_h * 1.25;
  set_rgb (cr, &p.palette->muted);
  y += text_block (&p, TRUE, of_goal, p.font * 1.2, FALSE, width / 2, y, width - 4 * p.pad, 2,
                   0.5, 0);
  bar_y = y + p.font * 2.2;

  set_rgb (cr, &p.palette->track);
  cairo_rectangle (cr, x0, bar_y, bar_w, bar_h);
  cairo_fill (cr);
  set_rgb (cr, &oi_green);
  cairo_rectangle (cr, x0, bar_y, bar_w * MIN (1.0, share), bar_h);
  cairo_fill (cr);
  set_rgb (cr, &p.palette->muted);
  cairo_set_line_width (cr, MAX (1, p.font / 16));
  cairo_rectangle (cr, x0, bar_y, bar_w, bar_h);
  cairo_stroke (cr);

  for (int q = 0; q <= 4; q++)
    {
      g_autofree char *tick = format_count (&p, (guint64) data->target * q / 4);

      set_rgb (cr, &p.palette->muted);
      text_block (&p, TRUE, tick, p.font * 0.8, FALSE, x0 + bar_w * q / 4,
                  bar_y + bar_h + p.font * 0.4, 0, 1, q == 0 ? 0 : q == 4 ? 1 : 0.5, 0);
    }
  draw_time_marker (&p, x0, bar_w, bar_y, bar_h);

out:
  painter_clear (&p);
  cairo_restore (cr);
}

/* What the item's target counts: people reached, or graduates. */
static guint
progress_count (const HsChartItem *item)
{
  return item->people_target ? item->reached : item->total;
}

static guint
progress_scale (const HsChartData *data)
{
  guint scale = 0;

  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);

      scale = MAX (scale, MAX (progress_count (item), MAX (item->target, item->reference)));
    }
  return scale;
}

/* "178 of 4,000 graduates (4%)", or the count alone without a target. */
static char *
progress_text (const Painter     *p,
               const HsChartItem *item)
{
  g_autofree char *done = format_count (p, progress_count (item));
  g_autofree char *goal = NULL;
  int share;

  if (item->target == 0)
    return g_strdup_printf (tr (p, N_("%s graduates · no target set")), done);
  goal = format_count (p, item->target);
  share = (int) floor (100.0 * progress_count (item) / item->target);
  if (item->people_target)
    return g_strdup_printf (tr (p, N_("%s of %s people reached (%d%%)")), done, goal, share);
  return g_strdup_printf (tr (p, N_("%s of %s graduates (%d%%)")), done, goal, share);
}

/* One row: the target as a track, the graduates over it, and a tick where
 * the past programme stood. */
static void
draw_progress_row (Painter           *p,
                   const HsChartItem *item,
                   double             scale,
                   double             x0,
                   double             bar_w,
                   double             y,
                   double             row_h)
{
  cairo_t *cr = p->cr;
  g_autofree char *label = hs_chart_item_label (p->data, item, p->language);
  g_autofree char *figures = progress_text (p, item);
  double bar_h = MIN (row_h * 0.32, p->font * 1.6), bar_y = y + row_h * 0.42;

  set_rgb (cr, &p->palette->text);
  text_block (p, TRUE, label, p->font, TRUE, p->pad, bar_y + bar_h / 2, x0 - 2 * p->pad, 2,
              0, 0.5);
  text_block (p, TRUE, figures, p->font * 0.9, FALSE, x0, bar_y - p->font * 0.25, bar_w, 1,
              0, 1);
  if (item->target > 0)
    {
      set_rgb (cr, &p->palette->track);
      cairo_rectangle (cr, x0, bar_y, bar_w * item->target / scale, bar_h);
      cairo_fill (cr);
    }
  set_rgb (cr, item->target > 0 ? &oi_green : &oi_blue);
  cairo_rectangle (cr, x0, bar_y, bar_w * progress_count (item) / scale, bar_h);
  cairo_fill (cr);
  if (item->target > 0)
    {
      set_rgb (cr, &p->palette->muted);
      cairo_set_line_width (cr, MAX (1, p->font / 16));
      cairo_rectangle (cr, x0, bar_y, bar_w * item->target / scale, bar_h);
      cairo_stroke (cr);
    }
  if (item->reference > 0)
    {
      g_autofree char *count = format_count (p, item->reference);
      g_autofree char *text = g_strdup_printf (tr (p, N_("%s: %s people")),
                                               p->data->reference_name, count);
      double x = x0 + bar_w * item->reference / scale;

      set_rgb (cr, &oi_orange);
      cairo_set_line_width (cr, MAX (2, p->font / 6));
      cairo_move_to (cr, x, bar_y - p->font * 0.2);
      cairo_line_to (cr, x, bar_y + bar_h + p->font * 0.2);
      cairo_stroke (cr);
      set_rgb (cr, &p->palette->muted);
      text_block (p, TRUE, text, p->font * 0.8, FALSE, x, bar_y + bar_h + p->font * 0.3, 0, 1,
                  x - x0 > bar_w / 2 ? 1 : 0, 0);
    }
}

/* Progress by district and by sex: the same drawing for both. */
static void
draw_progress (cairo_t            *cr,
               double              width,
               double              height,
               const HsChartData  *data,
               const HsChartStyle *style)
{
  Painter p = { NULL };
  double top, bottom, label_w = 0, row_h, x0, bar_w;
  guint scale = progress_scale (data);

  g_return_if_fail (data != NULL);

  cairo_save (cr);
  painter_init (&p, cr, width, height, data, style);
  paint_background (&p);
  top = draw_header (&p, TRUE);
  bottom = draw_footer (&p, TRUE);
  if (scale == 0)
    {
      draw_message (&p, top, bottom, tr (&p, N_("No graduates and no targets yet. Set targets on "
                                                "the Livelihoods page.")));
      goto out;
    }
  for (guint i = 0; i < data->items->len; i++)
    {
      g_autofree char *text = hs_chart_item_label (data, g_ptr_array_index (data->items, i),
                                                   p.language);
      g_autoptr(PangoLayout) layout = make_layout (&p, text, p.font, TRUE, 0, 1,
                                                   PANGO_ALIGN_LEFT);
      double w;

      layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }
  x0 = p.pad * 2 + MIN (label_w, width * 0.28);
  bar_w = width - x0 - 2 * p.pad;
  row_h = MIN ((bottom - top) / MAX (1, data->items->len), p.font * 5.5);
  top += MAX (0, (bottom - top - row_h * data->items->len) / 2);
  for (guint i = 0; i < data->items->len; i++)
    draw_progress_row (&p, g_ptr_array_index (data->items, i), scale, x0, bar_w,
                       top + row_h * i, row_h);

out:
  painter_clear (&p);
  cairo_restore (cr);
}

void
hs_chart_draw_target_district (cairo_t            *cr,
                               double              width,
                               double              height,
                               const HsChartData  *data,
                               const HsChartStyle *style)
{
  draw_progress (cr, width, height, data, style);
}

void
hs_chart_draw_target_sex (cairo_t            *cr,
                          double              width,
                          double              height,
                          const HsChartData  *data,
                          const HsChartStyle *style)
{
  draw_progress (cr, width, height, data, style);
}

void
hs_chart_draw (cairo_t            *cr,
               double              width,
               double              height,
               const HsChartData  *data,
               const HsChartStyle *style)
{
  static const HsChartDrawFunc draw[HS_CHART_N_KINDS] = {
    hs_chart_draw_district, hs_chart_draw_sex, hs_chart_draw_age, hs_chart_draw_category,
    hs_chart_draw_facility, hs_chart_draw_trend, hs_chart_draw_target,
    hs_chart_draw_target_district, hs_chart_draw_target_sex,
  };

  g_return_if_fail (data != NULL && data->kind < HS_CHART_N_KINDS);
  draw[data->kind] (cr, width, height, data, style);
}
