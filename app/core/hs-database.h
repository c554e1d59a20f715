/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HS_DATABASE_ERROR (hs_database_error_quark ())

typedef enum
{
  HS_DATABASE_ERROR_OPEN,
  HS_DATABASE_ERROR_NEWER,
  HS_DATABASE_ERROR_DAMAGED,
  HS_DATABASE_ERROR_NOT_EMPTY,
  HS_DATABASE_ERROR_INVALID,
  HS_DATABASE_ERROR_NOT_FOUND,
  HS_DATABASE_ERROR_FAILED,
} HsDatabaseError;

/* The schema version this build writes; PRAGMA user_version of a current file. */
#define HS_SCHEMA_VERSION 1

#define HS_TYPE_DATABASE (hs_database_get_type ())
G_DECLARE_FINAL_TYPE (HsDatabase, hs_database, HS, DATABASE, GObject)

GQuark      hs_database_error_quark        (void);

char       *hs_database_default_path       (void);
char       *hs_database_demo_path          (void);

HsDatabase *hs_database_open               (const char  *path,
                                            GError     **error);
HsDatabase *hs_database_open_reader        (HsDatabase    *db,
                                            GCancellable  *cancellable,
                                            GError       **error);
const char *hs_database_get_path           (HsDatabase  *self);
int         hs_database_get_schema_version (HsDatabase  *self);
gboolean    hs_database_is_empty           (HsDatabase  *self);

/* Changes whenever another program (the CLI, a second window) commits to the
 * file; the app polls it to know when to refresh. */
gint64      hs_database_get_data_version   (HsDatabase  *self);

gboolean    hs_database_begin              (HsDatabase  *self,
                                            GError     **error);
gboolean    hs_database_commit             (HsDatabase  *self,
                                            GError     **error);
void        hs_database_rollback           (HsDatabase  *self);

char       *hs_database_get_setting        (HsDatabase  *self,
                                            const char  *key);
gboolean    hs_database_set_setting        (HsDatabase  *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);

gint64      hs_database_find_district      (HsDatabase  *self,
                                            const char  *name);
gint64      hs_database_find_facility      (HsDatabase  *self,
                                            const char  *name);

gboolean    hs_database_check_file         (const char  *path,
                                            GString     *report,
                                            GError     **error);

G_END_DECLS
