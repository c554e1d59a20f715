/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-chart"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "hs-chart.h"

typedef struct
{
  double r, g, b;
} Rgb;

/* Okabe–Ito: distinguishable with every common colour-vision deficiency. */
static const Rgb community_colour = { 0.0, 0.447, 0.698 };  /* blue */
static const Rgb prison_colour = { 0.902, 0.624, 0.0 };     /* orange */

typedef struct
{
  Rgb background, text, muted, grid;
} Palette;

static const Palette light = { { 1, 1, 1 }, { 0.12, 0.12, 0.14 }, { 0.38, 0.38, 0.42 },
                               { 0.86, 0.86, 0.88 } };
static const Palette dark = { { 0.14, 0.14, 0.16 }, { 0.96, 0.96, 0.97 }, { 0.70, 0.70, 0.74 },
                              { 0.30, 0.30, 0.34 } };

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
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
    return magnitude;
  if (residual <= 2)
    return 2 * magnitude;
  if (residual <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* Draws @text with its anchor at (@x, @y): @ax/@ay 0 = left/top,
 * 0.5 = centre, 1 = right/bottom. Returns the text width. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      ax,
           double      ay)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  return w;
}

static void
draw_legend (cairo_t       *cr,
             const Palette *palette,
             double         font,
             double         x,
             double         y)
{
  const struct { const Rgb *colour; const char *label; } items[] = {
    { &community_colour, _("Community") },
    { &prison_colour, _("Prison") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      set_rgb (cr, items[i].colour);
      cairo_rectangle (cr, x, y - font * 0.35, font * 0.7, font * 0.7);
      cairo_fill (cr);
      set_rgb (cr, &palette->text);
      x += font + draw_text (cr, items[i].label, font * 0.85, FALSE, x + font, y, 0, 0.5);
      x += font;
    }
}

void
hs_chart_draw_districts (cairo_t             *cr,
                         double               width,
                         double               height,
                         const HsStats       *stats,
                         const HsChartStyle  *style)
{
  const Palette *palette = style->theme == HS_CHART_DARK ? &dark : &light;
  double font = style->font_size > 0 ? style->font_size : MAX (12, height / 40);
  double pad = font * 1.5, top, bottom, left, right, plot_h, slot, max = 0, step, axis_max;
  guint n = stats->districts->len;

  cairo_save (cr);
  set_rgb (cr, &palette->background);
  cairo_paint (cr);

  set_rgb (cr, &palette->text);
  top = pad;
  if (style->title != NULL)
    {
      draw_text (cr, style->title, font * 1.6, TRUE, pad, top, 0, 0);
      top += font * 2.2;
    }
  if (style->subtitle != NULL)
    {
      set_rgb (cr, &palette->muted);
      draw_text (cr, style->subtitle, font, FALSE, pad, top, 0, 0);
      top += font * 1.6;
    }
  draw_legend (cr, palette, font, pad, top + font * 0.6);
  top += font * 2.4;

  bottom = height - pad - font * 1.8 - (style->source ? font * 1.6 : 0);
  left = pad + font * 3;
  right = width - pad;
  plot_h = bottom - top;
  if (n == 0 || plot_h <= font || right - left <= font)
    {
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < n; i++)
    max = MAX (max, ((HsDistrictStats *) g_ptr_array_index (stats->districts, i))->graduates);
  step = hs_chart_nice_step (MAX (max, 1), 5);
  axis_max = ceil (MAX (max, 1) * 1.08 / step) * step;

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      double y = bottom - plot_h * v / axis_max;
      char label[32];

      set_rgb (cr, &palette->grid);
      cairo_move_to (cr, left, round (y) + 0.5);
      cairo_line_to (cr, right, round (y) + 0.5);
      cairo_stroke (cr);
      set_rgb (cr, &palette->muted);
      g_snprintf (label, sizeof label, "%.0f", v);
      draw_text (cr, label, font * 0.8, FALSE, left - font * 0.5, y, 1, 0.5);
    }

  slot = (right - left) / n;
  for (guint i = 0; i < n; i++)
    {
      const HsDistrictStats *d = g_ptr_array_index (stats->districts, i);
      double bar_w = slot * 0.6, x = left + slot * i + (slot - bar_w) / 2;
      double h_comm = plot_h * d->community / axis_max, h_pris = plot_h * d->prison / axis_max;
      char value[32];

      set_rgb (cr, &community_colour);
      cairo_rectangle (cr, x, bottom - h_comm, bar_w, h_comm);
      cairo_fill (cr);
      set_rgb (cr, &prison_colour);
      cairo_rectangle (cr, x, bottom - h_comm - h_pris, bar_w, h_pris);
      cairo_fill (cr);

      set_rgb (cr, &palette->text);
      g_snprintf (value, sizeof value, "%u", d->graduates);
      draw_text (cr, value, font, TRUE, x + bar_w / 2, bottom - h_comm - h_pris - font * 0.2,
                 0.5, 1);
      draw_text (cr, d->name, font * 0.9, FALSE, x + bar_w / 2, bottom + font * 0.4, 0.5, 0);
    }

  if (style->source != NULL)
    {
      set_rgb (cr, &palette->muted);
      draw_text (cr, style->source, font * 0.75, FALSE, width - pad, height - pad, 1, 1);
    }
  cairo_restore (cr);
}
