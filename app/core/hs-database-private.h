/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* PRAGMA application_id of our files: "HSPC". */
#define HS_APPLICATION_ID 0x48535043

typedef enum
{
  HS_AUDIT_INSERT,
  HS_AUDIT_UPDATE,
  HS_AUDIT_DELETE,
} HsAuditAction;

sqlite3      *_hs_database_get_handle  (HsDatabase    *self);
sqlite3_stmt *_hs_database_prepare     (HsDatabase    *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _hs_database_exec        (HsDatabase    *self,
                                        const char    *sql,
                                        GError       **error);
void          _hs_database_set_error   (HsDatabase    *self,
                                        GError       **error,
                                        const char    *what);
char         *_hs_database_row_json    (HsDatabase    *self,
                                        const char    *table,
                                        gint64         id);
gboolean      _hs_database_write_begin (HsDatabase  *self,
                                        GError     **error);
gboolean      _hs_database_write_end   (HsDatabase  *self,
                                        gboolean     ok,
                                        GError     **error);
char         *_hs_database_now         (void);
gboolean      _hs_database_audit       (HsDatabase    *self,
                                        HsAuditAction  action,
                                        const char    *table,
                                        gint64         row_id,
                                        const char    *before_json,
                                        const char    *after_json,
                                        GError       **error);

gboolean      _hs_database_redact_audit (HsDatabase  *self,
                                         const char  *table,
                                         gint64       row_id,
                                         GError     **error);

/* Migrations, in hs-schema.c: the SQL that takes user_version N-1 to N. */
extern const char * const _hs_schema_migrations[];
extern const guint _hs_schema_n_migrations;

/* Whether PRAGMA quick_check ran when @self was opened (it does not when
 * the file is as this user's last clean close left it). */
gboolean _hs_database_checked_on_open (HsDatabase *self);

G_END_DECLS
