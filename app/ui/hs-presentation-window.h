/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-chart.h"

G_BEGIN_DECLS

/* Charts full screen for a graduation ceremony, one per slide: Space, →
 * or a click for the next, ← for the previous, Esc to leave, P to pause or
 * resume playing by itself. The screen does not blank while it runs. */
#define HS_TYPE_PRESENTATION_WINDOW (hs_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (HsPresentationWindow, hs_presentation_window, HS, PRESENTATION_WINDOW,
                      AdwWindow)

/* Takes @charts (HsChartData). @title (the ceremony's) and @logo (an image
 * file) make a first slide when given. @seconds > 0 moves on by itself. */
HsPresentationWindow *hs_presentation_window_new (GtkApplication *application,
                                                  GPtrArray      *charts,
                                                  const char     *language,
                                                  const char     *organisation,
                                                  const char     *title,
                                                  const char     *logo,
                                                  guint           seconds);
/* Full screen on @monitor (NULL: the one the window system picks). */
void     hs_presentation_window_start     (HsPresentationWindow *self,
                                           GdkMonitor           *monitor);
guint    hs_presentation_window_get_slide (HsPresentationWindow *self);
guint    hs_presentation_window_get_n_slides (HsPresentationWindow *self);
gboolean hs_presentation_window_get_playing (HsPresentationWindow *self);

G_END_DECLS
