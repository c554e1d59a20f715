/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"
#include "hs-participant-row.h"

G_BEGIN_DECLS

/* The participants that match a search and filters, in a sort order, as a
 * GListModel of HsParticipantRow. Counting, filtering and sorting happen in
 * SQL; rows are read in blocks when a view asks for them, so a million
 * people cost no more memory than the rows on screen. Each setter changes the
 * list with one items-changed. */
#define HS_TYPE_PARTICIPANT_LIST (hs_participant_list_get_type ())
G_DECLARE_FINAL_TYPE (HsParticipantList, hs_participant_list, HS, PARTICIPANT_LIST, GObject)

typedef enum
{
  HS_PARTICIPANT_SORT_NAME,
  HS_PARTICIPANT_SORT_SEX,
  HS_PARTICIPANT_SORT_AGE_BAND,
  HS_PARTICIPANT_SORT_DISTRICT,
  HS_PARTICIPANT_SORT_SETTING,
  HS_PARTICIPANT_SORT_GROUP,
  HS_PARTICIPANT_SORT_OUTCOME,
} HsParticipantSort;

HsParticipantList *hs_participant_list_new            (HsDatabase        *db);
HsDatabase        *hs_participant_list_get_database   (HsParticipantList *self);
/* Words to look for at the start of the words of the name, phone, national
 * ID or village, in any order, accents and case ignored. NULL or "": all. */
void               hs_participant_list_set_search     (HsParticipantList *self,
                                                       const char        *text);
/* 0: any district. */
void               hs_participant_list_set_district   (HsParticipantList *self,
                                                       gint64             district_id);
/* "F"/"M"; NULL: both. */
void               hs_participant_list_set_sex        (HsParticipantList *self,
                                                       const char        *sex);
/* "youth"/"adult"; NULL: both. */
void               hs_participant_list_set_age_band   (HsParticipantList *self,
                                                       const char        *age_band);
/* "community"/"prison"; NULL: both. */
void               hs_participant_list_set_setting    (HsParticipantList *self,
                                                       const char        *setting);
/* The outcome in the person's latest group ("ongoing", "graduated",
 * "dropped", "transferred"), or "none" for people in no group; NULL: any. */
void               hs_participant_list_set_outcome    (HsParticipantList *self,
                                                       const char        *outcome);
/* Narrows the list to people whose latest group ended in these bounds: its
 * graduation date within @from..@to (yyyy-mm-dd, inclusive; NULL: no
 * bound), its @approach, its prison @facility_id (0: any), and the
 * person's @category; NULL or 0 for each leaves it out. The charts' bars
 * count the same people. */
void               hs_participant_list_set_scope      (HsParticipantList *self,
                                                       const char        *from,
                                                       const char        *to,
                                                       const char        *approach,
                                                       gint64             facility_id,
                                                       const char        *category);
void               hs_participant_list_set_sort       (HsParticipantList *self,
                                                       HsParticipantSort  sort,
                                                       gboolean           descending);
/* Reads the count again and forgets the rows read: after a write. */
void               hs_participant_list_reload         (HsParticipantList *self);
/* The position of the participant, or G_MAXUINT when not in the list. */
guint              hs_participant_list_find           (HsParticipantList *self,
                                                       gint64             id);
/* The FTS5 query for @text, or NULL when it has no word; for tests. */
char              *hs_participant_search_query        (const char        *text);

const char        *hs_participant_sex_label           (const char        *sex);
const char        *hs_participant_outcome_label       (const char        *outcome);

G_END_DECLS
