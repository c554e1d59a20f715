/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificate-drawing"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "hs-certificate-drawing.h"
#include "hs-report-file.h"

/* The certificate's wording comes from this table, chosen by the
 * certificate's own language ("rw", "en" or both), never from the user
 * interface's locale: a coordinator working in English prints Kinyarwanda
 * certificates. Kinyarwanda uses the terms of the project glossary
 * (icyemezo, gusoza, urubuga rw'isanamitima, umuhango wo gusoza). */
typedef enum
{
  TEXT_TITLE,
  TEXT_INTRO,
  /* approach, group, place, start, end */
  TEXT_BODY,
  /* venue, date */
  TEXT_CEREMONY,
  /* date */
  TEXT_CEREMONY_NO_VENUE,
  /* district */
  TEXT_DISTRICT,
  /* facility, district */
  TEXT_FACILITY,
  TEXT_SOCIOTHERAPY,
  TEXT_MULTIFAMILY,
  TEXT_RESILIENCE,
  TEXT_SERIAL,
  TEXT_ISSUED,
  N_TEXTS
} TextId;

static const char * const wording[2][N_TEXTS] = {
  /* rw */
  {
    "ICYEMEZO CYO GUSOZA",
    "Turemeza ko",
    "yasoje neza gahunda %s mu rubuga rw'isanamitima “%s”, %s, kuva ku wa %s kugeza ku wa %s.",
    "Iki cyemezo cyatanzwe mu muhango wo gusoza wabereye %s ku wa %s.",
    "Iki cyemezo cyatanzwe mu muhango wo gusoza wo ku wa %s.",
    "Akarere ka %s",
    "%s, Akarere ka %s",
    "y'isanamitima rishingiye ku muryango (Mvura Nkuvure)",
    "y'isanamitima ry'imiryango",
    "y'isanamitima ryubaka ubudahangarwa",
    "Nomero",
    "Cyatanzwe ku wa %s",
  },
  /* en */
  {
    "CERTIFICATE OF COMPLETION",
    "This is to certify that",
    "has successfully completed the %s programme in the healing space “%s”, %s, "
    "from %s to %s.",
    "Awarded at the graduation ceremony held at %s on %s.",
    "Awarded at the graduation ceremony on %s.",
    "%s District",
    "%s, %s District",
    "community-based sociotherapy",
    "multifamily therapy",
    "resilience-oriented therapy",
    "Serial No.",
    "Issued on %s",
  },
};

static const char * const months[2][12] = {
  { "Mutarama", "Gashyantare", "Werurwe", "Mata", "Gicurasi", "Kamena", "Nyakanga", "Kanama",
    "Nzeri", "Ukwakira", "Ugushyingo", "Ukuboza" },
  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" },
};

enum { LANG_RW, LANG_EN };

#define SERIF "DejaVu Serif, Noto Serif, serif"
#define SANS "Cantarell, DejaVu Sans, sans-serif"
#define MONO "DejaVu Sans Mono, monospace"
#define N_LOGOS 4

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb green = { 0.07, 0.34, 0.22 };
static const Rgb gold = { 0.74, 0.57, 0.16 };
static const Rgb ink = { 0.12, 0.12, 0.14 };
static const Rgb muted = { 0.36, 0.36, 0.40 };

typedef struct
{
  cairo_surface_t *surface;
  double           width;
  double           height;
} Image;

typedef struct
{
  char  *name;
  char  *title;
  Image  image;
} Signatory;

struct _HsCertificateDesign
{
  PangoContext *context;
  /* The border of the last page size, recorded once: a PDF then holds it a
   * single time for all pages. */
  cairo_surface_t *border;
  double        border_width;
  double        border_height;
  char         *organisation;
  Image         logos[N_LOGOS];
  Signatory     signatories[2];
};

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
  image->width = image->height = 0;
}

/* SVG stays vector: it is replayed from a recording surface. */
static gboolean
load_svg (const char *path,
          Image      *image)
{
  RsvgHandle *handle = rsvg_handle_new_from_file (path, NULL);
  RsvgRectangle viewport;
  cairo_rectangle_t extents;
  double w = 0, h = 0;
  cairo_t *cr;

  if (handle == NULL)
    return FALSE;
  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h) || w <= 0 || h <= 0)
    w = h = 200;
  extents = (cairo_rectangle_t) { 0, 0, w, h };
  viewport = (RsvgRectangle) { 0, 0, w, h };
  image->surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (image->surface);
  rsvg_handle_render_document (handle, cr, &viewport, NULL);
  cairo_destroy (cr);
  g_object_unref (handle);
  image->width = w;
  image->height = h;
  return TRUE;
}

static void
image_load (Image      *image,
            const char *path)
{
  g_autofree char *lower = NULL;

  image_clear (image);
  if (path == NULL || *path == '\0')
    return;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    {
      if (!load_svg (path, image))
        g_message ("Could not read the image %s; it is left out", path);
      return;
    }
  image->surface = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (image->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_message ("Could not read the image %s; it is left out", path);
      image_clear (image);
      return;
    }
  image->width = cairo_image_surface_get_width (image->surface);
  image->height = cairo_image_surface_get_height (image->surface);
}

HsCertificateDesign *
hs_certificate_design_new (void)
{
  HsCertificateDesign *design = g_new0 (HsCertificateDesign, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  design->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* The same glyph positions on screen, paper and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (design->context, options);
  cairo_font_options_destroy (options);
  return design;
}

HsCertificateDesign *
hs_certificate_design_new_from_settings (HsDatabase *db)
{
  HsCertificateDesign *design = hs_certificate_design_new ();
  g_autofree char *organisation = hs_database_get_setting (db, "organisation.name");

  hs_certificate_design_set_organisation (design, organisation);
  for (guint i = 0; i < N_LOGOS; i++)
    {
      g_autofree char *key = g_strdup_printf ("certificate.logo%u", i + 1);
      g_autofree char *path = hs_database_get_setting (db, key);

      hs_certificate_design_set_logo (design, i, path);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name_key = g_strdup_printf ("certificate.signatory%u.name", i + 1);
      g_autofree char *title_key = g_strdup_printf ("certificate.signatory%u.title", i + 1);
      g_autofree char *image_key = g_strdup_printf ("certificate.signatory%u.image", i + 1);
      g_autofree char *name = hs_database_get_setting (db, name_key);
      g_autofree char *title = hs_database_get_setting (db, title_key);
      g_autofree char *image = hs_database_get_setting (db, image_key);

      hs_certificate_design_set_signatory (design, i, name, title, image);
    }
  return design;
}

void
hs_certificate_design_free (HsCertificateDesign *design)
{
  if (design == NULL)
    return;
  g_clear_object (&design->context);
  g_clear_pointer (&design->border, cairo_surface_destroy);
  g_free (design->organisation);
  for (guint i = 0; i < N_LOGOS; i++)
    image_clear (&design->logos[i]);
  for (guint i = 0; i < 2; i++)
    {
      g_free (design->signatories[i].name);
      g_free (design->signatories[i].title);
      image_clear (&design->signatories[i].image);
    }
  g_free (design);
}

void
hs_certificate_design_set_organisation (HsCertificateDesign *design,
                                        const char          *name)
{
  g_free (design->organisation);
  design->organisation = g_strdup (name);
}

void
hs_certificate_design_set_logo (HsCertificateDesign *design,
                                guint                index,
                                const char          *path)
{
  g_return_if_fail (index < N_LOGOS);
  image_load (&design->logos[index], path);
}

void
hs_certificate_design_set_signatory (HsCertificateDesign *design,
                                     guint                index,
                                     const char          *name,
                                     const char          *title,
                                     const char          *image)
{
  Signatory *signatory;

  g_return_if_fail (index < 2);
  signatory = &design->signatories[index];
  g_free (signatory->name);
  g_free (signatory->title);
  signatory->name = g_strdup (name);
  signatory->title = g_strdup (title);
  image_load (&signatory->image, image);
}

void
hs_certificate_page_size (HsCertificateOrientation orientation,
                          double                  *width,
                          double                  *height)
{
  gboolean landscape = orientation == HS_CERTIFICATE_LANDSCAPE;

  *width = landscape ? HS_CERTIFICATE_A4_LONG : HS_CERTIFICATE_A4_SHORT;
  *height = landscape ? HS_CERTIFICATE_A4_SHORT : HS_CERTIFICATE_A4_LONG;
}

/* Drawing. */

typedef struct
{
  HsCertificateDesign *design;
  cairo_t             *cr;
  double               width;
  double               height;
  /* Scale of everything: 1 on A4. */
  double               u;
  /* The box text stays in. */
  double               left;
  double               right;
  double               top;
  double               bottom;
} Page;

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static PangoLayout *
new_layout (Page       *page,
            const char *text,
            const char *family,
            double      size,
            PangoWeight weight,
            PangoStyle  style)
{
  PangoLayout *layout = pango_layout_new (page->design->context);
  PangoFontDescription *font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* A paragraph wrapped to @width. */
static PangoLayout *
new_paragraph (Page       *page,
               const char *text,
               const char *family,
               double      size,
               PangoStyle  style,
               double      width)
{
  PangoLayout *layout = new_layout (page, text, family, size, PANGO_WEIGHT_NORMAL, style);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* One line at @size, smaller when it is wider than @width; below @min_size
 * it wraps instead, so that a name is never clipped. */
static PangoLayout *
new_fitted_line (Page       *page,
                 const char *text,
                 const char *family,
                 double      size,
                 double      min_size,
                 PangoWeight weight,
                 double      width)
{
  PangoLayout *layout = new_layout (page, text, family, size, weight, PANGO_STYLE_NORMAL);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (logical.width <= width * PANGO_SCALE)
    return layout;
  g_object_unref (layout);
  size = MAX (min_size, size * width * PANGO_SCALE / logical.width * 0.98);
  layout = new_layout (page, text, family, size, weight, PANGO_STYLE_NORMAL);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}


static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Whether every line of @layout after the first starts a word (or the
 * second half of a hyphenated name). */
static gboolean
word_breaks_only (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      gunichar before;

      if (line->start_index <= 0)
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));
      if (!g_unichar_isspace (before) && before != '-')
        return FALSE;
    }
  return TRUE;
}

/* The name, large: one line when it fits at a size that still reads as
 * the heart of the page; a longer name takes two lines at the largest size
 * where they fit between word breaks; only what does not fit even so is
 * broken inside words, still never clipped. */
static PangoLayout *
new_name_layout (Page       *page,
                 const char *text,
                 double      width)
{
  double u = page->u;
  PangoLayout *layout = new_fitted_line (page, text, SERIF, 38 * u, 24 * u, PANGO_WEIGHT_BOLD,
                                         width);

  if (pango_layout_get_line_count (layout) == 1)
    return layout;
  g_object_unref (layout);
  for (double size = 32 * u; size >= 14 * u; size -= 1 * u)
    {
      PangoRectangle logical;

      layout = new_layout (page, text, SERIF, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_extents (layout, NULL, &logical);
      if (pango_layout_get_line_count (layout) <= 2 && logical.width <= width * PANGO_SCALE
          && word_breaks_only (layout))
        return layout;
      g_object_unref (layout);
    }
  return new_fitted_line (page, text, SERIF, 14 * u, 10 * u, PANGO_WEIGHT_BOLD, width);
}

/* Shows @layout centred on @cx with its top at @y; returns its height. */
static double
show_centred (Page        *page,
              PangoLayout *layout,
              double       cx,
              double       y)
{
  PangoRectangle logical;
  double w;

  pango_layout_get_extents (layout, NULL, &logical);
  w = pango_layout_get_width (layout) > 0 ? pango_layout_get_width (layout) : logical.width;
  cairo_move_to (page->cr, cx - w / PANGO_SCALE / 2, y);
  pango_cairo_show_layout (page->cr, layout);
  return (double) logical.height / PANGO_SCALE;
}

static void
draw_image (cairo_t     *cr,
            const Image *image,
            double       cx,
            double       bottom,
            double       max_width,
            double       max_height)
{
  double scale;

  if (image->surface == NULL)
    return;
  scale = MIN (max_width / image->width, max_height / image->height);
  cairo_save (cr);
  cairo_translate (cr, cx - image->width * scale / 2, bottom - image->height * scale);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_diamond (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

/* A double frame with a band of diamonds between its lines and a rosette in
 * each corner, all inside the printable margin. */
static void
record_border (Page    *page,
               cairo_t *cr)
{
  double u = page->u;
  double outer = HS_CERTIFICATE_PRINTABLE_MARGIN + 2 * u;
  double inner = outer + 13 * u;
  double band = (outer + inner) / 2;
  double w = page->width, h = page->height;
  double step = 15 * u;
  int nx = (int) ((w - 2 * band) / step), ny = (int) ((h - 2 * band) / step);
  double sx = (w - 2 * band) / nx, sy = (h - 2 * band) / ny;

  set_rgb (cr, &green);
  cairo_set_line_width (cr, 3.5 * u);
  cairo_rectangle (cr, outer, outer, w - 2 * outer, h - 2 * outer);
  cairo_stroke (cr);

  set_rgb (cr, &gold);
  cairo_set_line_width (cr, 1.2 * u);
  cairo_rectangle (cr, inner, inner, w - 2 * inner, h - 2 * inner);
  cairo_rectangle (cr, inner + 4 * u, inner + 4 * u, w - 2 * inner - 8 * u,
                   h - 2 * inner - 8 * u);
  cairo_stroke (cr);

  for (int i = 1; i < nx; i++)
    {
      draw_diamond (cr, band + i * sx, band, 2.6 * u);
      draw_diamond (cr, band + i * sx, h - band, 2.6 * u);
    }
  for (int i = 1; i < ny; i++)
    {
      draw_diamond (cr, band, band + i * sy, 2.6 * u);
      draw_diamond (cr, w - band, band + i * sy, 2.6 * u);
    }
  cairo_fill (cr);

  for (int corner = 0; corner < 4; corner++)
    {
      double x = corner % 2 ? w - band : band;
      double y = corner / 2 ? h - band : band;

      set_rgb (cr, &green);
      cairo_arc (cr, x, y, 9 * u, 0, 2 * G_PI);
      cairo_fill (cr);
      set_rgb (cr, &gold);
      draw_diamond (cr, x, y, 6.5 * u);
      cairo_fill (cr);
    }
}

static void
draw_border (Page *page)
{
  HsCertificateDesign *design = page->design;

  if (design->border == NULL || design->border_width != page->width
      || design->border_height != page->height)
    {
      cairo_rectangle_t extents = { 0, 0, page->width, page->height };
      cairo_t *cr;

      g_clear_pointer (&design->border, cairo_surface_destroy);
      design->border = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      design->border_width = page->width;
      design->border_height = page->height;
      cr = cairo_create (design->border);
      record_border (page, cr);
      cairo_destroy (cr);
    }
  cairo_set_source_surface (page->cr, design->border, 0, 0);
  cairo_paint (page->cr);
}

static void
draw_qr (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (code == NULL)
    return;
  /* Four modules of quiet zone on each side. */
  module = size / (code->width + 8);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle (cr, x + (col + 4) * module, y + (row + 4) * module, module, module);
  cairo_fill (cr);
  QRcode_free (code);
}

static char *
format_date (const char *iso,
             int         lang)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12)
    return g_strdup (iso ? iso : "…");
  return g_strdup_printf ("%d %s %d", d, months[lang][m - 1], y);
}

static const char *
approach_text (HsCertificate *certificate,
               int            lang)
{
  const char *approach = hs_certificate_get_approach (certificate);

  if (g_strcmp0 (approach, "multifamily") == 0)
    return wording[lang][TEXT_MULTIFAMILY];
  if (g_strcmp0 (approach, "resilience") == 0)
    return wording[lang][TEXT_RESILIENCE];
  return wording[lang][TEXT_SOCIOTHERAPY];
}

static char *
body_text (HsCertificate *certificate,
           int            lang)
{
  const char *facility = hs_certificate_get_facility (certificate);
  const char *district = hs_certificate_get_district (certificate);
  const char *venue = hs_certificate_get_graduation_venue (certificate);
  g_autofree char *place = NULL;
  g_autofree char *start = format_date (hs_certificate_get_start_date (certificate), lang);
  g_autofree char *end = format_date (hs_certificate_get_graduation_date (certificate), lang);
  g_autofree char *body = NULL;
  g_autofree char *ceremony = NULL;

  if (facility != NULL)
    place = g_strdup_printf (wording[lang][TEXT_FACILITY], facility, district);
  else
    place = g_strdup_printf (wording[lang][TEXT_DISTRICT], district ? district : "…");
  body = g_strdup_printf (wording[lang][TEXT_BODY], approach_text (certificate, lang),
                          hs_certificate_get_group_name (certificate), place, start, end);
  if (venue != NULL && *venue != '\0')
    ceremony = g_strdup_printf (wording[lang][TEXT_CEREMONY], venue, end);
  else
    ceremony = g_strdup_printf (wording[lang][TEXT_CEREMONY_NO_VENUE], end);
  return g_strconcat (body, " ", ceremony, NULL);
}

/* Logos and organisation; returns the y below them. */
static double
draw_header (Page *page)
{
  HsCertificateDesign *design = page->design;
  double u = page->u, y = page->top;
  double content = page->right - page->left;
  double logo_h = 44 * u, slot = MIN (content / N_LOGOS, 130 * u);
  guint n = 0;

  for (guint i = 0; i < N_LOGOS; i++)
    n += design->logos[i].surface != NULL;
  if (n > 0)
    {
      double x = (page->left + page->right) / 2 - slot * n / 2 + slot / 2;

      for (guint i = 0; i < N_LOGOS; i++)
        if (design->logos[i].surface != NULL)
          {
            draw_image (page->cr, &design->logos[i], x, y + logo_h, slot - 16 * u, logo_h);
            x += slot;
          }
      y += logo_h + 8 * u;
    }
  if (design->organisation != NULL && *design->organisation != '\0')
    {
      g_autoptr(PangoLayout) layout = new_fitted_line (page, design->organisation, SANS, 13 * u,
                                                       8 * u, PANGO_WEIGHT_BOLD, content);

      set_rgb (page->cr, &green);
      y += show_centred (page, layout, (page->left + page->right) / 2, y);
    }
  return y;
}

static void
draw_signatory (Page      *page,
                Signatory *signatory,
                double     cx,
                double     width,
                double     line_y)
{
  cairo_t *cr = page->cr;
  double u = page->u, y = line_y + 3 * u;

  if (signatory->name == NULL && signatory->title == NULL && signatory->image.surface == NULL)
    return;
  draw_image (cr, &signatory->image, cx, line_y - 2 * u, width, 40 * u);
  set_rgb (cr, &ink);
  cairo_set_line_width (cr, 0.8 * u);
  cairo_move_to (cr, cx - width / 2, line_y);
  cairo_line_to (cr, cx + width / 2, line_y);
  cairo_stroke (cr);
  if (signatory->name != NULL)
    {
      g_autoptr(PangoLayout) name = new_fitted_line (page, signatory->name, SANS, 11 * u,
                                                     7 * u, PANGO_WEIGHT_BOLD, width);

      y += show_centred (page, name, cx, y);
    }
  if (signatory->title != NULL)
    {
      g_autoptr(PangoLayout) title = new_paragraph (page, signatory->title, SANS, 9.5 * u,
                                                    PANGO_STYLE_NORMAL, width);

      set_rgb (cr, &muted);
      show_centred (page, title, cx, y);
    }
}

/* Signatures left and right; in the middle the QR code above the serial
 * and the issue date, one line each, so that they stay readable on the
 * narrower portrait page too. */
static double
draw_footer (Page          *page,
             HsCertificate *certificate,
             gboolean       rw,
             gboolean       en)
{
  HsCertificateDesign *design = page->design;
  double u = page->u, content = page->right - page->left;
  double cx = (page->left + page->right) / 2;
  double qr = 62 * u, block = MIN (content * 0.32, 210 * u), text_width = content - 2 * block;
  double line_y = page->bottom - 34 * u, y, qr_y;
  g_autofree char *qr_text = hs_certificate_dup_qr_text (certificate);
  g_autofree char *label = g_strdup_printf ("%s%s%s", rw ? wording[LANG_RW][TEXT_SERIAL] : "",
                                            rw && en ? " / " : "",
                                            en ? wording[LANG_EN][TEXT_SERIAL] : "");
  PangoLayout *lines[4] = { NULL };
  const Rgb *colours[4] = { &muted, &ink, &muted, &muted };
  guint n = 0;

  draw_signatory (page, &design->signatories[0], page->left + block / 2, block, line_y);
  draw_signatory (page, &design->signatories[1], page->right - block / 2, block, line_y);

  lines[n++] = new_fitted_line (page, label, SANS, 7.5 * u, 6 * u, PANGO_WEIGHT_NORMAL,
                                text_width);
  lines[n++] = new_fitted_line (page, hs_certificate_get_serial (certificate), MONO, 10 * u,
                                7 * u, PANGO_WEIGHT_BOLD, text_width);
  for (int lang = LANG_RW; lang <= LANG_EN; lang++)
    if (lang == LANG_RW ? rw : en)
      {
        g_autofree char *date = format_date (hs_certificate_get_issued (certificate), lang);
        g_autofree char *issued = g_strdup_printf (wording[lang][TEXT_ISSUED], date);

        lines[n++] = new_fitted_line (page, issued, SANS, 7 * u, 5.5 * u, PANGO_WEIGHT_NORMAL,
                                      text_width);
      }

  y = page->bottom;
  for (guint i = 0; i < n; i++)
    y -= layout_height (lines[i]);
  qr_y = y - qr;
  draw_qr (page->cr, qr_text, cx - qr / 2, qr_y, qr);
  for (guint i = 0; i < n; i++)
    {
      set_rgb (page->cr, colours[i]);
      y += show_centred (page, lines[i], cx, y);
      g_object_unref (lines[i]);
    }
  return MIN (qr_y, line_y - 44 * u);
}

/* Title, "this certifies that", the name and what they did, centred
 * vertically between @top and @bottom. */
static void
draw_middle (Page          *page,
             HsCertificate *certificate,
             gboolean       rw,
             gboolean       en,
             double         top,
             double         bottom)
{
  cairo_t *cr = page->cr;
  double u = page->u, content = page->right - page->left, cx = (page->left + page->right) / 2;
  int first = rw ? LANG_RW : LANG_EN;
  g_autofree char *intro = NULL;
  g_autofree char *body_first = body_text (certificate, first);
  g_autofree char *body_second = rw && en ? body_text (certificate, LANG_EN) : NULL;
  PangoLayout *title, *title_second = NULL, *intro_layout, *name, *body, *body_en = NULL;
  double gap = 10 * u, total, y;

  intro = rw && en ? g_strdup_printf ("%s / %s", wording[LANG_RW][TEXT_INTRO],
                                      wording[LANG_EN][TEXT_INTRO])
                   : g_strdup (wording[first][TEXT_INTRO]);
  title = new_fitted_line (page, wording[first][TEXT_TITLE], SERIF, 30 * u, 14 * u,
                           PANGO_WEIGHT_BOLD, content);
  if (rw && en)
    title_second = new_fitted_line (page, wording[LANG_EN][TEXT_TITLE], SERIF, 15 * u, 9 * u,
                                    PANGO_WEIGHT_NORMAL, content);
  intro_layout = new_layout (page, intro, SERIF, 13 * u, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  name = new_name_layout (page, hs_certificate_get_participant_name (certificate), content);
  body = new_paragraph (page, body_first, SERIF, (rw && en ? 11.5 : 13) * u, PANGO_STYLE_NORMAL,
                        content * 0.9);
  if (body_second != NULL)
    body_en = new_paragraph (page, body_second, SERIF, 10.5 * u, PANGO_STYLE_ITALIC,
                             content * 0.9);

  total = layout_height (title) + (title_second ? layout_height (title_second) : 0)
          + layout_height (intro_layout) + layout_height (name) + layout_height (body)
          + (body_en ? layout_height (body_en) + gap / 2 : 0) + 5 * gap;
  /* Room to spare (the tall portrait page has much) opens the gaps a
   * little, up to twice, rather than leaving one empty band above and
   * one below. */
  if (bottom - top > total)
    {
      double gaps = body_en ? 5.5 : 5, wider = MIN ((bottom - top - total) * 0.4 / gaps, gap);

      total += wider * gaps;
      gap += wider;
    }
  y = top + MAX (0, (bottom - top - total) / 2);

  set_rgb (cr, &green);
  y += show_centred (page, title, cx, y);
  if (title_second != NULL)
    y += show_centred (page, title_second, cx, y);
  y += gap * 1.5;
  set_rgb (cr, &muted);
  y += show_centred (page, intro_layout, cx, y) + gap / 2;
  set_rgb (cr, &ink);
  y += show_centred (page, name, cx, y);
  set_rgb (cr, &gold);
  cairo_set_line_width (cr, 1 * u);
  cairo_move_to (cr, cx - content * 0.3, y + gap / 2);
  cairo_line_to (cr, cx + content * 0.3, y + gap / 2);
  cairo_stroke (cr);
  y += gap * 1.5;
  set_rgb (cr, &ink);
  y += show_centred (page, body, cx, y) + gap / 2;
  if (body_en != NULL)
    {
      set_rgb (cr, &muted);
      show_centred (page, body_en, cx, y);
    }

  g_object_unref (title);
  g_clear_object (&title_second);
  g_object_unref (intro_layout);
  g_object_unref (name);
  g_object_unref (body);
  g_clear_object (&body_en);
}

void
hs_certificate_draw (HsCertificateDesign *design,
                     cairo_t             *cr,
                     double               width,
                     double               height,
                     HsCertificate       *certificate)
{
  const char *language = hs_certificate_get_language (certificate);
  gboolean rw = language == NULL || strstr (language, "rw") != NULL;
  gboolean en = language != NULL && strstr (language, "en") != NULL;
  Page page = { design, cr, width, height };
  double header_bottom, footer_top, inset;

  g_return_if_fail (design != NULL);
  g_return_if_fail (HS_IS_CERTIFICATE (certificate));

  page.u = MIN (width, height) / HS_CERTIFICATE_A4_SHORT;
  inset = HS_CERTIFICATE_PRINTABLE_MARGIN + 34 * page.u;
  page.left = inset;
  page.right = width - inset;
  page.top = inset;
  page.bottom = height - inset;

  cairo_save (cr);
  pango_cairo_update_context (cr, design->context);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_border (&page);
  header_bottom = draw_header (&page);
  footer_top = draw_footer (&page, certificate, rw, en);
  draw_middle (&page, certificate, rw, en, header_bottom + 6 * page.u, footer_top);
  cairo_restore (cr);
}

gboolean
hs_certificate_write_pdf (HsCertificateDesign       *design,
                          GPtrArray                 *certificates,
                          HsCertificateOrientation   orientation,
                          const char                *path,
                          HsCertificateProgress      progress,
                          gpointer                   user_data,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean stopped = FALSE;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (design != NULL, FALSE);

  hs_certificate_page_size (orientation, &width, &height);
  surface = hs_report_pdf_surface_create (partial, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Certificates");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Healing Spaces");
  cr = cairo_create (surface);
  for (guint i = 0; i < certificates->len && !stopped; i++)
    {
      hs_certificate_draw (design, cr, width, height, g_ptr_array_index (certificates, i));
      cairo_show_page (cr);
      stopped = g_cancellable_is_cancelled (cancellable)
                || (progress != NULL && !progress (i + 1, certificates->len, user_data));
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (stopped || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (partial);
      if (stopped)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                     _("Writing the certificates was cancelled; no file was saved."));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The certificates could not be written to %s (%s). Check that the "
                       "folder exists and is writable and that the disk is not full."),
                     path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The certificates could not be saved as %s: %s."), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
