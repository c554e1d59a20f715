/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-livelihood-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-livelihood-private.h"

/* Graduates are counted in their home district (the district of the group
 * they graduated from when the record has none); groups and capital in the
 * livelihood group's district. */
static const char graduates_sql[] =
  "WITH grad AS ("
  " SELECT p.id, coalesce (p.district_id, (SELECT g.district_id FROM membership m"
  "   JOIN hgroup g ON g.id = m.group_id WHERE m.participant_id = p.id"
  "   AND m.outcome = 'graduated' ORDER BY g.graduation_date DESC LIMIT 1)) AS district_id,"
  "  EXISTS (SELECT 1 FROM business_member b WHERE b.participant_id = p.id) AS in_group,"
  "  EXISTS (SELECT 1 FROM tvet t WHERE t.participant_id = p.id) AS in_tvet"
  " FROM participant p WHERE EXISTS (SELECT 1 FROM membership m"
  "  WHERE m.participant_id = p.id AND m.outcome = 'graduated'))"
  " SELECT d.name, count (*), sum (in_group), sum (in_tvet), sum (in_group OR in_tvet)"
  " FROM grad LEFT JOIN district d ON d.id = grad.district_id"
  " GROUP BY grad.district_id";

static const char groups_sql[] =
  "WITH bg AS ("
  " SELECT g.district_id, g.status = 'active' AS active,"
  "  (SELECT coalesce (sum (amount_rwf), 0) FROM business_capital c"
  "   WHERE c.business_group_id = g.id) AS capital,"
  "  coalesce (date (" HS_LIVELIHOOD_MILESTONE_BASE ", '+6 months') <= ?1, 0) AS due_6,"
  "  coalesce ((SELECT v.active FROM business_visit v WHERE v.business_group_id = g.id"
  "   AND v.date >= date (" HS_LIVELIHOOD_MILESTONE_BASE ", '+6 months')"
  "   ORDER BY v.date DESC, v.id DESC LIMIT 1), 0) AS active_6,"
  "  coalesce (date (" HS_LIVELIHOOD_MILESTONE_BASE ", '+12 months') <= ?1, 0) AS due_12,"
  "  coalesce ((SELECT v.active FROM business_visit v WHERE v.business_group_id = g.id"
  "   AND v.date >= date (" HS_LIVELIHOOD_MILESTONE_BASE ", '+12 months')"
  "   ORDER BY v.date DESC, v.id DESC LIMIT 1), 0) AS active_12"
  " FROM business_group g)"
  " SELECT d.name, count (*), sum (active), sum (capital), sum (due_6), sum (due_6 AND active_6),"
  "  sum (due_12), sum (due_12 AND active_12)"
  " FROM bg LEFT JOIN district d ON d.id = bg.district_id"
  " GROUP BY bg.district_id";

static const char tvet_sql[] =
  "SELECT count (*), coalesce (sum (status = 'completed'), 0),"
  " coalesce (sum (release_date IS NOT NULL), 0), coalesce (sum (reintegration IS NOT NULL), 0)"
  " FROM tvet";

static void
row_free (gpointer data)
{
  HsLivelihoodReportRow *row = data;

  g_free (row->district);
  g_free (row);
}

static HsLivelihoodReportRow *
find_row (HsLivelihoodReport *report,
          const char         *district)
{
  HsLivelihoodReportRow *row;

  /* Records without a district are listed under a name of their own. */
  if (district == NULL)
    district = _("No district");
  for (guint i = 0; i < report->districts->len; i++)
    {
      row = g_ptr_array_index (report->districts, i);
      if (g_str_equal (row->district, district))
        return row;
    }
  row = g_new0 (HsLivelihoodReportRow, 1);
  row->district = g_strdup (district);
  g_ptr_array_add (report->districts, row);
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const HsLivelihoodReportRow *row_a = *(HsLivelihoodReportRow * const *) a;
  const HsLivelihoodReportRow *row_b = *(HsLivelihoodReportRow * const *) b;

  return g_utf8_collate (row_a->district, row_b->district);
}

static gboolean
read_graduates (HsDatabase          *db,
                HsLivelihoodReport  *report,
                GError             **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, graduates_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsLivelihoodReportRow *row = find_row (report,
                                             (const char *) sqlite3_column_text (stmt, 0));

      row->graduates = sqlite3_column_int (stmt, 1);
      row->in_groups = sqlite3_column_int (stmt, 2);
      row->in_tvet = sqlite3_column_int (stmt, 3);
      row->in_either = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Counting graduates in livelihoods"));
  return rc == SQLITE_DONE;
}

static gboolean
read_groups (HsDatabase          *db,
             HsLivelihoodReport  *report,
             GError             **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, groups_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report->today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsLivelihoodReportRow *row = find_row (report,
                                             (const char *) sqlite3_column_text (stmt, 0));

      row->groups = sqlite3_column_int (stmt, 1);
      row->active_groups = sqlite3_column_int (stmt, 2);
      row->capital_rwf = sqlite3_column_int64 (stmt, 3);
      row->due_6 = sqlite3_column_int (stmt, 4);
      row->active_6 = sqlite3_column_int (stmt, 5);
      row->due_12 = sqlite3_column_int (stmt, 6);
      row->active_12 = sqlite3_column_int (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Counting livelihood groups"));
  return rc == SQLITE_DONE;
}

static gboolean
read_tvet (HsDatabase          *db,
           HsLivelihoodReport  *report,
           GError             **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, tvet_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      report->tvet_records = sqlite3_column_int (stmt, 0);
      report->tvet_completed = sqlite3_column_int (stmt, 1);
      report->tvet_released = sqlite3_column_int (stmt, 2);
      report->tvet_reintegrated = sqlite3_column_int (stmt, 3);
    }
  else
    _hs_database_set_error (db, error, _("Counting vocational training records"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static void
add_up (HsLivelihoodReport *report)
{
  HsLivelihoodReportRow *total = &report->total;

  for (guint i = 0; i < report->districts->len; i++)
    {
      const HsLivelihoodReportRow *row = g_ptr_array_index (report->districts, i);

      total->graduates += row->graduates;
      total->in_groups += row->in_groups;
      total->in_tvet += row->in_tvet;
      total->in_either += row->in_either;
      total->groups += row->groups;
      total->active_groups += row->active_groups;
      total->capital_rwf += row->capital_rwf;
      total->due_6 += row->due_6;
      total->active_6 += row->active_6;
      total->due_12 += row->due_12;
      total->active_12 += row->active_12;
    }
}

HsLivelihoodReport *
hs_livelihood_report_new (HsDatabase  *db,
                          const char  *today,
                          GError     **error)
{
  g_autoptr(HsLivelihoodReport) report = g_new0 (HsLivelihoodReport, 1);

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  if (today != NULL)
    report->today = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      report->today = g_date_time_format (now, "%Y-%m-%d");
    }
  report->districts = g_ptr_array_new_with_free_func (row_free);
  if (!read_graduates (db, report, error) || !read_groups (db, report, error)
      || !read_tvet (db, report, error))
    return NULL;
  g_ptr_array_sort (report->districts, compare_rows);
  add_up (report);
  return g_steal_pointer (&report);
}

void
hs_livelihood_report_free (HsLivelihoodReport *report)
{
  if (report == NULL)
    return;
  g_free (report->today);
  g_clear_pointer (&report->districts, g_ptr_array_unref);
  g_free (report);
}

static void
append_field (GString    *out,
              const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString                     *out,
            const char                  *district,
            const HsLivelihoodReportRow *row)
{
  append_field (out, district);
  g_string_append_printf (out, ",%u,%u,%u,%u,%u,%u,%" G_GINT64_FORMAT ",%u,%u,%u,%u\r\n",
                          row->graduates, row->in_groups, row->in_tvet, row->in_either,
                          row->groups, row->active_groups, row->capital_rwf,
                          row->due_6, row->active_6, row->due_12, row->active_12);
}

char *
hs_livelihood_report_csv (const HsLivelihoodReport *report)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (report != NULL, NULL);

  /* Column names stay in English: spreadsheets and DHIS2 scripts read them. */
  g_string_append (out, "district,graduates,in_livelihood_groups,in_tvet,in_either,"
                        "livelihood_groups,active_groups,capital_rwf,"
                        "groups_6_months,active_6_months,groups_12_months,active_12_months\r\n");
  for (guint i = 0; i < report->districts->len; i++)
    {
      const HsLivelihoodReportRow *row = g_ptr_array_index (report->districts, i);

      append_row (out, row->district, row);
    }
  append_row (out, "Total", &report->total);
  return g_string_free (out, FALSE);
}
