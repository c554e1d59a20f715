/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The Participants section: a searchable, filterable list of everyone in
 * the database (paged from SQL) beside the record of the one selected. */
#define HS_TYPE_PARTICIPANTS_PAGE (hs_participants_page_get_type ())
G_DECLARE_FINAL_TYPE (HsParticipantsPage, hs_participants_page, HS, PARTICIPANTS_PAGE, AdwBin)

/* Shows the people matching the given values (NULL: any), e.g. the people
 * behind a bar of a chart; the search is cleared. */
void hs_participants_page_show_matching (HsParticipantsPage *self,
                                         const char         *district,
                                         const char         *sex,
                                         const char         *age_band,
                                         const char         *setting,
                                         const char         *outcome);
/* Narrows the list further, to what the filters above cannot express (see
 * hs_participant_list_set_scope), and says so above the list in
 * @description, beside a button that widens it again; NULL description:
 * no such narrowing. */
void hs_participants_page_set_scope     (HsParticipantsPage *self,
                                         const char         *from,
                                         const char         *to,
                                         const char         *approach,
                                         gint64              facility_id,
                                         const char         *category,
                                         const char         *description);
/* Between these two, changes of filters and scope leave the list
 * detached from the view; thaw attaches it once (about a second at a
 * million people each time). They nest. */
void hs_participants_page_freeze        (HsParticipantsPage *self);
void hs_participants_page_thaw          (HsParticipantsPage *self);

G_END_DECLS
