/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The Calendar section: the sessions of every group in a week or a month,
 * with the public holidays, Kwibuka and Umuganda marked; today's first. */
#define HS_TYPE_CALENDAR_PAGE (hs_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (HsCalendarPage, hs_calendar_page, HS, CALENDAR_PAGE, AdwBin)

G_END_DECLS
