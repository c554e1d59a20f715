/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-database"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "hs-database-private.h"
#include "hs-domain-private.h"

/* "HSPC": marks a file as ours, so that any other SQLite file is refused. */

struct _HsDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;
  int         schema_version;
  gboolean    redacting;
  gboolean    opened;           /* open succeeded: a clean close is recorded */
  gboolean    checked_on_open;  /* PRAGMA quick_check ran when it was opened */
  gboolean    reader;           /* hs_database_open_reader(): read-only, no check */
  GCancellable *cancellable;    /* a reader's queries stop when it is cancelled */
};

G_DEFINE_FINAL_TYPE (HsDatabase, hs_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (hs-database-error-quark, hs_database_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* PRAGMA quick_check reads the whole file: seconds at a million people.
 * It is skipped when the file is exactly as this user's last clean close
 * left it (same inode, size and modification time, and no write-ahead log
 * waiting): anything that wrote to it since, a crash included, makes it
 * run again. */
static char *
clean_close_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "healing-spaces", "clean-close.ini", NULL);
}

static char *
file_identity (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st, wal_st;

  if (g_stat (path, &st) != 0)
    return NULL;
  if (g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0)
    return NULL;
  return g_strdup_printf ("%lu:%lu:%" G_GINT64_FORMAT ":%ld.%09ld", (gulong) st.st_dev,
                          (gulong) st.st_ino, (gint64) st.st_size, (long) st.st_mtim.tv_sec,
                          (long) st.st_mtim.tv_nsec);
}

static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *marker = clean_close_path ();
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *identity = file_identity (path);
  g_autofree char *recorded = NULL;

  if (identity == NULL || !g_key_file_load_from_file (keys, marker, G_KEY_FILE_NONE, NULL))
    return FALSE;
  recorded = g_key_file_get_string (keys, "clean-close", path, NULL);
  return g_strcmp0 (recorded, identity) == 0;
}

static void
record_clean_close (const char *path)
{
  g_autofree char *marker = clean_close_path ();
  g_autofree char *dir = g_path_get_dirname (marker);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *identity = file_identity (path);
  g_autofree char *lock_path = g_strconcat (marker, ".lock", NULL);
  g_autofree char *data = NULL;
  gsize length;
  int lock;

  if (identity == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    return;
  /* The app and the CLI may close at the same moment: the marks are read,
   * changed and written back under a lock, so that neither loses the
   * other's. Without the lock it still works, at worst with one more check. */
  lock = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock >= 0)
    while (flock (lock, LOCK_EX) != 0 && errno == EINTR)
      ;
  if (g_key_file_load_from_file (keys, marker, G_KEY_FILE_NONE, NULL))
    {
      g_auto(GStrv) paths = g_key_file_get_keys (keys, "clean-close", NULL, NULL);

      /* Files deleted since (temporary ones, old copies) are forgotten. */
      for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
        if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
          g_key_file_remove_key (keys, "clean-close", paths[i], NULL);
    }
  g_key_file_set_string (keys, "clean-close", path, identity);
  data = g_key_file_to_data (keys, &length, NULL);
  /* Best effort: without the mark the next open checks the file. */
  g_file_set_contents_full (marker, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
  if (lock >= 0)
    close (lock);  /* and the lock with it */
}

static void
hs_database_finalize (GObject *object)
{
  HsDatabase *self = HS_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  if (self->db != NULL)
    {
      /* SQLITE_BUSY: a statement is still open; the handle closes when it
       * is finalized, and the close is not known to be clean. */
      if (sqlite3_close (self->db) == SQLITE_OK)
        {
          if (self->opened)
            record_clean_close (self->path);
        }
      else
        sqlite3_close_v2 (self->db);
    }
  g_free (self->path);

  G_OBJECT_CLASS (hs_database_parent_class)->finalize (object);
}

static void
hs_database_class_init (HsDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_database_finalize;
}

static void
hs_database_init (HsDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

char *
hs_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "healing-spaces", "healing-spaces.db", NULL);
}

char *
hs_database_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "healing-spaces", "demo.db", NULL);
}

void
_hs_database_set_error (HsDatabase  *self,
                        GError     **error,
                        const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);

  if (code == SQLITE_FULL)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_FAILED,
                 _("The disk is full: %s could not be saved. Free some space and try again."),
                 what);
  else if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("%s was refused because it breaks a rule of the data (%s)."),
                 what, sqlite3_errmsg (self->db));
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_FAILED,
                 _("%s failed: another program is writing to the database. Try again in a moment."),
                 what);
  else
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_FAILED,
                 _("%s failed: %s"), what, sqlite3_errmsg (self->db));
}

sqlite3 *
_hs_database_get_handle (HsDatabase *self)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), NULL);
  return self->db;
}

/* Statements are cached by their SQL text and handed out reset; callers
 * must not finalize them and must be done with one before preparing it again. */
sqlite3_stmt *
_hs_database_prepare (HsDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_FAILED,
                   "SQL error: %s", sqlite3_errmsg (self->db));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_hs_database_exec (HsDatabase  *self,
                   const char  *sql,
                   GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      _hs_database_set_error (self, error, _("Saving"));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

char *
_hs_database_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
append_json_string (GString    *out,
                    const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* The whole row as a JSON object, for the audit log's before/after. */
char *
_hs_database_row_json (HsDatabase *self,
                       const char *table,
                       gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?", table);
  sqlite3_stmt *stmt = _hs_database_prepare (self, sql, NULL);
  GString *out;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  out = g_string_new ("{");
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, sqlite3_column_name (stmt, i));
      g_string_append_c (out, ':');
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          g_string_append (out, "null");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, i)));
          }
          break;
        default:
          append_json_string (out, (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }
  g_string_append_c (out, '}');
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

gboolean
_hs_database_audit (HsDatabase     *self,
                    HsAuditAction   action,
                    const char     *table,
                    gint64          row_id,
                    const char     *before_json,
                    const char     *after_json,
                    GError        **error)
{
  static const char * const actions[] = { "insert", "update", "delete" };
  g_autofree char *now = _hs_database_now ();
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (self,
                               "INSERT INTO audit_log (at, actor, action, table_name, row_id,"
                               " before, after) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, actions[action], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, row_id);
  sqlite3_bind_text (stmt, 6, before_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, after_json, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _hs_database_set_error (self, error, _("Writing the audit log"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Every core write runs inside a savepoint so that the change and its audit
 * entry land together, also when nested in a caller's transaction. */
gboolean
_hs_database_write_begin (HsDatabase  *self,
                          GError     **error)
{
  return _hs_database_exec (self, "SAVEPOINT hs_write", error);
}

gboolean
_hs_database_write_end (HsDatabase  *self,
                        gboolean     ok,
                        GError     **error)
{
  if (ok)
    {
      if (_hs_database_exec (self, "RELEASE hs_write", error))
        return TRUE;
    }
  sqlite3_exec (self->db, "ROLLBACK TO hs_write; RELEASE hs_write", NULL, NULL, NULL);
  return FALSE;
}

gboolean
hs_database_begin (HsDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), FALSE);
  return _hs_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
hs_database_commit (HsDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), FALSE);
  if (_hs_database_exec (self, "COMMIT", error))
    return TRUE;
  hs_database_rollback (self);
  return FALSE;
}

void
hs_database_rollback (HsDatabase *self)
{
  g_return_if_fail (HS_IS_DATABASE (self));
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          *rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Created 0600 before SQLite opens it: SQLite gives its WAL the same mode. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("Could not create the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Refuses, without writing a byte, any file that is not a healthy Healing
 * Spaces database of a version this build knows. */
static gboolean
check_readable (HsDatabase  *self,
                GError     **error)
{
  int rc;
  gint64 app_id, version = 0, tables = 0;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  app_id = query_int (self->db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = query_int (self->db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    tables = query_int (self->db, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_DAMAGED,
                   _("%s is damaged or is not a Healing Spaces database. Restore it from a "
                     "backup, or open another file."), self->path);
      return FALSE;
    }
  if (rc == SQLITE_BUSY)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("%s is locked by another program. Close it and try again."), self->path);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("Could not read %s: %s"), self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (app_id != HS_APPLICATION_ID && (app_id != 0 || tables > 0))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_DAMAGED,
                   _("%s is not a Healing Spaces database. Open another file."), self->path);
      return FALSE;
    }
  if (version > HS_SCHEMA_VERSION)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NEWER,
                   _("%s was written by a newer version of Healing Spaces (data version %d; "
                     "this version knows %d). Update Healing Spaces to open it."),
                   self->path, (int) version, HS_SCHEMA_VERSION);
      return FALSE;
    }
  self->schema_version = (int) version;

  /* A reader's file is already open, checked and migrated in this process. */
  if (self->reader || closed_cleanly (self->path))
    return TRUE;
  self->checked_on_open = TRUE;
  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_DAMAGED,
                   _("%s is damaged. Healing Spaces will not write to it: restore it from a "
                     "backup."), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (HsDatabase  *self,
         GError     **error)
{
  for (int v = self->schema_version; v < HS_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = NULL;

      if (!_hs_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     v + 1, HS_APPLICATION_ID);
      if (!_hs_database_exec (self, _hs_schema_migrations[v], error)
          || !_hs_database_exec (self, set_version, error)
          || !_hs_database_exec (self, "COMMIT", error))
        {
          hs_database_rollback (self);
          g_prefix_error (error, _("Updating the database to data version %d failed: "), v + 1);
          return FALSE;
        }
      self->schema_version = v + 1;
    }
  return TRUE;
}

/* Read by the audit log's trigger: only _hs_database_redact_audit may
 * rewrite old entries. */
static void
redacting_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  HsDatabase *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->redacting);
}

HsDatabase *
hs_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(HsDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HS_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_file (path, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("%s is a folder, not a database file."), path);
      return NULL;
    }

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("Could not open %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_readable (self, error))
    return NULL;

  if (!_hs_database_exec (self,
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA trusted_schema = OFF;"
                          "PRAGMA secure_delete = ON;", error))
    return NULL;
  sqlite3_create_function (self->db, "hs_redacting", 0,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, self,
                           redacting_function, NULL, NULL);

  if (!migrate (self, error))
    return NULL;

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

static int
reader_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* A second, read-only connection to @db's file, for work off the main
 * thread (one thread at a time: the dashboard's figures). It sees what was
 * committed when each of its queries starts; cancelling @cancellable makes
 * the running query fail at once. */
HsDatabase *
hs_database_open_reader (HsDatabase    *db,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(HsDatabase) self = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (HS_TYPE_DATABASE, NULL);
  self->path = g_strdup (db->path);
  self->reader = TRUE;
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("Could not open %s: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      sqlite3_progress_handler (self->db, 10000, reader_progress_cb, cancellable);
    }
  if (!check_readable (self, error)
      || !_hs_database_exec (self, "PRAGMA trusted_schema = OFF;", error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
_hs_database_checked_on_open (HsDatabase *self)
{
  return self->checked_on_open;
}

const char *
hs_database_get_path (HsDatabase *self)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), NULL);
  return self->path;
}

int
hs_database_get_schema_version (HsDatabase *self)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), 0);
  return self->schema_version;
}

gint64
hs_database_get_data_version (HsDatabase *self)
{
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (self), 0);
  return query_int (self->db, "PRAGMA data_version", &rc);
}

gboolean
hs_database_is_empty (HsDatabase *self)
{
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (self), TRUE);
  return query_int (self->db,
                    "SELECT EXISTS (SELECT 1 FROM participant) OR EXISTS (SELECT 1 FROM hgroup)"
                    " OR EXISTS (SELECT 1 FROM facilitator)", &rc) == 0;
}

char *
hs_database_get_setting (HsDatabase *self,
                         const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (self), NULL);
  stmt = _hs_database_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static char *
setting_json (const char *key,
              const char *value)
{
  GString *out = g_string_new ("{\"key\":");

  append_json_string (out, key);
  g_string_append (out, ",\"value\":");
  if (value != NULL)
    append_json_string (out, value);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

gboolean
hs_database_set_setting (HsDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autofree char *old = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  /* Names and titles printed on certificates, and file paths: none is longer. */
  if (!_hs_check_length (value, _("Setting"), HS_SETTING_MAX_CHARS, error))
    return FALSE;
  old = hs_database_get_setting (self, key);
  if (!_hs_database_write_begin (self, error))
    return FALSE;
  stmt = _hs_database_prepare (self,
                               "INSERT INTO setting (key, value) VALUES (?, ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _hs_database_set_error (self, error, _("Saving a setting"));
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      before = old != NULL ? setting_json (key, old) : NULL;
      after = setting_json (key, value);
      ok = _hs_database_audit (self, old ? HS_AUDIT_UPDATE : HS_AUDIT_INSERT, "setting", 0,
                               before, after, error);
    }
  return _hs_database_write_end (self, ok, error);
}

static gint64
find_by_name (HsDatabase *self,
              const char *sql,
              const char *name)
{
  sqlite3_stmt *stmt = _hs_database_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL || name == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
hs_database_find_district (HsDatabase *self,
                           const char *name)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), 0);
  return find_by_name (self, "SELECT id FROM district WHERE name = ? COLLATE NOCASE", name);
}

gint64
hs_database_find_facility (HsDatabase *self,
                           const char *name)
{
  g_return_val_if_fail (HS_IS_DATABASE (self), 0);
  return find_by_name (self, "SELECT id FROM facility WHERE name = ? COLLATE NOCASE", name);
}

static void
append_pragma_rows (sqlite3    *db,
                    const char *sql,
                    GString    *report,
                    gboolean   *clean,
                    const char *ok_text)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      *clean = FALSE;
      g_string_append_printf (report, "%s\n", sqlite3_errmsg (db));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *first = (const char *) sqlite3_column_text (stmt, 0);

      if (ok_text != NULL && g_strcmp0 (first, ok_text) == 0)
        continue;
      *clean = FALSE;
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (report, "%s%s", i ? " " : "",
                                (const char *) sqlite3_column_text (stmt, i) ?: "");
      g_string_append_c (report, '\n');
    }
  if (sqlite3_errcode (db) != SQLITE_OK && sqlite3_errcode (db) != SQLITE_DONE
      && sqlite3_errcode (db) != SQLITE_ROW)
    {
      *clean = FALSE;
      g_string_append_printf (report, "%s\n", sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
}

/* Read-only check for the CLI's `check`: opens nothing for writing. */
gboolean
hs_database_check_file (const char  *path,
                        GString     *report,
                        GError     **error)
{
  g_autoptr(HsDatabase) self = NULL;
  gboolean clean = TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("%s does not exist."), path);
      return FALSE;
    }
  self = g_object_new (HS_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_OPEN,
                   _("Could not open %s: %s"), path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!check_readable (self, error))
    return FALSE;

  append_pragma_rows (self->db, "PRAGMA integrity_check", report, &clean, "ok");
  append_pragma_rows (self->db, "PRAGMA foreign_key_check", report, &clean, NULL);
  if (!clean)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_DAMAGED,
                   _("%s has problems; restore it from a backup."), path);
      return FALSE;
    }
  if (self->schema_version < HS_SCHEMA_VERSION)
    g_string_append_printf (report, _("Data version %d; it will be updated to %d when opened.\n"),
                            self->schema_version, HS_SCHEMA_VERSION);
  return TRUE;
}

/* Blanks the before/after values of every audit entry about one row, for
 * erasure; the entries themselves (who, when, what kind) stay. */
gboolean
_hs_database_redact_audit (HsDatabase  *self,
                           const char  *table,
                           gint64       row_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _hs_database_prepare (self,
                               "UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL"
                               " ELSE '{\"erased\":true}' END, after = CASE WHEN after IS NULL"
                               " THEN NULL ELSE '{\"erased\":true}' END"
                               " WHERE table_name = ? AND row_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  self->redacting = TRUE;
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  self->redacting = FALSE;
  if (!ok)
    _hs_database_set_error (self, error, _("Erasing old values from the audit log"));
  sqlite3_reset (stmt);
  return ok;
}
