/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-livelihood-document"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "hs-livelihood-document.h"
#include "hs-report-file.h"
#include "hs-report-i18n.h"
#include "hs-target.h"

#define MARGIN     42.0
#define ROW_HEIGHT 17.0

typedef struct
{
  const char               *language;
  const HsLivelihoodReport *report;
  cairo_t                  *cr;
  double                    width;   /* between the margins */
} Page;

typedef struct
{
  const char *msgid;
  double      share;    /* of the width */
  gboolean    numeric;  /* right-aligned */
} Column;

static const char *
T (Page       *page,
   const char *msgid)
{
  return hs_report_gettext (page->language, msgid);
}

static double
show_text (Page       *page,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width,
           gboolean    right)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Starts a new page when less than @room is left below @y; returns where
 * to go on drawing. */
static double
need (Page   *page,
      double  y,
      double  room)
{
  if (y + room <= HS_LIVELIHOOD_DOCUMENT_HEIGHT - MARGIN)
    return y;
  cairo_show_page (page->cr);
  return MARGIN;
}

static char *
count (Page    *page,
       guint64  n)
{
  return hs_report_format_count (page->language, n);
}

/* "31 of 35 (89 %)". */
static char *
part_of (Page  *page,
         guint  part,
         guint  whole)
{
  g_autofree char *a = count (page, part);
  g_autofree char *b = count (page, whole);

  if (whole == 0)
    return g_strdup ("–");
  /* Translators: "31 of 35 (89%)": groups still active of those old enough. */
  return g_strdup_printf (T (page, N_("%s of %s (%u%%)")), a, b,
                          (guint) ((part * 100.0) / whole + 0.5));
}

/* The wrapped bold header of a table, and the line under it. */
static double
draw_header (Page         *page,
             double        y,
             const Column *columns,
             guint         n_columns)
{
  double header = 0, x = MARGIN;

  for (guint c = 0; c < n_columns; c++)
    {
      double w = columns[c].share * page->width;

      header = MAX (header, show_text (page, "Sans Bold 8", T (page, columns[c].msgid), x + 3,
                                       y + 3, w - 6, columns[c].numeric));
      x += w;
    }
  header += 6;
  cairo_set_line_width (page->cr, 0.8);
  cairo_move_to (page->cr, MARGIN, y + header);
  cairo_line_to (page->cr, MARGIN + page->width, y + header);
  cairo_stroke (page->cr);
  return y + header;
}

/* Draws a table with a wrapped bold header, repeated on each page it runs
 * onto; with @total its last row bold. */
static double
draw_table (Page          *page,
            double         y,
            const Column  *columns,
            guint          n_columns,
            GPtrArray     *rows,
            gboolean       has_total)
{
  y = draw_header (page, y, columns, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      gboolean total = has_total && r + 1 == rows->len;
      double height = ROW_HEIGHT;
      double x = MARGIN;

      /* Room for a row wrapped on three lines. */
      if (need (page, y, 3 * ROW_HEIGHT) != y)
        y = draw_header (page, MARGIN, columns, n_columns);
      if (total)
        {
          cairo_set_line_width (page->cr, 0.5);
          cairo_move_to (page->cr, MARGIN, y);
          cairo_line_to (page->cr, MARGIN + page->width, y);
          cairo_stroke (page->cr);
        }
      for (guint c = 0; c < n_columns; c++)
        {
          double w = columns[c].share * page->width;

          height = MAX (height, show_text (page, total ? "Sans Bold 9" : "Sans 9", cells[c], x + 3,
                                           y + 3, w - 6, columns[c].numeric) + 5);
          x += w;
        }
      y += height;
    }
  return y + 14;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (GPtrArray *rows,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, char *)) != NULL)
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

static const char *
district_name (Page                        *page,
               const HsLivelihoodReportRow *row)
{
  return row->district != NULL ? row->district : T (page, N_("Total"));
}

static double
draw_graduates (Page   *page,
                double  y)
{
  static const Column columns[] = {
    { N_("District"), 0.28, FALSE },
    { N_("Graduates"), 0.14, TRUE },
    { N_("In livelihood groups"), 0.16, TRUE },
    { N_("In vocational training"), 0.16, TRUE },
    { N_("In either"), 0.12, TRUE },
    { N_("Share of graduates"), 0.14, TRUE },
  };
  g_autoptr(GPtrArray) rows = new_rows ();

  for (guint i = 0; i <= page->report->districts->len; i++)
    {
      const HsLivelihoodReportRow *row = i < page->report->districts->len
                                         ? g_ptr_array_index (page->report->districts, i)
                                         : &page->report->total;

      add_row (rows, g_strdup (district_name (page, row)), count (page, row->graduates),
               count (page, row->in_groups), count (page, row->in_tvet),
               count (page, row->in_either),
               g_strdup_printf ("%u %%", row->graduates > 0
                                ? (guint) (row->in_either * 100.0 / row->graduates + 0.5) : 0),
               NULL);
    }
  y = need (page, y, 100);
  y += show_text (page, "Sans Bold 11", T (page, N_("Graduates in livelihoods, by district")),
                  MARGIN, y, page->width, FALSE) + 6;
  return draw_table (page, y, columns, G_N_ELEMENTS (columns), rows, TRUE);
}

static double
draw_groups (Page   *page,
             double  y)
{
  static const Column columns[] = {
    { N_("District"), 0.15, FALSE },
    { N_("Livelihood groups"), 0.15, TRUE },
    { N_("Active now"), 0.10, TRUE },
    { N_("Capital disbursed (RWF)"), 0.18, TRUE },
    { N_("Active after 6 months"), 0.21, TRUE },
    { N_("Active after 12 months"), 0.21, TRUE },
  };
  g_autoptr(GPtrArray) rows = new_rows ();

  for (guint i = 0; i <= page->report->districts->len; i++)
    {
      const HsLivelihoodReportRow *row = i < page->report->districts->len
                                         ? g_ptr_array_index (page->report->districts, i)
                                         : &page->report->total;

      add_row (rows, g_strdup (district_name (page, row)), count (page, row->groups),
               count (page, row->active_groups), count (page, (guint64) row->capital_rwf),
               part_of (page, row->active_6, row->due_6),
               part_of (page, row->active_12, row->due_12), NULL);
    }
  y = need (page, y, 100);
  y += show_text (page, "Sans Bold 11", T (page, N_("Livelihood groups and seed capital")),
                  MARGIN, y, page->width, FALSE) + 6;
  y = draw_table (page, y, columns, G_N_ELEMENTS (columns), rows, TRUE);
  y = need (page, y - 10, 40) + 10;
  y += show_text (page, "Sans 8",
                  T (page, N_("A group counts as active after 6 (12) months when its first "
                              "seed capital (or its start, before any capital) is at least 6 (12) "
                              "months old and its latest follow-up visit since then found it "
                              "still working.")),
                  MARGIN, y - 10, page->width, FALSE);
  return y + 10;
}

static double
draw_tvet (Page   *page,
           double  y)
{
  g_autofree char *records = count (page, page->report->tvet_records);
  g_autofree char *completed = count (page, page->report->tvet_completed);
  g_autofree char *released = count (page, page->report->tvet_released);
  g_autofree char *reintegrated = count (page, page->report->tvet_reintegrated);
  g_autofree char *line = NULL;

  /* Translators: counts of prison graduates in vocational training (TVET). */
  line = g_strdup_printf (T (page, N_("Prison graduates in vocational training: %s; completed "
                                      "the training: %s; released: %s; back with their family "
                                      "or community: %s.")),
                          records, completed, released, reintegrated);
  y = need (page, y, 100);
  y += show_text (page, "Sans Bold 11", T (page, N_("Vocational training (TVET)")), MARGIN, y,
                  page->width, FALSE) + 6;
  return y + show_text (page, "Sans 9", line, MARGIN, y, page->width, FALSE) + 16;
}

static char *
period (Page           *page,
        const HsTarget *target)
{
  g_autofree char *from = hs_report_format_date (page->language, target->start_date);
  g_autofree char *to = hs_report_format_date (page->language, target->end_date);

  if (from != NULL && to != NULL)
    return g_strdup_printf ("%s – %s", from, to);
  if (from != NULL)
    /* Translators: a period with a start but no end: "from 1 October 2020". */
    return g_strdup_printf (T (page, N_("from %s")), from);
  return g_strdup ("–");
}

static double
draw_targets (Page      *page,
              GPtrArray *targets,
              double     y)
{
  static const Column columns[] = {
    { N_("Programme"), 0.29, FALSE },
    { N_("Counts"), 0.11, FALSE },
    { N_("Total"), 0.13, TRUE },
    { N_("Female"), 0.12, TRUE },
    { N_("Male"), 0.12, TRUE },
    { N_("Period"), 0.23, FALSE },
  };
  g_autoptr(GPtrArray) rows = new_rows ();

  if (targets == NULL || targets->len == 0)
    return y;
  for (guint i = 0; i < targets->len; i++)
    {
      const HsTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *kind = g_strdup (T (page, target->past ? N_("reached")
                                                              : N_("target")));

      add_row (rows, g_strdup_printf ("%s (%s)", target->name, kind),
               g_strdup (T (page, g_str_equal (target->metric, "graduates") ? N_("graduates")
                                                                             : N_("people"))),
               count (page, (guint64) target->value),
               target->female >= 0 ? count (page, (guint64) target->female) : g_strdup ("–"),
               target->male >= 0 ? count (page, (guint64) target->male) : g_strdup ("–"),
               period (page, target), NULL);
    }
  y = need (page, y, 100);
  y += show_text (page, "Sans Bold 11", T (page, N_("Programme targets and past programmes")),
                  MARGIN, y, page->width, FALSE) + 6;
  return draw_table (page, y, columns, G_N_ELEMENTS (columns), rows, FALSE);
}

void
hs_livelihood_document_draw (const HsLivelihoodReport *report,
                             GPtrArray                *targets,
                             const char               *organisation,
                             const char               *language,
                             cairo_t                  *cr,
                             double                    width,
                             double                    height)
{
  Page page = { hs_report_language (language), report, cr,
                HS_LIVELIHOOD_DOCUMENT_WIDTH - 2 * MARGIN };
  g_autofree char *date = hs_report_format_date (page.language, report->today);
  g_autofree char *as_of = g_strdup_printf (T (&page, N_("As of %s")), date);
  double y = MARGIN;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_scale (cr, width / HS_LIVELIHOOD_DOCUMENT_WIDTH, height / HS_LIVELIHOOD_DOCUMENT_HEIGHT);

  if (organisation != NULL)
    y += show_text (&page, "Sans 10", organisation, MARGIN, y, page.width, FALSE) + 2;
  y += show_text (&page, "Sans Bold 17", T (&page, N_("Follow-up after graduation")), MARGIN, y,
                  page.width, FALSE) + 2;
  y += show_text (&page, "Sans 10", as_of, MARGIN, y, page.width, FALSE) + 20;

  y = draw_graduates (&page, y);
  y = draw_groups (&page, y);
  y = draw_tvet (&page, y);
  draw_targets (&page, targets, y);
  cairo_restore (cr);
}

gboolean
hs_livelihood_document_write_pdf (const HsLivelihoodReport *report,
                                  GPtrArray                *targets,
                                  const char               *organisation,
                                  const char               *language,
                                  const char               *path,
                                  GError                  **error)
{
  /* Figures only, but every PDF the app writes is private (0600). */
  cairo_surface_t *surface = hs_report_pdf_surface_create (path, HS_LIVELIHOOD_DOCUMENT_WIDTH,
                                                           HS_LIVELIHOOD_DOCUMENT_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  hs_livelihood_document_draw (report, targets, organisation, language, cr,
                               HS_LIVELIHOOD_DOCUMENT_WIDTH, HS_LIVELIHOOD_DOCUMENT_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The follow-up report could not be written to %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
