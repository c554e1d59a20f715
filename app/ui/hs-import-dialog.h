/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The CSV import wizard: file → encoding, delimiter and columns → preview
 * with every problem by line → import with progress and Cancel. */
#define HS_TYPE_IMPORT_DIALOG (hs_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsImportDialog, hs_import_dialog, HS, IMPORT_DIALOG, AdwWindow)

HsImportDialog *hs_import_dialog_new       (GtkWindow      *parent,
                                            HsDatabase     *database);
/* Skips the file chooser (a file dropped on the window, for instance). */
void            hs_import_dialog_open_file (HsImportDialog *self,
                                            const char     *path);

G_END_DECLS
