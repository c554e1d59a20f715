/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The Certificates section: print or save certificates for a group or a
 * ceremony, verify a serial, and browse, search and void the register. */
#define HS_TYPE_CERTIFICATES_PAGE (hs_certificates_page_get_type ())
G_DECLARE_FINAL_TYPE (HsCertificatesPage, hs_certificates_page, HS, CERTIFICATES_PAGE, AdwBin)

G_END_DECLS
