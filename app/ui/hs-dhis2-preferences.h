/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The "DHIS2" page of the preferences: the UIDs the aggregate export puts in
 * its documents (data set, the graduates data element, a category option
 * combination for each sex and age band, an organisation unit for each
 * district), kept in @database's settings (audited). */
AdwPreferencesPage *hs_dhis2_preferences_new (HsDatabase *database);

G_END_DECLS
