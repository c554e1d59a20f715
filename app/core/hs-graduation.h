/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* The graduation rule: a member graduates after attending at least
 * min_sessions sessions; excused absences count as attended when
 * excused_counts is set. The programme sets it (settings rule.min_sessions,
 * rule.excused_counts); a group may override both. */
typedef struct
{
  int       min_sessions;
  gboolean  excused_counts;
} HsGraduationRule;

typedef enum
{
  HS_STANDING_REACHED,     /* meets the rule already */
  HS_STANDING_ON_TRACK,    /* can still miss one of the remaining sessions or more */
  HS_STANDING_AT_RISK,     /* must attend every remaining session */
  HS_STANDING_UNREACHABLE, /* cannot reach the minimum any more */
} HsStanding;

typedef struct
{
  gint64      participant_id;
  char       *full_name;
  char       *sex;
  char       *outcome;     /* membership outcome: ongoing, graduated, … */
  gint64      group_id;
  char       *group_name;
  int         present;
  int         absent;
  int         excused;
  int         held;        /* sessions of the group held so far */
  int         remaining;   /* planned or moved sessions still to come */
  HsStanding  standing;
  char       *explanation; /* translated: "attended 9 of 11 so far — can still graduate" */
} HsMemberStanding;

void        hs_member_standing_free       (HsMemberStanding        *standing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsMemberStanding, hs_member_standing_free)

/* The programme's rule, from the settings. */
HsGraduationRule hs_graduation_rule_get_default (HsDatabase      *db);
gboolean    hs_graduation_rule_set_default (HsDatabase             *db,
                                            const HsGraduationRule *rule,
                                            GError                **error);
/* The rule that applies to @group_id: its own override, else the programme's. */
gboolean    hs_graduation_rule_for_group   (HsDatabase             *db,
                                            gint64                  group_id,
                                            HsGraduationRule       *rule,
                                            GError                **error);

/* Where a member stands; @explanation (optional) receives why, translated. */
HsStanding  hs_graduation_assess           (const HsGraduationRule *rule,
                                            int                     present,
                                            int                     excused,
                                            int                     held,
                                            int                     remaining,
                                            char                  **explanation);

/* Every member of the group with their standing, by name: a GPtrArray of
 * HsMemberStanding. */
GPtrArray  *hs_graduation_list_group       (HsDatabase             *db,
                                            gint64                  group_id,
                                            GError                **error);
/* Ongoing members of running groups (of @group_id, or all when 0) who are at
 * risk or cannot graduate any more, by group and name. */
GPtrArray  *hs_graduation_list_at_risk     (HsDatabase             *db,
                                            gint64                  group_id,
                                            GError                **error);

/* What closing the group proposes for @standing: "graduated" or "dropped". */
const char *hs_graduation_proposed_outcome (const HsMemberStanding *standing);

/* Closes the group: every ongoing member gets the proposed outcome, except
 * those in @overrides (participant id → HsGraduationOverride), which need a
 * reason. The group becomes "graduated" with its date and venue. One
 * transaction; everything audited. */
typedef struct
{
  char *outcome;
  char *reason;
} HsGraduationOverride;

void        hs_graduation_override_free    (HsGraduationOverride   *override);
GHashTable *hs_graduation_overrides_new    (void);
void        hs_graduation_overrides_add    (GHashTable             *overrides,
                                            gint64                  participant_id,
                                            const char             *outcome,
                                            const char             *reason);
gboolean    hs_graduation_close_group      (HsDatabase             *db,
                                            gint64                  group_id,
                                            const char             *date,
                                            const char             *venue,
                                            GHashTable             *overrides,
                                            GError                **error);

/* A group's sessions × members, for the attendance grid. */
typedef struct
{
  gint64  id;
  int     number;
  char   *date;
  char   *time;
  char   *venue;
  char   *status;
  char   *reason;
} HsGridSession;

typedef struct
{
  GArray    *sessions;  /* HsGridSession, by number */
  GPtrArray *members;   /* HsMemberStanding, by name */
  char      *marks;     /* members × sessions: 'p', 'a', 'e' or 0 */
} HsAttendanceGrid;

HsAttendanceGrid *hs_attendance_grid_load (HsDatabase        *db,
                                           gint64             group_id,
                                           GError           **error);
void        hs_attendance_grid_free        (HsAttendanceGrid       *grid);
/* "present"/"absent"/"excused", or NULL when no mark was taken. */
const char *hs_attendance_grid_get         (HsAttendanceGrid       *grid,
                                            guint                   member,
                                            guint                   session);
/* A translated one-letter mark for a grid cell: P, A, E; "·" for none. */
const char *hs_attendance_mark_letter      (const char             *mark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsAttendanceGrid, hs_attendance_grid_free)

G_END_DECLS
