/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-page"

#include "hs-page.h"

G_DEFINE_INTERFACE (HsPage, hs_page, GTK_TYPE_WIDGET)

static void
hs_page_default_init (HsPageInterface *iface)
{
}

void
hs_page_set_database (HsPage     *self,
                      HsDatabase *database)
{
  g_return_if_fail (HS_IS_PAGE (self));
  HS_PAGE_GET_IFACE (self)->set_database (self, database);
}

gboolean
hs_page_reload (HsPage  *self,
                GError **error)
{
  g_return_val_if_fail (HS_IS_PAGE (self), FALSE);
  return HS_PAGE_GET_IFACE (self)->reload (self, error);
}
