/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-target"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-domain-private.h"
#include "hs-livelihood-private.h"
#include "hs-target.h"

static const char * const metrics[] = { "people", "graduates", NULL };

HsTarget *
hs_target_new (void)
{
  HsTarget *target = g_new0 (HsTarget, 1);

  target->metric = g_strdup ("people");
  target->female = -1;
  target->male = -1;
  return target;
}

void
hs_target_free (HsTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->name);
  g_free (target->metric);
  g_free (target->district);
  g_free (target->start_date);
  g_free (target->end_date);
  g_free (target);
}

static gboolean
validate (HsTarget  *target,
          GError   **error)
{
  if (target->name == NULL || *g_strstrip (target->name) == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter a name for the target, for example “Phase 2, 2024–2026”."));
      return FALSE;
    }
  if (target->value < 0 || target->female < -1 || target->male < -1)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("A target counts people: enter 0 or more."));
      return FALSE;
    }
  if (target->female >= 0 && target->male >= 0 && target->female + target->male > target->value)
    {
      g_autofree char *female = g_strdup_printf ("%" G_GINT64_FORMAT, target->female);
      g_autofree char *male = g_strdup_printf ("%" G_GINT64_FORMAT, target->male);
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, target->value);

      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("%s women and %s men are more than the %s people in total; check the "
                     "figures."), female, male, total);
      return FALSE;
    }
  if (!_hs_livelihood_check_text (error, _("Name"), target->name, NULL)
      || !_hs_check_choice (target->metric, metrics, _("Counts"), error)
      || !_hs_check_date (target->start_date, _("From"), error)
      || !_hs_check_date (target->end_date, _("To"), error))
    return FALSE;
  if (target->start_date != NULL && target->end_date != NULL
      && strcmp (target->end_date, target->start_date) < 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s); check both dates."),
                   target->end_date, target->start_date);
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_target_save (HsTarget    *target,
                HsDatabase  *db,
                GError     **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (target->metric == NULL)
    target->metric = g_strdup ("people");
  if (target->start_date != NULL && *target->start_date == '\0')
    g_clear_pointer (&target->start_date, g_free);
  if (target->end_date != NULL && *target->end_date == '\0')
    g_clear_pointer (&target->end_date, g_free);
  if (!validate (target, error))
    return FALSE;
  if (target->id != 0 && (before = _hs_database_row_json (db, "target", target->id)) == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("This target no longer exists; it may have been deleted."));
      return FALSE;
    }

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  if (target->id != 0)
    stmt = _hs_database_prepare (db,
                                 "UPDATE target SET name = ?1, metric = ?2, value = ?3,"
                                 " female = ?4, male = ?5, district_id = ?6, start_date = ?7,"
                                 " end_date = ?8, past = ?9 WHERE id = ?10", error);
  else
    stmt = _hs_database_prepare (db,
                                 "INSERT INTO target (name, metric, value, female, male,"
                                 " district_id, start_date, end_date, past)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  ok = stmt != NULL;
  if (ok)
    {
      _hs_livelihood_bind_text (stmt, 1, target->name);
      _hs_livelihood_bind_text (stmt, 2, target->metric);
      sqlite3_bind_int64 (stmt, 3, target->value);
      if (target->female >= 0)
        sqlite3_bind_int64 (stmt, 4, target->female);
      if (target->male >= 0)
        sqlite3_bind_int64 (stmt, 5, target->male);
      if (target->district_id > 0)
        sqlite3_bind_int64 (stmt, 6, target->district_id);
      _hs_livelihood_bind_text (stmt, 7, target->start_date);
      _hs_livelihood_bind_text (stmt, 8, target->end_date);
      sqlite3_bind_int (stmt, 9, target->past ? 1 : 0);
      if (target->id != 0)
        sqlite3_bind_int64 (stmt, 10, target->id);
      ok = _hs_livelihood_write_audited (db, stmt, "target", target->id, before,
                                         _("Saving a programme target"), &id, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;
  target->id = id;
  return TRUE;
}

gboolean
hs_target_delete (HsDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "target", "SELECT id FROM target WHERE id = ?1",
                           "DELETE FROM target WHERE id = ?", id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

static gpointer
read_target (sqlite3_stmt *stmt)
{
  HsTarget *target = g_new0 (HsTarget, 1);

  target->id = sqlite3_column_int64 (stmt, 0);
  target->name = _hs_livelihood_dup_column (stmt, 1);
  target->metric = _hs_livelihood_dup_column (stmt, 2);
  target->value = sqlite3_column_int64 (stmt, 3);
  target->female = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                   ? -1 : sqlite3_column_int64 (stmt, 4);
  target->male = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                 ? -1 : sqlite3_column_int64 (stmt, 5);
  target->district_id = sqlite3_column_int64 (stmt, 6);
  target->district = _hs_livelihood_dup_column (stmt, 7);
  target->start_date = _hs_livelihood_dup_column (stmt, 8);
  target->end_date = _hs_livelihood_dup_column (stmt, 9);
  target->past = sqlite3_column_int (stmt, 10) != 0;
  return target;
}

GPtrArray *
hs_target_list (HsDatabase  *db,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT t.id, t.name, t.metric, t.value, t.female, t.male,"
                               " t.district_id, d.name, t.start_date, t.end_date, t.past"
                               " FROM target t LEFT JOIN district d ON d.id = t.district_id"
                               " ORDER BY t.past, t.start_date, t.id", error);
  if (stmt == NULL)
    return NULL;
  return _hs_livelihood_collect (db, stmt, read_target, (GDestroyNotify) hs_target_free, error);
}
