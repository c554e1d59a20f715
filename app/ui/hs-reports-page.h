/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The Reports section: the tables behind every chart (and graduates by
 * district × setting × sex × age band), to copy or save as CSV. */
#define HS_TYPE_REPORTS_PAGE (hs_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (HsReportsPage, hs_reports_page, HS, REPORTS_PAGE, AdwBin)

G_END_DECLS
