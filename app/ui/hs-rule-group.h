/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The graduation rule of the programme, for the Preferences window: the
 * minimum number of sessions attended and whether excused absences count.
 * Each change is saved to @database at once. */
GtkWidget *hs_rule_group_new (HsDatabase *database);

G_END_DECLS
