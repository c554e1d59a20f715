/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* One line of the groups list: what a coordinator scans for each group. */
#define HS_TYPE_GROUP_ROW (hs_group_row_get_type ())
G_DECLARE_FINAL_TYPE (HsGroupRow, hs_group_row, HS, GROUP_ROW, GObject)

gint64      hs_group_row_get_id               (HsGroupRow *self);
const char *hs_group_row_get_name             (HsGroupRow *self);
const char *hs_group_row_get_approach         (HsGroupRow *self);
const char *hs_group_row_get_setting          (HsGroupRow *self);
const char *hs_group_row_get_age_band         (HsGroupRow *self);
/* The district of a community group, the facility of a prison group. */
const char *hs_group_row_get_place            (HsGroupRow *self);
/* Facilitators' names, joined with ", ". */
const char *hs_group_row_get_facilitators     (HsGroupRow *self);
int         hs_group_row_get_n_facilitators   (HsGroupRow *self);
/* Members not dropped or transferred. */
int         hs_group_row_get_members          (HsGroupRow *self);
int         hs_group_row_get_held             (HsGroupRow *self);
int         hs_group_row_get_planned          (HsGroupRow *self);
const char *hs_group_row_get_status           (HsGroupRow *self);
/* "session 6 of 15", translated. */
char       *hs_group_row_dup_progress         (HsGroupRow *self);

/* The groups that match the filters, by name, as a GListModel of HsGroupRow.
 * Filtering happens in SQL; a row is read when a view asks for it. */
#define HS_TYPE_GROUP_LIST (hs_group_list_get_type ())
G_DECLARE_FINAL_TYPE (HsGroupList, hs_group_list, HS, GROUP_LIST, GObject)

HsGroupList *hs_group_list_new          (HsDatabase  *db);
/* 0: any district (a prison group is in its facility's district). */
void         hs_group_list_set_district (HsGroupList *self,
                                         gint64       district_id);
/* "community"/"prison"; NULL: both. */
void         hs_group_list_set_setting  (HsGroupList *self,
                                         const char  *setting);
/* "planned"/"running"/"graduated"/"closed"; NULL: any. */
void         hs_group_list_set_status   (HsGroupList *self,
                                         const char  *status);
/* Reads the list again: after a write. */
void         hs_group_list_reload       (HsGroupList *self);

/* The districts that have groups, by name, and their ids in @ids (optional). */
GStrv        hs_group_list_districts    (HsDatabase  *db,
                                         GArray     **ids);

const char  *hs_group_approach_label    (const char  *approach);
const char  *hs_group_setting_label     (const char  *setting);
const char  *hs_group_status_label      (const char  *status);

G_END_DECLS
