/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hs-certificate.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CERTIFICATE_LANDSCAPE,
  HS_CERTIFICATE_PORTRAIT,
} HsCertificateOrientation;

/* A4 in points (1/72 inch). */
#define HS_CERTIFICATE_A4_SHORT 595.2756
#define HS_CERTIFICATE_A4_LONG  841.8898
/* Nothing is drawn closer than this to the paper's edge (about 10 mm): what
 * office printers cannot print. Text stays further in, inside the border. */
#define HS_CERTIFICATE_PRINTABLE_MARGIN 28.0

/* What every certificate of a batch shares: organisation, partner logos,
 * signatories. Images are loaded once and reused on every page. */
typedef struct _HsCertificateDesign HsCertificateDesign;

HsCertificateDesign *hs_certificate_design_new       (void);
/* Reads organisation.name, certificate.logo1…4 and
 * certificate.signatory1|2.name|title|image from the database settings. */
HsCertificateDesign *hs_certificate_design_new_from_settings (HsDatabase *db);
void                 hs_certificate_design_free      (HsCertificateDesign  *design);
void                 hs_certificate_design_set_organisation (HsCertificateDesign *design,
                                                      const char           *name);
/* @index 0–3; a PNG or SVG file, NULL to clear. An unreadable file is left out. */
void                 hs_certificate_design_set_logo  (HsCertificateDesign  *design,
                                                      guint                 index,
                                                      const char           *path);
/* @index 0 (left) or 1 (right); @image (PNG or SVG) may be NULL. */
void                 hs_certificate_design_set_signatory (HsCertificateDesign *design,
                                                      guint                 index,
                                                      const char           *name,
                                                      const char           *title,
                                                      const char           *image);

void                 hs_certificate_page_size        (HsCertificateOrientation orientation,
                                                      double               *width,
                                                      double               *height);

/* Draws one certificate filling @width × @height (points, or any unit in
 * that ratio): the one drawing used for preview, print and PDF. The wording
 * follows the certificate's language, not the user interface's. */
void                 hs_certificate_draw             (HsCertificateDesign  *design,
                                                      cairo_t              *cr,
                                                      double                width,
                                                      double                height,
                                                      HsCertificate        *certificate);

/* Called after each page; return FALSE to stop. */
typedef gboolean (*HsCertificateProgress) (guint    done,
                                           guint    total,
                                           gpointer user_data);

/* One PDF page per certificate of @certificates (HsCertificate), fonts
 * embedded. A cancelled or failed batch leaves no file behind. */
gboolean             hs_certificate_write_pdf        (HsCertificateDesign  *design,
                                                      GPtrArray            *certificates,
                                                      HsCertificateOrientation orientation,
                                                      const char           *path,
                                                      HsCertificateProgress progress,
                                                      gpointer              user_data,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCertificateDesign, hs_certificate_design_free)

G_END_DECLS
