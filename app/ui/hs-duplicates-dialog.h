/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* Find Duplicates: the likely pairs of the whole database, each with why
 * they look alike; the user opens either record, merges the two, or says
 * they are two people. Emits "open-participant" (id) and "merged" (kept id,
 * merged id). */
#define HS_TYPE_DUPLICATES_DIALOG (hs_duplicates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsDuplicatesDialog, hs_duplicates_dialog, HS, DUPLICATES_DIALOG, AdwWindow)

HsDuplicatesDialog *hs_duplicates_dialog_new (GtkWindow  *parent,
                                              HsDatabase *database);

G_END_DECLS
