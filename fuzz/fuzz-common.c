/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "hs-database-private.h"
#include "hs-csv-import.h"

static char *tmp_dir;
static HsDatabase *database;
static guint64 initial_digest;

static void
remove_tmp (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmp_dir == NULL || (dir = g_dir_open (tmp_dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

const char *
fuzz_tmp_dir (void)
{
  if (tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmp_dir = g_dir_make_tmp ("hs-fuzz-XXXXXX", &error);
      if (tmp_dir == NULL)
        g_error ("fuzz: %s", error->message);
      atexit (remove_tmp);
    }
  return tmp_dir;
}

/* Forty people in five districts: enough for the
 * duplicate checks to find candidates, small enough for thousands of inputs
 * a second (the sample programme's database made it 15). */
static void
fill (HsDatabase *db)
{
  static const char *const given[] = { "Alice", "Théogène", "Jean", "Marie", "Emmanuel",
                                       "Claudine", "Eric", "Émilienne" };
  static const char *const family[] = { "MUKAMANA", "Habimana", "Uwase", "Niyonzima",
                                        "Nkusi" };
  static const char *const districts[] = { "Musanze", "Nyabihu", "Ngoma", "Nyagatare",
                                           "Nyamagabe" };
  g_autoptr(GString) csv = g_string_new ("Full name,Sex,Birth year,District,Phone,National ID,"
                                         "Setting\n");
  g_autoptr(GError) error = NULL;
  HsImportResult result = { 0 };
  HsCsvImport *import;
  const char *path;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *id = i % 3 ? g_strdup ("")
                                  : g_strdup_printf ("1%04d%d%010d", 1950 + i, i % 2 ? 8 : 7, i);

      g_string_append_printf (csv, "%s %s,%s,%d,%s,07%08d,%s,community\n", family[i % 5],
                              given[i % 8], i % 2 ? "M" : "F", 1950 + i, districts[i % 5],
                              88000000 + i, id);
    }
  path = fuzz_write_input ((const uint8_t *) csv->str, csv->len, ".csv");
  if ((import = hs_csv_import_new (db, path, &error)) == NULL
      || !hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_IMPORT, FALSE, NULL, NULL, NULL,
                             &result, NULL, &error))
    g_error ("fuzz: %s", error->message);
  hs_csv_import_free (import);
}

HsDatabase *
fuzz_database (void)
{
  if (database == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fuzz_tmp_dir (), "fuzz.db", NULL);

      database = hs_database_open (path, &error);
      if (database == NULL)
        g_error ("fuzz: %s", error->message);
      fill (database);
      initial_digest = fuzz_database_digest (database);
    }
  return database;
}

const char *
fuzz_write_input (const uint8_t *data,
                  size_t         size,
                  const char    *suffix)
{
  static char *path;
  FILE *file;

  g_free (path);
  path = g_strdup_printf ("%s/input%s", fuzz_tmp_dir (), suffix);
  file = fopen (path, "wb");
  if (file == NULL || (size > 0 && fwrite (data, 1, size, file) != size) || fclose (file) != 0)
    g_error ("fuzz: could not write %s", path);
  return path;
}

static guint64
mix (guint64     hash,
     const void *bytes,
     int         n)
{
  const guint8 *p = bytes;

  /* FNV-1a, 64 bits. */
  for (int i = 0; i < n; i++)
    hash = (hash ^ p[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return hash;
}

guint64
fuzz_database_digest (HsDatabase *db)
{
  sqlite3 *handle = _hs_database_get_handle (db);
  sqlite3_stmt *tables;
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  if (sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &tables,
                          NULL) != SQLITE_OK)
    g_error ("fuzz: %s", sqlite3_errmsg (handle));
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows;

      if (sqlite3_prepare_v2 (handle, sql, -1, &rows, NULL) != SQLITE_OK)
        continue; /* FTS shadow tables that cannot be read directly */
      hash = mix (hash, sql, (int) strlen (sql));
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const void *blob = sqlite3_column_blob (rows, c);

            hash = mix (hash, blob, blob != NULL ? sqlite3_column_bytes (rows, c) : 0);
            hash = mix (hash, "|", 1);
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return hash;
}

void
fuzz_assert_unchanged (HsDatabase *db,
                       const char *what)
{
  if (fuzz_database_digest (db) != initial_digest)
    {
      fprintf (stderr, "fuzz: %s changed the database\n", what);
      abort ();
    }
}
