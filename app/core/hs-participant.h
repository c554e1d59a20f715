/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* A person enrolled in the programme. Enumerated fields hold the database's
 * own spellings: sex "F"/"M"; age-band "youth"/"adult"; category "survivor",
 * "perpetrator", "descendant", "convict", "ex_combatant", "returnee", "other";
 * trauma-level "none", "mild", "moderate", "severe". Dates are "YYYY-MM-DD". */
#define HS_TYPE_PARTICIPANT (hs_participant_get_type ())
G_DECLARE_FINAL_TYPE (HsParticipant, hs_participant, HS, PARTICIPANT, GObject)

HsParticipant *hs_participant_new              (void);
HsParticipant *hs_participant_load             (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);
/* Inserts when the id is 0 (and sets id, uuid, created), updates otherwise. */
gboolean       hs_participant_save             (HsParticipant  *self,
                                                HsDatabase     *db,
                                                GError        **error);
gboolean       hs_participant_delete           (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

const char    *hs_age_band_for_age             (HsDatabase     *db,
                                                int             age);

gint64         hs_participant_get_id           (HsParticipant  *self);
const char    *hs_participant_get_uuid         (HsParticipant  *self);
const char    *hs_participant_get_full_name    (HsParticipant  *self);
const char    *hs_participant_get_sex          (HsParticipant  *self);
int            hs_participant_get_birth_year   (HsParticipant  *self);
const char    *hs_participant_get_age_band     (HsParticipant  *self);
const char    *hs_participant_get_phone        (HsParticipant  *self);
const char    *hs_participant_get_national_id  (HsParticipant  *self);
gint64         hs_participant_get_district_id  (HsParticipant  *self);
const char    *hs_participant_get_district     (HsParticipant  *self);
const char    *hs_participant_get_sector       (HsParticipant  *self);
const char    *hs_participant_get_cell         (HsParticipant  *self);
const char    *hs_participant_get_village      (HsParticipant  *self);
const char    *hs_participant_get_category     (HsParticipant  *self);
gboolean       hs_participant_get_is_prisoner  (HsParticipant  *self);
gint64         hs_participant_get_facility_id  (HsParticipant  *self);
const char    *hs_participant_get_inmate_number (HsParticipant *self);
const char    *hs_participant_get_expected_release (HsParticipant *self);
const char    *hs_participant_get_screening_date (HsParticipant *self);
const char    *hs_participant_get_trauma_level (HsParticipant  *self);
const char    *hs_participant_get_screening_needs (HsParticipant *self);
const char    *hs_participant_get_screener     (HsParticipant  *self);
const char    *hs_participant_get_consent_date (HsParticipant  *self);
const char    *hs_participant_get_consent_given_by (HsParticipant *self);
const char    *hs_participant_get_consent_withdrawn (HsParticipant *self);
const char    *hs_participant_get_notes        (HsParticipant  *self);
const char    *hs_participant_get_created      (HsParticipant  *self);
const char    *hs_participant_get_updated      (HsParticipant  *self);
/* The name folded for searching: no accents, lower case. */
const char    *hs_participant_get_search_key   (HsParticipant  *self);

G_END_DECLS
