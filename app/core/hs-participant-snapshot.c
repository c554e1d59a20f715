/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant"

#include <glib/gi18n-lib.h>

#include "hs-participant-private.h"
#include "hs-participant.h"

/* The rows are copied column by column as SQLite values, so that a restore
 * writes back exactly what was there: ids, NULLs, timestamps. */
typedef struct
{
  const char    *table;
  GPtrArray     *columns;   /* char * */
  GPtrArray     *values;    /* sqlite3_value * */
} Row;

struct _HsParticipantSnapshot
{
  gint64     id;
  GPtrArray *rows;          /* Row *, in the order they are inserted back */
};

/* Parents before children: the foreign keys are checked on each insert. */
static const struct
{
  const char *table;
  const char *select_sql;
} parts[] = {
  { "participant", "SELECT * FROM participant WHERE id = ?1" },
  { "membership", "SELECT * FROM membership WHERE participant_id = ?1 ORDER BY id" },
  { "attendance", "SELECT * FROM attendance WHERE participant_id = ?1 ORDER BY id" },
};

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static Row *
row_copy (const char   *table,
          sqlite3_stmt *stmt)
{
  Row *row = g_new0 (Row, 1);

  row->table = table;
  row->columns = g_ptr_array_new_with_free_func (g_free);
  row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      g_ptr_array_add (row->columns, g_strdup (sqlite3_column_name (stmt, i)));
      g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
    }
  return row;
}

void
hs_participant_snapshot_free (HsParticipantSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_ptr_array_unref (snapshot->rows);
  g_free (snapshot);
}

gint64
hs_participant_snapshot_get_id (const HsParticipantSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);
  return snapshot->id;
}

HsParticipantSnapshot *
hs_participant_snapshot (HsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(HsParticipantSnapshot) snapshot = g_new0 (HsParticipantSnapshot, 1);

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  snapshot->id = id;
  snapshot->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      sqlite3_stmt *stmt = _hs_database_prepare (db, parts[i].select_sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (snapshot->rows, row_copy (parts[i].table, stmt));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _hs_database_set_error (db, error, _("Reading the participant"));
          return NULL;
        }
    }
  if (snapshot->rows->len == 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("This participant no longer exists; they may have been deleted."));
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

static char *
insert_sql (const Row *row)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", row->table);
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (row->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static gboolean
insert_row (HsDatabase  *db,
            const Row   *row,
            GError     **error)
{
  g_autofree char *sql = insert_sql (row);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, error);
  gint64 id = 0;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    {
      sqlite3_value *value = g_ptr_array_index (row->values, i);

      sqlite3_bind_value (stmt, i + 1, value);
      if (g_str_equal (g_ptr_array_index (row->columns, i), "id"))
        id = sqlite3_value_int64 (value);
    }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Restoring the participant"));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;
  after = _hs_database_row_json (db, row->table, id);
  if (!_hs_database_audit (db, HS_AUDIT_INSERT, row->table, id, NULL, after, error))
    return FALSE;
  return !g_str_equal (row->table, "participant") || _hs_participant_index (db, id, error);
}

/* Fails, changing nothing, when the ids were taken meanwhile or a group the
 * person belonged to was deleted. */
gboolean
hs_participant_restore (HsDatabase                  *db,
                        const HsParticipantSnapshot *snapshot,
                        GError                     **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  for (guint i = 0; ok && i < snapshot->rows->len; i++)
    ok = insert_row (db, g_ptr_array_index (snapshot->rows, i), error);
  return _hs_database_write_end (db, ok, error);
}
