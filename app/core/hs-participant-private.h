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

G_END_DECLS
