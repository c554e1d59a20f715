/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* Everything the database holds about one person, as a printable A4 PDF in
 * @language ("rw" or "en"): every field of the record, groups and
 * outcomes, attendance, consent and the record's history. The right of
 * access of Law No 058/2021; hs_participant_export_json () is the same for
 * machines. */
gboolean hs_person_sheet_write_pdf (HsDatabase  *db,
                                    gint64       participant_id,
                                    const char  *language,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
