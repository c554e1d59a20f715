/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-certificate-drawing.h"

G_BEGIN_DECLS

/* A window showing @certificates page by page, drawn exactly as they print.
 * Takes @design. */
GtkWidget *hs_certificate_preview_new (GtkWindow                *parent,
                                       HsCertificateDesign      *design,
                                       GPtrArray                *certificates,
                                       HsCertificateOrientation  orientation);

G_END_DECLS
