/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The "Certificates" page of the preferences: organisation name, the two
 * signatories (name, title, scanned signature) and up to four partner logos,
 * kept in @database's settings (audited) for every certificate it prints. */
AdwPreferencesPage *hs_certificate_preferences_new (HsDatabase *database);

G_END_DECLS
