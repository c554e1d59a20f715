/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-livelihood"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-domain-private.h"
#include "hs-livelihood-private.h"

static const char * const group_statuses[] = { "active", "paused", "closed", NULL };

char *
_hs_livelihood_dup_column (sqlite3_stmt *stmt,
                           int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Empty strings are stored as "not given". */
void
_hs_livelihood_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* Text from a command line or an old file may not be UTF-8; the database
 * and every report expect it. Pairs of field name and value, then NULL. */
gboolean
_hs_livelihood_check_text (GError     **error,
                           const char  *field,
                           ...)
{
  va_list args;
  gboolean ok = TRUE;

  va_start (args, field);
  for (; field != NULL && ok; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                       _("%s: the text is not valid UTF-8; type it again."), field);
          ok = FALSE;
        }
    }
  va_end (args);
  return ok;
}

gboolean
_hs_livelihood_step (HsDatabase    *db,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    _hs_database_set_error (db, error, what);
  sqlite3_reset (stmt);
  return ok;
}

/* Runs @stmt, then audits the insert (id 0: the new row) or the update of
 * @id whose previous values are @before. Stores the row's id in @out_id. */
gboolean
_hs_livelihood_write_audited (HsDatabase    *db,
                              sqlite3_stmt  *stmt,
                              const char    *table,
                              gint64         id,
                              const char    *before,
                              const char    *what,
                              gint64        *out_id,
                              GError       **error)
{
  g_autofree char *after = NULL;
  gint64 row_id = id;

  if (!_hs_livelihood_step (db, stmt, what, error))
    return FALSE;
  if (row_id == 0)
    row_id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  if (out_id != NULL)
    *out_id = row_id;
  after = _hs_database_row_json (db, table, row_id);
  return _hs_database_audit (db, id == 0 ? HS_AUDIT_INSERT : HS_AUDIT_UPDATE,
                             table, row_id, before, after, error);
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

HsLivelihoodGroup *
hs_livelihood_group_new (void)
{
  HsLivelihoodGroup *group = g_new0 (HsLivelihoodGroup, 1);

  group->status = g_strdup ("active");
  return group;
}

void
hs_livelihood_group_free (HsLivelihoodGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->name);
  g_free (group->activity);
  g_free (group->training_start);
  g_free (group->training_end);
  g_free (group->start_date);
  g_free (group->status);
  g_free (group->notes);
  g_free (group);
}

static gboolean
set_not_found (GError **error)
{
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
               _("This livelihood group no longer exists; it may have been deleted."));
  return FALSE;
}

static gboolean
check_group_exists (HsDatabase  *db,
                    gint64       group_id,
                    GError     **error)
{
  g_autofree char *row = _hs_database_row_json (db, "business_group", group_id);

  return row != NULL || set_not_found (error);
}

HsLivelihoodGroup *
hs_livelihood_group_load (HsDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  HsLivelihoodGroup *group = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT id, name, district_id, activity, training_start,"
                               " training_end, start_date, status, notes"
                               " FROM business_group WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      group = g_new0 (HsLivelihoodGroup, 1);
      group->id = sqlite3_column_int64 (stmt, 0);
      group->name = _hs_livelihood_dup_column (stmt, 1);
      group->district_id = sqlite3_column_int64 (stmt, 2);
      group->activity = _hs_livelihood_dup_column (stmt, 3);
      group->training_start = _hs_livelihood_dup_column (stmt, 4);
      group->training_end = _hs_livelihood_dup_column (stmt, 5);
      group->start_date = _hs_livelihood_dup_column (stmt, 6);
      group->status = _hs_livelihood_dup_column (stmt, 7);
      group->notes = _hs_livelihood_dup_column (stmt, 8);
    }
  else if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    _hs_database_set_error (db, error, _("Reading the livelihood group"));
  sqlite3_reset (stmt);
  return group;
}

static gboolean
validate_group (HsLivelihoodGroup  *group,
                GError            **error)
{
  if (is_blank (group->name))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter the livelihood group's name."));
      return FALSE;
    }
  if (!_hs_livelihood_check_text (error, _("Name"), group->name, _("Activity"), group->activity,
                                  _("Notes"), group->notes, NULL)
      || !_hs_check_choice (group->status, group_statuses, _("Status"), error)
      || !_hs_check_date (group->training_start, _("Training start"), error)
      || !_hs_check_date (group->training_end, _("Training end"), error)
      || !_hs_check_date (group->start_date, _("Start date"), error))
    return FALSE;
  if (group->training_start != NULL && group->training_end != NULL
      && strcmp (group->training_end, group->training_start) < 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The business-skills training ends (%s) before it starts (%s); "
                     "check both dates."), group->training_end, group->training_start);
      return FALSE;
    }
  return TRUE;
}

static void
normalise_group (HsLivelihoodGroup *group)
{
  char **fields[] = { &group->activity, &group->training_start, &group->training_end,
                      &group->start_date, &group->notes };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] != NULL && **fields[i] == '\0')
      g_clear_pointer (fields[i], g_free);
  if (group->status == NULL)
    group->status = g_strdup ("active");
}

gboolean
hs_livelihood_group_save (HsLivelihoodGroup  *group,
                          HsDatabase         *db,
                          GError            **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (group != NULL, FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  normalise_group (group);
  if (!validate_group (group, error))
    return FALSE;
  if (group->id != 0 && (before = _hs_database_row_json (db, "business_group", group->id)) == NULL)
    return set_not_found (error);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  if (group->id != 0)
    stmt = _hs_database_prepare (db,
                                 "UPDATE business_group SET name = ?1, district_id = ?2,"
                                 " activity = ?3, training_start = ?4, training_end = ?5,"
                                 " start_date = ?6, status = ?7, notes = ?8 WHERE id = ?9", error);
  else
    stmt = _hs_database_prepare (db,
                                 "INSERT INTO business_group (name, district_id, activity,"
                                 " training_start, training_end, start_date, status, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  ok = stmt != NULL;
  if (ok)
    {
      char *name = g_strstrip (g_strdup (group->name));

      sqlite3_bind_text (stmt, 1, name, -1, g_free);
      if (group->district_id > 0)
        sqlite3_bind_int64 (stmt, 2, group->district_id);
      _hs_livelihood_bind_text (stmt, 3, group->activity);
      _hs_livelihood_bind_text (stmt, 4, group->training_start);
      _hs_livelihood_bind_text (stmt, 5, group->training_end);
      _hs_livelihood_bind_text (stmt, 6, group->start_date);
      _hs_livelihood_bind_text (stmt, 7, group->status);
      _hs_livelihood_bind_text (stmt, 8, group->notes);
      if (group->id != 0)
        sqlite3_bind_int64 (stmt, 9, group->id);
      ok = _hs_livelihood_write_audited (db, stmt, "business_group", group->id, before,
                                         _("Saving the livelihood group"), &id, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;
  group->id = id;
  return TRUE;
}

gboolean
hs_livelihood_group_delete (HsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_group_exists (db, id, error) || !_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "business_member",
                           "SELECT id FROM business_member WHERE business_group_id = ?1",
                           "DELETE FROM business_member WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "business_capital",
                              "SELECT id FROM business_capital WHERE business_group_id = ?1",
                              "DELETE FROM business_capital WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "business_visit",
                              "SELECT id FROM business_visit WHERE business_group_id = ?1",
                              "DELETE FROM business_visit WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "business_group",
                              "SELECT id FROM business_group WHERE id = ?1",
                              "DELETE FROM business_group WHERE id = ?", id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

/* Refuses, with a message naming them, someone who did not graduate from a
 * group (@prison: from a prison group). */
gboolean
_hs_livelihood_check_graduate (HsDatabase  *db,
                               gint64       participant_id,
                               gboolean     prison,
                               GError     **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gboolean graduated = FALSE;
  gboolean in_prison = FALSE;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT p.full_name,"
                               " EXISTS (SELECT 1 FROM membership m WHERE m.participant_id = p.id"
                               "   AND m.outcome = 'graduated'),"
                               " EXISTS (SELECT 1 FROM membership m JOIN hgroup g"
                               "   ON g.id = m.group_id WHERE m.participant_id = p.id"
                               "   AND m.outcome = 'graduated' AND g.setting = 'prison')"
                               " FROM participant p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      name = _hs_livelihood_dup_column (stmt, 0);
      graduated = sqlite3_column_int (stmt, 1) != 0;
      in_prison = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("This person no longer exists; they may have been deleted."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _hs_database_set_error (db, error, _("Reading the participant"));
      return FALSE;
    }
  if (!graduated)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("%s has not graduated from a healing-space group. Only graduates join "
                     "livelihood groups and vocational training; record their graduation "
                     "first."), name);
      return FALSE;
    }
  if (prison && !in_prison)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("%s did not graduate from a prison group. Vocational training (TVET) is "
                     "recorded for prison graduates only; a community graduate can join a "
                     "livelihood group instead."), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_livelihood_add_member (HsDatabase  *db,
                          gint64       group_id,
                          gint64       participant_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_group_exists (db, group_id, error)
      || !_hs_livelihood_check_graduate (db, participant_id, FALSE, error))
    return FALSE;

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  /* Adding someone already there changes nothing and is not an error. */
  stmt = _hs_database_prepare (db,
                               "INSERT INTO business_member (business_group_id, participant_id)"
                               " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM business_member"
                               "  WHERE business_group_id = ?1 AND participant_id = ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      ok = _hs_livelihood_step (db, stmt, _("Adding the member"), error);
      if (ok && sqlite3_changes (_hs_database_get_handle (db)) > 0)
        {
          gint64 id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
          g_autofree char *after = _hs_database_row_json (db, "business_member", id);

          ok = _hs_database_audit (db, HS_AUDIT_INSERT, "business_member", id, NULL, after,
                                   error);
        }
    }
  return _hs_database_write_end (db, ok, error);
}

gboolean
hs_livelihood_remove_member (HsDatabase  *db,
                             gint64       group_id,
                             gint64       participant_id,
                             GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "business_member",
                           "SELECT id FROM business_member"
                           " WHERE business_group_id = ?1 AND participant_id = ?2",
                           "DELETE FROM business_member WHERE id = ?", group_id, participant_id,
                           error);
  return _hs_database_write_end (db, ok, error);
}

gint64
hs_livelihood_add_capital (HsDatabase  *db,
                           gint64       group_id,
                           gint64       amount_rwf,
                           const char  *date,
                           const char  *source,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), 0);

  if (amount_rwf <= 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter the amount of capital in Rwandan francs, more than 0."));
      return 0;
    }
  if (date == NULL || *date == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter the date the capital was disbursed."));
      return 0;
    }
  if (!_hs_check_date (date, _("Disbursed"), error)
      || !_hs_livelihood_check_text (error, _("Source"), source, NULL)
      || !check_group_exists (db, group_id, error))
    return 0;

  if (!_hs_database_write_begin (db, error))
    return 0;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO business_capital (business_group_id, amount_rwf, date,"
                               " source) VALUES (?1, ?2, ?3, ?4)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, amount_rwf);
      _hs_livelihood_bind_text (stmt, 3, date);
      _hs_livelihood_bind_text (stmt, 4, source);
      ok = _hs_livelihood_write_audited (db, stmt, "business_capital", 0, NULL,
                                         _("Saving the capital entry"), &id, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return 0;
  return id;
}

gboolean
hs_livelihood_delete_capital (HsDatabase  *db,
                              gint64       capital_id,
                              GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "business_capital",
                           "SELECT id FROM business_capital WHERE id = ?1",
                           "DELETE FROM business_capital WHERE id = ?", capital_id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

gint64
hs_livelihood_capital_total (HsDatabase  *db,
                             gint64       group_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 total = -1;

  g_return_val_if_fail (HS_IS_DATABASE (db), -1);

  stmt = _hs_database_prepare (db,
                               "SELECT coalesce (sum (amount_rwf), 0) FROM business_capital"
                               " WHERE business_group_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  else
    _hs_database_set_error (db, error, _("Adding up the capital"));
  sqlite3_reset (stmt);
  return total;
}

gint64
hs_livelihood_add_visit (HsDatabase  *db,
                         gint64       group_id,
                         const char  *date,
                         gboolean     active,
                         int          members_present,
                         const char  *notes,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), 0);

  if (date == NULL || *date == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter the date of the follow-up visit."));
      return 0;
    }
  if (!_hs_check_date (date, _("Visit date"), error)
      || !_hs_livelihood_check_text (error, _("Notes"), notes, NULL)
      || !check_group_exists (db, group_id, error))
    return 0;

  if (!_hs_database_write_begin (db, error))
    return 0;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO business_visit (business_group_id, date, active,"
                               " members_present, notes) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, group_id);
      _hs_livelihood_bind_text (stmt, 2, date);
      sqlite3_bind_int (stmt, 3, active ? 1 : 0);
      if (members_present >= 0)
        sqlite3_bind_int (stmt, 4, members_present);
      _hs_livelihood_bind_text (stmt, 5, notes);
      ok = _hs_livelihood_write_audited (db, stmt, "business_visit", 0, NULL,
                                         _("Saving the follow-up visit"), &id, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return 0;
  return id;
}

gboolean
hs_livelihood_delete_visit (HsDatabase  *db,
                            gint64       visit_id,
                            GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "business_visit",
                           "SELECT id FROM business_visit WHERE id = ?1",
                           "DELETE FROM business_visit WHERE id = ?", visit_id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

gboolean
hs_livelihood_active_after (HsDatabase  *db,
                            gint64       group_id,
                            guint        months,
                            gboolean    *active,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (active != NULL, FALSE);

  *active = FALSE;
  stmt = _hs_database_prepare (db,
                               "SELECT v.active FROM business_visit v JOIN business_group g"
                               " ON g.id = v.business_group_id WHERE g.id = ?1"
                               " AND v.date >= date (" HS_LIVELIHOOD_MILESTONE_BASE ","
                               "  '+' || ?2 || ' months')"
                               " ORDER BY v.date DESC, v.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, months);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *active = sqlite3_column_int (stmt, 0) != 0;
  else if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Reading the follow-up visits"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static void
summary_free (gpointer data)
{
  HsLivelihoodSummary *row = data;

  g_free (row->name);
  g_free (row->district);
  g_free (row->activity);
  g_free (row->status);
  g_free (row->start_date);
  g_free (row->last_visit);
  g_free (row);
}

/* Steps @stmt to its end, turning each row into an item with @read; NULL
 * and @error set if SQLite fails. */
GPtrArray *
_hs_livelihood_collect (HsDatabase      *db,
                        sqlite3_stmt    *stmt,
                        gpointer       (*read) (sqlite3_stmt *stmt),
                        GDestroyNotify   free_func,
                        GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Reading the livelihood records"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

static gpointer
read_summary (sqlite3_stmt *stmt)
{
  HsLivelihoodSummary *row = g_new0 (HsLivelihoodSummary, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->name = _hs_livelihood_dup_column (stmt, 1);
  row->district = _hs_livelihood_dup_column (stmt, 2);
  row->activity = _hs_livelihood_dup_column (stmt, 3);
  row->status = _hs_livelihood_dup_column (stmt, 4);
  row->start_date = _hs_livelihood_dup_column (stmt, 5);
  row->members = sqlite3_column_int (stmt, 6);
  row->capital_rwf = sqlite3_column_int64 (stmt, 7);
  row->last_visit = _hs_livelihood_dup_column (stmt, 8);
  row->last_visit_active = sqlite3_column_int (stmt, 9) != 0;
  return row;
}

GPtrArray *
hs_livelihood_list (HsDatabase  *db,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT g.id, g.name, d.name, g.activity, g.status, g.start_date,"
                               " (SELECT count (*) FROM business_member m"
                               "   WHERE m.business_group_id = g.id),"
                               " (SELECT coalesce (sum (amount_rwf), 0) FROM business_capital c"
                               "   WHERE c.business_group_id = g.id),"
                               " v.date, v.active"
                               " FROM business_group g LEFT JOIN district d ON d.id = g.district_id"
                               " LEFT JOIN business_visit v ON v.id = (SELECT id FROM business_visit"
                               "   WHERE business_group_id = g.id ORDER BY date DESC, id DESC"
                               "   LIMIT 1)"
                               " ORDER BY g.name COLLATE NOCASE, g.id", error);
  if (stmt == NULL)
    return NULL;
  return _hs_livelihood_collect (db, stmt, read_summary, summary_free, error);
}

static void
member_free (gpointer data)
{
  HsLivelihoodMember *row = data;

  g_free (row->full_name);
  g_free (row->sex);
  g_free (row->district);
  g_free (row);
}

static gpointer
read_member (sqlite3_stmt *stmt)
{
  HsLivelihoodMember *row = g_new0 (HsLivelihoodMember, 1);

  row->participant_id = sqlite3_column_int64 (stmt, 0);
  row->full_name = _hs_livelihood_dup_column (stmt, 1);
  row->sex = _hs_livelihood_dup_column (stmt, 2);
  row->district = _hs_livelihood_dup_column (stmt, 3);
  return row;
}

GPtrArray *
hs_livelihood_list_members (HsDatabase  *db,
                            gint64       group_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT p.id, p.full_name, p.sex, d.name FROM business_member m"
                               " JOIN participant p ON p.id = m.participant_id"
                               " LEFT JOIN district d ON d.id = p.district_id"
                               " WHERE m.business_group_id = ?1"
                               " ORDER BY p.full_name COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return _hs_livelihood_collect (db, stmt, read_member, member_free, error);
}

GPtrArray *
hs_livelihood_find_graduates (HsDatabase  *db,
                              const char  *text,
                              gint64       group_id,
                              gboolean     prison,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GString) pattern = g_string_new ("%");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  /* LIKE's own wildcards in what was typed match themselves. */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  stmt = _hs_database_prepare (db,
                               "SELECT p.id, p.full_name, p.sex, d.name FROM participant p"
                               " LEFT JOIN district d ON d.id = p.district_id"
                               " WHERE p.erased IS NULL"
                               " AND EXISTS (SELECT 1 FROM membership m JOIN hgroup g"
                               "  ON g.id = m.group_id WHERE m.participant_id = p.id"
                               "  AND m.outcome = 'graduated' AND (?4 = 0 OR g.setting = 'prison'))"
                               " AND NOT EXISTS (SELECT 1 FROM business_member b WHERE"
                               "  b.participant_id = p.id AND b.business_group_id = ?2)"
                               " AND p.full_name LIKE ?1 ESCAPE '\\'"
                               " ORDER BY p.full_name COLLATE NOCASE, p.id LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_int (stmt, 3, limit);
  sqlite3_bind_int (stmt, 4, prison ? 1 : 0);
  return _hs_livelihood_collect (db, stmt, read_member, member_free, error);
}

static void
capital_free (gpointer data)
{
  HsCapitalEntry *row = data;

  g_free (row->date);
  g_free (row->source);
  g_free (row);
}

static gpointer
read_capital (sqlite3_stmt *stmt)
{
  HsCapitalEntry *row = g_new0 (HsCapitalEntry, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->amount_rwf = sqlite3_column_int64 (stmt, 1);
  row->date = _hs_livelihood_dup_column (stmt, 2);
  row->source = _hs_livelihood_dup_column (stmt, 3);
  return row;
}

GPtrArray *
hs_livelihood_list_capital (HsDatabase  *db,
                            gint64       group_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT id, amount_rwf, date, source FROM business_capital"
                               " WHERE business_group_id = ?1 ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return _hs_livelihood_collect (db, stmt, read_capital, capital_free, error);
}

static void
visit_free (gpointer data)
{
  HsFollowUpVisit *row = data;

  g_free (row->date);
  g_free (row->notes);
  g_free (row);
}

static gpointer
read_visit (sqlite3_stmt *stmt)
{
  HsFollowUpVisit *row = g_new0 (HsFollowUpVisit, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->date = _hs_livelihood_dup_column (stmt, 1);
  row->active = sqlite3_column_int (stmt, 2) != 0;
  row->members_present = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                         ? -1 : sqlite3_column_int (stmt, 3);
  row->notes = _hs_livelihood_dup_column (stmt, 4);
  return row;
}

GPtrArray *
hs_livelihood_list_visits (HsDatabase  *db,
                           gint64       group_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT id, date, active, members_present, notes FROM business_visit"
                               " WHERE business_group_id = ?1 ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return _hs_livelihood_collect (db, stmt, read_visit, visit_free, error);
}
