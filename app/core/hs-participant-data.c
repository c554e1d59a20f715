/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant"

#include <glib/gi18n-lib.h>

#include "hs-participant-private.h"
#include "hs-participant.h"

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
hs_participant_membership_free (HsParticipantMembership *membership)
{
  if (membership == NULL)
    return;
  g_free (membership->group_name);
  g_free (membership->joined);
  g_free (membership->left_date);
  g_free (membership->outcome);
  g_free (membership->reason);
  g_free (membership);
}

GPtrArray *
hs_participant_get_memberships (HsDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  g_autoptr(GPtrArray) memberships = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT g.id, g.name, m.joined, m.left_date, m.outcome, m.reason"
                               " FROM membership m JOIN hgroup g ON g.id = m.group_id"
                               " WHERE m.participant_id = ?1 ORDER BY m.id", error);
  if (stmt == NULL)
    return NULL;
  memberships = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_participant_membership_free);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsParticipantMembership *m = g_new0 (HsParticipantMembership, 1);

      m->group_id = sqlite3_column_int64 (stmt, 0);
      m->group_name = dup_column (stmt, 1);
      m->joined = dup_column (stmt, 2);
      m->left_date = dup_column (stmt, 3);
      m->outcome = dup_column (stmt, 4);
      m->reason = dup_column (stmt, 5);
      g_ptr_array_add (memberships, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the participant's groups"));
      return NULL;
    }
  return g_steal_pointer (&memberships);
}

void
hs_participant_attendance_free (HsParticipantAttendance *attendance)
{
  if (attendance == NULL)
    return;
  g_free (attendance->group_name);
  g_free (attendance);
}

GPtrArray *
hs_participant_get_attendance (HsDatabase  *db,
                               gint64       id,
                               GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT g.name, sum (a.mark = 'present'), sum (a.mark = 'absent'),"
                               " sum (a.mark = 'excused')"
                               " FROM attendance a JOIN session s ON s.id = a.session_id"
                               " JOIN hgroup g ON g.id = s.group_id"
                               " WHERE a.participant_id = ?1 GROUP BY g.id ORDER BY g.id", error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_participant_attendance_free);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsParticipantAttendance *row = g_new0 (HsParticipantAttendance, 1);

      row->group_name = dup_column (stmt, 0);
      row->present = sqlite3_column_int (stmt, 1);
      row->absent = sqlite3_column_int (stmt, 2);
      row->excused = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the participant's attendance"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

void
hs_participant_change_free (HsParticipantChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change->actor);
  g_free (change->action);
  g_free (change->fields);
  g_free (change);
}

/* The changed columns come from SQLite's JSON functions over the audit
 * entry's before and after; "updated" changes with every save, so it says
 * nothing. */
GPtrArray *
hs_participant_get_history (HsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(GPtrArray) history = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT a.at, a.actor, a.action,"
                               " (SELECT group_concat (j.key, ', ') FROM json_each (a.after) j"
                               "  WHERE a.action = 'update' AND j.key <> 'updated'"
                               "  AND json_extract (a.before, '$.\"' || j.key || '\"')"
                               "      IS NOT j.value)"
                               " FROM audit_log a"
                               " WHERE a.table_name = 'participant' AND (a.row_id = ?1"
                               "   OR a.row_id IN (SELECT merged FROM participant_merge"
                               "                   WHERE kept = ?1))"
                               /* A CSV import audits its people in one entry. */
                               " OR a.table_name = 'participant_import' AND a.row_id <= ?1"
                               "   AND json_extract (a.after, '$.last_id') >= ?1"
                               " ORDER BY a.id DESC", error);
  if (stmt == NULL)
    return NULL;
  history = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_participant_change_free);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsParticipantChange *change = g_new0 (HsParticipantChange, 1);

      change->at = dup_column (stmt, 0);
      change->actor = dup_column (stmt, 1);
      change->action = dup_column (stmt, 2);
      change->fields = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                       ? g_strdup ("") : dup_column (stmt, 3);
      g_ptr_array_add (history, change);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the participant's history"));
      return NULL;
    }
  return g_steal_pointer (&history);
}

/* Appends "name": [row, row, …] for the rows @select_ids_sql returns. */
static gboolean
append_rows (GString     *out,
             HsDatabase  *db,
             const char  *name,
             const char  *table,
             const char  *select_ids_sql,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, select_ids_sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, row_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Exporting the participant"));
      return FALSE;
    }

  g_string_append_printf (out, ",\n  \"%s\": [", name);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *row = _hs_database_row_json (db, table, g_array_index (ids, gint64, i));

      g_string_append_printf (out, "%s\n    %s", i > 0 ? "," : "", row != NULL ? row : "null");
    }
  g_string_append (out, ids->len > 0 ? "\n  ]" : "]");
  return TRUE;
}

char *
hs_participant_export_json (HsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *person = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  person = _hs_database_row_json (db, "participant", id);
  if (person == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no participant with the number %lld."), (long long) id);
      return NULL;
    }
  now = _hs_database_now ();
  g_string_append_printf (out, "{\n  \"format\": \"healing-spaces-person\",\n"
                          "  \"version\": 1,\n  \"exported\": \"%s\",\n  \"participant\": %s",
                          now, person);
  if (!append_rows (out, db, "memberships", "membership",
                    "SELECT id FROM membership WHERE participant_id = ?1 ORDER BY id", id, error)
      || !append_rows (out, db, "attendance", "attendance",
                       "SELECT id FROM attendance WHERE participant_id = ?1 ORDER BY id", id,
                       error)
      || !append_rows (out, db, "certificates", "certificate",
                       "SELECT id FROM certificate WHERE participant_id = ?1 ORDER BY id", id,
                       error)
      || !append_rows (out, db, "business_groups", "business_member",
                       "SELECT id FROM business_member WHERE participant_id = ?1 ORDER BY id",
                       id, error)
      || !append_rows (out, db, "vocational_training", "tvet",
                       "SELECT id FROM tvet WHERE participant_id = ?1 ORDER BY id", id, error)
      || !append_rows (out, db, "history", "audit_log",
                       "SELECT id FROM audit_log WHERE table_name = 'participant'"
                       " AND row_id = ?1"
                       /* The CSV import that brought them in, if one did. */
                       " OR table_name = 'participant_import' AND row_id <= ?1"
                       " AND json_extract (after, '$.last_id') >= ?1 ORDER BY id", id, error))
    return NULL;
  g_string_append (out, "\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GStrv
collect_names (HsDatabase *db,
               const char *sql,
               gint64      key)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, NULL);

  if (stmt != NULL)
    {
      if (key != 0)
        sqlite3_bind_int64 (stmt, 1, key);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (names);
}

GStrv
hs_participant_get_district_names (HsDatabase *db)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  return collect_names (db, "SELECT name FROM district ORDER BY name", 0);
}

GStrv
hs_participant_get_facility_names (HsDatabase *db)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  return collect_names (db, "SELECT name FROM facility ORDER BY name", 0);
}

GStrv
hs_participant_get_sector_names (HsDatabase *db,
                                 gint64      district_id)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  return collect_names (db,
                        "SELECT DISTINCT sector FROM participant"
                        " WHERE district_id = ?1 AND sector IS NOT NULL ORDER BY sector",
                        district_id);
}

/* What stays is what the figures count; see hs_participant_erase (). */
static const char erase_sql[] =
  "UPDATE participant SET uuid = ?2, full_name = ?3, search_key = '', birth_year = NULL,"
  " phone = NULL, national_id = NULL, sector = NULL, cell = NULL, village = NULL,"
  " inmate_number = NULL, expected_release = NULL, screening_date = NULL,"
  " trauma_level = NULL, screening_needs = NULL, screener = NULL, consent_date = NULL,"
  " consent_given_by = NULL, consent_withdrawn = NULL, notes = NULL, created = ?4,"
  " updated = ?4, erased = ?4 WHERE id = ?1";

static gboolean
step_done (HsDatabase    *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    _hs_database_set_error (db, error, _("Erasing the participant"));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
erase_row (HsDatabase  *db,
           gint64       id,
           GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _hs_database_now ();
  sqlite3_stmt *stmt = _hs_database_prepare (db, erase_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  /* Stored, not translated: the name column may not be empty. */
  sqlite3_bind_text (stmt, 3, HS_PARTICIPANT_ERASED_NAME, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return step_done (db, stmt, error);
}

static gboolean
erase_memberships (HsDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = _hs_database_prepare (db, "SELECT id FROM membership WHERE participant_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 membership = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, membership);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    if (!_hs_database_redact_audit (db, "membership", g_array_index (ids, gint64, i), error))
      return FALSE;

  stmt = _hs_database_prepare (db, "UPDATE membership SET reason = NULL WHERE participant_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (db, stmt, error);
}

gboolean
hs_participant_erase (HsDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if ((after = _hs_database_row_json (db, "participant", id)) == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no participant with the number %lld."), (long long) id);
      return FALSE;
    }
  g_clear_pointer (&after, g_free);

  /* Freed pages are overwritten, so the values do not linger in the file. */
  if (!_hs_database_exec (db, "PRAGMA secure_delete = ON", error)
      || !_hs_database_write_begin (db, error))
    return FALSE;
  ok = erase_row (db, id, error)
       && erase_memberships (db, id, error)
       && _hs_database_redact_audit (db, "participant", id, error)
       && (after = _hs_database_row_json (db, "participant", id)) != NULL
       && _hs_database_audit (db, HS_AUDIT_UPDATE, "participant", id, "{\"erased\":true}",
                              after, error)
       && _hs_participant_index (db, id, error)
       /* The search index keeps deleted words in its segments until merged. */
       && _hs_database_exec (db, "INSERT INTO participant_fts (participant_fts)"
                                 " VALUES ('optimize')", error);
  return _hs_database_write_end (db, ok, error);
}
