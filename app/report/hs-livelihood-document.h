/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hs-livelihood.h"

G_BEGIN_DECLS

#define HS_LIVELIHOOD_DOCUMENT_WIDTH  595.276   /* A4 portrait, in points */
#define HS_LIVELIHOOD_DOCUMENT_HEIGHT 841.890

/* The follow-up report for donors: graduates by district in livelihood
 * groups or TVET, capital disbursed, groups still active after 6 and 12
 * months, vocational training and the programme targets (HsTarget, may be
 * NULL). @language "rw" or "en". It runs onto further pages (cairo_show_page,
 * table headers repeated) when it does not fit on one. */
void     hs_livelihood_document_draw      (const HsLivelihoodReport *report,
                                           GPtrArray                *targets,
                                           const char               *organisation,
                                           const char               *language,
                                           cairo_t                  *cr,
                                           double                    width,
                                           double                    height);
gboolean hs_livelihood_document_write_pdf (const HsLivelihoodReport *report,
                                           GPtrArray                *targets,
                                           const char               *organisation,
                                           const char               *language,
                                           const char               *path,
                                           GError                  **error);

G_END_DECLS
