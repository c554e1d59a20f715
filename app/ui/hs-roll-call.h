/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* Taking attendance at one session: a row per member with Present, Absent
 * and Excused; P, A and E mark the focused row, arrows move between rows.
 * Every change is saved at once and can be undone (Ctrl+Z). Emits "closed"
 * when the coordinator goes back. */
#define HS_TYPE_ROLL_CALL (hs_roll_call_get_type ())
G_DECLARE_FINAL_TYPE (HsRollCall, hs_roll_call, HS, ROLL_CALL, AdwBin)

GtkWidget *hs_roll_call_new         (void);
gboolean   hs_roll_call_load        (HsRollCall  *self,
                                     HsDatabase  *database,
                                     gint64       session_id,
                                     GError     **error);
/* Puts the keyboard on the first member, ready for P, A, E. */
void       hs_roll_call_focus       (HsRollCall  *self);

G_END_DECLS
