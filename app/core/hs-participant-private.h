/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-domain-private.h"

G_BEGIN_DECLS

/* An SQL condition on participant alias p: people who withdrew their consent,
 * or whose data was erased, are never exported (Law 058/2021). */
#define HS_SQL_SHAREABLE "p.consent_withdrawn IS NULL AND p.erased IS NULL"

/* The search index (participant_fts) follows every write to participant:
 * call these inside the write's savepoint. */
gboolean _hs_participant_index        (HsDatabase  *db,
                                       gint64       id,
                                       GError     **error);
gboolean _hs_participant_unindex      (HsDatabase  *db,
                                       gint64       id,
                                       GError     **error);
/* A bulk write (the XML merge) indexes its people once, at the end: while
 * deferred, _hs_participant_index only notes the id; _resume ends the
 * deferral and, when @write, indexes every noted id (call it inside the bulk
 * write's transaction; without @write when that is rolled back). FTS5
 * writes its pending entries out at every savepoint, so indexing row by row
 * between per-row savepoints cost a segment per person. */
void     _hs_participant_index_defer  (HsDatabase  *db);
gboolean _hs_participant_index_resume (HsDatabase  *db,
                                       gboolean     write,
                                       GError     **error);
/* Rebuilds the index when it does not hold one entry per participant (a
 * file written by an older build or by hand). */
gboolean _hs_participant_index_check  (HsDatabase  *db,
                                       GError     **error);

/* Folded, sorted words of a name; and whether two names are at most one
 * letter apart once so reduced (swapped order, accents, one typo). */
char    *_hs_participant_name_key     (const char  *name);
gboolean _hs_participant_names_alike  (const char  *a,
                                       const char  *b);

/* A row of the participants list with its fields set directly: the list
 * makes thousands, and g_object_new() with 13 properties cost more than
 * reading them from SQL. */
typedef struct _HsParticipantRow HsParticipantRow;
HsParticipantRow *_hs_participant_row_new (gint64      id,
                                           const char *full_name,
                                           const char *sex,
                                           const char *sex_label,
                                           const char *age_band,
                                           const char *age_band_label,
                                           const char *district,
                                           gboolean    is_prisoner,
                                           const char *setting_label,
                                           gint64      group_id,
                                           const char *group,
                                           const char *outcome,
                                           const char *outcome_label);

G_END_DECLS
