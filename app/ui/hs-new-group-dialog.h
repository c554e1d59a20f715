/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The New Group flow: what kind of group, where and when, two facilitators,
 * and its members chosen from the screened, consenting people of its place
 * and age band. Emits "created" with the new group's id. */
#define HS_TYPE_NEW_GROUP_DIALOG (hs_new_group_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsNewGroupDialog, hs_new_group_dialog, HS, NEW_GROUP_DIALOG, AdwWindow)

HsNewGroupDialog *hs_new_group_dialog_new (GtkWindow  *parent,
                                           HsDatabase *database);

G_END_DECLS
