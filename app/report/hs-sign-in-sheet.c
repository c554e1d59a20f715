/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-sign-in-sheet"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "hs-facilitator.h"
#include "hs-graduation.h"
#include "hs-group.h"
#include "hs-participant.h"
#include "hs-report-file.h"
#include "hs-report-i18n.h"
#include "hs-session.h"
#include "hs-sign-in-sheet.h"

#define MARGIN     42.0
#define ROW_HEIGHT 26.0
#define ROWS_FIRST 17   /* the first page also carries the heading block */
#define ROWS_NEXT  25

struct _HsSignInSheet
{
  char      *group;
  int        number;
  char      *date;
  char      *time;
  char      *venue;
  char      *facilitators;
  GPtrArray *names;
  char      *language;   /* "rw", "en" or "rw+en" */
};

void
hs_sign_in_sheet_free (HsSignInSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->group);
  g_free (sheet->date);
  g_free (sheet->time);
  g_free (sheet->venue);
  g_free (sheet->facilitators);
  g_clear_pointer (&sheet->names, g_ptr_array_unref);
  g_free (sheet->language);
  g_free (sheet);
}

static char *
facilitator_names (HsDatabase  *db,
                   gint64       group_id,
                   GError     **error)
{
  g_autoptr(GArray) ids = hs_group_list_facilitators (db, group_id, error);
  g_autoptr(GString) out = g_string_new (NULL);

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(HsFacilitator) f = hs_facilitator_load (db, g_array_index (ids, gint64, i),
                                                        NULL);
      if (f == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, hs_facilitator_get_full_name (f));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

HsSignInSheet *
hs_sign_in_sheet_load (HsDatabase  *db,
                       gint64       session_id,
                       GError     **error)
{
  g_autoptr(HsSignInSheet) sheet = g_new0 (HsSignInSheet, 1);
  g_autoptr(HsSession) session = NULL;
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GPtrArray) members = NULL;

  if ((session = hs_session_load (db, session_id, error)) == NULL
      || (group = hs_group_load (db, hs_session_get_group_id (session), error)) == NULL
      || (members = hs_graduation_list_group (db, hs_group_get_id (group), error)) == NULL
      || (sheet->facilitators = facilitator_names (db, hs_group_get_id (group), error)) == NULL)
    return NULL;

  sheet->group = g_strdup (hs_group_get_name (group));
  sheet->number = hs_session_get_number (session);
  sheet->date = g_strdup (hs_session_get_date (session));
  sheet->time = g_strdup (hs_session_get_time (session));
  sheet->venue = g_strdup (hs_session_get_venue (session) ?: hs_group_get_venue (group));
  sheet->names = g_ptr_array_new_with_free_func (g_free);
  sheet->language = g_strdup ("rw+en");
  for (guint i = 0; i < members->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (members, i);

      if (g_str_equal (s->outcome, "ongoing") || g_str_equal (s->outcome, "graduated"))
        g_ptr_array_add (sheet->names, g_strdup (s->full_name));
    }
  return g_steal_pointer (&sheet);
}

guint
hs_sign_in_sheet_get_n_pages (HsSignInSheet *sheet)
{
  guint n = sheet->names->len;

  return n <= ROWS_FIRST ? 1 : 1 + (n - ROWS_FIRST + ROWS_NEXT - 1) / ROWS_NEXT;
}

void
hs_sign_in_sheet_set_language (HsSignInSheet *sheet,
                               const char    *language)
{
  g_return_if_fail (g_strcmp0 (language, "rw") == 0 || g_strcmp0 (language, "en") == 0
                    || g_strcmp0 (language, "rw+en") == 0);
  g_free (sheet->language);
  sheet->language = g_strdup (language);
}

static gboolean
bilingual (HsSignInSheet *sheet)
{
  return g_str_equal (sheet->language, "rw+en");
}

/* "Itsinda / Group" on a sheet in both languages, read by members and
 * donors alike; else the one language's word. */
static char *
label (HsSignInSheet *sheet,
       const char    *msgid)
{
  const char *rw = hs_report_gettext ("rw", msgid);
  const char *en = hs_report_gettext ("en", msgid);

  if (!bilingual (sheet))
    return g_strdup (hs_report_gettext (sheet->language, msgid));
  return g_str_equal (rw, en) ? g_strdup (en) : g_strdup_printf ("%s / %s", rw, en);
}

/* A member's name; an erased person's line says so in the sheet's
 * language(s), not in the window's. */
static char *
member_name (HsSignInSheet *sheet,
             const char    *name)
{
  const char *rw, *en;

  if (g_strcmp0 (name, HS_PARTICIPANT_ERASED_NAME) != 0)
    return g_strdup (name);
  rw = hs_report_pgettext ("rw", "participant", "Erased record");
  en = hs_report_pgettext ("en", "participant", "Erased record");
  if (!bilingual (sheet))
    return g_strdup (g_str_equal (sheet->language, "rw") ? rw : en);
  return g_strdup_printf ("%s / %s", rw, en);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
measure_text (cairo_t    *cr,
              const char *font,
              const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

/* Names in a table cell end in "…" rather than run into the next column;
 * headings wrap, for a word cut off on paper cannot be read at all. */
static double
draw_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width,
           gboolean    wrap)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, text);
  int w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (wrap)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width)
{
  return draw_text (cr, font, text, x, y, width, FALSE);
}

static const char *const field_msgids[] = {
  N_("Group"), N_("Session"), N_("Date"), N_("Venue"), N_("Facilitators"),
};

/* The values start where the longest label ends, in whichever language. */
static double
measure_labels (HsSignInSheet *sheet,
                cairo_t       *cr,
                double         width)
{
  double widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (field_msgids); i++)
    {
      g_autofree char *text = label (sheet, field_msgids[i]);

      widest = MAX (widest, measure_text (cr, "Sans Bold 9", text));
    }
  return MIN (ceil (widest) + 10, (width - 2 * MARGIN) / 2);
}

static double
draw_field (HsSignInSheet *sheet,
            cairo_t       *cr,
            guint          field,
            const char    *value,
            double         y,
            double         width,
            double         label_width)
{
  g_autofree char *text = label (sheet, field_msgids[field]);
  double label_height, value_height;

  label_height = draw_text (cr, "Sans Bold 9", text, MARGIN, y, label_width - 6, TRUE);
  value_height = draw_text (cr, "Sans 10", value != NULL ? value : "", MARGIN + label_width, y,
                            width - 2 * MARGIN - label_width, TRUE);
  return MAX (label_height, value_height) + 6;
}

/* Both languages' titles, one a line, so that neither is cut. */
static char *
title_text (HsSignInSheet *sheet)
{
  const char *msgid = N_("Attendance sheet");
  const char *rw = hs_report_gettext ("rw", msgid);
  const char *en = hs_report_gettext ("en", msgid);

  if (!bilingual (sheet))
    return g_strdup (hs_report_gettext (sheet->language, msgid));
  return g_str_equal (rw, en) ? g_strdup (en) : g_strdup_printf ("%s\n%s", rw, en);
}

static double
draw_heading (HsSignInSheet *sheet,
              cairo_t       *cr,
              double         width)
{
  g_autofree char *title = title_text (sheet);
  g_autofree char *number = g_strdup_printf ("%d", sheet->number);
  g_autofree char *rw_date = hs_report_format_date ("rw", sheet->date);
  g_autofree char *en_date = hs_report_format_date ("en", sheet->date);
  g_autofree char *dates = bilingual (sheet)
                           ? g_strdup_printf ("%s\n%s", rw_date, en_date)
                           : g_strdup (g_str_equal (sheet->language, "rw") ? rw_date : en_date);
  /* The time first: it reads the same in both languages and keeps the line short. */
  g_autofree char *date = g_strdup_printf ("%s%s%s", sheet->time != NULL ? sheet->time : "",
                                           sheet->time != NULL ? " · " : "", dates);
  const char *values[] = { sheet->group, number, date, sheet->venue, sheet->facilitators };
  double label_width = measure_labels (sheet, cr, width);
  double y = MARGIN;

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (field_msgids));
  y += draw_text (cr, "Sans Bold 16", title, MARGIN, y, width - 2 * MARGIN, TRUE) + 12;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    y += draw_field (sheet, cr, i, values[i], y, width, label_width);
  return y + 12;
}

static void
draw_table (HsSignInSheet *sheet,
            cairo_t       *cr,
            double         width,
            double         y,
            guint          first,
            guint          count)
{
  g_autofree char *name_label = label (sheet, N_("Name"));
  g_autofree char *signature_label = label (sheet, N_("Signature"));
  double name_x = MARGIN + 30, signature_x = MARGIN + (width - 2 * MARGIN) * 0.55;

  cairo_set_line_width (cr, 0.6);
  show_text (cr, "Sans Bold 9", "#", MARGIN + 4, y + 7, 24);
  show_text (cr, "Sans Bold 9", name_label, name_x + 4, y + 7, signature_x - name_x - 8);
  show_text (cr, "Sans Bold 9", signature_label, signature_x + 4, y + 7,
             width - MARGIN - signature_x - 8);
  for (guint row = 0; row <= count; row++)
    {
      double top = y + row * ROW_HEIGHT;

      cairo_rectangle (cr, MARGIN, top, width - 2 * MARGIN, ROW_HEIGHT);
      if (row > 0)
        {
          g_autofree char *n = g_strdup_printf ("%u", first + row);
          g_autofree char *name = member_name (sheet, g_ptr_array_index (sheet->names,
                                                                         first + row - 1));

          double room = signature_x - name_x - 8;

          show_text (cr, "Sans 9", n, MARGIN + 4, top + 7, 24);
          /* A long name (or "Idosiye yasibwe burundu / Erased record") takes
           * a smaller size before it is cut short. */
          show_text (cr, measure_text (cr, "Sans 10", name) <= room ? "Sans 10" : "Sans 8", name,
                     name_x + 4, top + 6, room);
        }
    }
  cairo_move_to (cr, name_x, y);
  cairo_line_to (cr, name_x, y + (count + 1) * ROW_HEIGHT);
  cairo_move_to (cr, signature_x, y);
  cairo_line_to (cr, signature_x, y + (count + 1) * ROW_HEIGHT);
  cairo_stroke (cr);
}

void
hs_sign_in_sheet_draw_page (HsSignInSheet *sheet,
                            cairo_t       *cr,
                            double         width,
                            double         height,
                            guint          page)
{
  guint first = page == 0 ? 0 : ROWS_FIRST + (page - 1) * ROWS_NEXT;
  guint count = MIN (sheet->names->len - MIN (first, sheet->names->len),
                     page == 0 ? ROWS_FIRST : ROWS_NEXT);
  g_autofree char *footer_label = label (sheet, N_("Facilitators' signatures"));
  g_autofree char *page_text = g_strdup_printf ("%s · %u/%u", sheet->group, page + 1,
                                                hs_sign_in_sheet_get_n_pages (sheet));
  double y;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_scale (cr, width / HS_SIGN_IN_SHEET_WIDTH, height / HS_SIGN_IN_SHEET_HEIGHT);
  width = HS_SIGN_IN_SHEET_WIDTH;
  height = HS_SIGN_IN_SHEET_HEIGHT;

  y = page == 0 ? draw_heading (sheet, cr, width) : MARGIN;
  draw_table (sheet, cr, width, y, first, count);
  /* The label has the whole width, the two facilitators sign on the line below it. */
  draw_text (cr, "Sans 9", footer_label, MARGIN, height - MARGIN - 60, width - 2 * MARGIN, TRUE);
  cairo_move_to (cr, MARGIN, height - MARGIN - 24);
  cairo_line_to (cr, width - MARGIN, height - MARGIN - 24);
  cairo_stroke (cr);
  show_text (cr, "Sans 8", page_text, MARGIN, height - MARGIN - 12, width - 2 * MARGIN);
  cairo_restore (cr);
}

gboolean
hs_sign_in_sheet_write_pdf (HsSignInSheet  *sheet,
                            const char     *path,
                            GError        **error)
{
  cairo_surface_t *surface = hs_report_pdf_surface_create (path, HS_SIGN_IN_SHEET_WIDTH,
                                                           HS_SIGN_IN_SHEET_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint page = 0; page < hs_sign_in_sheet_get_n_pages (sheet); page++)
    {
      hs_sign_in_sheet_draw_page (sheet, cr, HS_SIGN_IN_SHEET_WIDTH, HS_SIGN_IN_SHEET_HEIGHT,
                                  page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The sign-in sheet could not be written to %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
