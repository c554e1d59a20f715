/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* Fills an empty database with the seed article's programme: 836 graduates in
 * Musanze, Nyabihu, Ngoma, Nyagatare and Nyamagabe, plus drop-outs and one
 * cohort still running around @today (NULL: the real date). Refuses a
 * database that already holds people or groups. */
gboolean hs_sample_data_fill (HsDatabase  *db,
                              GDate       *today,
                              GError     **error);

/* Adds @n synthetic participants in groups of 13 with 15 sessions and their
 * attendance, for benchmarks at a national programme's scale. */
gboolean hs_sample_data_add_scale (HsDatabase  *db,
                                   guint        n,
                                   GError     **error);

G_END_DECLS
