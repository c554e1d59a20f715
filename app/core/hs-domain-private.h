/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database-private.h"

G_BEGIN_DECLS

/* Internal to the core's domain files (participants, facilitators, groups,
 * sessions, memberships); not for the UI. */

/* Deletes the rows of @table whose ids @select_ids_sql returns (?1 bound to
 * @key_a and, when the query has a ?2, to @key_b) with @delete_sql
 * ("DELETE FROM … WHERE id = ?"), one audit row each. Run it between
 * _hs_database_write_begin () and _hs_database_write_end (). */
gboolean     _hs_delete_audited         (HsDatabase  *db,
                                         const char  *table,
                                         const char  *select_ids_sql,
                                         const char  *delete_sql,
                                         gint64       key_a,
                                         gint64       key_b,
                                         GError     **error);
/* NULL passes: emptiness is the caller's rule. @label names the field. */
gboolean     _hs_check_date             (const char  *value,
                                         const char  *label,
                                         GError     **error);
gboolean     _hs_check_time             (const char  *value,
                                         const char  *label,
                                         GError     **error);
gboolean     _hs_check_choice           (const char  *value,
                                         const char * const *allowed,
                                         const char  *label,
                                         GError     **error);
/* At most @max characters: a name pasted 100,000 times over is a mistake, and
 * would be printed on certificates and sign-in sheets. */
#define HS_NAME_MAX_CHARS 200
#define HS_NOTES_MAX_CHARS 10000
#define HS_SETTING_MAX_CHARS 4096
gboolean     _hs_check_length           (const char  *value,
                                         const char  *label,
                                         glong        max,
                                         GError     **error);

/* Text as given: NULL binds NULL. The value must live until the step. */
static inline void
_hs_bind_text (sqlite3_stmt *stmt,
               int           column,
               const char   *value)
{
  sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
}

/* A number, or NULL when it is @unset (ids and years: 0 is "not given"). */
static inline void
_hs_bind_number (sqlite3_stmt *stmt,
                 int           column,
                 gint64        value,
                 gint64        unset)
{
  if (value != unset)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

/* Property setters shared by the record objects (participant, facilitator,
 * group, session): each stores @value in @field and notifies @pspec only when
 * it changed. An empty string is stored as "not given", as the database
 * keeps it. */
void         _hs_object_set_string      (gpointer     object,
                                         char       **field,
                                         const char  *value,
                                         GParamSpec  *pspec);
void         _hs_object_set_int64       (gpointer     object,
                                         gint64      *field,
                                         gint64       value,
                                         GParamSpec  *pspec);
/* A read-write string property that notifies explicitly. */
GParamSpec  *_hs_string_pspec           (const char  *name,
                                         const char  *default_value,
                                         GParamFlags  flags);

G_END_DECLS
