/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"
#include "hs-group.h"

G_BEGIN_DECLS

/* What the New Group flow chooses from, and the group's creation. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *sex;     /* "F"/"M" for people, NULL for places */
  gint64  district_id;  /* a facility's district; 0 for the rest */
  gboolean local;       /* a facilitator who works where the group will meet */
} HsPick;

void       hs_pick_free                (HsPick      *pick);

/* All districts / all correctional facilities, by name: GPtrArrays of HsPick. */
GPtrArray *hs_group_plan_districts     (HsDatabase  *db);
GPtrArray *hs_group_plan_facilities    (HsDatabase  *db);

/* All facilitators: first those (marked local) who facilitate or facilitated
 * a group in @district_id (community) or in @facility_id (prison), then the
 * others; by name within each part. */
GPtrArray *hs_group_plan_facilitators  (HsDatabase  *db,
                                        const char  *setting,
                                        gint64       district_id,
                                        gint64       facility_id);

/* Screened people who consented (and did not withdraw), who are in no
 * planned or running group, of @age_band, living in @district_id (community,
 * not prisoners) or held in @facility_id (prison), by name. */
GPtrArray *hs_group_plan_candidates    (HsDatabase  *db,
                                        const char  *setting,
                                        gint64       district_id,
                                        gint64       facility_id,
                                        const char  *age_band,
                                        GError     **error);

/* Warnings for the chosen numbers (translated), NULL when all is well:
 * two facilitators, 10–15 members. */
char      *hs_group_plan_check_sizes   (guint        n_facilitators,
                                        guint        n_members);

/* Saves @group, its facilitators and members, and plans its sessions, in one
 * transaction (audited). */
gboolean   hs_group_plan_create        (HsDatabase  *db,
                                        HsGroup     *group,
                                        GArray      *facilitator_ids,
                                        GArray      *member_ids,
                                        GError     **error);

G_END_DECLS
