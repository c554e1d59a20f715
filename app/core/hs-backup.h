/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

#define HS_BACKUP_ERROR (hs_backup_error_quark ())

typedef enum
{
  HS_BACKUP_ERROR_FAILED,
  HS_BACKUP_ERROR_DAMAGED,      /* truncated, corrupted, or not a backup */
  HS_BACKUP_ERROR_PASSPHRASE,   /* wrong or missing passphrase */
} HsBackupError;

GQuark    hs_backup_error_quark (void);

/* Copies the whole database to @path with SQLite's backup API and checks
 * the copy (integrity_check) before it takes the name @path. With a
 * @passphrase the file is encrypted (Argon2id key, XChaCha20-Poly1305
 * secretstream); NULL writes a plain SQLite file. */
gboolean  hs_backup_create      (HsDatabase   *db,
                                 const char   *path,
                                 const char   *passphrase,
                                 GError      **error);

/* Whether @path is an encrypted backup (restore then needs a passphrase). */
gboolean  hs_backup_is_encrypted (const char  *path);

/* Replaces the database file @db_path by the backup @path after checking
 * the backup completely (decrypts, integrity and foreign keys, version).
 * The replaced database is kept beside it; @kept_aside gets its name (NULL
 * when there was none). Nothing changes when the backup is not good. The
 * database must not be open. */
gboolean  hs_backup_restore     (const char   *path,
                                 const char   *db_path,
                                 const char   *passphrase,
                                 char        **kept_aside,
                                 GError      **error);

/* The automatic daily backup: writes healing-spaces-YYYY-MM-DD.hsbackup in
 * @dir unless today's exists, then deletes the oldest beyond @keep. @made
 * gets the new file's path, or NULL when today's was already there. */
gboolean  hs_backup_daily       (HsDatabase   *db,
                                 const char   *dir,
                                 guint         keep,
                                 const char   *passphrase,
                                 char        **made,
                                 GError      **error);

G_END_DECLS
