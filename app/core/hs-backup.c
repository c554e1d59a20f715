/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-backup"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "hs-backup.h"
#include "hs-backup-private.h"
#include "hs-database-private.h"

G_DEFINE_QUARK (hs-backup-error-quark, hs_backup_error)

/* Encrypted file: magic, version, salt, Argon2id limits, a key check (so a
 * wrong passphrase is told apart from damage), the secretstream header, then
 * chunks of CHUNK_BYTES plaintext each; the last one is tagged FINAL, so a
 * truncated file is noticed. */
#define MAGIC "HSBACKUP"
#define FORMAT_VERSION 1
#define CHUNK_BYTES (64 * 1024)
#define KEY_CHECK_BYTES 16
/* Limits read from a file are bounded: a forged header must not make the
 * restore allocate gigabytes. */
#define MAX_MEMLIMIT ((guint64) 1024 * 1024 * 1024)
#define MAX_OPSLIMIT 16
/* Argon2id cost: about 0.3 s and 128 MB on an office PC, far above OWASP's
 * minimum (19 MB, 2 passes). Stored in each file, so it can grow later. */
#define KDF_OPSLIMIT 3
#define KDF_MEMLIMIT ((guint64) 128 * 1024 * 1024)

static guint64 kdf_opslimit = KDF_OPSLIMIT;
static guint64 kdf_memlimit = KDF_MEMLIMIT;

typedef struct
{
  char    magic[8];
  guint8  version;
  guint8  reserved[3];
  guint8  salt[crypto_pwhash_SALTBYTES];
  guint8  opslimit[8];
  guint8  memlimit[8];
  guint8  key_check[KEY_CHECK_BYTES];
  guint8  stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
} Header;

G_STATIC_ASSERT (sizeof (Header) == 8 + 4 + 16 + 8 + 8 + 16 + 24);

static gboolean
set_errno_error (GError     **error,
                 const char  *what,
                 const char  *path)
{
  int saved = errno;

  g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_FAILED, "%s %s: %s", what, path,
               g_strerror (saved));
  return FALSE;
}

static void
put_u64 (guint8  *out,
         guint64  value)
{
  for (int i = 0; i < 8; i++)
    out[i] = (guint8) (value >> (8 * i));
}

static guint64
get_u64 (const guint8 *in)
{
  guint64 value = 0;

  for (int i = 7; i >= 0; i--)
    value = (value << 8) | in[i];
  return value;
}

static gboolean
derive_key (const char    *passphrase,
            const Header  *header,
            guint8        *key,
            GError       **error)
{
  guint64 opslimit = get_u64 (header->opslimit);
  guint64 memlimit = get_u64 (header->memlimit);

  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > MAX_OPSLIMIT
      || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > MAX_MEMLIMIT)
    {
      g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_DAMAGED,
                   _("The backup's header is damaged; it cannot be restored."));
      return FALSE;
    }
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES,
                     passphrase, strlen (passphrase), header->salt, opslimit, (size_t) memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_FAILED,
                   _("Not enough memory to derive the key from the passphrase."));
      return FALSE;
    }
  return TRUE;
}

static void
compute_key_check (const guint8 *key,
                   guint8       *check)
{
  static const char label[] = "healing-spaces backup key check";

  crypto_generichash (check, KEY_CHECK_BYTES, (const guint8 *) label, sizeof label - 1,
                      key, crypto_secretstream_xchacha20poly1305_KEYBYTES);
}

static gboolean
sync_and_close (FILE        *file,
                const char  *path,
                GError     **error)
{
  gboolean ok = fflush (file) == 0 && fsync (fileno (file)) == 0;

  if (fclose (file) != 0)
    ok = FALSE;
  if (!ok)
    return set_errno_error (error, _("Could not write"), path);
  return TRUE;
}

static FILE *
create_private (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  FILE *file;

  if (fd < 0 || (file = fdopen (fd, "wb")) == NULL)
    {
      set_errno_error (error, _("Could not create"), path);
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  return file;
}

static gboolean
encrypt_file (const char  *plain_path,
              const char  *out_path,
              const char  *passphrase,
              GError     **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  g_autofree guint8 *in = g_malloc (CHUNK_BYTES);
  g_autofree guint8 *out = g_malloc (CHUNK_BYTES + crypto_secretstream_xchacha20poly1305_ABYTES);
  Header header = { MAGIC, FORMAT_VERSION, };
  FILE *source, *sink;
  gboolean ok = TRUE, last = FALSE;

  randombytes_buf (header.salt, sizeof header.salt);
  put_u64 (header.opslimit, kdf_opslimit);
  put_u64 (header.memlimit, kdf_memlimit);
  if (!derive_key (passphrase, &header, key, error))
    return FALSE;
  compute_key_check (key, header.key_check);
  crypto_secretstream_xchacha20poly1305_init_push (&state, header.stream_header, key);
  sodium_memzero (key, sizeof key);

  if ((source = g_fopen (plain_path, "rbe")) == NULL)
    return set_errno_error (error, _("Could not read"), plain_path);
  if ((sink = create_private (out_path, error)) == NULL)
    {
      fclose (source);
      return FALSE;
    }
  ok = fwrite (&header, sizeof header, 1, sink) == 1;
  while (ok && !last)
    {
      size_t n = fread (in, 1, CHUNK_BYTES, source);
      unsigned long long out_len;
      guint8 tag;

      last = n < CHUNK_BYTES;
      if (ferror (source))
        break;
      tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
      crypto_secretstream_xchacha20poly1305_push (&state, out, &out_len, in, n, NULL, 0, tag);
      ok = fwrite (out, 1, out_len, sink) == out_len;
    }
  ok = ok && !ferror (source);
  fclose (source);
  sodium_memzero (in, CHUNK_BYTES);
  if (!sync_and_close (sink, out_path, error))
    return FALSE;
  if (!ok)
    return set_errno_error (error, _("Could not write"), out_path);
  return TRUE;
}

static gboolean
damaged (GError **error)
{
  g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_DAMAGED,
               _("The backup is damaged or incomplete (it may have been cut short while "
                 "copying); it cannot be restored. Use another backup."));
  return FALSE;
}

static gboolean
decrypt_chunks (crypto_secretstream_xchacha20poly1305_state *state,
                FILE                                        *source,
                FILE                                        *sink,
                GError                                     **error)
{
  gsize in_size = CHUNK_BYTES + crypto_secretstream_xchacha20poly1305_ABYTES;
  g_autofree guint8 *in = g_malloc (in_size);
  g_autofree guint8 *out = g_malloc (CHUNK_BYTES);
  guint8 tag = 0;

  while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL)
    {
      size_t n = fread (in, 1, in_size, source);
      unsigned long long out_len;

      if (n == 0 || crypto_secretstream_xchacha20poly1305_pull (state, out, &out_len, &tag,
                                                                in, n, NULL, 0) != 0)
        return damaged (error);
      if (fwrite (out, 1, out_len, sink) != out_len)
        return set_errno_error (error, _("Could not write"), "");
      /* Anything after the final chunk was not written by a backup. */
      if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL && fgetc (source) != EOF)
        return damaged (error);
    }
  sodium_memzero (out, CHUNK_BYTES);
  return TRUE;
}

static gboolean
decrypt_file (const char  *path,
              const char  *out_path,
              const char  *passphrase,
              GError     **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 check[KEY_CHECK_BYTES];
  Header header;
  FILE *source, *sink;
  gboolean ok;

  if ((source = g_fopen (path, "rbe")) == NULL)
    return set_errno_error (error, _("Could not read"), path);
  if (fread (&header, sizeof header, 1, source) != 1
      || memcmp (header.magic, MAGIC, 8) != 0 || header.version != FORMAT_VERSION)
    {
      fclose (source);
      return damaged (error);
    }
  if (passphrase == NULL || !derive_key (passphrase, &header, key, error))
    {
      fclose (source);
      if (passphrase == NULL)
        g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_PASSPHRASE,
                     _("This backup is encrypted: give its passphrase."));
      return FALSE;
    }
  compute_key_check (key, check);
  if (sodium_memcmp (check, header.key_check, KEY_CHECK_BYTES) != 0
      || crypto_secretstream_xchacha20poly1305_init_pull (&state, header.stream_header, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      fclose (source);
      g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_PASSPHRASE,
                   _("The passphrase is wrong for this backup. Check it (letters are case "
                     "sensitive) and try again."));
      return FALSE;
    }
  sodium_memzero (key, sizeof key);
  if ((sink = create_private (out_path, error)) == NULL)
    {
      fclose (source);
      return FALSE;
    }
  ok = decrypt_chunks (&state, source, sink, error);
  fclose (source);
  return sync_and_close (sink, out_path, ok ? error : NULL) && ok;
}

gboolean
hs_backup_is_encrypted (const char *path)
{
  char magic[8];
  FILE *file = g_fopen (path, "rbe");
  gboolean encrypted;

  if (file == NULL)
    return FALSE;
  encrypted = fread (magic, 1, 8, file) == 8 && memcmp (magic, MAGIC, 8) == 0;
  fclose (file);
  return encrypted;
}

/* A file next to @path, so the final rename stays on one file system. */
static char *
temp_beside (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, template, NULL);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, _("Could not create a file in"), dir);
      g_free (temp);
      return NULL;
    }
  close (fd);
  return temp;
}

static gboolean
sqlite_failed (sqlite3     *db,
               const char  *what,
               GError     **error)
{
  g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_FAILED, "%s: %s", what,
               db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  return FALSE;
}

/* The online backup API, then the copy made a self-contained file
 * (rollback journal, not WAL) and checked. */
static gboolean
copy_database (sqlite3     *source,
               const char  *path,
               GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      sqlite_failed (copy, _("Could not create the backup"), error);
      sqlite3_close (copy);
      return FALSE;
    }
  backup = sqlite3_backup_init (copy, "main", source, "main");
  ok = backup != NULL && sqlite3_backup_step (backup, -1) == SQLITE_DONE;
  if (backup != NULL && sqlite3_backup_finish (backup) != SQLITE_OK)
    ok = FALSE;
  if (!ok)
    sqlite_failed (copy, _("Copying the database failed"), error);
  ok = ok && sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    {
      ok = sqlite3_prepare_v2 (copy, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
           && sqlite3_step (stmt) == SQLITE_ROW
           && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      sqlite3_finalize (stmt);
      if (!ok)
        g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_DAMAGED,
                     _("The copy did not pass the integrity check; the backup was not made. "
                       "Run “check” on the database."));
    }
  sqlite3_close (copy);
  return ok;
}

static gboolean
fsync_path (const char  *path,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;

  if (fd >= 0)
    close (fd);
  if (!ok)
    return set_errno_error (error, _("Could not write"), path);
  return TRUE;
}

void
_hs_backup_set_kdf_cost (guint64 opslimit,
                         guint64 memlimit)
{
  kdf_opslimit = opslimit != 0 ? opslimit : KDF_OPSLIMIT;
  kdf_memlimit = memlimit != 0 ? memlimit : KDF_MEMLIMIT;
}

gboolean
hs_backup_create (HsDatabase   *db,
                  const char   *path,
                  const char   *passphrase,
                  GError      **error)
{
  g_autofree char *plain = NULL;
  g_autofree char *sealed = NULL;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (sodium_init () < 0)
    return sqlite_failed (NULL, _("The encryption library could not start"), error);
  if ((plain = temp_beside (path, error)) == NULL)
    return FALSE;
  ok = copy_database (_hs_database_get_handle (db), plain, error);
  if (ok && passphrase != NULL)
    {
      ok = (sealed = temp_beside (path, error)) != NULL
           && encrypt_file (plain, sealed, passphrase, error);
      g_unlink (plain);
      if (ok && g_rename (sealed, path) != 0)
        ok = set_errno_error (error, _("Could not write"), path);
    }
  else if (ok)
    {
      ok = fsync_path (plain, error);
      if (ok && g_rename (plain, path) != 0)
        ok = set_errno_error (error, _("Could not write"), path);
    }
  if (!ok)
    {
      g_unlink (plain);
      if (sealed != NULL)
        g_unlink (sealed);
    }
  return ok;
}

static char *
aside_name (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);

  for (int i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.before-restore-%s-%d", db_path, stamp, i);
    }
  return aside;
}

/* @from's bytes into a new private file @to, synced. */
static gboolean
copy_bytes (const char  *from,
            const char  *to,
            GError     **error)
{
  g_autofree char *data = NULL;
  gsize size;

  if (!g_file_get_contents (from, &data, &size, error))
    return FALSE;
  if (!g_file_set_contents_full (to, data, (gssize) size, G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error))
    return FALSE;
  return TRUE;
}

static gboolean
copy_wal (const char  *db_path,
          const char  *aside,
          GError     **error)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);

  return !g_file_test (wal, G_FILE_TEST_EXISTS) || copy_bytes (wal, wal_aside, error);
}

/* The current file, WAL included, copied aside before anything is replaced. */
static gboolean
keep_aside (const char  *db_path,
            char       **kept_aside,
            GError     **error)
{
  g_autofree char *aside = NULL;
  g_autoptr(GError) copy_error = NULL;
  g_autoptr(GString) ignored = g_string_new (NULL);
  sqlite3 *current = NULL;
  gboolean ok;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  aside = aside_name (db_path);
  if (sqlite3_open_v2 (db_path, &current, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    ok = sqlite_failed (current, _("Could not open the current database"), &copy_error);
  else
    {
      sqlite3_busy_timeout (current, 5000);
      ok = copy_database (current, aside, &copy_error);
    }
  sqlite3_close (current);
  if (!ok && !hs_database_check_file (db_path, ignored, NULL))
    {
      /* A damaged file (the reason to restore, often) cannot be copied
       * through SQLite: keep its bytes as they are, WAL included. */
      g_unlink (aside);
      ok = copy_bytes (db_path, aside, error) && copy_wal (db_path, aside, error);
    }
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&copy_error));
  if (!ok)
    {
      g_unlink (aside);
      g_prefix_error (error, _("The current database could not be kept aside, so it was not "
                               "replaced: "));
      return FALSE;
    }
  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}

/* SQLite takes an empty file (or any database) for a database: a backup
 * must be one of ours, with our schema in it. */
static gboolean
is_healing_spaces_file (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ours = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                             " (SELECT user_version FROM pragma_user_version)", -1, &stmt,
                             NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ours = sqlite3_column_int (stmt, 0) == HS_APPLICATION_ID && sqlite3_column_int (stmt, 1) >= 1;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ours;
}

gboolean
hs_backup_restore (const char  *path,
                   const char  *db_path,
                   const char  *passphrase,
                   char       **kept_aside,
                   GError     **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) check_error = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL && db_path != NULL, FALSE);
  if (kept_aside != NULL)
    *kept_aside = NULL;
  if (sodium_init () < 0)
    return sqlite_failed (NULL, _("The encryption library could not start"), error);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_FAILED,
                   _("%s does not exist or is not a file."), path);
      return FALSE;
    }
  if ((temp = temp_beside (db_path, error)) == NULL)
    return FALSE;

  if (hs_backup_is_encrypted (path))
    ok = decrypt_file (path, temp, passphrase, error);
  else
    {
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) target = g_file_new_for_path (temp);

      ok = g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error)
           && fsync_path (temp, error);
    }
  if (ok && !is_healing_spaces_file (temp))
    {
      g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_DAMAGED,
                   _("%s is not a Healing Spaces backup, or it is damaged; it cannot be "
                     "restored. Use another backup."), path);
      ok = FALSE;
    }
  else if (ok && !hs_database_check_file (temp, report, &check_error))
    {
      if (g_error_matches (check_error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NEWER))
        g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_FAILED,
                     _("%s was made by a newer version of Healing Spaces. Update Healing "
                       "Spaces, then restore it."), path);
      else
        g_set_error (error, HS_BACKUP_ERROR, HS_BACKUP_ERROR_DAMAGED,
                     _("%s is not a Healing Spaces backup, or it is damaged; it cannot be "
                       "restored. Use another backup."), path);
      ok = FALSE;
    }
  ok = ok && keep_aside (db_path, kept_aside, error);
  if (ok)
    {
      /* A WAL left by the replaced file would be replayed into the new one. */
      wal = g_strconcat (db_path, "-wal", NULL);
      shm = g_strconcat (db_path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      if (g_rename (temp, db_path) != 0)
        ok = set_errno_error (error, _("Could not replace"), db_path);
    }
  if (!ok)
    {
      g_autofree char *journal = g_strconcat (temp, "-journal", NULL);

      g_unlink (temp);
      g_unlink (journal);
    }
  return ok;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
rotate (const char  *dir,
        guint        keep,
        GError     **error)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, "healing-spaces-") && g_str_has_suffix (name, ".hsbackup")
          && strlen (name) == strlen ("healing-spaces-YYYY-MM-DD.hsbackup"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; names->len > keep && i < names->len - keep; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (old);
    }
  return TRUE;
}

gboolean
hs_backup_daily (HsDatabase   *db,
                 const char   *dir,
                 guint         keep,
                 const char   *passphrase,
                 char        **made,
                 GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "healing-spaces-%Y-%m-%d.hsbackup");
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_return_val_if_fail (keep >= 1, FALSE);
  if (made != NULL)
    *made = NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, _("Could not create the folder"), dir);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!hs_backup_create (db, path, passphrase, error))
    return FALSE;
  if (made != NULL)
    *made = g_strdup (path);
  return rotate (dir, keep, error);
}
