/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-csv-import"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hs-csv-import.h"
#include "hs-domain-private.h"
#include "hs-group.h"
#include "hs-membership.h"
#include "hs-participant-private.h"
#include "hs-participant.h"

/* A spreadsheet row is a few hundred bytes; anything far beyond is not a
 * list of people, and must not make the importer eat the memory. */
#define MAX_FIELD_BYTES (64 * 1024)
#define MAX_ROW_BYTES (256 * 1024)
#define MAX_ROW_FIELDS 256
#define CHUNK_BYTES (256 * 1024)
/* Kept for display; the count of bad rows stays exact beyond it. */
#define MAX_PROBLEMS 5000

G_DEFINE_QUARK (hs-import-error-quark, hs_import_error)

struct _HsCsvImport
{
  HsDatabase    *db;
  char          *path;
  guint64        size;
  HsCsvEncoding  encoding;
  char           delimiter;
  gsize          bom;
  GPtrArray     *columns;   /* header names */
  GArray        *fields;    /* HsImportField per column */
  int            year;      /* this year, for ages */
  /* Cell text → id (as pointer), for one check or import: a query per row
   * was 5 % of the time of a big import. */
  GHashTable    *districts;
  GHashTable    *facilities;
};

static const struct
{
  const char *key;
  const char *label;
  /* Folded spellings: ASCII, lower case, letters and digits only. */
  const char *headers[8];
} field_info[HS_IMPORT_N_FIELDS] = {
  { "name", N_("Full name"), { "name", "fullname", "names", "amazina", "izina", "participant" } },
  { "sex", N_("Sex"), { "sex", "gender", "igitsina" } },
  { "birth_year", N_("Birth year"), { "birthyear", "yearofbirth", "born", "umwakawamavuko" } },
  { "age", N_("Age"), { "age", "imyaka" } },
  { "district", N_("District"), { "district", "akarere" } },
  { "sector", N_("Sector"), { "sector", "umurenge" } },
  { "cell", N_("Cell"), { "cell", "akagari" } },
  { "village", N_("Village"), { "village", "umudugudu" } },
  { "phone", N_("Phone"), { "phone", "telephone", "telefone", "phonenumber", "tel", "mobile" } },
  { "national_id", N_("National ID"), { "nationalid", "nid", "idnumber", "indangamuntu" } },
  { "category", N_("Category"), { "category", "icyiciro" } },
  { "group", N_("Group"), { "group", "groupname", "itsinda" } },
  { "setting", N_("Setting"), { "setting" } },
  { "age_band", N_("Age band"), { "ageband" } },
  { "facility", N_("Correctional facility"), { "facility", "prison", "gereza" } },
  { "outcome", N_("Outcome"), { "outcome" } },
  { "graduation_date", N_("Graduation date"), { "graduationdate", "graduated" } },
};

const char *
hs_import_field_get_key (HsImportField field)
{
  g_return_val_if_fail (field >= 0 && field < HS_IMPORT_N_FIELDS, NULL);
  return field_info[field].key;
}

const char *
hs_import_field_get_label (HsImportField field)
{
  g_return_val_if_fail (field >= 0 && field < HS_IMPORT_N_FIELDS, NULL);
  return _(field_info[field].label);
}

/* ASCII, lower case, only letters and digits: "Umwaka w'amavuko" and
 * "UMWAKA_W_AMAVUKO" compare equal. */
static char *
fold_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
    }
  return g_string_free (out, FALSE);
}

HsImportField
hs_import_field_from_header (const char *header)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (header != NULL, HS_IMPORT_FIELD_NONE);
  folded = fold_header (header);
  for (int f = 0; f < HS_IMPORT_N_FIELDS; f++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (field_info[f].headers); i++)
        {
          if (field_info[f].headers[i] != NULL && g_str_equal (folded, field_info[f].headers[i]))
            return (HsImportField) f;
        }
    }
  return HS_IMPORT_FIELD_NONE;
}

void
hs_import_problem_free (HsImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/* Reading ------------------------------------------------------------------ */

/* Windows-1252 0x80–0x9F; the rest of the upper half is Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void
append_cp1252 (GString      *out,
               const guchar *data,
               gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] < 0x80)
        g_string_append_c (out, (char) data[i]);
      else if (data[i] < 0xA0)
        g_string_append_unichar (out, cp1252_high[data[i] - 0x80]);
      else
        g_string_append_unichar (out, data[i]);
    }
}

typedef struct
{
  guint       line;
  GPtrArray  *fields;     /* char *, trimmed; into Scan's text, valid for one call */
  gboolean    has_nul;
  gboolean    bad_utf8;
  double      fraction;   /* of the file read so far */
} Row;

typedef gboolean (*RowFunc) (gpointer    data,
                             const Row  *row,
                             GError    **error);

typedef struct
{
  RowFunc     func;
  gpointer    data;
  Row         row;
  /* The row's fields, each ended by a NUL, and where each starts: one
   * buffer for every row instead of an allocation per field. */
  GString    *text;
  GArray     *starts;
  gsize       row_bytes;
  guint       next_line;
  guint       newlines;
  int         last_term;
  gboolean    too_big;
  gboolean    stop;
  GError     *error;
} Scan;

static void
on_field_cb (void   *s,
             size_t  len,
             void   *data)
{
  Scan *scan = data;
  const char *p = s;
  gsize n;

  if (scan->stop)
    return;
  for (const char *q = s; q != NULL && (q = memchr (q, '\n', len - (q - (const char *) s)));
       q++)
    scan->newlines++;
  scan->row_bytes += len;
  if (scan->starts->len >= MAX_ROW_FIELDS || scan->row_bytes > MAX_ROW_BYTES)
    {
      scan->too_big = TRUE;
      scan->stop = TRUE;
      return;
    }
  if (len > 0 && memchr (s, '\0', len) != NULL)
    scan->row.has_nul = TRUE;
  if (!g_utf8_validate_len (s, len, NULL))
    scan->row.bad_utf8 = TRUE;
  /* As C text (up to a NUL), without the spaces around it. */
  n = strnlen (p, len);
  while (n > 0 && g_ascii_isspace (*p))
    p++, n--;
  while (n > 0 && g_ascii_isspace (p[n - 1]))
    n--;
  /* The ' that an export put before a would-be formula is not data. */
  if (n > 1 && p[0] == '\'' && strchr ("=+-@\t\r", p[1]) != NULL)
    p++, n--;
  g_array_append_val (scan->starts, scan->text->len);
  g_string_append_len (scan->text, p, n);
  g_string_append_c (scan->text, '\0');
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      if (*(const char *) g_ptr_array_index (fields, i) != '\0')
        return FALSE;
    }
  return TRUE;
}

/* With CSV_REPALL_NL every line end is reported, so blank lines still count;
 * the LF of a CRLF comes as an empty row of its own and is not a line. */
static void
on_row_cb (int   c,
           void *data)
{
  Scan *scan = data;
  gboolean crlf_tail = scan->starts->len == 0 && c == '\n' && scan->last_term == '\r';

  scan->last_term = c;
  if (scan->stop || crlf_tail)
    return;
  g_ptr_array_set_size (scan->row.fields, 0);
  for (guint i = 0; i < scan->starts->len; i++)
    g_ptr_array_add (scan->row.fields,
                     scan->text->str + g_array_index (scan->starts, gsize, i));
  if (scan->row.fields->len > 0 && !row_is_empty (scan->row.fields))
    {
      if (!scan->func (scan->data, &scan->row, &scan->error))
        scan->stop = TRUE;
    }
  scan->next_line = scan->row.line + scan->newlines + 1;
  scan->row.line = scan->next_line;
  scan->newlines = 0;
  scan->row_bytes = 0;
  scan->row.has_nul = FALSE;
  scan->row.bad_utf8 = FALSE;
  g_string_truncate (scan->text, 0);
  g_array_set_size (scan->starts, 0);
}

static int
is_space (unsigned char c)
{
  return c == ' ';
}

/* libcsv grows a field's buffer through this: refusing is how an endless
 * field is stopped without reading it into memory. */
static void *
capped_realloc (void   *ptr,
                size_t  size)
{
  if (size > MAX_FIELD_BYTES + 4096)
    return NULL;
  return realloc (ptr, size);
}

static FILE *
open_file (HsCsvImport  *self,
           GError      **error)
{
  FILE *file = g_fopen (self->path, "rbe");

  if (file == NULL)
    {
      int saved = errno;
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_READ,
                   _("Could not open %s: %s"), self->path, g_strerror (saved));
    }
  return file;
}

static void
set_too_long_error (Scan    *scan,
                    GError **error)
{
  g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT,
               _("Line %u is far too long (a field over %d KB, or a row over %d KB or %d "
                 "columns). This is not a list of participants: check that you chose the "
                 "right file."),
               scan->row.line, MAX_FIELD_BYTES / 1024, MAX_ROW_BYTES / 1024, MAX_ROW_FIELDS);
}

/* Streams the file through libcsv and calls @func for each non-empty row. */
static gboolean
scan_file (HsCsvImport   *self,
           RowFunc        func,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  struct csv_parser parser;
  g_autofree guchar *buffer = g_malloc (CHUNK_BYTES);
  g_autoptr(GString) converted = g_string_sized_new (CHUNK_BYTES * 2);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_sized_new (4096);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  Scan scan = { func, data, { 1, fields, FALSE, FALSE, 0.0 }, text, starts, 0, 1, 0, 0, FALSE,
                FALSE, NULL };
  guint64 done = self->bom;
  FILE *file;
  gboolean ok = TRUE;
  size_t n;

  if ((file = open_file (self, error)) == NULL)
    return FALSE;
  if (fseek (file, (long) self->bom, SEEK_SET) != 0)
    {
      fclose (file);
      return FALSE;
    }
  csv_init (&parser, CSV_REPALL_NL | CSV_APPEND_NULL);
  csv_set_delim (&parser, (unsigned char) self->delimiter);
  csv_set_space_func (&parser, is_space);
  csv_set_realloc_func (&parser, capped_realloc);
  csv_set_blk_size (&parser, 4096);

  while (ok && !scan.stop && (n = fread (buffer, 1, CHUNK_BYTES, file)) > 0)
    {
      const void *text = buffer;
      gsize len = n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      done += n;
      scan.row.fraction = self->size > 0 ? (double) done / (double) self->size : 1.0;
      if (self->encoding == HS_CSV_ENCODING_WINDOWS_1252)
        {
          g_string_truncate (converted, 0);
          append_cp1252 (converted, buffer, n);
          text = converted->str;
          len = converted->len;
        }
      if (csv_parse (&parser, text, len, on_field_cb, on_row_cb, &scan) != len
          && !scan.stop)
        {
          if (csv_error (&parser) == CSV_ENOMEM)
            set_too_long_error (&scan, error);
          else
            g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT,
                         _("Line %u could not be read: %s"), scan.row.line,
                         csv_strerror (csv_error (&parser)));
          ok = FALSE;
        }
    }
  if (ok && ferror (file))
    {
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_READ,
                   _("Could not read %s: %s"), self->path, g_strerror (errno));
      ok = FALSE;
    }
  if (ok && !scan.stop)
    csv_fini (&parser, on_field_cb, on_row_cb, &scan);
  csv_free (&parser);
  fclose (file);

  if (ok && scan.too_big)
    {
      set_too_long_error (&scan, error);
      ok = FALSE;
    }
  if (ok && scan.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&scan.error));
      ok = FALSE;
    }
  g_clear_error (&scan.error);
  return ok;
}

/* Format detection ---------------------------------------------------------- */

/* UTF-8 when the sample holds UTF-8 letters beyond ASCII, or nothing beyond
 * ASCII at all; Windows-1252 when its upper half never forms UTF-8. A file
 * mostly in UTF-8 with a few broken bytes stays UTF-8, so those rows are
 * reported instead of silently turned into other letters. */
static gboolean
looks_like_utf8 (const char *data,
                 gsize       len)
{
  gsize valid_multibyte = 0, invalid = 0;
  const char *p = data, *end = data + len;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -2)
        break;
      if (c == (gunichar) -1)
        {
          invalid++;
          p++;
          continue;
        }
      valid_multibyte++;
      p = g_utf8_next_char (p);
    }
  return invalid == 0 || valid_multibyte > 0;
}

/* The delimiter is the one of , ; tab that the header line has most of,
 * outside quotes. */
static char
guess_delimiter (const char *data,
                 gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        break;
      else if (!quoted)
        {
          for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
            counts[c] += data[i] == candidates[c];
        }
    }
  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    {
      if (counts[c] > counts[best])
        best = c;
    }
  return candidates[best];
}

static gboolean
detect_format (HsCsvImport  *self,
               GError      **error)
{
  g_autofree char *sample = g_malloc (CHUNK_BYTES);
  FILE *file;
  gsize n;

  if ((file = open_file (self, error)) == NULL)
    return FALSE;
  n = fread (sample, 1, CHUNK_BYTES, file);
  fclose (file);

  if (n >= 2 && ((guchar) sample[0] == 0xFF || (guchar) sample[0] == 0xFE)
      && ((guchar) sample[1] == 0xFE || (guchar) sample[1] == 0xFF))
    {
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT,
                   _("%s is saved as UTF-16 text. Save it again as “CSV UTF-8” (or plain CSV) "
                     "and import that file."), self->path);
      return FALSE;
    }
  self->bom = n >= 3 && memcmp (sample, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (self->bom > 0 || looks_like_utf8 (sample, n))
    self->encoding = HS_CSV_ENCODING_UTF8;
  else
    self->encoding = HS_CSV_ENCODING_WINDOWS_1252;
  self->delimiter = guess_delimiter (sample + self->bom, n - self->bom);
  return TRUE;
}

static gboolean
take_header_cb (gpointer    data,
                const Row  *row,
                GError    **error)
{
  HsCsvImport *self = data;

  for (guint i = 0; i < row->fields->len; i++)
    g_ptr_array_add (self->columns, g_strdup (g_ptr_array_index (row->fields, i)));
  return FALSE;
}

static gboolean
read_header (HsCsvImport  *self,
             GError      **error)
{
  g_ptr_array_set_size (self->columns, 0);
  g_array_set_size (self->fields, 0);
  if (!scan_file (self, take_header_cb, self, NULL, error))
    return FALSE;
  if (self->columns->len == 0)
    {
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT,
                   _("%s is empty. Choose a file with a header line and one row per "
                     "participant."), self->path);
      return FALSE;
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      HsImportField field = hs_import_field_from_header (g_ptr_array_index (self->columns, i));

      /* A second column for the same field is left for the user to map. */
      for (guint j = 0; j < i; j++)
        {
          if (g_array_index (self->fields, HsImportField, j) == field)
            field = HS_IMPORT_FIELD_NONE;
        }
      g_array_append_val (self->fields, field);
    }
  return TRUE;
}

HsCsvImport *
hs_csv_import_new (HsDatabase  *db,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(HsCsvImport) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  GStatBuf st;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_READ,
                   _("Could not open %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_READ,
                   _("%s is not a file. Choose a CSV file."), path);
      return NULL;
    }

  self = g_new0 (HsCsvImport, 1);
  self->db = g_object_ref (db);
  self->path = g_strdup (path);
  self->size = (guint64) st.st_size;
  /* Once: a local time costs a look at /etc/localtime each time. */
  now = g_date_time_new_now_local ();
  self->year = g_date_time_get_year (now);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_array_new (FALSE, FALSE, sizeof (HsImportField));
  self->districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->facilities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!detect_format (self, error) || !read_header (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
hs_csv_import_free (HsCsvImport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->db);
  g_free (self->path);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->fields);
  g_hash_table_unref (self->districts);
  g_hash_table_unref (self->facilities);
  g_free (self);
}

HsCsvEncoding
hs_csv_import_get_encoding (HsCsvImport *self)
{
  return self->encoding;
}

char
hs_csv_import_get_delimiter (HsCsvImport *self)
{
  return self->delimiter;
}

gboolean
hs_csv_import_set_format (HsCsvImport    *self,
                          HsCsvEncoding   encoding,
                          char            delimiter,
                          GError        **error)
{
  self->encoding = encoding;
  self->delimiter = delimiter;
  return read_header (self, error);
}

guint
hs_csv_import_get_n_columns (HsCsvImport *self)
{
  return self->columns->len;
}

const char *
hs_csv_import_get_column_name (HsCsvImport *self,
                               guint        column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

HsImportField
hs_csv_import_get_column_field (HsCsvImport *self,
                                guint        column)
{
  g_return_val_if_fail (column < self->fields->len, HS_IMPORT_FIELD_NONE);
  return g_array_index (self->fields, HsImportField, column);
}

void
hs_csv_import_set_column_field (HsCsvImport   *self,
                                guint          column,
                                HsImportField  field)
{
  g_return_if_fail (column < self->fields->len);
  for (guint i = 0; i < self->fields->len && field != HS_IMPORT_FIELD_NONE; i++)
    {
      if (g_array_index (self->fields, HsImportField, i) == field)
        g_array_index (self->fields, HsImportField, i) = HS_IMPORT_FIELD_NONE;
    }
  g_array_index (self->fields, HsImportField, column) = field;
}

static int
column_of (HsCsvImport   *self,
           HsImportField  field)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      if (g_array_index (self->fields, HsImportField, i) == field)
        return (int) i;
    }
  return -1;
}

gboolean
hs_csv_import_check_columns (HsCsvImport  *self,
                             GError      **error)
{
  static const HsImportField required[] = { HS_IMPORT_FIELD_NAME, HS_IMPORT_FIELD_SEX };
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (column_of (self, required[i]) < 0)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                field_info[required[i]].key);
    }
  if (missing->len == 0)
    return TRUE;
  for (guint i = 0; i < self->columns->len && i < 12; i++)
    g_string_append_printf (found, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (self->columns, i));
  g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_COLUMNS,
               _("The file has no column for: %s. Its first line must name the columns, for "
                 "example name;sex;birth_year;district (or Amazina;Igitsina;Imyaka;Akarere), "
                 "separated by “%s”. Columns found: %s."),
               missing->str, self->delimiter == '\t' ? "tab" : (char[]) { self->delimiter, 0 },
               found->str);
  return FALSE;
}

typedef struct
{
  gboolean   header_seen;
  guint      max_rows;
  GPtrArray *rows;
} Preview;

static gboolean
preview_cb (gpointer    data,
            const Row  *row,
            GError    **error)
{
  Preview *preview = data;
  GStrvBuilder *builder;

  if (!preview->header_seen)
    {
      preview->header_seen = TRUE;
      return TRUE;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < row->fields->len; i++)
    g_strv_builder_add (builder, row->bad_utf8 ? "\xEF\xBF\xBD"
                                               : (const char *) g_ptr_array_index (row->fields, i));
  g_ptr_array_add (preview->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  return preview->rows->len < preview->max_rows;
}

GPtrArray *
hs_csv_import_preview (HsCsvImport  *self,
                       guint         max_rows,
                       GError      **error)
{
  Preview preview = { FALSE, max_rows, NULL };

  preview.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (max_rows == 0 || scan_file (self, preview_cb, &preview, NULL, error))
    return preview.rows;
  g_ptr_array_unref (preview.rows);
  return NULL;
}

/* Values ----------------------------------------------------------------- */

typedef struct
{
  HsParticipant *participant;
  char          *group;
  const char    *group_setting;
  const char    *group_age_band;
  gint64         group_district_id;
  gint64         facility_id;
  const char    *outcome;
  char          *graduation_date;
  char          *search_key;    /* the name folded to lower-case ASCII */
  gint64         existing_id;   /* a participant this row looks like */
} Person;

static void
person_clear (Person *person)
{
  g_clear_object (&person->participant);
  g_clear_pointer (&person->group, g_free);
  g_clear_pointer (&person->graduation_date, g_free);
  g_clear_pointer (&person->search_key, g_free);
}

static const char *
cell (HsCsvImport   *self,
      const Row     *row,
      HsImportField  field)
{
  int column = column_of (self, field);
  const char *value;

  if (column < 0 || (guint) column >= row->fields->len)
    return NULL;
  value = g_ptr_array_index (row->fields, column);
  return *value != '\0' ? value : NULL;
}

static const char *
match_word (const char         *value,
            const char * const *words,
            const char * const *results)
{
  g_autofree char *slow = NULL;
  char buffer[32];
  const char *folded = buffer;
  gsize n = 0;

  /* Most cells are a short ASCII word: folded without an allocation. */
  for (const char *p = value; *p != '\0' && folded == buffer; p++)
    {
      if ((guchar) *p >= 0x80 || n + 1 >= sizeof buffer)
        folded = slow = fold_header (value);
      else if (g_ascii_isalnum (*p))
        buffer[n++] = g_ascii_tolower (*p);
    }
  buffer[n] = '\0';
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (folded, words[i]))
        return results[i];
    }
  return NULL;
}

static const char *
parse_sex (const char *value)
{
  static const char * const words[] = { "f", "female", "gore", "umugore", "woman",
                                         "m", "male", "gabo", "umugabo", "man", NULL };
  static const char * const results[] = { "F", "F", "F", "F", "F", "M", "M", "M", "M", "M" };

  return match_word (value, words, results);
}

static const char *
parse_category (const char *value)
{
  static const char * const words[] = { "survivor", "perpetrator", "descendant", "convict",
                                        "excombatant", "returnee", "other", NULL };
  static const char * const results[] = { "survivor", "perpetrator", "descendant", "convict",
                                          "ex_combatant", "returnee", "other" };

  return match_word (value, words, results);
}

static const char *
parse_setting (const char *value)
{
  static const char * const words[] = { "community", "prison", "gereza", NULL };
  static const char * const results[] = { "community", "prison", "prison" };

  return match_word (value, words, results);
}

static const char *
parse_age_band (const char *value)
{
  static const char * const words[] = { "youth", "urubyiruko", "adult", "abakuze", "abakuru",
                                         NULL };
  static const char * const results[] = { "youth", "youth", "adult", "adult", "adult" };

  return match_word (value, words, results);
}

static const char *
parse_outcome (const char *value)
{
  static const char * const words[] = { "ongoing", "graduated", "dropped", "transferred", NULL };
  static const char * const results[] = { "ongoing", "graduated", "dropped", "transferred" };

  return match_word (value, words, results);
}

/* dd/mm/yyyy (also with . or -) or yyyy-mm-dd, to yyyy-mm-dd. */
static char *
parse_date (const char *value)
{
  unsigned a, b, c;
  char s1, s2, tail;

  if (sscanf (value, "%4u-%2u-%2u%c", &a, &b, &c, &tail) == 3 && strlen (value) == 10)
    {
      if (g_date_valid_dmy (c, b, a))
        return g_strdup_printf ("%04u-%02u-%02u", a, b, c);
      return NULL;
    }
  if (sscanf (value, "%2u%c%2u%c%4u%c", &a, &s1, &b, &s2, &c, &tail) == 5
      && s1 == s2 && strchr ("/.-", s1) != NULL && c >= 1900 && g_date_valid_dmy (a, b, c))
    return g_strdup_printf ("%04u-%02u-%02u", c, b, a);
  return NULL;
}

static gboolean
parse_number (const char *value,
              int         min,
              int         max,
              int        *out)
{
  gint64 n;

  if (!g_ascii_string_to_signed (value, 10, min, max, &n, NULL))
    return FALSE;
  *out = (int) n;
  return TRUE;
}

static gint64
query_id (HsDatabase *db,
          const char *sql,
          const char *text,
          gint64      number)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gint64
find_group (HsDatabase *db,
            const char *name)
{
  return query_id (db, "SELECT id FROM hgroup WHERE name = ?1 COLLATE NOCASE", name, 0);
}

/* The same national ID, or the same folded name, birth year and district. */
static gint64
find_existing (HsDatabase    *db,
               HsParticipant *participant)
{
  const char *national_id = hs_participant_get_national_id (participant);
  g_autofree char *ascii = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (national_id != NULL)
    {
      id = query_id (db, "SELECT id FROM participant WHERE national_id = ?1", national_id, 0);
      if (id != 0)
        return id;
    }
  ascii = g_str_to_ascii (hs_participant_get_full_name (participant), "C");
  key = g_ascii_strdown (ascii, -1);
  /* The + keeps SQLite on the search_key index: left to itself it picks
   * (district_id, birth_year), whose buckets grow with the file, and the
   * import turns quadratic (measured: 100,000 rows took 43 s). */
  stmt = _hs_database_prepare (db,
                               "SELECT id FROM participant WHERE search_key = ?1"
                               " AND +birth_year IS ?2 AND +district_id IS ?3", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (hs_participant_get_birth_year (participant) != 0)
    sqlite3_bind_int (stmt, 2, hs_participant_get_birth_year (participant));
  if (hs_participant_get_district_id (participant) != 0)
    sqlite3_bind_int64 (stmt, 3, hs_participant_get_district_id (participant));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void G_GNUC_PRINTF (2, 3)
add_reason (GPtrArray  *reasons,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (reasons, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
convert_identity (HsCsvImport *self,
                  const Row   *row,
                  Person      *person,
                  GPtrArray   *reasons)
{
  const char *value;
  int number;

  value = cell (self, row, HS_IMPORT_FIELD_SEX);
  if (value != NULL && parse_sex (value) == NULL)
    add_reason (reasons, _("the sex “%s” is not F or M (Female/Male, Gore/Gabo)"), value);
  else if (value != NULL)
    _hs_participant_set_text (person->participant, "sex", parse_sex (value));

  if ((value = cell (self, row, HS_IMPORT_FIELD_BIRTH_YEAR)) != NULL)
    {
      if (!parse_number (value, 0, 9999, &number))
        add_reason (reasons, _("the birth year “%s” is not a year such as 1990"), value);
      else
        _hs_participant_set_number (person->participant, "birth-year", number);
    }
  else if ((value = cell (self, row, HS_IMPORT_FIELD_AGE)) != NULL)
    {
      if (!parse_number (value, 0, 130, &number))
        add_reason (reasons, _("the age “%s” is not a number of years"), value);
      else
        _hs_participant_set_number (person->participant, "birth-year", self->year - number);
    }

  if ((value = cell (self, row, HS_IMPORT_FIELD_NATIONAL_ID)) != NULL)
    {
      g_autoptr(GString) digits = g_string_new (NULL);

      /* People group the 16 digits with spaces; the record keeps digits. */
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p != ' ')
            g_string_append_c (digits, *p);
        }
      _hs_participant_set_text (person->participant, "national-id", digits->str);
    }
}

static gint64
find_place (HsCsvImport *self,
            GHashTable  *cache,
            gint64     (*find) (HsDatabase *, const char *),
            const char  *value)
{
  gpointer id;

  if (!g_hash_table_lookup_extended (cache, value, NULL, &id))
    {
      id = GSIZE_TO_POINTER ((gsize) find (self->db, value));
      g_hash_table_insert (cache, g_strdup (value), id);
    }
  return (gint64) GPOINTER_TO_SIZE (id);
}

static void
convert_place (HsCsvImport *self,
               const Row   *row,
               Person      *person,
               GPtrArray   *reasons)
{
  const char *value;

  if ((value = cell (self, row, HS_IMPORT_FIELD_DISTRICT)) != NULL)
    {
      gint64 district_id = find_place (self, self->districts, hs_database_find_district, value);

      if (district_id == 0)
        add_reason (reasons, _("the district “%s” is not one of Rwanda's 30 districts; check "
                               "the spelling"), value);
      _hs_participant_set_number (person->participant, "district-id", district_id);
    }
  if ((value = cell (self, row, HS_IMPORT_FIELD_FACILITY)) != NULL)
    {
      person->facility_id = find_place (self, self->facilities, hs_database_find_facility,
                                        value);
      if (person->facility_id == 0)
        add_reason (reasons, _("the correctional facility “%s” is not known; add it first or "
                               "check the spelling"), value);
      else
        {
          _hs_participant_set_number (person->participant, "is-prisoner", TRUE);
          _hs_participant_set_number (person->participant, "facility-id", person->facility_id);
        }
    }
  _hs_participant_set_text (person->participant, "sector",
                            cell (self, row, HS_IMPORT_FIELD_SECTOR));
  _hs_participant_set_text (person->participant, "cell", cell (self, row, HS_IMPORT_FIELD_CELL));
  _hs_participant_set_text (person->participant, "village",
                            cell (self, row, HS_IMPORT_FIELD_VILLAGE));
  _hs_participant_set_text (person->participant, "phone", cell (self, row, HS_IMPORT_FIELD_PHONE));
}

static void
convert_group (HsCsvImport *self,
               const Row   *row,
               Person      *person,
               GPtrArray   *reasons)
{
  const char *value;
  gint64 district_id = hs_participant_get_district_id (person->participant);
  int birth_year = hs_participant_get_birth_year (person->participant);

  if ((value = cell (self, row, HS_IMPORT_FIELD_SETTING)) != NULL
      && (person->group_setting = parse_setting (value)) == NULL)
    add_reason (reasons, _("the setting “%s” is not community or prison"), value);
  if ((value = cell (self, row, HS_IMPORT_FIELD_AGE_BAND)) != NULL)
    {
      if ((person->group_age_band = parse_age_band (value)) == NULL)
        add_reason (reasons, _("the age band “%s” is not youth or adult"), value);
      else
        _hs_participant_set_text (person->participant, "age-band", person->group_age_band);
    }
  if ((value = cell (self, row, HS_IMPORT_FIELD_OUTCOME)) != NULL
      && (person->outcome = parse_outcome (value)) == NULL)
    add_reason (reasons, _("the outcome “%s” is not ongoing, graduated, dropped or "
                           "transferred"), value);
  if ((value = cell (self, row, HS_IMPORT_FIELD_GRADUATION_DATE)) != NULL)
    {
      if ((person->graduation_date = parse_date (value)) == NULL)
        add_reason (reasons, _("the graduation date “%s” is not a date; write dd/mm/yyyy or "
                               "yyyy-mm-dd"), value);
      else if (person->outcome == NULL)
        person->outcome = "graduated";
    }

  if ((value = cell (self, row, HS_IMPORT_FIELD_GROUP)) == NULL)
    {
      if (person->outcome != NULL)
        add_reason (reasons, _("an outcome needs a group: fill in the group column"));
      return;
    }
  person->group = g_strdup (value);
  if (person->group_setting == NULL)
    person->group_setting = person->facility_id != 0 ? "prison" : "community";
  if (g_str_equal (person->group_setting, "prison") && person->facility_id == 0)
    add_reason (reasons, _("the prison group “%s” needs a correctional facility in the "
                           "facility column"), value);
  if (person->facility_id != 0)
    district_id = query_id (self->db, "SELECT district_id FROM facility WHERE id = ?1",
                            NULL, person->facility_id);
  person->group_district_id = district_id;
  if (person->group_age_band == NULL && birth_year != 0)
    person->group_age_band = hs_age_band_for_age (self->db, self->year - birth_year);
  if (find_group (self->db, value) != 0)
    return;
  if (district_id == 0)
    add_reason (reasons, _("the group “%s” is new and needs a district: fill in the district "
                           "column"), value);
  if (person->group_age_band == NULL)
    add_reason (reasons, _("the group “%s” is new and needs an age band (youth or adult) or "
                           "the person's birth year"), value);
}

/* A cell a spreadsheet would run (=, @, or + and - before more than a
 * number) is refused rather than stored to be exported one day. */
static void
check_formulas (HsCsvImport *self,
                const Row   *row,
                GPtrArray   *reasons)
{
  for (guint i = 0; i < row->fields->len && i < self->columns->len; i++)
    {
      const char *value = g_ptr_array_index (row->fields, i);
      gboolean formula;

      if (g_array_index (self->fields, HsImportField, i) == HS_IMPORT_FIELD_NONE)
        continue;
      formula = value[0] == '=' || value[0] == '@'
                || ((value[0] == '+' || value[0] == '-')
                    && value[1 + strspn (value + 1, "0123456789 .()-")] != '\0');
      if (formula)
        add_reason (reasons, _("the cell “%s” in column “%s” looks like a spreadsheet formula; "
                               "replace it with its value"),
                    value, (const char *) g_ptr_array_index (self->columns, i));
    }
}

/* A quoted name may hold a line break or doubled spaces: the words, each
 * once separated by one space. */
static char *
join_words (const char *value)
{
  char *out = g_malloc (strlen (value) + 1);
  char *o = out;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (strchr (" \t\r\n", *p) == NULL)
        *o++ = *p;
      else if (o > out && o[-1] != ' ')
        *o++ = ' ';
    }
  if (o > out && o[-1] == ' ')
    o--;
  *o = '\0';
  return out;
}

/* Every reason the row cannot be imported, in column order. */
static GPtrArray *
convert_row (HsCsvImport *self,
             const Row   *row,
             Person      *person)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  const char *value;

  person->participant = hs_participant_new ();
  if (row->has_nul)
    {
      add_reason (reasons, _("the row contains NUL bytes; this is not a text file"));
      return reasons;
    }
  if (row->bad_utf8)
    {
      add_reason (reasons, _("the text is not valid UTF-8; save the file as “CSV UTF-8” or "
                             "choose the Windows-1252 encoding"));
      return reasons;
    }
  if (cell (self, row, HS_IMPORT_FIELD_NAME) == NULL)
    add_reason (reasons, _("the name is empty"));
  if (cell (self, row, HS_IMPORT_FIELD_SEX) == NULL)
    add_reason (reasons, _("the sex is empty; write F or M"));
  check_formulas (self, row, reasons);
  if ((value = cell (self, row, HS_IMPORT_FIELD_NAME)) != NULL)
    {
      g_autofree char *name = join_words (value);
      g_autofree char *ascii = NULL;

      _hs_participant_set_text (person->participant, "full-name", name);
      ascii = g_str_to_ascii (name, "C");
      person->search_key = g_ascii_strdown (ascii, -1);
    }
  convert_identity (self, row, person, reasons);
  convert_place (self, row, person, reasons);
  if ((value = cell (self, row, HS_IMPORT_FIELD_CATEGORY)) != NULL)
    {
      if (parse_category (value) == NULL)
        add_reason (reasons, _("the category “%s” is not survivor, perpetrator, descendant, "
                               "convict, ex-combatant, returnee or other"), value);
      else
        _hs_participant_set_text (person->participant, "category", parse_category (value));
    }
  convert_group (self, row, person, reasons);
  if (reasons->len > 0)
    return reasons;

  problems = hs_participant_validate (person->participant, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      HsParticipantProblem *problem = g_ptr_array_index (problems, i);
      add_reason (reasons, "%s", problem->message);
    }
  return reasons;
}

/* Checking ------------------------------------------------------------------ */

typedef struct
{
  HsCsvImport        *self;
  HsImportDuplicates  duplicates;
  gboolean            header_seen;
  guint               n_rows;
  guint               n_bad;
  GPtrArray          *problems;
  GHashTable         *seen;    /* dedup key → first line (as pointer) */
  GStringChunk       *keys;    /* of seen: a million keys, freed at once */
  /* FALSE while every participant in the database came from this file: then
   * the table of keys seen already answers, and no query per row is needed. */
  gboolean            db_may_match;
  /* An import reports its progress while it checks. */
  HsImportProgressFunc progress;
  gpointer            user_data;
  GCancellable       *cancellable;
} Check;

static void
add_problem (Check      *check,
             guint       line,
             gboolean    duplicate,
             const char *message)
{
  HsImportProblem *problem;

  if (check->problems->len >= MAX_PROBLEMS)
    return;
  problem = g_new0 (HsImportProblem, 1);
  problem->line = line;
  problem->duplicate = duplicate;
  problem->message = g_strdup (message);
  g_ptr_array_add (check->problems, problem);
}

static char *
person_key (Person *person)
{
  HsParticipant *participant = person->participant;

  return g_strdup_printf ("%s|%d|%" G_GINT64_FORMAT, person->search_key,
                          hs_participant_get_birth_year (participant),
                          hs_participant_get_district_id (participant));
}

/* A duplicate of a row earlier in the file or of a person already recorded. */
static gboolean
check_duplicate (Check     *check,
                 guint      line,
                 Person    *person)
{
  HsParticipant *participant = person->participant;
  const char *national_id = hs_participant_get_national_id (participant);
  g_autofree char *key = person_key (person);
  g_autofree char *id_key = national_id ? g_strconcat ("id|", national_id, NULL) : NULL;
  g_autofree char *message = NULL;
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (check->seen, key));
  guint first_id = id_key ? GPOINTER_TO_UINT (g_hash_table_lookup (check->seen, id_key)) : 0;
  gint64 existing;

  if (first == 0)
    g_hash_table_insert (check->seen, g_string_chunk_insert (check->keys, key),
                         GUINT_TO_POINTER (line));
  if (id_key != NULL && first_id == 0)
    g_hash_table_insert (check->seen, g_string_chunk_insert (check->keys, id_key),
                         GUINT_TO_POINTER (line));

  if (first_id != 0)
    message = g_strdup_printf (_("possibly the same person as line %u (same national ID)"),
                               first_id);
  else if (first != 0)
    message = g_strdup_printf (_("possibly the same person as line %u (same name, birth year "
                                 "and district)"), first);
  else if (check->db_may_match
           && (existing = find_existing (check->self->db, participant)) != 0)
    {
      g_autoptr(HsParticipant) other = hs_participant_load (check->self->db, existing, NULL);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

      message = g_strdup_printf (_("possibly already recorded as %s (participant %s)"),
                                 other ? hs_participant_get_full_name (other) : "?", number);
    }
  if (message == NULL)
    return FALSE;

  /* Importing anyway cannot give two people one national ID. */
  if (check->duplicates == HS_IMPORT_DUPLICATES_IMPORT && national_id != NULL
      && (first_id != 0 || query_id (check->self->db, "SELECT id FROM participant"
                                     " WHERE national_id = ?1", national_id, 0) != 0))
    {
      g_autofree char *why = g_strdup_printf (_("the national ID %s is already used: %s"),
                                              national_id, message);
      add_problem (check, line, FALSE, why);
      return TRUE;
    }
  add_problem (check, line, TRUE, message);
  return check->duplicates == HS_IMPORT_DUPLICATES_REPORT;
}

static gboolean
check_row_cb (gpointer    data,
              const Row  *row,
              GError    **error)
{
  Check *check = data;
  Person person = { 0, };
  g_autoptr(GPtrArray) reasons = NULL;
  gboolean bad;

  if (!check->header_seen)
    {
      check->header_seen = TRUE;
      return TRUE;
    }
  check->n_rows++;
  if (check->n_rows % 500 == 0)
    {
      if (g_cancellable_set_error_if_cancelled (check->cancellable, error))
        return FALSE;
      if (check->progress != NULL)
        check->progress (row->fraction, check->user_data);
    }
  reasons = convert_row (check->self, row, &person);
  for (guint i = 0; i < reasons->len; i++)
    add_problem (check, row->line, FALSE, g_ptr_array_index (reasons, i));
  bad = reasons->len > 0 || check_duplicate (check, row->line, &person);
  if (bad)
    check->n_bad++;
  person_clear (&person);
  return TRUE;
}

static void
check_init (Check              *check,
            HsCsvImport        *self,
            HsImportDuplicates  duplicates)
{
  memset (check, 0, sizeof *check);
  /* Facilities may have been added since the last check. */
  g_hash_table_remove_all (self->districts);
  g_hash_table_remove_all (self->facilities);
  check->self = self;
  check->duplicates = duplicates;
  check->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_import_problem_free);
  check->seen = g_hash_table_new (g_str_hash, g_str_equal);
  check->keys = g_string_chunk_new (64 * 1024);
  check->db_may_match = query_id (self->db, "SELECT EXISTS (SELECT 1 FROM participant)",
                                  NULL, 0) != 0;
}

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_clear_pointer (&check->seen, g_hash_table_unref);
  g_clear_pointer (&check->keys, g_string_chunk_free);
}

static gboolean
run_check (HsCsvImport         *self,
           Check               *check,
           GCancellable        *cancellable,
           GError             **error)
{
  if (!hs_csv_import_check_columns (self, error))
    return FALSE;
  return scan_file (self, check_row_cb, check, cancellable, error);
}

GPtrArray *
hs_csv_import_check (HsCsvImport   *self,
                     guint         *n_rows,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Check check;
  GPtrArray *problems = NULL;

  check_init (&check, self, HS_IMPORT_DUPLICATES_REPORT);
  if (run_check (self, &check, cancellable, error))
    {
      problems = g_steal_pointer (&check.problems);
      if (n_rows != NULL)
        *n_rows = check.n_rows;
    }
  check_clear (&check);
  return problems;
}

/* Importing ----------------------------------------------------------------- */

/* New people go in through one prepared INSERT, without the per-row savepoint,
 * row read-back, search-index update and audit entry of hs_participant_save ():
 * at a million rows those cost most of the time. The search index is not
 * filled here: the import records the first id it added, and the index
 * catches up before the next search needs it (_hs_participant_index_defer ();
 * measured at 200,000 rows, filling it was a quarter of the import's CPU
 * time). The audit log gets one entry for the whole import (table
 * participant_import: the file, how many people, and their ids, which are
 * one range because rowids only grow within the transaction); a person's
 * history shows it. Measured at 200,000 rows: an audit entry per person
 * (with its JSON) was 60 % of the bytes written to the database file.
 *
 * Into an empty table, the participant indexes that SQLite does not need
 * during the import are dropped and built again at the end (one sort each
 * instead of a million tree inserts); DDL is transactional, so a cancel or
 * a bad file still leaves the database as it was. */
typedef struct
{
  HsCsvImport          *self;
  Check                *check;
  HsImportDuplicates    duplicates;
  gboolean              skip_bad_rows;
  HsImportResult        result;
  char                 *now;
  int                   youth_min;
  int                   youth_max;
  gint64                first_new;      /* ids of all new people, for the audit entry */
  gint64                last_new;
  GPtrArray            *indexes;        /* CREATE INDEX statements to run at the end */
  sqlite3_stmt         *insert;
  guint64               uuid_ms;        /* for time-ordered UUIDs */
  guint32               uuid_count;
  GRand                *rand;           /* seeded from /dev/urandom; no global lock */
} Import;

/* A time-ordered UUID (version 7, RFC 9562): the import's start in ms, a
 * counter, then random bits. Each new key lands at the right end of the
 * uuid index instead of at a random page: with random (version 4) UUIDs
 * the index was 20 % of the insert time at 200,000 rows, and more once it
 * outgrew the page cache. Still unique across offices: 46 random bits per
 * id, on top of the millisecond and the counter. */
static void
format_uuid (Import *import,
             char    out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint64 ms = import->uuid_ms;
  guint32 n = import->uuid_count++;
  guint32 r1 = g_rand_int (import->rand);
  guint32 r2 = g_rand_int (import->rand);
  guint8 b[16];
  char *o = out;

  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (40 - 8 * i));
  b[6] = 0x70 | ((n >> 24) & 0x0F);
  b[7] = (guint8) (n >> 16);
  b[8] = 0x80 | ((n >> 10) & 0x3F);
  b[9] = (guint8) (n >> 2);
  b[10] = (guint8) (((n & 0x03) << 6) | (r1 & 0x3F));
  b[11] = (guint8) (r1 >> 6);
  b[12] = (guint8) (r1 >> 14);
  b[13] = (guint8) (r1 >> 22);
  b[14] = (guint8) r2;
  b[15] = (guint8) (r2 >> 8);
  for (int i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *o++ = '-';
      *o++ = hex[b[i] >> 4];
      *o++ = hex[b[i] & 0x0F];
    }
  *o = '\0';
}

static int
setting_number (HsDatabase *db,
                const char *key,
                int         fallback)
{
  g_autofree char *value = hs_database_get_setting (db, key);
  gint64 n;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 200, &n, NULL))
    return fallback;
  return (int) n;
}

/* The one audit entry of the import: names the rows it added. */
static gboolean
audit_import (Import  *import,
              GError **error)
{
  HsDatabase *db = import->self->db;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (import->first_new == 0)
    return TRUE;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO audit_log (at, actor, action, table_name, row_id,"
                               " after) VALUES (?1, ?2, 'insert', 'participant_import', ?3,"
                               " json_object ('file', ?4, 'participants', ?5, 'first_id', ?3,"
                               " 'last_id', ?6))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, import->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, import->first_new);
  sqlite3_bind_text (stmt, 4, import->self->path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, import->last_new - import->first_new + 1);
  sqlite3_bind_int64 (stmt, 6, import->last_new);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  if (!ok)
    _hs_database_set_error (db, error, _("Writing the audit log"));
  return ok;
}

/* Only into an empty table, and only when no duplicate is looked up in the
 * table during the import (skip and merge do, through its indexes). */
static gboolean
drop_indexes (Import  *import,
              GError **error)
{
  HsDatabase *db = import->self->db;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (import->check->db_may_match || import->duplicates == HS_IMPORT_DUPLICATES_SKIP
      || import->duplicates == HS_IMPORT_DUPLICATES_MERGE)
    return TRUE;
  stmt = _hs_database_prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                   " AND tbl_name = 'participant' AND sql IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  import->indexes = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (import->indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  /* Not while the statement above reads the schema: SQLite refuses. */
  for (guint i = 0; ok && i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                               (const char *) names->pdata[i]);

      ok = _hs_database_exec (db, drop, error);
    }
  return ok;
}

static gboolean
create_indexes (Import  *import,
                GError **error)
{
  for (guint i = 0; import->indexes != NULL && i < import->indexes->len; i++)
    {
      if (!_hs_database_exec (import->self->db, import->indexes->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}

/* The row passed hs_participant_validate () in convert_row (); the national
 * ID was checked against the file and the database by check_duplicate (). */
static gboolean
insert_new (Import         *import,
            Person         *person,
            GError        **error)
{
  HsDatabase *db = import->self->db;
  HsParticipant *participant = person->participant;
  g_autofree char *phone = NULL;
  const char *age_band = hs_participant_get_age_band (participant);
  int birth_year = hs_participant_get_birth_year (participant);
  sqlite3_stmt *stmt = import->insert;
  char uuid[37];
  gboolean ok;
  gint64 id;

  format_uuid (import, uuid);
  if (age_band == NULL)
    {
      int age = import->self->year - birth_year;

      age_band = birth_year != 0 && age >= import->youth_min && age <= import->youth_max
                 ? "youth" : "adult";
    }
  if (hs_participant_get_phone (participant) != NULL)
    hs_phone_normalize (hs_participant_get_phone (participant), &phone);
  _hs_bind_text (stmt, 1, uuid);
  _hs_bind_text (stmt, 2, hs_participant_get_full_name (participant));
  _hs_bind_text (stmt, 3, person->search_key);
  _hs_bind_text (stmt, 4, hs_participant_get_sex (participant));
  if (birth_year != 0)
    sqlite3_bind_int (stmt, 5, birth_year);
  _hs_bind_text (stmt, 6, age_band);
  _hs_bind_text (stmt, 7, phone != NULL ? phone : hs_participant_get_phone (participant));
  _hs_bind_text (stmt, 8, hs_participant_get_national_id (participant));
  if (hs_participant_get_district_id (participant) != 0)
    sqlite3_bind_int64 (stmt, 9, hs_participant_get_district_id (participant));
  _hs_bind_text (stmt, 10, hs_participant_get_sector (participant));
  _hs_bind_text (stmt, 11, hs_participant_get_cell (participant));
  _hs_bind_text (stmt, 12, hs_participant_get_village (participant));
  _hs_bind_text (stmt, 13, hs_participant_get_category (participant));
  sqlite3_bind_int (stmt, 14, hs_participant_get_is_prisoner (participant) ? 1 : 0);
  if (hs_participant_get_facility_id (participant) != 0)
    sqlite3_bind_int64 (stmt, 15, hs_participant_get_facility_id (participant));
  _hs_bind_text (stmt, 16, import->now);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the participant"));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  /* New rowids only grow within the transaction: the new people are a range. */
  if (import->first_new == 0)
    import->first_new = id;
  import->last_new = id;
  _hs_participant_set_number (participant, "id", id);
  return TRUE;
}

static gint64
ensure_group (Import   *import,
              Person   *person,
              GError  **error)
{
  gint64 id = find_group (import->self->db, person->group);
  g_autoptr(HsGroup) group = NULL;

  if (id != 0)
    return id;
  group = hs_group_new ();
  g_object_set (group,
                "name", person->group,
                "setting", person->group_setting,
                "age-band", person->group_age_band,
                "district-id", person->group_district_id,
                "facility-id", person->facility_id,
                NULL);
  if (!hs_group_save (group, import->self->db, error))
    return 0;
  return hs_group_get_id (group);
}

static gboolean
join_group (Import   *import,
            Person   *person,
            gint64    participant_id,
            GError  **error)
{
  HsDatabase *db = import->self->db;
  g_autofree char *outcome = NULL;
  gint64 group_id;

  if (person->group == NULL)
    return TRUE;
  if ((group_id = ensure_group (import, person, error)) == 0)
    return FALSE;
  outcome = hs_membership_get_outcome (db, group_id, participant_id, NULL);
  if (outcome == NULL && hs_membership_add (db, group_id, participant_id, NULL, error) == 0)
    return FALSE;
  if (person->outcome == NULL || g_strcmp0 (outcome, person->outcome) == 0)
    return TRUE;
  return hs_membership_set_outcome (db, group_id, participant_id, person->outcome,
                                    person->graduation_date, NULL, error);
}

/* The row's non-empty values over the recorded person's. */
static gboolean
merge_person (Import   *import,
              Person   *person,
              gint64    existing_id,
              GError  **error)
{
  static const char * const strings[] = { "sex", "phone", "national-id", "sector", "cell",
                                          "village", "age-band", NULL };
  g_autoptr(HsParticipant) target = hs_participant_load (import->self->db, existing_id, error);
  HsParticipant *source = person->participant;

  if (target == NULL)
    return FALSE;
  for (guint i = 0; strings[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (source, strings[i], &value, NULL);
      if (value != NULL)
        g_object_set (target, strings[i], value, NULL);
    }
  if (hs_participant_get_birth_year (source) != 0)
    g_object_set (target, "birth-year", hs_participant_get_birth_year (source), NULL);
  if (hs_participant_get_district_id (source) != 0)
    g_object_set (target, "district-id", hs_participant_get_district_id (source), NULL);
  if (hs_participant_get_facility_id (source) != 0)
    g_object_set (target, "is-prisoner", TRUE,
                  "facility-id", hs_participant_get_facility_id (source), NULL);
  if (!g_str_equal (hs_participant_get_category (source), "other"))
    g_object_set (target, "category", hs_participant_get_category (source), NULL);
  return hs_participant_save (target, import->self->db, error)
         && join_group (import, person, existing_id, error);
}

/* Returns FALSE (with @error) when the row failed; @skipped when it was
 * left out on purpose. */
static gboolean
import_person (Import   *import,
               Person   *person,
               gboolean *skipped,
               GError  **error)
{
  HsImportDuplicates duplicates = import->duplicates;
  gint64 existing = 0;

  if (duplicates == HS_IMPORT_DUPLICATES_SKIP || duplicates == HS_IMPORT_DUPLICATES_MERGE)
    existing = find_existing (import->self->db, person->participant);
  if (existing != 0 && duplicates == HS_IMPORT_DUPLICATES_SKIP)
    {
      *skipped = TRUE;
      return TRUE;
    }
  if (existing != 0)
    {
      /* The merged person's values change; later rows may now match them. */
      import->check->db_may_match = TRUE;
      import->result.merged++;
      return merge_person (import, person, existing, error);
    }
  import->result.imported++;
  if (!insert_new (import, person, error))
    return FALSE;
  if (person->group == NULL)
    return TRUE;
  return join_group (import, person, hs_participant_get_id (person->participant), error);
}

/* One pass: each row is checked and, when good, written at once; the whole
 * import is one transaction that is rolled back when it must not stay. */
static gboolean
import_row_cb (gpointer    data,
               const Row  *row,
               GError    **error)
{
  Import *import = data;
  Check *check = import->check;
  Person person = { 0, };
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean skipped = FALSE;
  gboolean ok;

  if (!check->header_seen)
    {
      check->header_seen = TRUE;
      return TRUE;
    }
  check->n_rows++;
  if (check->n_rows % 500 == 0)
    {
      if (g_cancellable_set_error_if_cancelled (check->cancellable, error))
        return FALSE;
      if (check->progress != NULL)
        check->progress (row->fraction, check->user_data);
    }
  reasons = convert_row (import->self, row, &person);
  for (guint i = 0; i < reasons->len; i++)
    add_problem (check, row->line, FALSE, g_ptr_array_index (reasons, i));
  if (reasons->len > 0 || check_duplicate (check, row->line, &person))
    {
      check->n_bad++;
      import->result.skipped++;
      person_clear (&person);
      return TRUE;
    }
  /* Nothing will stay: the rest of the file is only checked. */
  if (check->n_bad > 0 && !import->skip_bad_rows)
    {
      person_clear (&person);
      return TRUE;
    }

  ok = import_person (import, &person, &skipped, &local_error);
  person_clear (&person);
  if (ok)
    {
      if (skipped)
        import->result.skipped++;
      return TRUE;
    }
  if (local_error == NULL)
    return FALSE;
  g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_ROWS,
               _("line %u: %s"), row->line, local_error->message);
  return FALSE;
}

static gboolean
import_init (Import  *import,
             GError **error)
{
  HsDatabase *db = import->self->db;

  import->now = _hs_database_now ();
  import->youth_min = setting_number (db, "youth.min_age", 16);
  import->youth_max = setting_number (db, "youth.max_age", 30);
  /* Read inside the transaction: nobody adds people in between. */
  import->check->db_may_match = query_id (db, "SELECT EXISTS (SELECT 1 FROM participant)",
                                          NULL, 0) != 0;
  import->uuid_ms = (guint64) (g_get_real_time () / 1000);
  import->rand = g_rand_new ();
  import->insert = _hs_database_prepare (db,
                                         "INSERT INTO participant (uuid, full_name, search_key,"
                                         " sex, birth_year, age_band, phone, national_id,"
                                         " district_id, sector, cell, village, category,"
                                         " is_prisoner, facility_id, created, updated)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                         " ?12, ?13, ?14, ?15, ?16, ?16)", error);
  return import->insert != NULL && drop_indexes (import, error);
}

gboolean
hs_csv_import_run (HsCsvImport          *self,
                   gboolean              skip_bad_rows,
                   HsImportDuplicates    duplicates,
                   gboolean              dry_run,
                   HsImportProgressFunc  progress,
                   gpointer              user_data,
                   GCancellable         *cancellable,
                   HsImportResult       *result,
                   GPtrArray           **problems,
                   GError              **error)
{
  Check check;
  Import import = { .self = self, .check = &check, .duplicates = duplicates,
                    .skip_bad_rows = skip_bad_rows };
  gboolean bulk;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  check_init (&check, self, duplicates);
  check.progress = progress;
  check.user_data = user_data;
  check.cancellable = cancellable;
  /* One transaction from the check on: the rows are checked against the
   * data they are written to, and SQLite does not lock per statement. */
  /* The indexes of a big file's people do not fit SQLite's default 2 MB page
   * cache; reading pages back from the file cost most of the import time. */
  /* A first import into an empty table writes pages that the file did not
   * have: a rollback journal keeps none of them, where the write-ahead log
   * writes each twice (log, then checkpoint). Measured at 200,000 rows: the
   * commit 0.34 → 0.10 s CPU, the index builds 0.70 → 0.57 s. The mode only
   * changes while no other connection has the file open, hence no error. */
  bulk = (duplicates == HS_IMPORT_DUPLICATES_REPORT || duplicates == HS_IMPORT_DUPLICATES_IMPORT)
         && query_id (self->db, "SELECT EXISTS (SELECT 1 FROM participant)", NULL, 0) == 0;
  ok = hs_csv_import_check_columns (self, error)
       && _hs_database_exec (self->db, "PRAGMA cache_size = -131072", error);
  if (ok && bulk)
    _hs_database_exec (self->db, "PRAGMA journal_mode = DELETE", NULL);
  ok = ok && hs_database_begin (self->db, error);
  if (ok)
    {
      ok = import_init (&import, error)
           && scan_file (self, import_row_cb, &import, cancellable, error);
      if (ok && (check.n_bad == 0 || skip_bad_rows))
        ok = create_indexes (&import, error)
             && (import.first_new == 0
                 || _hs_participant_index_defer (self->db, import.first_new, error))
             && audit_import (&import, error);
      else if (ok)
        {
          g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_ROWS,
                       ngettext ("%u row has problems; nothing was imported. Correct it, or "
                                 "choose to skip bad rows.",
                                 "%u rows have problems; nothing was imported. Correct them, "
                                 "or choose to skip bad rows.", check.n_bad), check.n_bad);
          ok = FALSE;
        }
      if (ok && !dry_run)
        ok = hs_database_commit (self->db, error);
      else
        hs_database_rollback (self->db);
    }
  _hs_database_exec (self->db, "PRAGMA cache_size = -2000", NULL);
  if (bulk)
    _hs_database_exec (self->db, "PRAGMA journal_mode = WAL", NULL);
  if (ok && progress != NULL)
    progress (1.0, user_data);
  if (!ok)
    memset (&import.result, 0, sizeof import.result);
  if (result != NULL)
    *result = import.result;
  if (problems != NULL)
    *problems = g_steal_pointer (&check.problems);
  check_clear (&check);
  g_free (import.now);
  g_clear_pointer (&import.indexes, g_ptr_array_unref);
  g_clear_pointer (&import.rand, g_rand_free);
  return ok;
}
