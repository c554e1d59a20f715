/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-domain-private.h"
#include "hs-participant.h"

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
 * held, _hs_participant_index only notes the id; _release ends the hold
 * and, when @write, indexes every noted id (call it inside the bulk write's
 * transaction; without @write when that is rolled back). FTS5 writes its
 * pending entries out at every savepoint, so indexing row by row between
 * per-row savepoints cost a segment per person. */
void     _hs_participant_index_hold    (HsDatabase  *db);
gboolean _hs_participant_index_release (HsDatabase  *db,
                                        gboolean     write,
                                        GError     **error);
/* A bulk import leaves its people out of the index and records the first
 * id it added; the index catches up (only the people it lacks) before the
 * next search, or in steps (hs_participant_index_catch_up ()). */
gboolean _hs_participant_index_defer  (HsDatabase  *db,
                                       gint64       first_id,
                                       GError     **error);
gboolean _hs_participant_index_catch_up (HsDatabase  *db,
                                         GError     **error);
/* Rebuilds the index when it does not hold one entry per participant (a
 * file written by an older build or by hand); not while an import's people
 * wait to be indexed. */
gboolean _hs_participant_index_check  (HsDatabase  *db,
                                       GError     **error);

/* For the importer, which fills a million people that nothing watches: set
 * a property as g_object_set () does, without its machinery or notifications
 * (g_object_set () was ~9 % of an import's instructions). Text properties,
 * and the numeric ones id, birth-year, district-id, facility-id, is-prisoner. */
void     _hs_participant_set_text     (HsParticipant *self,
                                       const char    *property,
                                       const char    *value);
void     _hs_participant_set_number   (HsParticipant *self,
                                       const char    *property,
                                       gint64         value);

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
                                           const char *outcome_label,
                                           gboolean    consent_withdrawn);

G_END_DECLS
