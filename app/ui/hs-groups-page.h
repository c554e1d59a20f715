/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The Groups section: the list of groups with filters; a group opens its
 * page, a session of it the roll call. */
#define HS_TYPE_GROUPS_PAGE (hs_groups_page_get_type ())
G_DECLARE_FINAL_TYPE (HsGroupsPage, hs_groups_page, HS, GROUPS_PAGE, AdwBin)

/* Opens the page of one group (from a participant's record, for instance). */
void hs_groups_page_open_group (HsGroupsPage *self,
                                gint64        group_id);

/* Opens the page of a session's group at the roll call of that session. */
void hs_groups_page_open_session (HsGroupsPage *self,
                                  gint64        session_id);

/* Starts the New Group dialog. */
void hs_groups_page_new_group  (HsGroupsPage *self);

G_END_DECLS
