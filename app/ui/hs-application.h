/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HS_TYPE_APPLICATION (hs_application_get_type ())
G_DECLARE_FINAL_TYPE (HsApplication, hs_application, HS, APPLICATION, AdwApplication)

HsApplication *hs_application_new          (void);
gboolean       hs_application_is_demo_path (const char *path);
/* Presents the window of @path, opening the file in a new one if needed. */
struct _HsWindow *hs_application_open_path (HsApplication *self,
                                            const char    *path);

G_END_DECLS
