/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

#define HS_XML_ERROR (hs_xml_error_quark ())

typedef enum
{
  HS_XML_ERROR_FAILED,
  HS_XML_ERROR_INVALID,   /* not a Healing Spaces export, or refused as unsafe */
} HsXmlError;

GQuark    hs_xml_error_quark (void);

/* Counts over every record merged: participants, groups, memberships,
 * facilitators and their groups, sessions, attendance and certificates. */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint conflicts;
} HsMergeResult;

/* The database as XML (resources/healing-spaces-export-1.xsd), streamed. */
gboolean  hs_xml_export      (HsDatabase     *db,
                              const char     *path,
                              guint          *n_participants,
                              GError        **error);

/* Merges another office's export: records are matched by UUID, the newer
 * "updated" wins, and what cannot be settled is listed in @conflicts
 * (strings; the first 1,000, result->conflicts counts them all) and kept in
 * the merge_conflict table (audited). The file is read
 * as a stream and validated against the XSD; a DOCTYPE, an entity or a
 * schema error stops the merge and nothing is written. One transaction; a
 * @dry_run rolls it back. */
gboolean  hs_xml_merge       (HsDatabase     *db,
                              const char     *path,
                              gboolean        dry_run,
                              HsMergeResult  *result,
                              GPtrArray     **conflicts,
                              GError        **error);

G_END_DECLS
