/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-tvet"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-domain-private.h"
#include "hs-livelihood-private.h"

static const char * const tvet_statuses[] = { "enrolled", "completed", "dropped", NULL };
static const char * const reintegrations[] = { "family", "community", NULL };

#define TVET_COLUMNS \
  "t.id, t.participant_id, p.full_name, t.trade, t.centre, t.start_date, t.end_date, t.status," \
  " t.expected_release, t.release_date, t.reintegration, t.reintegration_date, t.notes"

HsTvet *
hs_tvet_new (void)
{
  HsTvet *tvet = g_new0 (HsTvet, 1);

  tvet->status = g_strdup ("enrolled");
  return tvet;
}

void
hs_tvet_free (HsTvet *tvet)
{
  if (tvet == NULL)
    return;
  g_free (tvet->full_name);
  g_free (tvet->trade);
  g_free (tvet->centre);
  g_free (tvet->start_date);
  g_free (tvet->end_date);
  g_free (tvet->status);
  g_free (tvet->expected_release);
  g_free (tvet->release_date);
  g_free (tvet->reintegration);
  g_free (tvet->reintegration_date);
  g_free (tvet->notes);
  g_free (tvet);
}

static gpointer
read_tvet (sqlite3_stmt *stmt)
{
  HsTvet *tvet = g_new0 (HsTvet, 1);

  tvet->id = sqlite3_column_int64 (stmt, 0);
  tvet->participant_id = sqlite3_column_int64 (stmt, 1);
  tvet->full_name = _hs_livelihood_dup_column (stmt, 2);
  tvet->trade = _hs_livelihood_dup_column (stmt, 3);
  tvet->centre = _hs_livelihood_dup_column (stmt, 4);
  tvet->start_date = _hs_livelihood_dup_column (stmt, 5);
  tvet->end_date = _hs_livelihood_dup_column (stmt, 6);
  tvet->status = _hs_livelihood_dup_column (stmt, 7);
  tvet->expected_release = _hs_livelihood_dup_column (stmt, 8);
  tvet->release_date = _hs_livelihood_dup_column (stmt, 9);
  tvet->reintegration = _hs_livelihood_dup_column (stmt, 10);
  tvet->reintegration_date = _hs_livelihood_dup_column (stmt, 11);
  tvet->notes = _hs_livelihood_dup_column (stmt, 12);
  return tvet;
}

static gboolean
set_not_found (GError **error)
{
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
               _("This vocational training record no longer exists; it may have been "
                 "deleted."));
  return FALSE;
}

HsTvet *
hs_tvet_load (HsDatabase  *db,
              gint64       id,
              GError     **error)
{
  HsTvet *tvet = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT " TVET_COLUMNS " FROM tvet t"
                               " JOIN participant p ON p.id = t.participant_id WHERE t.id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    tvet = read_tvet (stmt);
  else if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    _hs_database_set_error (db, error, _("Reading the vocational training record"));
  sqlite3_reset (stmt);
  return tvet;
}

static gboolean
validate (HsTvet  *tvet,
          GError **error)
{
  if (tvet->trade == NULL || *g_strstrip (tvet->trade) == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter the trade being learnt, for example masonry or tailoring."));
      return FALSE;
    }
  if (tvet->status == NULL)
    tvet->status = g_strdup ("enrolled");
  if (!_hs_livelihood_check_text (error, _("Trade"), tvet->trade, _("Training centre"),
                                  tvet->centre, _("Notes"), tvet->notes, NULL)
      || !_hs_check_choice (tvet->status, tvet_statuses, _("Status"), error)
      || !_hs_check_choice (tvet->reintegration, reintegrations, _("Reintegration"), error)
      || !_hs_check_date (tvet->start_date, _("Start date"), error)
      || !_hs_check_date (tvet->end_date, _("End date"), error)
      || !_hs_check_date (tvet->expected_release, _("Expected release"), error)
      || !_hs_check_date (tvet->release_date, _("Release date"), error)
      || !_hs_check_date (tvet->reintegration_date, _("Reintegration date"), error))
    return FALSE;
  if (tvet->start_date != NULL && tvet->end_date != NULL
      && strcmp (tvet->end_date, tvet->start_date) < 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The training ends (%s) before it starts (%s); check both dates."),
                   tvet->end_date, tvet->start_date);
      return FALSE;
    }
  return TRUE;
}

static void
normalise (HsTvet *tvet)
{
  char **fields[] = { &tvet->centre, &tvet->start_date, &tvet->end_date, &tvet->status,
                      &tvet->expected_release, &tvet->release_date, &tvet->reintegration,
                      &tvet->reintegration_date, &tvet->notes };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] != NULL && **fields[i] == '\0')
      g_clear_pointer (fields[i], g_free);
}

gboolean
hs_tvet_save (HsTvet      *tvet,
              HsDatabase  *db,
              GError     **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (tvet != NULL, FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  normalise (tvet);
  if (!validate (tvet, error)
      || !_hs_livelihood_check_graduate (db, tvet->participant_id, TRUE, error))
    return FALSE;
  if (tvet->id != 0 && (before = _hs_database_row_json (db, "tvet", tvet->id)) == NULL)
    return set_not_found (error);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  if (tvet->id != 0)
    stmt = _hs_database_prepare (db,
                                 "UPDATE tvet SET participant_id = ?1, trade = ?2, centre = ?3,"
                                 " start_date = ?4, end_date = ?5, status = ?6,"
                                 " expected_release = ?7, release_date = ?8, reintegration = ?9,"
                                 " reintegration_date = ?10, notes = ?11 WHERE id = ?12", error);
  else
    stmt = _hs_database_prepare (db,
                                 "INSERT INTO tvet (participant_id, trade, centre, start_date,"
                                 " end_date, status, expected_release, release_date,"
                                 " reintegration, reintegration_date, notes)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, tvet->participant_id);
      _hs_livelihood_bind_text (stmt, 2, tvet->trade);
      _hs_livelihood_bind_text (stmt, 3, tvet->centre);
      _hs_livelihood_bind_text (stmt, 4, tvet->start_date);
      _hs_livelihood_bind_text (stmt, 5, tvet->end_date);
      _hs_livelihood_bind_text (stmt, 6, tvet->status);
      _hs_livelihood_bind_text (stmt, 7, tvet->expected_release);
      _hs_livelihood_bind_text (stmt, 8, tvet->release_date);
      _hs_livelihood_bind_text (stmt, 9, tvet->reintegration);
      _hs_livelihood_bind_text (stmt, 10, tvet->reintegration_date);
      _hs_livelihood_bind_text (stmt, 11, tvet->notes);
      if (tvet->id != 0)
        sqlite3_bind_int64 (stmt, 12, tvet->id);
      ok = _hs_livelihood_write_audited (db, stmt, "tvet", tvet->id, before,
                                         _("Saving the vocational training record"), &id, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;
  tvet->id = id;
  return TRUE;
}

gboolean
hs_tvet_delete (HsDatabase  *db,
                gint64       id,
                GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "tvet", "SELECT id FROM tvet WHERE id = ?1",
                           "DELETE FROM tvet WHERE id = ?", id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

GPtrArray *
hs_tvet_list (HsDatabase  *db,
              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT " TVET_COLUMNS " FROM tvet t"
                               " JOIN participant p ON p.id = t.participant_id"
                               " ORDER BY p.full_name COLLATE NOCASE, t.id", error);
  if (stmt == NULL)
    return NULL;
  return _hs_livelihood_collect (db, stmt, read_tvet, (GDestroyNotify) hs_tvet_free, error);
}
