/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

typedef enum
{
  HS_EXPORT_PARTICIPANTS,
  HS_EXPORT_ATTENDANCE,
  HS_EXPORT_GRADUATES,
} HsExportWhat;

typedef enum
{
  HS_EXPORT_CSV,    /* UTF-8 with BOM, CRLF, formula cells defused with ' */
  HS_EXPORT_XLSX,   /* bold frozen header, autofilter, widths, real dates */
} HsExportFormat;

/* "participants", "attendance", "graduates"; FALSE for another word. */
gboolean  hs_export_what_from_string (const char      *name,
                                      HsExportWhat    *what);

/* Writes the table to @path (through a temporary file, so a failed export
 * leaves no half file); @n_rows (may be NULL) gets the number of rows.
 * Participants' columns carry the import's names, so a file exported here
 * can be imported into another database. */
gboolean  hs_export_write            (HsDatabase      *db,
                                      HsExportWhat     what,
                                      HsExportFormat   format,
                                      const char      *path,
                                      guint           *n_rows,
                                      GError         **error);

/* One CSV cell as written by hs_export_write (quoted when needed, and a
 * leading = + - @ tab or CR prefixed with '). */
void      hs_export_append_csv_cell  (GString         *out,
                                      const char      *value);

G_END_DECLS
