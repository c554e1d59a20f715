/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* After graduation: livelihood groups (small businesses run by graduates,
 * with business-skills training, seed capital and follow-up visits) and
 * technical and vocational training (TVET) for prison graduates. */

/* A livelihood group as stored; strings NULL when not given. status is
 * "active", "paused" or "closed". */
typedef struct
{
  gint64  id;                 /* 0: not saved yet */
  char   *name;
  gint64  district_id;
  char   *activity;           /* farming, tailoring, livestock… */
  char   *training_start;     /* business-skills training, YYYY-MM-DD */
  char   *training_end;
  char   *start_date;         /* when the business started */
  char   *status;
  char   *notes;
} HsLivelihoodGroup;

/* One line of the list of groups. */
typedef struct
{
  gint64   id;
  char    *name;
  char    *district;
  char    *activity;
  char    *status;
  char    *start_date;
  guint    members;
  gint64   capital_rwf;
  char    *last_visit;        /* NULL: never visited */
  gboolean last_visit_active;
} HsLivelihoodSummary;

typedef struct
{
  gint64  participant_id;
  char   *full_name;
  char   *sex;
  char   *district;
} HsLivelihoodMember;

typedef struct
{
  gint64  id;
  gint64  amount_rwf;
  char   *date;
  char   *source;
} HsCapitalEntry;

typedef struct
{
  gint64   id;
  char    *date;
  gboolean active;
  int      members_present;   /* -1: not counted */
  char    *notes;
} HsFollowUpVisit;

/* Vocational training of a prison graduate. status is "enrolled",
 * "completed" or "dropped"; reintegration "family", "community" or NULL. */
typedef struct
{
  gint64  id;                 /* 0: not saved yet */
  gint64  participant_id;
  char   *full_name;          /* read only, filled by the list */
  char   *trade;
  char   *centre;
  char   *start_date;
  char   *end_date;
  char   *status;
  char   *expected_release;
  char   *release_date;
  char   *reintegration;
  char   *reintegration_date;
  char   *notes;
} HsTvet;

HsLivelihoodGroup *hs_livelihood_group_new    (void);
void               hs_livelihood_group_free   (HsLivelihoodGroup  *group);
HsLivelihoodGroup *hs_livelihood_group_load   (HsDatabase         *db,
                                               gint64              id,
                                               GError            **error);
/* Inserts (id 0, then sets id) or updates. */
gboolean           hs_livelihood_group_save   (HsLivelihoodGroup  *group,
                                               HsDatabase         *db,
                                               GError            **error);
/* Also removes its members, capital entries and visits. */
gboolean           hs_livelihood_group_delete (HsDatabase         *db,
                                               gint64              id,
                                               GError            **error);

/* Refuses anyone who has not graduated from a healing-space group. */
gboolean           hs_livelihood_add_member    (HsDatabase  *db,
                                                gint64       group_id,
                                                gint64       participant_id,
                                                GError     **error);
gboolean           hs_livelihood_remove_member (HsDatabase  *db,
                                                gint64       group_id,
                                                gint64       participant_id,
                                                GError     **error);

/* Returns the new entry's id, 0 on error. */
gint64             hs_livelihood_add_capital    (HsDatabase  *db,
                                                 gint64       group_id,
                                                 gint64       amount_rwf,
                                                 const char  *date,
                                                 const char  *source,
                                                 GError     **error);
gboolean           hs_livelihood_delete_capital (HsDatabase  *db,
                                                 gint64       capital_id,
                                                 GError     **error);
/* The sum of the group's capital entries in RWF; -1 on error. */
gint64             hs_livelihood_capital_total  (HsDatabase  *db,
                                                 gint64       group_id,
                                                 GError     **error);

/* @members_present -1: not counted. Returns the new visit's id, 0 on error. */
gint64             hs_livelihood_add_visit      (HsDatabase  *db,
                                                 gint64       group_id,
                                                 const char  *date,
                                                 gboolean     active,
                                                 int          members_present,
                                                 const char  *notes,
                                                 GError     **error);
gboolean           hs_livelihood_delete_visit   (HsDatabase  *db,
                                                 gint64       visit_id,
                                                 GError     **error);

/* Whether the group still worked @months after its milestone (the first
 * seed capital, or its start date before any capital): its latest
 * follow-up visit on or after the milestone + @months said so. FALSE in
 * *@active when it has neither date or no such visit. */
gboolean           hs_livelihood_active_after   (HsDatabase  *db,
                                                 gint64       group_id,
                                                 guint        months,
                                                 gboolean    *active,
                                                 GError     **error);

/* HsLivelihoodSummary, by name. */
GPtrArray         *hs_livelihood_list           (HsDatabase  *db,
                                                 GError     **error);
/* HsLivelihoodMember, by name. */
GPtrArray         *hs_livelihood_list_members   (HsDatabase  *db,
                                                 gint64       group_id,
                                                 GError     **error);
/* Graduates whose name contains @text (any case), not yet in @group_id,
 * at most @limit of them by name: the people a member may be picked from.
 * @prison: only graduates of prison groups (for TVET). */
GPtrArray         *hs_livelihood_find_graduates (HsDatabase  *db,
                                                 const char  *text,
                                                 gint64       group_id,
                                                 gboolean     prison,
                                                 guint        limit,
                                                 GError     **error);
/* HsCapitalEntry, by date. */
GPtrArray         *hs_livelihood_list_capital   (HsDatabase  *db,
                                                 gint64       group_id,
                                                 GError     **error);
/* HsFollowUpVisit, newest first. */
GPtrArray         *hs_livelihood_list_visits    (HsDatabase  *db,
                                                 gint64       group_id,
                                                 GError     **error);

HsTvet            *hs_tvet_new                  (void);
void               hs_tvet_free                 (HsTvet      *tvet);
HsTvet            *hs_tvet_load                 (HsDatabase  *db,
                                                 gint64       id,
                                                 GError     **error);
/* Only for a graduate of a prison group. Inserts or updates. */
gboolean           hs_tvet_save                 (HsTvet      *tvet,
                                                 HsDatabase  *db,
                                                 GError     **error);
gboolean           hs_tvet_delete               (HsDatabase  *db,
                                                 gint64       id,
                                                 GError     **error);
/* HsTvet with full_name, by name. */
GPtrArray         *hs_tvet_list                 (HsDatabase  *db,
                                                 GError     **error);

/* The follow-up report. */
typedef struct
{
  char   *district;           /* NULL in the totals row */
  guint   graduates;
  guint   in_groups;          /* graduates in a livelihood group */
  guint   in_tvet;
  guint   in_either;
  guint   groups;
  guint   active_groups;      /* status active now */
  gint64  capital_rwf;
  guint   due_6;              /* groups whose milestone (first capital, else
                               * start) is at least 6 months ago… */
  guint   active_6;           /* …and active at their latest visit since */
  guint   due_12;
  guint   active_12;
} HsLivelihoodReportRow;

typedef struct
{
  char                  *today;      /* the date the report is as of */
  GPtrArray             *districts;  /* HsLivelihoodReportRow, by name */
  HsLivelihoodReportRow  total;
  guint                  tvet_records;
  guint                  tvet_completed;
  guint                  tvet_released;
  guint                  tvet_reintegrated;
} HsLivelihoodReport;

/* @today: YYYY-MM-DD, NULL for the real date. */
HsLivelihoodReport *hs_livelihood_report_new  (HsDatabase          *db,
                                               const char          *today,
                                               GError             **error);
void                hs_livelihood_report_free (HsLivelihoodReport  *report);
/* UTF-8 with a BOM, CRLF, a header line, one line per district and a total. */
char               *hs_livelihood_report_csv  (const HsLivelihoodReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsLivelihoodGroup, hs_livelihood_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTvet, hs_tvet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsLivelihoodReport, hs_livelihood_report_free)

G_END_DECLS
