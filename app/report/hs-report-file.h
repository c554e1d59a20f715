/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A PDF surface writing to @path, a file readable by its owner only (0600):
 * certificates and sign-in sheets carry names of people in a trauma
 * programme, some of them prisoners (Law 058/2021). */
cairo_surface_t *hs_report_pdf_surface_create (const char *path,
                                               double      width,
                                               double      height);
/* Creates @path empty and readable by its owner only, before cairo (or
 * anything that opens it with fopen) writes to it: the file keeps 0600. */
void             hs_report_private_file_create (const char *path);

G_END_DECLS
