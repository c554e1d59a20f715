/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* Figures about graduates only: memberships whose outcome is "graduated". */
typedef struct
{
  char  *name;
  guint  graduates;
  guint  community;
  guint  prison;
  guint  female;
  guint  male;
  guint  youth;
  guint  adults;
} HsDistrictStats;

typedef struct
{
  guint      graduates;
  guint      female;
  guint      male;
  guint      youth;
  guint      adults;
  guint      prisoners;
  guint      prisoners_female;
  guint      prisoners_male;
  /* Groups with at least one graduate. */
  guint      groups_community_adult;
  guint      groups_community_youth;
  guint      groups_prison;
  /* HsDistrictStats, districts with graduates, sorted by name. */
  GPtrArray *districts;
} HsStats;

HsStats *hs_stats_compute  (HsDatabase     *db,
                            GError        **error);
void     hs_stats_free     (HsStats        *stats);
char    *hs_stats_to_json  (const HsStats  *stats);
char    *hs_stats_to_table (const HsStats  *stats);
char    *hs_stats_to_csv   (const HsStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsStats, hs_stats_free)

G_END_DECLS
