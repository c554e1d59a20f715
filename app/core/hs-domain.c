/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-domain"

#include <glib/gi18n-lib.h>

#include "hs-domain-private.h"

static gboolean
matches_pattern (const char *value,
                 const char *pattern)
{
  for (; *pattern != '\0'; pattern++, value++)
    {
      if (*pattern == 'd' ? !g_ascii_isdigit (*value) : *value != *pattern)
        return FALSE;
    }
  return *value == '\0';
}

static int
digits_at (const char *value,
           guint       offset,
           guint       length)
{
  int n = 0;

  for (guint i = offset; i < offset + length; i++)
    n = n * 10 + g_ascii_digit_value (value[i]);
  return n;
}

gboolean
_hs_check_date (const char  *value,
                const char  *label,
                GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (matches_pattern (value, "dddd-dd-dd")
      && g_date_valid_dmy (digits_at (value, 8, 2), digits_at (value, 5, 2),
                           digits_at (value, 0, 4)))
    return TRUE;

  /* Translators: the first %s names a field ("Screening date"), the second is what was typed. */
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not a date; write it as YYYY-MM-DD, for example 2024-03-15."),
               label, value);
  return FALSE;
}

gboolean
_hs_check_time (const char  *value,
                const char  *label,
                GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (matches_pattern (value, "dd:dd")
      && digits_at (value, 0, 2) < 24 && digits_at (value, 3, 2) < 60)
    return TRUE;

  /* Translators: the first %s names a field ("Start time"), the second is what was typed. */
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not a time; write it as HH:MM on the 24-hour clock, for "
                 "example 14:30."), label, value);
  return FALSE;
}

gboolean
_hs_check_length (const char  *value,
                  const char  *label,
                  glong        max,
                  GError     **error)
{
  glong length;

  if (value == NULL)
    return TRUE;
  length = g_utf8_strlen (value, -1);
  if (length <= max)
    return TRUE;
  /* Translators: a field ("Full name"), its length, then the most it may have. */
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
               _("%s: the text is %ld characters long; write at most %ld."),
               label, length, max);
  return FALSE;
}

gboolean
_hs_check_choice (const char          *value,
                  const char * const  *allowed,
                  const char          *label,
                  GError             **error)
{
  g_autofree char *list = NULL;

  if (value == NULL || g_strv_contains (allowed, value))
    return TRUE;

  list = g_strjoinv (", ", (char **) allowed);
  /* Translators: a field ("Trauma level"), what was typed, then the values the
   * database stores, which stay in English: "none, mild, moderate, severe". */
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not one of the allowed values (%s)."), label, value, list);
  return FALSE;
}

gboolean
_hs_delete_audited (HsDatabase  *db,
                    const char  *table,
                    const char  *select_ids_sql,
                    const char  *delete_sql,
                    gint64       key_a,
                    gint64       key_b,
                    GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* Collected first: deleting while the select still steps over the same
   * table would make SQLite's visiting order undefined. */
  stmt = _hs_database_prepare (db, select_ids_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key_a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, key_b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Removing linked records"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *before = _hs_database_row_json (db, table, id);

      stmt = _hs_database_prepare (db, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        _hs_database_set_error (db, error, _("Removing linked records"));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE
          || !_hs_database_audit (db, HS_AUDIT_DELETE, table, id, before, NULL, error))
        return FALSE;
    }
  return TRUE;
}

void
_hs_object_set_string (gpointer     object,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

void
_hs_object_set_int64 (gpointer    object,
                      gint64     *field,
                      gint64      value,
                      GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

GParamSpec *
_hs_string_pspec (const char  *name,
                  const char  *default_value,
                  GParamFlags  flags)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              flags | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}
