/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The A4 sheet members sign at a session: group, date, venue, facilitators,
 * one line per member with a signature box; labels in Kinyarwanda and
 * English, or in one of them (hs_sign_in_sheet_set_language). The same
 * drawing serves GtkPrintOperation and PDF files. */
typedef struct _HsSignInSheet HsSignInSheet;

#define HS_SIGN_IN_SHEET_WIDTH  595.276   /* A4 portrait, in points */
#define HS_SIGN_IN_SHEET_HEIGHT 841.890

HsSignInSheet *hs_sign_in_sheet_load        (HsDatabase      *db,
                                             gint64           session_id,
                                             GError         **error);
void           hs_sign_in_sheet_free        (HsSignInSheet   *sheet);
/* "rw+en" (the default), "rw" or "en". */
void           hs_sign_in_sheet_set_language (HsSignInSheet  *sheet,
                                              const char     *language);
guint          hs_sign_in_sheet_get_n_pages (HsSignInSheet   *sheet);
/* Draws @page (from 0) on a @width × @height area, in points. */
void           hs_sign_in_sheet_draw_page   (HsSignInSheet   *sheet,
                                             cairo_t         *cr,
                                             double           width,
                                             double           height,
                                             guint            page);
gboolean       hs_sign_in_sheet_write_pdf   (HsSignInSheet   *sheet,
                                             const char      *path,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSignInSheet, hs_sign_in_sheet_free)

G_END_DECLS
