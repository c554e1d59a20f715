/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

#define HS_DHIS2_ERROR (hs_dhis2_error_quark ())

typedef enum
{
  HS_DHIS2_ERROR_PERIOD,    /* not YYYY, YYYYMM or YYYYQn */
  HS_DHIS2_ERROR_MAPPING,   /* a district, data element or combination is not mapped */
  HS_DHIS2_ERROR_FAILED,
} HsDhis2Error;

GQuark    hs_dhis2_error_quark (void);

typedef enum
{
  HS_DHIS2_DATA_VALUE_SET_XML,
  HS_DHIS2_DATA_VALUE_SET_JSON,
  HS_DHIS2_ADX,
} HsDhis2Format;

/* The mapping lives in the settings table (so every change is audited):
 * "dhis2.orgunit.<District>", "dhis2.dataelement.graduates",
 * "dhis2.coc.<F|M>.<youth|adult>", "dhis2.dataset" (optional). Values are
 * DHIS2 UIDs: a letter and 10 letters or digits. */
gboolean  hs_dhis2_set_mapping (HsDatabase     *db,
                                const char     *kind,
                                const char     *key,
                                const char     *uid,
                                GError        **error);
/* "kind key uid" lines of what is mapped, for display. */
char     *hs_dhis2_list_mapping (HsDatabase    *db);
/* The UID mapped to @kind and @key (@key NULL for "dataset"), as stored;
 * NULL when none. */
char     *hs_dhis2_get_mapping  (HsDatabase    *db,
                                 const char    *kind,
                                 const char    *key);
/* The names of the districts there are to map, by province. */
GStrv     hs_dhis2_dup_districts (HsDatabase   *db);

/* @start and @end (inclusive, YYYY-MM-DD) of a DHIS2 period. */
gboolean  hs_dhis2_parse_period (const char    *period,
                                 char         **start,
                                 char         **end,
                                 GError       **error);

/* Graduates of @period (by graduation date) per district of the group, sex
 * and age band, as a dataValueSet or ADX document. Fails, naming what to
 * map, when a district with graduates or a combination has no UID. */
char     *hs_dhis2_export      (HsDatabase     *db,
                                const char     *period,
                                HsDhis2Format   format,
                                GError        **error);

G_END_DECLS
