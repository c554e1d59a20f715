/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the seeds of the backup fuzzer into DIR: a plain and an encrypted
 * backup of an empty database, the latter with the cheapest Argon2id cost
 * and fuzz-backup.c's passphrase. Usage: make-backup-seeds DIR */
#include <glib/gstdio.h>
#include <stdio.h>

#include "hs-backup.h"
#include "hs-backup-private.h"
#include "hs-database.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *sealed = NULL;
  g_autoptr(HsDatabase) db = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DIR\n", argv[0]);
      return 2;
    }
  tmp = g_dir_make_tmp ("hs-seeds-XXXXXX", &error);
  db_path = g_build_filename (tmp, "empty.db", NULL);
  plain = g_build_filename (argv[1], "plain.hsbackup", NULL);
  sealed = g_build_filename (argv[1], "encrypted.hsbackup", NULL);
  _hs_backup_set_kdf_cost (1, 8192);
  if ((db = hs_database_open (db_path, &error)) == NULL
      || !hs_backup_create (db, plain, NULL, &error)
      || !hs_backup_create (db, sealed, "fuzz passphrase", &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_clear_object (&db);
  g_remove (db_path);
  g_rmdir (tmp);
  return 0;
}
