/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The Livelihoods section: life after graduation. Livelihood groups of
 * graduates with their members, seed capital and follow-up visits; the
 * vocational training of prison graduates; the programme targets. */
#define HS_TYPE_LIVELIHOODS_PAGE (hs_livelihoods_page_get_type ())
G_DECLARE_FINAL_TYPE (HsLivelihoodsPage, hs_livelihoods_page, HS, LIVELIHOODS_PAGE, AdwBin)

G_END_DECLS
