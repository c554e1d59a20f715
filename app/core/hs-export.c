/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-export"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "hs-database-private.h"
#include "hs-export.h"
#include "hs-participant-private.h"

/* A spreadsheet's last row (the header takes one). */
#define XLSX_MAX_ROWS 1048575

typedef enum
{
  KIND_TEXT,
  KIND_NUMBER,
  KIND_DATE,
} Kind;

typedef struct
{
  const char *header;
  Kind        kind;
  double      width;
} Column;

typedef struct
{
  const char   *name;
  const char   *sheet;
  const Column *columns;
  guint         n_columns;
  const char   *sql;
} Table;

static const Column participant_columns[] = {
  { "name", KIND_TEXT, 28 }, { "sex", KIND_TEXT, 5 }, { "birth_year", KIND_NUMBER, 10 },
  { "age_band", KIND_TEXT, 9 }, { "phone", KIND_TEXT, 15 }, { "national_id", KIND_TEXT, 18 },
  { "district", KIND_TEXT, 12 }, { "sector", KIND_TEXT, 12 }, { "cell", KIND_TEXT, 12 },
  { "village", KIND_TEXT, 14 }, { "category", KIND_TEXT, 12 }, { "facility", KIND_TEXT, 22 },
  { "group", KIND_TEXT, 24 }, { "outcome", KIND_TEXT, 11 }, { "uuid", KIND_TEXT, 37 },
};

static const Column attendance_columns[] = {
  { "group", KIND_TEXT, 24 }, { "session", KIND_NUMBER, 8 }, { "date", KIND_DATE, 11 },
  { "status", KIND_TEXT, 10 }, { "name", KIND_TEXT, 28 }, { "sex", KIND_TEXT, 5 },
  { "national_id", KIND_TEXT, 18 }, { "mark", KIND_TEXT, 9 },
};

static const Column graduate_columns[] = {
  { "name", KIND_TEXT, 28 }, { "sex", KIND_TEXT, 5 }, { "birth_year", KIND_NUMBER, 10 },
  { "age_band", KIND_TEXT, 9 }, { "district", KIND_TEXT, 12 }, { "setting", KIND_TEXT, 10 },
  { "facility", KIND_TEXT, 22 }, { "group", KIND_TEXT, 24 },
  { "graduation_date", KIND_DATE, 15 }, { "certificate", KIND_TEXT, 16 },
};

static const Table tables[] = {
  { "participants", N_("Participants"), participant_columns, G_N_ELEMENTS (participant_columns),
    "SELECT p.full_name, p.sex, p.birth_year, p.age_band, p.phone, p.national_id, d.name,"
    " p.sector, p.cell, p.village, p.category, f.name,"
    " (SELECT g.name FROM membership m JOIN hgroup g ON g.id = m.group_id"
    "   WHERE m.participant_id = p.id ORDER BY m.id DESC LIMIT 1),"
    " (SELECT m.outcome FROM membership m WHERE m.participant_id = p.id"
    "   ORDER BY m.id DESC LIMIT 1),"
    " p.uuid"
    " FROM participant p LEFT JOIN district d ON d.id = p.district_id"
    " LEFT JOIN facility f ON f.id = p.facility_id"
    " WHERE " HS_SQL_SHAREABLE " ORDER BY p.id" },
  { "attendance", N_("Attendance"), attendance_columns, G_N_ELEMENTS (attendance_columns),
    "SELECT g.name, s.number, s.date, s.status, p.full_name, p.sex, p.national_id, a.mark"
    " FROM attendance a JOIN session s ON s.id = a.session_id"
    " JOIN hgroup g ON g.id = s.group_id JOIN participant p ON p.id = a.participant_id"
    " WHERE " HS_SQL_SHAREABLE " ORDER BY g.name, s.number, p.full_name" },
  { "graduates", N_("Graduates"), graduate_columns, G_N_ELEMENTS (graduate_columns),
    "SELECT p.full_name, p.sex, p.birth_year, p.age_band, d.name, g.setting, f.name, g.name,"
    " COALESCE (m.left_date, g.graduation_date),"
    " (SELECT c.serial FROM certificate c WHERE c.participant_id = p.id"
    "   AND c.group_id = g.id AND c.reprint_of IS NULL AND c.voided IS NULL)"
    " FROM membership m JOIN participant p ON p.id = m.participant_id"
    " JOIN hgroup g ON g.id = m.group_id LEFT JOIN district d ON d.id = g.district_id"
    " LEFT JOIN facility f ON f.id = g.facility_id"
    " WHERE m.outcome = 'graduated' AND " HS_SQL_SHAREABLE
    " ORDER BY d.name, g.name, p.full_name" },
};

gboolean
hs_export_what_from_string (const char   *name,
                            HsExportWhat *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_strcmp0 (name, tables[i].name) == 0)
        {
          *what = (HsExportWhat) i;
          return TRUE;
        }
    }
  return FALSE;
}

void
hs_export_append_csv_cell (GString    *out,
                           const char *value)
{
  gboolean defuse, quote;

  if (value == NULL)
    return;
  defuse = value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, ",;\"\r\n\t") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (defuse)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* Writing ------------------------------------------------------------------- */

typedef struct
{
  const Table    *table;
  FILE           *csv;
  GString        *line;
  lxw_workbook   *workbook;
  lxw_worksheet  *sheet;
  lxw_format     *bold;
  lxw_format     *date;
  guint           rows;
} Writer;

static gboolean
csv_flush (Writer  *writer,
           GError **error)
{
  gboolean ok = fwrite (writer->line->str, 1, writer->line->len, writer->csv)
                == writer->line->len;

  g_string_truncate (writer->line, 0);
  if (!ok)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Could not write the export: %s"), g_strerror (errno));
  return ok;
}

static gboolean
xlsx_failed (lxw_error  code,
             GError   **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the spreadsheet: %s"),
               lxw_strerror (code));
  return FALSE;
}

static gboolean
write_header (Writer  *writer,
              GError **error)
{
  const Table *table = writer->table;

  if (writer->csv != NULL)
    {
      g_string_append (writer->line, "\xEF\xBB\xBF");
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (writer->line, ',');
          hs_export_append_csv_cell (writer->line, table->columns[c].header);
        }
      g_string_append (writer->line, "\r\n");
      return csv_flush (writer, error);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      worksheet_set_column (writer->sheet, c, c, table->columns[c].width,
                            table->columns[c].kind == KIND_DATE ? writer->date : NULL);
      worksheet_write_string (writer->sheet, 0, c, table->columns[c].header, writer->bold);
    }
  worksheet_freeze_panes (writer->sheet, 1, 0);
  return TRUE;
}

static gboolean
parse_iso_date (const char   *value,
                lxw_datetime *date)
{
  unsigned y, m, d;
  char tail;

  if (value == NULL || sscanf (value, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y) || y < 1900)
    return FALSE;
  *date = (lxw_datetime) { (int) y, (int) m, (int) d, 0, 0, 0.0 };
  return TRUE;
}

static gboolean
write_row (Writer        *writer,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  const Table *table = writer->table;
  lxw_row_t row = writer->rows + 1;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, (int) c);
      lxw_datetime date;
      lxw_error rc = LXW_NO_ERROR;

      if (writer->csv != NULL)
        {
          if (c > 0)
            g_string_append_c (writer->line, ',');
          hs_export_append_csv_cell (writer->line, text);
          continue;
        }
      if (text == NULL)
        continue;
      if (table->columns[c].kind == KIND_NUMBER && sqlite3_column_type (stmt, c) == SQLITE_INTEGER)
        rc = worksheet_write_number (writer->sheet, row, c,
                                     (double) sqlite3_column_int64 (stmt, (int) c), NULL);
      else if (table->columns[c].kind == KIND_DATE && parse_iso_date (text, &date))
        rc = worksheet_write_datetime (writer->sheet, row, c, &date, writer->date);
      else
        rc = worksheet_write_string (writer->sheet, row, c, text, NULL);
      if (rc != LXW_NO_ERROR)
        return xlsx_failed (rc, error);
    }
  writer->rows++;
  if (writer->csv != NULL)
    {
      g_string_append (writer->line, "\r\n");
      if (writer->line->len > 64 * 1024)
        return csv_flush (writer, error);
    }
  return TRUE;
}

static gboolean
open_writer (Writer          *writer,
             HsExportFormat   format,
             const char      *path,
             GError         **error)
{
  if (format == HS_EXPORT_CSV)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

      if (fd < 0 || (writer->csv = fdopen (fd, "wb")) == NULL)
        {
          int saved = errno;
          if (fd >= 0)
            close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      writer->line = g_string_sized_new (128 * 1024);
      return TRUE;
    }
  {
    lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };

    writer->workbook = workbook_new_opt (path, &options);
  }
  if (writer->workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create %s."), path);
      return FALSE;
    }
  writer->sheet = workbook_add_worksheet (writer->workbook, _(writer->table->sheet));
  writer->bold = workbook_add_format (writer->workbook);
  format_set_bold (writer->bold);
  writer->date = workbook_add_format (writer->workbook);
  format_set_num_format (writer->date, "dd/mm/yyyy");
  return TRUE;
}

static gboolean
close_writer (Writer      *writer,
              const char  *path,
              gboolean     ok,
              GError     **error)
{
  if (writer->csv != NULL)
    {
      ok = ok && csv_flush (writer, error);
      if (ok && (fflush (writer->csv) != 0 || fsync (fileno (writer->csv)) != 0))
        ok = FALSE, g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("Could not write %s: %s"), path, g_strerror (errno));
      fclose (writer->csv);
      g_string_free (writer->line, TRUE);
      return ok;
    }
  if (ok && writer->rows > 0)
    worksheet_autofilter (writer->sheet, 0, 0, writer->rows, writer->table->n_columns - 1);
  if (writer->workbook != NULL)
    {
      lxw_error rc = workbook_close (writer->workbook);

      if (ok && rc != LXW_NO_ERROR)
        ok = xlsx_failed (rc, error);
    }
  return ok;
}

gboolean
hs_export_write (HsDatabase      *db,
                 HsExportWhat     what,
                 HsExportFormat   format,
                 const char      *path,
                 guint           *n_rows,
                 GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  Writer writer = { &tables[what], };
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc = SQLITE_DONE;
  int fd;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (what < G_N_ELEMENTS (tables), FALSE);

  dir = g_path_get_dirname (path);
  temp = g_build_filename (dir, ".hs-export-XXXXXX", NULL);
  if ((fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create a file in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  ok = open_writer (&writer, format, temp, error) && write_header (&writer, error);
  /* One read transaction: the file is a consistent picture of one moment. */
  ok = ok && _hs_database_exec (db, "BEGIN", error);
  if (ok && sqlite3_prepare_v2 (_hs_database_get_handle (db), writer.table->sql, -1, &stmt,
                                NULL) != SQLITE_OK)
    ok = FALSE, _hs_database_set_error (db, error, _("Reading the data to export"));
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (format == HS_EXPORT_XLSX && writer.rows >= XLSX_MAX_ROWS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("More than %d rows do not fit in a spreadsheet; export as CSV instead."),
                       XLSX_MAX_ROWS);
          ok = FALSE;
          break;
        }
      ok = write_row (&writer, stmt, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = FALSE, _hs_database_set_error (db, error, _("Reading the data to export"));
  sqlite3_finalize (stmt);
  hs_database_rollback (db);
  ok = close_writer (&writer, temp, ok, ok ? error : NULL) && ok;
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  if (ok && n_rows != NULL)
    *n_rows = writer.rows;
  return ok;
}
