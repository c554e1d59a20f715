/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

#define HS_IMPORT_ERROR (hs_import_error_quark ())

typedef enum
{
  HS_IMPORT_ERROR_READ,      /* the file cannot be read at all */
  HS_IMPORT_ERROR_FORMAT,    /* not a CSV file this importer can take */
  HS_IMPORT_ERROR_COLUMNS,   /* a required column is missing */
  HS_IMPORT_ERROR_ROWS,      /* some rows are bad and skipping was not chosen */
} HsImportError;

GQuark hs_import_error_quark (void);

/* What a column of the file holds. */
typedef enum
{
  HS_IMPORT_FIELD_NONE = -1,
  HS_IMPORT_FIELD_NAME,
  HS_IMPORT_FIELD_SEX,
  HS_IMPORT_FIELD_BIRTH_YEAR,
  HS_IMPORT_FIELD_AGE,
  HS_IMPORT_FIELD_DISTRICT,
  HS_IMPORT_FIELD_SECTOR,
  HS_IMPORT_FIELD_CELL,
  HS_IMPORT_FIELD_VILLAGE,
  HS_IMPORT_FIELD_PHONE,
  HS_IMPORT_FIELD_NATIONAL_ID,
  HS_IMPORT_FIELD_CATEGORY,
  HS_IMPORT_FIELD_GROUP,
  HS_IMPORT_FIELD_SETTING,
  HS_IMPORT_FIELD_AGE_BAND,
  HS_IMPORT_FIELD_FACILITY,
  HS_IMPORT_FIELD_OUTCOME,
  HS_IMPORT_FIELD_GRADUATION_DATE,
  HS_IMPORT_N_FIELDS,
} HsImportField;

/* The English column name ("birth_year") and the label a person reads. */
const char    *hs_import_field_get_key      (HsImportField  field);
const char    *hs_import_field_get_label    (HsImportField  field);
/* The field a header names, in English or Kinyarwanda, whatever its case
 * and accents; HS_IMPORT_FIELD_NONE when it names none. */
HsImportField  hs_import_field_from_header  (const char    *header);

typedef enum
{
  HS_CSV_ENCODING_UTF8,
  HS_CSV_ENCODING_WINDOWS_1252,
} HsCsvEncoding;

/* What to do with a row that looks like a person already recorded (or
 * already in the file). REPORT makes it a bad row. */
typedef enum
{
  HS_IMPORT_DUPLICATES_REPORT,
  HS_IMPORT_DUPLICATES_SKIP,
  HS_IMPORT_DUPLICATES_MERGE,
  HS_IMPORT_DUPLICATES_IMPORT,
} HsImportDuplicates;

typedef struct
{
  guint     line;        /* 1-based line of the file where the row starts */
  gboolean  duplicate;   /* a possible duplicate rather than an error */
  char     *message;     /* the reason, without the line number */
} HsImportProblem;

void hs_import_problem_free (HsImportProblem *problem);

typedef struct
{
  guint imported;
  guint merged;
  guint skipped;
} HsImportResult;

typedef void (*HsImportProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef struct _HsCsvImport HsCsvImport;

/* Opens @path, detects its encoding and delimiter, reads the header and
 * matches the columns. Nothing is written to @db. */
HsCsvImport   *hs_csv_import_new            (HsDatabase      *db,
                                             const char      *path,
                                             GError         **error);
void           hs_csv_import_free           (HsCsvImport     *self);

HsCsvEncoding  hs_csv_import_get_encoding   (HsCsvImport     *self);
char           hs_csv_import_get_delimiter  (HsCsvImport     *self);
/* Both re-read the header and match the columns again. */
gboolean       hs_csv_import_set_format     (HsCsvImport     *self,
                                             HsCsvEncoding    encoding,
                                             char             delimiter,
                                             GError         **error);

guint          hs_csv_import_get_n_columns  (HsCsvImport     *self);
const char    *hs_csv_import_get_column_name (HsCsvImport    *self,
                                             guint            column);
HsImportField  hs_csv_import_get_column_field (HsCsvImport   *self,
                                             guint            column);
void           hs_csv_import_set_column_field (HsCsvImport   *self,
                                             guint            column,
                                             HsImportField    field);
/* Fails with HS_IMPORT_ERROR_COLUMNS when name or sex has no column. */
gboolean       hs_csv_import_check_columns  (HsCsvImport     *self,
                                             GError         **error);

/* The first @max_rows data rows as they are in the file (GStrv each). */
GPtrArray     *hs_csv_import_preview        (HsCsvImport     *self,
                                             guint            max_rows,
                                             GError         **error);

/* Reads the whole file and lists every bad row and possible duplicate
 * (HsImportProblem, in file order) without writing; @n_rows gets the number
 * of data rows. */
GPtrArray     *hs_csv_import_check          (HsCsvImport     *self,
                                             guint           *n_rows,
                                             GCancellable    *cancellable,
                                             GError         **error);

/* Checks, then imports in one transaction: everything or nothing. Fails
 * with HS_IMPORT_ERROR_ROWS (and writes nothing) when a row is bad and
 * @skip_bad_rows is FALSE; @problems (may be NULL) gets what the check
 * found. A @dry_run rolls back at the end. A cancel leaves @db unchanged. */
gboolean       hs_csv_import_run            (HsCsvImport          *self,
                                             gboolean              skip_bad_rows,
                                             HsImportDuplicates    duplicates,
                                             gboolean              dry_run,
                                             HsImportProgressFunc  progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             HsImportResult       *result,
                                             GPtrArray           **problems,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsImportProblem, hs_import_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCsvImport, hs_csv_import_free)

G_END_DECLS
