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

G_END_DECLS
