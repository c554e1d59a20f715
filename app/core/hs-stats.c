/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-stats"

#include <glib/gi18n-lib.h>

#include "hs-database-private.h"
#include "hs-stats.h"

/* A graduate's district and setting are those of the group they graduated
 * from; sex and age band are the participant's own. */
static const char district_sql[] =
  "SELECT d.name, count (*),"
  "  sum (g.setting = 'community'), sum (g.setting = 'prison'),"
  "  sum (p.sex = 'F'), sum (p.sex = 'M'),"
  "  sum (p.age_band = 'youth'), sum (p.age_band = 'adult'),"
  "  sum (g.setting = 'prison' AND p.sex = 'F'), sum (g.setting = 'prison' AND p.sex = 'M')"
  " FROM membership m"
  " JOIN hgroup g ON g.id = m.group_id"
  " JOIN participant p ON p.id = m.participant_id"
  " JOIN district d ON d.id = g.district_id"
  " WHERE m.outcome = 'graduated'"
  " GROUP BY d.id ORDER BY d.name";

static const char groups_sql[] =
  "SELECT g.setting, g.age_band, count (*) FROM hgroup g"
  " WHERE EXISTS (SELECT 1 FROM membership m WHERE m.group_id = g.id"
  "               AND m.outcome = 'graduated')"
  " GROUP BY g.setting, g.age_band";

static void
district_stats_free (HsDistrictStats *district)
{
  g_free (district->name);
  g_free (district);
}

void
hs_stats_free (HsStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->districts, g_ptr_array_unref);
  g_free (stats);
}

HsStats *
hs_stats_compute (HsDatabase  *db,
                  GError     **error)
{
  g_autoptr(HsStats) stats = g_new0 (HsStats, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stats->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) district_stats_free);

  if ((stmt = _hs_database_prepare (db, district_sql, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsDistrictStats *district = g_new0 (HsDistrictStats, 1);

      district->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      district->graduates = sqlite3_column_int (stmt, 1);
      district->community = sqlite3_column_int (stmt, 2);
      district->prison = sqlite3_column_int (stmt, 3);
      district->female = sqlite3_column_int (stmt, 4);
      district->male = sqlite3_column_int (stmt, 5);
      district->youth = sqlite3_column_int (stmt, 6);
      district->adults = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (stats->districts, district);

      stats->graduates += district->graduates;
      stats->female += district->female;
      stats->male += district->male;
      stats->youth += district->youth;
      stats->adults += district->adults;
      stats->prisoners += district->prison;
      stats->prisoners_female += sqlite3_column_int (stmt, 8);
      stats->prisoners_male += sqlite3_column_int (stmt, 9);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Counting graduates"));
      return NULL;
    }

  if ((stmt = _hs_database_prepare (db, groups_sql, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *setting = (const char *) sqlite3_column_text (stmt, 0);
      const char *band = (const char *) sqlite3_column_text (stmt, 1);
      guint count = sqlite3_column_int (stmt, 2);

      if (g_strcmp0 (setting, "prison") == 0)
        stats->groups_prison += count;
      else if (g_strcmp0 (band, "youth") == 0)
        stats->groups_community_youth += count;
      else
        stats->groups_community_adult += count;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Counting groups"));
      return NULL;
    }

  return g_steal_pointer (&stats);
}

static void
append_json_name (GString    *out,
                  const char *name)
{
  g_string_append_c (out, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
hs_stats_to_json (const HsStats *stats)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          "{\"graduates\":%u,\"female\":%u,\"male\":%u,\"youth\":%u,\"adults\":%u,"
                          "\"prisoners\":%u,\"prisoners_female\":%u,\"prisoners_male\":%u,"
                          "\"groups\":{\"community_adult\":%u,\"community_youth\":%u,"
                          "\"prison\":%u},\"districts\":[",
                          stats->graduates, stats->female, stats->male, stats->youth,
                          stats->adults, stats->prisoners, stats->prisoners_female,
                          stats->prisoners_male, stats->groups_community_adult,
                          stats->groups_community_youth, stats->groups_prison);
  for (guint i = 0; i < stats->districts->len; i++)
    {
      const HsDistrictStats *d = g_ptr_array_index (stats->districts, i);

      g_string_append (out, i > 0 ? ",{\"name\":" : "{\"name\":");
      append_json_name (out, d->name);
      g_string_append_printf (out,
                              ",\"graduates\":%u,\"community\":%u,\"prison\":%u,\"female\":%u,"
                              "\"male\":%u,\"youth\":%u,\"adults\":%u}",
                              d->graduates, d->community, d->prison, d->female, d->male,
                              d->youth, d->adults);
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

/* Pads by characters, not bytes, so that names with diacritics line up. */
static void
append_padded (GString    *out,
               const char *text,
               int         width,
               gboolean    right)
{
  int pad = MAX (0, width - (int) g_utf8_strlen (text, -1));

  if (right)
    g_string_append_printf (out, "%*s%s", pad, "", text);
  else
    g_string_append_printf (out, "%s%*s", text, pad, "");
}

static void
append_row (GString     *out,
            const char **cells,
            const int   *widths,
            guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, "  ");
      append_padded (out, cells[i], widths[i], i > 0);
    }
  g_string_append_c (out, '\n');
}

char *
hs_stats_to_table (const HsStats *stats)
{
  const char *headers[] = {
    _("District"), _("Graduates"), _("Community"), _("Prison"),
    _("Female"), _("Male"), _("Youth"), _("Adults"),
  };
  int widths[G_N_ELEMENTS (headers)];
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_string_append_printf (out, _("Graduates: %u (female %u, male %u)\n"),
                          stats->graduates, stats->female, stats->male);
  g_string_append_printf (out, _("Youth: %u, adults: %u\n"), stats->youth, stats->adults);
  g_string_append_printf (out, _("Prisoners: %u (female %u, male %u)\n"),
                          stats->prisoners, stats->prisoners_female, stats->prisoners_male);
  g_string_append_printf (out, _("Groups with graduates: %u community adult, %u community youth, "
                                 "%u prison\n\n"),
                          stats->groups_community_adult, stats->groups_community_youth,
                          stats->groups_prison);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint i = 0; i <= stats->districts->len; i++)
    {
      char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);
      HsDistrictStats total = { (char *) _("Total"), stats->graduates,
                                stats->graduates - stats->prisoners, stats->prisoners,
                                stats->female, stats->male, stats->youth, stats->adults };
      const HsDistrictStats *d = i < stats->districts->len
                                 ? g_ptr_array_index (stats->districts, i) : &total;

      cells[0] = g_strdup (d->name);
      cells[1] = g_strdup_printf ("%u", d->graduates);
      cells[2] = g_strdup_printf ("%u", d->community);
      cells[3] = g_strdup_printf ("%u", d->prison);
      cells[4] = g_strdup_printf ("%u", d->female);
      cells[5] = g_strdup_printf ("%u", d->male);
      cells[6] = g_strdup_printf ("%u", d->youth);
      cells[7] = g_strdup_printf ("%u", d->adults);
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        widths[c] = MAX (widths[c], (int) g_utf8_strlen (cells[c], -1));
      g_ptr_array_add (rows, cells);
    }

  append_row (out, headers, widths, G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    append_row (out, (const char **) g_ptr_array_index (rows, i), widths, G_N_ELEMENTS (headers));
  return g_string_free (out, FALSE);
}

char *
hs_stats_to_csv (const HsStats *stats)
{
  GString *out = g_string_new ("district,graduates,community,prison,female,male,youth,adults\r\n");

  for (guint i = 0; i < stats->districts->len; i++)
    {
      const HsDistrictStats *d = g_ptr_array_index (stats->districts, i);

      g_string_append_printf (out, "%s,%u,%u,%u,%u,%u,%u,%u\r\n", d->name, d->graduates,
                              d->community, d->prison, d->female, d->male, d->youth, d->adults);
    }
  return g_string_free (out, FALSE);
}
