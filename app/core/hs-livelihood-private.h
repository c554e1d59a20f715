/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database-private.h"
#include "hs-livelihood.h"

G_BEGIN_DECLS

/* When a group's 6- and 12-month follow-up clocks start (SQL over a
 * business_group g): its first seed-capital disbursement, or the date it
 * started when no capital has come yet. Still active after N months = the
 * latest visit on or after this date + N months said so. */
#define HS_LIVELIHOOD_MILESTONE_BASE \
  "coalesce ((SELECT min (c0.date) FROM business_capital c0" \
  " WHERE c0.business_group_id = g.id), g.start_date)"

/* Shared by hs-livelihood*.c and hs-target.c. */
char      *_hs_livelihood_dup_column     (sqlite3_stmt    *stmt,
                                          int              column);
void       _hs_livelihood_bind_text      (sqlite3_stmt    *stmt,
                                          int              index,
                                          const char      *value);
gboolean   _hs_livelihood_check_text     (GError         **error,
                                          const char      *field,
                                          ...) G_GNUC_NULL_TERMINATED;
gboolean   _hs_livelihood_step           (HsDatabase      *db,
                                          sqlite3_stmt    *stmt,
                                          const char      *what,
                                          GError         **error);
gboolean   _hs_livelihood_write_audited  (HsDatabase      *db,
                                          sqlite3_stmt    *stmt,
                                          const char      *table,
                                          gint64           id,
                                          const char      *before,
                                          const char      *what,
                                          gint64          *out_id,
                                          GError         **error);
gboolean   _hs_livelihood_check_graduate (HsDatabase      *db,
                                          gint64           participant_id,
                                          gboolean         prison,
                                          GError         **error);
GPtrArray *_hs_livelihood_collect        (HsDatabase      *db,
                                          sqlite3_stmt    *stmt,
                                          gpointer       (*read) (sqlite3_stmt *stmt),
                                          GDestroyNotify   free_func,
                                          GError         **error);

/* hs-sample-livelihoods.c: the sample programme's livelihood layer. */
gboolean   _hs_sample_livelihoods_fill   (HsDatabase      *db,
                                          const GDate     *today,
                                          GError         **error);

G_END_DECLS
