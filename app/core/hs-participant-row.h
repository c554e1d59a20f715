/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A read-only line of HsParticipantList. Raw values ("F", "youth",
 * "graduated") and their translated labels. */
#define HS_TYPE_PARTICIPANT_ROW (hs_participant_row_get_type ())
G_DECLARE_FINAL_TYPE (HsParticipantRow, hs_participant_row, HS, PARTICIPANT_ROW, GObject)

gint64      hs_participant_row_get_id (HsParticipantRow *self);
const char *hs_participant_row_get_full_name (HsParticipantRow *self);
const char *hs_participant_row_get_sex (HsParticipantRow *self);
const char *hs_participant_row_get_sex_label (HsParticipantRow *self);
const char *hs_participant_row_get_age_band (HsParticipantRow *self);
const char *hs_participant_row_get_age_band_label (HsParticipantRow *self);
const char *hs_participant_row_get_district (HsParticipantRow *self);
gboolean    hs_participant_row_get_is_prisoner (HsParticipantRow *self);
const char *hs_participant_row_get_setting_label (HsParticipantRow *self);
const char *hs_participant_row_get_group (HsParticipantRow *self);
gint64      hs_participant_row_get_group_id (HsParticipantRow *self);
const char *hs_participant_row_get_outcome (HsParticipantRow *self);
const char *hs_participant_row_get_outcome_label (HsParticipantRow *self);
gboolean    hs_participant_row_get_consent_withdrawn (HsParticipantRow *self);

G_END_DECLS
