/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-person-sheet"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "hs-participant.h"
#include "hs-person-sheet.h"
#include "hs-report-file.h"
#include "hs-report-i18n.h"

#define PAGE_WIDTH  595.276   /* A4 portrait, in points */
#define PAGE_HEIGHT 841.890
#define MARGIN      48.0
#define LABEL_WIDTH 170.0
#define FOOTER      30.0

/* Where the next line goes; a new page starts when it would not fit. */
typedef struct
{
  cairo_t    *cr;
  const char *language;
  const char *footer;
  double      y;
  guint       page;
} Writer;

static const char *
tr (Writer     *w,
    const char *msgid)
{
  return hs_report_gettext (w->language, msgid);
}

static PangoLayout *
make_layout (Writer     *w,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (w->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_footer (Writer *w)
{
  g_autofree char *text = g_strdup_printf ("%s · %u", w->footer, w->page + 1);
  g_autoptr(PangoLayout) layout = make_layout (w, "Sans 8", text, PAGE_WIDTH - 2 * MARGIN);

  cairo_set_source_rgb (w->cr, 0.4, 0.4, 0.4);
  cairo_move_to (w->cr, MARGIN, PAGE_HEIGHT - MARGIN + 8);
  pango_cairo_show_layout (w->cr, layout);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
make_room (Writer *w,
           double  height)
{
  if (w->y + height <= PAGE_HEIGHT - MARGIN - FOOTER + 20)
    return;
  draw_footer (w);
  cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;
}

static void
write_text (Writer     *w,
            const char *font,
            const char *text,
            double      x,
            double      gap)
{
  g_autoptr(PangoLayout) layout = make_layout (w, font, text, PAGE_WIDTH - MARGIN - x);
  double height = layout_height (layout);

  make_room (w, height);
  cairo_move_to (w->cr, x, w->y);
  pango_cairo_show_layout (w->cr, layout);
  w->y += height + gap;
}

static void
write_heading (Writer     *w,
               const char *msgid)
{
  w->y += 8;
  make_room (w, 40);
  write_text (w, "Sans Bold 12", tr (w, msgid), MARGIN, 2);
  cairo_set_line_width (w->cr, 0.6);
  cairo_move_to (w->cr, MARGIN, w->y);
  cairo_line_to (w->cr, PAGE_WIDTH - MARGIN, w->y);
  cairo_stroke (w->cr);
  w->y += 6;
}

/* An empty value still shows its label: the person sees what is not held. */
static void
write_field (Writer     *w,
             const char *msgid,
             const char *value)
{
  g_autoptr(PangoLayout) label = make_layout (w, "Sans Bold 9", tr (w, msgid), LABEL_WIDTH - 8);
  g_autoptr(PangoLayout) text = make_layout (w, "Sans 10", value != NULL && *value != '\0'
                                             ? value : "—",
                                             PAGE_WIDTH - 2 * MARGIN - LABEL_WIDTH);
  double height = MAX (layout_height (label), layout_height (text));

  make_room (w, height);
  cairo_move_to (w->cr, MARGIN, w->y + 1);
  pango_cairo_show_layout (w->cr, label);
  cairo_move_to (w->cr, MARGIN + LABEL_WIDTH, w->y);
  pango_cairo_show_layout (w->cr, text);
  w->y += height + 4;
}

static void
write_date_field (Writer     *w,
                  const char *msgid,
                  const char *iso_date)
{
  g_autofree char *date = iso_date != NULL ? hs_report_format_date (w->language, iso_date) : NULL;

  write_field (w, msgid, date);
}

static const char *
choice_label (Writer             *w,
              const char * const *values,
              const char * const *labels,
              const char         *value)
{
  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      return tr (w, labels[i]);
  return value;
}

static const char * const category_values[] = {
  "survivor", "perpetrator", "descendant", "convict", "ex_combatant", "returnee", "other", NULL
};
static const char * const category_labels[] = {
  N_("Genocide survivor"), N_("Genocide perpetrator"), N_("Descendant"), N_("Convict"),
  N_("Ex-combatant"), N_("Returnee"), N_("Other"), NULL
};
static const char * const trauma_values[] = { "none", "mild", "moderate", "severe", NULL };
static const char * const trauma_labels[] = {
  N_("None"), N_("Mild"), N_("Moderate"), N_("Severe"), NULL
};

static const char *
outcome_label (Writer     *w,
               const char *outcome)
{
  static const char * const values[] = { "ongoing", "graduated", "dropped", "transferred", NULL };
  static const char * const labels[] = {
    NC_("outcome", "Ongoing"), NC_("outcome", "Graduated"), NC_("outcome", "Dropped out"),
    NC_("outcome", "Transferred"), NULL
  };

  for (guint i = 0; outcome != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], outcome))
      return hs_report_pgettext (w->language, "outcome", labels[i]);
  return outcome;
}

static char *
facility_name (HsDatabase *db,
               gint64      facility_id)
{
  g_auto(GStrv) names = hs_participant_get_facility_names (db);

  for (guint i = 0; facility_id != 0 && names[i] != NULL; i++)
    if (hs_database_find_facility (db, names[i]) == facility_id)
      return g_strdup (names[i]);
  return NULL;
}

static void
write_record (Writer        *w,
              HsDatabase    *db,
              HsParticipant *p)
{
  g_autofree char *year = hs_participant_get_birth_year (p) != 0
                          ? g_strdup_printf ("%d", hs_participant_get_birth_year (p)) : NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hs_participant_get_id (p));
  const char *sex = hs_participant_get_sex (p);
  const char *band = hs_participant_get_age_band (p);

  write_heading (w, N_("Identity"));
  write_field (w, N_("Full name"), hs_participant_get_full_name (p));
  write_field (w, N_("Record number"), number);
  write_field (w, N_("Sex"), g_strcmp0 (sex, "F") == 0
                             ? hs_report_pgettext (w->language, "sex", "Female")
                             : g_strcmp0 (sex, "M") == 0
                             ? hs_report_pgettext (w->language, "sex", "Male") : NULL);
  write_field (w, N_("Birth year"), year);
  write_field (w, N_("Age band"), g_strcmp0 (band, "youth") == 0
                                  ? hs_report_pgettext (w->language, "age band", "Youth")
                                  : g_strcmp0 (band, "adult") == 0
                                  ? hs_report_pgettext (w->language, "age band", "Adult") : NULL);
  write_field (w, N_("Phone"), hs_participant_get_phone (p));
  write_field (w, N_("National ID"), hs_participant_get_national_id (p));
  write_field (w, N_("Category"), choice_label (w, category_values, category_labels,
                                                hs_participant_get_category (p)));

  write_heading (w, N_("Location"));
  write_field (w, N_("District"), hs_participant_get_district (p));
  write_field (w, N_("Sector"), hs_participant_get_sector (p));
  write_field (w, N_("Cell"), hs_participant_get_cell (p));
  write_field (w, N_("Village"), hs_participant_get_village (p));

  if (hs_participant_get_is_prisoner (p))
    {
      g_autofree char *facility = facility_name (db, hs_participant_get_facility_id (p));

      write_heading (w, N_("Prison"));
      write_field (w, N_("Correctional facility"), facility);
      write_field (w, N_("Inmate number"), hs_participant_get_inmate_number (p));
      write_date_field (w, N_("Expected release"), hs_participant_get_expected_release (p));
    }

  write_heading (w, N_("Screening"));
  write_date_field (w, N_("Screening date"), hs_participant_get_screening_date (p));
  write_field (w, N_("Trauma level"), choice_label (w, trauma_values, trauma_labels,
                                                    hs_participant_get_trauma_level (p)));
  write_field (w, N_("Needs"), hs_participant_get_screening_needs (p));
  write_field (w, N_("Screened by"), hs_participant_get_screener (p));

  write_heading (w, N_("Consent"));
  write_date_field (w, N_("Consent date"), hs_participant_get_consent_date (p));
  write_field (w, N_("Consent given by"), hs_participant_get_consent_given_by (p));
  write_date_field (w, N_("Consent withdrawn on"), hs_participant_get_consent_withdrawn (p));

  write_heading (w, N_("Notes"));
  write_text (w, "Sans 10", hs_participant_get_notes (p) != NULL ? hs_participant_get_notes (p)
                            : "—", MARGIN, 4);
}

static void
write_memberships (Writer    *w,
                   GPtrArray *memberships)
{
  write_heading (w, N_("Groups and outcomes"));
  if (memberships->len == 0)
    write_text (w, "Sans 10", tr (w, N_("Not in any group.")), MARGIN, 4);
  for (guint i = 0; i < memberships->len; i++)
    {
      HsParticipantMembership *m = g_ptr_array_index (memberships, i);
      g_autofree char *joined = hs_report_format_date (w->language, m->joined);
      g_autofree char *left = m->left_date != NULL
                              ? hs_report_format_date (w->language, m->left_date) : NULL;
      g_autofree char *line = NULL;

      line = g_strdup_printf ("%s — %s · %s %s%s%s%s%s", m->group_name,
                              outcome_label (w, m->outcome), tr (w, N_("joined")), joined,
                              left != NULL ? " · " : "", left != NULL ? tr (w, N_("left")) : "",
                              left != NULL ? " " : "", left != NULL ? left : "");
      write_text (w, "Sans 10", line, MARGIN, 2);
      if (m->reason != NULL && *m->reason != '\0')
        write_text (w, "Sans Italic 9", m->reason, MARGIN + 16, 2);
    }
}

static void
write_attendance (Writer    *w,
                  GPtrArray *attendance)
{
  write_heading (w, N_("Attendance"));
  if (attendance->len == 0)
    write_text (w, "Sans 10", tr (w, N_("No attendance recorded.")), MARGIN, 4);
  for (guint i = 0; i < attendance->len; i++)
    {
      HsParticipantAttendance *a = g_ptr_array_index (attendance, i);
      g_autofree char *line = g_strdup_printf ("%s: %s %d · %s %d · %s %d", a->group_name,
                                               tr (w, N_("present")), a->present,
                                               tr (w, N_("absent")), a->absent,
                                               tr (w, N_("excused")), a->excused);

      write_text (w, "Sans 10", line, MARGIN, 2);
    }
}

static const char *
action_label (Writer     *w,
              const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return tr (w, N_("Record created"));
  if (g_strcmp0 (action, "delete") == 0)
    return tr (w, N_("Record deleted"));
  return tr (w, N_("Record changed"));
}

static void
write_history (Writer    *w,
               GPtrArray *history)
{
  write_heading (w, N_("History"));
  for (guint i = 0; i < history->len; i++)
    {
      HsParticipantChange *c = g_ptr_array_index (history, i);
      g_autofree char *at = g_strndup (c->at != NULL ? c->at : "", 16);
      g_autofree char *line = NULL;

      g_strdelimit (at, "T", ' ');
      line = g_strdup_printf ("%s · %s · %s%s%s", at,
                              c->actor != NULL ? c->actor : "", action_label (w, c->action),
                              *c->fields != '\0' ? ": " : "", c->fields);

      write_text (w, "Sans 9", line, MARGIN, 2);
    }
}

static void
write_title (Writer        *w,
             HsParticipant *p)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = hs_report_format_date (w->language, iso);
  g_autofree char *exported = g_strdup_printf ("%s %s", tr (w, N_("Exported on")), today);

  write_text (w, "Sans Bold 18", tr (w, N_("Personal data record")), MARGIN, 4);
  write_text (w, "Sans Bold 13", hs_participant_get_full_name (p), MARGIN, 4);
  write_text (w, "Sans 9", tr (w, N_("Everything Healing Spaces holds about this person, "
                                      "under Law No 058/2021 relating to the protection of "
                                      "personal data and privacy.")), MARGIN, 2);
  write_text (w, "Sans 9", exported, MARGIN, 6);
  if (hs_participant_get_consent_withdrawn (p) != NULL)
    write_text (w, "Sans Bold 10", tr (w, N_("This person has withdrawn consent.")), MARGIN, 4);
}

static gboolean
write_document (Writer      *w,
                HsDatabase  *db,
                gint64       id,
                GError     **error)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) history = NULL;

  if ((p = hs_participant_load (db, id, error)) == NULL
      || (memberships = hs_participant_get_memberships (db, id, error)) == NULL
      || (attendance = hs_participant_get_attendance (db, id, error)) == NULL
      || (history = hs_participant_get_history (db, id, error)) == NULL)
    return FALSE;
  w->footer = hs_participant_get_full_name (p);
  write_title (w, p);
  write_record (w, db, p);
  write_memberships (w, memberships);
  write_attendance (w, attendance);
  write_history (w, history);
  draw_footer (w);
  cairo_show_page (w->cr);
  return TRUE;
}

gboolean
hs_person_sheet_write_pdf (HsDatabase  *db,
                           gint64       participant_id,
                           const char  *language,
                           const char  *path,
                           GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer w = { NULL, hs_report_language (language), "", MARGIN, 0 };
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  surface = hs_report_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  w.cr = cairo_create (surface);
  ok = write_document (&w, db, participant_id, error);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      g_unlink (path);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The person's data could not be written to %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
