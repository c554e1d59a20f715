/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* A trained sociotherapist who runs groups, usually two to a group. */
#define HS_TYPE_FACILITATOR (hs_facilitator_get_type ())
G_DECLARE_FINAL_TYPE (HsFacilitator, hs_facilitator, HS, FACILITATOR, GObject)

HsFacilitator *hs_facilitator_new             (void);
HsFacilitator *hs_facilitator_load            (HsDatabase     *db,
                                               gint64          id,
                                               GError        **error);
gboolean       hs_facilitator_save            (HsFacilitator  *self,
                                               HsDatabase     *db,
                                               GError        **error);
gboolean       hs_facilitator_delete          (HsDatabase     *db,
                                               gint64          id,
                                               GError        **error);

gint64         hs_facilitator_get_id          (HsFacilitator  *self);
const char    *hs_facilitator_get_full_name   (HsFacilitator  *self);
const char    *hs_facilitator_get_sex         (HsFacilitator  *self);
const char    *hs_facilitator_get_phone       (HsFacilitator  *self);
gint64         hs_facilitator_get_district_id (HsFacilitator  *self);
const char    *hs_facilitator_get_trained_date (HsFacilitator *self);
const char    *hs_facilitator_get_created     (HsFacilitator  *self);
const char    *hs_facilitator_get_updated     (HsFacilitator  *self);

G_END_DECLS
