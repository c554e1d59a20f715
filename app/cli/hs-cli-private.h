/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "hs-database.h"

G_BEGIN_DECLS

/* What every command gets: the global options and its own arguments. */
typedef struct
{
  const char *db_path;
  const char *language;
  const char *command;
  char      **args;
  int         n_args;
} HsCliOptions;

typedef int (*HsCliRun) (const HsCliOptions *options);

/* One line on stderr; returns the exit status 1 (the command failed). */
int         _hs_cli_fail          (const char          *message);
/* One line on stderr and a hint; returns 2 (the command line was wrong). */
int         _hs_cli_usage_error   (const char          *message);
HsDatabase *_hs_cli_open_database (const HsCliOptions  *options,
                                   GError             **error);
/* Takes "NAME VALUE" or "NAME=VALUE" at args[*i] (advancing *i past VALUE). */
gboolean    _hs_cli_take_value    (const HsCliOptions  *options,
                                   int                 *i,
                                   const char          *name,
                                   const char         **value);
/* @text as a JSON string, or null. */
void        _hs_cli_append_json_string (GString    *out,
                                        const char *text);

/* Commands, one file each (hs-cli-<area>.c). */
int         _hs_cli_sample_data   (const HsCliOptions  *options);
int         _hs_cli_stats         (const HsCliOptions  *options);
int         _hs_cli_check         (const HsCliOptions  *options);
int         _hs_cli_certificates  (const HsCliOptions  *options);
int         _hs_cli_verify        (const HsCliOptions  *options);
int         _hs_cli_chart         (const HsCliOptions  *options);
int         _hs_cli_schedule_preview (const HsCliOptions *options);
int         _hs_cli_groups        (const HsCliOptions  *options);
int         _hs_cli_attendance    (const HsCliOptions  *options);
int         _hs_cli_participants  (const HsCliOptions  *options);
int         _hs_cli_import        (const HsCliOptions  *options);
int         _hs_cli_backup        (const HsCliOptions  *options);
int         _hs_cli_restore       (const HsCliOptions  *options);
int         _hs_cli_export        (const HsCliOptions  *options);
int         _hs_cli_merge         (const HsCliOptions  *options);
int         _hs_cli_dhis2         (const HsCliOptions  *options);
int         _hs_cli_dhis2_map     (const HsCliOptions  *options);
int         _hs_cli_livelihoods   (const HsCliOptions  *options);
int         _hs_cli_livelihoods_records (const HsCliOptions *options);

G_END_DECLS
