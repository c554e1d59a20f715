/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* A section of the window (Dashboard, Participants, Groups, …). The window
 * creates each page from its table of sections, hands it the database and
 * asks it to reload whenever the section is shown. */
#define HS_TYPE_PAGE (hs_page_get_type ())
G_DECLARE_INTERFACE (HsPage, hs_page, HS, PAGE, GtkWidget)

struct _HsPageInterface
{
  GTypeInterface parent_iface;

  void     (*set_database) (HsPage      *self,
                            HsDatabase  *database);
  gboolean (*reload)       (HsPage      *self,
                            GError     **error);
};

void     hs_page_set_database (HsPage      *self,
                               HsDatabase  *database);
gboolean hs_page_reload       (HsPage      *self,
                               GError     **error);

G_END_DECLS
