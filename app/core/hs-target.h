/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* A programme target ("20,000 people in 5 districts in 3 years"), or with
 * past set the figures a past programme reached (the Bugesera pilot).
 * metric is "people" (reached) or "graduates". female and male are -1 when
 * not split by sex; district_id 0 means every district. */
typedef struct
{
  gint64    id;               /* 0: not saved yet */
  char     *name;
  char     *metric;
  gint64    value;
  gint64    female;
  gint64    male;
  gint64    district_id;
  char     *district;         /* read only, filled by the list */
  char     *start_date;
  char     *end_date;
  gboolean  past;
} HsTarget;

HsTarget  *hs_target_new    (void);
void       hs_target_free   (HsTarget    *target);
/* Inserts or updates. */
gboolean   hs_target_save   (HsTarget    *target,
                             HsDatabase  *db,
                             GError     **error);
gboolean   hs_target_delete (HsDatabase  *db,
                             gint64       id,
                             GError     **error);
/* HsTarget: current targets first, then past programmes, by start date. */
GPtrArray *hs_target_list   (HsDatabase  *db,
                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTarget, hs_target_free)

G_END_DECLS
