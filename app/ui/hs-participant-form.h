/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* The record of one participant: every field of the participant table,
 * grouped, with the problems that stop a save shown under their field.
 * Signals: "saved" (id) after a save, "delete-requested" (id) from its
 * delete button, "closed" when the user leaves it (after confirming that
 * unsaved changes may go). */
#define HS_TYPE_PARTICIPANT_FORM (hs_participant_form_get_type ())
G_DECLARE_FINAL_TYPE (HsParticipantForm, hs_participant_form, HS, PARTICIPANT_FORM, AdwBin)

void     hs_participant_form_set_database (HsParticipantForm  *self,
                                           HsDatabase         *database);
gboolean hs_participant_form_load         (HsParticipantForm  *self,
                                           gint64              id,
                                           GError            **error);
void     hs_participant_form_start_new    (HsParticipantForm  *self);
/* Shows the "nothing selected" page. */
void     hs_participant_form_clear        (HsParticipantForm  *self);
gboolean hs_participant_form_save         (HsParticipantForm  *self);
/* Asks first when there are unsaved changes; emits "closed" unless the user
 * keeps editing. */
void     hs_participant_form_discard      (HsParticipantForm  *self);
gboolean hs_participant_form_is_dirty     (HsParticipantForm  *self);
/* 0 for a new record or none. */
gint64   hs_participant_form_get_id       (HsParticipantForm  *self);
void     hs_participant_form_set_show_back (HsParticipantForm *self,
                                            gboolean           show);

G_END_DECLS
