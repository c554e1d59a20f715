/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HS_TYPE_HELP_WINDOW (hs_help_window_get_type ())
G_DECLARE_FINAL_TYPE (HsHelpWindow, hs_help_window, HS, HELP_WINDOW, AdwWindow)

GtkWindow *hs_help_window_new (GtkWindow *parent);

G_END_DECLS
