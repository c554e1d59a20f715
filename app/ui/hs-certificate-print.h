/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hs-certificate-drawing.h"

G_BEGIN_DECLS

/* A print job of @certificates, one page each, drawn by the same function as
 * the PDF. A4 in @orientation is set explicitly, and the printer chosen last
 * time is preselected (the settings are saved when the job is sent). Takes
 * @design. */
GtkPrintOperation *hs_certificate_print_operation_new (HsCertificateDesign      *design,
                                                       GPtrArray                *certificates,
                                                       HsCertificateOrientation  orientation);

/* Replaces the certificates to print, e.g. with the issued ones once the
 * user has confirmed the print dialog (in "begin-print"). */
void               hs_certificate_print_operation_set_certificates (GtkPrintOperation *operation,
                                                                    GPtrArray         *certificates);

G_END_DECLS
