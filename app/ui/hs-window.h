/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-application.h"
#include "hs-database.h"

G_BEGIN_DECLS

#define HS_TYPE_WINDOW (hs_window_get_type ())
G_DECLARE_FINAL_TYPE (HsWindow, hs_window, HS, WINDOW, AdwApplicationWindow)

HsWindow     *hs_window_new          (HsApplication *application,
                                      HsDatabase    *database,
                                      const char    *path,
                                      const GError  *error,
                                      const char    *section);
HsDatabase   *hs_window_get_database (HsWindow      *self);
const char   *hs_window_get_path     (HsWindow      *self);
const GError *hs_window_get_error    (HsWindow      *self);
void          hs_window_save_state   (HsWindow      *self);

void          hs_window_show_section (HsWindow   *self,
                                      const char *name);

GtkWidget    *hs_window_get_section  (HsWindow   *self,
                                      const char *name);

/* The file changed through a connection of this window's own (a worker
 * thread's): not news from another program, so not announced. */
void          hs_window_accept_changes (HsWindow *self);

/* A toast that stays until dismissed. */
void           hs_window_show_toast     (HsWindow      *self,
                                         const char    *text);

G_END_DECLS
