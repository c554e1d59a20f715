/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* A healing space. approach "sociotherapy"/"multifamily"/"resilience";
 * setting "community"/"prison" (a prison group has a facility-id);
 * age-band "youth"/"adult"; status "planned"/"running"/"graduated"/"closed";
 * weekday 1 (Monday) … 7 (Sunday), 0 when not set; start-time "HH:MM". */
#define HS_TYPE_GROUP (hs_group_get_type ())
G_DECLARE_FINAL_TYPE (HsGroup, hs_group, HS, GROUP, GObject)

HsGroup     *hs_group_new                  (void);
HsGroup     *hs_group_load                 (HsDatabase  *db,
                                            gint64       id,
                                            GError     **error);
gboolean     hs_group_save                 (HsGroup     *self,
                                            HsDatabase  *db,
                                            GError     **error);
gboolean     hs_group_delete               (HsDatabase  *db,
                                            gint64       id,
                                            GError     **error);

gboolean     hs_group_add_facilitator      (HsDatabase  *db,
                                            gint64       group_id,
                                            gint64       facilitator_id,
                                            GError     **error);
gboolean     hs_group_remove_facilitator   (HsDatabase  *db,
                                            gint64       group_id,
                                            gint64       facilitator_id,
                                            GError     **error);
/* Facilitator ids of a group, in the order they were added. */
GArray      *hs_group_list_facilitators    (HsDatabase  *db,
                                            gint64       group_id,
                                            GError     **error);

gint64       hs_group_get_id               (HsGroup     *self);
const char  *hs_group_get_name             (HsGroup     *self);
const char  *hs_group_get_approach         (HsGroup     *self);
const char  *hs_group_get_setting          (HsGroup     *self);
const char  *hs_group_get_age_band         (HsGroup     *self);
gint64       hs_group_get_district_id      (HsGroup     *self);
gint64       hs_group_get_facility_id      (HsGroup     *self);
const char  *hs_group_get_sector           (HsGroup     *self);
const char  *hs_group_get_venue            (HsGroup     *self);
int          hs_group_get_weekday          (HsGroup     *self);
const char  *hs_group_get_start_time       (HsGroup     *self);
const char  *hs_group_get_start_date       (HsGroup     *self);
int          hs_group_get_planned_sessions (HsGroup     *self);
const char  *hs_group_get_status           (HsGroup     *self);
const char  *hs_group_get_graduation_date  (HsGroup     *self);
const char  *hs_group_get_graduation_venue (HsGroup     *self);
/* 0: the programme's rule.min_sessions applies. */
int          hs_group_get_min_sessions     (HsGroup     *self);
/* -1: the programme's rule.excused_counts applies; else 0 or 1. */
int          hs_group_get_excused_count    (HsGroup     *self);
const char  *hs_group_get_created          (HsGroup     *self);
const char  *hs_group_get_updated          (HsGroup     *self);

G_END_DECLS
