/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hs-chart-export-dialog.h"

G_BEGIN_DECLS

/* Asks for the ceremony's title, the charts, whether the slides move on by
 * themselves and, with two screens, which one; then starts the
 * presentation. */
void hs_presentation_setup_run (GtkWindow           *parent,
                                HsDatabase          *database,
                                const HsChartFilter *filter,
                                const HsChartSpec   *specs,
                                guint                n_specs,
                                const char          *language);

G_END_DECLS
