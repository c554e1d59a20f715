/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The holiday table, a year at a time: add, correct and delete the public
 * holidays that sessions are kept off (every change audited by core).
 * Emits "changed" after each change. */
#define HS_TYPE_HOLIDAYS_DIALOG (hs_holidays_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsHolidaysDialog, hs_holidays_dialog, HS, HOLIDAYS_DIALOG, AdwWindow)

HsHolidaysDialog *hs_holidays_dialog_new (GtkWindow  *parent,
                                          HsDatabase *database,
                                          int         year);

G_END_DECLS
