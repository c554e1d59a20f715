/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

#define HS_TYPE_DASHBOARD_PAGE (hs_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (HsDashboardPage, hs_dashboard_page, HS, DASHBOARD_PAGE, AdwBin)

HsDatabase *hs_dashboard_page_get_database (HsDashboardPage  *self);
void        hs_dashboard_page_set_database (HsDashboardPage  *self,
                                            HsDatabase       *database);
gboolean    hs_dashboard_page_reload       (HsDashboardPage  *self,
                                            GError          **error);

G_END_DECLS
