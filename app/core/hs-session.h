/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* One weekly meeting of a group. status "planned"/"held"/"cancelled"/"moved". */
#define HS_TYPE_SESSION (hs_session_get_type ())
G_DECLARE_FINAL_TYPE (HsSession, hs_session, HS, SESSION, GObject)

HsSession   *hs_session_new         (void);
HsSession   *hs_session_load        (HsDatabase  *db,
                                     gint64       id,
                                     GError     **error);
gboolean     hs_session_save        (HsSession   *self,
                                     HsDatabase  *db,
                                     GError     **error);
gboolean     hs_session_delete      (HsDatabase  *db,
                                     gint64       id,
                                     GError     **error);

gint64       hs_session_get_id       (HsSession  *self);
gint64       hs_session_get_group_id (HsSession  *self);
int          hs_session_get_number   (HsSession  *self);
const char  *hs_session_get_date     (HsSession  *self);
const char  *hs_session_get_time     (HsSession  *self);
const char  *hs_session_get_venue    (HsSession  *self);
const char  *hs_session_get_topic    (HsSession  *self);
const char  *hs_session_get_status   (HsSession  *self);
const char  *hs_session_get_reason   (HsSession  *self);

G_END_DECLS
