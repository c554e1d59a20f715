/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Restoring any bytes as a backup, plain or encrypted: header checks,
 * decryption of the stream, the database checks of the decrypted copy.
 * Nothing may crash, and a failed restore must leave no file behind. The
 * seeds (tests/fuzz/corpus/backup) are backups of an empty database
 * encrypted with the cheapest Argon2id cost, written by `fuzz-backup-seeds`;
 * inputs asking for a dearer cost are skipped so every run stays fast (the
 * limits on cost are unit-tested in test-backup). */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "hs-backup.h"

#define PASSPHRASE "fuzz passphrase"
#define HEADER_OPSLIMIT 28
#define HEADER_MEMLIMIT 36

static guint64
get_u64 (const uint8_t *in)
{
  guint64 value = 0;

  for (int i = 7; i >= 0; i--)
    value = (value << 8) | in[i];
  return value;
}

static int
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  int n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = g_build_filename (fuzz_tmp_dir (), "restore", NULL);
  g_autofree char *db_path = g_build_filename (dir, "restored.db", NULL);
  g_autofree char *aside = NULL;
  const char *path;
  gboolean ok;

  if (size >= HEADER_MEMLIMIT + 8 && memcmp (data, "HSBACKUP", 8) == 0
      && (get_u64 (data + HEADER_OPSLIMIT) > 1 || get_u64 (data + HEADER_MEMLIMIT) > 65536))
    return 0;
  path = fuzz_write_input (data, size, ".hsbackup");
  g_mkdir_with_parents (dir, 0700);
  ok = hs_backup_restore (path, db_path, PASSPHRASE, &aside, NULL);
  if (!ok && count_files (dir) != 0)
    {
      fprintf (stderr, "fuzz: a failed restore left files behind\n");
      abort ();
    }
  if (ok)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_remove (db_path);
      g_remove (wal);
      g_remove (shm);
    }
  return 0;
}
