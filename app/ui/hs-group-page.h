/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* One group: its sessions, its members' attendance grid and where each
 * member stands against the graduation rule. Emits "closed" (back to the
 * list) and "open-session" (take the roll call of a session). */
#define HS_TYPE_GROUP_PAGE (hs_group_page_get_type ())
G_DECLARE_FINAL_TYPE (HsGroupPage, hs_group_page, HS, GROUP_PAGE, AdwBin)

GtkWidget *hs_group_page_new    (void);
gboolean   hs_group_page_load   (HsGroupPage  *self,
                                 HsDatabase   *database,
                                 gint64        group_id,
                                 GError      **error);
gint64     hs_group_page_get_id (HsGroupPage  *self);

G_END_DECLS
