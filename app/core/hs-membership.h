/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* Membership of a participant in a group, and attendance at its sessions.
 * outcome "ongoing"/"graduated"/"dropped"/"transferred";
 * mark "present"/"absent"/"excused". */

gint64       hs_membership_add          (HsDatabase  *db,
                                         gint64       group_id,
                                         gint64       participant_id,
                                         const char  *joined,
                                         GError     **error);
gboolean     hs_membership_set_outcome  (HsDatabase  *db,
                                         gint64       group_id,
                                         gint64       participant_id,
                                         const char  *outcome,
                                         const char  *left_date,
                                         const char  *reason,
                                         GError     **error);
gboolean     hs_membership_remove       (HsDatabase  *db,
                                         gint64       group_id,
                                         gint64       participant_id,
                                         GError     **error);
/* The outcome, or NULL when the participant is not in the group. */
char        *hs_membership_get_outcome  (HsDatabase  *db,
                                         gint64       group_id,
                                         gint64       participant_id,
                                         GError     **error);

gboolean     hs_attendance_set          (HsDatabase  *db,
                                         gint64       session_id,
                                         gint64       participant_id,
                                         const char  *mark,
                                         GError     **error);
/* The mark, or NULL when none was taken. */
char        *hs_attendance_get          (HsDatabase  *db,
                                         gint64       session_id,
                                         gint64       participant_id,
                                         GError     **error);

G_END_DECLS
