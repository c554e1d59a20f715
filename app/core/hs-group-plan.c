/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-group-plan"

#include <glib/gi18n-lib.h>

#include "hs-database-private.h"
#include "hs-group-plan.h"
#include "hs-membership.h"
#include "hs-schedule.h"

void
hs_pick_free (HsPick *pick)
{
  if (pick == NULL)
    return;
  g_free (pick->name);
  g_free (pick->sex);
  g_free (pick);
}

static GPtrArray *
read_picks (HsDatabase  *db,
            const char  *sql,
            const char  *setting,
            gint64       district_id,
            gint64       facility_id,
            const char  *age_band,
            GError     **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_pick_free);
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, error);
  int n_params;
  int rc;

  if (stmt == NULL)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= 3)
    {
      sqlite3_bind_text (stmt, 1, setting, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, district_id);
      sqlite3_bind_int64 (stmt, 3, facility_id);
    }
  if (n_params >= 4)
    sqlite3_bind_text (stmt, 4, age_band, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsPick *pick = g_new0 (HsPick, 1);

      pick->id = sqlite3_column_int64 (stmt, 0);
      pick->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      pick->sex = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      if (sqlite3_column_count (stmt) > 3)
        pick->district_id = sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_count (stmt) > 4)
        pick->local = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (out, pick);
    }
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the lists"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

GPtrArray *
hs_group_plan_districts (HsDatabase *db)
{
  return read_picks (db, "SELECT id, name, NULL FROM district ORDER BY name",
                     NULL, 0, 0, NULL, NULL);
}

GPtrArray *
hs_group_plan_facilities (HsDatabase *db)
{
  return read_picks (db, "SELECT id, name, NULL, district_id FROM facility ORDER BY name",
                     NULL, 0, 0, NULL, NULL);
}

GPtrArray *
hs_group_plan_facilitators (HsDatabase *db,
                            const char *setting,
                            gint64      district_id,
                            gint64      facility_id)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  /* A facilitator's home district is often unknown; the groups they ran
   * say where they work. Any group in the district counts for a community
   * group, prison ones too: the facilitator travels there already. */
  return read_picks (db,
                     "SELECT f.id, f.full_name, f.sex, f.district_id,"
                     " EXISTS (SELECT 1 FROM group_facilitator gf JOIN hgroup g"
                     "   ON g.id = gf.group_id WHERE gf.facilitator_id = f.id"
                     "   AND CASE ?1 WHEN 'prison' THEN g.facility_id = ?3"
                     "     ELSE g.district_id = ?2 END) AS local"
                     " FROM facilitator f ORDER BY local DESC, f.full_name COLLATE NOCASE",
                     setting, district_id, facility_id, NULL, NULL);
}

GPtrArray *
hs_group_plan_candidates (HsDatabase  *db,
                          const char  *setting,
                          gint64       district_id,
                          gint64       facility_id,
                          const char  *age_band,
                          GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  return read_picks (db,
                     "SELECT p.id, p.full_name, p.sex FROM participant p"
                     " WHERE p.screening_date IS NOT NULL AND p.consent_date IS NOT NULL"
                     " AND p.consent_withdrawn IS NULL AND p.age_band = ?4"
                     " AND CASE ?1 WHEN 'prison' THEN p.is_prisoner = 1 AND p.facility_id = ?3"
                     "   ELSE p.is_prisoner = 0 AND p.district_id = ?2 END"
                     " AND NOT EXISTS (SELECT 1 FROM membership m JOIN hgroup g"
                     "   ON g.id = m.group_id WHERE m.participant_id = p.id"
                     "   AND m.outcome = 'ongoing' AND g.status IN ('planned', 'running'))"
                     " AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.participant_id = p.id"
                     "   AND m.outcome = 'graduated')"
                     " ORDER BY p.full_name COLLATE NOCASE",
                     setting, district_id, facility_id, age_band, error);
}

char *
hs_group_plan_check_sizes (guint n_facilitators,
                           guint n_members)
{
  GString *out = g_string_new (NULL);

  if (n_facilitators < 2)
    g_string_append (out, _("A group needs two facilitators."));
  else if (n_facilitators > 2)
    g_string_append_printf (out, ngettext ("%u facilitator is more than the usual two.",
                                           "%u facilitators are more than the usual two.",
                                           n_facilitators), n_facilitators);
  if (n_members < 10 || n_members > 15)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, ngettext ("%u member: a group holds 10 to 15 people.",
                                             "%u members: a group holds 10 to 15 people.",
                                             n_members), n_members);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

gboolean
hs_group_plan_create (HsDatabase  *db,
                      HsGroup     *group,
                      GArray      *facilitator_ids,
                      GArray      *member_ids,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = hs_group_save (group, db, error);
  for (guint i = 0; ok && facilitator_ids != NULL && i < facilitator_ids->len; i++)
    ok = hs_group_add_facilitator (db, hs_group_get_id (group),
                                   g_array_index (facilitator_ids, gint64, i), error);
  for (guint i = 0; ok && member_ids != NULL && i < member_ids->len; i++)
    ok = hs_membership_add (db, hs_group_get_id (group), g_array_index (member_ids, gint64, i),
                            hs_group_get_start_date (group), error) > 0;
  if (ok && hs_group_get_start_date (group) != NULL && hs_group_get_weekday (group) > 0)
    ok = hs_schedule_create_sessions (db, hs_group_get_id (group), error) >= 0;
  return _hs_database_write_end (db, ok, error);
}
